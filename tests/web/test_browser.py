"""The site in Debian's Chromium, driven by Playwright: what a fan sees.

Never a downloaded browser: /usr/bin/chromium. Without it the tests skip on
a workstation and FAIL under CI=true. Screenshots go to artifacts/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_golden_alms2004 import _seed_classification
from tests.web.conftest import ARTIFACTS, Site, in_ci
from tests.web.test_api_read import published

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (Debian package chromium; .ci/run installs it)"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def shot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def test_navigate_to_gt_team_standings_and_read_the_published_table(page, site: Site) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site.url}/seasons/alms-2004")
    assert page.title() == "2004 American Le Mans Series"
    shot(page, "home")
    gt_row = page.locator("table tr").filter(
        has=page.locator("td:first-child", has_text=re.compile(r"^GT$"))
    )
    gt_row.get_by_role("link", name="Teams' championship").click()
    page.wait_for_url("**/seasons/alms-2004/standings/GT/teams")
    matrix = []
    for row in page.locator("#standings tbody tr").all():
        matrix.append(
            [
                row.locator("td.pos").inner_text().strip(),
                row.locator("th.name a").inner_text().strip(),
                *(c.inner_text().strip() for c in row.locator("td.cell .pts").all()),
                row.locator("td.total").inner_text().strip(),
            ]
        )
    assert matrix == published("GT")
    # The colours are the results key: Alex Job won Sebring (gold), P.K. Sport retired at Laguna Seca.
    first = page.locator("#standings tbody tr").first.locator("td.cell").first
    assert first.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 255, 191)"
    # Hovering the chart reads out round and points.
    page.locator("svg.chart g.series").first.locator("circle").last.hover()
    assert page.locator("output.readout").inner_text() == "Alex Job Racing: 184 pts after round 9"
    shot(page, "standings-gt-teams")


def test_round_9_classification(page, site: Site) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site.url}/seasons/alms-2004/standings/GT/teams")
    page.get_by_role("link", name="R9").click()
    page.wait_for_url("**/seasons/alms-2004/rounds/9")
    rows = page.locator("#overall table tbody tr:not(.st-dns)").all()
    seed = _seed_classification()
    assert len(rows) == len(seed) == 25
    for (pos, cls, middle, laps, reason), row in zip(seed, rows, strict=True):
        cells = [c.inner_text().strip() for c in row.locator("td").all()]
        assert cells[0] == str(pos)
        assert cells[1] == cls
        assert cells[7] == str(laps)
        assert reason.lower() in cells[8].lower()
        flat = middle.replace(" ", "").lower()
        for driver in cells[5].split(" / "):
            surname = driver.split()[-1].replace("ü", "u").replace("ö", "o").lower()
            assert surname in flat, (cells, middle)
    shot(page, "round-9")


def test_reads_on_a_phone(browser, site: Site) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    for path in (
        "/seasons/alms-2004",
        "/seasons/alms-2004/standings/GT/teams",
        "/seasons/alms-2004/rounds/9",
    ):
        page.goto(site.url + path)
        # The page itself never scrolls sideways; wide tables scroll in their own box.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
    shot(page, "phone-round-9")
    context.close()


def test_a_stewards_decision_shows_on_the_round_page_and_goes_on_appeal(  # type: ignore[no-untyped-def]
    page, site: Site, alms
) -> None:
    """Race control on the site: LMP2 at Laguna Seca finished #30, #56, #10
    (the seed's classification). #30 disqualified through the API: the round
    page lists the decision and #56 heads LMP2, saying why; withdrawn on
    appeal, the page says so and #30 is back in front."""
    import dataclasses

    from tests.web.test_api_write import bearer

    season_id = "alms-2004-stewards"
    site.repository.load_season(dataclasses.replace(alms, id=season_id), actor="tests")
    api = f"{site.url}/api/v1/seasons/{season_id}"
    with site.client() as http:
        posted = http.post(
            f"{api}/penalties",
            json={"round": 9, "car_no": "30", "kind": "dsq", "reason": "underweight"},
            headers=bearer(site.token),
        )
        assert posted.status_code == 201, posted.text
        listed = http.get(f"{api}/penalties", params={"round": 9}).json()["decisions"]
        number = listed[-1]["number"]

    def lmp2() -> list[list[str]]:
        page.goto(f"{site.url}/seasons/{season_id}/rounds/9")
        rows = page.locator("#class-LMP2 table tbody tr").all()
        return [[c.inner_text().strip() for c in r.locator("td").all()] for r in rows]

    rows = lmp2()
    assert [(r[2], r[3]) for r in rows[:2]] == [("1", "56"), ("2", "10")]
    assert "2nd on the timing sheet; #30 disqualified" in " ".join(rows[0])
    decisions = page.locator("#decisions").inner_text()
    assert "underweight" in decisions and "standing" in decisions
    shot(page, "round-9-decision")

    with site.client() as http:
        withdrawn = http.post(
            f"{api}/penalties/{number}/withdraw",
            json={"reason": "appeal upheld"},
            headers=bearer(site.token),
        )
        assert withdrawn.status_code == 200, withdrawn.text
    rows = lmp2()
    assert [(r[2], r[3]) for r in rows[:3]] == [("1", "30"), ("2", "56"), ("3", "10")]
    assert "withdrawn: appeal upheld" in page.locator("#decisions").inner_text()


def test_a_round_with_laps_shows_its_lap_chart_and_gap_chart(  # type: ignore[no-untyped-def]
    page, site: Site, alms
) -> None:
    """A round whose laps are stored draws, per class, the place of each car
    at the end of every lap and its gap to the class leader: one line per
    car, named for screen readers, with the numbers a link away (CSV)."""
    from tests.laps.sample import with_laps

    season_id = with_laps(site.repository, alms)
    page.goto(f"{site.url}/seasons/{season_id}/rounds/9")
    section = page.locator("#laps-race")
    section.scroll_into_view_if_needed()
    lap_chart = page.get_by_role("img", name="Lap chart: GT, race")
    gap_chart = page.get_by_role("img", name="Gap chart: GT, race")
    assert lap_chart.is_visible() and gap_chart.is_visible()
    gt_cars = len([r for r in alms.results_of(9) if r.class_code == "GT" and r.laps])
    assert lap_chart.locator("g.series").count() == gt_cars
    assert gap_chart.locator("g.series").count() == gt_cars
    assert lap_chart.locator("text.axis-label").all_text_contents() == ["Lap", "Place in class"]
    box = lap_chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 150
    csv = section.get_by_role("link", name="CSV")
    assert csv.get_attribute("href") == f"/seasons/{season_id}/rounds/9/laps.csv"
    section.screenshot(path=str(ARTIFACTS / "round-9-laps.png"))


def test_the_content_security_policy_blocks_nothing_the_site_uses(page, site: Site) -> None:  # type: ignore[no-untyped-def]
    """Every page keeps working under its policy: Chromium reports each
    blocked script, style or image as a console error."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path in (
        "/seasons/alms-2004",
        "/seasons/alms-2004/standings/GT/teams",
        "/seasons/alms-2004/rounds/9",
        "/seasons/alms-2004/title/GT/teams",
        "/seasons/alms-2004/entries",
    ):
        response = page.goto(f"{site.url}{path}")
        assert response is not None and response.status == 200, path
        assert "script-src 'self'" in (response.headers.get("content-security-policy") or "")
    # (The site has no favicon yet: its 404 is not the policy's doing.)
    assert [e for e in errors if "Content Security Policy" in e or "Refused" in e] == []
    assert [e for e in errors if "Failed to load resource" not in e] == []
