"""The smaller items of issue 12 in Debian's Chromium (Playwright): the
standings print on A4 without losing the points column, dark mode keeps
WCAG AA contrast (the results key included), the progression chart is one
tab stop, and a fan switches season and searches without JavaScript."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.conftest import ARTIFACTS, SCRATCH, Site
from tests.web.test_browser import browser, shot

__all__ = ["browser"]  # the fixture, shared with test_browser

SEASON = "/seasons/alms-2004"
A4_PRINTABLE = 794 - 2 * 45
"""A4 is 210 mm, 794 px at 96 dpi; the print stylesheet's @page margin is 12 mm (45 px)."""
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"

# The contrast of every text element against the background it is drawn on
# (the first opaque background up its ancestors), as WCAG 2 computes it.
CONTRAST = """() => {
  const rgb = s => s.match(/[\\d.]+/g).map(Number);
  const lum = c => {
    const [r, g, b] = c.slice(0, 3).map(v => v / 255).map(
      v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c;
    }
    return [255, 255, 255];
  };
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el || el.closest('svg, .vh, .skip, option')) continue;
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') continue;
    const fg = rgb(getComputedStyle(el).color), bg = background(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    found.push({text: n.textContent.trim().slice(0, 30), cls: el.className,
                ratio: (hi + 0.05) / (lo + 0.05), bg: bg.join(',')});
  }
  return found;
}"""


def test_standings_print_on_a4_with_the_points_column(browser, memory_site: Site) -> None:  # type: ignore[no-untyped-def]
    site = memory_site
    context = browser.new_context(viewport={"width": A4_PRINTABLE, "height": 1100})
    page = context.new_page()
    page.emulate_media(media="print")
    try:
        for table in ("GT/teams", "LMP1/teams", "LMP2/teams", "GT/drivers"):
            page.goto(f"{site.url}{SEASON}/standings/{table}")
            points = page.locator("#standings thead th").last
            assert points.inner_text() == "Points"
            right = points.evaluate("e => e.getBoundingClientRect().right")
            assert right <= A4_PRINTABLE, (table, right)
            box = page.locator("#standings").locator("xpath=..")
            assert box.evaluate("b => b.scrollWidth <= b.clientWidth"), table  # nothing cut
            assert page.evaluate("document.documentElement.scrollWidth") <= A4_PRINTABLE
            for hidden in ("a.skip", "header.top nav", "form.search", "form.switch", "footer"):
                assert not page.locator(hidden).is_visible(), (table, hidden)
            colours = page.evaluate(
                "[getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]"
            )
            assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
            link = page.locator("#standings th.name a").first
            assert link.evaluate("a => getComputedStyle(a).color") == "rgb(0, 0, 0)"
        shot(page, "print-standings-GT-drivers")
        page.pdf(path=str(ARTIFACTS / "print-standings.pdf"), format="A4")
    finally:
        context.close()


@pytest.mark.parametrize(
    "path",
    [
        f"{SEASON}/standings/GT/teams",
        f"{SEASON}/standings/LMP1/drivers",
        f"{SEASON}/rounds/9",
        f"{SEASON}",
        f"{SEASON}/search?q=racing",
    ],
)
def test_dark_mode_keeps_aa_contrast_and_the_results_key(
    browser, memory_site: Site, path: str
) -> None:  # type: ignore[no-untyped-def]
    site = memory_site
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(site.url + path)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background != "rgb(255, 255, 255)"  # the dark scheme is on
        texts = page.evaluate(CONTRAST)
        assert len(texts) > 20
        poor = [t for t in texts if t["ratio"] < 4.5]
        assert poor == [], poor[:5]
        if "standings" in path:
            # The grid's cells keep Wikipedia's colours with dark text.
            gold = page.locator("#standings td.cell.k-gold").first
            style = gold.evaluate(
                "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e.querySelector('a')).color]"
            )
            assert style == ["rgb(255, 255, 191)", "rgb(0, 0, 0)"]
            shot(page, "dark-" + path.rsplit("/", 2)[-2] + "-" + path.rsplit("/", 1)[-1])
        # axe-core's own colour-contrast rule agrees.
        context_axe = browser.new_context(color_scheme="dark", bypass_csp=True)
        axe_page = context_axe.new_page()
        axe_page.goto(site.url + path)
        axe_page.add_script_tag(path=str(AXE))
        bad = axe_page.evaluate(
            "async () => (await axe.run(document, {runOnly: ['color-contrast']})).violations"
            ".map(v => v.nodes.slice(0, 3).map(n => n.target.join(' ')))"
        )
        context_axe.close()
        assert bad == []
    finally:
        context.close()


def test_the_progression_chart_is_one_tab_stop_read_with_the_arrow_keys(  # type: ignore[no-untyped-def]
    browser, memory_site: Site
) -> None:
    site = memory_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{site.url}{SEASON}/standings/LMP1/drivers")
        section = page.locator("section.progression")
        focusable = section.evaluate(
            """s => [...s.querySelectorAll('a[href], button, input, select, summary, [tabindex]')]
                 .filter(e => e.tabIndex >= 0).map(e => e.tagName.toLowerCase())"""
        )
        # The link to the title page, the chart, the data table's summary: not 84.
        assert focusable == ["a", "svg", "summary"]
        chart = page.get_by_role("img", name="Points after each round of the leading competitors")
        chart.focus()
        page.keyboard.press("ArrowRight")
        readout = page.locator("output.readout")
        # Lehto and Werner shared a car and every point: one line, both names.
        assert readout.inner_text() == "J.J. Lehto / Marco Werner: 22 pts after round 1"
        page.keyboard.press("End")
        assert readout.inner_text() == "J.J. Lehto / Marco Werner: 183 pts after round 9"
        page.keyboard.press("ArrowLeft")
        assert readout.inner_text() == "J.J. Lehto / Marco Werner: 164 pts after round 8"
        page.keyboard.press("ArrowDown")
        assert readout.inner_text().startswith("Butch Leitzinger / James Weaver: ")
        # End labels never overlap.
        boxes = page.locator("svg.progression-chart text.end-name").evaluate_all(
            "ts => ts.map(t => { const b = t.getBBox(); return [b.x, b.y, b.width, b.height]; })"
        )
        assert len(boxes) >= 4
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                apart = a[1] + a[3] <= b[1] + 0.5 or b[1] + b[3] <= a[1] + 0.5
                assert apart, (a, b)
        # The numbers behind the chart, as a table.
        section.locator("summary").click()
        table = section.locator("details.chart-data table")
        assert table.is_visible()
        assert "J.J. Lehto" in table.inner_text() and "Marco Werner" in table.inner_text()
        shot(page, "progression-chart")
    finally:
        context.close()


def test_a_fan_switches_season_and_searches_without_javascript(browser, memory_site: Site) -> None:  # type: ignore[no-untyped-def]
    site = memory_site
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site.url}{SEASON}/standings/GT/teams")
        page.get_by_role("combobox", name="Season").select_option(SCRATCH)
        page.locator("form.switch button").click()
        page.wait_for_url(f"**/seasons/{SCRATCH}")
        assert page.locator("h1").inner_text() == "2004 ALMS (scratch copy)"
        page.get_by_role("searchbox", name="Search teams, drivers, rounds and circuits").fill(
            "lühr"
        )
        page.get_by_role("button", name="Search").click()
        page.wait_for_url(f"**/seasons/{SCRATCH}/search?q=l%C3%BChr")
        page.get_by_role("link", name="Lucas Lühr").click()
        page.wait_for_url(f"**/seasons/{SCRATCH}/drivers/lucas-luhr")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        shot(page, "search-phone")
    finally:
        context.close()
