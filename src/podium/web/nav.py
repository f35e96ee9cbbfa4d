"""What the header offers on every page: the season switcher (when the site
serves several seasons), the search of a season, and the site's icon."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from podium.app.search import MAX_QUERY, search
from podium.errors import NotFound
from podium.web.api import answer
from podium.web.deps import AsOfQuery, parse_as_of, scored, seasons
from podium.web.pages import SeasonId
from podium.web.pages_common import render_page

router = APIRouter(include_in_schema=False)

FAVICON = Path(__file__).resolve().parent / "static" / "favicon.svg"
SearchQuery = Annotated[str, Query(max_length=MAX_QUERY * 2)]


@router.get("/seasons")
def switch_season(request: Request, season: str = "", as_of: AsOfQuery = None) -> Response:
    """The switcher's form (a GET, so it works without JavaScript): to the
    chosen season's home page."""
    if not season:
        return RedirectResponse("/", status_code=303)
    if season not in {s.id for s in seasons(request).season_list()}:
        raise NotFound(f"no season {season!r} on this site")
    query = f"?as_of={quote(as_of, safe='')}" if as_of else ""
    return RedirectResponse(f"/seasons/{quote(season, safe='')}{query}", status_code=303)


@router.get("/seasons/{season_id}/search.json")
def search_json(
    season_id: SeasonId, request: Request, q: SearchQuery = "", as_of: AsOfQuery = None
) -> Response:
    return answer(search(scored(season_id, parse_as_of(as_of), request), q))


@router.get("/seasons/{season_id}/search")
def search_page(
    season_id: SeasonId, request: Request, q: SearchQuery = "", as_of: AsOfQuery = None
) -> Response:
    found = search(scored(season_id, parse_as_of(as_of), request), q)
    json_query = f"?q={quote(found.query, safe='')}" if found.query else ""
    return render_page(request, "search.html", page=found.to_json(), json_query=json_query)


@router.get("/favicon.ico")
def favicon() -> Response:
    """Browsers ask for /favicon.ico whatever the page links: the same SVG."""
    return FileResponse(
        FAVICON,
        media_type="image/svg+xml",
        headers={"Cache-Control": "public, max-age=86400"},
    )
