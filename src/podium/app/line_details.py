"""What the round, team and driver pages add to a result line: the outcome
in words, qualifying and grid, the fastest lap, the stewards' decisions, the
points it earned in each championship (from the ledger, with what a rule
withheld and why) and what the source leaves out.

The pages wrap the answers of ``app.rounds`` and ``app.people`` (which the
API also serves) rather than change them: the extra facts are the web
pages', and their ``.json`` twins carry them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from podium.app.answer import JSON, Answer, to_json
from podium.app.people import DriverPage, TeamPage
from podium.app.result_words import RULE_WORDS, result_words
from podium.app.rounds import ClassifiedLine, RoundPage
from podium.app.season import ScoredSeason
from podium.model.points import Points
from podium.model.results import ResultLine, Status
from podium.scoring import LedgerRow
from podium.scoring.ledger_row import RowKind

LineKey = tuple[int, str, str, str | None, int | None]
"""(round, session, class, entry, class position): the place stands for the
car when the source does not say which car it was."""


def line_key(line: ResultLine) -> LineKey:
    return (line.round, line.session, line.class_code, line.entry, line.class_pos)


def _row_key(row: LedgerRow) -> LineKey:
    return (row.round, row.session, row.class_code, row.entry, row.place)


@dataclass(frozen=True, slots=True)
class ChampionshipPoints(Answer):
    """What a car's line earned in one championship (for one competitor, or
    for each of its drivers alike)."""

    championship: str
    name: str
    points: Points
    withheld: Points
    why: str

    def to_json(self) -> JSON:
        return {
            "championship": self.championship,
            "name": self.name,
            "points": to_json(self.points),
            "withheld": to_json(self.withheld) if self.withheld else None,
            "why": self.why or None,
        }


@dataclass(frozen=True, slots=True)
class LineDetail(Answer):
    result: str
    """The outcome in words: ``3rd in GT``, ``Retired``."""
    qualified: int | None
    """Place in class in qualifying."""
    grid: int | None
    pole: bool
    """Fastest of its class in qualifying."""
    fastest_lap: bool
    penalties: tuple[str, ...]
    """The stewards' decisions about the car at the round, in words."""
    points: tuple[ChampionshipPoints, ...]
    missing: tuple[str, ...]
    """What the source does not give for this line."""

    def to_json(self) -> JSON:
        return {
            "result": self.result,
            "qualified": self.qualified,
            "grid": self.grid,
            "pole": self.pole,
            "fastest_lap": self.fastest_lap,
            "penalties": list(self.penalties),
            "points": to_json(self.points),
            "missing": list(self.missing),
        }


def _missing(line: ResultLine) -> tuple[str, ...]:
    out = []
    if line.entry is None:
        out.append("car number")
    if line.overall_pos is None and line.status is Status.CLASSIFIED:
        out.append("overall position")
    if line.laps is None and line.status is not Status.DID_NOT_START:
        out.append("laps")
    return tuple(out)


def line_details(
    scored: ScoredSeason, lines: Iterable[ClassifiedLine], competitor: str | None = None
) -> tuple[LineDetail, ...]:
    """The details of ``lines``; ``competitor``: count only this team's or
    driver's points (a team or driver page), else every competitor's."""
    season = scored.season
    names = {c.id: c.name or c.id for c in season.rules.championships}
    ledger: dict[LineKey, list[LedgerRow]] = {}
    for row in scored.ledger:
        if row.kind in (RowKind.RESULT, RowKind.BONUS):
            ledger.setdefault(_row_key(row), []).append(row)
    qualifying = {(q.round, q.entry): q for q in season.qualifying}
    decisions: dict[tuple[int, str], list[str]] = {}
    for p in season.penalties:
        if p.stands:
            decisions.setdefault((p.round, p.entry), []).append(p.reason)
    out = []
    for c in lines:
        line = c.line
        q = qualifying.get((line.round, line.entry or "")) if line.session == "race" else None
        rows = [
            r
            for r in ledger.get(line_key(line), ())
            if competitor is None or r.competitor == competitor
        ]
        out.append(
            LineDetail(
                result_words(line),
                q.class_position if q else None,
                q.grid if q else None,
                bool(q and q.class_position == 1),
                line.fastest_lap,
                tuple(decisions.get((line.round, line.entry or ""), ())),
                _points(rows, names),
                _missing(line),
            )
        )
    return tuple(out)


def _points(rows: list[LedgerRow], names: dict[str, str]) -> tuple[ChampionshipPoints, ...]:
    """Per championship: the points of the line (for a shared car, what each
    of its drivers scored when they scored alike, else the most any did)."""
    by_champ: dict[str, dict[str, list[LedgerRow]]] = {}
    for r in rows:
        by_champ.setdefault(r.championship, {}).setdefault(r.competitor, []).append(r)
    out = []
    for champ, competitors in by_champ.items():
        best: ChampionshipPoints | None = None
        for mine in competitors.values():
            points = sum((r.points for r in mine if r.counts), start=Points(0))
            withheld = sum((r.withheld for r in mine), start=Points(0))
            why = "; ".join(dict.fromkeys(RULE_WORDS[r.rule] for r in mine if r.rule.value))
            if not any(r.counts for r in mine) and not why:
                why = "does not count for the competitor"
            found = ChampionshipPoints(champ, names.get(champ, champ), points, withheld, why)
            if best is None or found.points > best.points:
                best = found
        if best is not None:
            out.append(best)
    return tuple(out)


def _with_details(rows: JSON, details: tuple[LineDetail, ...]) -> list[JSON]:
    assert isinstance(rows, list)
    return [
        {**row, **d.to_json()}  # type: ignore[dict-item]
        for row, d in zip(rows, details, strict=True)
    ]


@dataclass(frozen=True, slots=True)
class RoundSheet(Answer):
    """The round page: the round (as the API gives it) with each line's details
    and a note of what the sources leave out."""

    page: RoundPage
    details: tuple[LineDetail, ...]

    @property
    def incomplete(self) -> dict[str, int]:
        """How many lines lack each fact the source does not give."""
        counts: dict[str, int] = {}
        for d in self.details:
            for what in d.missing:
                counts[what] = counts.get(what, 0) + 1
        return counts

    def to_json(self) -> JSON:
        base = self.page.to_json()
        assert isinstance(base, dict)
        rows = _with_details(base["results"], self.details)
        lines = self.page.results
        return {
            **base,
            "results": rows,
            "classes": [
                {
                    "code": code,
                    "results": [
                        r for r, c in zip(rows, lines, strict=True) if c.line.class_code == code
                    ],
                }
                for code in self.page.class_codes
            ],
            "retirements": [
                r
                for r, c in zip(rows, lines, strict=True)
                if c.line.status is not Status.CLASSIFIED
            ],
            "championships": to_json(sorted({p.name for d in self.details for p in d.points})),
            "incomplete": to_json(self.incomplete),
        }


def round_sheet(scored: ScoredSeason, page: RoundPage) -> RoundSheet:
    return RoundSheet(page, line_details(scored, page.results))


@dataclass(frozen=True, slots=True)
class PersonSheet(Answer):
    """A team's or driver's page with its results round by round: where the
    car finished and what it scored for them."""

    page: TeamPage | DriverPage
    details: tuple[LineDetail, ...]
    labels: dict[int, str]
    """Round number to its short label (``Sebring``)."""

    def to_json(self) -> JSON:
        base = self.page.to_json()
        assert isinstance(base, dict)
        rows = _with_details(base["results"], self.details)
        for row in rows:
            assert isinstance(row, dict)
            row["round_label"] = self.labels.get(int(str(row["round"])), "")
        return {**base, "results": rows}


def person_sheet(scored: ScoredSeason, page: TeamPage | DriverPage) -> PersonSheet:
    name = page.team.name if isinstance(page, TeamPage) else page.driver.name
    return PersonSheet(
        page,
        line_details(scored, page.results, competitor=name),
        {r.number: r.label for r in scored.season.rounds},
    )
