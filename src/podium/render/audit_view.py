"""The audit as a table: computed vs published, with the rules that decided cells."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from podium.model import format_points
from podium.render.tabular import Tabular

if TYPE_CHECKING:
    from podium.analysis.audit import AuditReport


def audit_view(report: AuditReport) -> Tabular:
    columns = [
        "championship",
        "class",
        "rows",
        "cells",
        "matched",
        "totals",
        "positions",
        "independent",
        "by construction",
    ]
    rows = [
        [
            t.championship,
            t.class_code,
            str(t.rows),
            str(t.cells),
            str(t.cells_matched),
            f"{t.totals_matched}/{t.rows}",
            f"{t.positions_matched}/{t.rows}",
            str(t.independent_cells),
            str(t.constructed_cells),
        ]
        for t in report.tables
    ]
    cells = sum(t.cells for t in report.tables)
    matched = sum(t.cells_matched for t in report.tables)
    notes = [
        f"{matched}/{cells} published cells reproduced; "
        f"{len(report.differences)} unexplained difference(s); "
        f"class winners {report.winners_matched}/{report.winners_checked}."
    ]
    notes += [
        f"DIFFERENCE {d.championship} {d.class_code} {d.competitor} {d.column}: published "
        f"{d.published or '(blank)'}, computed {d.computed or '(blank)'} -- {d.explanation}"
        for d in report.differences
    ]
    notes += [f"WINNER {w}" for w in report.winner_differences]
    notes += [
        f"modelled rule ({r.rule.value}) decides a cell: {r.championship} {r.class_code} "
        f"round {r.round}: {r.reason}"
        for r in report.rule_effects
    ]
    notes.append(
        "'by construction': point cells decided by a results row that the sources derived "
        "from the published table itself; they agree by construction (PROVENANCE.md)."
    )
    data = {
        "clean": report.clean,
        "tables": [t.__dict__ if hasattr(t, "__dict__") else _slots(t) for t in report.tables],
        "differences": [_slots(d) for d in report.differences],
        "winners": {
            "checked": report.winners_checked,
            "matched": report.winners_matched,
            "differences": list(report.winner_differences),
        },
        "rule_effects": [
            {
                "championship": r.championship,
                "class": r.class_code,
                "round": r.round,
                "competitor": r.competitor,
                "rule": r.rule.value,
                "withheld": format_points(r.withheld),
                "reason": r.reason,
            }
            for r in report.rule_effects
        ],
    }
    return Tabular(
        columns,
        rows,
        "Audit: computed vs published tables",
        notes,
        data,
        right={"rows", "cells", "matched", "independent", "by construction"},
    )


def _slots(obj: object) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in getattr(obj, "__slots__", ())}
