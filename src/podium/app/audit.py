"""The audit: podium's tables against the published ones, cell by cell."""

from __future__ import annotations

from dataclasses import dataclass

from podium.analysis.audit import AuditReport, audit_tables
from podium.analysis.gaps import Gap, data_gaps
from podium.app.answer import JSON, Answer, fields_json, to_json
from podium.app.season import ScoredSeason


@dataclass(frozen=True, slots=True)
class Audit(Answer):
    report: AuditReport
    gaps: tuple[Gap, ...] = ()
    """Where the data is incomplete (not a difference: listed, never failing)."""

    @property
    def clean(self) -> bool:
        return self.report.clean

    def to_json(self) -> JSON:
        report = self.report
        return {
            "clean": report.clean,
            "tables": [fields_json(t) for t in report.tables],
            "differences": [fields_json(d) for d in report.differences],
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
                    "withheld": to_json(r.withheld),
                    "reason": r.reason,
                }
                for r in report.rule_effects
            ],
            "incomplete": [fields_json(g) for g in self.gaps],
        }


def audit(scored: ScoredSeason) -> Audit:
    """Every table the season publishes, computed and compared, and every
    place where the season's data is incomplete."""
    season = scored.season
    tables = {
        key: table
        for key, table in scored.all_tables().items()
        if any(p.championship == key[0] and p.class_code == key[1] for p in season.published)
    }
    return Audit(audit_tables(season, scored.ledger, tables), tuple(data_gaps(season)))
