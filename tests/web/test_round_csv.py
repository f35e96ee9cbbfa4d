"""The round's CSV download is its results file: every car (the one that did
not start too), the entry column, spreadsheet-safe cells; uploaded back it
changes nothing, and downloaded again it is the same bytes (issue 12, item 6).
The calendar also comes as an iCalendar feed."""

from __future__ import annotations

import csv
import io
import uuid

import httpx

from podium.datasets import builtin_season_path
from tests.web.conftest import SCRATCH, Site

PAGES = f"/seasons/{SCRATCH}"


def test_download_upload_download_gives_the_same_bytes(site: Site, http: httpx.Client) -> None:
    first = http.get(f"{PAGES}/rounds/9.csv")
    assert first.status_code == 200 and first.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(first.text)))
    shipped = list(
        csv.DictReader(
            io.StringIO((builtin_season_path() / "results" / "r9.csv").read_text(encoding="utf-8"))
        )
    )
    # Every line of the bundled r9.csv, Van der Steur's non-starter and its entry key too.
    assert len(rows) == len(shipped)
    dns = next(r for r in rows if r["status"] == "dns")
    assert dns["entry"] == "lmp2-van-der-steur-racing"
    token = site.repository.create_token(f"csv {uuid.uuid4().hex}")
    upload = http.post(
        f"/api/v1/seasons/{SCRATCH}/rounds/9/amendments",
        files={"file": ("r9.csv", first.content, "text/csv")},
        data={"reason": "round trip"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert upload.status_code in (200, 201), upload.text
    again = http.get(f"{PAGES}/rounds/9.csv")
    assert again.content == first.content


def test_a_formula_in_a_name_is_quoted_on_download_and_read_back_as_it_was(
    site: Site, http: httpx.Client
) -> None:
    first = http.get(f"{PAGES}/rounds/9.csv").text
    rows = list(csv.reader(io.StringIO(first)))
    header = rows[0]
    rows[1][header.index("reason")] = '\'=HYPERLINK("x")'  # as the download would quote it
    body = io.StringIO()
    csv.writer(body, lineterminator="\n").writerows(rows)
    token = site.repository.create_token(f"csv {uuid.uuid4().hex}")
    posted = http.post(
        f"/api/v1/seasons/{SCRATCH}/rounds/9/amendments",
        files={"file": ("r9.csv", body.getvalue().encode(), "text/csv")},
        data={"reason": "formula"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert posted.status_code == 201, posted.text
    stored = site.repository.season(SCRATCH).results_of(9)
    assert stored[0].reason == '=HYPERLINK("x")'  # the text itself, unquoted
    again = list(csv.DictReader(io.StringIO(http.get(f"{PAGES}/rounds/9.csv").text)))
    assert again[0]["reason"] == '\'=HYPERLINK("x")'
    restore = http.post(
        f"/api/v1/seasons/{SCRATCH}/rounds/9/amendments",
        files={"file": ("r9.csv", first.encode(), "text/csv")},
        data={"reason": "restore"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert restore.status_code == 201, restore.text


def test_the_calendar_feed(http: httpx.Client) -> None:
    feed = http.get("/seasons/alms-2004/calendar.ics")
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    assert feed.text.count("BEGIN:VEVENT") == 9
    assert "DTSTART;VALUE=DATE:20041016" in feed.text  # Laguna Seca, 16 October 2004
    assert "URL:http" in feed.text and "/seasons/alms-2004/rounds/9" in feed.text.replace(
        "\r\n ", ""
    )
