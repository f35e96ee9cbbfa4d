"""``[[drive_time]]``: a driver scores from a car only when its lap chart
shows them at the wheel for the rules' minimum (``ResultLine.drive_times``,
filled when the lap chart was imported)."""

from __future__ import annotations

from typing import NamedTuple

from podium.model.points import Points, format_points
from podium.model.results import ResultLine
from podium.model.timing import format_ms
from podium.rules.schema import Championship, Ruleset
from podium.rules.timed import DriveTime
from podium.scoring.award import Award
from podium.scoring.ledger_row import Withheld


class Wheel(NamedTuple):
    """The drive-time rule that covers one line in one championship."""

    rule: DriveTime

    def check(self, award: Award, line: ResultLine, index: int) -> Award:
        """``award`` to the line's ``index``-th driver, withheld when they
        were not at the wheel long enough; unchanged (and said so) when the
        line's drive times are not known."""
        if award.points == 0:
            return award
        head, _, tail = award.reason.partition(":")
        if len(line.drive_times) != len(line.drivers):
            return award._replace(
                reason=f"{head}:{tail} (drive time not checked: no lap chart of this session)"
            )
        driven = line.drive_times[index]
        minimum = self.rule.minimum_ms
        if driven > 0 and driven >= minimum:
            return award
        asked = f"at least {format_ms(minimum)}" if minimum else "at least one lap"
        did = "did not drive" if driven == 0 else f"drove {format_ms(driven)}"
        lost = award.points
        return award._replace(
            points=Points(0),
            withheld=lost,
            rule=Withheld.DRIVE_TIME,
            reason=f"{head}: no points ({format_points(lost)} withheld), {award.competitor} "
            f"{did} (the rules ask {asked} at the wheel)",
        )


def at_the_wheel(rules: Ruleset, championship: Championship, line: ResultLine) -> Wheel | None:
    for rule in rules.drive_time:
        if rule.covers(line.round, line.class_code, line.session, championship.id):
            return Wheel(rule)
    return None
