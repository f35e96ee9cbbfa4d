"""Laps on the site: the JSON API, the CSV download and the round page's lap
and gap charts (only for a round with laps), on every repository."""

from __future__ import annotations

import dataclasses

import httpx
import pytest

from podium.model import Season
from tests.laps.sample import sample_laps, with_laps
from tests.web.conftest import Site


@pytest.fixture
def season_id(site: Site, alms: Season) -> str:
    return with_laps(site.repository, alms)


def test_the_api_answers_a_rounds_laps(season_id: str, http: httpx.Client) -> None:
    api = f"/api/v1/seasons/{season_id}/rounds/9/laps"
    held = http.get(api).json()
    assert (held["round"], held["session"], held["sessions"]) == (9, "race", ["race"])
    assert len(held["cars"]) == 25
    leader = held["cars"][0]
    assert (leader["car_no"], leader["class"], leader["laps"][0]["class_position"]) == (
        "2",
        "LMP1",
        1,
    )
    (car,) = http.get(api, params={"car": "16"}).json()["cars"]
    assert [lap["gap_ms"] for lap in car["laps"]] == [700, 1400, 2100, 2800, 3500, 4200]
    assert http.get(api, params={"session": "sprint"}).json()["cars"] == []
    assert http.get(api, params={"car": "999"}).status_code == 404
    assert http.get(api, params={"session": "Race!"}).status_code == 422
    assert http.get(f"/api/v1/seasons/{season_id}/rounds/99/laps").status_code == 404
    # The built-in season has no laps: an empty answer, not an error.
    assert http.get("/api/v1/seasons/alms-2004/rounds/9/laps").json()["cars"] == []


def test_the_laps_download_as_csv(season_id: str, http: httpx.Client, alms: Season) -> None:
    response = http.get(f"/seasons/{season_id}/rounds/9/laps.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    lines = response.text.splitlines()
    assert lines[0] == "car,class,lap,driver,time,pos,class_pos,gap,elapsed,s1,s2,s3,pit,valid"
    assert len(lines) == 1 + len(sample_laps(alms))


def test_the_round_page_draws_lap_and_gap_charts_per_class(
    season_id: str, http: httpx.Client
) -> None:
    html = http.get(f"/seasons/{season_id}/rounds/9").text
    for code in ("lmp1", "lmp2", "gts", "gt"):
        assert f'id="lap-chart-race-{code}"' in html
        assert f'id="gap-chart-race-{code}"' in html
    assert '<title id="lap-chart-race-gt-title">Lap chart: GT, race</title>' in html
    assert f'href="/seasons/{season_id}/rounds/9/laps.csv" download' in html
    assert ">Lap</text>" in html and "Gap to class leader (s)" in html
    assert "lap-chart" not in http.get("/seasons/alms-2004/rounds/9").text
    assert "lap-chart" not in http.get(f"/seasons/{season_id}/rounds/8").text


def test_new_laps_show_at_once(
    site: Site, season_id: str, http: httpx.Client, alms: Season
) -> None:
    sprint = [dataclasses.replace(lap, session="sprint") for lap in sample_laps(alms)[:50]]
    assert http.get(f"/seasons/{season_id}/rounds/9").status_code == 200  # cached
    site.repository.put_laps(season_id, 9, "sprint", sprint, "tests", "sprint laps")
    html = http.get(f"/seasons/{season_id}/rounds/9").text
    assert 'id="laps-sprint"' in html and 'id="lap-chart-sprint-lmp1"' in html
    assert f"/seasons/{season_id}/rounds/9/laps.csv?session=sprint" in html
    site.repository.put_laps(season_id, 9, "sprint", [], "tests", "sprint laps withdrawn")
    assert 'id="laps-sprint"' not in http.get(f"/seasons/{season_id}/rounds/9").text
