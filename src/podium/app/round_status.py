"""A round's results made official, or provisional again (`podium publish`
on a database, ``POST /api/v1/seasons/{id}/rounds/{n}/status``, the results
desk): the same lines posted as a new version with the new status, so the
change has its revision, who and why. Publishing changes no result."""

from __future__ import annotations

from dataclasses import dataclass

from podium.app.answer import JSON, Answer
from podium.app.repository import Repository, ResultVersion
from podium.app.rounds import VersionInfo
from podium.errors import InputError, Problem
from podium.model import RoundStatus, Season


@dataclass(frozen=True, slots=True)
class StatusSet(Answer):
    season: str
    round: int
    status: RoundStatus
    revision: int
    version: ResultVersion | None
    """The version that made the change; None when the round already had it."""

    def to_json(self) -> JSON:
        return {
            "season": self.season,
            "round": self.round,
            "status": self.status.value,
            "changed": self.version is not None,
            "revision": self.revision,
            "version": None if self.version is None else VersionInfo(self.version, False).to_json(),
        }


def publish_round(
    repo: Repository,
    season: Season,
    number: int,
    status: RoundStatus,
    actor: str,
    reason: str,
    where: str = "--round",
) -> StatusSet:
    """Post round ``number``'s results again with ``status`` (unless it has
    it already); refused for a round without results (``where``: the input
    that named the round)."""
    held = season.round(number).status
    lines = season.results_of(number)
    if not lines:
        raise InputError(
            Problem(
                where,
                None,
                "round",
                "no results to publish yet",
                expected="a round with results",
                found=str(number),
            )
        )
    if held is status:
        return StatusSet(season.id, number, status, repo.revision(season.id), None)
    version = repo.post_results(season.id, number, lines, status, actor, reason)
    return StatusSet(season.id, number, status, version.revision, version)
