"""Stewards' decisions: a penalty is checked against the season (its car,
championship and value, and that it can be applied) before it is stored in
a season folder's penalties.csv or a database; decisions are listed with
their numbers and withdrawn by number. The CLI, the write API and the
season folder go through the same code (``scoring.stewards`` applies them)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from podium.app.answer import JSON, Answer
from podium.app.folder import write_files
from podium.app.repository import check_withdrawal
from podium.errors import InputError, Problem
from podium.model import parse_points
from podium.model.results import Penalty, PenaltyKind
from podium.model.season import Season
from podium.readers.text_checks import control_in
from podium.scoring.points_penalties import ALL_POINTS
from podium.scoring.stewards import decision_problems, numbered


@dataclass(frozen=True, slots=True)
class PenaltyAdded(Answer):
    season: str
    revision: int
    entry: str


@dataclass(frozen=True, slots=True)
class Withdrawn(Answer):
    season: str
    revision: int
    decision: int


def penalty_for(
    season: Season,
    round_number: int,
    kind: PenaltyKind,
    reason: str,
    car_no: str | None = None,
    entry: str | None = None,
    value: str = "",
    championship: str = "",
    source: str = "",
    session: str = "race",
    where: str = "body",
    class_code: str | None = None,
) -> Penalty:
    """The penalty, its car named by entry key or by car number (and class,
    where two classes use the number); every problem with it at once
    (``where`` names the input, e.g. the request body)."""
    season.round(round_number)
    refuse_control(
        where,
        (
            ("reason", reason),
            ("car_no", car_no),
            ("entry", entry),
            ("value", value),
            ("championship", championship),
            ("session", session),
            ("class", class_code),
        ),
    )
    problems = []
    key = entry
    if key and key not in season.entries_by_key:
        problems.append(Problem(where, None, "entry", "unknown entry", "an entry key", key))
    if not key and car_no:
        match = [
            e
            for e in season.entries
            if e.car_no == car_no
            and (not class_code or e.class_code.casefold() == class_code.casefold())
        ]
        key = match[0].key if len(match) == 1 else None
        if not match:
            problems.append(
                Problem(
                    where,
                    None,
                    "car_no",
                    "unknown car number" + (f" in {class_code}" if class_code else ""),
                    "a car of the entry list",
                    car_no,
                )
            )
        elif len(match) > 1:
            problems.append(
                Problem(
                    where,
                    None,
                    "class",
                    f"car number {car_no} is used in "
                    + " and ".join(e.class_code for e in match)
                    + ": which class?",
                    " or ".join(e.class_code for e in match),
                    class_code or "nothing",
                )
            )
    if not key and not problems:
        problems.append(Problem(where, None, "car_no", "a penalty names a car", "car_no or entry"))
    ids = [c.id for c in season.rules.championships]
    if championship and championship not in ids:
        problems.append(
            Problem(
                where,
                None,
                "championship",
                "unknown championship",
                " or ".join(ids),
                championship,
            )
        )
    if kind is PenaltyKind.POINTS and value.strip() != ALL_POINTS:
        try:
            parse_points(value)
        except (ValueError, ZeroDivisionError):
            problems.append(
                Problem(
                    where,
                    None,
                    "value",
                    "points penalty needs a number",
                    f"e.g. 10, or {ALL_POINTS!r}",
                    value,
                )
            )
    if problems:
        raise InputError(problems)
    penalty = Penalty(round_number, key or "", kind, reason, value, championship, source, session)
    # Refused now if it could not be applied (a time penalty on a car without a race time).
    candidate = replace(season, penalties=(*season.penalties, penalty))
    number = len(candidate.penalties)
    problems = [replace(p, file=where) for n, p in decision_problems(candidate) if n == number]
    if problems:
        raise InputError(problems)
    return penalty


# -- the decisions of a season ------------------------------------------------


@dataclass(frozen=True, slots=True)
class DecisionInfo(Answer):
    """One stewards' decision as `podium penalty list` and the API show it."""

    number: int
    round: int
    session: str
    entry: str
    car: str
    kind: PenaltyKind
    value: str
    championship: str
    reason: str
    source: str
    state: str
    """``standing``, ``withdrawn: why`` or ``in the results`` (the timing
    system applied it)."""
    effect: str
    """What it does to the results, in words."""


@dataclass(frozen=True, slots=True)
class DecisionList(Answer):
    season_id: str
    season_title: str
    decisions: tuple[DecisionInfo, ...]
    served: int = 0
    """Penalties the timing sheet already shows that are left out of the list."""

    def to_json(self) -> JSON:
        return [d.to_json() for d in self.decisions]


_EFFECT = {
    PenaltyKind.GRID_TO_BACK: "starts from the back of the grid (no effect on the result)",
    PenaltyKind.GRID_PLACES: "{value} places back on the grid (no effect on the result)",
    PenaltyKind.TIME: "{value} added to its race time",
    PenaltyKind.POSITIONS: "dropped {value} places in its class",
    PenaltyKind.DISQUALIFICATION: "disqualified from the {session}",
    PenaltyKind.EXCLUSION: "excluded from the event",
    PenaltyKind.POINTS: "-{value} points in {championship}",
}


def decision_list(
    season: Season, round_number: int | None = None, served: bool = True
) -> DecisionList:
    """The decisions (of one round), numbered; ``served``: also the penalties
    the timing system served or applied (read from results files)."""
    labels = {e.key: e.label for e in season.entries}
    out = []
    left_out = 0
    for number, p in numbered(season):
        if round_number is not None and p.round != round_number:
            continue
        if p.in_results and not served:
            left_out += 1
            continue
        if p.withdrawn:
            state = f"withdrawn: {p.withdrawn}"
        elif p.in_results:
            state = "in the results (applied by the timing system)"
        else:
            state = "standing"
        effect = _EFFECT[p.kind].format(
            value=p.value, session=p.session, championship=p.championship or "every championship"
        )
        if p.in_results:
            effect = f"{p.value or p.kind.value}: served, the timing sheet shows it"
        out.append(
            DecisionInfo(
                number,
                p.round,
                p.session,
                p.entry,
                labels.get(p.entry, p.entry),
                p.kind,
                p.value,
                p.championship,
                p.reason,
                p.source,
                state,
                effect,
            )
        )
    return DecisionList(season.id, season.title, tuple(out), left_out)


def refuse_control(where: str, texts: Iterable[tuple[str, str | None]]) -> None:
    """InputError naming each text (field, value) with a control character:
    a NUL is refused by PostgreSQL, an escape would reach every page."""
    problems = [
        Problem(where, None, name, "control character in the text", "printable text", found)
        for name, text in texts
        if text and (found := control_in(text))
    ]
    if problems:
        raise InputError(problems)


def add_to_folder(folder: Path, season: Season, penalty: Penalty) -> int:
    """Append ``penalty`` (checked by ``penalty_for``) to the folder's
    penalties.csv; returns its number."""
    after = replace(season, penalties=(*season.penalties, penalty))
    write_files(folder, after, ["penalties.csv"], before=season)
    return len(after.penalties)


def withdraw_in_folder(folder: Path, season: Season, number: int, reason: str) -> Penalty:
    """Mark decision ``number`` withdrawn (``reason``) in the folder's
    penalties.csv: it stays on record and changes nothing from then on."""
    refuse_control(str(folder), [("reason", reason)])
    check_withdrawal(str(folder), season.penalties, number)
    penalties = list(season.penalties)
    penalties[number - 1] = replace(penalties[number - 1], withdrawn=reason)
    write_files(
        folder, replace(season, penalties=tuple(penalties)), ["penalties.csv"], before=season
    )
    return penalties[number - 1]
