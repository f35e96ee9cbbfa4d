"""Race times as timing sheets print them: ``4:00:50.123``, ``58:01.4``,
``30s``, ``+12.345``. Kept exact (``Fraction`` of seconds): a time penalty
re-classifies cars that may be a thousandth apart."""

from __future__ import annotations

import re
from fractions import Fraction

_CLOCK = re.compile(r"^\+?(?:(\d+):)?(?:(\d+):)?(\d+(?:[.,]\d+)?)\s*(s|sec|secs|seconds)?$")


def parse_duration(text: str) -> Fraction | None:
    """Seconds in ``h:mm:ss.fff``, ``mm:ss.fff``, ``ss.fff`` or ``30s``
    (a leading ``+`` allowed); None for blank text or a gap in laps."""
    text = text.strip().lower()
    if not text:
        return None
    match = _CLOCK.match(text)
    if match is None:
        return None
    first, second, seconds, unit = match.groups()
    if unit and (first or second):
        return None
    hours, minutes = (first, second) if second is not None else (None, first)
    total = Fraction(seconds.replace(",", "."))
    if minutes is not None:
        total += 60 * int(minutes)
    if hours is not None:
        total += 3600 * int(hours)
    return total


def format_duration(seconds: Fraction) -> str:
    """``30 s``, ``1:05 s``: a penalty as a steward would say it."""
    whole = float(seconds)
    if whole < 60:
        return f"{whole:g} s"
    minutes, rest = divmod(whole, 60)
    return f"{int(minutes)}:{rest:06.3f}".rstrip("0").rstrip(".")


def format_ms(ms: int | None) -> str:
    """``1:23:45.678`` / ``1:23.456`` from milliseconds, as timing sheets print."""
    if ms is None:
        return ""
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}.{millis:03d}"
    return f"{minutes}:{seconds:02d}.{millis:03d}"
