"""Write a :class:`Season` as a native season folder (the reader's inverse)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import tomli_w

from podium.model import ResultLine, Season, format_points
from podium.model.timing import format_ms
from podium.readers.native import schema
from podium.readers.rows import write_rows
from podium.rules import Ruleset


def save_season(season: Season, folder: Path | str, rules_text: str | None = None) -> None:
    """Write ``season`` to ``folder``. ``rules_text`` keeps a hand-written
    rules.toml (with its comments) instead of regenerating it.

    A season whose results carry the stewards' decisions is refused: a
    folder holds the timing sheets as printed, the decisions beside them."""
    if season.decisions_applied:
        raise ValueError("refusing to write the official classification over the timing sheets")
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    (out / "season.toml").write_text(tomli_w.dumps(_season_data(season)), encoding="utf-8")
    (out / "rules.toml").write_text(rules_text or rules_toml(season.rules), encoding="utf-8")
    files: dict[str, tuple[Sequence[str], Sequence[Sequence[object]]]] = {
        "teams.csv": (
            schema.TEAMS,
            [(t.name, "; ".join(t.aliases), t.nationality, t.source) for t in season.teams],
        ),
        "drivers.csv": (
            schema.DRIVERS,
            [(d.name, d.nationality, "; ".join(d.aliases), d.source) for d in season.drivers],
        ),
        "entries.csv": (schema.ENTRIES, _entry_rows(season)),
        "crews.csv": (
            schema.CREWS,
            [(e.key, m.driver, m.rounds.text, m.source) for e in season.entries for m in e.crew],
        ),
    }
    if season.penalties:
        files["penalties.csv"] = (
            schema.PENALTIES,
            [
                (
                    p.round,
                    "",
                    p.entry,
                    p.kind.value,
                    p.value,
                    p.championship,
                    p.reason,
                    p.source,
                    "" if p.session == "race" else p.session,
                    p.withdrawn,
                    "yes" if p.in_results else "",
                )
                for p in season.penalties
            ],
        )
    if season.adjustments:
        files["adjustments.csv"] = (
            schema.ADJUSTMENTS,
            [
                (
                    a.championship,
                    a.class_code,
                    a.competitor,
                    a.round,
                    format_points(a.points),
                    a.reason,
                    a.source,
                )
                for a in season.adjustments
            ],
        )
    if season.published_winners:
        files["published/winners.csv"] = (
            ("round", "class", "car_no", "team", "drivers"),
            [
                (w.round, w.class_code, w.car_no, w.team, " / ".join(w.drivers))
                for w in season.published_winners
            ],
        )
    for championship in dict.fromkeys(p.championship for p in season.published):
        rows_of = [p for p in season.published if p.championship == championship]
        width = max(len(p.cells) for p in rows_of)
        kind = season.rules.championship(championship).competitor.value
        columns: Sequence[str] = (
            "class",
            "pos",
            kind,
            "chassis",
            "engine",
            *(f"r{i}" for i in range(1, width + 1)),
            "total",
        )
        files[f"published/{championship}.csv"] = (
            columns,
            [
                (p.class_code, p.pos, p.name, p.chassis, p.engine, *p.cells, p.total)
                for p in rows_of
            ],
        )
    (out / "published").mkdir(exist_ok=True)
    for name, (columns, table) in files.items():
        (out / name).write_text(write_rows(columns, table), encoding="utf-8")
    for number in sorted({r.round for r in season.results}):
        (out / "results").mkdir(exist_ok=True)
        (out / "results" / f"r{number}.csv").write_text(
            write_rows(schema.RESULTS, result_rows(season, number)), encoding="utf-8"
        )
    for number in sorted({q.round for q in season.qualifying}):
        (out / "qualifying").mkdir(exist_ok=True)
        rows = [
            (
                q.position,
                q.class_code,
                q.class_position,
                "",
                q.entry,
                q.grid,
                q.driver,
                q.time,
                q.note,
                q.source,
            )
            for q in season.qualifying
            if q.round == number
        ]
        (out / "qualifying" / f"r{number}.csv").write_text(
            write_rows(schema.QUALIFYING, rows), encoding="utf-8"
        )


def _season_data(season: Season) -> dict[str, Any]:
    def clean(data: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in data.items() if v not in (None, "")}

    return clean(
        {
            "id": season.id,
            "name": season.name,
            "year": season.year,
            "notes": season.notes,
            "series": clean(
                {
                    "name": season.series.name,
                    "short_name": season.series.short_name,
                    "sanctioning_body": season.series.sanctioning_body,
                }
            ),
            "classes": [
                clean(
                    {
                        "code": c.code,
                        "name": c.name,
                        "description": c.description,
                        "min_weight_kg": c.rules.min_weight_kg,
                        "engine_na_max_l": c.rules.engine_na_max_l,
                        "engine_turbo_max_l": c.rules.engine_turbo_max_l,
                        "carbon_brakes_allowed": c.rules.carbon_brakes_allowed,
                        "source": c.source,
                    }
                )
                for c in season.classes
            ],
            "circuits": [
                clean(
                    {
                        "name": c.name,
                        "length_km": c.length_km,
                        "length_mi": c.length_mi,
                        "turns": c.turns,
                        "location": c.location,
                        "source": c.source,
                    }
                )
                for c in season.circuits
            ],
            "rounds": [
                clean(
                    {
                        "number": r.number,
                        "name": r.name,
                        "short_name": r.short_name,
                        "circuit": r.circuit,
                        "date": r.date,
                        "classes": list(r.classes) or None,  # written only when not every class
                        "duration": r.duration,
                        "scale": r.scale,
                        "status": r.status.value,
                        "source": r.source,
                    }
                )
                for r in season.rounds
            ],
        }
    )


def rules_toml(rules: Ruleset) -> str:
    data = rules.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    for scale in data.get("scales", {}).values():
        scale["points"] = [_number(p) for p in scale["points"]]
    return tomli_w.dumps(data)


def _number(text: str) -> int | float | str:
    if "/" in text:
        return text
    value = float(text)
    return int(value) if value.is_integer() else value


def _entry_rows(season: Season) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for e in season.entries:
        championships = "; ".join(sorted(e.championships)) if e.championships is not None else ""
        for car in e.cars:
            engine = car.engine
            rows.append(
                (
                    e.key,
                    e.car_no or "",
                    e.class_code,
                    e.team,
                    e.entrant,
                    car.chassis,
                    car.make,
                    engine.name,
                    "" if engine.displacement_l is None else engine.displacement_l,
                    engine.aspiration.value if engine.aspiration else "",
                    car.rounds.text,
                    car.weight_kg,
                    "" if car.carbon_brakes is None else str(car.carbon_brakes).lower(),
                    e.tyres,
                    championships,
                    e.source,
                    e.confidence,
                )
            )
    return rows


def result_rows(season: Season, number: int) -> list[tuple[object, ...]]:
    """Round ``number``'s lines as ``results/rN.csv`` holds them (columns
    ``schema.RESULTS``): every car, the one that did not start too."""
    return [_result_row(season, r) for r in season.results if r.round == number]


def _result_row(season: Season, r: ResultLine) -> tuple[object, ...]:
    # Write the car number where it names the car; the entry key otherwise.
    entry = season.entries_by_key.get(r.entry) if r.entry else None
    by_number = entry is not None and entry.car_no == entry.key
    return (
        r.overall_pos,
        r.class_code,
        r.class_pos,
        entry.car_no if by_number and entry else "",
        "" if by_number else r.entry or "",
        r.team,
        r.entrant,
        schema.DRIVER_SEPARATOR.join(r.drivers),
        schema.DRIVER_SEPARATOR.join(format_ms(ms) for ms in r.drive_times),
        r.car,
        r.laps,
        r.time,
        r.gap,
        r.status.value,
        r.reason,
        r.laps_led,
        "" if r.session == "race" else r.session,
        "1" if r.fastest_lap else "",
        r.source,
    )
