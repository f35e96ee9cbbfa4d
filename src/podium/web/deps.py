"""Request plumbing shared by the routers: the scored-season cache, query
parsing (``as_of``) and the bearer-token check."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Depends, Header, Query, Request

from podium.app.repository import Repository
from podium.app.scored_seasons import ScoredSeasons
from podium.app.season import AsOf, ScoredSeason
from podium.app.tokens import TokenGrant
from podium.errors import Problem
from podium.model.laps import Lap
from podium.web.errors import ApiError
from podium.web.gate import authorize
from podium.web.reads import note_revision


def repository(request: Request) -> Repository:
    return request.app.state.repository  # type: ignore[no-any-return]


def seasons(request: Request) -> ScoredSeasons:
    return request.app.state.scored  # type: ignore[no-any-return]


def parse_as_of(text: str | None) -> AsOf:
    """``as_of`` is a season revision (``12``) or an ISO moment (``2004-10-17T12:00:00Z``)."""
    if text is None or not text.strip():
        return None
    text = text.strip()
    if text.isascii() and text.isdigit():  # not '³', which isdigit() accepts
        if int(text) > MAX_REVISION:
            raise _bad_as_of("revision out of range", f"a revision up to {MAX_REVISION}", text)
        return int(text)
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise _bad_as_of(
            "neither a revision nor a moment",
            "a revision number (e.g. 12) or an ISO datetime (e.g. 2004-10-17T12:00Z)",
            text,
        ) from None
    try:
        # In UTC here: 0001-01-01T00:00+14:00 has no UTC moment, and the
        # database would find that out as a crash.
        return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)
    except OverflowError:
        raise _bad_as_of(
            "moment out of range",
            "a moment between 0001-01-01 and 9999-12-31 in UTC",
            text,
        ) from None


MAX_REVISION = 2**63 - 1
"""The largest revision a database column holds (a BIGINT)."""


def _bad_as_of(message: str, expected: str, found: str) -> ApiError:
    return ApiError(422, Problem("query", None, "as_of", message, expected, found[:100]))


AsOfQuery = Annotated[
    str | None,
    Query(
        description="Answer as of a season revision (e.g. 12) or an ISO datetime (UTC if no zone).",
        max_length=64,
    ),
]
SessionQuery = Annotated[
    str,
    Query(
        description="Session of the round: race, sprint, race2, qualifying...",
        max_length=50,
        pattern=r"^[a-z0-9_]+$",
    ),
]
AfterQuery = Annotated[
    int | None, Query(ge=1, le=1000, description="Standings after this round (default: all).")
]


def scored(season_id: str, as_of: AsOf, request: Request) -> ScoredSeason:
    found = seasons(request).get(season_id, as_of)
    note_revision(request, found, season_id)  # the answer's ETag and Last-Modified
    return found


def held_laps(
    scored: ScoredSeason, season_id: str, number: int, request: Request
) -> tuple[Lap, ...]:
    """Every lap of a round, asked of the repository once per season revision
    (``put_laps`` makes a new revision)."""
    return scored.memo(("laps", number), lambda: tuple(repository(request).laps(season_id, number)))


def require_token(
    request: Request,
    authorization: Annotated[
        str | None, Header(description="Bearer <token> from `podium token create`.")
    ] = None,
) -> str:
    """The token's name (recorded as the actor), or 401 (no valid token) or
    403 (a token that may not write this season, or load one) before anything
    is read or written. The write gate (web/gate.py) has checked it before
    the body was read; this is the same check, for an app without the gate."""
    checked = getattr(request.state, "actor", None)
    if isinstance(checked, str):
        return checked
    allowed = authorize(repository(request), authorization, request.path_params.get("season_id"))
    if not isinstance(allowed, TokenGrant):
        status, problem = allowed
        raise ApiError(status, problem)
    return allowed.name


Actor = Annotated[str, Depends(require_token)]
