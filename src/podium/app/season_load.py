"""Loading a season folder over what a repository holds: the one service
behind `podium db load` and `POST /api/v1/seasons` (what the folder would
remove and the ``replace``/``merge`` choice: app.season_merge)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from podium.app.answer import JSON, Answer
from podium.app.laps import put_season_laps
from podium.app.load_changes import describe_load
from podium.app.repository import LoadReport, Repository
from podium.app.season_merge import LoadMode, Removal, removals, season_to_load
from podium.errors import NotFound
from podium.model.lap_checks import laps_to_store
from podium.model.laps import Lap
from podium.model.season import Season


@dataclass(frozen=True, slots=True)
class SeasonLoad(Answer):
    """What a season load did, or would do (``dry_run``)."""

    report: LoadReport
    lines: tuple[str, ...]
    """The change in words (app.load_changes), one line per part."""
    removed: tuple[Removal, ...] = ()
    """What the store holds and the folder lacks: removed (``replace``) or
    kept (``merge``)."""
    mode: LoadMode | None = None
    dry_run: bool = False
    laps: tuple[tuple[int, str, int], ...] = ()
    """(round, session, laps) of each lap chart stored (or to be)."""

    def to_json(self) -> JSON:
        return {
            "season": self.report.season_id,
            "revision": self.report.revision,
            "changed": self.report.changed,
            "rounds_changed": list(self.report.rounds_changed),
            "dry_run": self.dry_run,
            "mode": self.mode.value if self.mode else None,
            "summary": list(self.lines),
            "removed" if self.mode is not LoadMode.MERGE else "kept": {
                r.part: list(r.keys) for r in self.removed
            },
            "laps": [{"round": n, "session": s, "laps": c} for n, s, c in self.laps],
        }


def load_season_into(
    repo: Repository,
    folder: Season,
    laps: Sequence[Lap],
    *,
    mode: LoadMode | None,
    actor: str,
    reason: str,
    dry_run: bool = False,
) -> SeasonLoad:
    """Load ``folder`` (and its lap charts) over what ``repo`` holds (a new
    season dated as it was published: app.publication); with ``dry_run``,
    say what would change and write nothing. Raises Conflict
    when the folder lacks stored data and no ``mode`` was chosen."""
    stored = repo.season(folder.id) if folder.id in repo.season_ids() else None
    season = season_to_load(stored, folder, mode)
    removed = tuple(removals(stored, folder)) if stored is not None else ()
    if dry_run:
        from podium.app.memory import MemoryRepository  # it uses this module's rules

        rehearsal = MemoryRepository()
        if stored is not None:
            rehearsal.load_season(stored, actor, reason)
        report = rehearsal.load_season(season, actor, reason, mode is LoadMode.REPLACE)
        if stored is not None:
            report = replace(report, revision=repo.revision(folder.id))
        sessions = _lap_sessions_changing(repo, season, laps, stored is not None)
    else:
        report = repo.load_season(season, actor, reason, mode is LoadMode.REPLACE, dated=True)
        sessions = put_season_laps(repo, season.id, laps, actor, reason)
        if sessions:
            report = replace(report, revision=repo.revision(season.id), changed=True)
    counts = Counter((lap.round, lap.session) for lap in laps)
    if dry_run and sessions and not report.changed:
        report = replace(report, changed=True)
    return SeasonLoad(
        report,
        tuple(describe_load(stored, season, report, removed, mode, dry_run)),
        removed,
        mode,
        dry_run,
        tuple((n, s, counts[n, s]) for n, s in sessions),
    )


def _lap_sessions_changing(
    repo: Repository, season: Season, laps: Sequence[Lap], stored: bool
) -> list[tuple[int, str]]:
    sessions: dict[tuple[int, str], list[Lap]] = defaultdict(list)
    for lap in laps:
        sessions[lap.round, lap.session].append(lap)
    changing = []
    for (number, session), held in sessions.items():
        wanted = laps_to_store(season, number, session, held)
        try:
            have = tuple(repo.laps(season.id, number, session)) if stored else ()
        except NotFound:  # a round the store does not have yet
            have = ()
        if have != wanted:
            changing.append((number, session))
    return changing
