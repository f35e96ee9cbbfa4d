"""The points-progression chart of a title fight, drawn by the server as
inline SVG: readable without JavaScript (every point carries a <title>), and
static/chart.js adds a hover read-out of round and points."""

from __future__ import annotations

from fractions import Fraction
from html import escape

from podium.app.standings import Progression, RoundLabel
from podium.model import format_points

PALETTE = ("#1f5fbf", "#c0392b", "#2e8b57", "#b8860b", "#7b3fa0")
WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 36


def _step(top: Fraction) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500):
        if top / step <= 6:
            return step
    return 1000


def progression_svg(series: tuple[Progression, ...], rounds: tuple[RoundLabel, ...]) -> str:
    """SVG markup for the leaders' running totals over the table's rounds."""
    if not series or not rounds:
        return ""
    values = [[Fraction(p) for _, p in s.running] for s in series]
    top = max([Fraction(1)] + [v for vs in values for v in vs])
    step = _step(top)
    top = Fraction(-(-top // step) * step)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(index: int) -> float:
        return LEFT + (plot_w * index / max(1, len(rounds) - 1))

    def y(value: Fraction) -> float:
        return TOP + plot_h - float(plot_h * value / top)

    out = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="Points after each round of the leading competitors" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    tick = 0
    while tick <= top:
        ty = y(Fraction(tick))
        out.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}"/>'
            f'<text class="axis" x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end">{tick}</text>'
        )
        tick += step
    for index, rnd in enumerate(rounds):
        out.append(
            f'<text class="axis" x="{x(index):.1f}" y="{HEIGHT - BOTTOM + 16}" '
            f'text-anchor="middle">R{rnd.number}</text>'
        )
    for number, (s, vs) in enumerate(zip(series, values, strict=True)):
        colour = PALETTE[number % len(PALETTE)]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(vs))
        name = escape(s.name)
        out.append(
            f'<g class="series" data-name="{name}" style="color:{colour}">'
            f'<polyline points="{points}" fill="none" stroke="currentColor" stroke-width="2.5"/>'
        )
        for i, ((number, _), v) in enumerate(zip(s.running, vs, strict=True)):
            text = format_points(v)
            label = f"{s.name}: {text} pts after round {number}"
            out.append(
                f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="4.5" fill="currentColor" '
                f'data-round="{number}" data-points="{escape(text)}" '
                f'data-name="{name}" tabindex="0"><title>{escape(label)}</title></circle>'
            )
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)
