"""The lap chart (each car's place in its class at the end of every lap) and
the gap chart (each car's gap to the class leader, from elapsed times) of
one class in one session, drawn by the server as inline SVG: one line per
car, labelled at its end, with a <title> and <desc> for screen readers (the
numbers themselves are in the laps table and its CSV)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from podium.app.answer import slugify
from podium.app.laps import CarLaps, RoundLaps

PALETTE = (
    "#1f5fbf",
    "#c0392b",
    "#2e8b57",
    "#b8860b",
    "#7b3fa0",
    "#d35400",
    "#16a085",
    "#8e44ad",
    "#2c3e50",
    "#e84393",
)
WIDTH = 720
LEFT, RIGHT, TOP, BOTTOM = 56, 72, 16, 44

Point = tuple[int, float]
"""(lap number, value): a place in class or a gap in seconds."""


def lap_chart_svg(report: RoundLaps, class_code: str) -> str:
    """Place in class per lap, 1 at the top; '' when no lap has a place."""
    cars = report.of_class(class_code)
    series = [
        [(lap.lap.number, float(p)) for lap in c.laps if (p := lap.class_position)] for c in cars
    ]
    places = int(max((v for s in series for _, v in s), default=0))
    if not places:
        return ""
    height = TOP + BOTTOM + max(180, 18 * places)
    ticks = [(float(p), str(p)) for p in range(1, places + 1, _step(places, 20))]
    return _chart(
        report,
        class_code,
        "lap",
        cars,
        series,
        height,
        (1.0, float(max(places, 2))),
        ticks,
        "Place in class",
        f"Lap chart: {class_code}, {report.session}",
        f"The place in {class_code} of each of its {len(cars)} cars at the end of every lap "
        f"of the {report.session}; place 1 at the top.",
    )


def gap_chart_svg(report: RoundLaps, class_code: str) -> str:
    """Gap to the class leader per lap, 0 at the top; '' without elapsed times."""
    cars = report.of_class(class_code)
    series = [
        [(lap.lap.number, lap.gap_ms / 1000) for lap in c.laps if lap.gap_ms is not None]
        for c in cars
    ]
    if not any(series):
        return ""
    # One car a long way down (a long stop) would flatten every other line:
    # the axis ends a fifth above the 95th percentile of the gaps, and gaps
    # beyond it are drawn on the bottom edge (said in the description).
    gaps = sorted(v for s in series for _, v in s)
    top = max(1.0, min(gaps[-1], 1.2 * gaps[int(0.95 * (len(gaps) - 1))]))
    step = _step(int(top) + 1, 6)
    top = float(-(-top // step) * step)
    clipped = gaps[-1] > top
    if clipped:
        series = [[(n, min(v, top)) for n, v in s] for s in series]
    ticks = [(float(t), f"{t:g}") for t in range(0, int(top) + 1, step)]
    return _chart(
        report,
        class_code,
        "gap",
        cars,
        series,
        TOP + BOTTOM + 260,
        (0.0, top),
        ticks,
        "Gap to class leader (s)",
        f"Gap chart: {class_code}, {report.session}",
        f"Seconds behind the {class_code} leader at the end of every lap of the "
        f"{report.session}, for each of its {len(cars)} cars; the leader at the top"
        + (f"; gaps over {top:g} s are drawn on the bottom edge." if clipped else "."),
    )


def _step(span: int, most: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 2000, 5000):
        if span / step <= most:
            return step
    return 10000


def _chart(
    report: RoundLaps,
    class_code: str,
    kind: str,
    cars: Sequence[CarLaps],
    series: Sequence[Sequence[Point]],
    height: int,
    scale: tuple[float, float],
    ticks: Sequence[tuple[float, str]],
    y_label: str,
    title: str,
    description: str,
) -> str:
    ident = f"{kind}-chart-{slugify(report.session)}-{slugify(class_code)}"
    last = max((n for s in series for n, _ in s), default=1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, height - TOP - BOTTOM
    low, high = scale

    def x(lap: int) -> float:
        return LEFT + plot_w * (lap - 1) / max(1, last - 1)

    def y(value: float) -> float:
        return TOP + plot_h * (value - low) / ((high - low) or 1)

    out = [
        f'<svg class="chart lap-chart" id="{ident}" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(description)}</desc>',
    ]
    out += _axes(x, y, last, ticks, height, y_label)
    for number, (car, points) in enumerate(zip(cars, series, strict=True)):
        out += _line(car, points, PALETTE[number % len(PALETTE)], x, y)
    out.append("</svg>")
    return "".join(out)


def _axes(
    x: Callable[[int], float],
    y: Callable[[float], float],
    last: int,
    ticks: Sequence[tuple[float, str]],
    height: int,
    y_label: str,
) -> list[str]:
    out = []
    for value, text in ticks:
        ty = y(value)
        out.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}"/>'
            f'<text class="axis" x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end">{text}</text>'
        )
    step = _step(last, 12)
    for lap in sorted({1, *range(step, last + 1, step)}):
        out.append(
            f'<text class="axis" x="{x(lap):.1f}" y="{height - BOTTOM + 16}" '
            f'text-anchor="middle">{lap}</text>'
        )
    middle = TOP + (height - TOP - BOTTOM) / 2
    out.append(
        f'<text class="axis-label" x="{LEFT + (WIDTH - LEFT - RIGHT) / 2:.1f}" '
        f'y="{height - 8}" text-anchor="middle">Lap</text>'
        f'<text class="axis-label" x="14" y="{middle:.1f}" text-anchor="middle" '
        f'transform="rotate(-90 14 {middle:.1f})">{escape(y_label)}</text>'
    )
    return out


def _line(
    car: CarLaps,
    points: Sequence[Point],
    colour: str,
    x: Callable[[int], float],
    y: Callable[[float], float],
) -> list[str]:
    if not points:
        return []
    name = escape(f"{car.label} {car.team}".strip())
    out = [
        f'<g class="series" data-car="{escape(car.label)}" style="color:{colour}">'
        f"<title>{name}</title>"
    ]
    run: list[str] = []
    previous = None
    for lap, value in points:
        if previous is not None and lap != previous + 1 and run:  # no line across a gap
            out.append(_polyline(run))
            run = []
        run.append(f"{x(lap):.1f},{y(value):.1f}")
        previous = lap
    out.append(_polyline(run))
    end_lap, end_value = points[-1]
    label = car.label if len(car.label) <= 11 else car.label[:10] + "\u2026"
    out.append(
        f'<text class="car-label" x="{x(end_lap) + 5:.1f}" y="{y(end_value) + 4:.1f}" '
        f'fill="currentColor">{escape(label)}</text></g>'
    )
    return out


def _polyline(points: list[str]) -> str:
    if len(points) == 1:
        cx, cy = points[0].split(",")
        return f'<circle cx="{cx}" cy="{cy}" r="2.5" fill="currentColor"/>'
    return (
        f'<polyline points="{" ".join(points)}" fill="none" stroke="currentColor" '
        f'stroke-width="1.8"/>'
    )
