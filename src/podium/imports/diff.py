"""What an import changes in a round: new rows, changed positions, removed rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from podium.model import QualifyingLine, ResultLine, Status


@dataclass(frozen=True, slots=True)
class Change:
    kind: str
    """``new row``, ``changed``, ``removed``, ``new entry``, ``new driver``,
    ``new team``, ``new penalty``."""
    car: str
    detail: str


def diff_round(
    old: Sequence[ResultLine], new: Sequence[ResultLine], labels: Mapping[str, str]
) -> list[Change]:
    """Rows by entry: added, changed (class, positions, status, laps or
    drivers), removed; any other difference is one "details" change."""
    before = {r.entry: r for r in old}
    after = {r.entry: r for r in new}

    def label(key: str | None) -> str:
        return labels.get(key or "", key or "?")

    changes = []
    for key, line in after.items():
        was = before.get(key)
        if was is None:
            changes.append(Change("new row", label(key), _describe(line)))
        elif _core(was) != _core(line):
            changes.append(Change("changed", label(key), f"{_describe(was)} -> {_describe(line)}"))
    changes += [
        Change("removed", label(k), _describe(r)) for k, r in before.items() if k not in after
    ]
    if not changes and tuple(old) != tuple(new):
        changes.append(Change("changed", "", "details of the round's lines"))
    return changes


def _core(line: ResultLine) -> tuple[object, ...]:
    return (line.class_code, line.overall_pos, line.class_pos, line.status, line.laps, line.drivers)


def _describe(line: ResultLine) -> str:
    place = (
        f"P{line.class_pos} {line.class_code}"
        if line.class_pos
        else f"{line.status.value} {line.class_code}"
    )
    if line.class_pos and line.status is not Status.CLASSIFIED:
        place += f" ({line.status.value})"  # a place the status takes away (a DSQ)
    return f"{place}, {line.laps} laps"


def diff_grid(
    old: Sequence[QualifyingLine], new: Sequence[QualifyingLine], labels: Mapping[str, str]
) -> list[Change]:
    """A round's qualifying before and after: new, changed and removed lines."""
    before = {q.entry: q for q in old}
    after = {q.entry: q for q in new}

    def describe(q: QualifyingLine) -> str:
        place = (
            f"Q{q.class_position} {q.class_code}" if q.class_position else f"no time {q.class_code}"
        )
        return f"{place}{', ' + q.time if q.time else ''}"

    changes = []
    for key, q in after.items():
        was = before.get(key)
        if was is None:
            changes.append(Change("new qualifying", labels.get(key, key), describe(q)))
        elif (was.position, was.class_position, was.time) != (q.position, q.class_position, q.time):
            changes.append(
                Change("changed", labels.get(key, key), f"{describe(was)} -> {describe(q)}")
            )
    changes += [
        Change("removed", labels.get(k, k), describe(q))
        for k, q in before.items()
        if k not in after
    ]
    return changes
