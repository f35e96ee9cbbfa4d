"""The results desk's page: forms for an organiser, driven by static/desk.js
over the write API with a bearer token the organiser types in. The page
itself is public and holds no secret: the token stays in the tab's
sessionStorage and goes only to /api/v1, never in a cookie or to a page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from podium.app.desk_page import desk_page
from podium.web.api import answer
from podium.web.deps import scored
from podium.web.pages import SeasonId
from podium.web.pages_common import render_page

router = APIRouter(include_in_schema=False)


@router.get("/seasons/{season_id}/desk.json")
def desk_json(season_id: SeasonId, request: Request) -> Response:
    return answer(desk_page(scored(season_id, None, request)))


@router.get("/seasons/{season_id}/desk")
def desk(season_id: SeasonId, request: Request) -> Response:
    page = desk_page(scored(season_id, None, request))
    return render_page(request, "desk.html", page=page.to_json())
