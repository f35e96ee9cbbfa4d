"""The title fight on the web: who can still win, what each contender needs,
and the odds, as a page with a ``.json`` twin and as JSON API endpoints.

Answers come from ``podium.app.title`` (the same functions as `podium title`
and `podium odds`) and are memoised per scored season, so they are computed
once per revision.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from podium.app import site
from podium.app.title_page import (
    WEB_ODDS_RUNS,
    default_after,
    memo_fight,
    memo_odds,
    title_page,
)
from podium.render.title_chart import title_chart_svg
from podium.web import schemas
from podium.web.api import PRINTABLE, ChampId, ClassCode, SeasonId, answer
from podium.web.deps import AfterQuery, AsOfQuery, parse_as_of, scored
from podium.web.pages_common import render_page

api = APIRouter(prefix="/api/v1", tags=["read"], responses=schemas.ERRORS)
pages = APIRouter(include_in_schema=False)

MAX_API_RUNS = 200_000
CHART_WIDTH = 540
"""The title page's chart, in SVG px (it scales down to the screen)."""

RunsQuery = Annotated[int, Query(ge=100, le=MAX_API_RUNS, description="Simulated season endings.")]
SeedQuery = Annotated[
    int, Query(ge=0, le=2**31 - 1, description="Random seed (same seed, same odds).")
]
RetireQuery = Annotated[
    float | None,
    Query(ge=0, le=0.95, description="Chance a car retires (default: this season's rate)."),
]


@api.get(
    "/seasons/{season_id}/title/{class_code}/{championship}",
    summary="Title fight: champion / can still win / eliminated, and what each contender needs",
    response_model=schemas.TitleFight,
)
def title_api(
    season_id: SeasonId,
    class_code: ClassCode,
    championship: ChampId,
    request: Request,
    after: AfterQuery = None,
    as_of: AsOfQuery = None,
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    return answer(memo_fight(s, class_code, championship, default_after(s, after)))


@api.get(
    "/seasons/{season_id}/title/{class_code}/{championship}/odds",
    summary="Title odds by seeded Monte Carlo over the remaining rounds, with standard errors",
    response_model=schemas.TitleOdds,
)
def odds_api(
    season_id: SeasonId,
    class_code: ClassCode,
    championship: ChampId,
    request: Request,
    after: AfterQuery = None,
    as_of: AsOfQuery = None,
    runs: RunsQuery = WEB_ODDS_RUNS,
    seed: SeedQuery = 0,
    retire_rate: RetireQuery = None,
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    when = default_after(s, after)
    return answer(memo_odds(s, class_code, championship, when, runs, seed, retire_rate))


@pages.get("/seasons/{season_id}/title/{class_code}/{championship}.json")
def title_page_json(
    season_id: Annotated[str, Path(max_length=100, pattern=PRINTABLE)],
    class_code: Annotated[str, Path(max_length=40)],
    championship: Annotated[str, Path(max_length=40)],
    request: Request,
    after: AfterQuery = None,
    as_of: AsOfQuery = None,
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    return answer(title_page(s, class_code, championship, after))


@pages.get("/seasons/{season_id}/title/{class_code}/{championship}")
def title_html(
    season_id: Annotated[str, Path(max_length=100, pattern=PRINTABLE)],
    class_code: Annotated[str, Path(max_length=40)],
    championship: Annotated[str, Path(max_length=40)],
    request: Request,
    after: AfterQuery = None,
    as_of: AsOfQuery = None,
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    page = title_page(s, class_code, championship, after)
    chart = s.memo(
        ("title-chart", championship, page.class_code, page.after),
        # Narrower than a saved chart, so that its labels stay legible on a phone.
        lambda: title_chart_svg(page.fight, page.odds, width=CHART_WIDTH),
    )
    return render_page(
        request,
        "title.html",
        page=page.to_json(),
        chart=chart,
        classes=[c.code for c in s.season.classes],
        championships=[c.to_json() for c in site.championship_infos(s.season)],
    )
