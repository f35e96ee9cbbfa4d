"""Points are exact fractions: half points, shared fastest laps (1/7) and split
drives must add up without rounding drift, and ties must be real ties."""

from __future__ import annotations

from fractions import Fraction

from podium.rules.numbers import exact_number

Points = Fraction

ZERO = Fraction(0)


def format_points(value: Fraction | None) -> str:
    """Print points as a results sheet does: ``19``, ``4.5``, ``0.14``; blank for none."""
    if value is None:
        return ""
    if value.denominator == 1:
        return str(value.numerator)
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text


def parse_points(text: str) -> Fraction:
    """Read ``19``, ``4.5`` or ``1/7`` (ValueError for anything else, or a
    number out of range: see :func:`podium.rules.numbers.exact_number`)."""
    return exact_number(text)
