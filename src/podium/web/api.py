"""The read half of the JSON API under /api/v1. Every answer comes from the
scored-season cache: one repository call for the revision, one more for the
season only when that revision was not scored yet. Each route returns an
answer's ``to_json()``."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from podium.app import people, site
from podium.app import rounds as round_answers
from podium.app import standings as standings_answers
from podium.app.answer import JSON, Answer
from podium.app.explain import explain as explain_points
from podium.web.deps import (
    AfterQuery,
    AsOfQuery,
    SessionQuery,
    held_laps,
    parse_as_of,
    repository,
    scored,
)

router = APIRouter(prefix="/api/v1", tags=["read"])

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


def json_bytes(payload: JSON) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def answer(found: Answer, status_code: int = 200) -> Response:
    return Response(json_bytes(found.to_json()), status_code, media_type="application/json")


@router.get("/series", summary="Series with their seasons")
def list_series(request: Request) -> Response:
    ids = repository(request).season_ids()
    return answer(site.series_list([scored(i, None, request).season for i in ids]))


@router.get("/seasons", summary="Every stored season")
def list_seasons(request: Request) -> Response:
    found = [scored(i, None, request) for i in repository(request).season_ids()]
    return answer(site.SeasonList(tuple(site.info_of(s.season, s.revision) for s in found)))


@router.get("/seasons/{season_id}", summary="A season: classes, championships, calendar")
def season(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    return answer(site.home(scored(season_id, parse_as_of(as_of), request)))


@router.get("/seasons/{season_id}/classes", summary="Classes and their technical rules")
def classes(season_id: SeasonId, request: Request) -> Response:
    return answer(site.ClassList(site.class_infos(scored(season_id, None, request).season)))


@router.get("/seasons/{season_id}/rounds", summary="The calendar")
def rounds(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    found = site.calendar_rounds(scored(season_id, parse_as_of(as_of), request))
    return answer(site.CalendarList(found))


@router.get("/seasons/{season_id}/rounds/{round_number}", summary="A round with its results")
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
)
def results(
    season_id: SeasonId,
    round_number: RoundNo,
    request: Request,
    class_code: ClassQuery = None,
    as_of: AsOfQuery = None,
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    return answer(round_answers.results_report(s, round_number, class_code))


@router.get(
    "/seasons/{season_id}/rounds/{round_number}/versions",
    summary="The versions of a round's results, a page at a time: who changed it, when and why",
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


@router.get("/seasons/{season_id}/entries", summary="The entry list")
def entries(season_id: SeasonId, request: Request, class_code: ClassQuery = None) -> Response:
    return answer(people.entry_list(scored(season_id, None, request), class_code))


@router.get("/seasons/{season_id}/standings", summary="Leaders of every table")
def standings_index(
    season_id: SeasonId, request: Request, after: AfterQuery = None, as_of: AsOfQuery = None
) -> Response:
    return answer(site.standings_index(scored(season_id, parse_as_of(as_of), request), after))


@router.get(
    "/seasons/{season_id}/standings/{class_code}/{championship}",
    summary="A championship table: places, points per round, totals",
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
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    code = s.class_code(class_code)
    champ = s.championship(championship)
    if after is not None:
        s.season.round(after)
    if competitor:
        return answer(explain_points(s, competitor, code, champ.id, after))
    return answer(standings_answers.ledger_report(s, champ.id, code, after))


@router.get(
    "/seasons/{season_id}/penalties",
    summary="The stewards' decisions, numbered, with what each does and whether it stands",
)
def penalties(
    season_id: SeasonId,
    request: Request,
    round_number: Annotated[int | None, Query(alias="round", ge=1, le=1000)] = None,
    as_of: AsOfQuery = None,
) -> Response:
    from podium.app.penalties import decision_list

    s = scored(season_id, parse_as_of(as_of), request)
    return answer(decision_list(s.printed, round_number))


@router.get("/seasons/{season_id}/winners", summary="Class winners of every round")
def winners(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    return answer(round_answers.winners_report(scored(season_id, parse_as_of(as_of), request)))
