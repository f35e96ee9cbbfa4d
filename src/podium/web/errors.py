"""One JSON error shape for every refusal, FastAPI's own included:

    {"error": {"status": 422, "title": "...",
               "problems": [{"file", "line", "field", "message", "expected", "found"}]}}

HTML pages get the same facts as a small page.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from podium.app.answer import JSON
from podium.errors import Conflict, InputError, NotFound, PodiumError, Problem

log = logging.getLogger("podium.web")

TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Upload too large",
    422: "Unprocessable input",
    429: "Too many requests",
    500: "Internal server error",
    503: "Service unavailable",
}


def problem_json(p: Problem) -> dict[str, JSON]:
    return {
        "file": p.file,
        "line": p.line,
        "field": p.field,
        "message": p.message,
        "expected": p.expected,
        "found": p.found,
    }


def error_body(status: int, problems: list[Problem], title: str = "") -> dict[str, JSON]:
    return {
        "error": {
            "status": status,
            "title": title or TITLES.get(status, "Error"),
            "problems": [problem_json(p) for p in problems],
        }
    }


class ApiError(PodiumError):
    """A refusal with an HTTP status (401 without a valid token, ...)."""

    def __init__(self, status: int, problems: list[Problem] | Problem | str) -> None:
        super().__init__(problems)
        self.status = status


def unavailable(exc: OperationalError) -> tuple[Problem, str]:
    """The 503 problem and its ``Retry-After`` for a database error: a lock
    held past the bounded wait (another writer), or the database away. The
    request may succeed later."""
    reason = str(exc.orig or exc).strip().splitlines()[0][:200]
    locked = "lock" in reason.lower()
    problem = Problem(
        "database",
        None,
        "lock" if locked else "connection",
        "the season is being written by another request: try again in a moment"
        if locked
        else "the database is not answering: try again in a moment",
        found=reason,
    )
    return problem, "2" if locked else "5"


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith((".json", ".csv", ".md", ".wiki")):
        return False
    return "text/html" in request.headers.get("accept", "")


def _respond(
    request: Request, status: int, problems: list[Problem], headers: dict[str, str] | None = None
) -> Response:
    body = error_body(status, problems)
    if _wants_html(request):
        from podium.web.pages_common import render_error

        title = TITLES.get(status, "Error")
        return render_error(request, status, title, problems)
    return JSONResponse(body, status_code=status, headers=headers)


def _location(loc: tuple[Any, ...] | list[Any]) -> tuple[str, str]:
    """FastAPI's ('query', 'after') as file 'query', field 'after'."""
    parts = [str(x) for x in loc]
    return (parts[0] if parts else "request", ".".join(parts[1:]) or (parts[0] if parts else ""))


def _allowed(app: FastAPI, path: str) -> str:
    """Every method of every route at ``path``: the router's own ``Allow``
    names only the first route it tried (GET of a path that also takes POST)."""
    methods: set[str] = set()
    for template, ops in app.openapi()["paths"].items():
        parts = ("[^/]+" if p.startswith("{") else re.escape(p) for p in template.split("/"))
        if re.fullmatch("/".join(parts), path):
            methods |= {m.upper() for m in ops}
    if "GET" in methods:
        methods.add("HEAD")  # web/reads.py
    return ", ".join(sorted(methods))


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return _respond(request, exc.status, exc.problems, headers)

    @app.exception_handler(Conflict)
    async def conflict(request: Request, exc: Conflict) -> Response:
        return _respond(request, 409, exc.problems)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _respond(request, 404, exc.problems)

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return _respond(request, 422, exc.problems)

    @app.exception_handler(PodiumError)
    async def podium_error(request: Request, exc: PodiumError) -> Response:
        return _respond(request, 422, exc.problems)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            where, field = _location(err.get("loc", ()))
            found = err.get("input")
            problems.append(
                Problem(
                    where,
                    None,
                    field,
                    str(err.get("msg", "invalid")),
                    expected=str(err.get("type", "")),
                    found="" if found is None else repr(found)[:200],
                )
            )
        return _respond(request, 422, problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail) if exc.detail else TITLES.get(exc.status_code, "error")
        problem = Problem(request.url.path, None, "(request)", message, found=request.method)
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = _allowed(app, request.url.path) or headers.get("Allow", "")
        return _respond(request, exc.status_code, [problem], headers or None)

    @app.exception_handler(OperationalError)
    async def busy(request: Request, exc: OperationalError) -> Response:
        problem, retry = unavailable(exc)
        return _respond(request, 503, [problem], {"Retry-After": retry})

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        problem = Problem(request.url.path, None, "(server)", "unexpected error; it is logged")
        return JSONResponse(error_body(500, [problem]), status_code=500)
