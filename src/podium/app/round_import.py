"""One results file into one round of a stored season, as the results desk
and ``POST /api/v1/seasons/{id}/rounds/{n}/import`` do it: a dry run says
what would change, an apply posts it as a new version (who and why given).

Any format podium reads: a round's own results CSV (the native columns,
what ``/rounds/N.csv`` downloads) is read as ``results/rN.csv`` is, so an
upload of a download changes nothing; any other file goes through the
import pipeline (``readers.registry`` detects its format, ``import_file``
plans each race and the last qualifying of it into this round). Problems
are raised, never returned: a refused file writes nothing."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace

from podium.app.answer import JSON, Answer, to_json
from podium.app.imports import ImportOutcome, Target, import_file
from podium.app.repository import Repository, VersionSummary
from podium.app.rounds import VersionInfo
from podium.errors import InputError, Problem
from podium.imports.diff import Change, diff_round
from podium.imports.outcome import QUALIFYING
from podium.imports.sessions import choose
from podium.model import RoundStatus, Season
from podium.readers.native import schema
from podium.readers.native.read import read_results
from podium.readers.registry import parse_bytes

NATIVE = "podium results CSV"
"""The format name of a round's own results file in answers."""


@dataclass(frozen=True, slots=True)
class RoundImport(Answer):
    season: str
    round: int
    file: str
    dry_run: bool
    status: RoundStatus
    outcomes: tuple[ImportOutcome, ...]
    revision: int
    """The season's revision after the import (unchanged by a dry run)."""
    version: VersionSummary | None
    """The version the import posted; None for a dry run or no change."""

    @property
    def changes(self) -> tuple[Change, ...]:
        return tuple(c for o in self.outcomes for c in o.changes)

    def to_json(self) -> JSON:
        return {
            "season": self.season,
            "round": self.round,
            "file": self.file,
            "dry_run": self.dry_run,
            "status": self.status.value,
            "format": self.outcomes[0].importer if self.outcomes else NATIVE,
            "changed": bool(self.changes),
            "changes": [
                {"session": o.session, "change": c.kind, "car": c.car, "detail": c.detail}
                for o in self.outcomes
                for c in o.changes
            ],
            "notes": to_json([n for o in self.outcomes for n in o.notes]),
            "revision": self.revision,
            "version": None if self.version is None else VersionInfo(self.version).to_json(),
        }


def is_results_csv(data: bytes) -> bool:
    """Whether ``data`` is a round's results file: a header of the native
    results columns, ``class`` and ``status`` among them."""
    first = data[:4096].decode("utf-8-sig", errors="replace").splitlines()[:1]
    header = {c.strip() for c in next(csv.reader(io.StringIO(first[0])), [])} if first else set()
    return {"class", "status"} <= header and header <= set(schema.RESULTS)


def import_round(
    repo: Repository,
    season: Season,
    round_number: int,
    data: bytes,
    file: str,
    *,
    status: RoundStatus,
    actor: str,
    reason: str,
    dry_run: bool,
    create_entries: bool = False,
) -> RoundImport:
    """Import ``data`` (named ``file``) into round ``round_number`` of
    ``season`` as stored in ``repo``: planned, and posted unless ``dry_run``."""
    season.round(round_number)
    before = repo.revision(season.id)
    if is_results_csv(data):
        outcome = _native(repo, season, round_number, data, file, status, actor, reason, dry_run)
        outcomes: tuple[ImportOutcome, ...] = (outcome,)
    else:
        outcomes = _imported(
            repo, season, round_number, data, file, status, actor, reason, dry_run, create_entries
        )
    revision = repo.revision(season.id)
    version = None
    if revision != before:
        page = repo.version_page(season.id, round_number, 1, newest_first=True)
        newest = page.versions[0] if page.versions else None
        version = newest if newest is not None and newest.revision > before else None
    return RoundImport(season.id, round_number, file, dry_run, status, outcomes, revision, version)


def _imported(
    repo: Repository,
    season: Season,
    number: int,
    data: bytes,
    file: str,
    status: RoundStatus,
    actor: str,
    reason: str,
    dry_run: bool,
    create: bool,
) -> tuple[ImportOutcome, ...]:
    """Each race and the last qualifying of a file in another format: all
    planned first, and applied only when none has a problem."""
    parsed = parse_bytes(data, file)
    chosen = choose(file, parsed.sessions, [])
    # Not applied: ``repo`` is only asked which laps it holds already.
    planned = tuple(
        import_file(Target(season, None), parsed, number, False, create, repo, status, c.into,
                    c.session)
        for c in chosen
    )  # fmt: skip
    problems = [p for o in planned for p in o.problems]
    if problems:
        raise InputError(problems)
    outcomes = planned
    if not dry_run:
        target = Target(season, None)  # each session plans on the one before it
        outcomes = tuple(
            import_file(target, parsed, number, True, create, repo, status, c.into, c.session,
                        actor, reason)
            for c in chosen
        )  # fmt: skip
    races = any(o.session != QUALIFYING for o in outcomes)  # qualifying leaves the status
    if races and season.round(number).status is not status:
        was = season.round(number).status.value
        change = Change("status", "", f"{was} -> {status.value}")
        last = outcomes[-1]
        outcomes = (*outcomes[:-1], replace(last, changes=(*last.changes, change)))
    return outcomes


def _native(
    repo: Repository,
    season: Season,
    number: int,
    data: bytes,
    file: str,
    status: RoundStatus,
    actor: str,
    reason: str,
    dry_run: bool,
) -> ImportOutcome:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            Problem(file, None, "(encoding)", "not valid UTF-8", expected="UTF-8", found=exc.reason)
        ) from None
    lines = read_results(text, file, season, number)
    labels = {e.key: e.label for e in season.entries}
    changes = diff_round(season.results_of(number), lines, labels)
    was = season.round(number).status
    if was is not status:
        changes.append(Change("status", "", f"{was.value} -> {status.value}"))
    notes: list[str] = []
    if not changes:
        notes.append("nothing to change: the season already holds these results")
    elif dry_run:
        notes.append("dry run: nothing written")
    else:
        repo.post_results(season.id, number, lines, status, actor, reason)
    return ImportOutcome(
        file, number, NATIVE, len(lines), not dry_run, "race", tuple(changes), tuple(notes), ()
    )
