""" "As of" kept across every link, form and download (issue 12, item 5), and
result versions viewable and diffable. The rewriting is one function
(web/as_of_links.py), tested alone, then on real pages and in Chromium."""

from __future__ import annotations

import re
import uuid

import httpx
import pytest

from podium.web.as_of_links import keep_as_of
from tests.web.conftest import SCRATCH, Site
from tests.web.test_browser import browser  # noqa: F401  (a fixture)

LINK = re.compile(r'(?:href|src|action)="(/[^"/][^"]*)"')


def test_internal_links_and_get_forms_carry_as_of() -> None:
    html = (
        '<a href="/seasons/x/rounds/9">r9</a>'
        '<a class="c" href="/seasons/x/standings/GT/teams?after=8#round-9">grid</a>'
        '<a href="/seasons/x/rounds/9?as_of=3">then</a>'
        '<a data-latest href="/seasons/x">latest</a>'
        '<link href="/static/site.css"><a href="https://example.org/">out</a>'
        '<form action="/seasons/x/search"><input name="q"></form>'
        '<form method="post" action="/x"></form>'
    )
    out = keep_as_of(html, "2004-10-17T12:00:00+00:00")
    moment = "as_of=2004-10-17T12%3A00%3A00%2B00%3A00"
    assert f'href="/seasons/x/rounds/9?{moment}"' in out
    assert f'href="/seasons/x/standings/GT/teams?after=8&amp;{moment}#round-9"' in out
    assert 'href="/seasons/x/rounds/9?as_of=3"' in out  # says its own state
    assert 'data-latest href="/seasons/x"' in out
    assert 'href="/static/site.css"' in out and 'href="https://example.org/"' in out
    hidden = '<input type="hidden" name="as_of" value="2004-10-17T12:00:00+00:00">'
    assert f'<form action="/seasons/x/search?{moment}">{hidden}' in out
    assert '<form method="post" action="/x?' in out and out.count(hidden) == 1


PAGES = (
    "/seasons/alms-2004",
    "/seasons/alms-2004/calendar",
    "/seasons/alms-2004/entries",
    "/seasons/alms-2004/rounds/9",
    "/seasons/alms-2004/standings/GT/teams",
    "/seasons/alms-2004/standings/GT/teams/ledger/alex-job-racing",
    "/seasons/alms-2004/teams/alex-job-racing",
    "/seasons/alms-2004/title/LMP2/teams",
)


@pytest.mark.parametrize("path", PAGES)
def test_every_internal_link_of_a_page_keeps_as_of(http: httpx.Client, path: str) -> None:
    page = http.get(path, params={"as_of": "5"})
    assert page.status_code == 200, page.text
    links = [u for u in LINK.findall(page.text) if not u.startswith("/static/")]
    assert links, path
    lost = [u for u in links if "as_of=" not in u]
    latest = re.findall(r'data-latest href="([^"]+)"', page.text)
    assert lost == latest, f"{path}: links that drop as_of: {lost}"


def test_an_error_page_does_not_carry_the_as_of_that_failed(http: httpx.Client) -> None:
    page = http.get("/seasons/alms-2004/standings/GT/teams", params={"as_of": "garbage"})
    assert page.status_code == 422
    assert "garbage" not in " ".join(LINK.findall(page.text))


def test_a_version_page_shows_what_an_amendment_changed(site: Site, http: httpx.Client) -> None:
    """A DSQ posted as an amendment of the scratch copy's round 9: its version
    page names the car and the fields it moved; the round as it stood is one
    link away."""
    token = site.repository.create_token(f"versions {uuid.uuid4().hex}")
    first = http.get(f"/seasons/{SCRATCH}/rounds/9.csv").text
    header, winner, *rest = first.splitlines()
    columns = header.split(",")
    cells = winner.split(",")
    cells[columns.index("status")] = "dsq"
    cells[columns.index("reason")] = "underweight"
    amended = "\n".join([header, ",".join(cells), *rest]) + "\n"
    posted = http.post(
        f"/api/v1/seasons/{SCRATCH}/rounds/9/amendments",
        files={"file": ("r9.csv", amended.encode(), "text/csv")},
        data={"reason": "post-race scrutineering"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert posted.status_code == 201, posted.text
    version = posted.json()["version"]
    changes = http.get(f"/seasons/{SCRATCH}/rounds/9/versions/{version}.json").json()
    assert changes["version"]["reason"] == "post-race scrutineering"
    changed = [c for c in changes["changes"] if c["change"] == "changed"]
    assert len(changed) == 1 and changed[0]["car"].startswith("#2 ")
    fields = {f["field"]: (f["before"], f["after"]) for f in changed[0]["fields"]}
    assert fields["status"] == ("classified", "dsq") and fields["reason"] == ("", "underweight")
    html = http.get(f"/seasons/{SCRATCH}/rounds/9/versions/{version}").text
    assert "What version" in html and "underweight" in html
    assert f"rounds/9?as_of={changes['version']['revision']}" in html
    round_page = http.get(f"/seasons/{SCRATCH}/rounds/9").text
    assert f"/rounds/9/versions/{version}" in round_page
    restore = http.post(
        f"/api/v1/seasons/{SCRATCH}/rounds/9/amendments",
        files={"file": ("r9.csv", first.encode(), "text/csv")},
        data={"reason": "appeal upheld"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert restore.status_code == 201
    assert http.get(f"/seasons/{SCRATCH}/rounds/9/versions/999").status_code == 404


def test_as_of_is_kept_while_clicking_through_the_site(browser, site: Site) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page = browser.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{site.url}/seasons/alms-2004/standings/GT/teams?as_of=5")
    assert "Shown as of revision 5" in page.inner_text("main")
    page.click("main table a[href*='/rounds/']")
    assert "as_of=5" in page.url and "/rounds/" in page.url
    assert "Shown as of revision 5" in page.inner_text("main")
    page.click("main a[href*='/teams/']")
    assert "as_of=5" in page.url and "/teams/" in page.url
    assert "Shown as of revision 5" in page.inner_text("main")
    downloads = page.eval_on_selector_all(
        "a[href$='.csv'], a[href*='.csv?']", "els => els.map(e => e.getAttribute('href'))"
    )
    assert all("as_of=5" in d for d in downloads)
    page.click("a[data-latest]")
    assert "as_of" not in page.url
    page.close()
