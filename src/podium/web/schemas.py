"""The JSON API's answers and its error, as pydantic models: what the
OpenAPI document declares. The routes send an answer's ``to_json()`` as
bytes and never build these; the schemathesis contract test
(tests/web/test_api_contract.py) checks every answer against them, so a
drift between an answer and its declared shape fails a test. Undeclared
fields are refused (``extra="forbid"``) except in the title fight's
answers, whose inner shapes docs/title.md describes."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RoundStatus = Literal["scheduled", "provisional", "official", "amended"]
Points = str
"""Points as a results sheet prints them, exact: "26", "9.5", "-5"."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# -- the error ----------------------------------------------------------------


class ProblemOut(Model):
    file: str = Field(description="What was wrong: a file, `query`, `path`, `body`, `header`...")
    line: int | None
    field: str
    message: str
    expected: str
    found: str


class ErrorDetail(Model):
    status: int
    title: str
    problems: list[ProblemOut]


class ErrorOut(Model):
    """Every refusal, FastAPI's own included (web/errors.py)."""

    error: ErrorDetail


# -- shared pieces -------------------------------------------------------------


class Ref(Model):
    """A team, driver, circuit or other competitor: its stable id (the slug
    of its name, the address of its page) and its name."""

    id: str = Field(examples=["alex-job-racing"])
    name: str = Field(examples=["Alex Job Racing"])


class Paging(Model):
    total: int = Field(description="How many the whole collection holds.")
    limit: int
    offset: int


class SeasonInfo(Model):
    id: str
    title: str
    year: int
    series: str
    series_short: str
    revision: int
    as_of: int | str | None


# -- index, series, seasons ------------------------------------------------------


class Link(Model):
    path: str
    summary: str


class ApiIndex(Model):
    name: str
    version: str
    openapi: str
    docs: str
    seasons: list[str]
    routes: list[Link]


class SeriesSeason(Model):
    id: str
    year: int
    title: str


class Series(Model):
    name: str
    short_name: str
    seasons: list[SeriesSeason]


class SeriesPage(Paging):
    series: list[Series]


class SeasonsPage(Paging):
    seasons: list[SeasonInfo]


class ClassInfo(Model):
    code: str
    name: str
    cars: int
    min_weight_kg: float | None
    engine_na_max_l: float | None
    engine_turbo_max_l: float | None


class ClassesPage(Paging):
    season: str
    classes: list[ClassInfo]


class ChampionshipInfo(Model):
    id: str
    name: str
    competitor: str
    classes: list[str]


class RoundWinner(Model):
    class_: str = Field(alias="class")
    car_no: str
    team: Ref | None
    overall: bool


class CalendarRound(Model):
    round: int
    name: str
    circuit: str
    label: str
    date: str | None
    duration: str
    status: RoundStatus
    has_results: bool
    next: bool
    winners: list[RoundWinner]


class Leader(Model):
    id: str
    name: str
    total: Points


class TableLeaders(Model):
    class_: str = Field(alias="class")
    championship: str
    championship_name: str
    leaders: list[Leader]
    margin: Points | None


class SeasonHome(Model):
    season: SeasonInfo
    classes: list[ClassInfo]
    championships: list[ChampionshipInfo]
    calendar: list[CalendarRound]
    next_round: int | None
    rounds_held: int
    leaders: list[TableLeaders]


class RoundsPage(Paging):
    season: str
    rounds: list[CalendarRound]


# -- people, entries, circuits --------------------------------------------------


class Person(Model):
    id: str
    name: str
    nationality: str
    aliases: list[str]
    cars: list[str] = Field(description="The car numbers entered for or by them.")


class DriversPage(Paging):
    season: str
    drivers: list[Person]


class TeamsPage(Paging):
    season: str
    teams: list[Person]


class Circuit(Model):
    id: str
    name: str
    location: str
    length_km: float | None
    length_mi: float | None
    turns: int | None
    rounds: list[int]


class CircuitsPage(Paging):
    season: str
    circuits: list[Circuit]


class EntryCar(Model):
    chassis: str
    engine: str
    rounds: str


class CrewMember(Model):
    driver: Ref
    rounds: str = Field(description="The rounds they drove ('' for all).")


class Entry(Model):
    entry: str
    class_: str = Field(alias="class")
    car_no: str | None
    team: Ref | None
    entrant: str
    cars: list[EntryCar]
    tyres: str
    crew: list[CrewMember]
    championships: list[str] | None
    source: str
    confidence: str


class EntriesPage(Paging):
    season: str
    entries: list[Entry]


# -- rounds, results, qualifying -------------------------------------------------

Status = Literal["classified", "nc", "dnf", "dsq", "dns"]


class ResultLine(Model):
    round: int
    overall_pos: int | None
    class_: str = Field(alias="class")
    class_pos: int | None
    car_no: str | None
    entry: str | None
    team: Ref | None
    entrant: str
    drivers: list[Ref]
    car: str
    laps: int | None
    laps_led: int | None
    time: str = Field(description="The race time (any time penalty added) or the gap.")
    status: Status
    classified: bool
    reason: str
    decision: str
    sheet_pos: int | None
    session: str
    drive_times_ms: list[int] | None
    source: str


class ResultsPage(Paging):
    season: str
    round: int
    name: str
    circuit: str
    status: RoundStatus
    session: str | None
    results: list[ResultLine]


class QualifyingLine(Model):
    position: int | None
    class_: str = Field(alias="class")
    class_position: int | None
    grid: int | None
    car_no: str | None
    entry: str
    team: Ref | None
    driver: Ref | None
    time: str
    note: str


class QualifyingPage(Paging):
    season: str
    round: int
    name: str
    circuit: str
    qualifying: list[QualifyingLine]


class RoundHead(Model):
    number: int
    name: str
    circuit: str
    date: str | None
    duration: str
    status: RoundStatus


class ClassResults(Model):
    code: str
    results: list[ResultLine]


class RoundWinnerLine(Model):
    class_: str = Field(alias="class")
    car_no: str
    team: Ref | None
    drivers: list[Ref]
    overall: bool


class VersionLine(Model):
    overall_pos: int | None
    class_: str = Field(alias="class")
    class_pos: int | None
    entry: str | None
    team: Ref | None
    status: Status
    laps: int | None
    reason: str


class Version(Model):
    version: int
    revision: int
    status: RoundStatus
    created_at: str
    actor: str
    reason: str
    lines: int
    results: list[VersionLine] | None = None


class Decision(Model):
    number: int
    round: int
    session: str
    entry: str
    car: str
    kind: str
    value: str
    championship: str
    reason: str
    source: str
    state: str
    effect: str


class RoundPage(Model):
    season: SeasonInfo
    round: RoundHead
    previous: int | None
    next: int | None
    results: list[ResultLine]
    classes: list[ClassResults]
    winners: list[RoundWinnerLine]
    retirements: list[ResultLine]
    versions: list[Version]
    versions_total: int
    decisions: list[Decision]


class VersionsPage(Paging):
    season: str
    round: int
    versions: list[Version]


class WinnerLine(Model):
    round: int
    circuit: str
    class_: str = Field(alias="class")
    car_no: str
    team: Ref | None
    drivers: list[Ref]
    overall_winner: bool


class WinnersPage(Paging):
    season: str
    winners: list[WinnerLine]


class PenaltiesPage(Paging):
    season: str
    decisions: list[Decision]


class Laps(Open):
    season: str
    round: int
    name: str
    session: str
    sessions: list[str]
    cars: list[dict[str, object]]


# -- standings -------------------------------------------------------------------


class TableLink(Model):
    class_: str = Field(alias="class")
    championship: str
    after: int | None
    leaders: list[Ref] = Field(description="Everyone in first place (co-leaders share it).")
    total: Points | None
    url: str


class TablesPage(Paging):
    season: str
    tables: list[TableLink]


class Cell(Model):
    points: Points | None = Field(description="null: none scored (a retirement, say).")
    place: int | None
    status: Status | None
    dropped: bool


class StandingRow(Model):
    pos: str = Field(description="The place as printed: `3`, `10=` (shared).")
    place: int
    shared: bool
    competitor: Ref
    chassis: list[str] | None = None
    engines: list[str] | None = None
    rounds: dict[str, Cell | None] = Field(description="Round number -> its cell (null: absent).")
    total: Points


class Standings(Model):
    season: str
    championship: str
    class_: str = Field(alias="class")
    after: int | None
    rounds: list[int]
    rows: list[StandingRow]
    notes: list[str]
    provisional: list[int]
    revision: int


class LedgerRow(Model):
    competitor: Ref
    round: int
    entry: str | None
    place: int | None
    status: Status | None
    points: Points
    counts: bool
    reason: str
    withheld: Points | None
    rule: str | None
    kind: str


class LedgerPage(Paging):
    season: str
    championship: str
    class_: str = Field(alias="class")
    competitor: Ref | None
    rows: list[LedgerRow]


# -- the title fight (docs/title.md) ---------------------------------------------


class TitleFight(Open):
    title: str
    class_: str = Field(alias="class")
    championship: str
    after: int | None
    contenders: list[dict[str, object]]


class TitleOdds(Open):
    title: str
    after: int | None
    runs: int
    seed: int
    contenders: list[dict[str, object]]


# -- writes ------------------------------------------------------------------------


class TokenOut(Model):
    """What the bearer token may do (a 403 when it may not write the season asked)."""

    name: str = Field(examples=["results desk"])
    scope: Literal["admin", "write"]
    seasons: list[str]
    """The seasons a ``write`` token may write (none for ``admin``: every one)."""
    may_write: str = Field(examples=["alms-2004"])


class WriteAnswer(Open):
    """What a write did: the new revision and what it stored."""


ERRORS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorOut, "description": text}
    for status, text in (
        (404, "No such season, round, class, championship, team or driver"),
        (422, "A parameter out of range or unreadable"),
        (503, "The database is busy or away: try again (Retry-After)"),
    )
}
"""The refusals every read may answer, in the one error shape."""
WRITE_ERRORS: dict[int | str, dict[str, object]] = {
    **ERRORS,
    **{
        status: {"model": ErrorOut, "description": text}
        for status, text in (
            (400, "A body that cannot be read (broken multipart, say)"),
            (401, "No valid bearer token"),
            (403, "A valid token that may not make this write"),
            (409, "Conflicts with what is stored"),
            (413, "The body is too large"),
            (429, "Too many writes: wait Retry-After seconds"),
        )
    },
}
