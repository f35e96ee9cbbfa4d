"""``GET /api/v1/token``: what the bearer token may do, asked before any
write. The results desk signs in with it, so a mistyped, expired or
revoked token, or one for another season, is said at once rather than on
the organiser's first change. The answer is the gate's own (web/gate.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Security
from fastapi.responses import JSONResponse, Response

from podium.app.tokens import TokenGrant
from podium.web import schemas
from podium.web.api import PRINTABLE
from podium.web.api_write import BEARER
from podium.web.deps import repository
from podium.web.errors import ApiError
from podium.web.gate import authorize

router = APIRouter(prefix="/api/v1", tags=["write"])


@router.get(
    "/token",
    summary="The bearer token's name and scope, and whether it may write a season",
    response_model=schemas.TokenOut,
    responses={
        **schemas.ERRORS,
        401: schemas.WRITE_ERRORS[401],
        403: schemas.WRITE_ERRORS[403],
    },
    dependencies=[Security(BEARER)],
)
def token(
    request: Request,
    season: Annotated[
        str | None,
        Query(
            max_length=100,
            pattern=PRINTABLE,
            description="A season to write; without it, whether the token may load seasons",
        ),
    ] = None,
) -> Response:
    grant = authorize(repository(request), request.headers.get("authorization"), season)
    if not isinstance(grant, TokenGrant):
        status, problem = grant
        raise ApiError(status, problem)
    body = {
        "name": grant.name,
        "scope": grant.scope.value,
        "seasons": list(grant.seasons),
        "may_write": season if season is not None else "any season, and load seasons",
    }
    return JSONResponse(body, headers={"Cache-Control": "no-store"})
