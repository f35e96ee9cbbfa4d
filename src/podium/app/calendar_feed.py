"""A season's calendar as an iCalendar feed (RFC 5545), for a fan's phone.

One all-day event per dated round: the model holds race dates, not start
times or time zones, so a timed event would be a guess. UIDs are stable
(season id and round number), so a calendar app updates an event when the
date moves rather than adding a second one.
"""

from __future__ import annotations

import datetime as dt

from podium.model.season import Season

_FOLD = 75
"""Octets per line before folding (RFC 5545 3.1)."""


def calendar_ics(season: Season, link: str, stamp: dt.datetime) -> str:
    """The feed: ``link`` is the season's page (each event links to its
    round as ``{link}/rounds/{n}``); ``stamp`` the DTSTAMP of every event
    (the season's last change, so the feed's bytes change only with it)."""
    when = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//podium//season calendar//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_text(season.title)}",
    ]
    circuits = {c.name: c for c in season.circuits}
    for rnd in season.rounds:
        if rnd.date is None:
            continue
        circuit = circuits.get(rnd.circuit)
        where = ", ".join(p for p in (rnd.circuit, circuit.location if circuit else "") if p)
        about = [f"Round {rnd.number} of the {season.title}"]
        if rnd.duration:
            about.append(f"Race: {rnd.duration}")
        if rnd.classes:
            about.append(f"Classes: {', '.join(rnd.classes)}")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{season.id}-r{rnd.number}@podium",
            f"DTSTAMP:{when}",
            f"DTSTART;VALUE=DATE:{rnd.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{rnd.date + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_text(f'{season.series.short_name or season.series.name} R{rnd.number}: {rnd.name}')}",
            f"LOCATION:{_text(where)}",
            f"DESCRIPTION:{_text(chr(10).join(about))}",
            f"URL:{link}/rounds/{rnd.number}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_folded(line) + "\r\n" for line in lines)


def _text(value: str) -> str:
    """A TEXT value escaped (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _folded(line: str) -> str:
    """Lines longer than 75 octets continue on lines starting with a space,
    never splitting a UTF-8 character."""
    out: list[str] = []
    part, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (_FOLD if not out else _FOLD - 1):
            out.append(part)
            part, size = "", 0
        part += char
        size += width
    out.append(part)
    return "\r\n ".join(out)
