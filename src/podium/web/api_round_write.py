"""The write API for a round as the results desk uses it: import a results
file in any format podium reads (a dry run first, then the same request
applied) and mark a round provisional or official. Same gate, token,
idempotency and rate limit as every write (web/api_write.py); each change
is a new version with the token's name as who and a required reason as why."""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Request, Security, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from podium.app.penalties import refuse_control
from podium.app.round_import import import_round
from podium.app.round_status import publish_round
from podium.model import RoundStatus
from podium.web import schemas
from podium.web.api import RoundNo, SeasonId, answer
from podium.web.api_write import BEARER, read_upload
from podium.web.deps import Actor, repository, scored, seasons
from podium.web.idempotency import idempotency_key

router = APIRouter(
    prefix="/api/v1",
    tags=["write"],
    dependencies=[Depends(idempotency_key), Security(BEARER)],
    responses=schemas.WRITE_ERRORS,
)
Reason = Annotated[
    str, Form(min_length=1, max_length=500, description="why, e.g. 'official classification'")
]


@router.post(
    "/seasons/{season_id}/rounds/{round_number}/import",
    summary="Import a results file of any supported format into a round (dry_run: the diff only)",
    response_model=schemas.WriteAnswer,
    responses={201: {"model": schemas.WriteAnswer, "description": "Applied: a new version"}},
)
def import_results(
    season_id: SeasonId,
    round_number: RoundNo,
    request: Request,
    actor: Actor,
    file: Annotated[
        UploadFile,
        File(
            description="the round's results CSV (as /rounds/N.csv downloads it) or a "
            "timing or simulator export (`podium import --list-formats`)"
        ),
    ],
    reason: Reason,
    status: Annotated[Literal["provisional", "official"], Form()] = "provisional",
    create_entries: Annotated[
        bool, Form(description="Add cars, drivers and teams the season does not know.")
    ] = False,
    dry_run: Annotated[bool, Query(description="Say what would change; write nothing.")] = False,
) -> Response:
    season = scored(season_id, None, request).printed  # as stored: no decision baked in
    season.round(round_number)
    refuse_control("body", [("reason", reason)])
    name = FilePath(file.filename or f"r{round_number}.csv").name
    done = import_round(
        repository(request),
        season,
        round_number,
        read_upload(file, name),
        name,
        status=RoundStatus(status),
        actor=actor,
        reason=reason,
        dry_run=dry_run,
        create_entries=create_entries,
    )
    if not dry_run:
        seasons(request).invalidate(season_id)
    return answer(done, 201 if done.changes and not dry_run else 200)


class StatusIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["provisional", "official"]
    reason: str = Field(min_length=1, max_length=500)


@router.post(
    "/seasons/{season_id}/rounds/{round_number}/status",
    summary="Mark a round's results provisional or official (a new version; no result changes)",
    response_model=schemas.WriteAnswer,
    responses={201: {"model": schemas.WriteAnswer, "description": "Changed: a new version"}},
)
def round_status(
    season_id: SeasonId, round_number: RoundNo, body: StatusIn, request: Request, actor: Actor
) -> Response:
    season = scored(season_id, None, request).printed  # as stored: no decision baked in
    refuse_control("body", [("reason", body.reason)])
    done = publish_round(
        repository(request),
        season,
        round_number,
        RoundStatus(body.status),
        actor,
        body.reason,
        where="path",
    )
    if done.version is not None:
        seasons(request).invalidate(season_id)
    return answer(done, 201 if done.version is not None else 200)
