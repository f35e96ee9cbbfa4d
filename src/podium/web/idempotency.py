"""``Idempotency-Key`` on every write (podium.app.idempotency; the IETF
draft "The Idempotency-Key HTTP Header Field", as Stripe does it): a client
that retries a write after a lost answer gets the first answer back, and
nothing is written twice.

A pure ASGI middleware just inside the write gate (web/gate.py): the gate
has checked the token (its name, ``scope["state"]["actor"]``, is whose key
it is) and bounds the body, which this reads whole to fingerprint it. Then:

- the first request with a key claims it, runs, and its answer (status,
  content type, body) is kept before it is sent, so an answer lost on the
  way is replayed to the retry (with ``Idempotent-Replayed: true``); a
  refusal (4xx) is kept too, a 5xx is not (the client should retry);
- the same key with another request is 422, a repeat while the first runs
  is 409 with ``Retry-After``;
- while the request runs its claim is renewed, so a claim left by a server
  that died is taken over by the retry after ``LEASE`` (unless that request
  had written: idempotency.HELD, store/idempotency.py).

Requests without the header pass untouched.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Annotated, Any

import anyio
from fastapi import Header
from sqlalchemy.exc import OperationalError
from starlette.concurrency import run_in_threadpool

from podium.app.idempotency import (
    HELD,
    LEASE,
    Conflict,
    KeyClaim,
    KeyConflict,
    KeyedRequest,
    StoredResponse,
)
from podium.app.repository import Repository
from podium.errors import Problem
from podium.web.errors import error_body, unavailable

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

HEADER = "Idempotency-Key"
KEY = re.compile(r"[\x20-\x7e]{1,255}")
"""1 to 255 printable ASCII characters."""
log = logging.getLogger("podium.web")


def idempotency_key(
    key: Annotated[
        str | None,
        Header(
            alias=HEADER,
            description=(
                "Optional: 1 to 255 printable ASCII characters (a UUID, say). A retry with the"
                " same key gets the first answer back (with Idempotent-Replayed: true) and"
                " writes nothing; keys are kept 24 hours per token name."
            ),
        ),
    ] = None,
) -> None:
    """The header in the API's description; ``IdempotencyKeys`` acts on it."""


def parse_key(values: list[bytes]) -> str | Problem:
    """The key of the ``Idempotency-Key`` header(s), or why it is refused.
    A key in double quotes (the draft's structured-field string) is read
    without them."""
    texts = [v.decode("latin-1").strip() for v in values]
    text = texts[0] if len(texts) == 1 else ""
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = re.sub(r"\\([\\\"])", r"\1", text[1:-1])
    if KEY.fullmatch(text):
        return text
    found = f"{len(texts)} headers" if len(texts) > 1 else repr(texts[0][:60])
    return _problem(
        "not a valid idempotency key",
        expected="one header of 1 to 255 printable ASCII characters",
        found=found,
    )


def body_sha256(body: bytes, content_type: str) -> str:
    """SHA-256 of a request's body; a multipart body is hashed with its
    boundary taken out, since a client retrying an upload draws a new one."""
    kind, *params = content_type.split(";")
    if kind.strip().lower() == "multipart/form-data":
        for param in params:
            name, _, value = param.strip().partition("=")
            boundary = value.strip().strip('"').encode("latin-1")
            if name.strip().lower() == "boundary" and boundary:
                body = body.replace(b"--" + boundary, b"--")
    return hashlib.sha256(body).hexdigest()


class IdempotencyKeys:
    """``lease``: how long a claim lives without being renewed; it is
    renewed every third of that while its request runs."""

    def __init__(self, app: ASGIApp, repository: Repository, lease: dt.timedelta = LEASE) -> None:
        self.app = app
        self.repository = repository
        self.lease = lease

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        actor = scope.get("state", {}).get("actor") if scope["type"] == "http" else None
        values = [v for k, v in scope.get("headers", ()) if k.lower() == b"idempotency-key"]
        if not isinstance(actor, str) or not values:  # a read, or a write without a key
            await self.app(scope, receive, send)
            return
        key = parse_key(values)
        if isinstance(key, Problem):
            await _answer(send, 422, key)
            return
        body = await _whole_body(receive)
        if body is None:  # the client went away, or the gate answered 413
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        query = scope.get("query_string", b"").decode("latin-1")
        request = KeyedRequest(
            actor,
            key,
            scope["method"],
            scope["path"] + (f"?{query}" if query else ""),
            body_sha256(body, headers.get("content-type", "")),
        )
        try:
            found = await run_in_threadpool(
                self.repository.claim_idempotency_key, request, self.lease
            )
        except OperationalError as exc:  # a busy database: nothing claimed, retry
            problem, retry = unavailable(exc)
            await _answer(send, 503, problem, [(b"retry-after", retry.encode())])
            return
        if isinstance(found, StoredResponse):
            await _replay(send, found)
        elif isinstance(found, KeyConflict):
            await _refuse(send, found)
        else:
            await self._run(scope, _replaying(body, receive), send, found)

    async def _run(self, scope: Scope, receive: Receive, send: Send, held: KeyClaim) -> None:
        """Run the request holding ``held``; keep its answer, then send it."""
        messages: list[Message] = []

        async def keep(message: Message) -> None:
            messages.append(message)

        beat = asyncio.ensure_future(self._renew(held))
        token = HELD.set(held)
        try:
            await self.app(scope, receive, keep)
        except BaseException:
            with anyio.CancelScope(shield=True):
                await _stop(beat)
                await self._settle(held, None)
            raise
        finally:
            HELD.reset(token)
        await _stop(beat)
        await self._settle(held, _response(messages))
        for message in messages:
            await send(message)

    async def _renew(self, held: KeyClaim) -> None:
        while True:
            await asyncio.sleep(self.lease.total_seconds() / 3)
            try:
                await run_in_threadpool(self.repository.renew_idempotency_key, held)
            except Exception:  # a busy database: the next beat may pass
                log.warning("could not renew idempotency key %r", held.key, exc_info=True)

    async def _settle(self, held: KeyClaim, response: StoredResponse | None) -> None:
        """Keep the answer (below 500), or give the key up."""
        try:
            if response is not None and response.status < 500:
                await run_in_threadpool(self.repository.finish_idempotency_key, held, response)
            else:
                await run_in_threadpool(self.repository.release_idempotency_key, held)
        except Exception:  # the answer still goes out; the key stays claimed until its lease ends
            log.warning("could not settle idempotency key %r", held.key, exc_info=True)


async def _stop(beat: asyncio.Future[None]) -> None:
    beat.cancel()
    await asyncio.wait([beat])


async def _whole_body(receive: Receive) -> bytes | None:
    chunks = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replaying(body: bytes, receive: Receive) -> Receive:
    """The body read already, then the client's messages (a disconnect)."""
    given = False

    async def again() -> Message:
        nonlocal given
        if given:
            return await receive()
        given = True
        return {"type": "http.request", "body": body, "more_body": False}

    return again


def _response(messages: list[Message]) -> StoredResponse | None:
    start = next((m for m in messages if m["type"] == "http.response.start"), None)
    if start is None:
        return None
    content_type = next(
        (v.decode("latin-1") for k, v in start.get("headers", ()) if k.lower() == b"content-type"),
        "",
    )
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return StoredResponse(int(start["status"]), content_type, body)


async def _replay(send: Send, kept: StoredResponse) -> None:
    headers = [(b"content-length", str(len(kept.body)).encode())]
    if kept.content_type:
        headers.append((b"content-type", kept.content_type.encode("latin-1")))
    headers.append((b"idempotent-replayed", b"true"))
    await send({"type": "http.response.start", "status": kept.status, "headers": headers})
    await send({"type": "http.response.body", "body": kept.body})


def _problem(message: str, expected: str, found: str) -> Problem:
    return Problem("header", None, HEADER, message, expected=expected, found=found)


async def _refuse(send: Send, conflict: KeyConflict) -> None:
    first = conflict.first
    since = f"{conflict.since:%Y-%m-%d %H:%M:%S} UTC"
    if conflict.conflict is Conflict.OTHER_REQUEST:
        problem = _problem(
            "key reused for another request",
            expected="the method, path and body of the key's first request",
            found=f"first used at {since} for {first.method} {first.target}"[:500],
        )
        await _answer(send, 422, problem)
    elif conflict.conflict is Conflict.IN_PROGRESS:
        problem = _problem(
            "a request with this key is in progress",
            expected="its answer: retry in a moment",
            found=f"first used at {since}",
        )
        await _answer(send, 409, problem, [(b"retry-after", b"1")])
    else:
        problem = _problem(
            "the request with this key was written, but the server stopped before its answer "
            "was kept: it is not run again",
            expected="a read of what it changed; a new key for a new request",
            found=f"first used at {since}",
        )
        await _answer(send, 409, problem)


async def _answer(
    send: Send, status: int, problem: Problem, extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    body = json.dumps(error_body(status, [problem])).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *(extra or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
