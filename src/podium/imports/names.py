"""Names in a results file -> people and teams of the season: exact name or
alias first, then a fuzzy match (difflib) with a confidence score. Two
candidates too close to tell apart are ambiguous and never chosen."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

_DIGITS = re.compile(r"\d+")


class How(StrEnum):
    EXACT = "exact"
    ALIAS = "alias"
    FUZZY = "fuzzy"
    AMBIGUOUS = "ambiguous"
    NEW = "new"


@dataclass(frozen=True, slots=True)
class NameMatch:
    given: str
    name: str | None
    how: How
    score: float = 1.0
    candidates: tuple[str, ...] = ()


def normal(name: str) -> str:
    """Case, accents and spacing do not tell people apart."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace(".", " ").split())


def similarity(a: str, b: str) -> float:
    """Best of the plain and word-sorted comparisons ("THIRIET Pierre").
    Names whose digits differ ("1 SAFETY-CAR", "2 SAFETY-CAR") never match."""
    na, nb = normal(a), normal(b)
    if _DIGITS.findall(na) != _DIGITS.findall(nb):
        return 0.0
    plain = SequenceMatcher(None, na, nb).ratio()
    swapped = SequenceMatcher(None, " ".join(sorted(na.split())), " ".join(sorted(nb.split())))
    return max(plain, swapped.ratio())


class NameBook:
    """Canonical names with their aliases, matched exactly or fuzzily."""

    def __init__(self, people: Iterable[tuple[str, Iterable[str]]], minimum: float = 0.88):
        self.minimum = minimum
        self.margin = 0.04
        self.by_normal: dict[str, str] = {}
        self.canonical: dict[str, None] = {}
        for name, aliases in people:
            self.add(name, aliases)

    def add(self, name: str, aliases: Iterable[str] = ()) -> None:
        self.canonical[name] = None
        for alias in (name, *aliases):
            self.by_normal.setdefault(normal(alias), name)

    def match(self, given: str) -> NameMatch:
        key = normal(given)
        if key in self.by_normal:
            name = self.by_normal[key]
            return NameMatch(given, name, How.EXACT if normal(name) == key else How.ALIAS)
        scored: dict[str, float] = {}
        floor = self.minimum - self.margin
        for alias, name in self.by_normal.items():
            # 2*min/(sum) bounds any ratio: skip names whose length alone rules them out
            if 2 * min(len(key), len(alias)) < floor * (len(key) + len(alias)):
                continue
            scored[name] = max(scored.get(name, 0.0), similarity(key, alias))
        ranked = sorted(scored.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < self.minimum:
            return NameMatch(given, None, How.NEW, ranked[0][1] if ranked else 0.0)
        best, score = ranked[0]
        close = tuple(n for n, s in ranked if s >= score - self.margin and s >= self.minimum)
        if len(close) > 1:
            return NameMatch(given, None, How.AMBIGUOUS, score, close)
        return NameMatch(given, best, How.FUZZY, round(score, 3), (best,))


def typo_only(match: NameMatch) -> bool:
    """A fuzzy match that differs from the known name only by a typo: the
    same words, or words of four letters or more each nearly the same. Short
    words (initials, abbreviations, numbers) must match exactly: 'AT Racing'
    is not 'AO Racing'."""
    if match.name is None:
        return False
    given, known = normal(match.given).split(), normal(match.name).split()
    if sorted(given) == sorted(known):
        return True
    if len(given) != len(known):
        return False
    for pair in (zip(given, known, strict=True), zip(sorted(given), sorted(known), strict=True)):
        if all(
            a == b or (min(len(a), len(b)) >= 4 and SequenceMatcher(None, a, b).ratio() >= 0.75)
            for a, b in pair
        ):
            return True
    return False
