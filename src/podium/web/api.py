"""The read half of the JSON API under /api/v1. Every answer comes from the
scored-season cache: one repository call for the revision, one more for the
season only when that revision was not scored yet."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from podium.model import format_points
from podium.web import data
from podium.web.deps import AfterQuery, AsOfQuery, parse_as_of, repository, scored

router = APIRouter(prefix="/api/v1", tags=["read"])

SeasonId = Annotated[
    str, Path(description="Season id, e.g. alms-2004.", max_length=100, examples=["alms-2004"])
]
RoundNo = Annotated[int, Path(ge=1, le=1000, description="Round number, e.g. 9.", examples=[9])]
ClassCode = Annotated[str, Path(description="Class code, e.g. GT.", max_length=40, examples=["GT"])]
ChampId = Annotated[
    str,
    Path(description="Championship id: teams or drivers.", max_length=40, examples=["teams"]),
]


def json_bytes(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def answer(payload: Any) -> Response:
    return Response(json_bytes(payload), media_type="application/json")


@router.get("/series", summary="Series with their seasons")
def list_series(request: Request) -> Response:
    repo = repository(request)
    by_series: dict[str, dict[str, Any]] = {}
    for season_id in repo.season_ids():
        season = scored(season_id, None, request).season
        entry = by_series.setdefault(
            season.series.name,
            {"name": season.series.name, "short_name": season.series.short_name, "seasons": []},
        )
        entry["seasons"].append({"id": season.id, "year": season.year, "title": season.title})
    return answer(list(by_series.values()))


@router.get("/seasons", summary="Every stored season")
def list_seasons(request: Request) -> Response:
    out = []
    for season_id in repository(request).season_ids():
        s = scored(season_id, None, request)
        out.append(data.season_info(s.season, s.revision))
    return answer(out)


@router.get("/seasons/{season_id}", summary="A season: classes, championships, calendar")
def season(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    return answer(data.home(scored(season_id, parse_as_of(as_of), request)))


@router.get("/seasons/{season_id}/classes", summary="Classes and their technical rules")
def classes(season_id: SeasonId, request: Request) -> Response:
    return answer(data.classes(scored(season_id, None, request).season))


@router.get("/seasons/{season_id}/rounds", summary="The calendar")
def rounds(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    return answer(data.calendar(scored(season_id, parse_as_of(as_of), request)))


@router.get("/seasons/{season_id}/rounds/{round_number}", summary="A round with its results")
def round_(
    season_id: SeasonId, round_number: RoundNo, request: Request, as_of: AsOfQuery = None
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    s.season.round(round_number)
    versions = repository(request).result_versions(season_id, round_number)
    return answer(data.round_page(s, round_number, versions))


@router.get(
    "/seasons/{season_id}/rounds/{round_number}/results",
    summary="A round's classification, overall or for one class",
)
def results(
    season_id: SeasonId,
    round_number: RoundNo,
    request: Request,
    class_code: Annotated[str | None, Query(alias="class", max_length=40)] = None,
    as_of: AsOfQuery = None,
) -> Response:
    from podium.render.views import results_view

    s = scored(season_id, parse_as_of(as_of), request)
    lines = s.champs.classification(round_number, class_code)
    return answer(results_view(s.champs, round_number, lines).data)


@router.get(
    "/seasons/{season_id}/rounds/{round_number}/versions",
    summary="Every version of a round's results: who changed it, when and why",
)
def versions(season_id: SeasonId, round_number: RoundNo, request: Request) -> Response:
    s = scored(season_id, None, request)
    s.season.round(round_number)
    found = repository(request).result_versions(season_id, round_number)
    return answer([data.version_json(v) for v in found])


@router.get("/seasons/{season_id}/entries", summary="The entry list")
def entries(
    season_id: SeasonId,
    request: Request,
    class_code: Annotated[str | None, Query(alias="class", max_length=40)] = None,
) -> Response:
    from podium.render.season_views import entries_view

    season = scored(season_id, None, request).season
    code = season.car_class(class_code).code if class_code else None
    return answer(entries_view(season, code).data)


@router.get("/seasons/{season_id}/standings", summary="Leaders of every table")
def standings_index(
    season_id: SeasonId, request: Request, after: AfterQuery = None, as_of: AsOfQuery = None
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    if after is not None:
        s.season.round(after)
    out = []
    for car_class in s.season.classes:
        for champ in s.season.rules.championships:
            table = s.standings(champ.id, car_class.code, after)
            out.append(
                {
                    "class": car_class.code,
                    "championship": champ.id,
                    "after": after,
                    "leader": table.rows[0].competitor if table.rows else None,
                    "total": format_points(table.rows[0].total) if table.rows else None,
                    "url": f"/api/v1/seasons/{s.season.id}/standings/{car_class.code}/{champ.id}",
                }
            )
    return answer(out)


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
    code = s.season.car_class(class_code).code
    body = s.memo(
        ("api-standings", championship, code, after),
        lambda: json_bytes(
            {**s.standings_view(championship, code, after).data, "revision": s.revision}
        ),
    )
    return Response(body, media_type="application/json")


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
        str | None, Query(max_length=200, description="A team or driver (default: all).")
    ] = None,
    after: AfterQuery = None,
    as_of: AsOfQuery = None,
) -> Response:
    from podium.render.views import explain_view

    s = scored(season_id, parse_as_of(as_of), request)
    code = s.season.car_class(class_code).code
    champ = s.champs.championship(championship)
    if after is not None:
        s.season.round(after)
    if competitor:
        return answer(explain_view(s.champs.explain(competitor, code, champ.id, after)).data)
    rows = [
        r
        for r in s.champs.ledger
        if r.championship == champ.id
        and r.class_code == code
        and (after is None or r.round <= after)
    ]
    return answer(
        [
            {
                "competitor": r.competitor,
                "round": r.round,
                "entry": r.entry,
                "place": r.place,
                "status": r.status.value if r.status else None,
                "points": format_points(r.points) or "0",
                "counts": r.counts and not r.dropped,
                "reason": r.reason,
                "withheld": format_points(r.withheld) or None,
                "rule": r.rule.value or None,
                "kind": r.kind.value,
            }
            for r in rows
        ]
    )


@router.get("/seasons/{season_id}/winners", summary="Class winners of every round")
def winners(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    from podium.render.views import winners_view

    s = scored(season_id, parse_as_of(as_of), request)
    return answer(winners_view(s.season, s.winners).data)
