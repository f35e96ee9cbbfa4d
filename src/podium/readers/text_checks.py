"""Text podium refuses wherever it comes in: NUL and other control
characters (a NUL in an ACC name once crashed the PostgreSQL load; a
terminal escape in a team name would reach every page and table), and the
bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069: a name
holding one is shown with its letters in another order than they are
stored, so "Team A" can read as a rival's name). Right-to-left names
need none of them. Tab, line feed and carriage return stay allowed where
CSV allows them."""

from __future__ import annotations

import re

from podium.errors import InputError, Problem

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def refuse_controls(text: str, file: str, field: str = "(text)") -> None:
    """InputError naming the line and the character when ``text`` holds one."""
    found = CONTROL.search(text)
    if found is None:
        return
    line = text.count("\n", 0, found.start()) + 1
    raise InputError(
        Problem(
            file,
            line,
            field,
            "control character in the text",
            expected="printable text",
            found=f"U+{ord(found.group()):04X} at character {found.start() - text.rfind(chr(10), 0, found.start())}",
        )
    )


def control_in(value: str) -> str | None:
    """The first control character of ``value`` as ``U+0000``, else None."""
    found = CONTROL.search(value)
    return f"U+{ord(found.group()):04X}" if found else None
