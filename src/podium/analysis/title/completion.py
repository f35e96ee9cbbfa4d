"""Completions of a season: a place (or none) for every car at every open
round, and the final table they lead to. Witnesses and worst cases are
completions, and so are the property tests' random endings."""

from __future__ import annotations

from dataclasses import dataclass

from podium.analysis.title.race import TitleRace

Placings = tuple[int | None, ...]
"""One open round: the place of each car of ``OpenRound.cars`` (None: not classified)."""


@dataclass(frozen=True, slots=True)
class Final:
    totals: dict[str, int]
    counts: dict[str, tuple[int, ...]]
    champions: tuple[str, ...]
    """Everyone in first place (several when the place is shared)."""


def key_of(total: int, counts: tuple[int, ...], race: TitleRace) -> tuple[int, ...]:
    """Higher is better: points, then count-back (more wins first)."""
    return (total, *counts) if race.countback is not None else (total,)


def gains(race: TitleRace, completion: tuple[Placings, ...]) -> dict[str, tuple[int, list[int]]]:
    """Points and counted places each contender takes from a completion."""
    out: dict[str, tuple[int, list[int]]] = {c.name: (0, []) for c in race.contenders}
    for rnd, placings in zip(race.rounds, completion, strict=True):
        by_owner: dict[str, list[int]] = {}
        for car, place in zip(rnd.cars, placings, strict=True):
            if place is None:
                continue
            for owner in car.owners:
                by_owner.setdefault(owner, []).append(place)
        for owner, places in by_owner.items():
            if owner not in out:
                continue
            counted = [min(places)] if race.best_car else places
            pts, seen = out[owner]
            pts += sum(rnd.worth(p) for p in counted)
            seen += [p for p in counted if race.counted(rnd, p)]
            out[owner] = (pts, seen)
    return out


def final_table(race: TitleRace, completion: tuple[Placings, ...]) -> Final:
    """Totals, count-back and champions after a completion.

    Ties that count-back cannot separate are shared (the rules' ``share``);
    under ``first_to_reach`` the caller must not rely on ``champions`` for an
    exact tie, so those are reported as all tied competitors too.
    """
    got = gains(race, completion)
    totals: dict[str, int] = {}
    counts: dict[str, tuple[int, ...]] = {}
    for c in race.contenders:
        pts, places = got[c.name]
        cb = list(c.counts)
        for p in places:
            cb[p - 1] += 1
        totals[c.name] = c.total + pts
        counts[c.name] = tuple(cb)
    best = max(key_of(totals[n], counts[n], race) for n in totals)
    champions = tuple(n for n in totals if key_of(totals[n], counts[n], race) == best)
    return Final(totals, counts, champions)


def check_completion(race: TitleRace, completion: tuple[Placings, ...]) -> None:
    """Refuse a completion that no race could produce (programming error)."""
    for rnd, placings in zip(race.rounds, completion, strict=True):
        taken = sorted(p for p in placings if p is not None)
        if taken != list(range(1, len(taken) + 1)):
            raise ValueError(f"round {rnd.number}: places {taken} are not 1..{len(taken)}")
        if rnd.everyone_classified and len(taken) != rnd.field_size:
            raise ValueError(f"round {rnd.number}: every car must be classified")


def describe(race: TitleRace, completion: tuple[Placings, ...]) -> list[str]:
    """One line per open round: the classified cars in order."""
    lines = []
    for rnd, placings in zip(race.rounds, completion, strict=True):
        placed = sorted(
            (p, car.label) for car, p in zip(rnd.cars, placings, strict=True) if p is not None
        )
        text = ", ".join(f"P{p} {label}" for p, label in placed) or "no car classified"
        if len(placed) < rnd.field_size:
            text += "; the other cars not classified"
        lines.append(f"R{rnd.number} {rnd.label}: {text}")
    return lines
