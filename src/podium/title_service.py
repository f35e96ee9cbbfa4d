"""Title-fight service: JSON-able answers for the CLI, the JSON API and the
web "title fight" panel, plus its SVG chart. Adapters call only these."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from podium.service import Championships


def _race(
    champs: Championships,
    class_code: str | None,
    championship: str,
    after: int | None,
    everyone: bool = False,
) -> Any:
    from podium.analysis.title.race import build_race

    champ = champs.championship(championship)
    code = champs.class_code(class_code) if champ.per_class and class_code else ""
    if champ.per_class and not code:
        code = champs.season.classes[0].code
    held = champs.season.rounds_with_results()
    last = after if after is not None else (held[-1] if held else 0)
    if last:
        champs.season.round(last)
    return build_race(champs.season, champs.ledger, champ, code, last, everyone)


def title_fight(
    champs: Championships,
    class_code: str | None = None,
    championship: str = "teams",
    after: int | None = None,
    who: str | None = None,
    everyone_finishes: bool = False,
    time_limit: float = 5.0,
) -> dict[str, Any]:
    """Every contender's verdict, reachable range, needs and witness."""
    from podium.analysis.title.completion import describe
    from podium.analysis.title.partial import data_verdict, entry_list_reading, gaps
    from podium.analysis.title.verdict import verdict

    race = _race(champs, class_code, championship, after, everyone_finishes)
    found: tuple[Any, ...] = ()
    if champs.championship(championship).competitor.value == "driver" and race.class_code:
        found = gaps(champs.season, race, champs.unattributed(race.class_code, race.after))
    reading = entry_list_reading(champs.season, race, found) if found else None
    names = [c.name for c in race.contenders]
    if who:
        wanted = champs.season.driver_name(who) or champs.season.team_name(who) or who
        names = [n for n in names if n.casefold() == wanted.casefold()]
        if not names:
            from podium.errors import NotFound, Problem

            raise NotFound(
                Problem(
                    "--who",
                    None,
                    "who",
                    f"not in the {race.title} fight after round {race.after}",
                    expected=f"one of {len(race.contenders)} contenders, e.g. {race.contenders[0].name}"
                    if race.contenders
                    else "a contender",
                    found=who,
                )
            )
    rows = []
    for name in names:
        d = data_verdict(race, found, name)
        v = d.known
        entry: dict[str, Any] = {
            "name": name,
            "status": v.status.value,
            "method": v.method.value,
            "points": race.points_text(v.total),
            "lowest": race.points_text(v.lowest),
            "highest": race.points_text(v.highest),
            "reason": v.reason,
            "needs": v.need.text if v.need else "",
            "needs_round": v.need.round if v.need else None,
            "worst_case": list(v.need.worst_case) if v.need else [],
            "otherwise": list(v.otherwise),
            "witness": describe(race, v.witness) if v.witness else [],
            "data_determines": d.determined,
        }
        if found and not d.determined:
            entry["if_gaps_go_against"] = d.worst.status.value
            entry["if_gaps_go_for"] = d.best.status.value
            entry["if_gaps_go_for_needs"] = d.best.need.text if d.best.need else ""
            entry["deciding_missing_results"] = [g.text(d.involved) for g in d.deciding]
        if reading is not None and not d.determined:
            r = verdict(reading, name)
            entry["entry_list_reading"] = {
                "points": reading.points_text(r.total),
                "status": r.status.value,
                "needs": r.need.text if r.need else "",
                "worst_case": list(r.need.worst_case) if r.need else [],
            }
        rows.append(entry)
    return {
        "title": race.title,
        "class": race.class_code,
        "championship": race.championship,
        "after": race.after,
        "open_rounds": [
            {"round": r.number, "label": r.label, "cars": r.field_size} for r in race.rounds
        ],
        "assumption": "every car classified"
        if everyone_finishes
        else "any car may retire and score nothing",
        "partial_data": bool(found),
        "scoring_rule": _scoring_rule(champs),
        "contenders": rows,
    }


def title_odds(
    champs: Championships,
    class_code: str | None = None,
    championship: str = "teams",
    after: int | None = None,
    runs: int = 100_000,
    seed: int = 0,
    model: str = "uniform",
    retire_rate: float = 0.0,
) -> dict[str, Any]:
    from podium.analysis.title.odds import OrderModel
    from podium.analysis.title.odds import title_odds as simulate

    race = _race(champs, class_code, championship, after)
    form: dict[str, float] = {}
    if model == "form" and race.after:
        form = {c.name: c.total / race.unit / race.after for c in race.contenders}
    odds = simulate(race, runs, seed, OrderModel(model), retire_rate, form)
    partial = champs.championship(championship).competitor.value == "driver" and bool(
        race.class_code and champs.unattributed(race.class_code, race.after)
    )
    return {
        "partial_data": partial,
        "title": race.title,
        "after": race.after,
        "runs": odds.runs,
        "seed": odds.seed,
        "model": odds.model,
        "retire_rate": retire_rate,
        "contenders": [
            {"name": n, "odds": c, "standard_error": e}
            for n, c, e in sorted(
                zip(odds.names, odds.chances, odds.errors, strict=True), key=lambda t: -t[1]
            )
        ],
    }


def observed_retire_rate(champs: Championships, after: int | None = None) -> float:
    """Share of starters not classified in the season's races so far: the
    retirement rate the season itself shows (0 when no race is held)."""
    from podium.model.results import Status

    started = classified = 0
    for line in champs.season.results:
        if after is not None and line.round > after:
            continue
        if line.session != "race" or line.status is Status.DID_NOT_START:
            continue
        started += 1
        classified += line.classified
    return round(1 - classified / started, 3) if started else 0.0


def title_chart(fight: dict[str, Any], odds: dict[str, Any] | None = None) -> str:
    """SVG of a title fight (from ``title_fight``), with odds when given."""
    from fractions import Fraction

    from podium.render.title_chart import ChartRow, title_chart_svg

    chances = {o["name"]: o["odds"] for o in (odds or {}).get("contenders", [])}
    rows = [
        ChartRow(
            c["name"],
            float(Fraction(c["points"])),
            float(Fraction(c["lowest"])),
            float(Fraction(c["highest"])),
            chances.get(c["name"]) if odds else None,
            c["status"],
        )
        for c in fight["contenders"]
        if c["status"] != "eliminated"
    ] or [ChartRow(c["name"], 0, 0, 0) for c in fight["contenders"][:1]]
    return title_chart_svg(f"{fight['title']} after round {fight['after']}", rows)


def _scoring_rule(champs: Championships) -> str:
    share = champs.season.rules.eligibility.min_distance
    if not share:
        return "A classified car scores by its place."
    return (
        f"A car scores only if classified and covering {share:.0%} of the "
        f"{champs.season.rules.eligibility.distance_of.value.replace('_', ' ')}'s distance."
    )


# F1DB's decider flags count a drivers' title decided once count-back would
# settle any tie still possible (2004: Barrichello could only tie Schumacher,
# who had more wins, after round 14: flagged 14), but a constructors' title
# only once no rival can reach the leader's points (1968: Matra could still
# tie Lotus after round 11: flagged 12). Both are applied as the flags have it.
LEVEL_IS_OPEN = {"drivers": False, "constructors": True}


def f1_deciders(data_dir: Path, years: list[int] | None = None) -> dict[str, Any]:
    """Per season, the round at which podium finds each F1 title decided,
    beside the one in ``data_dir/deciders.csv``; a summary ``drivers N/M,
    constructors N/M`` over the titles the file names."""
    from podium.analysis.title.deciders import deciding_round
    from podium.readers.f1db import load_f1_seasons

    published = _read_deciders(data_dir / "deciders.csv", years)
    seasons = load_f1_seasons(data_dir, years)
    rows = []
    score = {"drivers": [0, 0], "constructors": [0, 0]}
    for year in sorted(seasons):
        row: dict[str, Any] = {"season": year}
        for title in ("drivers", "constructors"):
            expected = published.get((year, title))
            known = {c.id for c in seasons[year].rules.championships}
            ours = (
                deciding_round(seasons[year], title, LEVEL_IS_OPEN[title])
                if title in known
                else None
            )
            row[title] = ours
            row[f"{title}_published"] = expected
            if expected is not None:
                score[title][1] += 1
                score[title][0] += ours == expected
        rows.append(row)
    summary = (
        f"drivers {score['drivers'][0]}/{score['drivers'][1]}, "
        f"constructors {score['constructors'][0]}/{score['constructors'][1]}"
    )
    return {"seasons": rows, "summary": summary}


def _read_deciders(path: Path, years: list[int] | None) -> dict[tuple[int, str], int]:
    from podium.errors import InputError, Problem
    from podium.readers.rows import read_rows

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(
            Problem(path.name, None, "(file)", "file not found", expected=str(path))
        ) from None
    out: dict[tuple[int, str], int] = {}
    problems = []
    for row in read_rows(text, path.name, required=("year", "round", "championship")):
        title = row.get("championship")
        if title not in ("drivers", "constructors"):
            problems.append(
                row.problem("championship", "unknown title", "drivers or constructors", title)
            )
            continue
        try:
            year, number = int(row.get("year")), int(row.get("round"))
        except ValueError:
            problems.append(
                row.problem(
                    "year/round",
                    "not a number",
                    "integers",
                    f"{row.get('year')}/{row.get('round')}",
                )
            )
            continue
        if years is None or year in years:
            out[year, title] = number
    if problems:
        raise InputError(problems)
    return out
