"""The write gate: a write request is refused before its body is read when
it has no valid token (401: missing, unknown, expired or revoked) or its
token may not make this write (403: a ``write`` token for another season,
or loading a season without ``admin``), and a body larger than its route
allows is cut off while it streams in (413), whatever ``Content-Length``
says.

FastAPI reads a request's body (and spools an upload to disk) before it
resolves the route's dependencies, so the token check of ``deps.Actor``
alone would come too late: an unauthenticated 300 MB POST would be read
first. This pure ASGI middleware runs ahead of that; ``deps.require_token``
then finds the name it verified on the request's state. The season a write
is for is the ``season_id`` of the write route's own path pattern."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any

from starlette.concurrency import run_in_threadpool

from podium.app.repository import Repository, now
from podium.app.tokens import TokenGrant, TokenState
from podium.errors import Problem
from podium.web.errors import error_body
from podium.web.rate import WriteRate

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

READS = frozenset({"GET", "HEAD", "OPTIONS"})
UPLOAD_LIMIT = 6 * 1024 * 1024
"""A results CSV or a zipped season folder (5 MB) with its multipart framing."""
JSON_LIMIT = 64 * 1024
"""A penalty, a withdrawal: a few hundred bytes."""
UPLOAD_PATHS = ("/results", "/amendments", "/import", "/seasons")
"""Routes that take a file: a round's results, amendments or import, a season folder."""


def limit_for(path: str) -> int:
    """The largest body a write route accepts."""
    return UPLOAD_LIMIT if path.rstrip("/").endswith(UPLOAD_PATHS) else JSON_LIMIT


class WriteGate:
    """``writes``: (path pattern, methods) of the write routes; any other
    request passes untouched (a DELETE on a read route is still the
    router's 405)."""

    def __init__(
        self,
        app: ASGIApp,
        repository: Repository,
        writes: Sequence[tuple[re.Pattern[str], frozenset[str]]],
        rate: WriteRate | None = None,
    ) -> None:
        self.app = app
        self.repository = repository
        self.writes = writes
        self.rate = rate or WriteRate()

    def _write_route(self, method: str, path: str) -> re.Match[str] | None:
        if method in READS:
            return None
        for pattern, methods in self.writes:
            found = pattern.match(path) if method in methods else None
            if found is not None:
                return found
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = (
            None if scope["type"] != "http" else self._write_route(scope["method"], scope["path"])
        )
        if route is None:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        season_id = route.groupdict().get("season_id")
        allowed = await run_in_threadpool(
            authorize, self.repository, headers.get("authorization"), season_id
        )
        if not isinstance(allowed, TokenGrant):
            await _refuse(send, *allowed)
            return
        scope.setdefault("state", {})["actor"] = allowed.name
        wait = self.rate.take(allowed.name)
        if wait:
            await _refuse(send, 429, _too_fast(self.rate, wait), retry_after=wait)
            return
        limit = limit_for(scope["path"])
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _refuse(send, 413, _too_large(limit, f"{declared} bytes declared"))
            return
        seen = 0
        started = refused = False

        async def counted() -> Message:
            # Past the limit, the client gets its 413 at once and the app
            # sees a disconnect: it stops reading and writes nothing.
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    refused = True
                    if not started:
                        await _refuse(send, 413, _too_large(limit, f"more than {limit} bytes"))
                    return {"type": "http.disconnect"}
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 is the answer
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, counted, watched)


Refusal = tuple[int, Problem]
"""401 (no valid token) or 403 (a valid token that may not make this write)."""


def authorize(
    repository: Repository, header: str | None, season_id: str | None
) -> TokenGrant | Refusal:
    """The grant of the bearer token in ``header`` if it may write season
    ``season_id`` (None: load or create a season), else the refusal."""
    scheme, _, secret = (header or "").partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret:
        return 401, _unauthorized(
            "a write needs a bearer token",
            expected="Authorization: Bearer <token>",
            found="nothing" if not header else f"{scheme or '?'} ...",
        )
    info = repository.find_token(secret)
    if info is None:
        return 401, _unauthorized(
            "unknown token",
            expected="a token made by `podium token create`",
            found=secret[:6] + "...",
        )
    state = info.state(now())
    if state is TokenState.REVOKED:
        return 401, _unauthorized(
            f"token {info.name!r} was revoked on {_moment(info.revoked_at)}",
            expected="a token that is not revoked (`podium token list`)",
            found=f"token {info.id}, revoked",
        )
    if state is TokenState.EXPIRED:
        return 401, _unauthorized(
            f"token {info.name!r} expired on {_moment(info.expires_at)}",
            expected="a token that has not expired (`podium token create --expires`)",
            found=f"token {info.id}, expired",
        )
    grant = info.grant()
    if grant.may_write(season_id):
        return grant
    if season_id is None:
        message, expected = "this token may not load or create seasons", "an admin token"
    else:
        season_id = season_id[:100]
        message = f"this token may not write season {season_id}"
        expected = f"an admin token, or a write token for {season_id}"
    return 403, Problem(
        "header", None, "Authorization", message, expected=expected, found=grant.describe()
    )


def _unauthorized(message: str, expected: str, found: str) -> Problem:
    return Problem("header", None, "Authorization", message, expected=expected, found=found)


def _moment(at: dt.datetime | None) -> str:
    return "?" if at is None else f"{at:%Y-%m-%d %H:%M:%S} UTC"


def _too_large(limit: int, found: str) -> Problem:
    return Problem(
        "request", None, "body", "request body too large", expected=f"at most {limit} bytes",
        found=found,
    )  # fmt: skip


def _too_fast(rate: WriteRate, wait: float) -> Problem:
    return Problem(
        "request",
        None,
        "rate",
        "too many writes with this token: wait before the next one",
        expected=f"at most {rate.per_minute:g} writes a minute (bursts of {rate.burst:g})",
        found=f"the next write is allowed in {wait:.1f} s",
    )


async def _refuse(send: Send, status: int, problem: Problem, retry_after: float = 0) -> None:
    body = json.dumps(error_body(status, [problem])).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    if retry_after:
        headers.append((b"retry-after", str(math.ceil(retry_after)).encode()))
    if status == 401:
        headers.append((b"www-authenticate", b'Bearer realm="podium"'))
    elif status == 403:  # RFC 6750: a valid token without the scope this write needs
        headers.append((b"www-authenticate", b'Bearer realm="podium", error="insufficient_scope"'))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
