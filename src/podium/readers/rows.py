"""CSV with line numbers, so every problem can name the line it is on: the
one reader of delimited text, for season folders, F1DB exports and timing
sheets alike."""

from __future__ import annotations

import csv
import io
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
        raise InputError(Problem(file, None, "(csv)", f"not valid CSV: {exc}", "CSV")) from None
    return header, rows


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
