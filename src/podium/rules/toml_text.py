"""TOML text to data, with a file nested too deeply refused like any other
syntax error: ``tomllib`` parses arrays and inline tables by recursion, so
``a = [[[[...`` ten thousand deep is a RecursionError, not a
TOMLDecodeError, and would escape every reader's handler as a crash."""

from __future__ import annotations

from typing import Any


def parse_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``; raises ``tomllib.TOMLDecodeError`` (with a
    "nested too deeply" message) for nesting deeper than Python's stack."""
    import tomllib  # here, not at import: a cached season needs no TOML (start-up time)

    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError(
            "nested too deeply (arrays or inline tables inside one another)"
        ) from None
