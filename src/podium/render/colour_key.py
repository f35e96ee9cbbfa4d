"""The colours of the Wikipedia results key (which key a cell has is decided
in ``app.results_key``): the site's matrix and legend and the wikitext
export use these."""

from __future__ import annotations

from dataclasses import dataclass

from podium.app.results_key import TAGS, Key


@dataclass(frozen=True, slots=True)
class KeyEntry:
    key: Key
    background: str
    text: str
    meaning: str

    @property
    def tag(self) -> str:
        """Abbreviation shown in a cell without points (Ret, DSQ, ...)."""
        return TAGS.get(self.key, "")


LEGEND: tuple[KeyEntry, ...] = (
    KeyEntry(Key.GOLD, "#FFFFBF", "#000000", "Winner"),
    KeyEntry(Key.SILVER, "#DFDFDF", "#000000", "Second place"),
    KeyEntry(Key.BRONZE, "#FFDF9F", "#000000", "Third place"),
    KeyEntry(Key.GREEN, "#DFFFDF", "#000000", "Other points position"),
    KeyEntry(Key.BLUE, "#CFCFFF", "#000000", "Classified, no points"),
    KeyEntry(Key.PURPLE, "#EFCFFF", "#000000", "Retired or not classified (Ret, NC)"),
    KeyEntry(Key.BLACK, "#000000", "#FFFFFF", "Disqualified (DSQ)"),
    KeyEntry(Key.WHITE, "#FFFFFF", "#000000", "Did not start (DNS)"),
)
BY_KEY = {e.key: e for e in LEGEND}
