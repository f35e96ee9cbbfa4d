"""The site's search: the teams, drivers, rounds and circuits of one season
whose names (aliases included) contain what a fan typed.

Matching folds case and accents ("luhr" finds Lühr) and ignores
punctuation, so "champion racing" finds "ADT Champion Racing"; exact
names come first, then names that start with the words, then the rest.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from podium.app.answer import JSON, Answer, slugify, to_json
from podium.app.season import ScoredSeason
from podium.app.site import SeasonInfo, circuit_list, season_info

MAX_QUERY = 100
"""Longest query taken; the rest is ignored."""
MAX_HITS = 50
"""Most hits listed per kind (a one-letter query would list the season)."""


def fold(text: str) -> str:
    """Lower case, no accents, words separated by one space."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.split(r"[^a-z0-9]+", plain.lower())).strip()


@dataclass(frozen=True, slots=True)
class Hit(Answer):
    """One thing found: ``id`` is the address of its page (a team's or
    driver's slug, a round's number; a circuit's slug, though a circuit has
    no page: its ``rounds`` do); ``matched`` the alias that matched, when it
    is not the name."""

    id: str
    name: str
    detail: str
    matched: str
    rounds: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchResults(Answer):
    season: SeasonInfo
    query: str
    teams: tuple[Hit, ...]
    drivers: tuple[Hit, ...]
    rounds: tuple[Hit, ...]
    circuits: tuple[Hit, ...]

    @property
    def total(self) -> int:
        return len(self.teams) + len(self.drivers) + len(self.rounds) + len(self.circuits)

    def to_json(self) -> JSON:
        return {
            "season": self.season.to_json(),
            "query": self.query,
            "total": self.total,
            "teams": to_json(self.teams),
            "drivers": to_json(self.drivers),
            "rounds": to_json(self.rounds),
            "circuits": to_json(self.circuits),
        }


def _rank(names: Iterable[str], wanted: str) -> tuple[int, str] | None:
    """How well the best of ``names`` matches (0 exact, 1 starts with,
    2 a word starts with, 3 contains) and which name it was; None: no match."""
    best: tuple[int, str] | None = None
    for name in names:
        folded = fold(name)
        if wanted not in folded:
            continue
        if folded == wanted:
            rank = 0
        elif folded.startswith(wanted):
            rank = 1
        elif f" {wanted}" in f" {folded}":
            rank = 2
        else:
            rank = 3
        if best is None or rank < best[0]:
            best = (rank, name)
    return best


Candidate = tuple[str, str, str, tuple[str, ...], tuple[int, ...]]
"""(id, name, detail, every name it goes by, rounds)"""


def _found(candidates: Iterable[Candidate], wanted: str) -> tuple[Hit, ...]:
    ranked = []
    for order, (key, name, detail, names, rounds) in enumerate(candidates):
        match = _rank(names, wanted)
        if match is not None:
            rank, matched = match
            hit = Hit(key, name, detail, "" if matched == name else matched, rounds)
            ranked.append((rank, order, hit))
    ranked.sort(key=lambda r: (r[0], r[1]))
    return tuple(hit for _, _, hit in ranked[:MAX_HITS])


def search(scored: ScoredSeason, query: str) -> SearchResults:
    """What of ``scored``'s season matches ``query`` (empty: nothing)."""
    query = query.strip()[:MAX_QUERY]
    wanted = fold(query)
    season = scored.season
    if not wanted:
        return SearchResults(season_info(scored), query, (), (), (), ())
    teams = _found(
        ((slugify(t.name), t.name, t.nationality, t.names, ()) for t in season.teams), wanted
    )
    drivers = _found(
        ((slugify(d.name), d.name, d.nationality, d.names, ()) for d in season.drivers), wanted
    )
    rounds = _found(
        (
            (
                str(r.number),
                r.name,
                " · ".join(x for x in (r.circuit, r.date.isoformat() if r.date else "") if x),
                (r.name, r.short_name, r.circuit, f"round {r.number}", f"r{r.number}"),
                (r.number,),
            )
            for r in season.rounds
        ),
        wanted,
    )
    circuits = _found(
        (
            (
                slugify(info.circuit.name),
                info.circuit.name,
                info.circuit.location,
                (info.circuit.name, info.circuit.location),
                info.rounds,
            )
            for info in circuit_list(season).circuits
        ),
        wanted,
    )
    return SearchResults(season_info(scored), query, teams, drivers, rounds, circuits)
