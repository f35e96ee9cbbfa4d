"""Rule dimensions that need a race's lap chart: the minimum time a driver
must spend at the wheel to score, and classifications taken at set times of
a race (IMSA's Endurance Cup pays at 4 and 8 hours at Sebring). What a lap
chart shows is worked out when it is imported (``podium.model.lap_facts``);
scoring reads the result lines only (docs/rules.md)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

MARK = "mark"
"""The session kind of a classification at a time mark: sessions
``mark-4h``, ``mark-8h``... (``mark_session``)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _to_ms(value: object) -> int:
    """``"h:mm:ss"`` in ms (the rules' times are whole seconds)."""
    parts = value.split(":") if isinstance(value, str) else []
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or max(map(int, parts[1:])) > 59:
        raise ValueError(f'expected a time as h:mm:ss such as "0:45:00", got {value!r}')
    hours, minutes, seconds = map(int, parts)
    return ((hours * 60 + minutes) * 60 + seconds) * 1000


class DriveTime(_Strict):
    """A driver scores from a car only when its lap chart shows them at the
    wheel for at least ``minimum`` (and at least one lap: a driver who did
    not drive never scores). The car and its other drivers keep their points.
    A line whose lap chart was not imported cannot be checked: it scores as
    listed, and ``podium audit`` and ``explain`` say it was not checked."""

    minimum: str = "0:00:00"
    rounds: list[int] = Field(default_factory=list)
    """Rounds it applies to (none: every round)."""
    classes: list[str] = Field(default_factory=list)
    """Classes it applies to (none: every class)."""
    sessions: list[str] = Field(default_factory=lambda: ["race"])
    """Sessions (or kinds: ``mark``) whose points it withholds."""
    championships: list[str] = Field(default_factory=list)
    """Driver championships it applies to (none: every one)."""
    statement: str = ""

    @field_validator("minimum")
    @classmethod
    def _time(cls, value: str) -> str:
        _to_ms(value)
        return value

    @property
    def minimum_ms(self) -> int:
        return _to_ms(self.minimum)

    def covers(self, round_number: int, class_code: str, session: str, championship: str) -> bool:
        return (
            (not self.rounds or round_number in self.rounds)
            and (not self.classes or class_code in self.classes)
            and (session in self.sessions or session_kind(session) in self.sessions)
            and (not self.championships or championship in self.championships)
        )


class TimeMarks(_Strict):
    """The times of a race at which its class order is taken, from the lap
    chart: each mark is a session ``mark-<time>`` of the round, which a scale
    of session ``mark`` pays. A car is placed by the laps it completed by the
    mark, then by when it completed the last of them; a car that never
    crossed the line after the mark was out of the race: not classified
    there. The finish is the race's own classification."""

    round: int = Field(ge=1)
    at: list[str] = Field(min_length=1)
    """Times since the start, ``"4:00:00"``."""
    session: str = "race"
    """The session the marks are taken in."""
    statement: str = ""

    @field_validator("at")
    @classmethod
    def _times(cls, value: list[str]) -> list[str]:
        times = [_to_ms(item) for item in value]
        if times != sorted(set(times)) or times[0] <= 0:
            raise ValueError(f"expected rising times after the start, got {value}")
        return value

    @property
    def at_ms(self) -> list[int]:
        return [_to_ms(item) for item in self.at]


def session_kind(session: str) -> str:
    """``mark`` for ``mark-4h``; a session's own name otherwise."""
    head, dash, _ = session.partition("-")
    return head if dash and head == MARK else session


def mark_session(at_ms: int) -> str:
    """``mark-4h`` at four hours, ``mark-2h30`` at two and a half."""
    minutes = at_ms // 60_000
    hours, rest = divmod(minutes, 60)
    return f"{MARK}-{hours}h{rest:02d}" if rest else f"{MARK}-{hours}h"
