"""The season's calendar as an iCalendar feed (RFC 5545): one all-day event
per dated round, stable UIDs, lines folded at 75 octets, text escaped."""

from __future__ import annotations

import datetime as dt

from podium.app.calendar_feed import calendar_ics
from podium.app.season import open_season

STAMP = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)


def events(feed: str) -> list[dict[str, str]]:
    unfolded = feed.replace("\r\n ", "")  # RFC 5545 3.1: a folded line continues after CRLF SP
    out: list[dict[str, str]] = []
    for line in unfolded.split("\r\n"):
        if line == "BEGIN:VEVENT":
            out.append({})
        elif out and ":" in line and line != "END:VEVENT":
            name, _, value = line.partition(":")
            out[-1][name] = value
    return out


def test_the_2004_calendar_has_its_nine_rounds() -> None:
    feed = calendar_ics(open_season(None), "https://example.org/seasons/alms-2004", STAMP)
    assert feed.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert feed.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in feed.split("\r\n"))
    found = events(feed)
    assert len(found) == 9
    # The seed schedule: Sebring on 20 March 2004, Laguna Seca on 16 October.
    assert found[0]["DTSTART;VALUE=DATE"] == "20040320"
    assert found[0]["DTEND;VALUE=DATE"] == "20040321"
    assert found[0]["SUMMARY"] == "ALMS R1: Mobil 1 12 Hours of Sebring"
    assert found[8]["DTSTART;VALUE=DATE"] == "20041016"
    assert found[8]["UID"] == "alms-2004-r9@podium"
    assert found[8]["URL"] == "https://example.org/seasons/alms-2004/rounds/9"
    assert {e["DTSTAMP"] for e in found} == {"20261203T120000Z"}


def test_text_is_escaped_and_long_lines_folded_whole_characters() -> None:
    season = open_season("imsa-2023")
    feed = calendar_ics(season, "https://example.org/seasons/imsa-2023", STAMP)
    assert all(len(line.encode()) <= 75 for line in feed.split("\r\n"))
    feed.encode("utf-8")  # folding never splits a character
    found = events(feed)
    # Commas in text are escaped: "Classes: GTDPRO\, GTD" at Lime Rock (GTD only).
    limerock = next(e for e in found if "Lime Rock" in e["LOCATION"])
    assert "Classes: GTDPRO\\, GTD" in limerock["DESCRIPTION"]
    assert "\\n" in limerock["DESCRIPTION"] and "\n" not in limerock["DESCRIPTION"]
