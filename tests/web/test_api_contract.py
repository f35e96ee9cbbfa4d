"""The API's contract: schemathesis walks every route of /api/v1/openapi.json
on a real server and checks each answer against what the document declares:
its status codes, content type, headers and response schema (web/schemas.py,
which refuses undeclared fields), and that no request makes the server
fail. Writes run with an admin token and without the rate limit, so their
answers past the 401 and the 429 are checked too. Bounded: a few examples
per route, one seed."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from podium.model import Season
from podium.web import gate
from podium.web.rate import WriteRate
from tests.web.conftest import loaded, serving

CHECKS = ",".join(
    (
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
        "allow_header_conformance",
    )
)


def test_every_route_answers_as_declared(
    alms: Season, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gate, "WriteRate", lambda: WriteRate(per_minute=1e9, burst=1e9))
    repository = loaded(alms)
    token = repository.create_token("contract")
    st = Path(sys.executable).with_name("schemathesis")
    started = time.monotonic()
    with serving(repository) as url:
        run = subprocess.run(
            [
                str(st),
                "run",
                f"{url}/api/v1/openapi.json",
                "--checks",
                CHECKS,
                "--max-examples",
                "10",
                "--seed",
                "2004",
                "--header",
                f"Authorization: Bearer {token}",
                "--request-timeout",
                "10",
                "--no-color",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
    took = time.monotonic() - started
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    selected = re.search(r"Selected: (\d+)/(\d+)", run.stdout)
    assert selected, run.stdout[-2000:]
    assert selected.group(1) == selected.group(2)  # every operation of the document
    assert int(selected.group(2)) >= 27, run.stdout[-2000:]
    assert took < 60, f"the contract test took {took:.0f} s"
