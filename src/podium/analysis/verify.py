"""Compare computed standings with published tables, row by row (pure).

A published table prints positions (shared places repeat the number, an
excluded competitor is ``DSQ`` or ``EX``) and points rounded to two decimals;
podium's exact points are rounded the same way before comparing. Rows are
compared in position order, competitors within a shared place by name, so a
shared place matches whatever order the source lists it in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from podium.model.points import format_points
from podium.model.published import PublishedRow
from podium.scoring.standings import StandingsTable

_UNRANKED = 10_000


@dataclass(frozen=True, slots=True)
class PrintedRow:
    position: str
    competitor: str
    points: Fraction

    def __str__(self) -> str:
        return f"{self.position} {self.competitor} {format_points(self.points)}"


@dataclass(frozen=True, slots=True)
class TableCheck:
    """One table compared: ``after`` is the round (None: the final table)."""

    championship: str
    after: int | None
    equal: bool
    difference: str = ""


def rounded(points: Fraction) -> Fraction:
    """Points as a published table prints them: two decimals, half up."""
    scaled = points * 100
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(whole, 100)


def printed(table: StandingsTable) -> list[PrintedRow]:
    return [
        PrintedRow(row.listed_as or str(row.place), row.competitor, rounded(row.total))
        for row in table.rows
    ]


def _order(row: PrintedRow) -> tuple[int, str, str]:
    number = int(row.position) if row.position.isdigit() else _UNRANKED
    return (number, row.position, row.competitor)


def first_difference(computed: Sequence[PrintedRow], published: Sequence[PublishedRow]) -> str:
    """'' when the tables are equal, else the first row that differs."""
    ours = sorted(computed, key=_order)
    theirs = sorted(
        (PrintedRow(p.position, p.competitor, rounded(p.points)) for p in published), key=_order
    )
    for index, (mine, ref) in enumerate(zip(ours, theirs, strict=False), start=1):
        if mine != ref:
            return f"row {index}: published {ref}, podium {mine}"
    if len(ours) != len(theirs):
        index = min(len(ours), len(theirs)) + 1
        if len(ours) > len(theirs):
            return f"row {index}: published nothing, podium {ours[index - 1]}"
        return f"row {index}: published {theirs[index - 1]}, podium nothing"
    return ""


def check_table(
    table: StandingsTable, published: Sequence[PublishedRow], championship: str
) -> TableCheck:
    difference = first_difference(printed(table), published)
    return TableCheck(championship, table.after, not difference, difference)
