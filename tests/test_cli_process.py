"""The real `podium` entry point, as a user's shell runs it: every command
answers in its own process (a command that works only when another module
registered it first was a bug once), and what one process writes to a
database is complete in the next."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from podium.cli import app

PODIUM = str(Path(sys.executable).parent / "podium")


def podium(*args: str) -> str:
    done = subprocess.run([PODIUM, *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, command in group.commands.items():
        out.append((*prefix, name))
        if isinstance(command, click.Group):
            out += command_paths(command, (*prefix, name))
    return out


@pytest.mark.parametrize("path", command_paths(app), ids=" ".join)
def test_every_command_answers_in_its_own_process(path: tuple[str, ...]) -> None:
    out = podium(*path, "--help")
    assert out.startswith(f"Usage: podium {' '.join(path)}")
    # Examples are printed as written, one line each, ready to copy.
    command = app
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    for example in re.findall(r"Example: (podium [^\n]+)", command.help or ""):
        assert any(line.strip() == f"Example: {example}" for line in out.splitlines()), example


def test_import_inspects_a_file_in_its_own_process() -> None:
    fixture = Path(__file__).parent / "fixtures" / "acc" / "fabieu__simdesk__Session_R.json"
    held = json.loads(podium("import", str(fixture), "--inspect", "--format", "json"))
    assert (held["format"], held["session"], held["cars"]) == ("acc", "race", 50)


def test_a_database_written_by_one_process_is_complete_in_the_next(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    assert "alms-2004: new season" in podium("db", "load", "--database", url)
    (season,) = json.loads(podium("db", "seasons", "--database", url, "--format", "json"))
    assert (season["id"], season["rounds"], season["entries"]) == ("alms-2004", "9", "56")
    # Loading again finds everything already there (nothing was lost at exit).
    assert "unchanged" in podium("db", "load", "--database", url)
