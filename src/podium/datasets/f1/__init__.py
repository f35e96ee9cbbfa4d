"""Formula One rules, one file per season (1950-2026) in ``rules/``.

Written from data/f1/RULES.md (eras plus documented one-off rulings, each
rule with its source in a comment) by ``tools/build_f1_rules.py``; they are
plain rules.toml files of the same schema as the 2004 ALMS.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from podium.errors import NotFound
from podium.rules import Ruleset, parse_rules

RULES_DIR = Path(__file__).resolve().parent / "rules"
FIRST, LAST = 1950, 2026


def rules_path(year: int) -> Path:
    path = RULES_DIR / f"{year}.toml"
    if not path.is_file():
        raise NotFound(f"no Formula One rules for {year} (podium has {FIRST}-{LAST})")
    return path


@cache
def rules_for(year: int) -> Ruleset:
    """The validated rules of one F1 season."""
    path = rules_path(year)
    return parse_rules(path.read_text(encoding="utf-8"), f"datasets/f1/rules/{path.name}")
