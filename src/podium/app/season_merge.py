"""Loading a season over the one stored: what the folder would remove, and
the user's explicit choice of ``replace`` or ``merge`` (pure; the service
that writes is app.season_load).

A folder that holds everything the store holds needs no choice: loading it
adds and updates. A folder that lacks something the store has (a round, an
entry, round 9's results, a stewards' decision) is ambiguous: a results desk
that zipped only the rounds it changed means "keep the rest"; an organiser
who deleted a withdrawn entry means "remove it". Guessing either way loses
data or keeps stale results, so the load is refused with the list until the
user says ``replace`` (the store becomes the folder: removed results get an
empty version, decisions are withdrawn, adjustments reversed; all of it on
record) or ``merge`` (the folder is laid over the store: nothing is removed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, TypeVar

from podium.errors import Conflict, Problem
from podium.model.results import Penalty, PointsAdjustment
from podium.model.season import Season

T = TypeVar("T")


class LoadMode(StrEnum):
    REPLACE = "replace"
    MERGE = "merge"


PARTS: tuple[tuple[str, Callable[[Any], object]], ...] = (
    ("classes", lambda c: c.code),
    ("circuits", lambda c: c.name),
    ("rounds", lambda r: r.number),
    ("teams", lambda t: t.name),
    ("drivers", lambda d: d.name),
    ("entries", lambda e: e.key),
    ("published", lambda p: (p.championship, p.class_code, p.name)),
)
"""The parts of a season the store's edition keeps whole, each with its
natural key (app.load_changes words a load's changes by the same keys)."""
_KEY = dict(PARTS)
REVERSED = "reversed by a season load"
"""The ``source`` of an adjustment that cancels one a ``replace`` load removed."""


@dataclass(frozen=True, slots=True)
class Removal:
    """Things the store holds that the folder does not, of one part."""

    part: str
    keys: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.part}: {len(self.keys)} ({', '.join(self.keys)})"


def removals(stored: Season, folder: Season) -> list[Removal]:
    """Everything a ``replace`` load of ``folder`` would remove from ``stored``."""
    out: list[Removal] = []
    for part, key in PARTS:
        kept = {key(item) for item in getattr(folder, part)}
        gone = [label(key(i)) for i in getattr(stored, part) if key(i) not in kept]
        if gone:
            out.append(Removal(part, tuple(dict.fromkeys(gone))))
    for part, rounds in (
        ("results", _rounds_lacking(stored.results, folder.results)),
        ("qualifying", _rounds_lacking(stored.qualifying, folder.qualifying)),
    ):
        if rounds:
            out.append(Removal(part, tuple(f"round {n}" for n in rounds)))
    lost = dropped_decisions(stored.penalties, folder.penalties)
    if lost:
        out.append(Removal("penalties", tuple(_decision(p) for p in lost)))
    reversed_ = dropped_adjustments(stored.adjustments, folder.adjustments)
    if reversed_:
        out.append(Removal("adjustments", tuple(_adjustment(a) for a in reversed_)))
    return out


def season_to_load(stored: Season | None, folder: Season, mode: LoadMode | None) -> Season:
    """The season a load writes: the folder itself, or the folder laid over
    the store (``merge``). Refuses (``Conflict``) a load that would remove
    anything when no mode was chosen."""
    if stored is None or mode is LoadMode.REPLACE:
        return folder
    if mode is LoadMode.MERGE:
        return merged(stored, folder)
    lost = removals(stored, folder)
    if lost:
        raise Conflict(
            [
                Problem(
                    folder.id,
                    None,
                    r.part,
                    "stored, but not in the folder being loaded",
                    expected="--replace to remove, or --merge to keep",
                    found=", ".join(r.keys),
                )
                for r in lost
            ]
        )
    return folder


def merged(stored: Season, folder: Season) -> Season:
    """The folder with everything the store holds and the folder lacks."""
    kept_results = set(_rounds_lacking(stored.results, folder.results))
    kept_qualifying = set(_rounds_lacking(stored.qualifying, folder.qualifying))
    return replace(
        folder,
        classes=_kept(folder.classes, stored.classes, _KEY["classes"]),
        circuits=_kept(folder.circuits, stored.circuits, _KEY["circuits"]),
        rounds=tuple(
            sorted(_kept(folder.rounds, stored.rounds, _KEY["rounds"]), key=lambda r: r.number)
        ),
        teams=_kept(folder.teams, stored.teams, _KEY["teams"]),
        drivers=_kept(folder.drivers, stored.drivers, _KEY["drivers"]),
        entries=_kept(folder.entries, stored.entries, _KEY["entries"]),
        published=_kept(folder.published, stored.published, _KEY["published"]),
        results=folder.results + tuple(r for r in stored.results if r.round in kept_results),
        qualifying=folder.qualifying
        + tuple(q for q in stored.qualifying if q.round in kept_qualifying),
        penalties=folder.penalties + tuple(dropped_decisions(stored.penalties, folder.penalties)),
        adjustments=folder.adjustments
        + tuple(dropped_adjustments(stored.adjustments, folder.adjustments)),
    )


def _kept(mine: Sequence[T], held: Sequence[T], key: Callable[[T], object]) -> tuple[T, ...]:
    """``mine``, then what ``held`` has that ``mine`` lacks (by ``key``)."""
    have = {key(item) for item in mine}
    return tuple(mine) + tuple(item for item in held if key(item) not in have)


def dropped_decisions(held: Sequence[Penalty], wanted: Sequence[Penalty]) -> list[Penalty]:
    """Standing decisions of ``held`` that ``wanted`` lacks (a withdrawn one
    is on record already; compared without the withdrawal)."""
    return [held[n - 1] for n in dropped_decision_numbers(held, wanted)]


def dropped_decision_numbers(held: Sequence[Penalty], wanted: Sequence[Penalty]) -> list[int]:
    """The numbers (1-based, in order of record) of ``dropped_decisions``."""
    plain = [replace(p, withdrawn="") for p in wanted]  # standing or withdrawn there
    out = []
    for number, penalty in enumerate(held, start=1):
        if not penalty.stands:
            continue
        if penalty in plain:
            plain.remove(penalty)
        else:
            out.append(number)
    return out


def reinstated(held: Sequence[Penalty], wanted: Sequence[Penalty]) -> list[Penalty]:
    """Standing decisions of ``wanted`` that ``held`` has only as withdrawn
    ones: a ``replace`` load records them again (the store becomes the folder)."""
    standing = [replace(p, withdrawn="") for p in held if p.stands]
    out = []
    for penalty in wanted:
        if not penalty.stands:
            continue
        if penalty in standing:
            standing.remove(penalty)
        else:
            out.append(penalty)
    return out


def adjustments_to_store(
    held: Sequence[PointsAdjustment], wanted: Sequence[PointsAdjustment], replacing: bool
) -> list[PointsAdjustment]:
    """What a load adds to the adjustments a store holds: each wanted one not
    standing yet, and (``replace``) the reversal of each standing one not wanted."""
    standing = standing_adjustments(held)
    out = []
    for adjustment in wanted:
        if adjustment in standing:
            standing.remove(adjustment)
        else:
            out.append(adjustment)
    return out + [reversal(a) for a in standing] if replacing else out


def reversal(adjustment: PointsAdjustment) -> PointsAdjustment:
    """The adjustment that cancels ``adjustment`` (adjustments are never deleted)."""
    return replace(
        adjustment,
        points=-adjustment.points,
        reason=f"reverses: {adjustment.reason}",
        source=REVERSED,
    )


def standing_adjustments(held: Sequence[PointsAdjustment]) -> list[PointsAdjustment]:
    """``held`` without the adjustments reversed by a load, and their reversals."""
    out = list(held)
    for adjustment in held:
        if adjustment.source == REVERSED and adjustment in out:
            cancelled = next(
                (a for a in out if a.source != REVERSED and reversal(a) == adjustment), None
            )
            if cancelled is not None:
                out.remove(cancelled)
                out.remove(adjustment)
    return out


def dropped_adjustments(
    held: Sequence[PointsAdjustment], wanted: Sequence[PointsAdjustment]
) -> list[PointsAdjustment]:
    """Standing adjustments of ``held`` that ``wanted`` lacks."""
    rest = list(wanted)
    out = []
    for adjustment in standing_adjustments(held):
        if adjustment in rest:
            rest.remove(adjustment)
        else:
            out.append(adjustment)
    return out


def _rounds_lacking(stored: Sequence[Any], folder: Sequence[Any]) -> list[int]:
    """Rounds with lines in ``stored`` and none in ``folder``."""
    present = {line.round for line in folder}
    return sorted({line.round for line in stored} - present)


def label(key: object) -> str:
    """A natural key in words: ``9``, ``teams GT Alex Job Racing``."""
    return " ".join(str(p) for p in key) if isinstance(key, tuple) else str(key)


def _decision(p: Penalty) -> str:
    car = f"#{p.entry}" if p.entry.isdigit() else p.entry
    return f"round {p.round} {car} {p.kind.value} {p.value}".rstrip()


def _adjustment(a: PointsAdjustment) -> str:
    return f"{a.championship} {a.class_code} {a.competitor} {a.points}"
