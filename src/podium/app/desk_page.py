"""The results desk's page: what its forms offer (rounds with their status,
classes, championships, penalty kinds). The desk reads and writes everything
else through the API, with the organiser's token (docs/web.md)."""

from __future__ import annotations

from dataclasses import dataclass

from podium.app.answer import Answer
from podium.app.season import ScoredSeason
from podium.app.site import (
    ChampionshipInfo,
    SeasonInfo,
    championship_infos,
    season_info,
)
from podium.model import RoundStatus
from podium.model.results import PenaltyKind


@dataclass(frozen=True, slots=True)
class DeskRound(Answer):
    number: int
    label: str
    status: RoundStatus
    has_results: bool


@dataclass(frozen=True, slots=True)
class DeskPage(Answer):
    season: SeasonInfo
    rounds: tuple[DeskRound, ...]
    round: int
    """The round the desk opens on: the last with results, else the first."""
    classes: tuple[str, ...]
    championships: tuple[ChampionshipInfo, ...]
    penalty_kinds: tuple[str, ...]


def desk_page(scored: ScoredSeason) -> DeskPage:
    season = scored.printed
    held = set(season.rounds_with_results())
    rounds = tuple(DeskRound(r.number, r.label, r.status, r.number in held) for r in season.rounds)
    with_results = [r.number for r in rounds if r.has_results]
    return DeskPage(
        season_info(scored),
        rounds,
        with_results[-1] if with_results else rounds[0].number,
        tuple(c.code for c in season.classes),
        championship_infos(season),
        tuple(k.value for k in PenaltyKind),
    )
