"""One exception family for everything podium refuses.

Every refusal names where (file, line or JSON path), which field, what was
expected and what was found, so a user can fix the input without reading code.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input, located precisely."""

    file: str
    line: int | None
    field: str
    message: str
    expected: str = ""
    found: str = ""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = f"{where}: {self.field}: {self.message}"
        if self.expected or self.found:
            text += f" (expected {self.expected or '-'}, found {self.found or 'nothing'})"
        return text


class PodiumError(Exception):
    """Base class of every error podium raises on purpose."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = Problem("", None, "", problems)
        self.problems: list[Problem] = [problems] if isinstance(problems, Problem) else problems
        super().__init__("\n".join(str(p) for p in self.problems))


class InputError(PodiumError):
    """A file or request that cannot be read as podium data."""


class RulesError(InputError):
    """A rules file that does not describe a valid set of rules."""


class Conflict(PodiumError):
    """A change that would lose stored data unless the user says so."""


class NotFound(PodiumError):
    """A class, round, team or driver that the season does not hold."""
