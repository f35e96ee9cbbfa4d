"""A round: its classification (``ResultsReport``), the class winners of
the season (``WinnersReport``), the versions of its results and the round
page (``RoundPage``)."""

from __future__ import annotations

from dataclasses import dataclass

from podium.analysis.winners import ClassWinner
from podium.app.answer import JSON, Answer, ref, ref_or_none, to_json
from podium.app.penalties import DecisionList, decision_list
from podium.app.repository import Repository, ResultVersion, VersionPage, VersionSummary
from podium.app.season import ScoredSeason
from podium.app.site import SeasonInfo, season_info
from podium.model.calendar import Round, RoundStatus
from podium.model.entry import Entry
from podium.model.results import QualifyingLine, ResultLine, Status
from podium.model.season import Season


@dataclass(frozen=True, slots=True)
class ClassifiedLine(Answer):
    """A result line with what the entry list adds: car number and chassis."""

    line: ResultLine
    entry: Entry | None
    car: str
    """The chassis: the line's own, else the one the entry ran that round."""

    @property
    def car_no(self) -> str | None:
        return self.entry.car_no if self.entry else None

    def to_json(self) -> JSON:
        line = self.line
        return {
            "round": line.round,
            "overall_pos": line.overall_pos,
            "class": line.class_code,
            "class_pos": line.class_pos,
            "car_no": self.car_no,
            "entry": line.entry,
            "team": ref_or_none(line.team),
            "entrant": line.entrant,
            "drivers": [ref(d) for d in line.drivers],
            "car": self.car,
            "laps": line.laps,
            "laps_led": line.laps_led,
            "time": line.time or line.gap,
            "status": line.status.value,
            "classified": line.classified,
            "reason": line.reason,
            "decision": line.decision,
            "sheet_pos": line.sheet_pos,
            "session": line.session,
            "drive_times_ms": list(line.drive_times) if line.drive_times else None,
            "source": line.source,
        }


def classified_line(season: Season, line: ResultLine) -> ClassifiedLine:
    entry = season.entries_by_key.get(line.entry) if line.entry else None
    car = line.car
    if not car and entry is not None:
        spec = entry.car_at(line.round)
        car = spec.chassis if spec else ""
    return ClassifiedLine(line, entry, car)


RESULT_COLUMNS = (
    "overall_pos",
    "class",
    "class_pos",
    "car_no",
    "team",
    "drivers",
    "car",
    "laps",
    "time",
    "status",
    "reason",
)


@dataclass(frozen=True, slots=True)
class ResultsReport(Answer):
    """A round's classification, overall or for one class, in sheet order."""

    season_id: str
    round: Round
    lines: tuple[ClassifiedLine, ...]
    session: str | None = None
    """The one session asked for (none: every session of the results sheets)."""

    @property
    def title(self) -> str:
        rnd = self.round
        when = f" ({rnd.date:%d %B %Y})" if rnd.date else ""
        status = " - provisional results" if rnd.status is RoundStatus.PROVISIONAL else ""
        session = f" - {self.session}" if self.session else ""
        return f"Round {rnd.number}: {rnd.name}, {rnd.circuit}{when}{session}{status}"

    def cells(self, c: ClassifiedLine) -> tuple[str, ...]:
        """A line as the results sheet prints it, one text per ``RESULT_COLUMNS``."""
        line = c.line
        return (
            str(line.overall_pos or ""),
            line.class_code,
            str(line.class_pos or ""),
            c.car_no or "",
            line.team,
            " / ".join(line.drivers),
            c.car,
            "" if line.laps is None else str(line.laps),
            line.time or line.gap,
            line.status.value,
            line.decision or line.reason,
        )

    def to_json(self) -> JSON:
        rnd = self.round
        return {
            "season": self.season_id,
            "round": rnd.number,
            "name": rnd.name,
            "circuit": rnd.circuit,
            "status": rnd.status.value,
            "session": self.session,
            "results": [c.to_json() for c in self.lines],
        }


def results_report(
    scored: ScoredSeason,
    round_number: int,
    class_code: str | None = None,
    starters_only: bool = True,
    session: str | None = None,
) -> ResultsReport:
    season = scored.season
    lines = scored.classification(round_number, class_code, starters_only, session)
    return ResultsReport(
        season.id,
        season.round(round_number),
        tuple(classified_line(season, ln) for ln in lines),
        session,
    )


@dataclass(frozen=True, slots=True)
class WinnersReport(Answer):
    season_title: str
    winners: tuple[ClassWinner, ...]

    def to_json(self) -> JSON:
        return [
            {
                "round": w.round,
                "circuit": w.round_label,
                "class": w.class_code,
                "car_no": w.car_no,
                "team": ref_or_none(w.team),
                "drivers": [ref(d) for d in w.drivers],
                "overall_winner": w.overall,
            }
            for w in self.winners
        ]


def winners_report(scored: ScoredSeason) -> WinnersReport:
    return WinnersReport(scored.season.title, scored.winners())


# -- versions -------------------------------------------------------------


VERSIONS_PAGE = 50
"""Versions per page: the versions API's default ``limit``, and how many of
the newest the round page lists."""
VERSIONS_MAX = 500
"""The versions API's largest ``limit``."""


@dataclass(frozen=True, slots=True)
class VersionInfo(Answer):
    """A version of a round's results: who posted it, when and why (and its
    lines, when it has them and they are asked for)."""

    version: ResultVersion | VersionSummary
    with_lines: bool = True

    def to_json(self) -> JSON:
        full = self.version if isinstance(self.version, ResultVersion) else None
        v = self.version.summary if isinstance(self.version, ResultVersion) else self.version
        out: dict[str, JSON] = {
            "version": v.version,
            "revision": v.revision,
            "status": v.status.value,
            "created_at": v.created_at.isoformat(),
            "actor": v.actor,
            "reason": v.reason,
            "lines": v.line_count,
        }
        if self.with_lines and full is not None:
            out["results"] = [
                {
                    "overall_pos": ln.overall_pos,
                    "class": ln.class_code,
                    "class_pos": ln.class_pos,
                    "entry": ln.entry,
                    "team": ref_or_none(ln.team),
                    "status": ln.status.value,
                    "laps": ln.laps,
                    "reason": ln.reason,
                }
                for ln in full.lines
            ]
        return out


@dataclass(frozen=True, slots=True)
class VersionList(Answer):
    """A page of a round's versions with their lines, oldest first
    (``offset`` 0 is version 1), and how many the round has."""

    season_id: str
    round: int
    total: int
    offset: int
    limit: int
    versions: tuple[VersionInfo, ...]

    def to_json(self) -> JSON:
        return {
            "season": self.season_id,
            "round": self.round,
            "total": self.total,
            "offset": self.offset,
            "limit": self.limit,
            "versions": [v.to_json() for v in self.versions],
        }


# -- the round page -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RoundPage(Answer):
    season: SeasonInfo
    round: Round
    previous: int | None
    next: int | None
    results: tuple[ClassifiedLine, ...]
    class_codes: tuple[str, ...]
    winners: tuple[ClassWinner, ...]
    versions: tuple[VersionInfo, ...]
    """The newest versions (at most ``VERSIONS_PAGE``), oldest first."""
    versions_total: int
    """How many versions the round has as of the page."""
    decisions: DecisionList

    def to_json(self) -> JSON:
        rnd = self.round
        rows = [line.to_json() for line in self.results]
        return {
            "season": self.season.to_json(),
            "round": {
                "number": rnd.number,
                "name": rnd.name,
                "circuit": rnd.circuit,
                "date": to_json(rnd.date),
                "duration": rnd.duration,
                "status": rnd.status.value,
            },
            "previous": self.previous,
            "next": self.next,
            "results": rows,
            "classes": [
                {
                    "code": code,
                    "results": [
                        r
                        for r, c in zip(rows, self.results, strict=True)
                        if c.line.class_code == code
                    ],
                }
                for code in self.class_codes
            ],
            "winners": [
                {
                    "class": w.class_code,
                    "car_no": w.car_no,
                    "team": ref_or_none(w.team),
                    "drivers": [ref(d) for d in w.drivers],
                    "overall": w.overall,
                }
                for w in self.winners
            ],
            "retirements": [
                r
                for r, c in zip(rows, self.results, strict=True)
                if c.line.status is not Status.CLASSIFIED
            ],
            "versions": [v.to_json() for v in self.versions],
            "versions_total": self.versions_total,
            "decisions": self.decisions.to_json(),
        }


def round_page(scored: ScoredSeason, number: int, versions: VersionPage) -> RoundPage:
    """The round as of ``scored``; ``versions``: the newest of the round's
    versions as of then, newest first (``newest_versions``)."""
    season = scored.season
    rnd = season.round(number)
    numbers = {r.number for r in season.rounds}
    return RoundPage(
        season_info(scored),
        rnd,
        number - 1 if number - 1 in numbers else None,
        number + 1 if number + 1 in numbers else None,
        tuple(classified_line(season, ln) for ln in scored.classification(number)),
        tuple(c.code for c in season.classes),
        tuple(w for w in scored.winners() if w.round == number),
        tuple(VersionInfo(v, with_lines=False) for v in reversed(versions.versions)),
        versions.total,
        decision_list(season, number),
    )


def newest_versions(repository: Repository, scored: ScoredSeason, number: int) -> VersionPage:
    """What the round page lists: the newest ``VERSIONS_PAGE`` versions of the
    round as of the scored state (newest first), without their lines, and
    how many there are: one repository call, whatever the history's length."""
    return repository.version_page(
        scored.season.id, number, VERSIONS_PAGE, as_of=scored.read_as_of, newest_first=True
    )


# -- qualifying ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QualifyingReport(Answer):
    """A round's qualifying, overall or for one class, in position order."""

    season_id: str
    round: Round
    lines: tuple[QualifyingLine, ...]
    cars: tuple[Entry | None, ...]

    def to_json(self) -> JSON:
        rnd = self.round
        return {
            "season": self.season_id,
            "round": rnd.number,
            "name": rnd.name,
            "circuit": rnd.circuit,
            "qualifying": [
                {
                    "position": q.position,
                    "class": q.class_code,
                    "class_position": q.class_position,
                    "grid": q.grid,
                    "car_no": e.car_no if e else None,
                    "entry": q.entry,
                    "team": ref_or_none(e.team) if e else None,
                    "driver": ref_or_none(q.driver),
                    "time": q.time,
                    "note": q.note,
                }
                for q, e in zip(self.lines, self.cars, strict=True)
            ],
        }


def qualifying_report(
    scored: ScoredSeason, round_number: int, class_code: str | None = None
) -> QualifyingReport:
    season = scored.season
    rnd = season.round(round_number)
    code = scored.class_code(class_code) if class_code else None
    lines = sorted(
        (
            q
            for q in season.qualifying
            if q.round == round_number and (code is None or q.class_code == code)
        ),
        key=lambda q: (q.position is None, q.position or 0, q.class_code, q.class_position or 0),
    )
    return QualifyingReport(
        season.id, rnd, tuple(lines), tuple(season.entries_by_key.get(q.entry) for q in lines)
    )
