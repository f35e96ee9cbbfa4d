"""The rules as they stood after a round: what a season's title analysis
may know at that point.

A season's rules file holds every decision of the season, including those
made later: half points for a race stopped early (known once it ran), an
exclusion from the championship decided after the last race. The tables
after round k are published with them applied from ``from_round``; but the
question "was the title decided after round k?" must be answered with the
rules as announced and the decisions made by then, or a later ruling (a
later race paying half points, a rival excluded months after) makes a title
look decided early. Each decision says when it was made (``decided_after``,
the last round run before it); this module drops the ones made later.
"""

from __future__ import annotations

from typing import Protocol

from podium.rules.schema import Ruleset


class _Decided(Protocol):
    @property
    def decided_after(self) -> int | None: ...


def _known(decision: _Decided, after: int) -> bool:
    return decision.decided_after is None or decision.decided_after <= after


def rules_known_after(rules: Ruleset, after: int) -> Ruleset:
    """``rules`` without the decisions made after round ``after`` (the same
    object when every decision was known by then)."""
    multipliers = [m for m in rules.multipliers if _known(m, after)]
    ineligible = [r for r in rules.ineligible if _known(r, after)]
    exclusions = [e for e in rules.exclusions if _known(e, after)]
    deductions = [d for d in rules.deductions if _known(d, after)]
    if (len(multipliers), len(ineligible), len(exclusions), len(deductions)) == (
        len(rules.multipliers),
        len(rules.ineligible),
        len(rules.exclusions),
        len(rules.deductions),
    ):
        return rules
    return rules.model_copy(
        update={
            "multipliers": multipliers,
            "ineligible": ineligible,
            "exclusions": exclusions,
            "deductions": deductions,
        }
    )


def decision_rounds(rules: Ruleset) -> frozenset[int]:
    """The rounds after which a decision became known (where
    :func:`rules_known_after` changes)."""
    every: list[_Decided] = [
        *rules.multipliers,
        *rules.ineligible,
        *rules.exclusions,
        *rules.deductions,
    ]
    return frozenset(d.decided_after for d in every if d.decided_after is not None)
