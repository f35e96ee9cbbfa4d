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
