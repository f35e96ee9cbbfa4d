"""The title-fight chart as SVG text: for each contender a bar from the
lowest to the highest total still reachable, a mark at today's total, and
the title odds. Written directly: it is a few rectangles and labels."""

from __future__ import annotations

from xml.sax.saxutils import escape

from podium.analysis.title.verdict import TitleStatus
from podium.app.title import ContenderVerdict, TitleFight, TitleOdds

_COLOURS = {
    TitleStatus.CHAMPION: "#2e7d32",
    TitleStatus.CAN_WIN: "#1565c0",
    TitleStatus.ELIMINATED: "#9e9e9e",
}


def title_chart_svg(fight: TitleFight, odds: TitleOdds | None = None, width: int = 720) -> str:
    """An SVG document (UTF-8 text) of the contenders still in the fight:
    reachable points ranges, today's totals and, when given, the odds."""
    title = f"{fight.title} after round {fight.after}"
    rows: list[ContenderVerdict] = [
        c for c in fight.contenders if c.status is not TitleStatus.ELIMINATED
    ] or list(fight.contenders[:1])
    alive = any(c.status is not TitleStatus.ELIMINATED for c in fight.contenders)
    label_w, odds_w, row_h, top = 220, 90, 26, 40
    plot_w = width - label_w - odds_w - 20
    high = max((float(r.highest) for r in rows if alive), default=1.0) or 1.0
    height = top + row_h * len(rows) + 30

    def x(value: float) -> float:
        return label_w + plot_w * value / high

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<text x="10" y="20" font-size="14" font-weight="bold">{escape(title)}</text>',
        f'<text x="{width - odds_w}" y="{top - 8}" fill="#555">odds</text>',
    ]
    for i, row in enumerate(rows):
        # A lone eliminated contender is drawn empty: nobody is left to show.
        lowest, highest, total = (
            (float(row.lowest), float(row.highest), float(row.points)) if alive else (0, 0, 0)
        )
        y = top + i * row_h
        colour = _COLOURS.get(row.status, "#1565c0") if alive else "#1565c0"
        left, right = x(lowest), x(highest)
        parts += [
            f'<text x="10" y="{y + 16}">{escape(row.name)}</text>',
            f'<rect x="{left:.1f}" y="{y + 6}" width="{max(right - left, 1.0):.1f}" height="12" '
            f'fill="{colour}" fill-opacity="0.35"><title>{escape(row.name)}: '
            f"{lowest:g} to {highest:g} pts</title></rect>",
            f'<rect x="{x(total) - 1:.1f}" y="{y + 3}" width="2" height="18" fill="{colour}"/>',
            f'<text x="{right + 4:.1f}" y="{y + 16}" fill="#555">{highest:g}</text>',
        ]
        chance = odds.chance(row.name) if odds is not None and alive else None
        if chance is not None:
            parts.append(f'<text x="{width - odds_w}" y="{y + 16}">{chance:.1%}</text>')
    axis_y = top + row_h * len(rows) + 12
    parts.append(
        f'<text x="{label_w}" y="{axis_y}" fill="#555">0</text>'
        f'<text x="{label_w + plot_w}" y="{axis_y}" fill="#555" text-anchor="end">{high:g} pts</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
