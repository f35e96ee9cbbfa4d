"""The real `podium` entry point, as a user's shell runs it: every command
answers in its own process (a command that works only when another module
registered it first was a bug once), and what one process writes to a
database is complete in the next."""

from __future__ import annotations

import datetime as dt
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


def podium_fails(*args: str) -> str:
    done = subprocess.run([PODIUM, *args], capture_output=True, text=True, check=False)
    assert done.returncode != 0, done.stdout
    return done.stderr


def test_tokens_are_created_listed_and_revoked_in_their_own_processes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    admin = podium("token", "create", "--name", "results desk", "-d", url).strip()
    writer = podium(
        "token", "create", "--name", "timing screen", "--season", "alms-2004",
        "--season", "imsa-2023", "--expires", "30d", "-d", url,
    ).strip()  # fmt: skip
    assert admin.startswith("pdm_") and writer.startswith("pdm_")
    listed = podium("token", "list", "-d", url, "--format", "json")
    assert admin not in listed and writer not in listed  # never the secret
    desk, screen = json.loads(listed)
    assert (desk["id"], desk["name"], desk["scope"], desk["seasons"]) == (
        1, "results desk", "admin", [],
    )  # fmt: skip
    assert (desk["expires"], desk["revoked"], desk["state"]) == (None, None, "active")
    assert (screen["scope"], screen["seasons"], screen["state"]) == (
        "write", ["alms-2004", "imsa-2023"], "active",
    )  # fmt: skip
    assert screen["expires"][:10] == (dt.datetime.now(dt.UTC) + dt.timedelta(days=30)).strftime(
        "%Y-%m-%d"
    )
    out = podium("token", "revoke", "timing screen", "-d", url)
    assert out.startswith("token 2 ('timing screen') revoked at ")
    assert "was revoked already" in podium("token", "revoke", "2", "-d", url)
    table = podium("token", "list", "-d", url, "--format", "csv").splitlines()
    assert table[0] == "id,name,scope,seasons,created (UTC),expires (UTC),revoked (UTC),state"
    assert table[1].startswith("1,results desk,admin,,") and table[1].endswith(",never,,active")
    assert table[2].startswith("2,timing screen,write,alms-2004 imsa-2023,")
    assert table[2].endswith(",revoked")
    # Refusals: a write token without a season, an expiry in the past, no such token.
    err = podium_fails("token", "create", "--name", "x", "--scope", "write", "-d", url)
    assert "a write token writes the seasons it names" in err
    assert "is in the past" in podium_fails(
        "token", "create", "--name", "x", "--expires", "2001-01-01", "-d", url
    )
    assert "no such token" in podium_fails("token", "revoke", "nobody", "-d", url)
    assert len(json.loads(podium("token", "list", "-d", url, "--format", "json"))) == 2
