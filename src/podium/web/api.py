"""The read half of the JSON API under /api/v1. Every answer comes from the
scored-season cache: one repository call for the revision, one more for the
season only when that revision was not scored yet. Each route returns an
answer's ``to_json()``; a collection a page of it (``limit``, ``offset``,
``total``). Each route declares its answer's model (web/schemas.py) for the
OpenAPI document; the answer is sent as it is, never validated per request."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from podium import __version__
from podium.app import people, site
from podium.app import rounds as round_answers
from podium.app import standings as standings_answers
from podium.app.answer import JSON, Answer
from podium.app.explain import explain as explain_points
from podium.web import schemas
from podium.web.deps import (
    AfterQuery,
    AsOfQuery,
    SessionQuery,
    held_laps,
    parse_as_of,
    repository,
    scored,
)

router = APIRouter(prefix="/api/v1", tags=["read"], responses=schemas.ERRORS)

PRINTABLE = r"^[^\x00-\x1f\x7f]+$"
"""No control characters in an id (a NUL reached PostgreSQL once: a 500)."""
SeasonId = Annotated[
    str,
    Path(
        description="Season id, e.g. alms-2004.",
        max_length=100,
        pattern=PRINTABLE,
        examples=["alms-2004"],
    ),
]
RoundNo = Annotated[int, Path(ge=1, le=1000, description="Round number, e.g. 9.", examples=[9])]
ClassCode = Annotated[str, Path(description="Class code, e.g. GT.", max_length=40, examples=["GT"])]
ChampId = Annotated[
    str,
    Path(description="Championship id: teams or drivers.", max_length=40, examples=["teams"]),
]
ClassQuery = Annotated[str | None, Query(alias="class", max_length=40)]

PAGE = 100
"""A collection's default page."""
PAGE_MAX = 1000
Limit = Annotated[int, Query(ge=1, le=PAGE_MAX, description="At most this many (1 to 1000).")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Skip this many first.")]


def json_bytes(payload: JSON) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def answer(found: Answer, status_code: int = 200) -> Response:
    return Response(json_bytes(found.to_json()), status_code, media_type="application/json")


def paged(
    found: Answer, key: str, limit: int, offset: int, head: dict[str, JSON] | None = None
) -> Response:
    """A page of a collection: ``found``'s list (its JSON, or its ``key``
    field) from ``offset``, at most ``limit`` long, after ``head`` and the
    paging fields."""
    payload = found.to_json()
    fields = dict(payload) if isinstance(payload, dict) else {}
    items = payload if isinstance(payload, list) else fields.pop(key)
    assert isinstance(items, list)
    page: dict[str, JSON] = {
        **(head or {}),
        **fields,
        "total": len(items),
        "limit": limit,
        "offset": offset,
        key: items[offset : offset + limit],
    }
    return Response(json_bytes(page), media_type="application/json")


@router.get("", summary="This index: the API's routes and seasons", response_model=schemas.ApiIndex)
def index(request: Request) -> Response:
    paths = request.app.openapi()["paths"]  # built once, then cached by FastAPI
    routes: list[JSON] = [
        {"path": path, "summary": ops["get"].get("summary", "")}
        for path, ops in paths.items()
        if "get" in ops
    ]
    body: dict[str, JSON] = {
        "name": "podium",
        "version": __version__,
        "openapi": "/api/v1/openapi.json",
        "docs": "/api/v1/docs",
        "seasons": list(repository(request).season_ids()),
        "routes": routes,
    }
    return Response(json_bytes(body), media_type="application/json")


@router.get("/series", summary="Series with their seasons", response_model=schemas.SeriesPage)
def list_series(request: Request, limit: Limit = PAGE, offset: Offset = 0) -> Response:
    ids = repository(request).season_ids()
    found = site.series_list([scored(i, None, request).season for i in ids])
    return paged(found, "series", limit, offset)


@router.get("/seasons", summary="Every stored season", response_model=schemas.SeasonsPage)
def list_seasons(request: Request, limit: Limit = PAGE, offset: Offset = 0) -> Response:
    found = [scored(i, None, request) for i in repository(request).season_ids()]
    listed = site.SeasonList(tuple(site.info_of(s.season, s.revision) for s in found))
    return paged(listed, "seasons", limit, offset)


@router.get(
    "/seasons/{season_id}",
    summary="A season: classes, championships, calendar, leaders",
    response_model=schemas.SeasonHome,
)
def season(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    return answer(site.home(scored(season_id, parse_as_of(as_of), request)))


@router.get(
    "/seasons/{season_id}/classes",
    summary="Classes and their technical rules",
    response_model=schemas.ClassesPage,
)
def classes(
    season_id: SeasonId, request: Request, limit: Limit = PAGE, offset: Offset = 0
) -> Response:
    found = site.ClassList(site.class_infos(scored(season_id, None, request).season))
    return paged(found, "classes", limit, offset, {"season": season_id})


@router.get(
    "/seasons/{season_id}/rounds", summary="The calendar", response_model=schemas.RoundsPage
)
def rounds(
    season_id: SeasonId,
    request: Request,
    as_of: AsOfQuery = None,
    limit: Limit = PAGE,
    offset: Offset = 0,
) -> Response:
    found = site.calendar_rounds(scored(season_id, parse_as_of(as_of), request))
    return paged(site.CalendarList(found), "rounds", limit, offset, {"season": season_id})


@router.get(
    "/seasons/{season_id}/rounds/{round_number}",
    summary="A round with its results",
    response_model=schemas.RoundPage,
)
def round_(
    season_id: SeasonId, round_number: RoundNo, request: Request, as_of: AsOfQuery = None
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    s.season.round(round_number)
    versions = round_answers.newest_versions(repository(request), s, round_number)
    return answer(round_answers.round_page(s, round_number, versions))


@router.get(
    "/seasons/{season_id}/rounds/{round_number}/results",
    summary="A round's classification, overall or for one class",
    response_model=schemas.ResultsPage,
)
def results(
    season_id: SeasonId,
    round_number: RoundNo,
    request: Request,
    class_code: ClassQuery = None,
    as_of: AsOfQuery = None,
    limit: Limit = PAGE,
    offset: Offset = 0,
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    found = round_answers.results_report(s, round_number, class_code)
    return paged(found, "results", limit, offset)


@router.get(
    "/seasons/{season_id}/rounds/{round_number}/qualifying",
    summary="A round's qualifying, overall or for one class",
    response_model=schemas.QualifyingPage,
)
def qualifying(
    season_id: SeasonId,
    round_number: RoundNo,
    request: Request,
    class_code: ClassQuery = None,
    limit: Limit = PAGE,
    offset: Offset = 0,
) -> Response:
    s = scored(season_id, None, request)
    found = round_answers.qualifying_report(s, round_number, class_code)
    return paged(found, "qualifying", limit, offset)


@router.get(
    "/seasons/{season_id}/rounds/{round_number}/versions",
    summary="The versions of a round's results, a page at a time: who changed it, when and why",
    response_model=schemas.VersionsPage,
)
def versions(
    season_id: SeasonId,
    round_number: RoundNo,
    request: Request,
    limit: Annotated[
        int,
        Query(ge=1, le=round_answers.VERSIONS_MAX, description="Versions per page (at most 500)."),
    ] = round_answers.VERSIONS_PAGE,
    offset: Annotated[
        int,
        Query(ge=0, le=1_000_000, description="Versions to skip, oldest first (0: version 1)."),
    ] = 0,
) -> Response:
    scored(season_id, None, request).season.round(round_number)
    repo = repository(request)
    total = repo.version_page(season_id, round_number, 0).total
    found = repo.result_versions(season_id, round_number, limit, offset) if total > offset else []
    listed = tuple(round_answers.VersionInfo(v) for v in found)
    return answer(round_answers.VersionList(season_id, round_number, total, offset, limit, listed))


@router.get(
    "/seasons/{season_id}/rounds/{round_number}/laps",
    summary="Every lap of a session of the round, car by car, with places in class and gaps",
    response_model=schemas.Laps,
)
def laps(
    season_id: SeasonId,
    round_number: RoundNo,
    request: Request,
    session: SessionQuery = "race",
    car: Annotated[
        str | None, Query(max_length=50, description="Only this car: its number or entry key.")
    ] = None,
) -> Response:
    from podium.app.laps import round_laps

    s = scored(season_id, None, request)
    held = held_laps(s, season_id, round_number, request)
    return answer(round_laps(s, round_number, held, session, car))


@router.get(
    "/seasons/{season_id}/entries", summary="The entry list", response_model=schemas.EntriesPage
)
def entries(
    season_id: SeasonId,
    request: Request,
    class_code: ClassQuery = None,
    limit: Limit = PAGE,
    offset: Offset = 0,
) -> Response:
    found = people.entry_list(scored(season_id, None, request), class_code)
    return paged(found, "entries", limit, offset, {"season": season_id})


@router.get(
    "/seasons/{season_id}/drivers",
    summary="The season's drivers, with their ids and cars",
    response_model=schemas.DriversPage,
)
def drivers(
    season_id: SeasonId, request: Request, limit: Limit = PAGE, offset: Offset = 0
) -> Response:
    found = people.driver_list(scored(season_id, None, request))
    return paged(found, "drivers", limit, offset, {"season": season_id})


@router.get(
    "/seasons/{season_id}/teams",
    summary="The season's teams, with their ids and cars",
    response_model=schemas.TeamsPage,
)
def teams(
    season_id: SeasonId, request: Request, limit: Limit = PAGE, offset: Offset = 0
) -> Response:
    found = people.team_list(scored(season_id, None, request))
    return paged(found, "teams", limit, offset, {"season": season_id})


@router.get(
    "/seasons/{season_id}/circuits",
    summary="The season's circuits, with the rounds held there",
    response_model=schemas.CircuitsPage,
)
def circuits(
    season_id: SeasonId, request: Request, limit: Limit = PAGE, offset: Offset = 0
) -> Response:
    found = site.circuit_list(scored(season_id, None, request).season)
    return paged(found, "circuits", limit, offset, {"season": season_id})


@router.get(
    "/seasons/{season_id}/standings",
    summary="The leaders of every table",
    response_model=schemas.TablesPage,
)
def standings_index(
    season_id: SeasonId,
    request: Request,
    after: AfterQuery = None,
    as_of: AsOfQuery = None,
    limit: Limit = PAGE,
    offset: Offset = 0,
) -> Response:
    found = site.standings_index(scored(season_id, parse_as_of(as_of), request), after)
    return paged(found, "tables", limit, offset, {"season": season_id})


@router.get(
    "/seasons/{season_id}/standings/{class_code}/{championship}",
    summary="A championship table: places, points per round, totals",
    response_model=schemas.Standings,
)
def standings(
    season_id: SeasonId,
    class_code: ClassCode,
    championship: ChampId,
    request: Request,
    after: AfterQuery = None,
    as_of: AsOfQuery = None,
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    code = s.class_code(class_code)

    def body() -> bytes:
        report = standings_answers.standings_report(s, championship, code, after).to_json()
        assert isinstance(report, dict)
        return json_bytes({**report, "revision": s.revision})

    return Response(
        s.memo(("api-standings", championship, code, after), body),
        media_type="application/json",
    )


@router.get(
    "/seasons/{season_id}/standings/{class_code}/{championship}/ledger",
    summary="The ledger behind a table: every decision, with points and the rule",
    response_model=schemas.LedgerPage,
)
def ledger(
    season_id: SeasonId,
    class_code: ClassCode,
    championship: ChampId,
    request: Request,
    competitor: Annotated[
        str | None,
        Query(max_length=200, description="A team, driver, car (#31) or make (default: all)."),
    ] = None,
    after: AfterQuery = None,
    as_of: AsOfQuery = None,
    limit: Limit = PAGE_MAX,
    offset: Offset = 0,
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    code = s.class_code(class_code)
    champ = s.championship(championship)
    name = None
    if competitor:  # a name, an alias, "#31" or a make: as this table names it
        found = explain_points(s, competitor, code, champ.id, after).explanations
        name = found[0].competitor if found else competitor
    report = standings_answers.ledger_report(s, champ.id, code, after, name)
    return paged(report, "rows", limit, offset)


@router.get(
    "/seasons/{season_id}/penalties",
    summary="The stewards' decisions, numbered, with what each does and whether it stands",
    response_model=schemas.PenaltiesPage,
)
def penalties(
    season_id: SeasonId,
    request: Request,
    round_number: Annotated[int | None, Query(alias="round", ge=1, le=1000)] = None,
    as_of: AsOfQuery = None,
    limit: Limit = PAGE,
    offset: Offset = 0,
) -> Response:
    from podium.app.penalties import decision_list

    s = scored(season_id, parse_as_of(as_of), request)
    found = decision_list(s.printed, round_number)
    return paged(found, "decisions", limit, offset, {"season": season_id})


@router.get(
    "/seasons/{season_id}/winners",
    summary="Class winners of every round",
    response_model=schemas.WinnersPage,
)
def winners(
    season_id: SeasonId,
    request: Request,
    as_of: AsOfQuery = None,
    limit: Limit = PAGE,
    offset: Offset = 0,
) -> Response:
    found = round_answers.winners_report(scored(season_id, parse_as_of(as_of), request))
    return paged(found, "winners", limit, offset, {"season": season_id})
