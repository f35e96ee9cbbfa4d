"""An accessibility check of the main pages with axe-core in Debian's
Chromium: no serious or critical violation (issue 12). axe is vendored in
tests/web/vendor/ (see its README) so the check runs offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.conftest import Site
from tests.web.test_browser import browser

__all__ = ["browser"]  # the fixture, shared with test_browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
SEASON = "/seasons/alms-2004"
PAGES = (
    SEASON,
    f"{SEASON}/standings/GT/teams",
    f"{SEASON}/standings/GT/teams/ledger/alex-job-racing",
    f"{SEASON}/rounds/1",
    f"{SEASON}/rounds/9",
    f"{SEASON}/drivers/johnny-herbert",
    f"{SEASON}/teams/alex-job-racing",
    f"{SEASON}/title/LMP2/teams",
    f"{SEASON}/rounds/10",
    f"{SEASON}/search?q=racing",
    f"{SEASON}/search?q=zzzz",
)
RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
  }));
}"""


@pytest.mark.parametrize("width", [1280, 390])
def test_main_pages_have_no_serious_accessibility_violations(  # type: ignore[no-untyped-def]
    browser, memory_site: Site, width: int
) -> None:
    site = memory_site
    # The site's CSP allows no inline script; axe is injected as one.
    context = browser.new_context(
        viewport={"width": width, "height": 900}, is_mobile=width < 500, bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    found = {}
    try:
        for path in PAGES:
            page.goto(site.url + path)
            page.add_script_tag(path=str(AXE))
            bad = [v for v in page.evaluate(RUN) if v["impact"] in ("serious", "critical")]
            if bad:
                found[path] = bad
    finally:
        context.close()
    assert found == {}


def test_a_skip_link_leads_past_the_navigation(browser, memory_site: Site) -> None:  # type: ignore[no-untyped-def]
    site = memory_site
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{site.url}{SEASON}/standings/GT/teams")
        page.keyboard.press("Tab")
        skip = page.locator("a.skip")
        assert skip.evaluate("a => a === document.activeElement")
        assert skip.is_visible()
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#main"
    finally:
        context.close()
