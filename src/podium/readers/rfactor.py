"""rFactorXML: rFactor 2, Automobilista 1 and Le Mans Ultimate results.

Files declare UTF-8 but carry Windows-1252 names and sometimes junk after the
closing tag; read them as cp1252 when they are not valid UTF-8 and cut after
the last ``>``. XML goes through defusedxml: any entity declaration other
than the one rFactor writes (``rFEnt``) is refused, which stops
entity-expansion bombs. Penalties exist only as text in the session's
``Stream``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from podium.errors import InputError, Problem
from podium.model.results import PenaltyKind, Status
from podium.readers.decode import head_text, sniff_text
from podium.readers.session import (
    ImportedCar,
    ImportedLap,
    ImportedPenalty,
    ImportedSession,
    SessionKind,
    session_kind,
)

NAME = "rfactor"
VERSION = "1"

# The one DOCTYPE rFactor writes; anything else with entities is refused.
_RF_DOCTYPE = re.compile(r'<!DOCTYPE rF \[\s*<!ENTITY rFEnt "rFactor Entity">\s*\]>')
_BARE_AMP = re.compile(r"&(?!(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)")
_SESSION = re.compile(r"^(Race|Qualify|Practice|Warmup|TestDay)\d*$")
_STATUS = {
    "finished normally": Status.CLASSIFIED,
    "dnf": Status.RETIRED,
    "dq": Status.DISQUALIFIED,
}
_RECEIVED = re.compile(r"^(?P<who>.+?) received (?P<what>.+?) penalty(?:, (?P<value>[^,]+))?")
_ADDED = re.compile(r"^(?P<who>.+?) finished before serving penalty, added (?P<value>\d+) seconds")


def sniff(data: bytes) -> bool:
    head = head_text(data, 1024)
    return "<rFactorXML" in head


def parse(data: bytes, file: str) -> tuple[ImportedSession, ...]:
    """Every session of the file with drivers (practice, qualifying, races)."""
    root = _parse_xml(data, file)
    results = root.find("RaceResults")
    if root.tag != "rFactorXML" or results is None:
        raise InputError(
            Problem(
                file,
                None,
                "/rFactorXML/RaceResults",
                "not an rFactor results file",
                expected="<rFactorXML><RaceResults>",
                found=f"<{root.tag}>",
            )
        )
    sessions = [s for s in results if _SESSION.match(s.tag) and s.find("Driver") is not None]
    if not sessions:
        raise InputError(
            Problem(
                file,
                None,
                "/rFactorXML/RaceResults",
                "no session with drivers",
                expected="a Race, Qualify or Practice element with Driver elements",
                found=", ".join(s.tag for s in results) or "nothing",
            )
        )
    track = _text(results, "TrackEvent") or _text(results, "TrackVenue")
    return tuple(_session(s, file, track) for s in sessions)


def _session(session: ET.Element, file: str, track: str) -> ImportedSession:
    kind = session_kind(session.tag) or SessionKind.PRACTICE
    base = f"/rFactorXML/RaceResults/{session.tag}"
    drivers = session.findall("Driver")
    order = sorted(
        range(len(drivers)),
        key=lambda i: (_position(drivers[i], f"{base}/Driver[{i + 1}]", file) or 10**6, i),
    )
    cars = [_car(drivers[i], f"{base}/Driver[{i + 1}]", file, kind) for i in order]
    # No check_cars: rFactor numbers come from the mod's liveries and repeat
    # (two #26 in the AMS F3 race); such cars are told apart by driver.
    return ImportedSession(
        format=NAME,
        importer_version=VERSION,
        kind=kind,
        name=session.tag,
        track=track,
        cars=tuple(cars),
        penalties=tuple(_penalties(session, cars)),
    )


def _parse_xml(data: bytes, file: str) -> ET.Element:
    text = sniff_text(data, file, legacy_fallback=True)
    end = text.rfind(">")
    text = text[: end + 1]
    text = _RF_DOCTYPE.sub("", text, count=1)
    text = _BARE_AMP.sub("&amp;", text)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root: ET.Element = SafeET.fromstring(text, forbid_dtd=False, forbid_entities=True)
    except DefusedXmlException as exc:
        raise InputError(
            Problem(
                file,
                None,
                "(xml)",
                f"refused: {exc} (an entity-expansion bomb or external entity)",
                expected="rFactorXML without entity declarations",
                found=type(exc).__name__,
            )
        ) from None
    except ET.ParseError as exc:
        raise InputError(
            Problem(
                file,
                exc.position[0],
                "(xml)",
                f"not well-formed XML: {exc}",
                expected="well-formed XML",
                found=f"column {exc.position[1]}",
            )
        ) from None
    return root


def _text(element: ET.Element, tag: str) -> str:
    return (element.findtext(tag) or "").strip()


def _int(element: ET.Element, tag: str, where: str, file: str, minimum: int) -> int | None:
    text = _text(element, tag)
    if not text:
        return None
    try:
        value = int(text)
    except ValueError:
        raise InputError(
            Problem(file, None, f"{where}/{tag}", "not a whole number", "a whole number", text[:40])
        ) from None
    if value < minimum:
        raise InputError(
            Problem(file, None, f"{where}/{tag}", "out of range", f"a number >= {minimum}", text)
        )
    return value


def _position(driver: ET.Element, where: str, file: str) -> int | None:
    # Qualifying files can print -1 (simresults' "corrupted positions").
    value = _int(driver, "Position", where, file, minimum=-1)
    return value if value and value > 0 else None


def _best_lap(driver: ET.Element) -> int | None:
    """``BestLapTime`` in seconds; blank, 0 or negative means none."""
    try:
        seconds = float(_text(driver, "BestLapTime") or 0)
    except ValueError:
        return None
    return round(seconds * 1000) if 0 < seconds < 1e6 else None


def _car(driver: ET.Element, where: str, file: str, kind: SessionKind) -> ImportedCar:
    name = " ".join(_text(driver, "Name").split())
    # Drivers in the order they took the wheel: the swaps by start lap (a
    # blank swap is the car's own driver), ``Name`` being the last one in.
    swaps = sorted(
        (_lap_number(s.get("startLap")), " ".join((s.text or "").split()) or name)
        for s in driver.findall("Swap")
    )
    names = tuple(dict.fromkeys(n for n in [*(n for _, n in swaps), name] if n))
    finish = _text(driver, "FinishTime")
    try:
        seconds = float(finish) if finish else None
    except ValueError:
        raise InputError(
            Problem(file, None, f"{where}/FinishTime", "not a time", "seconds", finish[:40])
        ) from None
    status = (
        _STATUS.get(_text(driver, "FinishStatus").casefold()) if kind is SessionKind.RACE else None
    )
    class_pos = _int(driver, "ClassPosition", where, file, minimum=-1)
    position = _position(driver, where, file)
    laps = _laps(driver, names)
    count = _int(driver, "Laps", where, file, minimum=0)
    if count is None:
        # No <Laps> (written by some tools, never by the sims): the laps listed.
        count = max((lap.number for lap in laps), default=0)
    return ImportedCar(
        where=where,
        number=_text(driver, "CarNumber") or None,
        car_class=_text(driver, "CarClass"),
        car_model=_text(driver, "VehName") or _text(driver, "CarType"),
        team=_text(driver, "TeamName"),
        drivers=names,
        laps=count,
        time_ms=round(seconds * 1000) if seconds is not None and 0 <= seconds < 1e9 else None,
        best_lap_ms=_best_lap(driver),
        status=status,
        reason=_text(driver, "DNFReason"),
        class_position=class_pos if class_pos and class_pos > 0 else None,
        position=position,
        lap_data=laps,
    )


def _lap_number(text: str | None) -> int:
    try:
        return int(text or "")
    except ValueError:
        return 10**6


def _seconds(text: str | None) -> float | None:
    """``107.3740``; ``--.----`` and blanks (corrupt or pit laps) are none."""
    try:
        value = float(text or "")
    except ValueError:
        return None
    return value if 0 <= value < 1e7 else None


def _ms(seconds: float | None) -> int | None:
    return None if seconds is None else round(seconds * 1000)


def _laps(driver: ET.Element, names: tuple[str, ...]) -> tuple[ImportedLap, ...]:
    """``<Lap num p et s1 s2 s3 pit>time</Lap>``: ``et`` is when the lap
    began, so it ends at ``et + time``. ``p`` is not kept: rFactor writes
    105 or a constant for whole races (Simresults' corrupted lap positions);
    positions come from the elapsed times instead (podium.readers.laps)."""
    who = _drivers_by_lap(driver, names)
    out = []
    for element in driver.findall("Lap"):
        try:
            number = int(element.get("num", ""))
        except ValueError:
            continue
        if number < 1:
            continue
        time = _seconds(element.text)
        start = _seconds(element.get("et"))
        sectors = tuple(_ms(_seconds(element.get(f"s{n}"))) for n in (1, 2, 3))
        out.append(
            ImportedLap(
                number=number,
                time_ms=_ms(time) or None,
                elapsed_ms=_ms(start + time) if start is not None and time else None,
                sectors_ms=sectors if any(t is not None for t in sectors) else (),
                pit_in=element.get("pit") == "1",
                driver=who.get(number, names[0] if len(names) == 1 else ""),
            )
        )
    return tuple(out)


def _drivers_by_lap(driver: ET.Element, names: tuple[str, ...]) -> dict[int, str]:
    """``<Swap startLap endLap>Name</Swap>``; a blank swap is the car's own driver."""
    own = names[0] if names else ""
    out: dict[int, str] = {}
    for swap in driver.findall("Swap"):
        name = " ".join((swap.text or "").split()) or own
        try:
            first, last = int(swap.get("startLap", "")), int(swap.get("endLap", ""))
        except ValueError:
            continue
        for lap in range(first, min(last, first + 10_000) + 1):
            out[lap] = name
    return out


def _penalties(session: ET.Element, cars: list[ImportedCar]) -> list[ImportedPenalty]:
    stream = session.find("Stream")
    if stream is None:
        return []
    by_name = {d: c for c in cars for d in c.drivers}
    out = []
    for event in stream.findall("Penalty"):
        text = " ".join((event.text or "").split())
        at = f" (et {event.get('et', '?')})"
        received, added = _RECEIVED.match(text), _ADDED.match(text)
        match = received or added
        if match is None:
            continue  # "served ...": the penalty was already recorded when received
        car = by_name.get(match.group("who"))
        if car is None:
            continue
        label = car.number or car.drivers[0]
        who = match.group("who")
        if received:
            what = received.group("what")
            kind = PenaltyKind.DISQUALIFICATION if "disq" in what.casefold() else PenaltyKind.TIME
            value = " ".join(filter(None, [what, received.group("value")]))
            out.append(
                ImportedPenalty(car=label, driver=who, kind=kind, reason=text + at, value=value)
            )
        else:
            out.append(
                ImportedPenalty(
                    car=label,
                    driver=who,
                    kind=PenaltyKind.TIME,
                    reason=text + at,
                    value=f"{match.group('value')} s",
                )
            )
    return out
