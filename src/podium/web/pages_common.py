"""Jinja2 templates and the helpers every page uses."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from podium.app.answer import slugify
from podium.errors import Problem
from podium.render.colour_key import LEGEND
from podium.web.as_of_links import keep_as_of


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("podium.web", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["legend"] = LEGEND
    env.filters["slug"] = slugify
    return env


def render_page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    page = context.get("page")
    if isinstance(page, dict) and page.get("season"):  # the header's season switcher
        context.setdefault("seasons", request.app.state.scored.season_list())
    html = environment().get_template(template).render(request_path=request.url.path, **context)
    as_of = request.query_params.get("as_of")
    if as_of and status < 400:  # the reader stays in the state they asked for, page after page
        # (not from an error page: the as_of may be what was wrong, and its
        # links would lead back to the same error)
        html = keep_as_of(html, as_of)
    return HTMLResponse(html, status_code=status)


def render_error(
    request: Request, status: int, title: str, problems: list[Problem]
) -> HTMLResponse:
    from podium.web.error_words import TITLES, in_words

    return render_page(
        request,
        "error.html",
        status=status,
        status_code=status,
        title=TITLES.get(status, title),
        problems=[in_words(p, status) for p in problems],
        season=_season_of(request) if status in (404, 422) else None,
    )


def _season_of(request: Request) -> str | None:
    """The stored season the failed address is under: the error page links
    back to it (a request that failed for want of a database never asks)."""
    parts = request.url.path.split("/")
    if len(parts) < 3 or parts[1] != "seasons":
        return None
    held = {s.id for s in request.app.state.scored.season_list()}
    return parts[2] if parts[2] in held else None
