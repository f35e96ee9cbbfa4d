"""The hostile corpus, through the API (issue 14): every route of the
OpenAPI document with hostile path parameters, query strings, bodies,
content types, uploads and zips, each with and without a token. Zero 500s,
zero tracebacks, every refusal in the project's error shape, and nothing
written: each season's revision and the season list are the same after
every hostile request.

The bulk runs in process (Starlette's TestClient, no socket) on a memory
and a SQLite repository (an ``as_of`` only a database converts to UTC
crashed there alone); a handful more go to a real `podium serve` process,
whose log must hold no traceback. Each test loops over its cases and
fails once, listing every offender."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import subprocess
import sys
import time
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from podium.app.memory import MemoryRepository
from podium.app.repository import Repository
from podium.datasets import builtin_season_path
from podium.model import Season
from podium.web import create_app
from tests.web.conftest import SCRATCH, free_port

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note on httpx versions
    from starlette.testclient import TestClient

ALMS = "alms-2004"
R9 = builtin_season_path() / "results" / "r9.csv"
VALID_PATH = {
    "season_id": SCRATCH,
    "round_number": "9",
    "class_code": "GT",
    "championship": "teams",
    "number": "1",
}
"""A valid value of each path parameter: one parameter at a time is hostile."""

HOSTILE_TEXT = [
    "%00",
    "a%00b",
    "..%2F..%2Fetc%2Fpasswd",
    "..",
    "%2E%2E",
    "x" * 5000,
    quote("\u202egnp.exe\u202c", safe=""),
    quote("🏁🏎️", safe=""),
    quote("' OR 1=1--", safe=""),
    quote('"; DROP TABLE seasons; --', safe=""),
    "-1",
    "0",
    "99999999999999999999999999",
    "1e999999",
    "NaN",
    "%FF%FE",
    "%20",
    quote("<script>alert(1)</script>", safe=""),
    "%0d%0aSet-Cookie:%20x=1",
]
"""Path segments, already percent-encoded as a client would send them."""

AS_OF = [
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "0001-01-01T00:00:00-23:59",
    "9999-12-31T23:59:59.999999+00:01",
    "0001-01-01",
    "9999-12-31",
    "2004-10-17T12:00:00.9999999999999",
    "2004-10-17T12:00:00+99:00",
    "2004-02-30",
    "1e999999",
    "9" * 64,
    str(2**63),
    "-1",
    "0",
    "+5",
    "１２",
    "³",
    "NaN",
    "inf",
    "2004-10-17T12:00:00\x00",
    "' OR 1=1--",
    "x" * 65,
]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    url: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    token: bool = False
    """A valid admin token is added (a fresh one per case: the write rate
    limit is per token, and the corpus is far past a desk's burst)."""


@dataclass
class Api:
    repository: Repository
    client: TestClient

    def state(self) -> tuple[tuple[str, ...], tuple[int, ...], int]:
        ids = tuple(sorted(self.repository.season_ids()))
        return (
            ids,
            tuple(self.repository.revision(s) for s in ids),
            len(self.repository.result_versions(SCRATCH, 9)),
        )

    def run(self, cases: list[Case]) -> list[str]:
        """The offenders among ``cases``, one line each."""
        offenders = []
        for n, case in enumerate(cases):
            kwargs = dict(case.kwargs)
            if case.token:
                token = self.repository.create_token(f"hostile {n} {time.monotonic_ns()}")
                kwargs["headers"] = {**bearer(token), **kwargs.get("headers", {})}
            before = self.state()
            try:
                response = self.client.request(case.method, case.url, **kwargs)
            except Exception as exc:  # the transport itself gave up: an offender too
                offenders.append(f"{case.name}: {type(exc).__name__}: {exc}"[:300])
                continue
            wrong = judge(response)
            if self.state() != before:
                wrong = wrong or f"wrote something ({before} -> {self.state()})"
            if wrong:
                offenders.append(f"{case.name}: {case.method} {case.url[:120]}: {wrong}"[:400])
        return offenders


def judge(response: httpx.Response) -> str:
    """Why ``response`` offends ('' when it does not): a 5xx, a traceback,
    a 2xx to a hostile write is caught by the state check, a refusal
    outside the error shape."""
    status = response.status_code
    if status >= 500 or status >= 600:
        return f"{status}: {response.text[:200]}"
    if "Traceback" in response.text:
        return f"{status} with a traceback"
    if status >= 400:
        if not response.headers.get("content-type", "").startswith("application/json"):
            return f"{status} not JSON: {response.headers.get('content-type')}"
        body = response.json()
        error = body.get("error") if isinstance(body, dict) else None
        if (
            not isinstance(error, dict)
            or error.get("status") != status
            or not error.get("problems")
        ):
            return f"{status} not the error shape: {response.text[:200]}"
        for problem in error["problems"]:
            if set(problem) != {"file", "line", "field", "message", "expected", "found"}:
                return f"{status} problem not in shape: {problem}"
    return ""


def make_api(alms: Season, repository: Repository) -> Iterator[Api]:
    scratch = dataclasses.replace(alms, id=SCRATCH, name="2004 ALMS (scratch copy)")
    for season in (alms, scratch):
        repository.load_season(season, actor="tests")
    with TestClient(create_app(repository), raise_server_exceptions=False) as client:
        yield Api(repository, client)


@pytest.fixture(scope="module")
def memory_api(alms: Season) -> Iterator[Api]:
    yield from make_api(alms, MemoryRepository())


@pytest.fixture(scope="module")
def sqlite_api(alms: Season) -> Iterator[Api]:
    from tests.store.databases import sqlite_repository

    yield from make_api(alms, sqlite_repository())


def routes(app_client: TestClient) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path template, operation) of every route the OpenAPI lists."""
    spec = app_client.app.openapi()  # type: ignore[attr-defined]
    return [
        (method.upper(), path, operation)
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
    ]


def fill(template: str, hostile: dict[str, str] | None = None) -> str:
    values = {**VALID_PATH, **(hostile or {})}
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template)


def params_of(operation: dict[str, Any], where: str) -> list[str]:
    return [p["name"] for p in operation.get("parameters", []) if p["in"] == where]


def path_cases(api: Api) -> list[Case]:
    cases = []
    for method, template, operation in routes(api.client):
        for name in params_of(operation, "path"):
            for value in HOSTILE_TEXT:
                cases.append(
                    Case(
                        f"path {name}={value[:30]}",
                        method,
                        fill(template, {name: value}),
                        {"json": {}} if method == "POST" else {},
                        token=method == "POST",
                    )
                )
    return cases


def query_cases(api: Api) -> list[Case]:
    cases = []
    for method, template, operation in routes(api.client):
        if method != "GET":
            continue
        url = fill(template)
        names = params_of(operation, "query")
        if "as_of" in names:
            for value in AS_OF:
                cases.append(
                    Case(f"as_of={value[:30]!r}", "GET", url, {"params": {"as_of": value}})
                )
        for name in names:
            for value in ("-1", "0", "1e999999", "99999999999999999999", "", "%00", "x" * 3000):
                cases.append(Case(f"{name}={value[:20]!r}", "GET", url, {"params": {name: value}}))
            # The same parameter twice, the second hostile.
            cases.append(Case(f"{name} twice", "GET", f"{url}?{name}=1&{name}=%00&{name}=-1"))
    versions = fill("/api/v1/seasons/{season_id}/rounds/{round_number}/versions")
    for limit, offset in ((0, 0), (-1, 0), (10**9, 0), (1, -1), (1, 10**12), (1, 10**30)):
        cases.append(
            Case(
                f"versions {limit}/{offset}",
                "GET",
                versions,
                {"params": {"limit": limit, "offset": offset}},
            )
        )
    cases.append(Case("raw query junk", "GET", f"{versions}?%zz=%&&&=&limit[]=1"))
    return cases


PENALTY = {"round": 9, "car_no": "3", "kind": "points", "value": "1", "reason": "test"}


def deep(levels: int, open_: str = "[", close: str = "]") -> bytes:
    return (open_ * levels + close * levels).encode()


def json_bodies() -> list[tuple[str, bytes]]:
    """Bodies a penalty or a withdrawal must refuse (none is a valid penalty)."""

    def with_(**change: Any) -> bytes:
        import json

        return json.dumps({**PENALTY, **change}).encode()

    return [
        ("empty", b""),
        ("null", b"null"),
        ("list", b"[]"),
        ("string", b'"penalty"'),
        ("truncated", with_()[:-5]),
        ("deep list 10k", deep(10_000)),
        ("deep object 10k", b'{"a":' * 10_000 + b"1" + b"}" * 10_000),
        ("deep in a field", b'{"round": ' + deep(10_000) + b', "kind": "points", "reason": "x"}'),
        ("round true", with_(round=True, car_no="9999")),
        ("round string", with_(round="nine")),
        (
            "round 1e999999",
            with_(round=1e999999)
            if False
            else b'{"round": 1e999999, "kind": "points", "reason": "x"}',
        ),
        ("round -1", with_(round=-1)),
        ("round huge", with_(round=10**30)),
        ("round null", with_(round=None)),
        ("round float", with_(round=9.5)),
        ("value 1e999999", with_(value="1e999999")),
        ("value NaN", with_(value="NaN")),
        ("value -inf", with_(value="-inf")),
        ("value huge", with_(value="9" * 50)),
        ("value number", with_(value=10**30)),
        ("kind unknown", with_(kind="death penalty")),
        ("kind null", with_(kind=None)),
        ("reason empty", with_(reason="")),
        ("reason huge", with_(reason="x" * 60_000)),
        ("reason NUL", with_(reason="a\x00b")),
        ("reason control", with_(reason="\x1b[2J")),
        ("car unknown", with_(car_no="9999")),
        ("car sql", with_(car_no="' OR 1=1--")),
        ("car NUL", with_(car_no="3\x00")),
        ("car RTL", with_(car_no="\u202e3")),
        ("class unknown", with_(**{"class": "F1"}, car_no="3x")),
        ("entry and car", with_(entry="x" * 100, car_no="9999")),
        ("round 999", with_(round=999)),
        ("session odd", with_(session="../../etc", car_no="9999")),
        ("championship odd", with_(championship="\x00")),
        ("extra fields and bad car", with_(car_no="9999", admin=True, __proto__={"x": 1})),
        ("duplicate keys", b'{"round": 9, "round": "x", "kind": "points", "reason": "x"}'),
        ("NaN literal", b'{"round": NaN, "kind": "points", "reason": "x"}'),
        (
            "lone surrogate",
            b'{"round": 9, "kind": "points", "reason": "\\ud800", "car_no": "9999"}',
        ),
        ("not UTF-8", b'{"round": 9, "kind": "\xff\xfe", "reason": "x"}'),
        ("UTF-16", '{"round": 9}'.encode("utf-16")),
        ("NUL bytes", b"\x00" * 100),
        (
            "huge number literal",
            b'{"round": ' + b"9" * 5000 + b', "kind": "points", "reason": "x"}',
        ),
        ("too large", b'{"reason": "' + b"x" * 70_000 + b'"}'),
    ]


WITHDRAWN_ANYWAY = {"reason NUL", "reason control"}
"""Bodies whose reason has a control character: they would withdraw decision 1
if let through, so they are sent to the withdrawal route in a test of their own
(``test_a_withdrawal_reason_with_control_characters_is_refused``)."""


def write_cases() -> list[Case]:
    cases = []
    penalties = f"/api/v1/seasons/{SCRATCH}/penalties"
    withdraw = f"{penalties}/1/withdraw"
    json_type = {"Content-Type": "application/json"}
    for name, body in json_bodies():
        # A withdrawal's body is its reason: the bodies with a valid one
        # would withdraw penalty 1, so they go to the penalty route only.
        valid_reason = re.search(rb'"reason": "[a-z]{1,10}"', body) is not None
        known = name in WITHDRAWN_ANYWAY
        for url in (penalties,) if valid_reason or known else (penalties, withdraw):
            cases.append(
                Case(f"body {name}", "POST", url, {"content": body, "headers": json_type}, True)
            )
            cases.append(
                Case(f"no token, body {name}", "POST", url, {"content": body, "headers": json_type})
            )
    for content_type in (
        "text/plain",
        "application/xml",
        "multipart/form-data",
        "",
        "application/json; charset=utf-7",
    ):
        cases.append(
            Case(
                f"penalty as {content_type!r}",
                "POST",
                penalties,
                {"content": b"round=9&kind=points", "headers": {"Content-Type": content_type}},
                True,
            )
        )
    for header in (
        "Bearer",
        "Bearer ",
        "Bearer pdm_x",
        "Basic Zm9vOmJhcg==",
        "Bearer " + "x" * 5000,
        "Bearer \x7f",
    ):
        cases.append(
            Case(
                f"Authorization {header[:20]!r}",
                "POST",
                penalties,
                {"json": PENALTY, "headers": {"Authorization": header}},
            )
        )
    for method in ("PUT", "DELETE", "PATCH"):
        cases.append(Case(f"{method} penalties", method, penalties, {"json": PENALTY}, True))
    cases.append(
        Case(
            "penalty on another season",
            "POST",
            "/api/v1/seasons/nowhere/penalties",
            {"json": PENALTY},
            True,
        )
    )
    return cases


def results_files() -> list[tuple[str, bytes]]:
    r9 = R9.read_bytes()
    text = r9.decode()
    header, first, rest = text.split("\n", 2)
    return [
        ("empty", b""),
        ("header only", (header + "\n").encode()),
        ("truncated in a row", (header + "\n" + first[:25]).encode()),
        ("garbage", bytes(range(256)) * 20),
        ("NUL", r9.replace(b",", b",\x00", 1)),
        ("control", (header + "\n" + first.replace(",", ",\x1b[31m", 1) + "\n" + rest).encode()),
        ("UTF-16", text.encode("utf-16")),
        ("not UTF-8", r9.replace(b",", b",\xff", 3)),
        (
            "huge cell",
            (header + "\n" + first.replace(",", "," + "x" * 200_000, 1) + "\n" + rest).encode(),
        ),
        ("huge number", re.sub(r",(\d+),", ",9" + "9" * 400 + ",", text, count=5).encode()),
        ("negative", re.sub(r",(\d+),", ",-5,", text, count=5).encode()),
        (
            "unknown car",
            (
                header + "\n" + re.sub(r"^((?:[^,]*,){3})[^,]*", r"\g<1>9999", first) + "\n" + rest
            ).encode(),
        ),
        ("unknown column", text.replace(header, header + ",evil", 1).encode()),
        ("extra cells", (header + "\n" + first + ",x,y,z\n" + rest).encode()),
        ("unclosed quote", (header + '\n"' + first + "\n" + rest).encode()),
        ("a zip", _zip({"r9.csv": r9})),
        ("lines only", b"\n" * 100_000),
        ("deep JSON", deep(10_000)),
    ]


def upload_cases() -> list[Case]:
    cases = []
    base = f"/api/v1/seasons/{SCRATCH}/rounds"
    for name, body in results_files():
        for round_number, route, data in (
            (9, "results", {}),
            (9, "amendments", {"reason": "hostile"}),
            (1, "results", {"status": "official"}),
        ):
            url = f"{base}/{round_number}/{route}"
            files = {"file": ("r9.csv", body, "text/csv")}
            cases.append(Case(f"{route} {name}", "POST", url, {"files": files, "data": data}, True))
        cases.append(
            Case(
                f"no token, {name}",
                "POST",
                f"{base}/9/results",
                {"files": {"file": ("r.csv", body)}},
            )
        )
    url = f"{base}/9/results"
    good = {"file": ("r9.csv", R9.read_bytes(), "text/csv")}
    for name, kwargs in (
        ("no file", {"data": {"status": "official"}}),
        ("bad status", {"files": good, "data": {"status": "'; DROP"}}),
        ("reason too long", {"files": good, "data": {"reason": "x" * 5000, "status": "bogus"}}),
        ("file as a field", {"data": {"file": "r9.csv"}}),
        (
            "two files, both bad",
            {"files": [("file", ("a.csv", b"\x00")), ("file", ("b.csv", b"\x00"))]},
        ),
        ("filename traversal", {"files": {"file": ("../../../etc/passwd", b"\x00")}}),
        ("filename NUL", {"files": {"file": ("a\x00.csv", b"junk")}}),
        ("json instead", {"json": {"file": "x"}}),
        (
            "malformed multipart",
            {
                "content": b'--xx\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc',
                "headers": {"Content-Type": "multipart/form-data; boundary=xx"},
            },
        ),
        (
            "multipart, no boundary",
            {"content": b"abc", "headers": {"Content-Type": "multipart/form-data"}},
        ),
        (
            "multipart, empty",
            {"content": b"", "headers": {"Content-Type": "multipart/form-data; boundary=b"}},
        ),
        (
            "urlencoded",
            {
                "content": b"file=%00",
                "headers": {"Content-Type": "application/x-www-form-urlencoded"},
            },
        ),
        (
            "declared too large",
            {
                "content": b"x",
                "headers": {"Content-Type": "text/csv", "Content-Length": str(10**12)},
            },
        ),
    ):
        cases.append(Case(f"upload {name}", "POST", url, kwargs, True))
    return cases


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def season_members(prefix: str = "s/", season_id: str = "hostile-zip") -> dict[str, bytes]:
    folder = builtin_season_path()
    members = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.name == "season.toml":
            data = data.replace(b'id = "alms-2004"', f'id = "{season_id}"'.encode(), 1)
        members[prefix + path.relative_to(folder).as_posix()] = data
    return members


def _patched(archive: bytes, find: bytes, replace: bytes, count: int = 1) -> bytes:
    return archive.replace(find, replace, count)


def hostile_zips() -> list[tuple[str, bytes]]:
    """Season zips that must be refused (4xx) and load nothing."""
    good = season_members()
    stored = _zip(good, zipfile.ZIP_STORED)
    toml = good["s/season.toml"]
    # A flipped byte in a stored member: its CRC no longer matches.
    bad_crc = stored.replace(toml[:40], bytes([toml[0] ^ 1]) + toml[1:40], 1)
    # Lying sizes: the central directory says 10 bytes for every member.
    out = io.BytesIO(_zip(good))
    lying = bytearray(out.getvalue())
    for at in [m.start() for m in re.finditer(rb"PK\x01\x02", bytes(lying))]:
        lying[at + 24 : at + 28] = (10).to_bytes(4, "little")  # uncompressed size
    encrypted = bytearray(_zip(good))
    for at in [m.start() for m in re.finditer(rb"PK\x03\x04|PK\x01\x02", bytes(encrypted))]:
        flag_at = at + (6 if encrypted[at + 2 : at + 4] == b"\x03\x04" else 8)
        encrypted[flag_at] |= 1  # the "encrypted" flag bit
    bomb = _zip({**good, "s/results/bomb.csv": b"0" * (60 * 1024 * 1024)})
    traversal = _zip({**good, "../escape.csv": b"x", "s/../../x": b"y"})
    absolute = _zip({**good, "/tmp/podium-absolute": b"x"})
    two = _zip({**good, **season_members("t/", "hostile-zip-two")})
    broken_rules = _zip({**good, "s/rules.toml": b"a = " + b"[" * 10_000})
    deep_season = _zip({**good, "s/season.toml": b"a = " + b"{b = " * 10_000})
    huge_cell = _zip({**good, "s/teams.csv": b"name\n" + b"x" * 200_000 + b"\n"})
    return [
        ("not a zip", b"PK\x03\x04 definitely not a zip"),
        ("empty", b""),
        ("truncated", _zip(good)[:1000]),
        ("empty zip", _zip({})),
        ("no season.toml", _zip({"s/readme.txt": b"hi"})),
        ("bad CRC", bad_crc),
        ("lying sizes", bytes(lying)),
        ("encrypted member", bytes(encrypted)),
        ("zip bomb", bomb),
        ("path traversal", traversal),
        ("absolute path", absolute),
        ("two season folders", two),
        ("rules nested too deeply", broken_rules),
        ("season.toml nested too deeply", deep_season),
        ("teams.csv huge cell", huge_cell),
        ("NUL in season.toml", _zip({**good, "s/season.toml": toml.replace(b"\n", b"\x00\n", 1)})),
    ]


def zip_cases() -> list[Case]:
    cases = []
    for name, body in hostile_zips():
        files = {"file": ("season.zip", body, "application/zip")}
        cases.append(Case(f"zip {name}", "POST", "/api/v1/seasons", {"files": files}, True))
    cases.append(
        Case("zip, no token", "POST", "/api/v1/seasons", {"files": {"file": ("s.zip", b"x")}})
    )
    return cases


def fail_listing(what: str, total: int, offenders: list[str]) -> None:
    if offenders:
        pytest.fail(
            f"{len(offenders)} of {total} hostile {what} offend:\n" + "\n".join(offenders),
            pytrace=False,
        )


def test_hostile_path_parameters(memory_api: Api) -> None:
    cases = path_cases(memory_api)
    assert len(cases) > 300
    fail_listing("path parameters", len(cases), memory_api.run(cases))


@pytest.mark.parametrize("backend", ["memory", "sqlite"])
def test_hostile_query_strings(backend: str, request: pytest.FixtureRequest) -> None:
    """On SQLite too: a moment with no UTC equivalent crashed only there."""
    api: Api = request.getfixturevalue(f"{backend}_api")
    cases = query_cases(api)
    fail_listing("query strings", len(cases), api.run(cases))


def test_hostile_json_bodies_with_and_without_a_token(memory_api: Api) -> None:
    cases = write_cases()
    fail_listing("JSON writes", len(cases), memory_api.run(cases))


def test_a_withdrawal_reason_with_control_characters_is_refused(memory_api: Api) -> None:
    url = f"/api/v1/seasons/{SCRATCH}/penalties/1/withdraw"
    cases = [
        Case(
            f"withdraw, {name}",
            "POST",
            url,
            {"content": body, "headers": {"Content-Type": "application/json"}},
            True,
        )
        for name, body in json_bodies()
        if name in WITHDRAWN_ANYWAY
    ]
    fail_listing("withdrawals", len(cases), memory_api.run(cases))


def test_hostile_results_uploads(memory_api: Api) -> None:
    cases = upload_cases()
    fail_listing("uploads", len(cases), memory_api.run(cases))


def test_hostile_season_zips(memory_api: Api) -> None:
    cases = zip_cases()
    fail_listing("season zips", len(cases), memory_api.run(cases))


def test_corpus_is_a_few_hundred(memory_api: Api) -> None:
    total = len(path_cases(memory_api)) + len(query_cases(memory_api))
    total += len(write_cases()) + len(upload_cases()) + len(zip_cases())
    assert total >= 300, total


# -- a real `podium serve` process ------------------------------------------


@dataclass
class Served:
    url: str
    token: str
    log: Path
    folder: Path


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    import shutil

    root = tmp_path_factory.mktemp("served")
    folder = root / "season"
    shutil.copytree(builtin_season_path(), folder)
    log = root / "serve.log"
    port = free_port()
    podium = Path(sys.executable).with_name("podium")
    with log.open("w") as errors:
        process = subprocess.Popen(
            [str(podium), "serve", "--port", str(port), "--season", str(folder)],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    try:
        assert process.stdout is not None
        process.stdout.readline()
        token = process.stdout.readline().rsplit(" ", 1)[-1].strip()
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(f"{url}/api/v1/seasons")
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "podium serve did not answer"
                time.sleep(0.1)
        yield Served(url, token, log, folder)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_hostile_requests_to_a_real_server(served: Served) -> None:
    api = f"/api/v1/seasons/{ALMS}"
    auth = bearer(served.token)
    requests: list[tuple[str, Callable[[httpx.Client], httpx.Response]]] = [
        ("as_of +14:00", lambda c: c.get(f"{api}/standings", params={"as_of": AS_OF[0]})),
        ("as_of -14:00", lambda c: c.get(f"{api}/winners", params={"as_of": AS_OF[1]})),
        ("page as_of", lambda c: c.get(f"/seasons/{ALMS}", params={"as_of": AS_OF[0]})),
        ("path NUL", lambda c: c.get(f"{api}/rounds/%00")),
        ("path huge round", lambda c: c.get(f"{api}/rounds/1e999999/results")),
        ("path RTL", lambda c: c.get(f"/api/v1/seasons/{quote(chr(0x202E) + 'x')}/standings")),
        (
            "deep JSON",
            lambda c: c.post(
                f"{api}/penalties",
                content=deep(10_000),
                headers={**auth, "Content-Type": "application/json"},
            ),
        ),
        (
            "round true",
            lambda c: c.post(
                f"{api}/penalties", json={**PENALTY, "round": True, "car_no": "9999"}, headers=auth
            ),
        ),
        ("no token", lambda c: c.post(f"{api}/penalties", json=PENALTY)),
        (
            "huge cell upload",
            lambda c: c.post(
                f"{api}/rounds/9/results",
                files={"file": ("r.csv", results_files()[8][1])},
                headers=auth,
            ),
        ),
        (
            "deep rules zip",
            lambda c: c.post(
                "/api/v1/seasons", files={"file": ("s.zip", hostile_zips()[12][1])}, headers=auth
            ),
        ),
        (
            "malformed multipart",
            lambda c: c.post(
                f"{api}/rounds/9/results",
                content=b"--b\r\njunk",
                headers={**auth, "Content-Type": "multipart/form-data; boundary=b"},
            ),
        ),
    ]
    offenders = []
    with httpx.Client(base_url=served.url, timeout=30) as client:
        before = client.get(api).json()
        for name, send in requests:
            wrong = judge(send(client))
            if wrong:
                offenders.append(f"{name}: {wrong}")
        after = client.get(api).json()
    if before != after:
        offenders.append("the season changed")
    log = served.log.read_text()
    if "Traceback" in log:
        offenders.append(f"the server log holds a traceback:\n{log[-3000:]}")
    fail_listing("requests to podium serve", len(requests), offenders)
