"""CSV with line numbers, so every problem can name the line it is on."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from podium.errors import InputError, Problem


@dataclass(frozen=True, slots=True)
class Row:
    file: str
    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return (self.values.get(column) or "").strip()

    def problem(self, column: str, message: str, expected: str = "", found: str = "") -> Problem:
        return Problem(self.file, self.line, column, message, expected, found)


def read_rows(
    text: str, file: str, required: Sequence[str] = (), known: Sequence[str] | None = None
) -> Iterator[Row]:
    """Rows of a CSV text with their physical line numbers (header is line 1)."""
    text = text.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(
            Problem(
                file,
                1,
                missing[0],
                "missing column",
                expected=", ".join(required),
                found=", ".join(header),
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
    for record in reader:
        if None in record:
            raise InputError(
                Problem(
                    file,
                    reader.line_num,
                    "(row)",
                    "more cells than header columns",
                    expected=f"{len(header)} cells",
                    found=f"{len(header) + len(record[None])}",
                )
            )
        if not any((v or "").strip() for v in record.values()):
            continue
        yield Row(file, reader.line_num, {k: v or "" for k, v in record.items()})


def write_rows(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()
