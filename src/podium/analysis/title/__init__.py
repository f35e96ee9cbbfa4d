"""Title analysis: who can still win a championship, exactly, and what each
contender needs. Pure: no I/O; odds take an explicit seed.

A title race is first reduced to a small integer problem (``race``), then
answered in increasing cost: ``pairwise`` reasoning and constructed
witnesses (``verdict``), the points budget (``bounds``), the witness
``repair``, and CP-SAT (``solver``, ``solver_grouped``) as the exact
fallback. ``needs`` says what clinches the title at the next round,
``completion`` builds and checks endings, ``partial`` reads seasons whose
sources leave drivers unnamed, ``odds`` simulates the rest of a season, and
``deciders`` finds the round that decided a finished title. Helpers more
than one of them use live in ``shared``.
"""

from podium.analysis.title.race import TitleRace, build_race
from podium.analysis.title.verdict import Method, TitleStatus, Verdict, verdict, verdicts

__all__ = ["Method", "TitleRace", "TitleStatus", "Verdict", "build_race", "verdict", "verdicts"]
