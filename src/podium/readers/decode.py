"""Bytes to text the way timing systems and simulators actually write them.

ACC servers write UTF-16LE (usually without a BOM); Al Kamel writes UTF-8
with a BOM; rFactor declares UTF-8 but writes Windows-1252 names. Sniff the
bytes instead of trusting the file name or the declaration.
"""

from __future__ import annotations

from podium.errors import InputError, Problem

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16LE_BOM = b"\xff\xfe"
_UTF16BE_BOM = b"\xfe\xff"


def sniff_text(data: bytes, file: str, legacy_fallback: bool = False) -> str:
    """Decode ``data``: BOM first, then UTF-16LE when every second byte of the
    start is zero, then UTF-8. ``legacy_fallback`` reads invalid UTF-8 as
    Windows-1252 (Latin-1 for the five bytes cp1252 leaves undefined)."""
    try:
        if data.startswith(_UTF16LE_BOM):
            return data[2:].decode("utf-16-le")
        if data.startswith(_UTF16BE_BOM):
            return data[2:].decode("utf-16-be")
        if data.startswith(_UTF8_BOM):
            return _utf8(data[3:], legacy_fallback)
        if len(data) >= 2 and data[1] == 0 and data[0] != 0:
            return data.decode("utf-16-le")
        return _utf8(data, legacy_fallback)
    except UnicodeDecodeError as exc:
        raise InputError(
            Problem(
                file,
                None,
                "(encoding)",
                f"cannot decode byte {exc.start} as {exc.encoding}",
                expected="UTF-8 or UTF-16LE text",
                found=repr(data[exc.start : exc.start + 4]),
            )
        ) from None


def _utf8(data: bytes, legacy_fallback: bool) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if not legacy_fallback:
            raise
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def head_text(data: bytes, size: int = 4096) -> str:
    """The start of a file as text, for format detection (never raises)."""
    head = data[: size * 2]
    if head.startswith(_UTF16LE_BOM) or (len(head) >= 2 and head[1] == 0 and head[0] != 0):
        start = 2 if head.startswith(_UTF16LE_BOM) else 0
        return head[start:].decode("utf-16-le", errors="replace")[:size]
    return head.decode("utf-8", errors="replace").lstrip("\ufeff")[:size]


def tail_text(data: bytes, size: int = 4096) -> str:
    """The end of a file as text, for format detection (never raises). A
    UTF-16LE file (as its start tells) is cut at an even offset."""
    if data.startswith(_UTF16LE_BOM) or (len(data) >= 2 and data[1] == 0 and data[0] != 0):
        cut = max(len(data) - size * 2, 0)
        return data[cut + cut % 2 :].decode("utf-16-le", errors="replace")
    return data[-size * 2 :].decode("utf-8", errors="replace")[-size:]
