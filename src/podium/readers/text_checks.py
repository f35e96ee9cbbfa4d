"""Text podium refuses wherever it comes in: NUL and other control
characters (a NUL in an ACC name once crashed the PostgreSQL load; a
terminal escape in a team name would reach every page and table). Tab,
line feed and carriage return stay allowed where CSV allows them."""

from __future__ import annotations

import re

from podium.errors import InputError, Problem

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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
