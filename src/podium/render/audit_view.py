"""The audit as a table: computed vs published, with the rules that decided cells."""

from __future__ import annotations

from podium.app.audit import Audit
from podium.render.tabular import Tabular


def audit_view(audit: Audit) -> Tabular:
    report = audit.report
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
    notes += [
        f"INCOMPLETE {g.what}{f' (round {g.round})' if g.round else ''}: {g.detail}"
        for g in audit.gaps
    ]
    if not audit.gaps:
        notes.append("Data complete: nothing the rules need is missing from the sources.")
    notes.append(
        "'by construction': point cells decided by a results row that the sources derived "
        "from the published table itself; they agree by construction (PROVENANCE.md)."
    )
    return Tabular(
        columns,
        rows,
        "Audit: computed vs published tables",
        notes,
        audit,
        right={"rows", "cells", "matched", "independent", "by construction"},
    )
