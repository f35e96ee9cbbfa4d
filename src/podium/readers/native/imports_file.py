"""``imports.csv`` in a season folder: one row per applied import, so a file
is never applied twice unnoticed and every result line can be traced to the
bytes it came from (sha256), the format and the importer version."""

from __future__ import annotations

from dataclasses import astuple, dataclass
from pathlib import Path

from podium.errors import InputError, Problem
from podium.readers.rows import read_rows, write_rows

FILE = "imports.csv"
COLUMNS = ("imported_at", "round", "file", "sha256", "format", "importer_version", "cars")


@dataclass(frozen=True, slots=True)
class ImportRecord:
    imported_at: str
    round: int
    file: str
    sha256: str
    format: str
    importer_version: str
    cars: int


def read_imports(folder: Path) -> list[ImportRecord]:
    path = folder / FILE
    if not path.is_file():
        return []
    records = []
    for row in read_rows(path.read_text(encoding="utf-8-sig"), FILE, COLUMNS, COLUMNS):
        try:
            records.append(
                ImportRecord(
                    row.get("imported_at"),
                    int(row.get("round")),
                    row.get("file"),
                    row.get("sha256"),
                    row.get("format"),
                    row.get("importer_version"),
                    int(row.get("cars") or 0),
                )
            )
        except ValueError:
            raise InputError(
                row.problem("round", "not a whole number", "a round number", row.get("round"))
            ) from None
    return records


def imports_text(records: list[ImportRecord]) -> str:
    return write_rows(COLUMNS, [astuple(r) for r in records])


__all__ = ["COLUMNS", "FILE", "ImportRecord", "Problem", "imports_text", "read_imports"]
