"""schemathesis against /api/v1/openapi.json: no generated request makes the
server fail (5xx). It runs on its own server and repository, with a valid
token, so the write endpoints are exercised beyond the 401."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from podium.model import Season
from tests.web.conftest import loaded, serving


def test_no_server_errors(alms: Season, tmp_path: Path) -> None:
    repository = loaded(alms)
    token = repository.create_token("schemathesis")
    st = Path(sys.executable).with_name("schemathesis")
    with serving(repository) as url:
        run = subprocess.run(
            [
                str(st),
                "run",
                f"{url}/api/v1/openapi.json",
                "--checks",
                "not_a_server_error",
                "--max-examples",
                "15",
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
            timeout=170,
            cwd=tmp_path,
        )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    generated = re.search(r"(\d+) generated", run.stdout)
    assert generated and int(generated.group(1)) >= 100, run.stdout[-2000:]
