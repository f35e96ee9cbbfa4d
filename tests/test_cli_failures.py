"""Failures outside podium's own checks reach a user as one line and an
exit code, never a traceback (issue 14): a file that is not a database, a
schema written by a newer podium, a full disk, a fault of podium's own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.test_cli_process import PODIUM

CHILD = """
import errno, os, sys
from podium.cli import main
def refuse(*args, **kwargs):
    raise OSError(errno.{errno}, os.strerror(errno.{errno}), args[0] if args else None)
os.{call} = refuse
sys.argv = ["podium", *sys.argv[1:]]
main()
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PODIUM, *args], capture_output=True, text=True, timeout=120)


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all " * 300)
    done = run("db", "seasons", "--database", f"sqlite:///{junk}")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "cannot open the database: file is not a database" in done.stderr


def test_a_schema_newer_than_the_code_is_named_as_such(tmp_path: Path) -> None:
    import sqlite3

    url = f"sqlite:///{tmp_path / 'newer.db'}"
    assert run("db", "upgrade", "--database", url).returncode == 0
    with sqlite3.connect(tmp_path / "newer.db") as db:
        db.execute("UPDATE alembic_version SET version_num = '0099'")
    for command in (("db", "upgrade"), ("db", "seasons")):
        done = run(*command, "--database", url)
        assert done.returncode == 1, command
        assert "Traceback" not in done.stderr
        assert "the database's schema is newer than this podium: revision 0099" in done.stderr


def child(errno: str, call: str, *args: str) -> subprocess.CompletedProcess[str]:
    code = CHILD.format(errno=errno, call=call)
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120
    )


def test_a_full_disk_is_said_in_one_line(season_copy: Path) -> None:
    done = child(
        "ENOSPC", "replace", "penalty", "add", "--season", str(season_copy), "--round", "9",
        "--car", "2", "--kind", "points", "--value", "5", "--reason", "test",
    )  # fmt: skip
    assert done.returncode == 74, done.stderr
    assert "Traceback" not in done.stderr
    assert "No space left on device" in done.stderr
    assert done.stderr.count("\n") == 1


FAULT = """
import sys
import podium.app.standings
from podium.cli import main
def broken(*args, **kwargs):
    raise ZeroDivisionError("a bug")
podium.app.standings.standings_report = broken
sys.argv = ["podium", "standings", "--format", "csv"]
main()
"""


def test_a_fault_of_podiums_own_is_one_line_too() -> None:
    done = subprocess.run([sys.executable, "-c", FAULT], capture_output=True, text=True)
    assert done.returncode == 70, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr == (
        "error: internal error (ZeroDivisionError: a bug); please report it, with the "
        "command (PODIUM_DEBUG=1 prints the traceback)\n"
    )
