"""A crash is a 500 in the same JSON shape, without leaking the exception;
HTML pages report refusals as pages."""

from __future__ import annotations

import httpx

from podium.app.memory import MemoryRepository
from podium.app.repository import AsOf
from podium.model import Season
from tests.web.conftest import serving
from tests.web.test_api_read import assert_error


class Broken(MemoryRepository):
    """Loads fine, then fails every read: a database gone away."""

    failing = False

    def season(self, season_id: str, as_of: AsOf = None) -> Season:
        if self.failing:
            raise RuntimeError("secret database detail")
        return super().season(season_id, as_of)


def test_500_has_the_error_shape_and_hides_the_cause(alms: Season) -> None:
    repository = Broken()
    repository.load_season(alms, actor="tests")
    repository.failing = True
    with serving(repository) as url, httpx.Client(base_url=url) as http:
        response = http.get("/api/v1/seasons/alms-2004/standings/GT/teams")
    problems = assert_error(response, 500)
    assert "secret" not in response.text
    assert problems[0]["field"] == "(server)"


def test_html_404_is_a_page(http: httpx.Client) -> None:
    response = http.get("/seasons/alms-2004/teams/nobody", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "No team with address &#39;nobody&#39;" in response.text
    twin = http.get("/seasons/alms-2004/teams/nobody.json", headers={"Accept": "text/html"})
    assert_error(twin, 404)
