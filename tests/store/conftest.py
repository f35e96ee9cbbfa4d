from __future__ import annotations

from collections.abc import Iterator

import pytest

from podium.store.repository import SqlRepository
from tests.store.databases import postgres_repository, sqlite_repository


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest) -> Iterator[SqlRepository]:
    """An empty, migrated store on each real database."""
    repo = sqlite_repository() if request.param == "sqlite" else postgres_repository()
    yield repo
    repo.close()
