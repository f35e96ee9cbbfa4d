"""The results desk in Debian's Chromium, driven by Playwright (issue 12,
item 4): an organiser signs in with a token, uploads a round's results
file, reads the dry-run diff, applies it and sees the new version with who
and why; adds a penalty and sees the standings change, withdraws it, and
marks the round official. Under the site's CSP, on each backend (the desk
tests' own server), with a season and a token of the test's own; then
axe-core over the desk."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from podium.model import Season
from tests.web.conftest import Site
from tests.web.test_accessibility import AXE, RUN
from tests.web.test_browser import browser, shot
from tests.web.test_desk_api import desk_site

__all__ = ["browser", "desk_site"]  # the fixtures, shared with test_browser and test_desk_api

DSQ_24 = (
    b",154,,,classified,,,,,seed001 classification line 33",
    b",154,,,dsq,,,,,seed001 classification line 33",
)
"""Round 9's GT winner (#24) disqualified: one edit of the round's CSV."""


def desk_season(site: Site, alms: Season, what: str) -> tuple[str, str, str]:
    season_id = f"alms-2004-desk-{what}-{site.backend}"
    site.repository.load_season(dataclasses.replace(alms, id=season_id), actor="tests")
    name = f"desk {what} {site.backend}"
    return season_id, name, site.repository.create_token(name)


def team_total(page: object, team: str) -> str:
    row = page.locator("#standings tbody tr").filter(has_text=team)  # type: ignore[attr-defined]
    return str(row.locator("td").nth(2).inner_text())


def test_an_organiser_uploads_checks_applies_penalises_withdraws_and_publishes(  # type: ignore[no-untyped-def]
    browser, desk_site: Site, alms: Season, tmp_path: Path
) -> None:
    site = desk_site
    season_id, name, token = desk_season(site, alms, "flow")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    try:
        page.goto(f"{site.url}/seasons/{season_id}/desk")
        assert page.locator("#tools").is_hidden()
        # A mistyped token is said at once, and not kept.
        page.get_by_label("Write token").fill(token[:-3] + "xyz")
        page.get_by_role("button", name="Sign in").click()
        page.locator("#signin-error[role=alert]").filter(has_text="unknown token").wait_for()
        assert page.locator("#tools").is_hidden()
        assert page.evaluate("sessionStorage.getItem('podium-desk-token')") is None
        page.get_by_label("Write token").fill(token)
        page.get_by_role("button", name="Sign in").click()
        page.locator("#tools").wait_for()
        assert page.locator("#signed-in-name").inner_text() == name
        assert page.locator("#signin-error").inner_text() == ""
        assert page.evaluate("document.cookie") == ""
        assert page.evaluate("sessionStorage.getItem('podium-desk-token')") == token
        page.get_by_label("Round to work on").select_option("9")
        page.locator("#round-status").filter(has_text="official").wait_for()

        # A file with a mistake: the API's problem, in words, announced.
        csv = page.request.get(f"{site.url}/seasons/{season_id}/rounds/9.csv").body()
        bad = tmp_path / "r9-bad.csv"
        bad.write_bytes(csv.replace(b"classified", b"finished", 1))
        page.get_by_label("Results file").set_input_files(str(bad))
        page.get_by_label("Reason (why)").first.fill("typo test")
        page.get_by_role("button", name="Check the changes (dry run)").click()
        alert = page.locator("#upload-error[role=alert]")
        alert.filter(has_text="unknown status").wait_for()
        assert "r9-bad.csv, line 2, field status: unknown status" in alert.inner_text()
        assert (
            "expected classified or nc or dnf or dsq or dns; found finished" in alert.inner_text()
        )

        # The round's own CSV with #24 disqualified: dry run, diff, apply.
        edited = tmp_path / "r9.csv"
        edited.write_bytes(csv.replace(*DSQ_24))
        page.get_by_label("Results file").set_input_files(str(edited))
        page.get_by_label("Status of the results").select_option("provisional")
        page.get_by_label("Reason (why)").first.fill("#24 underweight at scrutineering")
        page.get_by_role("button", name="Check the changes (dry run)").click()
        result = page.locator("#upload-result")
        result.filter(has_text="Dry run of r9.csv").wait_for()
        diff = [r.inner_text().split("\t") for r in result.locator("tbody tr").all()]
        assert diff == [
            ["race", "changed", "#24", "P1 GT, 154 laps -> P1 GT (dsq), 154 laps"],
            ["race", "status", "", "official -> provisional"],
        ]
        assert page.locator("#upload-error").inner_text() == ""
        shot(page, "desk-dry-run")
        page.get_by_role("button", name="Apply these changes").click()
        result.filter(has_text="Applied to round 9").wait_for()
        said = result.inner_text()
        assert f"(provisional) by {name}: #24 underweight at scrutineering" in said
        link = result.get_by_role("link", name="See the round page")
        assert link.get_attribute("href") == f"/seasons/{season_id}/rounds/9"
        newest = page.locator("#versions tbody tr").first.locator("td")
        newest.nth(4).filter(has_text="#24 underweight").wait_for()
        assert [newest.nth(i).inner_text() for i in (1, 2)] == ["provisional", name]
        assert page.locator("#round-status").inner_text() == "provisional"

        # A penalty moves the standings; withdrawing it moves them back.
        page.get_by_label("Class", exact=True).select_option("GT")
        page.get_by_label("Championship", exact=True).select_option("teams")
        page.locator("#standings tbody tr").filter(has_text="Flying Lizard").wait_for()
        before = team_total(page, "Flying Lizard Motorsports")
        page.get_by_label("Car number").fill("45")
        page.get_by_label("Class (where two classes use the number)").select_option("GT")
        page.get_by_label("Decision", exact=True).select_option("points")
        page.get_by_label("Value", exact=True).fill("10")
        page.locator("#penalty-reason").fill("avoidable contact")
        page.get_by_role("button", name="Add the penalty").click()
        page.locator("#penalty-result").filter(has_text="Penalty added to #45").wait_for()
        after = str(int(before) - 10)
        page.locator("#standings tbody tr").filter(has_text=after).wait_for()
        assert team_total(page, "Flying Lizard Motorsports") == after
        decision = page.locator("#decisions tbody tr").first
        assert "avoidable contact" in decision.inner_text() and name in decision.inner_text()
        shot(page, "desk-penalty")
        decision.get_by_role("button", name="Withdraw decision").click()
        assert page.evaluate("document.activeElement.id") == "withdraw-reason"
        page.locator("#withdraw-reason").fill("appeal upheld")
        page.get_by_role("button", name="Withdraw the decision").click()
        page.locator("#withdraw-result").filter(has_text="withdrawn").wait_for()
        page.locator("#decisions tbody tr").first.filter(has_text="withdrawn").wait_for()
        assert team_total(page, "Flying Lizard Motorsports") == before

        # Published: official again, a version of its own with who and why.
        page.get_by_label("official", exact=True).check()
        page.locator("#status-reason").fill("stewards' decisions final")
        page.get_by_role("button", name="Mark the round").click()
        page.locator("#status-result").filter(has_text="Round 9 is now official").wait_for()
        assert page.locator("#round-status").inner_text() == "official"
        newest.nth(4).filter(has_text="stewards' decisions final").wait_for()
        assert newest.nth(2).inner_text() == name
        assert blocked == []
    finally:
        context.close()
    stored = site.repository.season(season_id)
    assert stored.round(9).status.value == "official"
    assert next(r for r in stored.results_of(9) if r.entry == "24").status.value == "dsq"
    reasons = [v.reason for v in site.repository.result_versions(season_id, 9)]
    assert reasons[-2:] == ["#24 underweight at scrutineering", "stewards' decisions final"]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_desk_fits_a_phone_and_has_no_serious_accessibility_violation(  # type: ignore[no-untyped-def]
    browser, memory_site: Site, alms: Season, width: int
) -> None:
    site = memory_site
    season_id, _, token = desk_season(site, alms, f"axe{width}")
    # axe is injected as an inline script, which the site's CSP refuses.
    context = browser.new_context(
        viewport={"width": width, "height": 900}, is_mobile=width < 500, bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{site.url}/seasons/{season_id}/desk")
        page.get_by_label("Write token").fill(token)
        page.get_by_role("button", name="Sign in").click()
        page.locator("#versions tbody tr").first.wait_for()
        page.locator("#decisions tbody tr").first.wait_for()
        # An error shown, so its markup is checked too.
        page.get_by_role("button", name="Add the penalty").click()  # required fields: no request
        page.locator("#penalty-car").fill("999")
        page.locator("#penalty-reason").fill("no such car")
        page.get_by_role("button", name="Add the penalty").click()
        page.locator("#penalty-error").filter(has_text="Not done").wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.add_script_tag(path=str(AXE))
        bad = [v for v in page.evaluate(RUN) if v["impact"] in ("serious", "critical")]
        shot(page, f"desk-{width}")
    finally:
        context.close()
    assert bad == []
