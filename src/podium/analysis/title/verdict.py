"""Who can still win a title, and what each contender needs: exact answers.

Pairwise reasoning is exact here because a rival's result only meets a
contender's through the places they take: to see whether B can finish ahead
of A, give B's cars the best places and A's cars the worst (no place at all
when a car may retire), round after round. That covers "already champion"
and "what guarantees the title". "Can still win" needs every rival held back
at once: it is exact by construction when every other car may score nothing
by retiring; otherwise (every car classified, cars shared between rivals)
podium builds a candidate witness and, failing that, asks CP-SAT
(podium.analysis.title.solver). Past the solver's time cap the answer is
"unknown", never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from podium.analysis.title.bounds import points_budget
from podium.analysis.title.completion import Placings, final_table, key_of
from podium.analysis.title.needs import Need, clinch, otherwise_clause
from podium.analysis.title.pairwise import (
    ahead,
    beaten_by,
    pairwise_exact,
    reach,
    scenario,
    shares_cars,
    signatures,
)
from podium.analysis.title.race import TitleRace
from podium.analysis.title.repair import repair
from podium.analysis.title.shared import ties_won
from podium.analysis.title.solver import solve_can_win

__all__ = ["Method", "Need", "TitleStatus", "Verdict", "scenario", "verdict", "verdicts"]


class TitleStatus(StrEnum):
    CHAMPION = "champion"
    CAN_WIN = "can still win"
    ELIMINATED = "eliminated"
    UNKNOWN = "unknown"


class Method(StrEnum):
    PAIRWISE = "pairwise reasoning"
    WITNESS = "pairwise reasoning + constructed witness"
    BUDGET = "points budget"
    CPSAT = "CP-SAT"
    BOUNDS = "bounds"
    """Only what the lowest and highest reachable totals prove (rules the
    exact reasoning does not model: best-N drops, bonuses to come)."""


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
    if race.unmodelled:
        return by_bounds(race, name)
    low, high = reach(race, name)
    beaten, _, _ = beaten_by(race, name, sig)
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
    if name not in final.champions and not exact:
        witness = balanced(race, name, sig)
        final = final_table(race, witness)
        if name not in final.champions:
            # Cheap proofs first: the repair below is wasted on a lost cause.
            leaders = [n for n in final.champions if n != name]
            out = _ruled_out(race, name, leaders, sig, high)
            if out is not None:
                return Verdict(status=TitleStatus.ELIMINATED, method=out[0], reason=out[1], **base)  # type: ignore[arg-type]
            fixed = repair(race, name, witness, sig, ties_won(race, name))
            if fixed is not None and name in final_table(race, fixed).champions:
                witness, final = fixed, final_table(race, fixed)
    if name in final.champions and beaten is None:
        # It can win, but whether it already has is not settled pairwise
        # (cars shared between rivals, or a tie only first-to-reach breaks).
        return Verdict(
            status=TitleStatus.UNKNOWN,
            method=Method.WITNESS,
            reason="it wins in the witness ending, but whether a rival can still finish "
            "ahead is not settled (cars shared between rivals, or a first-to-reach tie)",
            witness=witness,
            **base,  # type: ignore[arg-type]
        )
    if name in final.champions and (race.share_ties or len(final.champions) == 1):
        shared = [n for n in final.champions if n != name and sig[n] != sig[name]]
        why = f"wins if it takes the best places and its rivals score {'nothing' if exact else 'least'}"
        if shared:
            why += f" (title shared with {', '.join(shared)})"
        method = Method.PAIRWISE if exact else Method.WITNESS
        need = clinch(race, name, sig=sig)
        otherwise = otherwise_clause(race, name, need, sig)
        return Verdict(
            status=TitleStatus.CAN_WIN,
            method=method,
            reason=why,
            witness=witness,
            need=need,
            otherwise=otherwise,
            **base,  # type: ignore[arg-type]
        )
    leaders = [n for n in final.champions if n != name]
    if exact:
        return Verdict(
            status=TitleStatus.ELIMINATED,
            method=Method.PAIRWISE,
            reason=f"even winning everything with every rival scoring nothing, {leaders[0]} stays ahead",
            **base,  # type: ignore[arg-type]
        )
    out = _ruled_out(race, name, leaders, sig, high)
    if out is not None:
        return Verdict(status=TitleStatus.ELIMINATED, method=out[0], reason=out[1], **base)  # type: ignore[arg-type]
    found, completion = solve_can_win(race, name, time_limit)
    if found is None:
        return Verdict(
            status=TitleStatus.UNKNOWN,
            method=Method.CPSAT,
            reason=f"the solver found no answer within {time_limit:g} s",
            **base,  # type: ignore[arg-type]
        )
    if found and beaten is None:
        return Verdict(
            status=TitleStatus.UNKNOWN,
            method=Method.CPSAT,
            reason="the solver found an ending that makes it champion, but whether a rival "
            "can still finish ahead is not settled (cars shared between rivals)",
            witness=completion,
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


def _ruled_out(
    race: TitleRace,
    name: str,
    leaders: list[str],
    sig: dict[str, tuple[frozenset[str], ...]],
    high: int,
) -> tuple[Method, str] | None:
    """Eliminated without the solver: a leader stays ahead even with the
    contender at its best and it at its worst, or the points budget."""
    for b in leaders:
        if not shares_cars(sig, name, b):
            still, _ = can_get_ahead_reverse(race, name, b)
            if still:
                return Method.PAIRWISE, f"even at its best with {b} at its worst, {b} stays ahead"
    budget = points_budget(race, name, high, sig)
    if budget is None:
        return None
    handed, absorbed = budget
    return Method.BUDGET, (
        f"the rounds left hand out {race.points_text(handed)} points; with it on "
        f"{race.points_text(high)} at best, the field can take at most "
        f"{race.points_text(absorbed)} without passing it"
    )


def by_bounds(race: TitleRace, name: str) -> Verdict:
    """A verdict from reachable totals alone: champion when no rival can
    reach its total, eliminated when a rival already has more than it can
    reach, else unknown. Sound whatever best-N drops and bonuses do: a
    result added never lowers a total, and the highest reachable total
    counts every bonus left as won."""
    me = race.contender(name)
    low, high = me.total, _highest(race, name)
    base = {"name": name, "total": me.total, "lowest": low, "highest": high}
    rivals = [c for c in race.contenders if c.name != name]
    if all(_highest(race, c.name) < me.total for c in rivals):
        return Verdict(
            status=TitleStatus.CHAMPION,
            method=Method.BOUNDS,
            reason="no rival can reach its total, even winning everything left with every bonus",
            **base,  # type: ignore[arg-type]
        )
    ahead = [c for c in rivals if c.total > high]
    if ahead:
        return Verdict(
            status=TitleStatus.ELIMINATED,
            method=Method.BOUNDS,
            reason=f"{ahead[0].name} already has more than it can reach",
            **base,  # type: ignore[arg-type]
        )
    return Verdict(
        status=TitleStatus.UNKNOWN,
        method=Method.BOUNDS,
        reason=f"not settled by bounds, and {race.unmodelled} are not modelled exactly",
        **base,  # type: ignore[arg-type]
    )


def _highest(race: TitleRace, name: str) -> int:
    """Its total if its cars took the best places at every round left, with
    every bonus (best-N drops can only lower it)."""
    me = race.contender(name)
    gain = 0
    for rnd in race.rounds:
        cars = len(race.cars_of(name, rnd))
        places = range(1, (1 if race.best_car else cars) + 1) if cars else range(0)
        gain += sum(rnd.worth(p) for p in places) + (rnd.bonus if cars else 0)
    return me.total + gain


def can_get_ahead_reverse(race: TitleRace, a: str, b: str) -> tuple[bool | None, object]:
    """Is b ahead of a even with a at its best and b at its worst?"""
    completion = scenario(race, [a], [b])
    return ahead(race, b, a, completion), completion


def balanced(
    race: TitleRace, name: str, sig: dict[str, tuple[frozenset[str], ...]]
) -> tuple[Placings, ...]:
    """A candidate witness when every car must be classified: the contender
    on top each round, then the places handed out so that whoever has the
    most room left below the contender's total takes the better place (like
    balancing loads). Checked by the caller; the solver decides if it fails."""
    crew = {c.name for c in race.contenders if sig[c.name] == sig[name]}
    top = reach(race, name)[1]
    room = {c.name: top - c.total for c in race.contenders if c.name not in crew}
    out: list[Placings] = []
    for rnd in race.rounds:
        places: list[int | None] = [None] * rnd.field_size
        mine = [i for i, car in enumerate(rnd.cars) if crew & set(car.owners)]
        for place, i in enumerate(mine, start=1):
            places[i] = place
        others = [i for i in range(rnd.field_size) if i not in mine]

        others.sort(
            key=lambda i, cars=rnd.cars: min(  # type: ignore[misc]
                (room[o] for o in cars[i].owners if o in room), default=1 << 30
            ),
            reverse=True,
        )
        for place, i in enumerate(others, start=len(mine) + 1):
            if rnd.everyone_classified or rnd.worth(place) == 0:
                places[i] = place if rnd.everyone_classified else None
            for owner in rnd.cars[i].owners:
                if owner in room and places[i] is not None:
                    room[owner] -= rnd.worth(place)
        out.append(tuple(places))
    return tuple(out)
