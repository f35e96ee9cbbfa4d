"""`podium db` and `podium token`, run as a user runs them."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from podium.app.season import open_season
from podium.app.tokens import TokenGrant, TokenScope
from podium.cli import app
from podium.store import open_repository
from tests.store.databases import sqlite_url

runner = CliRunner()


@pytest.fixture
def url() -> str:
    return sqlite_url()


def podium(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_load_is_idempotent_and_says_what_changed(season_copy: Path, url: str) -> None:
    code, out, _ = podium("db", "load", str(season_copy), "--database", url)
    assert code == 0
    assert "alms-2004: new season, now at revision 11" in out
    assert "results: round(s) 1, 2, 3, 4, 5, 6, 7, 8, 9" in out
    code, out, _ = podium("db", "load", str(season_copy), "--database", url)
    assert (code, out) == (0, "alms-2004: unchanged (revision 11)\n")

    # Correct the laps of Laguna Seca's winner and give a team its nationality.
    r9 = season_copy / "results" / "r9.csv"
    r9.write_text(r9.read_text().replace("Audi R8,169,", "Audi R8,170,", 1))
    teams = season_copy / "teams.csv"
    teams.write_text(teams.read_text().replace("Dyson Racing Team,,", "Dyson Racing Team,USA,", 1))
    code, out, _ = podium(
        "db", "load", str(season_copy), "-d", url, "--by", "stewards", "--reason", "laps"
    )
    assert code == 0, out
    assert "updated, now at revision" in out
    assert "teams: 1 changed (Dyson Racing)" in out
    assert "results: new version for round(s) 9" in out
    code, out, _ = podium("db", "versions", "9", "-d", url, "--format", "csv")
    rows = [(r["version"], r["status"], r["by"], r["reason"], r["lines"]) for r in _csv(out)]
    lines = str(len(open_season(season_copy).results_of(9)))
    assert rows == [
        ("1", "official", "podium db load", "season load", lines),
        ("2", "official", "stewards", "laps", lines),
    ]
    code, _, err = podium("db", "versions", "9", "-S", "alms-1999", "-d", url)
    assert code == 1 and "no season 'alms-1999'" in err


def test_a_broken_folder_is_refused_and_writes_nothing(season_copy: Path, url: str) -> None:
    podium("db", "load", str(season_copy), "--database", url)
    entries = season_copy / "entries.csv"
    entries.write_text(entries.read_text().replace(",LMP1,ADT Champion Racing", ",LMP9,ADT", 1))
    code, _, err = podium("db", "load", str(season_copy), "--database", url)
    assert code == 1
    assert "entries.csv:2: class" in err and "found LMP9" in err
    assert open_repository(url).revision("alms-2004") == 11


def test_seasons_upgrade_and_token(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PODIUM_DATABASE_URL", url)  # --database reads it
    code, out, _ = podium("db", "upgrade")
    assert (code, out.split(": ")[-1]) == (0, "schema upgraded from empty to 0007\n")
    code, out, _ = podium("db", "upgrade")
    assert out.endswith("schema already at 0007\n")
    podium("db", "load")  # the built-in season
    code, out, _ = podium("db", "seasons", "--format", "csv")
    rows = _csv(out)
    assert rows == [
        {
            "id": "alms-2004",
            "season": "2004 American Le Mans Series",
            "classes": "4",
            "rounds": "9",
            "with results": "9",
            "entries": "56",
            "revision": "11",
        }
    ]
    code, out, err = podium("token", "create", "--name", "results desk")
    token = out.strip()
    assert code == 0 and token.startswith("pdm_") and "not be shown again" in err
    repo = open_repository(url)
    assert repo.verify_token(token) == TokenGrant("results desk", TokenScope.ADMIN)
    assert repo.verify_token(token[:-1]) is None


def test_the_installed_command_runs(url: str) -> None:
    """The real entry point, in a fresh process (catches registration errors)."""
    done = subprocess.run(
        [str(Path(sys.executable).parent / "podium"), "db", "seasons", "-d", url, "-f", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "[]\n"), done.stderr


def test_a_bad_or_unreachable_database_is_a_clear_error() -> None:
    code, _, err = podium("db", "seasons", "--database", "nonsense")
    assert code == 1 and "not a database URL podium can use" in err
    unreachable = "postgresql+psycopg://podium:secret@127.0.0.1:1/podium"
    code, _, err = podium("db", "upgrade", "--database", unreachable)
    assert code == 1 and "cannot open the database" in err
    assert "secret" not in err  # passwords are never printed


def test_a_load_that_would_remove_data_asks_for_replace_or_merge(
    season_copy: Path, url: str
) -> None:
    """Run as a user runs it: a folder without r9.csv (a desk's partial export)."""
    exe = str(Path(sys.executable).parent / "podium")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [exe, "db", "load", str(season_copy), "-d", url, *args],
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert run().returncode == 0
    (season_copy / "results" / "r9.csv").unlink()
    refused = run()
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stdout == ""
    assert (
        "error: alms-2004: results: stored, but not in the folder being loaded "
        "(expected --replace to remove, or --merge to keep, found round 9)"
    ) in refused.stderr
    dry = run("--replace", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines()[1:] == [
        "  removed (replace): results: 1 (round 9)",
        "dry run: nothing written",
    ]
    merged = run("--merge")
    assert merged.stdout.splitlines() == [
        "alms-2004: unchanged (revision 11)",
        "  kept from the store (merge): results: 1 (round 9)",
    ]
    replaced = run("--replace", "--by", "desk", "--reason", "round 9 annulled")
    assert replaced.stdout.splitlines() == [
        "alms-2004: updated, now at revision 12 (2004 American Le Mans Series)",
        "  removed (replace): results: 1 (round 9)",
    ]
    both = run("--replace", "--merge")
    assert both.returncode == 2 and "choose one of --replace and --merge" in both.stderr
