"""The write half of the API: load a season, post or amend a round's results,
add a penalty. Every write needs a bearer token (checked before the body is
read); uploads are parsed completely before anything is stored, so a refused
request writes nothing."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path as FilePath
from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel, Field

from podium.errors import InputError, Problem
from podium.model import RoundStatus
from podium.model.results import Penalty, PenaltyKind, ResultLine
from podium.web import data
from podium.web.api import RoundNo, SeasonId, answer
from podium.web.deps import Actor, repository, scored, seasons
from podium.web.errors import ApiError

router = APIRouter(prefix="/api/v1", tags=["write"])

MAX_UPLOAD = 5 * 1024 * 1024
MAX_UNPACKED = 50 * 1024 * 1024  # a season folder is well under 1 MB


async def _read(upload: UploadFile, what: str) -> bytes:
    body = await upload.read(MAX_UPLOAD + 1)
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


async def _parse_results(
    request: Request, season_id: str, round_number: int, upload: UploadFile
) -> tuple[ResultLine, ...]:
    from podium.readers.native import read_results

    season = scored(season_id, None, request).season
    season.round(round_number)
    name = FilePath(upload.filename or f"r{round_number}.csv").name
    text = _text(await _read(upload, name), name)
    return read_results(text, name, season, round_number)


@router.post(
    "/seasons/{season_id}/rounds/{round_number}/results",
    status_code=201,
    summary="Post a round's results (a CSV in the native results format)",
)
async def post_results(
    season_id: SeasonId,
    round_number: RoundNo,
    request: Request,
    actor: Actor,
    file: Annotated[UploadFile, File(description="results/rN.csv (docs/formats.md)")],
    status: Annotated[Literal["provisional", "official"], Form()] = "official",
    reason: Annotated[str, Form(max_length=500)] = "results posted",
) -> Response:
    lines = await _parse_results(request, season_id, round_number, file)
    version = repository(request).post_results(
        season_id, round_number, lines, RoundStatus(status), actor, reason or "results posted"
    )
    seasons(request).invalidate(season_id)
    return Response(
        answer(data.version_json(version)).body, status_code=201, media_type="application/json"
    )


@router.post(
    "/seasons/{season_id}/rounds/{round_number}/amendments",
    status_code=201,
    summary="Amend a round's results (penalty, DSQ, reinstatement): the old version is kept",
)
async def amend_results(
    season_id: SeasonId,
    round_number: RoundNo,
    request: Request,
    actor: Actor,
    file: Annotated[UploadFile, File(description="the whole amended classification")],
    reason: Annotated[
        str, Form(min_length=1, max_length=500, description="why, e.g. 'protest upheld'")
    ],
) -> Response:
    lines = await _parse_results(request, season_id, round_number, file)
    repo = repository(request)
    if not repo.result_versions(season_id, round_number):
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
    return Response(
        answer(data.version_json(version)).body, status_code=201, media_type="application/json"
    )


class PenaltyIn(BaseModel):
    round: int = Field(ge=1, le=1000)
    car_no: str | None = Field(default=None, max_length=10)
    entry: str | None = Field(default=None, max_length=100)
    kind: PenaltyKind
    reason: str = Field(min_length=1, max_length=500)
    value: str = Field(default="", max_length=50)
    championship: str = Field(default="", max_length=40)


@router.post("/seasons/{season_id}/penalties", status_code=201, summary="Add a steward's penalty")
def add_penalty(season_id: SeasonId, body: PenaltyIn, request: Request, actor: Actor) -> Response:
    from podium.model import parse_points

    season = scored(season_id, None, request).season
    season.round(body.round)
    problems = []
    key = body.entry
    if key and key not in season.entries_by_key:
        problems.append(Problem("body", None, "entry", "unknown entry", "an entry key", key))
    if not key and body.car_no:
        match = [e for e in season.entries if e.car_no == body.car_no]
        key = match[0].key if match else None
        if not match:
            problems.append(
                Problem(
                    "body",
                    None,
                    "car_no",
                    "unknown car number",
                    "a car of the entry list",
                    body.car_no,
                )
            )
    if not key and not problems:
        problems.append(Problem("body", None, "car_no", "a penalty names a car", "car_no or entry"))
    ids = [c.id for c in season.rules.championships]
    if body.championship and body.championship not in ids:
        problems.append(
            Problem(
                "body",
                None,
                "championship",
                "unknown championship",
                " or ".join(ids),
                body.championship,
            )
        )
    if body.kind is PenaltyKind.POINTS:
        try:
            parse_points(body.value)
        except (ValueError, ZeroDivisionError):
            problems.append(
                Problem(
                    "body", None, "value", "points penalty needs a number", "e.g. 10", body.value
                )
            )
    if problems:
        raise InputError(problems)
    penalty = Penalty(
        body.round,
        key or "",
        body.kind,
        body.reason,
        body.value,
        body.championship,
        f"api: {actor}",
    )
    revision = repository(request).add_penalty(season_id, penalty, actor)
    seasons(request).invalidate(season_id)
    return Response(
        answer({"season": season_id, "revision": revision, "entry": key}).body,
        status_code=201,
        media_type="application/json",
    )


@router.post(
    "/seasons",
    status_code=201,
    summary="Load or update a season: a zip of a season folder (idempotent)",
)
async def load_season(
    request: Request,
    actor: Actor,
    file: Annotated[
        UploadFile,
        File(description="a .zip of a season folder (season.toml at its root or one folder down)"),
    ],
) -> Response:
    from podium.readers.native import load_season as read_folder

    name = FilePath(file.filename or "season.zip").name
    body = await _read(file, name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(body))
    except zipfile.BadZipFile:
        raise InputError(
            Problem(name, None, "file", "not a zip archive", expected="a .zip of a season folder")
        ) from None
    with tempfile.TemporaryDirectory(prefix="podium-upload-") as tmp:
        root = FilePath(tmp).resolve()
        if sum(m.file_size for m in archive.infolist()) > MAX_UNPACKED:
            raise ApiError(
                413,
                Problem(
                    name,
                    None,
                    "file",
                    "archive unpacks too large",
                    expected=f"at most {MAX_UNPACKED} bytes unpacked",
                ),
            )
        for member in archive.infolist():
            target = (root / member.filename).resolve()
            if not target.is_relative_to(root):
                raise InputError(
                    Problem(
                        name,
                        None,
                        member.filename,
                        "path escapes the archive",
                        expected="relative paths",
                        found=member.filename,
                    )
                )
        archive.extractall(root)
        tops = [p.parent for p in root.rglob("season.toml") if len(p.relative_to(root).parts) <= 2]
        if not tops:
            raise InputError(
                Problem(
                    name,
                    None,
                    "season.toml",
                    "no season folder in the archive",
                    expected="season.toml at the root or one folder down",
                )
            )
        season = read_folder(tops[0])
    report = repository(request).load_season(season, actor)
    seasons(request).invalidate(report.season_id)
    return Response(
        answer(
            {
                "season": report.season_id,
                "revision": report.revision,
                "changed": report.changed,
                "rounds_changed": list(report.rounds_changed),
            }
        ).body,
        status_code=201 if report.changed else 200,
        media_type="application/json",
    )
