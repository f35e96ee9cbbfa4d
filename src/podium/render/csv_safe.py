"""CSV for people: no cell a spreadsheet would run as a formula.

A spreadsheet (Excel, LibreOffice Calc, Google Sheets) opening a CSV reads a
cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
as a formula: a team named ``=cmd|' /C calc'!A0`` (an ACC file imported with
``--create-entries`` can create one) would run on the reader's machine. Every
CSV podium writes for people (``--format csv`` of every command, ``podium
export``, the site's ``.csv`` downloads) passes its cells through
:func:`safe_cell`, which follows the OWASP rule: such a cell gets a leading
single quote, which spreadsheets read as "this is text". Podium's own values
that start with ``-`` or ``+`` are left as they are, so that they stay
numbers: points (``-200``, a points penalty), gaps (``+12.345``,
``+1:02.345``, ``+1 lap``) and the lone ``-`` of "nothing to compare".

The season folder's own CSVs are data podium reads back, written by
``readers.native`` (``readers.rows.write_rows``): they keep every name
exactly as it is and never pass through here.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP)."""

VALUE = re.compile(r"[+-]?\d+(?:[.,:]\d+)*(?: laps?)?|-", re.IGNORECASE)
"""A whole cell that is a signed number, time or gap (``-200``, ``+12.345``,
``+1:02.345``, ``+2 laps``), or the lone dash: left as it is."""


def safe_cell(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet shows and never evaluates."""
    if text.startswith(TRIGGERS) and VALUE.fullmatch(text) is None:
        return "'" + text
    return text


def safe_row(cells: Sequence[str]) -> list[str]:
    """Every cell of a row through :func:`safe_cell`."""
    return [safe_cell(cell) for cell in cells]


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """The header and rows as CSV for people: every cell through
    :func:`safe_cell`, and a row with a carriage return inside a cell quoted
    whole (the ``csv`` module quotes only what holds ``\n``, and a spreadsheet
    would start a new row, and a new first cell, at a bare ``\r``)."""
    out = io.StringIO()
    minimal = csv.writer(out, lineterminator="\n")
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in (columns, *rows):
        cells = safe_row(row)
        (quoted if any("\r" in cell for cell in cells) else minimal).writerow(cells)
    return out.getvalue()
