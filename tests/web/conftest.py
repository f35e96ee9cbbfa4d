"""A real Uvicorn server on a free loopback port, serving a MemoryRepository
that holds the built-in season (shared, read-only by convention) and a
scratch copy that write tests may change."""

from __future__ import annotations

import dataclasses
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from podium.app.memory import MemoryRepository
from podium.app.repository import Repository
from podium.model import Season
from podium.web import create_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
SCRATCH = "alms-2004-scratch"


BACKENDS = ("memory", "sqlite", "postgresql")
"""The web suite runs on each repository: in memory, SQLite and PostgreSQL."""


def new_repository(backend: str) -> Repository:
    if backend == "memory":
        return MemoryRepository()
    from tests.store.databases import postgres_repository, sqlite_repository

    return sqlite_repository() if backend == "sqlite" else postgres_repository()


@dataclass
class Site:
    url: str
    repository: Repository
    token: str
    backend: str = "memory"

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(repository: Repository, revision_ttl: float = 0.0) -> Iterator[str]:
    """The app over ``repository`` on a real Uvicorn server; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(
        create_app(repository, revision_ttl=revision_ttl),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def loaded(alms: Season, *extra: Season, backend: str = "memory") -> Repository:
    repository = new_repository(backend)
    for season in (alms, *extra):
        repository.load_season(season, actor="tests")
    return repository


@pytest.fixture(scope="session", params=BACKENDS)
def site(request: pytest.FixtureRequest, alms: Season) -> Iterator[Site]:
    scratch = dataclasses.replace(alms, id=SCRATCH, name="2004 ALMS (scratch copy)")
    repository = loaded(alms, scratch, backend=request.param)
    token = repository.create_token("results desk")
    with serving(repository) as url:
        yield Site(url, repository, token, request.param)


@pytest.fixture(scope="session")
def memory_site(alms: Season) -> Iterator[Site]:
    """One site in memory, for what does not depend on the repository (page
    layout in a browser): run once, not once per database."""
    scratch = dataclasses.replace(alms, id=SCRATCH, name="2004 ALMS (scratch copy)")
    repository = loaded(alms, scratch, backend="memory")
    token = repository.create_token("layout")
    with serving(repository) as url:
        yield Site(url, repository, token, "memory")


@pytest.fixture
def http(site: Site) -> Iterator[httpx.Client]:
    with site.client() as client:
        yield client


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")
