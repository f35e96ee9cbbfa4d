"""The Wikipedia results key: what colour a standings cell is.

One place decides it, so the web matrix, its legend and the wikitext export
always agree. The key follows the car that stood for the competitor that
round (``Cell.place`` / ``Cell.status``), not the points alone: a winner that
scored nothing (not registered) is still gold.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from podium.model.results import Status
from podium.scoring.standings import Cell


class Key(StrEnum):
    GOLD = "gold"
    SILVER = "silver"
    BRONZE = "bronze"
    GREEN = "green"
    BLUE = "blue"
    PURPLE = "purple"
    BLACK = "black"
    WHITE = "white"


@dataclass(frozen=True, slots=True)
class KeyEntry:
    key: Key
    background: str
    text: str
    meaning: str
    tag: str
    """Abbreviation shown in a cell without points (Ret, DSQ, ...)."""


LEGEND: tuple[KeyEntry, ...] = (
    KeyEntry(Key.GOLD, "#FFFFBF", "#000000", "Winner", ""),
    KeyEntry(Key.SILVER, "#DFDFDF", "#000000", "Second place", ""),
    KeyEntry(Key.BRONZE, "#FFDF9F", "#000000", "Third place", ""),
    KeyEntry(Key.GREEN, "#DFFFDF", "#000000", "Other points position", ""),
    KeyEntry(Key.BLUE, "#CFCFFF", "#000000", "Classified, no points", ""),
    KeyEntry(Key.PURPLE, "#EFCFFF", "#000000", "Retired or not classified (Ret, NC)", "Ret"),
    KeyEntry(Key.BLACK, "#000000", "#FFFFFF", "Disqualified (DSQ)", "DSQ"),
    KeyEntry(Key.WHITE, "#FFFFFF", "#000000", "Did not start (DNS)", "DNS"),
)
BY_KEY = {e.key: e for e in LEGEND}

_STATUS_TAGS = {Status.RETIRED: "Ret", Status.NOT_CLASSIFIED: "NC"}


def key_of(cell: Cell | None) -> Key | None:
    """The colour of a cell, or None for a round the competitor did not enter."""
    if cell is None:
        return None
    status = cell.status
    if status is Status.DISQUALIFIED:
        return Key.BLACK
    if status is Status.DID_NOT_START:
        return Key.WHITE
    if status in (Status.RETIRED, Status.NOT_CLASSIFIED):
        return Key.PURPLE
    podium = {1: Key.GOLD, 2: Key.SILVER, 3: Key.BRONZE}
    if cell.place in podium:
        return podium[cell.place]
    if cell.points:
        return Key.GREEN
    return Key.BLUE


def tag_of(cell: Cell | None) -> str:
    """What a cell without points says instead (Ret, NC, DSQ, DNS), else ''."""
    key = key_of(cell)
    if cell is None or key is None or cell.points:
        return ""
    if cell.status in _STATUS_TAGS:
        return _STATUS_TAGS[cell.status]
    return BY_KEY[key].tag
