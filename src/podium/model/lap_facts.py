"""What a race's lap chart shows beyond its classification: each driver's
time at the wheel, and the class order at set times of the race. Worked out
when the lap chart is imported and kept on the result lines, so scoring
never reads laps (docs/rules.md, "Drive times" and "Time marks")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from podium.model.laps import Lap
from podium.model.results import ResultLine, Status
from podium.model.timing import format_ms


def with_drive_times(
    lines: Sequence[ResultLine], laps: Iterable[Lap], name: Callable[[str], str]
) -> tuple[ResultLine, ...]:
    """``lines`` with each driver's time at the wheel (the sum of the lap
    times of the laps the chart gives them; 0 for a driver the chart never
    shows). ``name`` turns a driver id of the laps or of a line into one
    name, so that aliases meet. A line whose car has no laps is unchanged."""
    driven: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for lap in laps:
        if lap.driver and lap.time_ms is not None:
            driven[lap.entry][name(lap.driver)] += lap.time_ms
    out = []
    for line in lines:
        times = driven.get(line.entry) if line.entry else None
        if times is None or not line.drivers:
            out.append(line)
            continue
        out.append(replace(line, drive_times=tuple(times.get(name(d), 0) for d in line.drivers)))
    return tuple(out)


def classification_at(
    lines: Sequence[ResultLine], laps: Iterable[Lap], at_ms: int, session: str, source: str
) -> list[ResultLine]:
    """The order of the race's cars at ``at_ms`` after the start: by laps
    completed by then, then by when the last of them was completed. A car
    that never crossed the line after the mark was out of the race by then
    (retired), one with no lap before it had not started a lap (not
    classified); neither takes a place. Drivers and drive times are the
    race line's."""
    done: dict[str, tuple[int, int]] = {}
    running: set[str] = set()
    for lap in laps:
        if lap.elapsed_ms is None:
            continue
        if lap.elapsed_ms > at_ms:
            running.add(lap.entry)
        elif lap.number > done.get(lap.entry, (0, 0))[0]:
            done[lap.entry] = (lap.number, lap.elapsed_ms)
    placed = [line for line in lines if line.entry in done and line.entry in running]
    placed.sort(key=lambda line: (-done[line.entry or ""][0], done[line.entry or ""][1]))
    overall = {line.entry: i for i, line in enumerate(placed, start=1)}
    in_class: dict[str | None, int] = {}
    per_class: dict[str, int] = defaultdict(int)
    for line in placed:
        per_class[line.class_code] += 1
        in_class[line.entry] = per_class[line.class_code]
    out = []
    for line in sorted(lines, key=lambda x: overall.get(x.entry, len(lines) + 1)):
        laps_done, last = done.get(line.entry or "", (0, None))
        if line.entry in overall:
            status, reason = Status.CLASSIFIED, ""
        elif laps_done:
            status, reason = Status.RETIRED, "out of the race before the mark"
        else:
            status, reason = Status.NOT_CLASSIFIED, "no lap completed by the mark"
        out.append(
            ResultLine(
                round=line.round,
                class_code=line.class_code,
                status=status,
                entry=line.entry,
                team=line.team,
                overall_pos=overall.get(line.entry),
                class_pos=in_class.get(line.entry),
                drivers=line.drivers,
                car=line.car,
                laps=laps_done if line.entry in done else None,
                time=format_ms(last),
                reason=reason,
                entrant=line.entrant,
                session=session,
                source=source,
                drive_times=line.drive_times,
            )
        )
    return out
