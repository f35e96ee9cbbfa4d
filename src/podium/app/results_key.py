"""The Wikipedia results key: which outcome a standings cell shows.

One place decides it, so the web matrix, its legend and the wikitext export
always agree (their colours are in ``render.colour_key``). The key follows
the car that stood for the competitor that round (``Cell.place`` /
``Cell.status``), not the points alone: a winner that scored nothing (not
registered) is still gold.
"""

from __future__ import annotations

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


TAGS = {Key.PURPLE: "Ret", Key.BLACK: "DSQ", Key.WHITE: "DNS"}
"""What a cell without points says instead, by key (Ret, DSQ, DNS)."""

_STATUS_TAGS = {Status.RETIRED: "Ret", Status.NOT_CLASSIFIED: "NC"}


def key_of(cell: Cell | None) -> Key | None:
    """The key of a cell, or None for a round the competitor did not enter."""
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
    return TAGS.get(key, "")


def mark_of(cell: Cell | None) -> str:
    """What a grid cell prints, as Wikipedia does: the class position
    (``1``), or Ret, NC, DSQ, DNS; '' for a round not entered (or a place the
    source does not give)."""
    if cell is None:
        return ""
    if cell.status in _STATUS_TAGS:
        return _STATUS_TAGS[cell.status]
    key = key_of(cell)
    if key in TAGS:
        return TAGS[key]
    return str(cell.place) if cell.place else ""
