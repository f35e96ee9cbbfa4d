"""The app factory: API, pages, static files and the one error shape."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from podium.app.repository import Repository
from podium.app.scored_seasons import ScoredSeasons
from podium.web import (
    api,
    api_docs,
    api_round_write,
    api_token,
    api_write,
    desk,
    errors,
    nav,
    pages,
    title,
)
from podium.web.gate import WriteGate
from podium.web.headers import SecurityHeaders
from podium.web.idempotency import IdempotencyKeys
from podium.web.reads import Reads, api_cors

STATIC = Path(__file__).resolve().parent / "static"


def create_app(repository: Repository, revision_ttl: float = 0.0) -> FastAPI:
    """The podium site and API over ``repository`` (any implementation of the
    contract). ``revision_ttl``: see :class:`ScoredSeasons`."""
    app = FastAPI(
        title="podium",
        summary="Multi-class motor-racing championships: seasons, results, standings, ledgers.",
        version="1",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # web/api_docs.py: served from the package, no CDN
        redoc_url=None,
    )
    app.state.repository = repository
    app.state.scored = ScoredSeasons(repository, revision_ttl=revision_ttl)
    errors.install(app)
    # Outermost: a write is refused before its body is read (web/gate.py).
    writes = [
        (route.path_regex, frozenset(route.methods or ()))
        for router in (api_write.router, api_round_write.router)
        for route in router.routes
        if isinstance(route, APIRoute)
    ]
    # Just inside the gate: a keyed write runs once (web/idempotency.py).
    app.add_middleware(IdempotencyKeys, repository=repository)
    app.add_middleware(WriteGate, repository=repository, writes=writes)
    app.add_middleware(Reads)  # HEAD; the API's ETag, Last-Modified, 304 (web/reads.py)
    app.add_middleware(api_cors)  # the API's reads open to any origin
    app.add_middleware(SecurityHeaders)  # outermost: on every answer, refusals included
    app.include_router(api.router)
    app.include_router(api_docs.router)
    app.include_router(api_write.router)
    app.include_router(api_token.router)
    app.include_router(api_round_write.router)
    app.include_router(title.api)
    app.include_router(nav.router)  # the header's switcher and search, the icon
    app.include_router(pages.router)
    app.include_router(title.pages)
    app.include_router(desk.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
