"""The title fight on the web: who can still win, what each contender needs,
and the odds, as a page with a ``.json`` twin and as JSON API endpoints.

Answers come from podium.title_service (the same functions as `podium title`
and `podium odds`) and are memoised per scored season, so they are computed
once per revision.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from podium.web.api import ChampId, ClassCode, SeasonId, answer
from podium.web.deps import AfterQuery, AsOfQuery, parse_as_of, scored
from podium.web.pages_common import render_page
from podium.web.scored import Scored

api = APIRouter(prefix="/api/v1", tags=["read"])
pages = APIRouter(include_in_schema=False)

WEB_ODDS_RUNS = 20_000
"""Simulated endings behind the odds shown on a page (seeded, so stable)."""
MAX_API_RUNS = 200_000
TIME_LIMIT = 2.0
"""Seconds the exact solver may take per contender before answering "unknown"."""

RunsQuery = Annotated[int, Query(ge=100, le=MAX_API_RUNS, description="Simulated season endings.")]
SeedQuery = Annotated[
    int, Query(ge=0, le=2**31 - 1, description="Random seed (same seed, same odds).")
]
RetireQuery = Annotated[
    float | None,
    Query(ge=0, le=0.95, description="Chance a car retires (default: this season's rate)."),
]


def _after(s: Scored, after: int | None) -> int | None:
    """Default: after the last round with results but one, when the season is
    over (the last round's title fight), else after the last round held."""
    if after is not None:
        s.season.round(after)
        return after
    held: tuple[int, ...] = s.season.rounds_with_results()
    if not held:
        return None
    if held[-1] == s.season.rounds[-1].number and len(held) > 1:
        return held[-2]
    return held[-1]


def fight(s: Scored, class_code: str, championship: str, after: int | None) -> dict[str, Any]:
    from podium.title_service import title_fight

    code = s.season.car_class(class_code).code
    s.champs.championship(championship)
    return s.memo(  # type: ignore[no-any-return]
        ("title", championship, code, after),
        lambda: title_fight(s.champs, code, championship, after, time_limit=TIME_LIMIT),
    )


def odds(
    s: Scored,
    class_code: str,
    championship: str,
    after: int | None,
    runs: int,
    seed: int,
    retire_rate: float | None = None,
) -> dict[str, Any]:
    """Odds with a uniform finishing order; cars retire at ``retire_rate``
    (default: the share of starters this season saw retire)."""
    from podium.title_service import observed_retire_rate, title_odds

    code = s.season.car_class(class_code).code
    s.champs.championship(championship)
    rate = observed_retire_rate(s.champs, after) if retire_rate is None else retire_rate
    return s.memo(  # type: ignore[no-any-return]
        ("odds", championship, code, after, runs, seed, rate),
        lambda: title_odds(
            s.champs, code, championship, after, runs=runs, seed=seed, retire_rate=rate
        ),
    )


@api.get(
    "/seasons/{season_id}/title/{class_code}/{championship}",
    summary="Title fight: champion / can still win / eliminated, and what each contender needs",
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
    return answer(fight(s, class_code, championship, _after(s, after)))


@api.get(
    "/seasons/{season_id}/title/{class_code}/{championship}/odds",
    summary="Title odds by seeded Monte Carlo over the remaining rounds, with standard errors",
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
    when = _after(s, after)
    return answer(odds(s, class_code, championship, when, runs, seed, retire_rate))


def _page_data(s: Scored, class_code: str, championship: str, after: int | None) -> dict[str, Any]:
    from podium.web import data

    when = _after(s, after)
    title = fight(s, class_code, championship, when)
    chances = (
        odds(s, class_code, championship, when, WEB_ODDS_RUNS, 0) if title["open_rounds"] else None
    )
    return {
        "season": data.season_info(s.season, s.revision, s.as_of),
        "class": s.season.car_class(class_code).code,
        "championship": championship,
        "after": when,
        "rounds_all": [{"number": r.number, "label": r.label} for r in s.season.rounds],
        "fight": title,
        "odds": chances,
    }


@pages.get("/seasons/{season_id}/title/{class_code}/{championship}.json")
def title_page_json(
    season_id: Annotated[str, Path(max_length=100)],
    class_code: Annotated[str, Path(max_length=40)],
    championship: Annotated[str, Path(max_length=40)],
    request: Request,
    after: AfterQuery = None,
    as_of: AsOfQuery = None,
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    return answer(_page_data(s, class_code, championship, after))


@pages.get("/seasons/{season_id}/title/{class_code}/{championship}")
def title_page(
    season_id: Annotated[str, Path(max_length=100)],
    class_code: Annotated[str, Path(max_length=40)],
    championship: Annotated[str, Path(max_length=40)],
    request: Request,
    after: AfterQuery = None,
    as_of: AsOfQuery = None,
) -> Response:
    from podium.title_service import title_chart

    s = scored(season_id, parse_as_of(as_of), request)
    page = _page_data(s, class_code, championship, after)
    chart = s.memo(
        ("title-chart", championship, page["class"], page["after"]),
        lambda: title_chart(page["fight"], page["odds"]),
    )
    from podium.web import data

    return render_page(
        request,
        "title.html",
        page=page,
        chart=chart,
        classes=[c.code for c in s.season.classes],
        championships=data.championships(s.season),
    )
