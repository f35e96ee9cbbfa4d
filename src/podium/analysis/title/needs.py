"""What a contender needs at the next round: the weakest result of its own
that guarantees the title whatever the others do, with the worst case one
place lower; or, when no result of its own is enough, a win plus where each
dangerous rival must finish. Every check is a pairwise one (exact)."""

from __future__ import annotations

from dataclasses import dataclass

from podium.analysis.title.completion import Placings, check_completion, describe
from podium.analysis.title.pairwise import (
    beaten_by,
    can_get_ahead,
    pairwise_exact,
    scenario,
    signatures,
)
from podium.analysis.title.race import OpenRound, TitleRace
from podium.scoring.ledger_row import ordinal


@dataclass(frozen=True)
class Need:
    """The weakest result at the next round that guarantees the title."""

    round: int
    place: int | None
    """Worst place of the contender's best car that still clinches; None: no
    result of its own is enough."""
    text: str
    rivals: tuple[tuple[str, int], ...] = ()
    """With a win: each rival that must finish no better than this place."""
    worst_case: tuple[str, ...] = ()
    """Why one place less is not enough: the scenario, one line per round."""
    worst_case_rival: str = ""
    words: str = ""
    """The need without its subject, for a fan: "to finish 8th or better",
    "a win, with X not scoring" (read after "needs")."""


def _valid(race: TitleRace, completion: tuple[Placings, ...]) -> bool:
    try:
        check_completion(race, completion)
    except ValueError:
        return False
    return True


def _best_place(race: TitleRace, name: str, placings: Placings, r: int) -> int | None:
    mine = [placings[i] for i in race.cars_of(name, race.rounds[r])]
    return min((p for p in mine if p is not None), default=None)


def clinch(
    race: TitleRace,
    name: str,
    excluded: frozenset[str] = frozenset(),
    sig: dict[str, tuple[frozenset[str], ...]] | None = None,
) -> Need | None:
    """The weakest result of ``name`` at the next round that guarantees the
    title whatever the others do (``excluded`` rivals scoring nothing there)."""
    if not race.rounds or not pairwise_exact(race):
        return None
    sig = sig or signatures(race)
    rnd = race.rounds[0]
    mine = race.cars_of(name, rnd)
    if not mine:
        return None
    base: dict[tuple[int, int], int | None] = {}
    if not rnd.everyone_classified:
        base = {(0, i): None for x in excluded for i in race.cars_of(x, rnd)}

    def attempt(place: int | None) -> tuple[bool | None, str, tuple[Placings, ...] | None, bool]:
        fixed = dict(base)
        fixed[(0, mine[0])] = place
        for i in mine[1:]:
            fixed[(0, i)] = None if not rnd.everyone_classified else fixed.get((0, i))
        fixed = {k: v for k, v in fixed.items() if v is not None or not rnd.everyone_classified}
        beaten, rival, how = beaten_by(race, name, sig, fixed)
        probe = how or scenario(race, [], [name], fixed)
        reached = _valid(race, probe) and _best_place(race, name, probe[0], 0) == place
        return beaten, rival, how, reached

    safe_upto = 0
    threat: tuple[str, tuple[Placings, ...] | None] = ("", None)
    reachable = 0
    for place in range(1, rnd.field_size + 1):
        beaten, rival, how, reached = attempt(place)
        if not reached:
            continue
        reachable = place
        if beaten is None:
            return None
        if beaten:
            threat = (rival, how)
            break
        safe_upto = place
    if safe_upto and safe_upto == reachable and not threat[0]:
        beaten, rival, how, _ = attempt(None)
        if beaten is False:
            return Need(
                rnd.number,
                None,
                "nothing: the title is safe whatever happens there",
                words="nothing more",
            )
        threat = (rival, how)
    if safe_upto:
        text = _phrase(race, rnd.number, safe_upto, reachable, _subject(race, name))
        lines = tuple(describe(race, threat[1])) if threat[1] else ()
        words = _words(race, rnd.number, safe_upto, reachable)
        return Need(
            rnd.number,
            safe_upto,
            text,
            worst_case=lines,
            worst_case_rival=threat[0],
            words=words,
        )
    return _win_and(race, name, sig, base, mine[0])


def _subject(race: TitleRace, name: str) -> str:
    return "its best car" if race.best_car else name


def _phrase(race: TitleRace, number: int, place: int, reachable: int, subject: str) -> str:
    rnd = next(r for r in race.rounds if r.number == number)
    scoring = sum(1 for p in range(1, rnd.field_size + 1) if rnd.worth(p) > 0)
    if place == 1:
        return f"{subject} wins"
    if place >= reachable and rnd.worth(place) > 0:
        return f"{subject} is classified in the points (every classified place scores)"
    if place >= scoring:
        return f"{subject} finishes in the points (top {scoring})"
    return f"{subject} finishes {ordinal(place)} or better"


def _words(race: TitleRace, number: int, place: int, reachable: int) -> str:
    """``_phrase`` without its subject, read after "needs"."""
    rnd = next(r for r in race.rounds if r.number == number)
    scoring = sum(1 for p in range(1, rnd.field_size + 1) if rnd.worth(p) > 0)
    car = "a car " if race.best_car else ""
    if place == 1:
        return "a win"
    if place >= reachable and rnd.worth(place) > 0:
        return f"{car or 'only to be '}classified in the points"
    if place >= scoring:
        return f"{car or 'to '}{'finishing' if car else 'finish'} in the points (top {scoring})"
    return f"{car or 'to '}{'finishing' if car else 'finish'} {ordinal(place)} or better"


def _win_and(
    race: TitleRace,
    name: str,
    sig: dict[str, tuple[frozenset[str], ...]],
    base: dict[tuple[int, int], int | None],
    car: int,
) -> Need | None:
    """A win is not enough alone: which rivals must be kept behind, and where."""
    rnd = race.rounds[0]
    fixed = dict(base)
    fixed[(0, car)] = 1
    conditions: list[tuple[str, int]] = []
    for c in race.contenders:
        b = c.name
        if (
            b == name
            or sig[b] == sig[name]
            or (0, race.cars_of(b, rnd)[0] if race.cars_of(b, rnd) else -1) in fixed
        ):
            continue
        ahead, _ = can_get_ahead(race, b, name, fixed)
        if not ahead:
            continue
        cars = race.cars_of(b, rnd)
        if not cars:
            return None
        for q in range(2, rnd.field_size + 2):
            trial = dict(fixed)
            for k, i in enumerate(cars):
                place = q + k if q + k <= rnd.field_size else None
                trial[(0, i)] = place
            ahead, _ = can_get_ahead(race, b, name, trial)
            if ahead is False:
                conditions.append((b, q))
                break
        else:
            return None
    if not conditions:
        return None
    parts = []
    for b, q in conditions:
        if q > rnd.field_size:
            parts.append(f"{b} does not score")
        elif rnd.worth(q) == 0:
            parts.append(f"{b} finishes out of the points")
        elif q == 4:
            parts.append(f"{b} is not on the podium")
        else:
            parts.append(f"{b} finishes {ordinal(q)} or lower")
    text = f"{_subject(race, name)} wins and " + " and ".join(parts)
    words = "a win, with " + " and ".join(_kept_behind(rnd, b, q) for b, q in conditions)
    return Need(rnd.number, None, text, rivals=tuple(conditions), words=words)


def _kept_behind(rnd: OpenRound, rival: str, place: int) -> str:
    if place > rnd.field_size:
        return f"{rival} not scoring"
    if rnd.worth(place) == 0:
        return f"{rival} out of the points"
    if place == 4:
        return f"{rival} off the podium"
    return f"{rival} {ordinal(place)} or lower"


def otherwise_clause(
    race: TitleRace, name: str, need: Need | None, sig: dict[str, tuple[frozenset[str], ...]]
) -> tuple[str, ...]:
    """If the contender scores nothing at the next round, who clinches there and how."""
    if need is None or need.place is None or not race.rounds:
        return ()
    out = []
    for c in race.contenders:
        if c.name == name or sig[c.name] == sig[name]:
            continue
        theirs = clinch(race, c.name, frozenset({name}), sig)
        if theirs is not None and theirs.place is not None:
            out.append(f"if {name} does not score there, {c.name} takes the title if {theirs.text}")
    return tuple(out)
