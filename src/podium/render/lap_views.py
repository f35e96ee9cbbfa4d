"""A round's laps as a :class:`Tabular` view: one row per lap of each car
(``podium laps``, the site's ``laps.csv``)."""

from __future__ import annotations

from podium.app.laps import RoundLaps
from podium.model.timing import format_ms
from podium.render.tabular import Tabular


def gap_text(ms: int | None) -> str:
    """``+1.234``, ``+1:02.345``; blank for the leader and when unknown."""
    if not ms:
        return ""
    if ms < 60_000:
        return f"+{ms // 1000}.{ms % 1000:03d}"
    return "+" + format_ms(ms)


def laps_view(report: RoundLaps) -> Tabular:
    width = max((len(lap.lap.sectors_ms) for c in report.cars for lap in c.laps), default=0)
    sectors = [f"s{n}" for n in range(1, width + 1)]
    columns = [
        "car",
        "class",
        "lap",
        "driver",
        "time",
        "pos",
        "class_pos",
        "gap",
        "elapsed",
        *sectors,
        "pit",
        "valid",
    ]
    rows = []
    for car in report.cars:
        for row in car.laps:
            lap = row.lap
            pit = "/".join(w for w, on in (("in", lap.pit_in), ("out", lap.pit_out)) if on)
            cells = [format_ms(s) for s in lap.sectors_ms]
            rows.append(
                [
                    car.label,
                    car.class_code,
                    str(lap.number),
                    lap.driver,
                    format_ms(lap.time_ms),
                    "" if lap.position is None else str(lap.position),
                    "" if row.class_position is None else str(row.class_position),
                    gap_text(row.gap_ms),
                    format_ms(lap.elapsed_ms),
                    *cells,
                    *([""] * (width - len(cells))),
                    pit,
                    "yes" if lap.valid else "no",
                ]
            )
    right = {"lap", "time", "pos", "class_pos", "gap", "elapsed", *sectors}
    return Tabular(columns, rows, report.title, list(report.notes), report, right)
