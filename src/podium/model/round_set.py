"""Round lists as entry lists print them: ``All``, ``1–3, 8–9``, ``1, 8*``.

A ``*`` marks a round the driver was entered for but did not take part in
(the seed's entry-list footnote).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PART = re.compile(r"^(\d+)\s*(?:[-–]\s*(\d+))?(\*?)$")


@dataclass(frozen=True, slots=True)
class RoundSet:
    """Rounds entered, and which of them were 'entered but did not take part'.

    ``everywhere`` is true for ``All``; ``known`` is false for a blank cell
    (the source lost it), which checks treat as "could be any round".
    """

    rounds: frozenset[int] = frozenset()
    absent: frozenset[int] = frozenset()
    everywhere: bool = False
    known: bool = True
    text: str = ""

    def covers(self, number: int) -> bool:
        return not self.known or self.everywhere or number in self.rounds

    def took_part(self, number: int) -> bool:
        return self.covers(number) and number not in self.absent


def parse_round_set(text: str) -> RoundSet:
    """Parse a printed round list; raise ValueError naming the part it cannot read."""
    cleaned = text.strip()
    if not cleaned:
        return RoundSet(known=False, text="")
    if cleaned.lower() == "all":
        return RoundSet(everywhere=True, text=cleaned)
    rounds: set[int] = set()
    absent: set[int] = set()
    for part in re.split(r"\s*[,;]\s*", cleaned):
        match = _PART.match(part)
        if match is None:
            raise ValueError(
                f"cannot read round list part {part!r}; write e.g. 'All', '1-3, 8-9' or '8*'"
            )
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if last < first:
            raise ValueError(f"round range {part!r} runs backwards")
        span = range(first, last + 1)
        rounds.update(span)
        if match.group(3):
            absent.update(span)
    return RoundSet(frozenset(rounds), frozenset(absent), text=cleaned)
