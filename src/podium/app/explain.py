"""``podium explain``: every ledger row behind one competitor's points (a
team, a driver, a car as "#31", a make), per championship and class."""

from __future__ import annotations

from dataclasses import dataclass, replace

from podium.app.answer import JSON, Answer, ref, to_json
from podium.app.season import ScoredSeason
from podium.app.standings import ledger_row_json
from podium.errors import NotFound
from podium.model.points import Points
from podium.model.season import Season
from podium.rules.schema import Championship, Competitor
from podium.scoring.ledger_row import LedgerRow, RowKind


@dataclass(frozen=True, slots=True)
class Explanation(Answer):
    """Every ledger row behind one competitor's points in one championship and class."""

    competitor: str
    championship: str
    class_code: str
    total: Points
    rows: tuple[LedgerRow, ...]

    def to_json(self) -> JSON:
        return {
            "competitor": ref(self.competitor),
            "championship": self.championship,
            "class": self.class_code,
            "total": to_json(self.total),
            "rows": [ledger_row_json(r) for r in self.rows],
        }


def _dropped(row: LedgerRow, championship: Championship) -> LedgerRow:
    """A counting row of a round best-N results leave out of the total."""
    if not row.counts or row.kind is not RowKind.RESULT or not row.points:
        return row
    drops = championship.drops
    rule = (
        f"only the best {drops.best} results count"
        if drops is not None and drops.best
        else "only the best results of each part of the season count"
    )
    return replace(row, dropped=True, reason=f"{row.reason} (dropped: {rule})")


@dataclass(frozen=True, slots=True)
class ExplainReport(Answer):
    name: str
    explanations: tuple[Explanation, ...]

    def to_json(self) -> JSON:
        return [e.to_json() for e in self.explanations]


def explain(
    scored: ScoredSeason,
    name: str,
    class_code: str | None = None,
    championship: str | None = None,
    after: int | None = None,
) -> ExplainReport:
    """Every ledger row behind a competitor's points (a team, a driver, a car
    as "#31", a make), per championship and class."""
    season = scored.season
    names = {kind: _named(season, kind, name) for kind in Competitor}
    if not any(names.values()):
        raise NotFound(f"no team, driver, car or make {name!r} in {season.title}")
    code = scored.class_code(class_code) if class_code else None
    out = []
    for champ in season.rules.championships:
        if championship and champ.id != championship:
            continue
        who = names[champ.competitor]
        if who is None:
            continue
        rows = [
            r
            for r in scored.ledger
            if r.championship == champ.id
            and r.competitor == who
            and (code is None or r.class_code == code)
            and (after is None or r.round <= after)
        ]
        for cls in dict.fromkeys(r.class_code for r in rows):
            mine = tuple(r for r in rows if r.class_code == cls)
            table = scored.standings(champ.id, cls or None, after)
            standing = table.row(who)
            dropped = frozenset(
                n
                for n, c in zip(table.rounds, standing.cells if standing else (), strict=False)
                if c is not None and c.dropped
            )
            if dropped:
                mine = tuple(_dropped(r, champ) if r.round in dropped else r for r in mine)
            total = (
                standing.total
                if standing is not None
                else sum((r.net for r in mine), start=mine[0].points * 0)
            )
            out.append(Explanation(who, champ.id, cls, total, mine))
    if not out:
        raise NotFound(f"{name!r} has no results" + (f" in {code}" if code else ""))
    return ExplainReport(name, tuple(out))


def _named(season: Season, kind: Competitor, name: str) -> str | None:
    """The competitor of this kind ``name`` stands for, if any."""
    if kind is Competitor.TEAM:
        return season.team_name(name)
    if kind is Competitor.DRIVER:
        return season.driver_name(name)
    wanted = name.strip().casefold()
    if kind is Competitor.ENTRY:
        for entry in season.entries:
            if wanted in {entry.label.casefold(), entry.key.casefold()}:
                return entry.label
        return None
    makes = {car.make.casefold(): car.make for e in season.entries for car in e.cars if car.make}
    return makes.get(wanted)
