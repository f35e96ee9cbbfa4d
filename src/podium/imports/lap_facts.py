"""What an import's lap chart adds to the classification, when the season's
rules need it: each driver's time at the wheel (``[[drive_time]]``) and the
class order at the rules' time marks (``[[marks]]``), kept on result lines
so that scoring never reads laps."""

from __future__ import annotations

from podium.imports.diff import Change
from podium.imports.outcome import ImportPlan
from podium.model import Season
from podium.model.lap_facts import classification_at, with_drive_times
from podium.rules.timed import mark_session


def add_lap_facts(plan: ImportPlan, season: Season) -> None:
    """Fill ``plan.lines``' drive times and ``plan.marks`` from ``plan.laps``;
    each difference from what the season holds is a change of the plan."""
    rules = season.rules
    if plan.is_qualifying or not plan.laps or plan.problems:
        return
    if rules.drive_time:
        lines = with_drive_times(plan.lines, plan.laps, lambda d: season.driver_name(d) or d)
        held = {(x.entry, x.drivers): x.drive_times for x in season.results_of(plan.round)}
        timed = sum(
            1 for x in lines if x.drive_times and held.get((x.entry, x.drivers)) != x.drive_times
        )
        plan.lines = lines
        if timed:
            plan.changes.append(Change("drive times", "", f"{timed} cars, from the lap chart"))
    marks = [m for m in rules.marks if m.round == plan.round and m.session == plan.session]
    out = []
    for rule in marks:
        for at, at_ms in zip(rule.at, rule.at_ms, strict=True):
            source = f"lap chart of round {plan.round} ({plan.session}) at {at}"
            out += classification_at(plan.lines, plan.laps, at_ms, mark_session(at_ms), source)
    plan.marks = tuple(out)
    sessions = sorted({m.session for m in plan.marks})
    held_marks = {x for x in season.results_of(plan.round) if x.session in sessions}
    if plan.marks and held_marks != set(plan.marks):  # a file's order is not a change
        plan.changes.append(
            Change("time marks", "", f"class order at {', '.join(sessions)}, from the lap chart")
        )
