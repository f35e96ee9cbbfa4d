"""Writers that race each other still number revisions and versions without
gaps or duplicates (SQLite: BEGIN IMMEDIATE; PostgreSQL: SELECT ... FOR UPDATE)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from podium.model import RoundStatus, Season
from podium.store import open_repository
from podium.store.repository import SqlRepository


def test_concurrent_amendments_get_distinct_versions(store: SqlRepository, alms: Season) -> None:
    store.load_season(alms, actor="test")
    start = store.revision("alms-2004")
    url = store.engine.url.render_as_string(hide_password=False)
    lines = alms.results_of(9)

    def desk(name: str) -> list[int]:
        repo = open_repository(url, migrate=False)  # its own connections, as another process
        try:
            return [
                repo.post_results(
                    "alms-2004", 9, lines, RoundStatus.AMENDED, name, f"try {i}"
                ).revision
                for i in range(3)
            ]
        finally:
            repo.close()

    with ThreadPoolExecutor(4) as pool:
        revisions = sorted(r for rs in pool.map(desk, ["a", "b", "c", "d"]) for r in rs)
    assert revisions == list(range(start + 1, start + 13))
    versions = store.result_versions("alms-2004", 9)
    assert [v.version for v in versions] == list(range(1, 14))
    assert store.revision("alms-2004") == start + 12
