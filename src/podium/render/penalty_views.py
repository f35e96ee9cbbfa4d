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
    notes = [] if rows else ["no decisions"]
    if decisions.served:
        notes.append(
            f"{decisions.served} penalties served during the session are in the timing sheet "
            "already (--all lists them)."
        )
    return Tabular(
        columns,
        rows,
        f"{decisions.season_title}: stewards' decisions",
        notes,
        decisions,
        right={"no"},
    )
