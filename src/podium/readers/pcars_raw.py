"""The raw shape of a Project CARS / Automobilista 2 ``sms_stats_data.json``
(see podium.readers.pcars), and its loading: ``//`` comment lines removed,
Lua's empty tables (``{}`` where a list is meant, ``[]`` where an object is)
taken for what they stand for."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from podium.readers.decode import sniff_text
from podium.readers.rawjson import Raw, load_json


def _as_list(value: Any) -> Any:
    """A Lua array written as an object: its values, by numeric key."""
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: (not k.isdigit(), int(k) if k.isdigit() else 0, k))
        return [value[k] for k in keys]
    return value


def _as_dict(value: Any) -> Any:
    """A Lua table written as an array: its keys ran 1, 2, 3... (Lua's arrays
    start at 1), so element i is key i + 1. ``participants`` keyed by
    participant id 1..n is written so, while one keyed 0, 1... is an object."""
    if isinstance(value, list):
        return {str(i): v for i, v in enumerate(value, start=1)}
    return value


class _Setup(Raw):
    VehicleId: int | None = None


class Member(Raw):
    """``members``, keyed by refid: one per connection to the server."""

    name: str = ""
    participantid: int = -1
    steamid: str | int = ""
    setup: _Setup = _Setup()


class Entry(Raw):
    """``participants``, keyed by participant id: who holds it last."""

    Name: str = ""
    VehicleId: int | None = None


class Event(Raw):
    event_name: str = ""
    name: str = ""
    participantid: int
    refid: int = 0
    attributes: dict[str, Any] = Field(default_factory=dict)


class LapAttributes(Raw):
    Lap: Annotated[int, Field(ge=0)]
    LapTime: int = 0
    RacePosition: int = 0
    Sector1Time: int = 0
    Sector2Time: int = 0
    Sector3Time: int = 0
    CountThisLapTimes: int = 1


class StateAttributes(Raw):
    NewState: str = ""
    PreviousState: str = ""


class ResultAttributes(Raw):
    FastestLapTime: int = 0
    Lap: Annotated[int, Field(ge=0)] = 0
    RacePosition: int = 0
    State: str = ""
    TotalTime: int = 0
    VehicleId: int | None = None


class Result(Raw):
    name: str = ""
    participantid: int
    refid: int = 0
    attributes: ResultAttributes = ResultAttributes()


class Stage(Raw):
    start_time: int = 0
    events: Annotated[list[Event], BeforeValidator(_as_list)] = Field(default_factory=list)
    results: Annotated[list[Result], BeforeValidator(_as_list)] = Field(default_factory=list)


class _HistorySetup(Raw):
    TrackId: int | None = None


class History(Raw):
    members: Annotated[dict[str, Member], BeforeValidator(_as_dict)] = Field(default_factory=dict)
    participants: Annotated[dict[str, Entry], BeforeValidator(_as_dict)] = Field(
        default_factory=dict
    )
    setup: _HistorySetup = _HistorySetup()
    stages: Annotated[dict[str, Stage], BeforeValidator(_as_dict)] = Field(default_factory=dict)


class Player(Raw):
    name: str = ""


class _Stats(Raw):
    history: Annotated[list[History], BeforeValidator(_as_list)]
    players: Annotated[dict[str, Player], BeforeValidator(_as_dict)] = Field(default_factory=dict)


class StatsFile(Raw):
    stats: _Stats


def load(data: bytes, file: str) -> Any:
    """The file's JSON. The addon writes ``//`` comment lines around it; a
    JSON string cannot span lines, so a line starting with ``//`` is always a
    comment (blanked, so that error line numbers stay the file's)."""
    text = sniff_text(data, file)
    lines = ["" if line.lstrip().startswith("//") else line for line in text.split("\n")]
    return load_json("\n".join(lines).encode("utf-8"), file)
