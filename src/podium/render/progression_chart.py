"""The points-progression chart of a title fight, drawn by the server as
inline SVG: readable without JavaScript (every line is labelled at its end,
every point carries a <title>), one tab stop (static/chart.js steps through
the points with the arrow keys), the numbers in a table beside it.

Co-drivers of one car usually score the same points every round: their
lines would lie on top of each other and one would vanish. Competitors with
the same running totals share one line, labelled with all their names; lines
that meet for part of the season stay apart by width (the first drawn is the
widest, so the later, narrower ones leave its colour showing on both sides)
and by dash pattern. End labels are pushed apart so they never overlap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from html import escape

from podium.app.standings import Progression, RoundLabel
from podium.model import format_points

SERIES = 5
"""Line styles (colours in static/site.css as ``.s0`` ... ``.s4``, dashes here)."""
DASHES = ("", "7 3", "2 3", "9 3 2 3", "4 2")
WIDTH, HEIGHT = 800, 300
LEFT, RIGHT, TOP, BOTTOM = 44, 230, 16, 36
LABEL_LINE = 13
"""Height of one line of an end label (11 px text)."""
LABEL_CHARS = 26
"""Longest name drawn in full in an end label; the rest is in its <title>."""


@dataclass(frozen=True, slots=True)
class Line:
    """One drawn line: the competitors whose running totals it shows."""

    names: tuple[str, ...]
    values: tuple[Fraction, ...]
    rounds: tuple[int, ...]

    @property
    def name(self) -> str:
        return " / ".join(self.names)


def lines_of(series: tuple[Progression, ...]) -> tuple[Line, ...]:
    """One line per distinct run of totals, in the table's order."""
    grouped: dict[tuple[Fraction, ...], list[Progression]] = {}
    for s in series:
        grouped.setdefault(tuple(Fraction(p) for _, p in s.running), []).append(s)
    return tuple(
        Line(tuple(s.name for s in group), values, tuple(n for n, _ in group[0].running))
        for values, group in grouped.items()
    )


def spread(wanted: list[float], heights: list[float], low: float, high: float) -> list[float]:
    """Tops for blocks of ``heights`` as near as may be to the centres
    ``wanted``, in the same order, none overlapping, within [low, high]."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    tops = [0.0] * len(wanted)
    floor = low
    for i in order:  # downwards: each below the one before
        tops[i] = max(wanted[i] - heights[i] / 2, floor)
        floor = tops[i] + heights[i]
    ceiling = high
    for i in reversed(order):  # then up again from the bottom edge
        tops[i] = min(tops[i], ceiling - heights[i])
        ceiling = tops[i]
    return tops


def _step(top: Fraction) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500):
        if top / step <= 6:
            return step
    return 1000


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"


def progression_svg(series: tuple[Progression, ...], rounds: tuple[RoundLabel, ...]) -> str:
    """SVG markup for the leaders' running totals over the table's rounds."""
    if not series or not rounds:
        return ""
    lines = lines_of(series)
    top = max([Fraction(1)] + [v for line in lines for v in line.values])
    step = _step(top)
    top = Fraction(-(-top // step) * step)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(index: int) -> float:
        return LEFT + (plot_w * index / max(1, len(rounds) - 1))

    def y(value: Fraction) -> float:
        return TOP + plot_h - float(plot_h * value / top)

    shared = any(len(line.names) > 1 for line in lines)
    desc = (
        "One line per competitor; competitors on equal points every round share a line "
        "labelled with all their names. Use the arrow keys to read each point; "
        "the numbers are in the table below the chart."
        if shared
        else "One line per competitor. Use the arrow keys to read each point; "
        "the numbers are in the table below the chart."
    )
    out = [
        f'<svg class="chart progression-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'tabindex="0" aria-labelledby="progression-title" aria-describedby="progression-desc" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="progression-title">Points after each round of the leading competitors'
        f'</title><desc id="progression-desc">{desc}</desc>'
    ]
    tick = 0
    while tick <= top:
        ty = y(Fraction(tick))
        out.append(
            f'<line class="grid" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{ty:.1f}" y2="{ty:.1f}"/>'
            f'<text class="axis" x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end">{tick}</text>'
        )
        tick += step
    for index, rnd in enumerate(rounds):
        out.append(
            f'<text class="axis" x="{x(index):.1f}" y="{HEIGHT - BOTTOM + 16}" '
            f'text-anchor="middle">R{rnd.number}</text>'
        )
    widest = 2.5 + 1.5 * (len(lines) - 1)
    for number, line in enumerate(lines):
        style = number % SERIES
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(line.values))
        name = escape(line.name)
        dash = f' stroke-dasharray="{DASHES[style]}"' if DASHES[style] else ""
        out.append(
            f'<g class="series s{style}" data-name="{name}">'
            f'<polyline points="{points}" fill="none" stroke="currentColor" '
            f'stroke-width="{widest - 1.5 * number:.1f}" stroke-linejoin="round"{dash}/>'
        )
        for i, (round_number, v) in enumerate(zip(line.rounds, line.values, strict=True)):
            text = format_points(v)
            label = f"{line.name}: {text} pts after round {round_number}"
            out.append(
                f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="{3.5 if number else 4.5}" '
                f'fill="currentColor" data-round="{round_number}" '
                f'data-points="{escape(text)}" data-name="{name}">'
                f"<title>{escape(label)}</title></circle>"
            )
        out.append("</g>")
    out.extend(_end_labels(lines, x(len(rounds) - 1), y))
    out.append("</svg>")
    return "".join(out)


def _end_labels(lines: tuple[Line, ...], end_x: float, y: Callable[[Fraction], float]) -> list[str]:
    """Each line's names and total right of its last point, pushed apart,
    after a sample of the line (its colour and dashes); the text in ink."""
    ends = [y(line.values[-1]) for line in lines]
    heights = [LABEL_LINE * len(line.names) for line in lines]
    tops = spread(ends, [float(h) for h in heights], 2.0, float(HEIGHT - BOTTOM))
    label_x = end_x + 14
    out = []
    for number, (line, end, label_top) in enumerate(zip(lines, ends, tops, strict=True)):
        middle = label_top + heights[number] / 2
        total = format_points(line.values[-1])
        style = number % SERIES
        dash = f' stroke-dasharray="{DASHES[style]}"' if DASHES[style] else ""
        out.append(f'<g class="end-label s{style}">')
        out.append(f"<title>{escape(line.name)}: {total} pts</title>")
        if abs(middle - end) > 1:  # moved off its line: a leader shows whose it is
            out.append(
                f'<line class="leader" x1="{end_x + 5:.1f}" y1="{end:.1f}" '
                f'x2="{label_x - 3:.1f}" y2="{middle:.1f}" stroke="currentColor"/>'
            )
        out.append(
            f'<line class="sample" x1="{label_x:.1f}" x2="{label_x + 16:.1f}" y1="{middle:.1f}" '
            f'y2="{middle:.1f}" stroke="currentColor" stroke-width="3"{dash}/>'
        )
        for row, competitor in enumerate(line.names):
            suffix = f" · {total}" if row == len(line.names) - 1 else ""
            baseline = label_top + LABEL_LINE * row + 10
            out.append(
                f'<text class="end-name" x="{label_x + 20:.1f}" y="{baseline:.1f}">'
                f"{escape(_short(competitor))}{suffix}</text>"
            )
        out.append("</g>")
    return out
