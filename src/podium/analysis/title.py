"""Who can still win a title, and what each contender needs: exact answers.

Pairwise reasoning is exact here because a rival's result only meets a
contender's through the places they take: to see whether B can finish ahead
of A, give B's cars the best places and A's cars the worst (no place at all
when a car may retire), round after round. That covers "already champion"
and "what guarantees the title". "Can still win" needs every rival held back
at once: it is exact by construction when every other car may score nothing
by retiring; otherwise (every car classified, cars shared between rivals)
podium builds a candidate witness and, failing that, asks CP-SAT
(podium.analysis.title_solver). Past the solver's time cap the answer is
"unknown", never a guess.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from podium.analysis.title_completion import Placings, check_completion, final_table, key_of
from podium.analysis.title_race import TitleRace
from podium.scoring.ledger import ordinal


class TitleStatus(StrEnum):
    CHAMPION = "champion"
    CAN_WIN = "can still win"
    ELIMINATED = "eliminated"
    UNKNOWN = "unknown"


class Method(StrEnum):
    PAIRWISE = "pairwise reasoning"
    WITNESS = "pairwise reasoning + constructed witness"
    CPSAT = "CP-SAT"


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


@dataclass(frozen=True)
class Verdict:
    name: str
    status: TitleStatus
    method: Method
    total: int
    lowest: int
    highest: int
    """Points range still reachable."""
    reason: str
    witness: tuple[Placings, ...] | None = None
    need: Need | None = None
    otherwise: tuple[str, ...] = field(default=())


def signatures(race: TitleRace) -> dict[str, tuple[frozenset[str], ...]]:
    """Which cars each contender has at each open round."""
    return {
        c.name: tuple(
            frozenset(car.key for car in rnd.cars if c.name in car.owners) for rnd in race.rounds
        )
        for c in race.contenders
    }


def pairwise_exact(race: TitleRace) -> bool:
    """Whether no car is shared by contenders with different future cars."""
    sig = signatures(race)
    for rnd in race.rounds:
        for car in rnd.cars:
            if len({sig[o] for o in car.owners if o in sig}) > 1:
                return False
    return True


def scenario(
    race: TitleRace,
    up: Iterable[str],
    down: Iterable[str],
    fixed: dict[tuple[int, int], int | None] | None = None,
) -> tuple[Placings, ...]:
    """A completion: ``fixed`` cars where given, then the cars of ``up`` in
    the best free places and those of ``down`` in the worst (not classified
    when cars may retire). Other cars fill the places between, or retire
    unless a gap must be filled (places run 1..n). ``down`` is listed most
    feared first: it gets the very worst places."""
    fixed = fixed or {}
    up, down = list(up), list(down)
    out: list[Placings] = []
    for r, rnd in enumerate(race.rounds):
        places: list[int | None] = [None] * rnd.field_size
        done: set[int] = set()
        for (rr, i), p in fixed.items():
            if rr == r:
                places[i] = p
                done.add(i)
        free = [p for p in range(1, rnd.field_size + 1) if p not in places]
        for name in up:
            for i in race.cars_of(name, rnd):
                if i not in done:
                    places[i] = free.pop(0)
                    done.add(i)
        low: list[int] = []
        for name in down:
            low += [i for i in race.cars_of(name, rnd) if i not in done and i not in low]
        rest = [i for i in range(rnd.field_size) if i not in done and i not in low]
        if rnd.everyone_classified:
            for i in rest + low[::-1]:
                places[i] = free.pop(0)
        else:
            top = max((p for p in places if p is not None), default=0)
            gaps = [p for p in free if p < top]
            for i in rest + low[::-1]:
                if not gaps:
                    break
                places[i] = gaps.pop(0)
        out.append(tuple(places))
    return tuple(out)


def _ahead(race: TitleRace, b: str, a: str, completion: tuple[Placings, ...]) -> bool | None:
    """Is b strictly ahead of a after this completion? None: an exact tie that
    only the first-to-reach rule would break (podium does not guess)."""
    final = final_table(race, completion)
    kb = key_of(final.totals[b], final.counts[b], race)
    ka = key_of(final.totals[a], final.counts[a], race)
    if kb != ka:
        return kb > ka
    return False if race.share_ties else None


def can_get_ahead(
    race: TitleRace, b: str, a: str, fixed: dict[tuple[int, int], int | None] | None = None
) -> tuple[bool | None, tuple[Placings, ...]]:
    """Whether rival b can finish ahead of a (pairwise: b best, a worst)."""
    completion = scenario(race, [b], [a], fixed)
    return _ahead(race, b, a, completion), completion


def _shares_cars(sig: dict[str, tuple[frozenset[str], ...]], a: str, b: str) -> bool:
    return any(x & y for x, y in zip(sig[a], sig[b], strict=True))


def _beaten_by(
    race: TitleRace,
    a: str,
    sig: dict[str, tuple[frozenset[str], ...]],
    fixed: dict[tuple[int, int], int | None] | None = None,
    skip: frozenset[str] = frozenset(),
) -> tuple[bool | None, str, tuple[Placings, ...] | None]:
    """Can any rival finish ahead of ``a``? (yes/no/unknown, who, how)"""
    unknown = ""
    for c in race.contenders:
        b = c.name
        if b == a or b in skip:
            continue
        if sig[b] == sig[a]:
            # Same cars from here on: same future points, the order stays.
            me = race.contender(a)
            if key_of(c.total, c.counts, race) > key_of(me.total, me.counts, race):
                return True, b, None
            continue
        if _shares_cars(sig, a, b):
            unknown = b
            continue
        ahead, completion = can_get_ahead(race, b, a, fixed)
        if ahead:
            return True, b, completion
        if ahead is None:
            unknown = b
    return (None, unknown, None) if unknown else (False, "", None)


def reach(race: TitleRace, name: str) -> tuple[int, int]:
    """Lowest and highest totals still reachable."""
    low = final_table(race, scenario(race, [], [name])).totals[name]
    high = final_table(race, scenario(race, [name], [])).totals[name]
    return low, high


def verdicts(race: TitleRace, time_limit: float = 5.0) -> tuple[Verdict, ...]:
    """A verdict for every contender, with needs for those still in the fight."""
    sig = signatures(race)
    out = []
    for c in race.contenders:
        out.append(verdict(race, c.name, sig, time_limit))
    return tuple(out)


def verdict(
    race: TitleRace,
    name: str,
    sig: dict[str, tuple[frozenset[str], ...]] | None = None,
    time_limit: float = 5.0,
) -> Verdict:
    sig = sig or signatures(race)
    me = race.contender(name)
    low, high = reach(race, name)
    beaten, _, _ = _beaten_by(race, name, sig)
    base = {"name": name, "total": me.total, "lowest": low, "highest": high}
    if beaten is False:
        why = (
            "no rival can finish ahead even if it wins every remaining round and "
            f"{name} scores nothing"
            if race.rounds
            else "no round is left"
        )
        return Verdict(status=TitleStatus.CHAMPION, method=Method.PAIRWISE, reason=why, **base)  # type: ignore[arg-type]
    others = sorted(
        (c for c in race.contenders if c.name != name and sig[c.name] != sig[name]),
        key=lambda c: key_of(c.total, c.counts, race),
        reverse=True,
    )
    witness = scenario(race, [name], [c.name for c in others])
    final = final_table(race, witness)
    exact = pairwise_exact(race) and not any(r.everyone_classified for r in race.rounds)
    if name in final.champions and (race.share_ties or len(final.champions) == 1):
        shared = [n for n in final.champions if n != name and sig[n] != sig[name]]
        why = f"wins if it takes the best places and its rivals score {'nothing' if exact else 'least'}"
        if shared:
            why += f" (title shared with {', '.join(shared)})"
        method = Method.PAIRWISE if exact else Method.WITNESS
        need = clinch(race, name, sig=sig)
        otherwise = _otherwise(race, name, need, sig)
        return Verdict(
            status=TitleStatus.CAN_WIN,
            method=method,
            reason=why,
            witness=witness,
            need=need,
            otherwise=otherwise,
            **base,  # type: ignore[arg-type]
        )
    ahead = [n for n in final.champions if n != name]
    if exact:
        return Verdict(
            status=TitleStatus.ELIMINATED,
            method=Method.PAIRWISE,
            reason=f"even winning everything with every rival scoring nothing, {ahead[0]} stays ahead",
            **base,  # type: ignore[arg-type]
        )
    for b in ahead:
        if not _shares_cars(sig, name, b):
            still, _ = can_get_ahead_reverse(race, name, b)
            if still:
                return Verdict(
                    status=TitleStatus.ELIMINATED,
                    method=Method.PAIRWISE,
                    reason=f"even at its best with {b} at its worst, {b} stays ahead",
                    **base,  # type: ignore[arg-type]
                )
    from podium.analysis.title_solver import solve_can_win

    found, completion = solve_can_win(race, name, time_limit)
    if found is None:
        return Verdict(
            status=TitleStatus.UNKNOWN,
            method=Method.CPSAT,
            reason=f"the solver found no answer within {time_limit:g} s",
            **base,  # type: ignore[arg-type]
        )
    if found:
        return Verdict(
            status=TitleStatus.CAN_WIN,
            method=Method.CPSAT,
            reason="the solver found a completion that makes it champion",
            witness=completion,
            need=clinch(race, name, sig=sig),
            **base,  # type: ignore[arg-type]
        )
    return Verdict(
        status=TitleStatus.ELIMINATED,
        method=Method.CPSAT,
        reason="the solver proved that no completion makes it champion",
        **base,  # type: ignore[arg-type]
    )


def can_get_ahead_reverse(race: TitleRace, a: str, b: str) -> tuple[bool | None, object]:
    """Is b ahead of a even with a at its best and b at its worst?"""
    completion = scenario(race, [a], [b])
    return _ahead(race, b, a, completion), completion


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
        beaten, rival, how = _beaten_by(race, name, sig, fixed)
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
            return Need(rnd.number, None, "nothing: the title is safe whatever happens there")
        threat = (rival, how)
    if safe_upto:
        text = _phrase(race, rnd.number, safe_upto, reachable, _subject(race, name))
        from podium.analysis.title_completion import describe

        lines = tuple(describe(race, threat[1])) if threat[1] else ()
        return Need(rnd.number, safe_upto, text, worst_case=lines, worst_case_rival=threat[0])
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
    return Need(rnd.number, None, text, rivals=tuple(conditions))


def _otherwise(
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
