"""Checks of the rules against the season they score (pure): the classes and
rounds a championship names exist, a best-N rule drops something."""

from __future__ import annotations

from podium.errors import Problem, Severity
from podium.model.season import Season


def check_rules_against(season: Season) -> list[Problem]:
    return _check_drops(season) + _check_class_rounds(season)


def _check_class_rounds(season: Season) -> list[Problem]:
    """``classes`` and ``skip_class_rounds`` name classes and rounds of the season."""
    problems = []
    classes = [c.code for c in season.classes]
    rounds = [r.number for r in season.rounds]
    for i, championship in enumerate(season.rules.championships):
        for code in championship.classes:
            if code not in classes:
                problems.append(
                    Problem(
                        "rules.toml",
                        None,
                        f"championships.{i}.classes",
                        "no such class in season.toml",
                        expected=" or ".join(classes),
                        found=code,
                    )
                )
        for code, numbers in championship.skip_class_rounds.items():
            where = f"championships.{i}.skip_class_rounds.{code}"
            if code not in classes:
                problems.append(
                    Problem(
                        "rules.toml",
                        None,
                        where,
                        "no such class in season.toml",
                        expected=" or ".join(classes),
                        found=code,
                    )
                )
            for number in numbers:
                if number not in rounds:
                    problems.append(
                        Problem(
                            "rules.toml",
                            None,
                            where,
                            "no such round in season.toml",
                            expected=f"one of {rounds}",
                            found=str(number),
                        )
                    )
    return problems


def _check_drops(season: Season) -> list[Problem]:
    problems = []
    rounds = len(season.rounds)
    for i, championship in enumerate(season.rules.championships):
        drops = championship.drops
        if drops is not None and drops.best is not None and drops.best >= rounds > 0:
            problems.append(
                Problem(
                    "rules.toml",
                    None,
                    f"championships.{i}.drops.best",
                    f"best {drops.best} results of a {rounds}-round season: nothing is ever "
                    "dropped; lower it, or remove [championships.drops]",
                    expected=f"fewer than {rounds}",
                    found=str(drops.best),
                    severity=Severity.WARNING,
                )
            )
    return problems
