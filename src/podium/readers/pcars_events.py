"""A Project CARS / Automobilista 2 stage's events and result rows, per
participant id (see podium.readers.pcars for what they mean)."""

from __future__ import annotations

from dataclasses import dataclass, field

from podium.errors import InputError, Problem
from podium.model.results import Status
from podium.readers.pcars_raw import LapAttributes, Result, Stage, StateAttributes
from podium.readers.rawjson import validate
from podium.readers.session import MAX_MS, ImportedLap, SessionKind

MAX_LAP = 9_999
_STATUS = {
    "finished": Status.CLASSIFIED,
    "dnf": Status.RETIRED,
    "retired": Status.RETIRED,
    "disqualified": Status.DISQUALIFIED,
}


@dataclass
class Run:
    """One participant id in one stage, as its events and result row tell."""

    pid: int
    where: str
    refid: int
    name: str = ""
    laps: dict[int, ImportedLap] = field(default_factory=dict)
    result: Result | None = None
    row: int = 0
    states: set[str] = field(default_factory=set)
    pit_in: bool = False
    pit_out: bool = False
    last_in: bool = False


def runs(file: str, base: str, stage: Stage) -> dict[int, Run]:
    runs: dict[int, Run] = {}
    for j, event in enumerate(stage.events):
        where = f"{base}.events[{j}]"
        run = runs.setdefault(event.participantid, Run(event.participantid, where, event.refid))
        run.name = run.name or clean(event.name)
        if event.event_name == "Lap":
            lap = validate(LapAttributes, event.attributes, file, f"{where}.attributes")
            _lap(file, f"{where}.attributes.Lap", run, lap)
        elif event.event_name == "State":
            _state(run, validate(StateAttributes, event.attributes, file, f"{where}.attributes"))
    for i, result in enumerate(stage.results):
        run = runs.setdefault(result.participantid, Run(result.participantid, "", result.refid))
        if run.result is None:
            run.result, run.row, run.where = result, i, f"{base}.results[{i}]"
        run.name = run.name or clean(result.name)
    return runs


def _lap(file: str, where: str, run: Run, a: LapAttributes) -> None:
    if a.Lap >= MAX_LAP:
        raise InputError(
            Problem(file, None, where, "lap counter out of range", f"< {MAX_LAP}", str(a.Lap))
        )
    time = _ms(a.LapTime)
    lap = ImportedLap(
        number=a.Lap + 1,
        time_ms=time,
        position=a.RacePosition if a.RacePosition > 0 else None,
        sectors_ms=tuple(_ms(t) for t in (a.Sector1Time, a.Sector2Time, a.Sector3Time)),
        pit_in=run.pit_in,
        pit_out=run.pit_out,
        valid=time is not None and a.CountThisLapTimes != 0,
    )
    run.laps[lap.number] = lap
    run.last_in, run.pit_in, run.pit_out = lap.pit_in, False, False


def _state(run: Run, a: StateAttributes) -> None:
    run.states.add(a.NewState.casefold())
    if a.NewState == "EnteringPits":
        run.pit_in = True
    elif a.NewState == "ExitingPits" and (a.PreviousState == "InGarage" or run.last_in):
        run.pit_out = True


def lap_data(run: Run, name: str) -> tuple[ImportedLap, ...]:
    """The car's laps by number; a number with no event is a lap without a time."""
    last = max(run.laps, default=0)
    return tuple(
        lap._replace(driver=name)
        if (lap := run.laps.get(n))
        else ImportedLap(n, valid=False, driver=name)
        for n in range(1, last + 1)
    )


def status(kind: SessionKind, run: Run) -> Status | None:
    state = run.result.attributes.State.casefold() if run.result else ""
    if state == "disqualified" or "disqualified" in run.states:
        return Status.DISQUALIFIED
    if kind is not SessionKind.RACE:
        return None
    if state in _STATUS:
        return _STATUS[state]
    if "finished" in run.states:
        return Status.CLASSIFIED
    return Status.RETIRED if run.states & {"retired", "dnf"} else None


def _ms(value: int) -> int | None:
    """A time in ms, or None: 0, -1, -1000 and absurd values are no time."""
    return value if 0 < value < MAX_MS else None


def clean(text: str) -> str:
    return " ".join(text.split())
