"""Changes to a season folder: every file written from one new state of the
season, the whole folder re-validated in a staged copy before anything is
renamed into place, so a refused change writes nothing."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from podium.errors import InputError, Problem
from podium.model import RoundStatus, Season
from podium.readers.native import read_season, save_season


def write_files(
    folder: Path, after: Season, names: Sequence[str], texts: Mapping[str, str] | None = None
) -> list[str]:
    """Write the files ``names`` of ``after`` (as ``save_season`` writes them)
    and ``texts`` (file name -> content) into ``folder``; returns the names
    written. Raises :class:`InputError`, writing nothing, when the folder
    would not validate."""
    texts = texts or {}
    folder = folder.resolve()  # "--season ." has no useful parent otherwise
    with tempfile.TemporaryDirectory(prefix=".podium-write-", dir=folder.parent) as tmp:
        staged = Path(tmp) / folder.name
        shutil.copytree(folder, staged, ignore=shutil.ignore_patterns(".podium-*", ".*.tmp"))
        save_season(after, staged / "_saved")
        for name in names:
            (staged / name).parent.mkdir(exist_ok=True)
            shutil.copyfile(staged / "_saved" / name, staged / name)
        shutil.rmtree(staged / "_saved")
        for name, text in texts.items():
            (staged / name).parent.mkdir(exist_ok=True)
            (staged / name).write_text(text, encoding="utf-8")
        report = read_season(staged)
        if report.errors:
            raise InputError(report.errors)
        written = []
        for name in [*names, *texts]:
            target = folder / name
            target.parent.mkdir(exist_ok=True)
            temporary = target.with_name(f".{target.name}.tmp")
            shutil.copyfile(staged / name, temporary)
            os.replace(temporary, target)
            written.append(name)
    return written


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
    text = (folder / "season.toml").read_text(encoding="utf-8")
    after = replace(
        season,
        rounds=tuple(replace(r, status=status) if r.number == number else r for r in season.rounds),
    )
    write_files(folder, after, [], {"season.toml": round_status_text(text, number, status)})
