"""The title page in Debian's Chromium (Playwright): it fits a phone and its
chart's labels never overlap (issue 11: "15099.9%" was the highest reachable
total and the odds drawn over each other)."""

from __future__ import annotations

import pytest

from tests.web.conftest import Site
from tests.web.test_browser import browser, shot

__all__ = ["browser"]  # the fixture, shared with test_browser

PAGES = (
    "/seasons/alms-2004/title/LMP2/teams?after=8",
    "/seasons/alms-2004/title/LMP2/drivers?after=8",
    "/seasons/alms-2004/title/GT/drivers?after=8",
    "/seasons/alms-2004/title/GT/drivers?after=6",
)

OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll('svg.title-chart text')]
    .map(t => ({text: t.textContent, r: t.getBoundingClientRect()}))
    .filter(b => b.r.width > 0);
  const out = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].r, b = boxes[j].r;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 0.5 && h > 0.5) out.push([boxes[i].text, boxes[j].text]);
    }
  }
  return [boxes.length, out];
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_title_page_fits_and_chart_labels_never_overlap(
    browser, memory_site: Site, width: int
) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=width < 500)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        for path in PAGES:
            page.goto(memory_site.url + path)
            # The page never scrolls sideways, nor does the answers table.
            assert page.evaluate("document.documentElement.scrollWidth") <= width, path
            table = page.locator("#title")
            assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth"), path
            chart = page.locator("svg.title-chart")
            assert chart.evaluate("s => s.getBoundingClientRect().right") <= width, path
            count, overlapping = page.evaluate(OVERLAPS)
            assert count > 3, path
            assert overlapping == [], (path, overlapping)
        page.goto(memory_site.url + PAGES[0])
        # Each answer is one row of plain words, the odds beside it.
        rows = page.locator("#title tbody tr")
        assert "can still win: needs a car classified in the points" in rows.first.inner_text()
        shot(page, f"title-lmp2-teams-{width}")
    finally:
        context.close()
