from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from podium.app.season import ScoredSeason, open_season
from podium.datasets import builtin_season_path
from podium.model import Season

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(autouse=True, scope="session")
def _private_season_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Commands cache loaded seasons in $XDG_CACHE_HOME: the tests use their own, not the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield


@pytest.fixture(scope="session")
def alms() -> Season:
    return open_season()


@pytest.fixture(scope="session")
def scored(alms: Season) -> ScoredSeason:
    return ScoredSeason(alms)


@pytest.fixture
def season_copy(tmp_path: Path) -> Path:
    """A writable copy of the built-in season folder, for tests that break it."""
    target = tmp_path / "alms2004"
    shutil.copytree(builtin_season_path(), target)
    return target
