"""Import answers as tables: what a file holds, and what an import changes."""

from __future__ import annotations

from podium.app.imports import FileSummary, ImportOutcome
from podium.render.tabular import Tabular


def summary_view(s: FileSummary) -> Tabular:
    rows = [
        [
            name,
            str(c.cars),
            f"#{c.winner.number}" if c.winner and c.winner.number else "",
            " / ".join(c.winner.drivers) if c.winner else "",
            str(c.winner.laps) if c.winner else "",
        ]
        for name, c in s.classes.items()
    ]
    statuses = ", ".join(f"{k} {v}" for k, v in s.statuses.items())
    return Tabular(
        ["class", "cars", "winner", "drivers", "laps"],
        rows,
        f"{s.file}: {s.format}, {s.session} ({s.session_name}), "
        f"{s.track or 'track not named'}, {s.cars} cars",
        notes=[f"statuses: {statuses}; penalties: {s.penalties}", *s.notes],
        answer=s,
        right={"cars", "laps"},
    )


def outcome_view(outcome: ImportOutcome, titled: bool = True) -> Tabular:
    rows = [[c.kind, c.car, c.detail] for c in outcome.changes]
    return Tabular(
        ["change", "car", "detail"],
        rows,
        outcome.title if titled else "",
        notes=list(outcome.notes),
        answer=outcome,
    )
