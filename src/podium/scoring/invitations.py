"""Awards earned by results (e.g. Le Mans invitations for Petit Le Mans class winners)."""

from __future__ import annotations

from dataclasses import dataclass

from podium.model.season import Season
from podium.scoring.stewards import apply_decisions


@dataclass(frozen=True, slots=True)
class EarnedAward:
    award: str
    name: str
    round: int
    class_code: str
    entry: str | None
    team: str
    drivers: tuple[str, ...]


def earned_awards(season: Season) -> tuple[EarnedAward, ...]:
    """Awards the official classification earns (stewards' decisions applied)."""
    season = apply_decisions(season)
    earned = []
    for award in season.rules.awards:
        for line in season.results:
            if (
                line.round in award.rounds
                and line.session == "race"
                and line.classified
                and line.class_pos in award.class_positions
            ):
                earned.append(
                    EarnedAward(
                        award.id,
                        award.name,
                        line.round,
                        line.class_code,
                        line.entry,
                        line.team,
                        line.drivers,
                    )
                )
    return tuple(sorted(earned, key=lambda a: (a.round, a.class_code)))
