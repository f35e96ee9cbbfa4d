"""Service answers as :class:`Tabular` views: the columns and JSON the CLI,
the exports and the web site share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from podium.model import Season, format_points
from podium.model.results import ResultLine
from podium.render.tabular import Tabular
from podium.rules.schema import Competitor
from podium.scoring import StandingsTable
from podium.service import Championships, Explanation

if TYPE_CHECKING:
    from podium.analysis.winners import ClassWinner


def standings_view(champs: Championships, table: StandingsTable) -> Tabular:
    season = champs.season
    teams = table.championship.competitor is Competitor.TEAM
    round_columns = [f"r{n}" for n in table.rounds]
    columns = ["pos", "name"] + (["chassis", "engine"] if teams else []) + round_columns + ["total"]
    rows, records = [], []
    for row in table.rows:
        cars = champs.cars_of(row.competitor, table.class_code) if teams else None
        cells = [format_points(c.points) if c else "" for c in row.cells]
        extra = [" / ".join(cars.chassis), " / ".join(cars.engines)] if cars else []
        rows.append([row.label, row.competitor, *extra, *cells, format_points(row.total)])
        records.append(
            {
                "pos": row.label,
                "place": row.place,
                "shared": row.shared,
                "name": row.competitor,
                **({"chassis": list(cars.chassis), "engines": list(cars.engines)} if cars else {}),
                "rounds": {
                    str(n): None
                    if c is None
                    else {
                        "points": format_points(c.points) or None,
                        "place": c.place,
                        "status": c.status.value if c.status else None,
                        "dropped": c.dropped,
                    }
                    for n, c in zip(table.rounds, row.cells, strict=True)
                },
                "total": format_points(row.total),
            }
        )
    label = table.championship.name or table.championship.id
    after = f" after round {table.after}" if table.after else ""
    title = f"{season.title}: {table.class_code} {label}{after}".replace(":  ", ": ")
    notes = []
    if table.championship.competitor is Competitor.DRIVER:
        missing = champs.unattributed(table.class_code, table.after)
        if missing:
            rounds = sorted({m.round for m in missing})
            where = ("round " if len(rounds) == 1 else "rounds ") + ", ".join(map(str, rounds))
            notes.append(
                f"{len(missing)} point-scoring result(s) in {where} name no drivers in the "
                f"sources: driver totals are lower bounds (see `podium results`)."
            )
    data = {
        "season": season.id,
        "championship": table.championship.id,
        "class": table.class_code,
        "after": table.after,
        "rounds": list(table.rounds),
        "rows": records,
        "notes": notes,
    }
    return Tabular(columns, rows, title, notes, data, right={"pos", "total", *round_columns})


RESULT_COLUMNS = [
    "overall_pos",
    "class",
    "class_pos",
    "car_no",
    "team",
    "drivers",
    "car",
    "laps",
    "status",
    "reason",
]


def results_view(champs: Championships, number: int, lines: tuple[ResultLine, ...]) -> Tabular:
    season = champs.season
    rnd = season.round(number)
    rows, records = [], []
    for line in lines:
        entry = season.entries_by_key.get(line.entry) if line.entry else None
        car_no = entry.car_no or "" if entry else ""
        car = line.car or (entry.car_at(number).chassis if entry and entry.car_at(number) else "")  # type: ignore[union-attr]
        row = [
            str(line.overall_pos or ""),
            line.class_code,
            str(line.class_pos or ""),
            car_no,
            line.team,
            " / ".join(line.drivers),
            car,
            "" if line.laps is None else str(line.laps),
            line.status.value,
            line.reason,
        ]
        rows.append(row)
        records.append(
            {
                **dict(zip(RESULT_COLUMNS, row, strict=True)),
                "entry": line.entry,
                "laps_led": line.laps_led,
                "source": line.source,
            }
        )
    title = f"Round {number}: {rnd.name}, {rnd.circuit}" + (
        f" ({rnd.date:%d %B %Y})" if rnd.date else ""
    )
    data = {
        "season": season.id,
        "round": number,
        "name": rnd.name,
        "circuit": rnd.circuit,
        "status": rnd.status.value,
        "results": records,
    }
    return Tabular(
        RESULT_COLUMNS, rows, title, [], data, right={"overall_pos", "class_pos", "laps"}
    )


def winners_view(season: Season, winners: tuple[ClassWinner, ...]) -> Tabular:
    columns = ["round", "circuit", "class", "car_no", "team", "drivers", "overall"]
    rows, styles = [], {}
    for index, w in enumerate(winners):
        rows.append(
            [
                str(w.round),
                w.round_label,
                w.class_code,
                w.car_no,
                w.team,
                " / ".join(w.drivers),
                "overall winner" if w.overall else "",
            ]
        )
        if w.overall:
            styles[index] = "bold"
    data = [
        {
            "round": w.round,
            "circuit": w.round_label,
            "class": w.class_code,
            "car_no": w.car_no,
            "team": w.team,
            "drivers": list(w.drivers),
            "overall_winner": w.overall,
        }
        for w in winners
    ]
    return Tabular(
        columns,
        rows,
        f"{season.title}: class winners (overall winner in bold)",
        [],
        data,
        styles=styles,
        right={"round"},
    )


def explain_view(explanations: tuple[Explanation, ...]) -> Tabular:
    columns = ["championship", "class", "round", "points", "counts", "reason"]
    rows = []
    data: list[dict[str, Any]] = []
    for exp in explanations:
        for r in exp.rows:
            rows.append(
                [
                    exp.championship,
                    exp.class_code,
                    str(r.round),
                    format_points(r.points),
                    "yes" if r.counts and not r.dropped else "no",
                    r.reason,
                ]
            )
        rows.append([exp.championship, exp.class_code, "total", exp.total_text, "", ""])
        data.append(
            {
                "competitor": exp.competitor,
                "championship": exp.championship,
                "class": exp.class_code,
                "total": exp.total_text,
                "rows": [
                    {
                        "round": r.round,
                        "points": format_points(r.points),
                        "counts": r.counts,
                        "dropped": r.dropped,
                        "place": r.place,
                        "entry": r.entry,
                        "reason": r.reason,
                        "withheld": format_points(r.withheld) or None,
                        "rule": r.rule.value or None,
                    }
                    for r in exp.rows
                ],
            }
        )
    who = explanations[0].competitor if explanations else ""
    return Tabular(columns, rows, f"Points of {who}", [], data, right={"round", "points"})
