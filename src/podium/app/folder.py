"""Changes to a season folder: every file written from one new state of the
season, the whole folder re-validated in a staged copy first, so a refused
change writes nothing; then all the files committed at once through the
folder's journal (``readers.native.folder_journal``), so a change killed
halfway is finished by whoever opens the folder next: a reader sees the old
season or the new one, never a mix of both."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from podium.errors import Conflict, InputError, Problem
from podium.model import RoundStatus, Season
from podium.readers.native import read_season, save_season
from podium.readers.native.folder_journal import STAGE, commit, writing
from podium.readers.native.read import read_season_held


def write_files(
    folder: Path,
    after: Season,
    names: Sequence[str],
    texts: Mapping[str, str] | Callable[[], Mapping[str, str]] | None = None,
    before: Season | None = None,
) -> list[str]:
    """Write the files ``names`` of ``after`` (as ``save_season`` writes them)
    and ``texts`` (file name -> content) into ``folder``; returns the names
    written. Raises :class:`InputError`, writing nothing, when the folder
    would not validate.

    ``before`` is the season ``after`` was made from: when another writer
    changed the folder since, the change is refused (:class:`Conflict`)
    rather than written over theirs. ``texts`` given as a function is made
    while the folder is held, so files read to build it (``imports.csv``,
    ``season.toml``) are the ones it replaces.

    The change is staged in ``.podium-stage-*`` inside the folder (a copy of
    it, hidden files left out), validated there, then committed: every file
    written as ``<name>.podium-new`` and fsynced, a journal naming them
    written and fsynced, the renames made, the journal removed. The folder
    is held alone meanwhile: readers wait, and see the change whole."""
    folder = folder.resolve()
    with writing(folder):
        if before is not None:
            _still(folder, before)
        texts = (texts() if callable(texts) else texts) or {}
        stage = Path(tempfile.mkdtemp(prefix=STAGE, dir=folder))
        try:
            staged = stage / folder.name  # problems name "<folder>/<file>"
            shutil.copytree(folder, staged, ignore=shutil.ignore_patterns(".*"))
            save_season(after, stage / "saved")
            for name in names:
                (staged / name).parent.mkdir(exist_ok=True)
                shutil.copyfile(stage / "saved" / name, staged / name)
            for name, text in texts.items():
                (staged / name).parent.mkdir(exist_ok=True)
                (staged / name).write_text(text, encoding="utf-8")
            report = read_season(staged)
            if report.errors:
                raise InputError(report.errors)
            files = {name: (staged / name).read_bytes() for name in [*names, *texts]}
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        commit(folder, files)
    return list(files)


def _still(folder: Path, before: Season) -> None:
    current = read_season_held(folder).season
    if current != before:
        raise Conflict(
            Problem(
                str(folder),
                None,
                "(folder)",
                "changed by another writer since this change was prepared",
                expected="the season the change was made from",
                found="a newer one: run the command again",
            )
        )


def round_status_text(text: str, number: int, status: RoundStatus) -> str:
    """season.toml with round ``number``'s status set, every comment and
    layout of the file kept (tomlkit edits TOML in place)."""
    import tomlkit

    document = tomlkit.parse(text)
    rounds = document.get("rounds")
    for table in rounds if isinstance(rounds, list) else []:
        if table.get("number") == number:
            table["status"] = status.value
            return tomlkit.dumps(document)
    raise InputError(
        Problem(
            "season.toml", None, "rounds", "no such round", "a round of the calendar", str(number)
        )
    )


def set_round_status(folder: Path, season: Season, number: int, status: RoundStatus) -> None:
    """Mark a round's results provisional or official in the folder's season.toml."""
    season.round(number)
    after = replace(
        season,
        rounds=tuple(replace(r, status=status) if r.number == number else r for r in season.rounds),
    )

    def texts() -> dict[str, str]:
        text = (folder / "season.toml").read_text(encoding="utf-8")
        return {"season.toml": round_status_text(text, number, status)}

    write_files(folder, after, [], texts, before=season)
