"""Assetto Corsa (AC1) offline results JSON: what the game writes after a
single-player session (``Documents/Assetto Corsa/out/race_out.json``).

- ``players`` are the cars, by index; every session lists them all (an AI
  car that never left the pits is still in the field).
- Each of ``sessions`` is a session; its ``type`` says which (1 practice,
  2 qualifying, 3 race; hotlap and drift sessions are practice).
- ``laps`` hold each car's laps (``lap`` from 0); a ``time`` of -1 is a lap
  the game did not time (a cut): invalid, no time, no sectors; ``cuts`` > 0
  marks a lap invalid too; a missing lap number is a lap without a time.
  Without laps, ``bestLaps`` gives each car's best.
- ``raceResult`` is the race's order (player indices; -1 is nobody); cars it
  leaves out follow. The file has no total times and no finishing status:
  podium makes up neither.
- Names: AC writes each byte of a non-ASCII character as U+FFxx; podium
  puts the bytes back together ("Kundlák"). A player with no name, no
  lap is an empty slot, not a car (``raceResult`` lists every slot).
- The class is the car model (the file has no class), as for AC servers.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated

from pydantic import Field

from podium.errors import InputError, Problem
from podium.readers.decode import head_text
from podium.readers.rawjson import Raw, load_json, validate
from podium.readers.session import (
    MAX_MS,
    ImportedCar,
    ImportedLap,
    ImportedSession,
    SessionKind,
    session_kind,
)

NAME = "assetto-offline"
VERSION = "1"
MAX_LAP = 9_999
_KINDS = {1: SessionKind.PRACTICE, 2: SessionKind.QUALIFYING, 3: SessionKind.RACE}


class _Player(Raw):
    name: str = ""
    car: str = ""


class _Lap(Raw):
    lap: Annotated[int, Field(ge=0, le=MAX_LAP)]
    car: Annotated[int, Field(ge=0)]
    time: int = -1
    sectors: tuple[int, ...] = ()
    cuts: int = 0


class _Best(Raw):
    car: Annotated[int, Field(ge=0)]
    time: int = -1


class _Session(Raw):
    name: str = ""
    type: int = 0
    laps: list[_Lap] = Field(default_factory=list)
    lapstotal: list[Annotated[int, Field(ge=0)]] = Field(default_factory=list)
    bestLaps: list[_Best] = Field(default_factory=list)
    raceResult: list[int] = Field(default_factory=list)


class _File(Raw):
    track: str = ""
    players: list[_Player]
    sessions: list[_Session]


def sniff(data: bytes) -> bool:
    head = head_text(data, 16384)
    return '"number_of_sessions"' in head and '"players"' in head


def parse(data: bytes, file: str) -> tuple[ImportedSession, ...]:
    raw = validate(_File, load_json(data, file), file)
    if not raw.sessions:
        raise InputError(Problem(file, None, "$.sessions", "no sessions", "a session", "[]"))
    return tuple(_session(file, i, s, raw) for i, s in enumerate(raw.sessions))


def _session(file: str, index: int, session: _Session, raw: _File) -> ImportedSession:
    base = f"$.sessions[{index}]"
    kind = _KINDS.get(session.type) or session_kind(session.name) or SessionKind.PRACTICE
    players = raw.players
    laps = _laps(file, base, session, players)
    best = {b.car: _ms(b.time) for b in session.bestLaps} if not session.laps else {}
    order = [p for p in session.raceResult if 0 <= p < len(players)] if session.raceResult else []
    order = list(dict.fromkeys(order))
    placed = {p: i + 1 for i, p in enumerate(session.raceResult) if 0 <= p < len(players)}
    order += [p for p in range(len(players)) if p not in placed]
    cars = []
    for p in order:
        player = players[p]
        name = repair_name(player.name)
        own = tuple(lap._replace(driver=name) for lap in laps.get(p, ()))
        total = session.lapstotal[p] if p < len(session.lapstotal) else 0
        if not name and not own and not total:
            continue  # an empty slot
        timed = [lap.time_ms for lap in own if lap.valid and lap.time_ms]
        cars.append(
            ImportedCar(
                where=f"$.players[{p}]",
                car_class=player.car,
                car_model=player.car,
                drivers=(name,) if name else (),
                laps=max(total, own[-1].number if own else 0),
                best_lap_ms=min(timed, default=None) or best.get(p),
                position=placed.get(p) if kind is SessionKind.RACE else None,
                lap_data=own,
            )
        )
    return ImportedSession(
        format=NAME,
        importer_version=VERSION,
        kind=kind,
        name=session.name,
        track=raw.track,
        cars=tuple(cars),
    )


def _ms(value: int) -> int | None:
    """A time in ms, or None: 0, -1, -1000 and absurd values are no time."""
    return value if 0 < value < MAX_MS else None


def repair_name(text: str) -> str:
    """A name as AC writes it: each byte of a non-ASCII UTF-8 character
    widened to U+FF80..U+FFFF (``"Kundl\uffc3\uffa1k"`` for "Kundlák")."""
    if any("\uff80" <= c <= "\uffff" for c in text):
        raw = b"".join(
            bytes([ord(c) & 0xFF]) if "\uff80" <= c <= "\uffff" else c.encode() for c in text
        )
        text = raw.decode("utf-8", errors="replace")
    return " ".join(text.split())


def _laps(
    file: str, base: str, session: _Session, players: list[_Player]
) -> dict[int, list[ImportedLap]]:
    """Each car's laps by number (``lap`` + 1)."""
    by_car: dict[int, dict[int, ImportedLap]] = defaultdict(dict)
    for i, lap in enumerate(session.laps):
        if lap.car >= len(players):
            raise InputError(
                Problem(
                    file,
                    None,
                    f"{base}.laps[{i}].car",
                    "no such player",
                    expected=f"a player index below {len(players)}",
                    found=str(lap.car),
                )
            )
        time = _ms(lap.time)
        by_car[lap.car][lap.lap + 1] = ImportedLap(
            number=lap.lap + 1,
            time_ms=time,
            sectors_ms=tuple(_ms(t) for t in lap.sectors) if time else (),
            valid=time is not None and lap.cuts <= 0,
        )
    # A number with no lap is a lap without a time (the sum of times stops there).
    return {
        car: [own.get(n) or ImportedLap(n, valid=False) for n in range(1, max(own) + 1)]
        for car, own in by_car.items()
    }
