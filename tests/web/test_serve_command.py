"""`podium serve` as `make run` starts it: a real process, its address
printed, the site answering; `--season PATH` serves a folder."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.web.conftest import free_port


def test_serve_prints_its_address_and_serves_a_season_folder(season_copy: Path) -> None:
    # A changed folder proves --season is served, not the built-in season.
    toml = season_copy / "season.toml"
    toml.write_text(toml.read_text().replace('id = "alms-2004"', 'id = "alms-2004-copy"', 1))
    port = free_port()
    podium = Path(sys.executable).with_name("podium")
    process = subprocess.Popen(
        [str(podium), "serve", "--port", str(port), "--season", str(season_copy)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.strip() == (
            f"podium: serving http://127.0.0.1:{port}/seasons/alms-2004-copy "
            f"(API: http://127.0.0.1:{port}/api/v1)"
        )
        token = process.stdout.readline().rsplit(" ", 1)[-1].strip()
        deadline = time.monotonic() + 20
        while True:
            try:
                response = httpx.get(
                    f"http://127.0.0.1:{port}/api/v1/seasons/alms-2004-copy/standings/GT/teams"
                )
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "podium serve did not answer"
                time.sleep(0.1)
        assert response.json()["rows"][0]["competitor"]["name"] == "Alex Job Racing"
        written = httpx.post(
            f"http://127.0.0.1:{port}/api/v1/seasons/alms-2004-copy/penalties",
            json={"round": 9, "car_no": "3", "kind": "points", "value": "1", "reason": "test"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert written.status_code == 201, written.text  # the printed token writes
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_loads_the_built_in_seasons_into_an_empty_database(tmp_path: Path) -> None:
    port = free_port()
    podium = Path(sys.executable).with_name("podium")
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    process = subprocess.Popen(
        [str(podium), "serve", "--port", str(port), "--database", url],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == (
            "podium: loaded the built-in season alms-2004 into the database"
        )
        assert process.stdout.readline().strip() == (
            "podium: loaded the built-in season imsa-2023 into the database"
        )
        assert process.stdout.readline().strip() == (
            f"podium: serving http://127.0.0.1:{port}/seasons/alms-2004 "
            f"(API: http://127.0.0.1:{port}/api/v1)"
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                response = httpx.get(
                    f"http://127.0.0.1:{port}/seasons/alms-2004/standings/GT/teams.json"
                )
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "podium serve did not answer"
                time.sleep(0.1)
        assert response.status_code == 200
        assert (tmp_path / "podium.db").is_file()
        # Loaded as published (app.publication): on 1 June 2023 four IMSA rounds
        # were out (Daytona 28 January ... Laguna Seca 14 May; Watkins Glen was
        # on 25 June), and 2004 stood before Laguna Seca on 15 October 2004.
        api = f"http://127.0.0.1:{port}/api/v1/seasons"
        june = httpx.get(f"{api}/imsa-2023/rounds", params={"as_of": "2023-06-01T00:00:00Z"})
        assert june.status_code == 200, june.text
        held = [r["round"] for r in june.json()["rounds"] if r["has_results"]]
        assert held == [1, 2, 3, 4]
        eve = httpx.get(f"{api}/alms-2004/winners", params={"as_of": "2004-10-15T12:00:00Z"})
        assert eve.status_code == 200, eve.text
        assert max(w["round"] for w in eve.json()["winners"]) == 8
    finally:
        process.terminate()
        process.wait(timeout=10)
