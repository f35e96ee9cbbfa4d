"""`POST /api/v1/seasons` through a real server: a zip that lacks stored data
is refused (409) with the list until `mode=replace` or `mode=merge`; a dry run
writes nothing; hostile zips (bad CRC, lying sizes, encryption, two seasons,
paths out of the folder) are 4xx Problems that write nothing."""

from __future__ import annotations

import io
import struct
import uuid
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from podium.datasets import builtin_season_path
from tests.web.conftest import Site
from tests.web.test_api_read import assert_error

ID = "alms-2004-upload"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def season_zip(skip: Callable[[Path], bool] = lambda _: False, *, top: str = "s") -> bytes:
    """The built-in season as a zip, renamed ``ID`` so the golden one stays intact."""
    folder = builtin_season_path()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if not path.is_file() or skip(relative) or "__pycache__" in relative.parts:
                continue
            data = path.read_bytes()
            if relative.name == "season.toml":
                data = data.replace(b'id = "alms-2004"', f'id = "{ID}"'.encode(), 1)
            zf.writestr(f"{top}/{relative}" if top else str(relative), data)
    return out.getvalue()


_tokens: dict[int, str] = {}


@pytest.fixture(autouse=True)
def _own_token(site: Site) -> None:
    """A token per test: the write rate limit (a burst of 20) is per token name."""
    _tokens[id(site.repository)] = site.repository.create_token(f"upload {uuid.uuid4().hex}")


def post(http: httpx.Client, site: Site, body: bytes, **params: str) -> httpx.Response:
    return http.post(
        "/api/v1/seasons",
        params=params,
        files={"file": ("season.zip", body, "application/zip")},
        headers=bearer(_tokens[id(site.repository)]),
    )


def revision(site: Site) -> int:
    return site.repository.revision(ID)


@pytest.fixture
def stored(site: Site, http: httpx.Client) -> int:
    """The upload season stored in full; its revision."""
    response = post(http, site, season_zip(), mode="replace")
    assert response.status_code in (200, 201), response.text
    return revision(site)


def no_r9(relative: Path) -> bool:
    return relative.parts == ("results", "r9.csv")


def test_a_zip_lacking_a_round_is_refused_until_a_mode_is_chosen(
    site: Site, http: httpx.Client, stored: int
) -> None:
    refused = post(http, site, season_zip(no_r9))
    problems = assert_error(refused, 409)
    assert [(p["field"], p["found"]) for p in problems] == [("results", "round 9")]
    assert revision(site) == stored

    dry = post(http, site, season_zip(no_r9), mode="replace", dry_run="true")
    assert dry.status_code == 200, dry.text
    assert dry.json()["dry_run"] is True
    assert dry.json()["removed"] == {"results": ["round 9"]}
    assert revision(site) == stored

    merged = post(http, site, season_zip(no_r9), mode="merge")
    assert merged.status_code == 200, merged.text
    assert (merged.json()["changed"], merged.json()["kept"]) == (False, {"results": ["round 9"]})
    assert revision(site) == stored

    replaced = post(http, site, season_zip(no_r9), mode="replace")
    assert replaced.status_code == 201, replaced.text
    assert replaced.json()["removed"] == {"results": ["round 9"]}
    results = http.get(f"/api/v1/seasons/{ID}/rounds/9/results").json()["results"]
    assert results == []
    back = post(http, site, season_zip(), mode="replace")  # and back to the full season
    assert back.json()["rounds_changed"] == [9]


def _flip_crc(body: bytes) -> bytes:
    """The first member's CRC-32 wrong in both headers (bytes intact)."""
    data = bytearray(body)
    for signature, offset in ((b"PK\x03\x04", 14), (b"PK\x01\x02", 16)):
        at = data.find(signature)
        crc = struct.unpack_from("<I", data, at + offset)[0]
        struct.pack_into("<I", data, at + offset, crc ^ 0xFFFFFFFF)
    return bytes(data)


def _lie_about_size(body: bytes) -> bytes:
    """The first member's uncompressed size claimed as 10 bytes."""
    data = bytearray(body)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        struct.pack_into("<I", data, at + offset, 10)
    return bytes(data)


def _encrypted(body: bytes) -> bytes:
    """The first member flagged as encrypted (general purpose bit 0)."""
    data = bytearray(body)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        flags = struct.unpack_from("<H", data, at + offset)[0]
        struct.pack_into("<H", data, at + offset, flags | 1)
    return bytes(data)


def _two_seasons() -> bytes:
    one, out = zipfile.ZipFile(io.BytesIO(season_zip())), io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for info in one.infolist():
            zf.writestr(info.filename, one.read(info))
            zf.writestr("t" + info.filename[1:], one.read(info))
    return out.getvalue()


def _escaping() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("../outside.txt", "x")
    return out.getvalue()


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("s/season.toml", b"#" * (60 * 1024 * 1024))
    return out.getvalue()


HOSTILE: dict[str, tuple[Callable[[], bytes], int, str]] = {
    "bad crc": (lambda: _flip_crc(season_zip()), 422, "damaged member"),
    "lying sizes": (lambda: _lie_about_size(season_zip()), 422, "damaged member"),
    "encrypted": (lambda: _encrypted(season_zip()), 422, "encrypted member"),
    "two seasons": (_two_seasons, 422, "more than one season folder"),
    "path escapes": (_escaping, 422, "path escapes the archive"),
    "unpacks too large": (_bomb, 413, "archive unpacks too large"),
    "truncated": (lambda: season_zip()[:-200], 422, "not a zip archive"),
    "not deflate": (lambda: zlib.compress(b"x" * 100), 422, "not a zip archive"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_zip_is_a_problem_and_writes_nothing(
    site: Site, http: httpx.Client, stored: int, case: str
) -> None:
    make, status, message = HOSTILE[case]
    response = post(http, site, make(), mode="replace")
    problems = assert_error(response, status)
    assert problems[0]["message"] == message, problems
    assert revision(site) == stored
