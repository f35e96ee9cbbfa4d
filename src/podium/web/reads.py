"""How reads travel: ``HEAD`` on every ``GET`` route, and the API's answers
cached by HTTP.

An API answer is a function of the season revisions it was built from (and
of podium's version, which may change a representation): its ``ETag`` is a
hash of those, noted by ``note_revision`` as the route reads each scored
season, so a client or a cache revalidates without the body being sent
(``304`` on ``If-None-Match``, or on ``If-Modified-Since`` without one).
``Last-Modified`` is when the newest of those revisions was made. The body
is still built (from the memoised answers) before a 304: the saving is the
transfer. CORS for the API's reads is ``api_cors``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import MutableMapping
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any

from fastapi import Request
from starlette.middleware.cors import CORSMiddleware

from podium import __version__
from podium.app.season import ScoredSeason
from podium.web.headers import ASGIApp, Message

API = "/api/"
NOTED = "podium_revisions"
"""The request state's key: the (tag, made at) of each season an answer read."""
CACHE_CONTROL = b"public, no-cache"
"""Caches may keep an answer but revalidate it on every use: a write can
change it at any moment, and a revalidation is one 304."""


def note_revision(request: Request, scored: ScoredSeason, season_id: str) -> None:
    """Record that the answer reads ``scored``: its revision (and the
    as-of revision it shows) and when that revision was made."""
    shown = scored.read_as_of if isinstance(scored.read_as_of, int) else scored.revision
    made = scored.memo(
        ("revision-time", shown),
        lambda: request.app.state.repository.revision_time(season_id, shown),
    )
    tag = f"{season_id}:{scored.revision}:{scored.read_as_of}"
    request.scope.setdefault("state", {}).setdefault(NOTED, []).append((tag, made))


def etag_of(tags: list[str]) -> bytes:
    digest = hashlib.blake2b("|".join([__version__, *sorted(tags)]).encode(), digest_size=12)
    return b'"' + digest.hexdigest().encode() + b'"'


def _matches(if_none_match: str, etag: bytes) -> bool:
    wanted = etag.decode()
    for tag in if_none_match.split(","):
        tag = tag.strip()
        if tag == "*" or tag.removeprefix("W/") == wanted:
            return True
    return False


def _not_modified_since(since: str, modified: dt.datetime) -> bool:
    try:
        moment = parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return modified.replace(microsecond=0) <= moment


class Reads:
    """``HEAD`` answered as ``GET`` without its body; the API's reads given
    ``ETag``, ``Last-Modified`` and ``Cache-Control``, and a 304 when the
    client holds them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        method = scope.get("method")
        if scope["type"] != "http" or method not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})  # the request state the routes note into
        state.pop(NOTED, None)
        inner = dict(scope, method="GET")  # a copy: the server still sees HEAD
        api = scope["path"].startswith(API)
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        skip_body = method == "HEAD"

        async def respond(message: Message) -> None:
            nonlocal skip_body
            if message["type"] == "http.response.start" and api and message["status"] == 200:
                noted: list[tuple[str, dt.datetime | None]] = state.get(NOTED) or []
                own = any(k.lower() == b"cache-control" for k, _ in message.get("headers", []))
                extra = [] if own else [(b"cache-control", CACHE_CONTROL)]  # a route's own wins
                if noted:
                    etag = etag_of([tag for tag, _ in noted])
                    extra.append((b"etag", etag))
                    times = [made for _, made in noted if made is not None]
                    modified = max(times) if times else None
                    if modified is not None:
                        extra.append(
                            (b"last-modified", format_datetime(modified, usegmt=True).encode())
                        )
                    inm = headers.get(b"if-none-match")
                    ims = headers.get(b"if-modified-since")
                    if (inm is not None and _matches(inm.decode("latin-1"), etag)) or (
                        inm is None
                        and ims is not None
                        and modified is not None
                        and _not_modified_since(ims.decode("latin-1"), modified)
                    ):
                        skip_body = True
                        kept = [
                            (k, v)
                            for k, v in message.get("headers", [])
                            if k.lower() not in (b"content-length", b"content-type")
                        ]
                        message = {**message, "status": 304, "headers": kept + extra}
                        await send(message)
                        return
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            elif message["type"] == "http.response.body" and skip_body:
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app(inner, receive, respond)


def api_cors(app: ASGIApp) -> ASGIApp:
    """CORS on the API's reads: ``GET`` and ``HEAD`` from any origin (the data
    is public), a preflight answered for them; a cross-origin write's
    preflight is refused (a browser page elsewhere may not post with a
    user's token). Pages and static files are left alone."""
    cors = CORSMiddleware(
        app,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["If-None-Match", "If-Modified-Since"],
        expose_headers=["ETag", "Last-Modified", "Cache-Control"],
        max_age=600,
    )

    async def route(scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].startswith(API):
            await cors(scope, receive, send)
        else:
            await app(scope, receive, send)

    return route
