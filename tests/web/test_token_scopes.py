"""Token scopes through a real server (memory, SQLite, PostgreSQL): a write
token writes the seasons it names and nothing else, loading a season needs
admin (403 otherwise, before the body is read); an expired or revoked token
is a 401 that says which. Nothing refused is written."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from itertools import count

import httpx

from podium.app.tokens import TokenScope
from podium.datasets import builtin_season_path
from tests.web.conftest import SCRATCH, Site
from tests.web.test_api_read import assert_error
from tests.web.test_api_write import bearer, r9_with, snapshot
from tests.web.test_gate import headers_only

API = f"/api/v1/seasons/{SCRATCH}"
PENALTY = {"round": 9, "car_no": "3", "kind": "points", "value": "1", "reason": "scope test"}
_names = count(1)


def token(site: Site, scope: TokenScope, *seasons: str, expires: dt.datetime | None = None) -> str:
    """A new token on the site's repository, under a name no other test uses."""
    return site.repository.create_token(f"scoped {next(_names)}", scope, seasons, expires)


def season_zip() -> bytes:
    archive = io.BytesIO()
    folder = builtin_season_path()
    with zipfile.ZipFile(archive, "w") as zf:
        for path in folder.rglob("*"):
            if path.is_file():
                zf.write(path, f"alms2004/{path.relative_to(folder)}")
    return archive.getvalue()


def test_a_write_token_writes_its_own_season(site: Site, http: httpx.Client) -> None:
    secret = token(site, TokenScope.WRITE, SCRATCH)
    name = site.repository.verify_token(secret).name  # type: ignore[union-attr]
    before = site.repository.revision(SCRATCH)
    posted = http.post(
        f"{API}/rounds/9/results",
        files={"file": ("r9.csv", r9_with({}), "text/csv")},
        data={"reason": "scoped post"},
        headers=bearer(secret),
    )
    assert posted.status_code == 201, posted.text
    assert site.repository.result_versions(SCRATCH, 9)[-1].actor == name
    penalty = http.post(f"{API}/penalties", json=PENALTY, headers=bearer(secret))
    assert penalty.status_code == 201, penalty.text
    assert site.repository.revision(SCRATCH) == before + 2


def test_a_write_token_for_another_season_is_403_and_writes_nothing(
    site: Site, http: httpx.Client
) -> None:
    secret = token(site, TokenScope.WRITE, "alms-2004", "imsa-2023")
    before = snapshot(site)
    refusals = [
        http.post(
            f"{API}/rounds/9/results",
            files={"file": ("r9.csv", r9_with({}), "text/csv")},
            headers=bearer(secret),
        ),
        http.post(
            f"{API}/rounds/9/amendments",
            files={"file": ("r9.csv", r9_with({}), "text/csv")},
            data={"reason": "x"},
            headers=bearer(secret),
        ),
        http.post(f"{API}/penalties", json=PENALTY, headers=bearer(secret)),
        http.post(f"{API}/penalties/1/withdraw", json={"reason": "x"}, headers=bearer(secret)),
    ]
    for response in refusals:
        (problem,) = assert_error(response, 403)
        assert problem == {
            "file": "header",
            "line": None,
            "field": "Authorization",
            "message": f"this token may not write season {SCRATCH}",
            "expected": f"an admin token, or a write token for {SCRATCH}",
            "found": "write for alms-2004, imsa-2023",
        }
        assert response.json()["error"]["title"] == "Forbidden"
        assert "insufficient_scope" in response.headers["www-authenticate"]
    assert snapshot(site) == before


def test_the_403_comes_before_the_body_is_read(site: Site) -> None:
    """300 MB announced, not one byte sent: refused at once."""
    secret = token(site, TokenScope.WRITE, "alms-2004")
    before = snapshot(site)
    auth = f"Authorization: Bearer {secret}\r\n"
    status, took = headers_only(site, f"{API}/rounds/9/results", 300_000_000, auth)
    assert status == 403 and took < 5
    status, took = headers_only(site, "/api/v1/seasons", 300_000_000, auth)
    assert status == 403 and took < 5
    assert snapshot(site) == before


def test_only_admin_loads_a_season(site: Site, http: httpx.Client) -> None:
    """Even a write token for the very season the archive holds."""
    secret = token(site, TokenScope.WRITE, "alms-2004", SCRATCH)
    before = site.repository.revision("alms-2004")
    files = {"file": ("alms2004.zip", season_zip(), "application/zip")}
    (problem,) = assert_error(
        http.post("/api/v1/seasons", files=files, headers=bearer(secret)), 403
    )
    assert problem["message"] == "this token may not load or create seasons"
    assert (problem["expected"], problem["found"]) == (
        "an admin token",
        f"write for alms-2004, {SCRATCH}",
    )
    loaded = http.post(
        "/api/v1/seasons", files=files, headers=bearer(token(site, TokenScope.ADMIN))
    )
    assert loaded.status_code == 200, loaded.text  # admin may; the season is unchanged
    assert site.repository.revision("alms-2004") == before


def test_admin_writes_any_season(site: Site, http: httpx.Client) -> None:
    before = site.repository.revision(SCRATCH)
    admin = token(site, TokenScope.ADMIN)
    response = http.post(f"{API}/penalties", json=PENALTY, headers=bearer(admin))
    assert response.status_code == 201, response.text
    assert site.repository.revision(SCRATCH) == before + 1


def test_an_expired_token_is_401_saying_so(site: Site, http: httpx.Client) -> None:
    gone = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    secret = token(site, TokenScope.WRITE, SCRATCH, expires=gone)
    before = snapshot(site)
    (problem,) = assert_error(
        http.post(f"{API}/penalties", json=PENALTY, headers=bearer(secret)), 401
    )
    assert problem["field"] == "Authorization"
    assert "expired on" in str(problem["message"]) and str(problem["found"]).endswith("expired")
    status, took = headers_only(
        site, f"{API}/rounds/9/results", 300_000_000, f"Authorization: Bearer {secret}\r\n"
    )
    assert status == 401 and took < 5
    assert snapshot(site) == before


def test_a_revoked_token_is_401_saying_so(site: Site, http: httpx.Client) -> None:
    secret = token(site, TokenScope.ADMIN)
    info = site.repository.find_token(secret)
    assert info is not None
    assert http.post(f"{API}/penalties", json=PENALTY, headers=bearer(secret)).status_code == 201
    site.repository.revoke_token(str(info.id))
    before = snapshot(site)
    response = http.post(f"{API}/penalties", json=PENALTY, headers=bearer(secret))
    (problem,) = assert_error(response, 401)
    assert problem["message"].startswith(f"token {info.name!r} was revoked on")  # type: ignore[union-attr]
    assert problem["found"] == f"token {info.id}, revoked"
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert snapshot(site) == before
    unknown = assert_error(
        http.post(f"{API}/penalties", json=PENALTY, headers=bearer("pdm_x")), 401
    )
    assert unknown[0]["message"] == "unknown token"
