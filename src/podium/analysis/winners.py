"""Class winners per round: the season results table."""

from __future__ import annotations

from dataclasses import dataclass

from podium.model.season import Season


@dataclass(frozen=True, slots=True)
class ClassWinner:
    round: int
    round_label: str
    class_code: str
    car_no: str
    team: str
    """The name the car ran under that day where the source prints it."""
    drivers: tuple[str, ...]
    overall: bool
    """True when the class winner also won the race overall."""


def class_winners(season: Season, session: str = "race") -> tuple[ClassWinner, ...]:
    order = {c.code: i for i, c in enumerate(season.classes)}
    winners = []
    for rnd in season.rounds:
        lines = [
            r for r in season.results_of(rnd.number, session) if r.classified and r.class_pos == 1
        ]
        for line in sorted(lines, key=lambda r: order.get(r.class_code, 99)):
            entry = season.entries_by_key.get(line.entry) if line.entry else None
            winners.append(
                ClassWinner(
                    round=rnd.number,
                    round_label=rnd.label,
                    class_code=line.class_code,
                    car_no=entry.car_no or "" if entry else "",
                    team=line.entrant or line.team,
                    drivers=line.drivers,
                    overall=line.overall_pos == 1,
                )
            )
    return tuple(winners)
