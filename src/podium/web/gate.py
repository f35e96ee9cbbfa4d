"""The write gate: a write request is refused before its body is read when
it has no valid token, and a body larger than its route allows is cut off
while it streams in (413), whatever ``Content-Length`` says.

FastAPI reads a request's body (and spools an upload to disk) before it
resolves the route's dependencies, so the token check of ``deps.Actor``
alone would come too late: an unauthenticated 300 MB POST would be read
first. This pure ASGI middleware runs ahead of that; ``deps.require_token``
then finds the name it verified on the request's state."""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any

from starlette.concurrency import run_in_threadpool

from podium.app.repository import Repository
from podium.errors import Problem
from podium.web.errors import error_body

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
UPLOAD_PATHS = ("/results", "/amendments", "/seasons")
"""Routes that take a file: a round's results or amendments, a season folder."""


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
    ) -> None:
        self.app = app
        self.repository = repository
        self.writes = writes

    def _is_write(self, method: str, path: str) -> bool:
        return method not in READS and any(
            method in methods and pattern.match(path) for pattern, methods in self.writes
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self._is_write(scope["method"], scope["path"]):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = await run_in_threadpool(self._token, scope, headers.get("authorization"))
        if refusal is not None:
            await _refuse(send, 401, refusal)
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

    def _token(self, scope: Scope, header: str | None) -> Problem | None:
        scheme, _, token = (header or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return Problem(
                "header",
                None,
                "Authorization",
                "a write needs a bearer token",
                expected="Authorization: Bearer <token>",
                found="nothing" if not header else f"{scheme or '?'} ...",
            )
        name = self.repository.verify_token(token.strip())
        if name is None:
            return Problem(
                "header",
                None,
                "Authorization",
                "unknown or revoked token",
                expected="a token made by `podium token create`",
                found=token.strip()[:6] + "...",
            )
        scope.setdefault("state", {})["actor"] = name
        return None


def _too_large(limit: int, found: str) -> Problem:
    return Problem(
        "request", None, "body", "request body too large", expected=f"at most {limit} bytes",
        found=found,
    )  # fmt: skip


async def _refuse(send: Send, status: int, problem: Problem) -> None:
    body = json.dumps(error_body(status, [problem])).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    if status == 401:
        headers.append((b"www-authenticate", b'Bearer realm="podium"'))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
