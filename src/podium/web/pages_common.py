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
    html = environment().get_template(template).render(request_path=request.url.path, **context)
    as_of = request.query_params.get("as_of")
    if as_of:  # the reader stays in the state they asked for, page after page
        html = keep_as_of(html, as_of)
    return HTMLResponse(html, status_code=status)


def render_error(
    request: Request, status: int, title: str, problems: list[Problem]
) -> HTMLResponse:
    return render_page(
        request, "error.html", status=status, status_code=status, title=title, problems=problems
    )
