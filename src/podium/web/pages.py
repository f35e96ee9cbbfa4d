"""Server-rendered pages. Each page has a ``.json`` twin with the very dict it
renders; standings and results also download as CSV, Markdown and wikitext."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from podium.render.progression_chart import progression_svg
from podium.web import data
from podium.web.api import answer
from podium.web.deps import AfterQuery, AsOfQuery, parse_as_of, repository, scored
from podium.web.pages_common import render_page
from podium.web.scored import Scored

router = APIRouter(include_in_schema=False)

SeasonId = Annotated[str, Path(max_length=100)]
Slug = Annotated[str, Path(max_length=200)]
Ext = Literal["json", "csv", "md", "wiki"]
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "wiki": "text/plain; charset=utf-8",
}


def _page(request: Request, template: str, payload: dict[str, Any], **extra: Any) -> HTMLResponse:
    return render_page(request, template, page=payload, **extra)


@router.get("/")
def index(request: Request) -> Response:
    ids = repository(request).season_ids()
    if len(ids) == 1:
        return RedirectResponse(f"/seasons/{ids[0]}", status_code=302)
    seasons = [data.season_info(scored(i, None, request).season, 0) for i in ids]
    return _page(request, "index.html", {"seasons": seasons})


# -- season home, calendar, entries ---------------------------------------


@router.get("/seasons/{season_id}.json")
def home_json(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    return answer(data.home(scored(season_id, parse_as_of(as_of), request)))


@router.get("/seasons/{season_id}")
def home(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    return _page(request, "home.html", data.home(scored(season_id, parse_as_of(as_of), request)))


def _calendar(season_id: str, request: Request, as_of: str | None) -> dict[str, Any]:
    s = scored(season_id, parse_as_of(as_of), request)
    return {"season": data.season_info(s.season, s.revision, s.as_of), "calendar": data.calendar(s)}


@router.get("/seasons/{season_id}/calendar.json")
def calendar_json(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    return answer(_calendar(season_id, request, as_of))


@router.get("/seasons/{season_id}/calendar")
def calendar(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    return _page(request, "calendar.html", _calendar(season_id, request, as_of))


@router.get("/seasons/{season_id}/entries.json")
def entries_json(season_id: SeasonId, request: Request) -> Response:
    return answer(data.entries(scored(season_id, None, request)))


@router.get("/seasons/{season_id}/entries")
def entries(season_id: SeasonId, request: Request) -> Response:
    return _page(request, "entries.html", data.entries(scored(season_id, None, request)))


# -- rounds -------------------------------------------------------------------


def _round(season_id: str, number: int, request: Request, as_of: str | None) -> dict[str, Any]:
    s = scored(season_id, parse_as_of(as_of), request)
    s.season.round(number)
    return data.round_page(s, number, repository(request).result_versions(season_id, number))


@router.get("/seasons/{season_id}/rounds/{number}.{ext}")
def round_download(
    season_id: SeasonId,
    number: Annotated[int, Path(ge=1, le=1000)],
    ext: Ext,
    request: Request,
    as_of: AsOfQuery = None,
) -> Response:
    if ext == "json":
        return answer(_round(season_id, number, request, as_of))
    from podium.render.tabular import Format, render
    from podium.render.views import results_view
    from podium.render.wikitext import results_wikitext

    s = scored(season_id, parse_as_of(as_of), request)
    lines = s.champs.classification(number)
    if ext == "wiki":
        text = results_wikitext(s.champs, number, lines)
    else:
        text = render(results_view(s.champs, number, lines), Format(ext))
    return Response(text, media_type=MEDIA[ext])


@router.get("/seasons/{season_id}/rounds/{number}")
def round_page(
    season_id: SeasonId,
    number: Annotated[int, Path(ge=1, le=1000)],
    request: Request,
    as_of: AsOfQuery = None,
) -> Response:
    return _page(request, "round.html", _round(season_id, number, request, as_of))


# -- standings ----------------------------------------------------------------


def _standings(s: Scored, class_code: str, championship: str, after: int | None) -> dict[str, Any]:
    if after is not None:
        s.season.round(after)
    code = s.season.car_class(class_code).code
    return s.memo(  # type: ignore[no-any-return]
        ("page-standings", championship, code, after),
        lambda: data.standings(s, championship, code, after),
    )


@router.get("/seasons/{season_id}/standings/{class_code}/{championship}.{ext}")
def standings_download(
    season_id: SeasonId,
    class_code: Annotated[str, Path(max_length=40)],
    championship: Annotated[str, Path(max_length=40)],
    ext: Ext,
    request: Request,
    after: AfterQuery = None,
    as_of: AsOfQuery = None,
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    if ext == "json":
        return answer(_standings(s, class_code, championship, after))
    from podium.render.tabular import Format, render
    from podium.render.wikitext import standings_wikitext

    if after is not None:
        s.season.round(after)
    code = s.season.car_class(class_code).code
    if ext == "wiki":
        text = standings_wikitext(s.champs, s.standings(championship, code, after))
    else:
        text = render(s.standings_view(championship, code, after), Format(ext))
    return Response(text, media_type=MEDIA[ext])


@router.get("/seasons/{season_id}/standings/{class_code}/{championship}")
def standings(
    season_id: SeasonId,
    class_code: Annotated[str, Path(max_length=40)],
    championship: Annotated[str, Path(max_length=40)],
    request: Request,
    after: AfterQuery = None,
    as_of: AsOfQuery = None,
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    page = _standings(s, class_code, championship, after)
    return _page(
        request,
        "standings.html",
        page,
        chart=s.memo(
            ("chart", championship, page["class"], after),
            lambda: progression_svg(page["progression"], page["rounds"]),
        ),
        classes=[c.code for c in s.season.classes],
        championships=data.championships(s.season),
        query=f"?after={after}" if after else "",
    )


# -- teams and drivers ------------------------------------------------------------


@router.get("/seasons/{season_id}/teams/{slug}.json")
def team_json(season_id: SeasonId, slug: Slug, request: Request) -> Response:
    return answer(data.team(scored(season_id, None, request), slug))


@router.get("/seasons/{season_id}/teams/{slug}")
def team(season_id: SeasonId, slug: Slug, request: Request) -> Response:
    return _page(request, "team.html", data.team(scored(season_id, None, request), slug))


@router.get("/seasons/{season_id}/drivers/{slug}.json")
def driver_json(season_id: SeasonId, slug: Slug, request: Request) -> Response:
    return answer(data.driver(scored(season_id, None, request), slug))


@router.get("/seasons/{season_id}/drivers/{slug}")
def driver(season_id: SeasonId, slug: Slug, request: Request) -> Response:
    return _page(request, "driver.html", data.driver(scored(season_id, None, request), slug))
