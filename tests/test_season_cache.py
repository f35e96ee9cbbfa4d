"""The cache of loaded season folders (podium.readers.season_cache): what it
returns always equals reading the folder, whatever happened to the folder or
to the cache."""

from __future__ import annotations

import csv
import dataclasses
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from podium.errors import InputError
from podium.model import Season
from podium.readers.native import load_season
from podium.readers.season_cache import cache_directory, load_season_cached, season_key


def entry_of(cache: Path) -> Path:
    (entry,) = cache.iterdir()
    return entry


def test_cached_season_equals_the_folder_and_is_read_back(
    season_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = load_season_cached(season_copy, cache)
    assert first == load_season(season_copy)
    # Prove the second load comes from the cache: store a recognisable season
    # under the folder's current key, and get it back.
    entry = entry_of(cache)
    marked = dataclasses.replace(first, name="from the cache")
    key = season_key(season_copy)
    entry.write_bytes(key + pickle.dumps(marked))
    assert load_season_cached(season_copy, cache).name == "from the cache"


@pytest.mark.parametrize(
    "change",
    ["edit a result", "edit the rules", "add a file", "remove a file", "rename a file"],
)
def test_any_change_to_the_folder_is_seen(season_copy: Path, tmp_path: Path, change: str) -> None:
    cache = tmp_path / "cache"
    before = load_season_cached(season_copy, cache)
    key = season_key(season_copy)
    results = season_copy / "results" / "r9.csv"
    if change == "edit a result":
        # One more lap for the Laguna Seca winner.
        with results.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        rows[0]["laps"] = str(int(rows[0]["laps"]) + 1)
        with results.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    elif change == "edit the rules":
        rules = season_copy / "rules.toml"
        text = rules.read_text(encoding="utf-8")
        rules.write_text(text.replace('name = "American Le Mans', 'name = "Edited', 1))
    elif change == "add a file":
        (season_copy / "README.txt").write_text("notes\n")
    elif change == "remove a file":
        (season_copy / "PROVENANCE.md").unlink()
    else:
        (season_copy / "PROVENANCE.md").rename(season_copy / "SOURCES.md")

    assert season_key(season_copy) != key
    after = load_season_cached(season_copy, cache)
    assert after == load_season(season_copy)
    if change.startswith("edit"):
        assert after != before
    assert len(list(cache.iterdir())) == 1  # one entry per folder, replaced


def test_a_corrupt_cache_is_ignored_and_replaced(season_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = load_season_cached(season_copy, cache)
    entry = entry_of(cache)
    key = season_key(season_copy)
    for garbage in (b"", b"not a pickle", key + b"\x80\x05broken", key + pickle.dumps("a str")):
        entry.write_bytes(garbage)
        assert load_season_cached(season_copy, cache) == expected
        assert entry.read_bytes().startswith(key) and len(entry.read_bytes()) > 10_000


def test_an_unusable_cache_directory_changes_nothing(season_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a file, not a directory"
    blocker.write_text("")
    assert load_season_cached(season_copy, blocker / "seasons") == load_season(season_copy)


def test_no_home_directory_means_no_cache(
    season_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unknown_user(uid: int) -> None:
        raise KeyError(uid)

    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("HOME")
    monkeypatch.setattr("pwd.getpwuid", unknown_user)
    with pytest.raises(RuntimeError):
        cache_directory()
    assert load_season_cached(season_copy) == load_season(season_copy)


def test_a_broken_folder_raises_as_before_and_caches_nothing(
    season_copy: Path, tmp_path: Path
) -> None:
    (season_copy / "rules.toml").write_text("scales = 3\n")
    cache = tmp_path / "cache"
    with pytest.raises(InputError) as raised:
        load_season_cached(season_copy, cache)
    with pytest.raises(InputError) as direct:
        load_season(season_copy)
    assert [str(p) for p in raised.value.problems] == [str(p) for p in direct.value.problems]
    assert not cache.exists() or not list(cache.iterdir())


def test_cache_directory_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_directory() == tmp_path / "podium" / "seasons"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_directory() == Path.home() / ".cache" / "podium" / "seasons"


def test_the_command_line_uses_the_cache_and_prints_the_same(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    exe = str(Path(sys.executable).parent / "podium")
    command = [exe, "standings", "--class", "GT", "--format", "csv"]
    outputs = [
        subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
        for _ in range(2)
    ]
    assert outputs[0] == outputs[1] and outputs[0].startswith("pos,name,chassis,engine,r1,")
    (entry,) = (tmp_path / "podium" / "seasons").iterdir()
    assert isinstance(pickle.loads(entry.read_bytes()[32:]), Season)
