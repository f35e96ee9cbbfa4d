"""Import answers as tables: what a file holds, and what an import changes."""

from __future__ import annotations

from podium.app.imports import ImportOutcome
from podium.app.inspect import FileCars, FileSummary
from podium.model.timing import format_ms
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
        notes=[
            f"statuses: {statuses}; penalties: {s.penalties}",
            *(
                [
                    "sessions: "
                    + ", ".join(
                        f"{i.index} {i.type} ({i.name or '-'}, {i.cars} cars"
                        + (", laps)" if i.laps else ")")
                        for i in s.sessions
                    )
                ]
                if len(s.sessions) > 1 or any(i.laps for i in s.sessions)
                else []
            ),
            *s.notes,
        ],
        answer=s,
        right={"cars", "laps"},
    )


def cars_views(answer: FileCars) -> list[Tabular]:
    """One table per session: every car in podium's order."""
    out = []
    for session in answer.sessions:
        rows = [
            [
                str(position),
                car.car_class,
                f"#{car.number}" if car.number else "",
                " / ".join(car.drivers),
                str(car.laps),
                format_ms(car.best_lap_ms) if car.best_lap_ms else "",
                format_ms(car.time_ms) if car.time_ms is not None else "",
                car.status.value if car.status else "",
            ]
            for position, car in enumerate(session.cars, start=1)
        ]
        out.append(
            Tabular(
                ["pos", "class", "car", "drivers", "laps", "best", "time", "status"],
                rows,
                f"{answer.parsed.path}: session {session.index}, {session.kind.value} "
                f"({session.name or '-'}), {len(session.cars)} cars",
                notes=list(session.notes),
                answer=answer,
                right={"pos", "laps", "best", "time"},
            )
        )
    return out


def outcome_view(outcome: ImportOutcome, titled: bool = True) -> Tabular:
    rows = [[c.kind, c.car, c.detail] for c in outcome.changes]
    return Tabular(
        ["change", "car", "detail"],
        rows,
        outcome.title if titled else "",
        notes=list(outcome.notes),
        answer=outcome,
    )
