"""`podium f1 verify` as a table: per season, what is equal and the first difference."""

from __future__ import annotations

from podium.app.f1 import F1Verification
from podium.render.tabular import Tabular


def verify_view(verification: F1Verification) -> Tabular:
    def word(ok: bool | None) -> str:
        return "-" if ok is None else ("equal" if ok else "DIFFERENT")

    rows: list[list[str]] = []
    for check in verification.checks:
        per_championship = ", ".join(
            f"{name} {sum(c.equal for c in tables)}/{len(tables)}"
            for name in ("drivers", "constructors")
            if (tables := [c for c in check.rounds if c.championship == name])
        )
        rows.append(
            [
                str(check.year),
                word(check.final_equal("drivers")),
                word(check.final_equal("constructors")),
                per_championship,
                verification.first_difference(check),
            ]
        )
    return Tabular(
        columns=[
            "season",
            "final drivers",
            "final constructors",
            "rounds equal",
            "first difference",
        ],
        rows=rows,
        title="podium vs published F1 tables",
        notes=[verification.summary],
        answer=verification,
    )
