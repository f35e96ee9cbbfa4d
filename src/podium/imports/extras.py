"""What an import plan carries besides the classification: each car's laps
under its season entry, and the penalties the file says were served (on
record, never applied twice)."""

from __future__ import annotations

from podium.imports.diff import Change
from podium.imports.outcome import ImportPlan
from podium.imports.people import People
from podium.model import Entry, Penalty
from podium.model.laps import Lap
from podium.readers.session import ImportedCar, ImportedPenalty


def laps_of(
    cars: list[ImportedCar],
    entry_of: dict[int, Entry],
    people: People,
    round_number: int,
    session: str,
) -> list[Lap]:
    """Each car's laps under its entry, drivers as the season names them."""
    out = []
    for index, car in enumerate(cars):
        entry = entry_of[index]
        who: dict[str, str] = {}
        for lap in car.lap_data:
            if lap.driver and lap.driver not in who:
                who[lap.driver] = people.driver(lap.driver, record=False, car=car) or ""
            out.append(
                Lap(
                    round_number,
                    session,
                    entry.key,
                    lap.number,
                    lap.time_ms,
                    lap.position,
                    lap.elapsed_ms,
                    lap.sectors_ms,
                    lap.pit_in,
                    lap.pit_out,
                    lap.valid,
                    who.get(lap.driver, ""),
                )
            )
    return out


def served_penalties(
    out: ImportPlan,
    cars: list[ImportedCar],
    entry_of: dict[int, Entry],
    given: tuple[ImportedPenalty, ...],
    held: tuple[Penalty, ...],
    source: str,
) -> None:
    """The file's penalties under the season's entries, into ``out`` (those
    the season does not hold yet, ``held``)."""
    by_label: dict[str, list[tuple[ImportedCar, Entry]]] = {}
    for i, car in enumerate(cars):
        label = car.number or (car.drivers[0] if car.drivers else "")
        by_label.setdefault(label, []).append((car, entry_of[i]))
    for p in given:
        found = by_label.get(p.car, [])
        if len(found) > 1 and p.driver:
            found = [(c, e) for c, e in found if p.driver in c.drivers]
        matches = [e for _, e in found]
        if len(matches) > 1:
            out.notes.append(
                f"penalty for #{p.car} left out: two cars of the file carry that number "
                f"({p.kind.value} {p.value} {p.reason})".replace("  ", " ")
            )
            continue
        entry = matches[0] if matches else None
        if entry is None:
            continue
        # The file's classification already shows what its timing system
        # applied: on record, never applied a second time.
        penalty = Penalty(
            out.round,
            entry.key,
            p.kind,
            p.reason,
            p.value,
            source=source,
            in_results=True,
        )
        if penalty not in held and penalty not in out.penalties:
            out.penalties.append(penalty)
            out.changes.append(
                Change(
                    "new penalty",
                    entry.label,
                    " ".join(filter(None, (p.kind.value, p.value, p.reason))),
                )
            )
