"""The page a standings grid cell links to: one team's or driver's ledger in
one table, round by round (place, the rule applied, points awarded, points
withheld and why), so every number in the grid can be explained."""

from __future__ import annotations

from dataclasses import dataclass

from podium.app.answer import JSON, Answer, slugify, to_json
from podium.app.explain import explain
from podium.app.result_words import RULE_WORDS, STATUS_WORDS
from podium.app.results_key import key_of, mark_of
from podium.app.season import ScoredSeason
from podium.app.site import SeasonInfo, season_info
from podium.errors import NotFound
from podium.model.points import Points
from podium.rules.schema import Competitor
from podium.scoring import LedgerRow
from podium.scoring.standings import Cell


def ledger_line_json(row: LedgerRow) -> JSON:
    """A ledger row in the words the page prints."""
    return {
        "kind": row.kind.value,
        "car": row.car,
        "entry": row.entry,
        "session": row.session,
        "place": row.place,
        "status": STATUS_WORDS[row.status] if row.status else None,
        "points": to_json(row.points),
        "counts": row.counts and not row.dropped,
        "dropped": row.dropped,
        "withheld": to_json(row.withheld) if row.withheld else None,
        "rule": row.rule.value or None,
        "rule_words": RULE_WORDS[row.rule] or None,
        "scale": row.scale or None,
        "reason": row.reason,
    }


@dataclass(frozen=True, slots=True)
class LedgerRound(Answer):
    """One round of the competitor's ledger and what its grid cell shows."""

    number: int
    label: str
    cell: Cell | None
    rows: tuple[LedgerRow, ...]

    def to_json(self) -> JSON:
        cell = self.cell
        return {
            "round": self.number,
            "label": self.label,
            "mark": mark_of(cell),
            "key": str(key_of(cell) or ""),
            "points": to_json(cell.points) if cell and cell.points else None,
            "dropped": bool(cell and cell.dropped),
            "rows": [ledger_line_json(r) for r in self.rows],
        }


@dataclass(frozen=True, slots=True)
class LedgerPage(Answer):
    season: SeasonInfo
    class_code: str
    championship: str
    championship_name: str
    competitor: str
    """``team`` or ``driver`` (or what the championship scores)."""
    name: str
    pos: str
    total: Points
    after: int | None
    rounds: tuple[LedgerRound, ...]
    other: tuple[LedgerRow, ...]
    """Rows of no round of the table (season adjustments)."""

    def to_json(self) -> JSON:
        return {
            "season": self.season.to_json(),
            "class": self.class_code,
            "championship": self.championship,
            "championship_name": self.championship_name,
            "competitor": self.competitor,
            "name": self.name,
            "slug": slugify(self.name),
            "pos": self.pos,
            "total": to_json(self.total),
            "after": self.after,
            "rounds": to_json(self.rounds),
            "other": [ledger_line_json(r) for r in self.other],
        }


def ledger_page(
    scored: ScoredSeason, championship: str, class_code: str, slug: str, after: int | None
) -> LedgerPage:
    """The ledger behind one row of a table (``slug``: the row's address)."""
    season = scored.season
    if after is not None:
        season.round(after)
    champ = scored.championship(championship)
    code = scored.class_code(class_code)
    table = scored.standings(champ.id, code, after)
    standing = next((r for r in table.rows if slugify(r.competitor) == slug), None)
    if standing is None:
        raise NotFound(
            f"no {champ.competitor.value} with address {slug!r} in the {code} "
            f"{champ.name or champ.id}"
        )
    # explain() marks the rows best-N results leave out, as the grid does.
    found = explain(scored, standing.competitor, code, champ.id, after).explanations
    rows = next((e.rows for e in found if e.class_code == code), ())
    numbers = set(table.rounds)
    kind = "team" if champ.competitor is Competitor.TEAM else champ.competitor.value
    return LedgerPage(
        season_info(scored),
        code,
        champ.id,
        champ.name or champ.id,
        kind,
        standing.competitor,
        standing.label,
        standing.total,
        after,
        tuple(
            LedgerRound(n, season.round(n).label, cell, tuple(r for r in rows if r.round == n))
            for n, cell in zip(table.rounds, standing.cells, strict=True)
        ),
        tuple(r for r in rows if r.round not in numbers),
    )
