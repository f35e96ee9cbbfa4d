"""Stewards' decisions as a table."""

from __future__ import annotations

from podium.app.penalties import DecisionList
from podium.render.tabular import Tabular


def decisions_view(decisions: DecisionList) -> Tabular:
    columns = ["no", "round", "car", "kind", "value", "effect", "reason", "state"]
    rows = [
        [
            str(d.number),
            str(d.round) + ("" if d.session == "race" else f" {d.session}"),
            d.car,
            d.kind.value,
            d.value,
            d.effect,
            d.reason,
            d.state,
        ]
        for d in decisions.decisions
    ]
    return Tabular(
        columns,
        rows,
        f"{decisions.season_title}: stewards' decisions",
        [] if rows else ["no decisions"],
        decisions,
        right={"no"},
    )
