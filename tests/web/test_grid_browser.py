"""The standings grid in Debian's Chromium (Playwright): on a phone it
scrolls inside its own box, never the page, and a cell leads to the ledger
that explains it (issue 12)."""

from __future__ import annotations

from tests.web.conftest import Site
from tests.web.test_browser import browser, shot

__all__ = ["browser"]  # the fixture, shared with test_browser


def test_grid_on_a_phone_scrolls_in_its_box_and_a_cell_explains_itself(  # type: ignore[no-untyped-def]
    browser, memory_site: Site
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(f"{memory_site.url}/seasons/alms-2004/standings/GT/teams")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        box = page.locator("#standings").locator("xpath=..")
        # The grid is wider than the phone: its own box scrolls, not the page.
        assert box.evaluate("b => b.scrollWidth > b.clientWidth")
        first = page.locator("#standings tbody tr").first.locator("td.cell").first
        # The place is printed in the cell, the points below it (Wikipedia style).
        assert first.locator(".place").inner_text() == "1"
        assert first.locator(".pts").inner_text() == "26"
        shot(page, "grid-phone")
        first.locator("a").click()
        page.wait_for_url("**/standings/GT/teams/ledger/alex-job-racing#round-1")
        section = page.locator("#round-1")
        assert section.evaluate("s => s.matches(':target')")
        text = section.inner_text()
        assert "#23 1st in GT at Sebring: 26 pts" in text
        assert "only the team's best-placed car scores" in text  # #24's 22 points withheld
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        shot(page, "ledger-phone")
    finally:
        context.close()
