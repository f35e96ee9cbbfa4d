"""Real databases for the tests: a fresh SQLite file, and a throwaway
PostgreSQL server on 127.0.0.1 (initdb + pg_ctl from the Debian packages)
started on first use and stopped when the test session ends.

Without the PostgreSQL binaries the PostgreSQL tests skip locally and FAIL
when CI=true: CI must prove the suite runs on both databases.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from podium.store import open_repository
from podium.store.repository import SqlRepository

_TEMPLATE = "podium_template"
_opened: list[SqlRepository] = []
_scratch = Path(tempfile.mkdtemp(prefix="podium-test-db-"))
atexit.register(shutil.rmtree, _scratch, ignore_errors=True)


def unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: a missing database server fails the run)")
    pytest.skip(reason)


def sqlite_url() -> str:
    path = Path(tempfile.mkdtemp(dir=_scratch)) / "podium.db"
    return f"sqlite:///{path}"


def sqlite_repository() -> SqlRepository:
    return _track(open_repository(sqlite_url()))


def postgres_repository() -> SqlRepository:
    return _track(open_repository(postgres_server().new_database(), migrate=False))


def _track(repo: SqlRepository) -> SqlRepository:
    _opened.append(repo)
    return repo


def close_all() -> None:
    while _opened:
        _opened.pop().close()


class PostgresServer:
    """One PostgreSQL cluster in a temp dir; databases are copied from a
    migrated template, so each test gets an empty, up-to-date schema fast."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="podium-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._as: list[str] = []
        if os.geteuid() == 0:  # initdb refuses to run as root
            pwd.getpwnam("postgres")
            shutil.chown(self.root, "postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
        self._counter = itertools.count(1)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as, *args], check=True, capture_output=True, text=True)

    def start(self) -> None:
        self._run(
            str(self.bin_dir / "initdb"),
            "-D", str(self.data),
            "-U", "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--no-sync",
        )  # fmt: skip
        options = (
            f"-h 127.0.0.1 -p {self.port} -k {self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D", str(self.data),
            "-o", options,
            "-l", str(self.root / "server.log"),
            "-w",
            "start",
        )  # fmt: skip
        self._execute(f"CREATE DATABASE {_TEMPLATE}")
        open_repository(self.url(_TEMPLATE)).close()

    def new_database(self) -> str:
        name = f"podium_test_{next(self._counter)}"
        self._execute(f"CREATE DATABASE {name} TEMPLATE {_TEMPLATE}")
        return self.url(name)

    def _execute(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(sql)  # type: ignore[arg-type]

    def stop(self) -> None:
        close_all()
        if (self.data / "postmaster.pid").exists():
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


_server: PostgresServer | None = None
_failure: str | None = None


def postgres_server() -> PostgresServer:
    """The session's server, started on first use (skip/fail if impossible)."""
    global _server, _failure
    if _server is not None:
        return _server
    if _failure is None:
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
        if not found:
            _failure = "PostgreSQL binaries not found in /usr/lib/postgresql/*/bin"
        else:
            server = PostgresServer(Path(found[-1]).parent)
            try:
                server.start()
            except (subprocess.CalledProcessError, KeyError, OSError) as exc:
                detail = getattr(exc, "stderr", "") or str(exc)
                server.stop()
                _failure = f"could not start PostgreSQL: {detail.strip()}"
            else:
                _server = server
                atexit.register(server.stop)
                return server
    unavailable(_failure)
    raise AssertionError("unreachable")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
