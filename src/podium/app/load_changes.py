"""What a load changed, in words a results desk reads: "entries: 1 added (#99)".

Compares the stored season with the one being loaded, part by part, by
natural key (class code, round number, entry key, team and driver name).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from podium.app.repository import LoadReport
from podium.app.season_merge import (
    PARTS,
    LoadMode,
    Removal,
    adjustments_to_store,
    label,
    reinstated,
)
from podium.model.season import Season

# The season's parts by their natural keys (those a load replaces whole,
# and qualifying by round and car).
_PARTS: tuple[tuple[str, Callable[[Any], object]], ...] = (
    *PARTS[:-1],  # ... entries,
    ("qualifying", lambda q: (q.round, q.entry)),
    PARTS[-1],  # published, worded last
)
_SHOWN = 5


def describe_load(
    before: Season | None,
    after: Season,
    report: LoadReport,
    removed: Sequence[Removal] = (),
    mode: LoadMode | None = None,
    dry_run: bool = False,
) -> list[str]:
    """One line per part that changed; a single line when nothing did.
    ``removed``: what the store held and the folder lacked, removed
    (``replace``) or kept (``merge``)."""
    kept = [f"  kept from the store (merge): {r}" for r in removed if mode == "merge"]
    if not report.changed:
        verb = "would be unchanged" if dry_run else "unchanged"
        return [f"{after.id}: {verb} (revision {report.revision})", *kept]
    if dry_run:
        head = "would be a new season" if before is None else "would be updated"
        lines = [f"{after.id}: {head} ({after.title}; stored revision {report.revision})"]
    else:
        head = "new season" if before is None else "updated"
        lines = [f"{after.id}: {head}, now at revision {report.revision} ({after.title})"]
    if before is not None:
        if (before.series, before.year, before.name, before.notes) != (
            after.series,
            after.year,
            after.name,
            after.notes,
        ):
            lines.append("  season details changed")
        if before.rules != after.rules:
            lines.append("  rules changed")
        for part, key in _PARTS:
            change = _diff(getattr(before, part), getattr(after, part), key)
            if change:
                lines.append(f"  {part}: {change}")
    if report.rounds_changed:
        numbers = ", ".join(str(n) for n in report.rounds_changed)
        what = "round(s)" if before is None else "new version for round(s)"
        lines.append(f"  results: {what} {numbers}")
    if before is not None:
        if mode == "replace":
            penalties = len(reinstated(before.penalties, after.penalties))
        else:  # a decision withdrawn in the store stays withdrawn
            held = [replace(p, withdrawn="") for p in before.penalties]
            penalties = sum(1 for p in after.penalties if not _take(held, replace(p, withdrawn="")))
        adjustments = len(adjustments_to_store(before.adjustments, after.adjustments, False))
    else:
        penalties, adjustments = len(after.penalties), len(after.adjustments)
    if penalties:
        lines.append(f"  penalties: {penalties} added")
    if adjustments:
        lines.append(f"  points adjustments: {adjustments} added")
    if mode == "replace":  # structure removals are in the parts above
        shown = {"results", "qualifying", "penalties", "adjustments"}
        lines += [f"  removed (replace): {r}" for r in removed if r.part in shown]
    return lines + kept


def _take(items: list[Any], item: object) -> bool:
    """Remove ``item`` from ``items`` if there (multiset matching)."""
    if item in items:
        items.remove(item)
        return True
    return False


def _diff(old: Sequence[Any], new: Sequence[Any], key: Callable[[Any], object]) -> str:
    was = {key(item): item for item in old}
    now = {key(item): item for item in new}
    groups = (
        ("added", [k for k in now if k not in was]),
        ("removed", [k for k in was if k not in now]),
        ("changed", [k for k in now if k in was and now[k] != was[k]]),
    )
    return "; ".join(f"{len(keys)} {word} ({_names(keys)})" for word, keys in groups if keys)


def _names(keys: list[object]) -> str:
    shown = ", ".join(label(k) for k in keys[:_SHOWN])
    return shown + (f" and {len(keys) - _SHOWN} more" if len(keys) > _SHOWN else "")
