"""One shape for every tabular answer, rendered four ways.

CSV and Markdown carry exactly ``columns`` x ``rows`` (shapes other tools rely
on), a CSV cell a spreadsheet would run as a formula neutralised (``csv_safe``);
JSON is the answer's own JSON form when the table shows one, else the rows as
records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from podium.render.csv_safe import write_csv

if TYPE_CHECKING:
    from podium.app.answer import Answer


class Format(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    MD = "md"


@dataclass
class Tabular:
    columns: list[str]
    rows: list[list[str]]
    title: str = ""
    notes: list[str] = field(default_factory=list)
    answer: Answer | None = None
    """What the table shows: its ``to_json()`` is the JSON output."""
    right: set[str] = field(default_factory=set)
    """Columns aligned right in the terminal table (numbers)."""
    styles: dict[int, str] = field(default_factory=dict)
    """Row index -> Rich style (e.g. bold for an overall winner)."""

    def records(self) -> list[dict[str, str]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def render(table: Tabular, fmt: Format) -> str:
    if fmt is Format.CSV:
        return write_csv(table.columns, table.rows)
    if fmt is Format.JSON:
        import json  # here: the terminal table and CSV do not need it (start-up time)

        payload = table.answer.to_json() if table.answer is not None else table.records()
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt is Format.MD:
        return to_markdown(table)
    return to_text(table)


def to_markdown(table: Tabular) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = []
    if table.title:
        lines += [f"### {table.title}", ""]
    lines.append("| " + " | ".join(cell(c) for c in table.columns) + " |")
    lines.append("|" + "|".join("---:" if c in table.right else "---" for c in table.columns) + "|")
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in table.rows]
    if table.notes:
        lines += [""] + [f"- {n}" for n in table.notes]
    return "\n".join(lines) + "\n"


def to_text(table: Tabular, width: int | None = None) -> str:
    """A Rich table as text (Rich is imported only here: it is not needed for CSV/JSON)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    rich_table = Table(title=table.title or None, box=box.SIMPLE_HEAVY, title_justify="left")
    for column in table.columns:
        rich_table.add_column(
            column, justify="right" if column in table.right else "left", no_wrap=True
        )
    if width is None:
        # Never fold a name into a column of fragments: size the table to its content.
        widths = [
            max([len(c), *(len(r[i]) for r in table.rows)]) for i, c in enumerate(table.columns)
        ]
        width = max(80, sum(widths) + 3 * len(widths) + 4)
    for index, row in enumerate(table.rows):
        rich_table.add_row(*row, style=table.styles.get(index))
    console = Console(record=True, width=width, soft_wrap=False)
    with console.capture() as capture:
        console.print(rich_table)
        for note in table.notes:
            console.print(f"[dim]{note}[/dim]", highlight=False)
    return capture.get()
