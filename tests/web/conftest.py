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
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from podium.model import Season
from podium.repository import MemoryRepository
from podium.web import create_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
SCRATCH = "alms-2004-scratch"


@dataclass
class Site:
    url: str
    repository: MemoryRepository
    token: str

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def site(alms: Season) -> Iterator[Site]:
    repository = MemoryRepository()
    repository.load_season(alms, actor="tests")
    repository.load_season(dataclasses.replace(alms, id=SCRATCH), actor="tests")
    token = repository.create_token("results desk")
    port = free_port()
    config = uvicorn.Config(
        create_app(repository), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield Site(f"http://127.0.0.1:{port}", repository, token)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def http(site: Site) -> Iterator[httpx.Client]:
    with site.client() as client:
        yield client


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")
