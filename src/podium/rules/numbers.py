"""Numbers written by people (points in rules, penalties and adjustments)
read as exact fractions, within reason: ``Fraction`` itself reads
``1e999999999`` too, by building a billion-digit integer (minutes of CPU
and gigabytes, from a 12-character cell)."""

from __future__ import annotations

import re
from fractions import Fraction

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+|\d+/\d+)")
_EXPONENT = re.compile(r"[+-]?\d+(?:\.\d*)?e[+-]?\d{1,3}", re.IGNORECASE)
LONGEST = 40
LIMIT = 10**15
"""No points total, deduction or scale comes near it."""


def exact_number(text: str) -> Fraction:
    """``19``, ``4.5``, ``1/7`` (or ``1e3``, as a float prints) as a
    Fraction; ValueError for anything else, a zero denominator or a
    magnitude of :data:`LIMIT` or more."""
    text = text.strip()
    if len(text) > LONGEST:
        raise ValueError(f"out of range: {text[:LONGEST]!r}... ({len(text)} characters)")
    if _NUMBER.fullmatch(text) is None and _EXPONENT.fullmatch(text) is None:
        raise ValueError(f"not a number: {text!r}")
    try:
        number = Fraction(text)
    except ZeroDivisionError:
        raise ValueError(f"a zero denominator: {text!r}") from None
    if abs(number) >= LIMIT:
        raise ValueError(f"out of range: {text!r} (at most {LIMIT - 1})")
    return number
