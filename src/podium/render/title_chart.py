"""The title-fight chart as SVG text: for each contender a bar from the
lowest to the highest total still reachable, a mark at today's total, and
the title odds. Written directly: it is a few rectangles and labels."""

from __future__ import annotations

from xml.sax.saxutils import escape

from podium.analysis.title.verdict import TitleStatus
from podium.app.title import ContenderVerdict, TitleFight
from podium.app.title_odds import TitleOdds

_COLOURS = {
    TitleStatus.CHAMPION: "#2e7d32",
    TitleStatus.CAN_WIN: "#1565c0",
    TitleStatus.ELIMINATED: "#9e9e9e",
}


_CHAR_W = 7.0
"""Widest average advance of a 12 px sans-serif character, in px (a bound
for laying out labels so they never meet)."""


def _fit(text: str, room: float) -> str:
    """``text`` cut with an ellipsis to fit ``room`` px at 12 px."""
    most = max(int(room / _CHAR_W), 4)
    return text if len(text) <= most else text[: most - 1].rstrip() + "\u2026"


def title_chart_svg(fight: TitleFight, odds: TitleOdds | None = None, width: int = 720) -> str:
    """An SVG document (UTF-8 text) of the contenders still in the fight:
    reachable points ranges, today's totals and, when given, the odds.

    Columns, left to right, never overlap: names (cut to fit, the full name
    in the bar's tooltip), the bars, the highest reachable total, the odds."""
    title = f"{fight.title} after round {fight.after}"
    rows: list[ContenderVerdict] = [
        c for c in fight.contenders if c.status is not TitleStatus.ELIMINATED
    ] or list(fight.contenders[:1])
    alive = any(c.status is not TitleStatus.ELIMINATED for c in fight.contenders)
    label_w, odds_w, row_h, top = 200, 80, 26, 40
    high = max((float(r.highest) for r in rows if alive), default=1.0) or 1.0
    value_w = _CHAR_W * (len(f"{high:g}") + 1)
    plot_left = label_w + 10
    plot_w = width - plot_left - value_w - odds_w - 10
    value_x = plot_left + plot_w + 6
    height = top + row_h * len(rows) + 30
    show_odds = odds is not None and alive and not odds.unknown

    def x(value: float) -> float:
        return plot_left + plot_w * value / high

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="title-chart" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" '
        'font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<text x="10" y="20" font-size="14" font-weight="bold">{escape(_fit(title, width * 0.8))}</text>',
    ]
    if show_odds:
        parts.append(
            f'<text x="{width - 10}" y="{top - 8}" fill="#555" text-anchor="end">odds</text>'
        )
    by_name = {c.name: c for c in odds.contenders} if odds is not None else {}
    for i, row in enumerate(rows):
        # A lone eliminated contender is drawn empty: nobody is left to show.
        lowest, highest, total = (
            (float(row.lowest), float(row.highest), float(row.points)) if alive else (0, 0, 0)
        )
        y = top + i * row_h
        colour = _COLOURS.get(row.status, "#1565c0") if alive else "#1565c0"
        left, right = x(lowest), x(highest)
        parts += [
            f'<text x="10" y="{y + 16}">{escape(_fit(row.name, label_w - 10))}</text>',
            f'<rect x="{left:.1f}" y="{y + 6}" width="{max(right - left, 1.0):.1f}" height="12" '
            f'fill="{colour}" fill-opacity="0.35"><title>{escape(row.name)}: '
            f"{lowest:g} to {highest:g} pts</title></rect>",
            f'<rect x="{x(total) - 1:.1f}" y="{y + 3}" width="2" height="18" fill="{colour}"/>',
            f'<text x="{value_x:.1f}" y="{y + 16}" fill="#555">{highest:g}</text>',
        ]
        chance = by_name.get(row.name) if show_odds else None
        if chance is not None:
            parts.append(
                f'<text x="{width - 10}" y="{y + 16}" text-anchor="end">{chance.shown(1)}</text>'
            )
    axis_y = top + row_h * len(rows) + 12
    parts.append(
        f'<text x="{plot_left}" y="{axis_y}" fill="#555">0</text>'
        f'<text x="{plot_left + plot_w:.1f}" y="{axis_y}" fill="#555" text-anchor="end">'
        f"{high:g} pts</text>"
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
