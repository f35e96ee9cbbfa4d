"""Consistency checks on a whole season (pure). Readers pass where each object
came from, so every problem names its file and line."""

from __future__ import annotations

from collections import defaultdict

from podium.errors import Problem, Severity
from podium.model.car_class import Aspiration
from podium.model.rules_checks import check_rules_against
from podium.model.season import Season

Locations = dict[tuple[str, object], tuple[str, int]]


def check_season(season: Season, where: Locations | None = None) -> list[Problem]:
    where = where or {}
    problems: list[Problem] = []
    problems += _check_rounds(season, where)
    problems += _check_sessions(season)
    problems += _check_entries(season, where)
    problems += _check_numbers(season, where)
    problems += _check_results(season, where)
    problems += _check_qualifying(season, where)
    problems += check_rules_against(season)
    return problems


def _times(count: int) -> str:
    return f"{count} time" if count == 1 else f"{count} times"


def _at(where: Locations, kind: str, key: object, default: str) -> tuple[str, int | None]:
    file, line = where.get((kind, key), (default, 0))
    return file, line or None


def _check_rounds(season: Season, where: Locations) -> list[Problem]:
    problems = []
    codes = [c.code for c in season.classes]
    for rnd in season.rounds:
        for code in rnd.classes:
            if code not in codes:
                file, line = _at(where, "round classes", rnd.number, "season.toml")
                problems.append(
                    Problem(
                        file,
                        line,
                        f"rounds.{rnd.number}.classes",
                        "no such class in season.toml: name one of its [[classes]]",
                        expected=" or ".join(codes),
                        found=code,
                    )
                )
        try:
            if rnd.scale and rnd.scale not in season.rules.scales:
                raise KeyError(rnd.scale)
            season.rules.scale_for(rnd.number, rnd.scale)
        except KeyError:
            problems.append(
                Problem(
                    "season.toml",
                    None,
                    f"rounds.{rnd.number}.scale",
                    "no such points scale in rules.toml: name one of its [scales] or add it",
                    expected=" or ".join(sorted(season.rules.scales)),
                    found=rnd.scale,
                )
            )
    return problems


def _check_entries(season: Season, where: Locations) -> list[Problem]:
    problems = []
    codes = {c.code: c for c in season.classes}
    for entry in season.entries:
        file, line = _at(where, "entry", entry.key, "entries.csv")
        car_class = codes.get(entry.class_code)
        if car_class is None:
            problems.append(
                Problem(
                    file,
                    line,
                    "class",
                    "unknown class",
                    expected=" or ".join(codes),
                    found=entry.class_code,
                )
            )
            continue
        limits = car_class.rules
        for car in entry.cars:
            engine = car.engine
            if engine.displacement_l is not None and engine.aspiration is not None:
                limit = limits.engine_limit(engine.aspiration)
                if limit is not None and engine.displacement_l > limit + 1e-9:
                    kind = (
                        "turbocharged"
                        if engine.aspiration is Aspiration.TURBO
                        else "normally aspirated"
                    )
                    problems.append(
                        Problem(
                            file,
                            line,
                            "engine",
                            f"{engine.name} breaks the {car_class.code} engine limit for {kind} engines",
                            expected=f"<= {limit} L",
                            found=f"{engine.displacement_l} L",
                        )
                    )
            if (
                car.weight_kg is not None
                and limits.min_weight_kg
                and car.weight_kg < limits.min_weight_kg
            ):
                problems.append(
                    Problem(
                        file,
                        line,
                        "weight_kg",
                        f"under the {car_class.code} minimum weight",
                        expected=f">= {limits.min_weight_kg} kg",
                        found=f"{car.weight_kg} kg",
                    )
                )
            if car.carbon_brakes and limits.carbon_brakes_allowed is False:
                problems.append(
                    Problem(
                        file,
                        line,
                        "carbon_brakes",
                        f"carbon brakes are not allowed in {car_class.code}",
                        expected="false",
                        found="true",
                    )
                )
    return problems


def _check_sessions(season: Season) -> list[Problem]:
    """Every session that holds results needs a points scale."""
    problems = []
    sessions = dict.fromkeys((r.round, r.session) for r in season.results)
    for number, session in sessions:
        if session == "race":
            continue  # the round's scale (checked above)
        try:
            season.rules.scale_for(number, season.round(number).scale, session)
        except Exception:
            problems.append(
                Problem(
                    f"results/r{number}.csv",
                    None,
                    "session",
                    f"no points scale for session {session!r} in rules.toml: add a scale with "
                    f'session = "{session}" (or import the file as the race)',
                    expected="a session of the rules' scales",
                    found=session,
                )
            )
    return problems


def _check_numbers(season: Season, where: Locations) -> list[Problem]:
    """Two cars of one class with the same number: results could not tell them apart."""
    problems = []
    seen: dict[tuple[str, str], str] = {}
    for entry in season.entries:
        if not entry.car_no:
            continue
        other = seen.setdefault((entry.class_code, entry.car_no), entry.key)
        if other != entry.key:
            file, line = _at(where, "entry", entry.key, "entries.csv")
            problems.append(
                Problem(
                    file,
                    line,
                    "car_no",
                    f"#{entry.car_no} is already the number of entry {other!r} in "
                    f"{entry.class_code}: a result or penalty naming #{entry.car_no} cannot "
                    "tell them apart; give one of them another number",
                    expected=f"a number not used in {entry.class_code}",
                    found=entry.car_no,
                    severity=Severity.WARNING,
                )
            )
    for entry in season.entries:
        cars = entry.cars
        # Several rows of one key are one car's periods (a chassis or engine
        # change): the same row twice, or periods that overlap, are two cars.
        if len(cars) > 1 and (
            len(set(cars)) < len(cars)
            or any(
                a.rounds.known
                and b.rounds.known
                and (
                    a.rounds.everywhere
                    or b.rounds.everywhere
                    or set(a.rounds.rounds) & set(b.rounds.rounds)
                )
                for i, a in enumerate(cars)
                for b in cars[i + 1 :]
            )
        ):
            file, line = _at(where, "entry", entry.key, "entries.csv")
            problems.append(
                Problem(
                    file,
                    line,
                    "entry",
                    f"entry {entry.key!r} is given twice for the same rounds: two cars need "
                    "two keys, one car's chassis periods need their rounds",
                    expected="one row per key, or rows with rounds that do not overlap",
                    found=f"{len(cars)} rows",
                )
            )
    return problems


def _check_qualifying(season: Season, where: Locations) -> list[Problem]:
    problems = []
    seen: dict[tuple[int, str, int], str] = {}
    for q in season.qualifying:
        for key, place in (
            ((q.round, q.class_code, 0), q.class_position),
            ((q.round, "", 0), q.position),
        ):
            if place is None:
                continue
            slot = (key[0], key[1], place)
            other = seen.setdefault(slot, q.entry)
            if other != q.entry:
                file, line = _at(where, "qualifying", id(q), f"qualifying/r{q.round}.csv")
                column = "class_position" if key[1] else "position"
                what = f"{q.class_code} " if key[1] else ""
                problems.append(
                    Problem(
                        file,
                        line,
                        column,
                        f"two cars qualified {what}P{place} (entries {other!r} and {q.entry!r})",
                        expected="each position once",
                        found=str(place),
                    )
                )
    return problems


def _check_results(season: Season, where: Locations) -> list[Problem]:
    problems = []
    class_places: dict[tuple[int, str, str, int], list[object]] = defaultdict(list)
    overall_places: dict[tuple[int, str, int], list[object]] = defaultdict(list)
    codes = {c.code for c in season.classes}
    # A bill naming an unknown class is said once (_check_rounds), not on each line it refuses.
    bills = {r.number: r for r in season.rounds if r.classes and codes.issuperset(r.classes)}
    for result in season.results:
        file, line = _at(where, "result", id(result), f"results/r{result.round}.csv")
        if result.classified and result.class_pos is None:
            problems.append(
                Problem(
                    file,
                    line,
                    "class_pos",
                    "classified car has no class position",
                    expected="class_pos or overall_pos",
                    found="neither",
                )
            )
        if result.drive_times and len(result.drive_times) != len(result.drivers):
            problems.append(
                Problem(
                    file,
                    line,
                    "drive_times",
                    "a time at the wheel for each driver, in the order of drivers",
                    expected=f"{_times(len(result.drivers))}, one per driver",
                    found=_times(len(result.drive_times)),
                )
            )
        bill = bills.get(result.round)
        if bill is not None and not bill.races(result.class_code):
            problems.append(
                Problem(
                    file,
                    line,
                    "class",
                    f"round {result.round}: {result.class_code} is not on the bill of this "
                    f"round (classes = {', '.join(bill.classes)} in season.toml)",
                    expected=" or ".join(bill.classes),
                    found=f"a {result.class_code} result line",
                )
            )
        if result.class_pos is not None:
            class_places[
                (result.round, result.session, result.class_code, result.class_pos)
            ].append(result)
        if result.overall_pos is not None:
            overall_places[(result.round, result.session, result.overall_pos)].append(result)
        entry = season.entries_by_key.get(result.entry) if result.entry else None
        if entry is None:
            continue
        if entry.class_code != result.class_code:
            problems.append(
                Problem(
                    file,
                    line,
                    "class",
                    f"class mismatch for {entry.label}",
                    expected=entry.class_code,
                    found=result.class_code,
                )
            )
        if (
            entry.crew
            and all(m.rounds.known for m in entry.crew)
            and not any(m.rounds.covers(result.round) for m in entry.crew)
        ):
            problems.append(
                Problem(
                    file,
                    line,
                    "car_no",
                    f"{entry.label} is not entered for round {result.round}",
                    expected="a round listed in crews.csv",
                    found=str(result.round),
                    severity=Severity.WARNING,
                )
            )
        for driver in result.drivers:
            if entry.crew and not any(
                m.driver == driver and m.rounds.covers(result.round) for m in entry.crew
            ):
                problems.append(
                    Problem(
                        file,
                        line,
                        "drivers",
                        f"driver not entered in {entry.label} for round {result.round}",
                        expected=", ".join(
                            m.driver for m in entry.crew if m.rounds.covers(result.round)
                        )
                        or "-",
                        found=driver,
                    )
                )
    for (number, _session, class_code, place), lines in class_places.items():
        if len(lines) > 1:
            file, line = _at(where, "result", id(lines[1]), f"results/r{number}.csv")
            problems.append(
                Problem(
                    file,
                    line,
                    "class_pos",
                    f"duplicate class position in {class_code}",
                    expected="each position once",
                    found=f"{place} given {len(lines)} times",
                )
            )
    for (number, _session, place), lines in overall_places.items():
        if len(lines) > 1:
            file, line = _at(where, "result", id(lines[1]), f"results/r{number}.csv")
            problems.append(
                Problem(
                    file,
                    line,
                    "overall_pos",
                    "duplicate overall position",
                    expected="each position once",
                    found=f"{place} given {len(lines)} times",
                )
            )
    return problems
