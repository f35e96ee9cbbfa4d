"""What each page shows, as JSON-able dicts: the HTML page renders the dict,
its ``.json`` twin returns it, so the two can never disagree."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from podium.errors import NotFound
from podium.model import Points, Season, format_points
from podium.model.results import ResultLine, Status
from podium.render.colour_key import key_of, tag_of
from podium.repository import AsOf, ResultVersion
from podium.rules.schema import Competitor
from podium.web.scored import Scored


def slugify(name: str) -> str:
    """'Alex Job Racing' -> 'alex-job-racing'; accents dropped ('Lühr' -> 'luhr')."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def season_info(season: Season, revision: int, as_of: AsOf = None) -> dict[str, Any]:
    """Who the page is about; ``as_of`` is set when it shows an earlier state."""
    return {
        "id": season.id,
        "title": season.title,
        "year": season.year,
        "series": season.series.name,
        "series_short": season.series.short_name,
        "revision": revision,
        "as_of": as_of.isoformat() if isinstance(as_of, dt.datetime) else as_of,
    }


def next_round(season: Season) -> int | None:
    """The first round without results (None once the season is complete)."""
    held = set(season.rounds_with_results())
    return next((r.number for r in season.rounds if r.number not in held), None)


def calendar(scored: Scored) -> list[dict[str, Any]]:
    season = scored.season
    held = set(season.rounds_with_results())
    upcoming = next_round(season)
    winners: dict[int, list[dict[str, Any]]] = {}
    for w in scored.winners:
        winners.setdefault(w.round, []).append(
            {"class": w.class_code, "car_no": w.car_no, "team": w.team, "overall": w.overall}
        )
    return [
        {
            "round": r.number,
            "name": r.name,
            "circuit": r.circuit,
            "label": r.label,
            "date": r.date.isoformat() if r.date else None,
            "duration": r.duration,
            "status": r.status.value,
            "has_results": r.number in held,
            "next": r.number == upcoming,
            "winners": winners.get(r.number, []),
        }
        for r in season.rounds
    ]


def classes(season: Season) -> list[dict[str, Any]]:
    return [
        {
            "code": c.code,
            "name": c.name,
            "cars": sum(1 for e in season.entries if e.class_code == c.code),
            "min_weight_kg": c.rules.min_weight_kg,
            "engine_na_max_l": c.rules.engine_na_max_l,
            "engine_turbo_max_l": c.rules.engine_turbo_max_l,
        }
        for c in season.classes
    ]


def championships(season: Season) -> list[dict[str, str]]:
    return [
        {"id": c.id, "name": c.name or c.id, "competitor": c.competitor.value}
        for c in season.rules.championships
    ]


def home(scored: Scored) -> dict[str, Any]:
    season = scored.season
    leaders = []
    for car_class in season.classes:
        for champ in season.rules.championships:
            table = scored.standings(champ.id, car_class.code, None)
            top = [r for r in table.rows if r.place == 1]
            leaders.append(
                {
                    "class": car_class.code,
                    "championship": champ.id,
                    "championship_name": champ.name or champ.id,
                    "leaders": [
                        {
                            "name": r.competitor,
                            "slug": slugify(r.competitor),
                            "total": format_points(r.total),
                        }
                        for r in top
                    ],
                    "margin": format_points(table.rows[0].total - table.rows[1].total)
                    if len(table.rows) > 1 and not table.rows[0].shared
                    else None,
                }
            )
    upcoming = next_round(season)
    return {
        "season": season_info(season, scored.revision, scored.as_of),
        "classes": classes(season),
        "championships": championships(season),
        "calendar": calendar(scored),
        "next_round": upcoming,
        "rounds_held": len(season.rounds_with_results()),
        "leaders": leaders,
    }


def entries(scored: Scored) -> dict[str, Any]:
    from podium.render.season_views import entries_view

    season = scored.season
    view = entries_view(season)
    by_class: dict[str, list[Any]] = {c.code: [] for c in season.classes}
    for record in view.data:
        record["team_slug"] = slugify(record["team"])
        by_class.setdefault(record["class"], []).append(record)
    return {
        "season": season_info(season, scored.revision, scored.as_of),
        "classes": [
            {"code": code, "name": season.car_class(code).name, "entries": rows}
            for code, rows in by_class.items()
        ],
    }


def _line(season: Season, line: ResultLine) -> dict[str, Any]:
    entry = season.entries_by_key.get(line.entry) if line.entry else None
    car = line.car
    if not car and entry is not None:
        spec = entry.car_at(line.round)
        car = spec.chassis if spec else ""
    return {
        "round": line.round,
        "overall_pos": line.overall_pos,
        "class": line.class_code,
        "class_pos": line.class_pos,
        "car_no": entry.car_no if entry else None,
        "entry": line.entry,
        "team": line.team,
        "team_slug": slugify(line.team) if line.team else None,
        "entrant": line.entrant,
        "drivers": [{"name": d, "slug": slugify(d)} for d in line.drivers],
        "car": car,
        "laps": line.laps,
        "status": line.status.value,
        "classified": line.classified,
        "reason": line.reason,
    }


def round_page(scored: Scored, number: int, versions: list[ResultVersion]) -> dict[str, Any]:
    season = scored.season
    rnd = season.round(number)
    lines = scored.champs.classification(number)
    rows = [_line(season, line) for line in lines]
    per_class = [
        {"code": c.code, "results": [r for r in rows if r["class"] == c.code]}
        for c in season.classes
    ]
    return {
        "season": season_info(season, scored.revision, scored.as_of),
        "round": {
            "number": rnd.number,
            "name": rnd.name,
            "circuit": rnd.circuit,
            "date": rnd.date.isoformat() if rnd.date else None,
            "duration": rnd.duration,
            "status": rnd.status.value,
        },
        "previous": number - 1 if any(r.number == number - 1 for r in season.rounds) else None,
        "next": number + 1 if any(r.number == number + 1 for r in season.rounds) else None,
        "results": rows,
        "classes": per_class,
        "winners": [
            {
                "class": w.class_code,
                "car_no": w.car_no,
                "team": w.team,
                "drivers": list(w.drivers),
                "overall": w.overall,
            }
            for w in scored.winners
            if w.round == number
        ],
        "retirements": [r for r in rows if r["status"] != Status.CLASSIFIED.value],
        "versions": [version_json(v, with_lines=False) for v in visible(versions, scored.as_of)],
    }


def visible(versions: list[ResultVersion], as_of: AsOf) -> list[ResultVersion]:
    """The versions that existed as of a revision or moment (all when None)."""
    if as_of is None:
        return versions
    if isinstance(as_of, dt.datetime):
        return [v for v in versions if v.created_at <= as_of]
    return [v for v in versions if v.revision <= as_of]


def version_json(version: ResultVersion, with_lines: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "version": version.version,
        "revision": version.revision,
        "status": version.status.value,
        "created_at": version.created_at.isoformat(),
        "actor": version.actor,
        "reason": version.reason,
        "lines": len(version.lines),
    }
    if with_lines:
        out["results"] = [
            {
                "overall_pos": ln.overall_pos,
                "class": ln.class_code,
                "class_pos": ln.class_pos,
                "entry": ln.entry,
                "team": ln.team,
                "status": ln.status.value,
                "laps": ln.laps,
                "reason": ln.reason,
            }
            for ln in version.lines
        ]
    return out


def standings(
    scored: Scored, championship: str, class_code: str, after: int | None
) -> dict[str, Any]:
    """The standings view's JSON plus the colour key of every cell and the chart series."""
    season = scored.season
    code = season.car_class(class_code).code
    table = scored.standings(championship, code, after)
    view = scored.standings_view(championship, code, after)
    rows = []
    for standing, record in zip(table.rows, view.data["rows"], strict=True):
        cells = []
        for number, cell in zip(table.rounds, standing.cells, strict=True):
            cells.append(
                {
                    "round": number,
                    "points": format_points(cell.points) if cell and cell.points else "",
                    "key": str(key_of(cell) or ""),
                    "tag": tag_of(cell),
                    "place": cell.place if cell else None,
                    "status": cell.status.value if cell and cell.status else None,
                }
            )
        rows.append({**record, "slug": slugify(standing.competitor), "cells": cells})
    teams = table.championship.competitor is Competitor.TEAM
    return {
        "season": season_info(season, scored.revision, scored.as_of),
        "class": code,
        "championship": table.championship.id,
        "championship_name": table.championship.name or table.championship.id,
        "competitor": "team" if teams else "driver",
        "after": after,
        "rounds": [
            {"number": n, "label": season.round(n).label, "held": n in season.rounds_with_results()}
            for n in table.rounds
        ],
        "rounds_all": [{"number": r.number, "label": r.label} for r in season.rounds],
        "rows": rows,
        "notes": view.data["notes"],
        "progression": progression(table),
    }


def progression(table: Any, top: int = 5) -> list[dict[str, Any]]:
    """Running totals per round of the leading competitors: the title fight."""
    series = []
    for standing in table.rows[:top]:
        running = Points(0)
        points = []
        for number, cell in zip(table.rounds, standing.cells, strict=True):
            running += cell.points if cell and cell.points else 0
            points.append({"round": number, "points": format_points(running) or "0"})
        series.append(
            {"name": standing.competitor, "total": format_points(standing.total), "points": points}
        )
    return series


def _standing_rows(scored: Scored, competitor_kind: Competitor, name: str) -> list[dict[str, Any]]:
    season = scored.season
    out = []
    for champ in season.rules.championships:
        if champ.competitor is not competitor_kind:
            continue
        for car_class in season.classes:
            table = scored.standings(champ.id, car_class.code, None)
            row = table.row(name)
            if row is None:
                continue
            out.append(
                {
                    "championship": champ.id,
                    "championship_name": champ.name or champ.id,
                    "class": car_class.code,
                    "pos": row.label,
                    "total": format_points(row.total),
                    "of": len(table.rows),
                }
            )
    return out


def team(scored: Scored, slug: str) -> dict[str, Any]:
    season = scored.season
    found = next((t for t in season.teams if slugify(t.name) == slug), None)
    if found is None:
        raise NotFound(f"no team with address {slug!r} in {season.title}")
    cars = [e for e in season.entries if e.team == found.name]
    results = [_line(season, r) for r in season.results if r.team == found.name]
    return {
        "season": season_info(season, scored.revision, scored.as_of),
        "team": {
            "name": found.name,
            "aliases": list(found.aliases),
            "nationality": found.nationality,
        },
        "entries": [
            {
                "car_no": e.car_no,
                "class": e.class_code,
                "chassis": " / ".join(c.chassis for c in e.cars),
                "engine": " / ".join(dict.fromkeys(c.engine.name for c in e.cars if c.engine.name)),
                "drivers": [{"name": m.driver, "slug": slugify(m.driver)} for m in e.crew],
            }
            for e in cars
        ],
        "standings": _standing_rows(scored, Competitor.TEAM, found.name),
        "results": results,
    }


def driver(scored: Scored, slug: str) -> dict[str, Any]:
    season = scored.season
    found = next((d for d in season.drivers if slugify(d.name) == slug), None)
    if found is None:
        raise NotFound(f"no driver with address {slug!r} in {season.title}")
    lines = [r for r in season.results if found.name in r.drivers]
    cars = [e for e in season.entries if any(m.driver == found.name for m in e.crew)]
    return {
        "season": season_info(season, scored.revision, scored.as_of),
        "driver": {
            "name": found.name,
            "nationality": found.nationality,
            "aliases": list(found.aliases),
        },
        "entries": [
            {
                "car_no": e.car_no,
                "class": e.class_code,
                "team": e.team,
                "team_slug": slugify(e.team),
            }
            for e in cars
        ],
        "standings": _standing_rows(scored, Competitor.DRIVER, found.name),
        "results": [_line(season, line) for line in lines],
    }
