"""A season's reference tables: calendar, classes, entry list."""

from __future__ import annotations

from podium.app.people import EntryList
from podium.model import Season
from podium.render.tabular import Tabular


def schedule_view(season: Season) -> Tabular:
    columns = ["round", "name", "circuit", "date", "length", "scale", "status"]
    rows = []
    for r in season.rounds:
        scale, _ = season.rules.scale_for(r.number, r.scale)
        rows.append(
            [
                str(r.number),
                r.name,
                r.circuit,
                r.date.isoformat() if r.date else "",
                r.duration,
                scale,
                r.status.value,
            ]
        )
    return Tabular(columns, rows, f"{season.title}: calendar", right={"round"})


def classes_view(season: Season) -> Tabular:
    columns = [
        "class",
        "name",
        "min_weight_kg",
        "engine_na_max_l",
        "engine_turbo_max_l",
        "carbon_brakes",
        "cars",
    ]
    rows = []
    for c in season.classes:
        r = c.rules
        brakes = {True: "allowed", False: "not allowed", None: ""}[r.carbon_brakes_allowed]
        cars = sum(1 for e in season.entries if e.class_code == c.code)
        rows.append(
            [
                c.code,
                c.name,
                str(r.min_weight_kg or ""),
                str(r.engine_na_max_l or ""),
                str(r.engine_turbo_max_l or ""),
                brakes,
                str(cars),
            ]
        )
    return Tabular(
        columns,
        rows,
        f"{season.title}: classes and technical rules",
        right={"min_weight_kg", "engine_na_max_l", "engine_turbo_max_l", "cars"},
    )


def entries_view(entries: EntryList) -> Tabular:
    columns = [
        "class",
        "car_no",
        "team",
        "entrant",
        "chassis",
        "engine",
        "tyres",
        "drivers",
        "championships",
    ]
    rows = []
    for e in entries.entries:
        chassis = " / ".join(
            c.chassis + (f" ({c.rounds.text})" if c.rounds.text else "") for c in e.cars
        )
        engines = " / ".join(dict.fromkeys(c.engine.name for c in e.cars if c.engine.name))
        crew = "; ".join(f"{m.driver} ({m.rounds.text or '?'})" for m in e.crew)
        registered = ", ".join(sorted(e.championships)) if e.championships is not None else "all"
        rows.append(
            [
                e.class_code,
                e.car_no or "",
                e.team,
                e.entrant,
                chassis,
                engines,
                e.tyres,
                crew,
                registered,
            ]
        )
    return Tabular(columns, rows, f"{entries.season_title}: entry list", [], entries)
