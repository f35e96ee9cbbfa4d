"""Stewards' decisions applied on top of the timing sheets.

A season's results are what the timing sheets printed; its penalties are
what the stewards decided. ``apply_decisions`` gives the official
classification: disqualified and excluded cars keep no place (the cars
behind move up, or the place is left vacant, as ``[stewards]`` in the rules
says), a time penalty classifies the session again by laps and time, a
position penalty drops a car down its class. Every line a decision moved
says so in words (``ResultLine.decision``), and the ledger repeats it.
Points penalties become ledger rows of their own (``scoring.points_penalties``).
Grid penalties change no result. A withdrawn decision changes nothing, and
neither does one the timing sheet already shows (``Penalty.in_results``: a
penalty read from a results file, served or applied by the timing system).

Because the sheets are never rewritten, importing the same file again
changes nothing and the decisions still apply.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction

from podium.errors import Problem
from podium.model.points import parse_points
from podium.model.results import (
    CLASSIFICATION_KINDS,
    Penalty,
    PenaltyKind,
    QualifyingLine,
    ResultLine,
    Status,
)
from podium.model.season import Season
from podium.model.timing import format_duration, format_ms, parse_duration
from podium.rules.dimensions import VacatedPlace
from podium.scoring.ledger_row import ordinal
from podium.scoring.points_penalties import ALL_POINTS

_SHEET_END = 1_000_000


def numbered(season: Season) -> list[tuple[int, Penalty]]:
    """The season's decisions with their numbers (1, 2, ... in the order they
    were taken): the number names a decision, e.g. to withdraw it."""
    return list(enumerate(season.penalties, start=1))


def apply_decisions(season: Season) -> Season:
    """The season with its official classification (idempotent). A decision
    that cannot be applied (a time penalty on a car without a race time) is
    left out and says why on the car's line; ``decision_problems`` reports it
    as an error, so that podium refuses it where it comes in."""
    return _applied(season)[0]


def decision_problems(season: Season) -> list[tuple[int, Problem]]:
    """Every stewards' decision of ``season`` that cannot be applied, by its
    number, and why."""
    problems = _values(season)
    if not problems:
        problems = _applied(season)[1]
    return problems


def _values(season: Season) -> list[tuple[int, Problem]]:
    """Decisions whose value is not what their kind needs."""
    out: list[tuple[int, Problem]] = []
    for number, decision in numbered(season):
        if not decision.to_apply:
            continue
        kind, value = decision.kind, decision.value
        if kind is PenaltyKind.TIME and parse_duration(value) is None:
            out.append((number, _bad_value(number, decision, "a time such as 30s or 1:05")))
        elif kind in (PenaltyKind.POSITIONS, PenaltyKind.GRID_PLACES) and not _whole(value):
            out.append((number, _bad_value(number, decision, "a number of places, e.g. 3")))
        elif kind is PenaltyKind.POINTS and value.strip() != ALL_POINTS:
            try:
                if parse_points(value) <= 0:
                    raise ValueError(value)
            except (ValueError, ZeroDivisionError):
                out.append(
                    (
                        number,
                        _bad_value(number, decision, f"points > 0, e.g. 10, or {ALL_POINTS!r}"),
                    )
                )
    return out


def _whole(text: str) -> bool:
    return text.strip().isdigit() and int(text) >= 1


def _applied(season: Season) -> tuple[Season, list[tuple[int, Problem]]]:
    if season.decisions_applied:
        return season, []
    standing = [
        (n, p) for n, p in numbered(season) if p.to_apply and p.kind in CLASSIFICATION_KINDS
    ]
    if not standing:
        return replace(season, decisions_applied=True), []
    sessions: dict[tuple[int, str], list[ResultLine]] = defaultdict(list)
    for line in season.results:
        sessions[line.round, line.session].append(line)
    decided: dict[int, ResultLine] = {}
    problems: list[tuple[int, Problem]] = []
    for (number, session), lines in sessions.items():
        here = [
            (n, p)
            for n, p in standing
            if p.round == number and (p.session == session or p.kind is PenaltyKind.EXCLUSION)
        ]
        if here:
            for old, new in zip(lines, classify(season, lines, here, problems), strict=True):
                if new is not old:
                    decided[id(old)] = new
    excluded = {(p.round, p.entry) for _, p in standing if p.kind is PenaltyKind.EXCLUSION}
    official = replace(
        season,
        results=tuple(decided.get(id(line), line) for line in season.results),
        qualifying=tuple(_excluded_from(q, excluded) for q in season.qualifying),
        decisions_applied=True,
    )
    return official, problems


def classify(
    season: Season,
    lines: list[ResultLine],
    decisions: list[tuple[int, Penalty]],
    problems: list[tuple[int, Problem]],
) -> list[ResultLine]:
    """One session's lines (in their order) after its decisions; a decision
    that cannot be applied is added to ``problems`` and noted on its line."""
    labels = {e.key: e.label for e in season.entries}

    def label(line: ResultLine) -> str:
        return labels.get(line.entry or "", line.entry or "a car")

    order = sorted((ln for ln in lines if ln.classified), key=_sheet_order(season))
    out = {id(ln): ln for ln in lines}
    own: dict[int, str] = {}
    """What a decision did to a car, by line: said on its own line."""
    timed: dict[int, str] = {}
    """A time-penalised car's race time with the penalty added."""
    causes: dict[str, list[str]] = defaultdict(list)
    """What moved the cars of a class, said on the lines it moved."""
    vacated: list[ResultLine] = []
    by_entry = {ln.entry: ln for ln in lines if ln.entry}

    for number, decision in decisions:
        line = by_entry.get(decision.entry)
        if line is None:
            continue  # the car is not in this session
        what = f"decision {number}: {decision.reason}" if decision.reason else f"decision {number}"
        if decision.kind in (PenaltyKind.DISQUALIFICATION, PenaltyKind.EXCLUSION):
            word = "excluded" if decision.kind is PenaltyKind.EXCLUSION else "disqualified"
            sheet = f"; {ordinal(line.class_pos)} on the timing sheet" if line.class_pos else ""
            out[id(line)] = replace(
                line,
                status=Status.DISQUALIFIED,
                overall_pos=None,
                class_pos=None,
                reason=decision.reason or line.reason,
                decision=f"{word} by the stewards ({what}){sheet}",
                sheet_pos=line.class_pos if line.classified else None,
            )
            if line in order:
                vacated.append(line)
                order.remove(line)
                causes[line.class_code].append(f"{label(line)} {word}")
        elif line not in order:
            continue  # not classified: a time or place penalty changes nothing
        elif decision.kind is PenaltyKind.TIME:
            seconds = parse_duration(decision.value)
            total = race_time(line, lines)
            if seconds is None or total is None:
                problem = (
                    _bad_value(number, decision, "a time such as 30s or 1:05")
                    if seconds is None
                    else Problem(
                        "penalties.csv",
                        None,
                        "value",
                        f"decision {number}: a time penalty needs the race time of {label(line)}",
                        expected="a time (or a gap to the winner) on its results line",
                        found="none",
                    )
                )
                problems.append((number, problem))
                own[id(line)] = f"decision {number} not applied: {problem.message}"
                continue
            _move_back(order, line, line.laps or 0, total + seconds, lines)
            own[id(line)] = f"{format_duration(seconds)} time penalty ({what})"
            timed[id(line)] = format_ms(round((total + seconds) * 1000))
            causes[line.class_code].append(f"{label(line)}'s time penalty")
        elif decision.kind is PenaltyKind.POSITIONS:
            if not _whole(decision.value):
                problem = _bad_value(number, decision, "a number of places, e.g. 3")
                problems.append((number, problem))
                own[id(line)] = f"decision {number} not applied: {problem.message}"
                continue
            places = int(decision.value)
            _drop_places(order, line, places)
            own[id(line)] = f"dropped {places} place{'s' if places > 1 else ''} ({what})"
            causes[line.class_code].append(f"{label(line)} dropped {places}")

    vacant = season.rules.stewards.disqualified_place is VacatedPlace.LEFT_VACANT
    ranked = _rank(order, vacated if vacant else [], _sheet_order(season))
    for line in order:
        overall, in_class = ranked[id(line)]
        if in_class == line.class_pos and id(line) not in own:
            if overall != line.overall_pos:  # only its overall place moved: said nowhere
                out[id(line)] = replace(line, overall_pos=overall)
            continue
        note = [f"{ordinal(line.class_pos)} on the timing sheet" if line.class_pos else ""]
        note.append(own.get(id(line)) or ", ".join(causes[line.class_code]))
        out[id(line)] = replace(
            line,
            time=timed.get(id(line), line.time),
            gap="" if id(line) in timed else line.gap,
            overall_pos=overall,
            class_pos=in_class,
            decision="; ".join(n for n in note if n),
            sheet_pos=line.class_pos if in_class != line.class_pos else None,
        )
    return [out[id(ln)] for ln in lines]


def race_time(line: ResultLine, session: list[ResultLine]) -> Fraction | None:
    """A classified car's race time: the sheet's, or the winner's plus its gap."""
    own = parse_duration(line.time)
    if own is not None:
        return own
    gap = parse_duration(line.gap)
    if gap is None:
        return None
    winner = next((ln for ln in session if ln.classified and ln.overall_pos == 1), None)
    if winner is None or winner.laps != line.laps:
        return None
    start = parse_duration(winner.time)
    return None if start is None else start + gap


SheetKey = Callable[[ResultLine], tuple[int, int, int]]


def _sheet_order(season: Season) -> SheetKey:
    """The order of the timing sheet: overall position, then class and class position."""
    classes = {c.code: i for i, c in enumerate(season.classes)}

    def key(line: ResultLine) -> tuple[int, int, int]:
        return (
            line.overall_pos if line.overall_pos is not None else _SHEET_END,
            classes.get(line.class_code, len(classes)),
            line.class_pos if line.class_pos is not None else _SHEET_END,
        )

    return key


def _move_back(
    order: list[ResultLine],
    line: ResultLine,
    laps: int,
    total: Fraction,
    session: list[ResultLine],
) -> None:
    """Put ``line`` behind the last car that now beats it: more laps, or as
    many laps in less (or the same) time. It never moves up; a car whose
    time is unknown does not beat it."""
    start = order.index(line)
    order.remove(line)
    at = start
    for i in range(start, len(order)):
        other = order[i]
        other_laps = other.laps or 0
        if other_laps > laps:
            at = i + 1
        elif other_laps == laps:
            theirs = race_time(other, session)
            if theirs is not None and theirs <= total:
                at = i + 1
    order.insert(at, line)


def _drop_places(order: list[ResultLine], line: ResultLine, places: int) -> None:
    """Move ``line`` behind the next ``places`` classified cars of its class."""
    start = order.index(line)
    behind = [i for i in range(start + 1, len(order)) if order[i].class_code == line.class_code]
    if not behind:
        return
    target = order[behind[min(places, len(behind)) - 1]]
    order.remove(line)
    order.insert(order.index(target) + 1, line)


def _rank(
    order: list[ResultLine], vacated: list[ResultLine], sheet_key: SheetKey
) -> dict[int, tuple[int | None, int | None]]:
    """Overall and class places along ``order``; a vacated car keeps its
    sheet slot (nobody takes its place) but gets no place itself."""
    full = list(order)
    for gone in sorted(vacated, key=sheet_key):
        at = next((i for i, ln in enumerate(full) if sheet_key(ln) > sheet_key(gone)), len(full))
        full.insert(at, gone)
    gone_ids = {id(g) for g in vacated}
    overall = 0
    in_class: dict[str, int] = defaultdict(int)
    out: dict[int, tuple[int | None, int | None]] = {}
    for line in full:
        overall += line.overall_pos is not None
        in_class[line.class_code] += line.class_pos is not None
        if id(line) in gone_ids:
            continue
        out[id(line)] = (
            overall if line.overall_pos is not None else None,
            in_class[line.class_code] if line.class_pos is not None else None,
        )
    return out


def _excluded_from(line: QualifyingLine, excluded: set[tuple[int, str]]) -> QualifyingLine:
    if (line.round, line.entry) not in excluded:
        return line
    return replace(line, position=None, class_position=None, note="excluded by the stewards")


def _bad_value(number: int, decision: Penalty, expected: str) -> Problem:
    return Problem(
        "penalties.csv",
        None,
        "value",
        f"decision {number}: a {decision.kind.value} penalty needs a value",
        expected=expected,
        found=decision.value or "nothing",
    )
