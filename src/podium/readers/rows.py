"""CSV with line numbers, so every problem can name the line it is on: the
one reader of delimited text, for season folders, F1DB exports and timing
sheets alike."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from podium.errors import InputError, Problem
from podium.readers.text_checks import refuse_controls

MAX_WHOLE = 1_000_000
"""No count, position or place in motor racing comes near it: a bound that
keeps a 10**30 lap count out of the database."""


@dataclass(frozen=True, slots=True)
class Row:
    file: str
    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return (self.values.get(column) or "").strip()

    def int(self, column: str, minimum: int = 0) -> int | None:
        """A whole number (``12`` or ``12.0``), None when blank."""
        text = self.get(column)
        if not text:
            return None
        try:
            value = int(float(text)) if text.endswith(".0") else int(text)
        except ValueError:
            raise InputError(
                self.problem(column, "not a whole number", "a whole number", text)
            ) from None
        if not minimum <= value <= MAX_WHOLE:
            raise InputError(
                self.problem(
                    column, "out of range", f"a number from {minimum} to {MAX_WHOLE}", text
                )
            )
        return value

    def problem(self, column: str, message: str, expected: str = "", found: str = "") -> Problem:
        return Problem(self.file, self.line, column, message, expected, found)


def delimiter_of(header_line: str) -> str:
    """Timing sheets use ``;`` or ``,``: whichever the header has more of."""
    return ";" if header_line.count(";") > header_line.count(",") else ","


def read_table(
    text: str,
    file: str,
    required: Sequence[str] = (),
    known: Sequence[str] | None = None,
    delimiter: str = ",",
) -> tuple[list[str], list[Row]]:
    """Header (stripped) and rows with their physical line numbers (the
    header is line 1); blank rows are skipped. Refuses a missing
    ``required`` column, a column not in ``known`` (when given) and a row
    with more non-empty cells than the header has columns."""
    text = text.lstrip("\ufeff")
    refuse_controls(text, file)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = [h.strip() for h in next(reader, [])]
        missing = [c for c in required if c not in header]
        if missing:
            raise InputError(
                Problem(
                    file,
                    1,
                    missing[0],
                    "missing column",
                    expected=", ".join(required),
                    found=", ".join(h for h in header if h)[:200] or "an empty header",
                )
            )
        if known is not None:
            unknown = [c for c in header if c and c not in known]
            if unknown:
                raise InputError(
                    Problem(
                        file,
                        1,
                        unknown[0],
                        "unknown column",
                        expected=", ".join(known),
                        found=unknown[0],
                    )
                )
        rows = []
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
                raise InputError(
                    Problem(
                        file,
                        reader.line_num,
                        "(row)",
                        "more cells than header columns",
                        expected=f"{len(header)} cells",
                        found=f"{len(cells)} cells",
                    )
                )
            cells += [""] * (len(header) - len(cells))  # a short row: the rest blank
            rows.append(Row(file, reader.line_num, dict(zip(header, cells, strict=False))))
    except csv.Error as exc:
        raise csv_refusal(exc, text, file, delimiter, reader.line_num) from None
    return header, rows


FIELD_LIMIT = csv.field_size_limit()
"""The ``csv`` module's limit on one cell (128 KiB): no name, time or note
in a results file comes near it."""


def csv_refusal(exc: csv.Error, text: str, file: str, delimiter: str, line: int) -> InputError:
    """The InputError for a ``csv.Error`` met reading ``text``: a cell over
    the limit is named by its line and column (the ``csv`` module says
    neither), any other error by the line the reader had reached."""
    if "field larger than field limit" in str(exc):
        found = oversized_cell(text, delimiter)
        if found is not None:
            at, column, size = found
            return InputError(
                Problem(
                    file,
                    at,
                    column,
                    "cell too large",
                    expected=f"at most {FIELD_LIMIT} characters in a cell",
                    found=f"{size} characters",
                )
            )
        return InputError(
            Problem(
                file,
                line or None,
                "(csv)",
                "cell too large",
                expected=f"at most {FIELD_LIMIT} characters in a cell",
                found=f"more than {FIELD_LIMIT} characters",
            )
        )
    return InputError(Problem(file, line or None, "(csv)", f"not valid CSV: {exc}", "CSV"))


def oversized_cell(text: str, delimiter: str = ",") -> tuple[int, str, int] | None:
    """(line, column, size) of the first cell of ``text`` longer than
    :data:`FIELD_LIMIT` (the column by its header name, else ``column N``;
    the line where the cell starts), None when there is none. A scan with
    the ``csv`` module's default rules: a cell in double quotes may hold
    the delimiter, line breaks and doubled quotes."""
    other = re.escape(delimiter)
    cell = re.compile(rf'"[^"]*(?:""[^"]*)*"[^{other}\r\n]*|"[\s\S]*|[^{other}\r\n]*')
    header: list[str] = []
    at, index, record = 0, 0, 0
    while at <= len(text):
        found = cell.match(text, at)
        value = found.group() if found else ""
        if len(value) > FIELD_LIMIT:
            line = text.count("\n", 0, at) + 1
            name = header[index] if index < len(header) and header[index] else ""
            return line, name or f"column {index + 1}", len(value)
        if record == 0:
            header.append(value.strip().strip('"'))
        at += len(value)
        if at >= len(text):
            return None
        if text[at] == delimiter:
            at, index = at + 1, index + 1
            continue
        at += 2 if text.startswith("\r\n", at) else 1  # the end of a record
        index, record = 0, record + 1
    return None


def read_sheet(text: str, file: str, required: Sequence[str] = ()) -> tuple[list[str], list[Row]]:
    """A timing sheet: :func:`read_table` with the delimiter its header uses."""
    text = text.lstrip("\ufeff")
    return read_table(text, file, required, delimiter=delimiter_of(text.split("\n", 1)[0]))


def read_rows(
    text: str, file: str, required: Sequence[str] = (), known: Sequence[str] | None = None
) -> list[Row]:
    """The rows of a comma-separated text (see :func:`read_table`)."""
    return read_table(text, file, required, known)[1]


def write_rows(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()
