"""The write half of the API: load a season, post or amend a round's results,
add a penalty. Every write needs a bearer token; uploads are parsed
completely before anything is stored, so a refused request writes nothing.
The routes are plain functions: FastAPI runs them in its thread pool, so a
write waiting on the database never blocks the event loop that serves reads."""

from __future__ import annotations

import tempfile
from pathlib import Path as FilePath
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, Security, UploadFile
from fastapi.responses import Response
from fastapi.security import HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, StrictInt

from podium.app.penalties import PenaltyAdded, Withdrawn, penalty_for, refuse_control
from podium.app.rounds import VersionInfo
from podium.app.season_merge import LoadMode
from podium.errors import InputError, Problem
from podium.model import RoundStatus
from podium.model.results import PenaltyKind, ResultLine
from podium.web import schemas
from podium.web.api import RoundNo, SeasonId, answer
from podium.web.deps import Actor, repository, scored, seasons
from podium.web.errors import ApiError
from podium.web.idempotency import idempotency_key
from podium.web.season_zip import unpack_season

BEARER = HTTPBearer(
    auto_error=False,  # the write gate and deps.require_token answer 401 in the one error shape
    description="A token from `podium token create` (docs/web.md: Tokens).",
)
# Every write takes an Idempotency-Key: described here, acted on by web/idempotency.py.
router = APIRouter(
    prefix="/api/v1",
    tags=["write"],
    dependencies=[Depends(idempotency_key), Security(BEARER)],
    responses=schemas.WRITE_ERRORS,
)

MAX_UPLOAD = 5 * 1024 * 1024


def read_upload(upload: UploadFile, what: str) -> bytes:
    body = upload.file.read(MAX_UPLOAD + 1)
    if len(body) > MAX_UPLOAD:
        raise ApiError(
            413,
            Problem(
                upload.filename or what,
                None,
                "file",
                "upload too large",
                expected=f"at most {MAX_UPLOAD} bytes",
                found=f"more than {MAX_UPLOAD}",
            ),
        )
    return body


def _text(body: bytes, name: str) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            Problem(name, None, "(encoding)", "not valid UTF-8", expected="UTF-8", found=exc.reason)
        ) from None


def _parse_results(
    request: Request, season_id: str, round_number: int, upload: UploadFile
) -> tuple[ResultLine, ...]:
    from podium.readers.native import read_results

    season = scored(season_id, None, request).season
    season.round(round_number)
    name = FilePath(upload.filename or f"r{round_number}.csv").name
    text = _text(read_upload(upload, name), name)
    return read_results(text, name, season, round_number)


@router.post(
    "/seasons/{season_id}/rounds/{round_number}/results",
    status_code=201,
    summary="Post a round's results (a CSV in the native results format)",
    response_model=schemas.Version,
)
def post_results(
    season_id: SeasonId,
    round_number: RoundNo,
    request: Request,
    actor: Actor,
    file: Annotated[UploadFile, File(description="results/rN.csv (docs/formats.md)")],
    status: Annotated[Literal["provisional", "official"], Form()] = "official",
    reason: Annotated[str, Form(max_length=500)] = "results posted",
) -> Response:
    lines = _parse_results(request, season_id, round_number, file)
    version = repository(request).post_results(
        season_id, round_number, lines, RoundStatus(status), actor, reason or "results posted"
    )
    seasons(request).invalidate(season_id)
    return answer(VersionInfo(version), 201)


@router.post(
    "/seasons/{season_id}/rounds/{round_number}/amendments",
    status_code=201,
    summary="Amend a round's results (penalty, DSQ, reinstatement): the old version is kept",
    response_model=schemas.Version,
)
def amend_results(
    season_id: SeasonId,
    round_number: RoundNo,
    request: Request,
    actor: Actor,
    file: Annotated[UploadFile, File(description="the whole amended classification")],
    reason: Annotated[
        str, Form(min_length=1, max_length=500, description="why, e.g. 'protest upheld'")
    ],
) -> Response:
    lines = _parse_results(request, season_id, round_number, file)
    repo = repository(request)
    if not repo.version_page(season_id, round_number, 0).total:
        raise ApiError(
            409,
            Problem(
                "path",
                None,
                "round_number",
                "no results to amend yet",
                expected="a round with posted results",
                found=str(round_number),
            ),
        )
    version = repo.post_results(season_id, round_number, lines, RoundStatus.AMENDED, actor, reason)
    seasons(request).invalidate(season_id)
    return answer(VersionInfo(version), 201)


class PenaltyIn(BaseModel):
    # A misspelt field ("clas") is an error, not silently dropped; a round is
    # a JSON number (``true`` is not round 1).
    model_config = ConfigDict(extra="forbid")

    round: StrictInt = Field(ge=1, le=1000)
    car_no: str | None = Field(default=None, max_length=10)
    class_code: str | None = Field(default=None, alias="class", max_length=40)
    entry: str | None = Field(default=None, max_length=100)
    kind: PenaltyKind
    reason: str = Field(min_length=1, max_length=500)
    value: str = Field(default="", max_length=50)
    championship: str = Field(default="", max_length=40)
    session: str = Field(default="race", max_length=40)


class WithdrawalIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=500)


@router.post(
    "/seasons/{season_id}/penalties",
    status_code=201,
    summary="Add a steward's penalty",
    response_model=schemas.WriteAnswer,
)
def add_penalty(season_id: SeasonId, body: PenaltyIn, request: Request, actor: Actor) -> Response:
    season = scored(season_id, None, request).season
    penalty = penalty_for(
        season,
        body.round,
        body.kind,
        body.reason,
        body.car_no,
        body.entry,
        body.value,
        body.championship,
        f"api: {actor}",
        body.session,
        "body",
        body.class_code,
    )
    revision = repository(request).add_penalty(season_id, penalty, actor)
    seasons(request).invalidate(season_id)
    return answer(PenaltyAdded(season_id, revision, penalty.entry), 201)


@router.post(
    "/seasons/{season_id}/penalties/{number}/withdraw",
    summary="Withdraw a stewards' decision (e.g. on appeal): kept on record, applied no more",
    response_model=schemas.WriteAnswer,
)
def withdraw_penalty(
    season_id: SeasonId,
    number: Annotated[int, Path(ge=1, le=100_000)],
    body: WithdrawalIn,
    request: Request,
    actor: Actor,
) -> Response:
    scored(season_id, None, request)
    refuse_control("body", [("reason", body.reason)])
    revision = repository(request).withdraw_penalty(season_id, number, body.reason, actor)
    seasons(request).invalidate(season_id)
    return answer(Withdrawn(season_id, revision, number))


@router.post(
    "/seasons",
    status_code=201,
    summary="Load or update a season: a zip of a season folder (idempotent)",
    response_model=schemas.WriteAnswer,
    responses={
        200: {"description": "Unchanged, or a dry run"},
        409: {
            "model": schemas.ErrorOut,
            "description": "The zip lacks stored data and no `mode` was chosen",
        },
    },
)
def load_season(
    request: Request,
    actor: Actor,
    file: Annotated[
        UploadFile,
        File(description="a .zip of a season folder (season.toml at its root or one folder down)"),
    ],
    mode: Annotated[
        LoadMode | None,
        Query(
            description="When the zip lacks something stored (a round's results, an entry, "
            "a decision): `replace` removes it, `merge` keeps it; without a mode such a "
            "load is refused (409) with the list."
        ),
    ] = None,
    dry_run: Annotated[bool, Query(description="Say what would change; write nothing.")] = False,
) -> Response:
    from podium.app.season_load import load_season_into
    from podium.readers.native import load_season as read_folder
    from podium.readers.native.laps import load_laps

    name = FilePath(file.filename or "season.zip").name
    body = read_upload(file, name)
    with tempfile.TemporaryDirectory(prefix="podium-upload-") as tmp:
        folder = unpack_season(body, name, FilePath(tmp))
        season = read_folder(folder)
        laps = load_laps(folder, season)
    done = load_season_into(
        repository(request),
        season,
        laps,
        mode=mode,
        actor=actor,
        reason="season load",
        dry_run=dry_run,
    )
    if not dry_run:
        seasons(request).invalidate(season.id)
    return answer(done, 201 if done.report.changed and not dry_run else 200)
