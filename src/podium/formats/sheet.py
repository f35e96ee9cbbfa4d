"""Delimited text (``;`` or ``,``) with stripped header names and physical
line numbers, for the timing-sheet importers."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from podium.errors import InputError, Problem


@dataclass(frozen=True, slots=True)
class SheetRow:
    file: str
    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return (self.values.get(column) or "").strip()

    def int(self, column: str, minimum: int = 0) -> int | None:
        text = self.get(column)
        if not text:
            return None
        try:
            value = int(float(text)) if text.endswith(".0") else int(text)
        except ValueError:
            raise InputError(
                Problem(self.file, self.line, column, "not a whole number", "a whole number", text)
            ) from None
        if value < minimum:
            raise InputError(
                Problem(
                    self.file, self.line, column, "out of range", f"a number >= {minimum}", text
                )
            )
        return value


def delimiter_of(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


def read_sheet(text: str, file: str, required: tuple[str, ...]) -> tuple[list[str], list[SheetRow]]:
    """Header and rows; refuse a sheet without the ``required`` columns."""
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(first))
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
            rows.append(SheetRow(file, reader.line_num, dict(zip(header, cells, strict=False))))
    except csv.Error as exc:
        raise InputError(Problem(file, None, "(csv)", f"not valid CSV: {exc}", "CSV")) from None
    return header, rows
