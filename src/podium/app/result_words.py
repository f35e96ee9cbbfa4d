"""Results in the words a results sheet prints for fans: a line's status
("Retired", "3rd in GT") and the rule that kept points from a car. The web
pages show these instead of the stored enum values."""

from __future__ import annotations

from podium.model.results import ResultLine, Status
from podium.scoring.ledger_row import Withheld, ordinal

STATUS_WORDS = {
    Status.CLASSIFIED: "Classified",
    Status.NOT_CLASSIFIED: "Not classified",
    Status.RETIRED: "Retired",
    Status.DISQUALIFIED: "Disqualified",
    Status.DID_NOT_START: "Did not start",
}

RULE_WORDS = {
    Withheld.NONE: "",
    Withheld.STATUS: "not classified: no points for this result",
    Withheld.DISTANCE: "too short a distance to score (under the minimum share of the winner's)",
    Withheld.REGISTRATION: "not registered for this championship",
    Withheld.BEST_CAR: "only the team's best-placed car scores",
    Withheld.INELIGIBLE: "not eligible to score in this championship",
    Withheld.SHARED_CAR: "shared car: the points are split",
    Withheld.STEWARDS: "a stewards' decision",
    Withheld.DRIVE_TIME: "under the minimum time at the wheel",
}


def result_words(line: ResultLine) -> str:
    """A line's outcome: ``3rd in GT``, ``Retired``, ``Did not start``."""
    if line.status is Status.CLASSIFIED and line.class_pos:
        return f"{ordinal(line.class_pos)} in {line.class_code}"
    return STATUS_WORDS[line.status]
