"""The write gate through a real server: a write without a valid token is
refused before its body is read, and a body past its route's limit is cut
off (413), declared or streamed; nothing is written either way."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx

from podium.web.gate import JSON_LIMIT, UPLOAD_LIMIT, limit_for
from tests.web.conftest import SCRATCH, Site
from tests.web.test_api_write import bearer, snapshot

API = f"/api/v1/seasons/{SCRATCH}"


def headers_only(site: Site, path: str, length: int, extra: str = "") -> tuple[int, float]:
    """POST the headers of a ``length``-byte body and none of the body: the
    status the server answers with, and how long it took."""
    where = urlsplit(site.url)
    started = time.monotonic()
    with socket.create_connection((where.hostname, where.port), timeout=10) as sock:
        sock.sendall(
            (
                f"POST {path} HTTP/1.1\r\nHost: {where.hostname}\r\n"
                f"Content-Type: multipart/form-data; boundary=x\r\n"
                f"Content-Length: {length}\r\n{extra}\r\n"
            ).encode()
        )
        reply = sock.recv(4096).decode("latin-1")
    return int(reply.split()[1]), time.monotonic() - started


def test_no_token_is_refused_before_the_body_is_read(site: Site) -> None:
    """300 MB announced, not one byte sent: without the gate the server would
    wait for the body; it answers 401 at once."""
    before = snapshot(site)
    status, took = headers_only(site, f"{API}/rounds/9/results", 300_000_000)
    assert status == 401 and took < 5
    status, took = headers_only(
        site, "/api/v1/seasons", 300_000_000, "Authorization: Bearer pdm_wrong\r\n"
    )
    assert status == 401 and took < 5
    assert snapshot(site) == before


def test_a_declared_body_past_the_limit_is_413_at_once(site: Site) -> None:
    before = snapshot(site)
    status, took = headers_only(
        site, f"{API}/rounds/9/results", UPLOAD_LIMIT + 1, f"Authorization: Bearer {site.token}\r\n"
    )
    assert status == 413 and took < 5
    status, _ = headers_only(
        site, f"{API}/penalties", JSON_LIMIT + 1, f"Authorization: Bearer {site.token}\r\n"
    )
    assert status == 413
    assert snapshot(site) == before


def test_a_streamed_body_past_the_limit_is_cut_off(site: Site, http: httpx.Client) -> None:
    """Chunked, no length declared: counted as it comes in."""
    before = snapshot(site)

    def chunks() -> Iterator[bytes]:
        yield (
            b'--x\r\nContent-Disposition: form-data; name="file"; filename="r9.csv"\r\n'
            b"Content-Type: text/csv\r\n\r\n"
        )
        for _ in range(UPLOAD_LIMIT // (1 << 20) + 4):
            yield b"x" * (1 << 20)

    try:
        response = http.post(
            f"{API}/rounds/9/results",
            content=chunks(),
            headers={**bearer(site.token), "Content-Type": "multipart/form-data; boundary=x"},
        )
        assert response.status_code == 413
        assert response.json()["error"]["problems"][0]["field"] == "body"
    except httpx.TransportError:
        pass  # the server closed the connection on the rest of the body: refused too
    assert snapshot(site) == before


def test_reads_and_writes_within_the_limits_pass(site: Site, http: httpx.Client) -> None:
    assert http.get(f"{API}/standings/GT/teams").status_code == 200
    assert limit_for(f"{API}/rounds/9/results") == UPLOAD_LIMIT
    assert limit_for(f"{API}/rounds/9/amendments") == UPLOAD_LIMIT
    assert limit_for("/api/v1/seasons") == UPLOAD_LIMIT
    assert limit_for(f"{API}/penalties") == JSON_LIMIT
    assert limit_for(f"{API}/penalties/3/withdraw") == JSON_LIMIT


def test_a_control_character_in_an_id_is_422_not_500(site: Site, http: httpx.Client) -> None:
    """GET /api/v1/seasons/alms-2004%00 once reached PostgreSQL: a 500."""
    for path in ("/api/v1/seasons/alms-2004%00", "/seasons/alms-2004%00", "/seasons/x%1b[31m"):
        response = http.get(path)
        assert response.status_code == 422, (path, response.status_code)


def test_every_answer_carries_the_security_headers(site: Site, http: httpx.Client) -> None:
    page = http.get("/seasons/alms-2004", headers={"Accept": "text/html"})
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    for response in (page, http.get(f"{API}/standings/GT/teams"), http.post(f"{API}/penalties")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
