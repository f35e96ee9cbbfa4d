"""Season loads say what they replace (issue 14, item 7): a folder that lacks
something the store holds is refused until the user chooses ``replace`` or
``merge``; a dry run lists it and writes nothing. Every repository runs
these (memory, SQLite, PostgreSQL)."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest

from podium.app.repository import Repository
from podium.app.season import ScoredSeason
from podium.app.season_load import load_season_into
from podium.app.season_merge import LoadMode
from podium.errors import Conflict
from podium.model import PointsAdjustment
from podium.model.season import Season
from tests.test_repository_contract import REPOSITORIES

ID = "alms-2004"


@pytest.fixture(params=sorted(REPOSITORIES))
def repo(request: pytest.FixtureRequest, alms: Season) -> Repository:
    repository = REPOSITORIES[request.param]()
    repository.load_season(alms, actor="test")
    return repository


def without_round_9(alms: Season) -> Season:
    """The folder a desk zipped without r9.csv (and the round 9 decision)."""
    return dataclasses.replace(
        alms,
        results=tuple(r for r in alms.results if r.round != 9),
        penalties=tuple(p for p in alms.penalties if p.round != 9),
    )


def load(
    repo: Repository, folder: Season, mode: LoadMode | None, dry_run: bool = False
) -> list[str]:
    return list(
        load_season_into(
            repo, folder, (), mode=mode, actor="desk", reason="reload", dry_run=dry_run
        ).lines
    )


def gt_teams(season: Season) -> list[tuple[str, object]]:
    table = ScoredSeason(season).standings("teams", "GT")
    return [(row.competitor, row.total) for row in table.rows]


def test_a_folder_lacking_stored_results_is_refused_with_the_list(
    repo: Repository, alms: Season
) -> None:
    before = repo.revision(ID)
    with pytest.raises(Conflict) as refused:
        load(repo, without_round_9(alms), None)
    found = {p.field: p.found for p in refused.value.problems}
    assert found == {"results": "round 9", "penalties": "round 9 #63 grid_to_back"}
    assert all("--replace" in p.expected for p in refused.value.problems)
    assert repo.revision(ID) == before
    assert repo.season(ID) == alms


def test_dry_run_lists_and_writes_nothing(repo: Repository, alms: Season) -> None:
    before = repo.revision(ID)
    lines = load(repo, without_round_9(alms), LoadMode.REPLACE, dry_run=True)
    assert lines == [
        f"{ID}: would be updated (2004 American Le Mans Series; stored revision {before})",
        "  removed (replace): results: 1 (round 9)",
        "  removed (replace): penalties: 1 (round 9 #63 grid_to_back)",
    ]
    merge = load(repo, without_round_9(alms), LoadMode.MERGE, dry_run=True)
    assert merge == [
        f"{ID}: would be unchanged (revision {before})",
        "  kept from the store (merge): results: 1 (round 9)",
        "  kept from the store (merge): penalties: 1 (round 9 #63 grid_to_back)",
    ]
    assert repo.revision(ID) == before
    assert repo.season(ID) == alms


def test_merge_keeps_what_the_folder_lacks(repo: Repository, alms: Season) -> None:
    before = repo.revision(ID)
    load(repo, without_round_9(alms), LoadMode.MERGE)
    assert repo.revision(ID) == before  # nothing to add: the store already has it all
    assert repo.season(ID) == alms


def test_replace_removes_on_record_and_is_idempotent(repo: Repository, alms: Season) -> None:
    folder = without_round_9(alms)
    lines = load(repo, folder, LoadMode.REPLACE)
    assert lines[1:] == [
        "  removed (replace): results: 1 (round 9)",
        "  removed (replace): penalties: 1 (round 9 #63 grid_to_back)",
    ]
    stored = repo.season(ID)
    assert stored.results_of(9) == ()
    assert [p.withdrawn for p in stored.penalties] == ["reload: not in the season loaded (replace)"]
    assert gt_teams(stored) == gt_teams(folder) != gt_teams(alms)
    # Round 9's results are still on record: the version before the empty one.
    versions = repo.result_versions(ID, 9)
    assert [len(v.lines) for v in versions] == [len(alms.results_of(9)), 0]
    again = load(repo, folder, LoadMode.REPLACE)
    assert again == [f"{ID}: unchanged (revision {repo.revision(ID)})"]
    # The full folder again, replacing: round 9 and its decision come back.
    load(repo, alms, LoadMode.REPLACE)
    assert gt_teams(repo.season(ID)) == gt_teams(alms)
    assert [p.stands for p in repo.season(ID).penalties] == [False, True]


def test_replace_removes_an_entry_and_its_results(repo: Repository, alms: Season) -> None:
    """An entry whose only race was round 9, deleted from the folder with round 9's
    results: ``replace`` leaves no result pointing at a missing entry."""
    entries_at_9 = {r.entry for r in alms.results_of(9)}
    elsewhere = {r.entry for r in alms.results if r.round != 9}
    gone = sorted(entries_at_9 - elsewhere)
    assert gone, "the 2004 season has one-off entries at Laguna Seca"
    folder = dataclasses.replace(
        without_round_9(alms), entries=tuple(e for e in alms.entries if e.key not in gone)
    )
    with pytest.raises(Conflict) as refused:
        load(repo, folder, None)
    assert {p.field for p in refused.value.problems} >= {"entries", "results"}
    load(repo, folder, LoadMode.REPLACE)
    stored = repo.season(ID)
    assert not {r.entry for r in stored.results} & set(gone)
    assert not {e.key for e in stored.entries} & set(gone)
    with_merge = REPOSITORIES["memory"]()
    with_merge.load_season(alms, actor="test")
    load(with_merge, folder, LoadMode.MERGE)
    assert with_merge.season(ID).entries_by_key.keys() >= set(gone)
    assert with_merge.season(ID).results_of(9) == alms.results_of(9)


def test_replace_reverses_an_adjustment_the_folder_lacks(repo: Repository, alms: Season) -> None:
    fine = PointsAdjustment("teams", "GT", "Alex Job Racing", Fraction(-10), "late entry fee")
    with_fine = dataclasses.replace(alms, adjustments=(*alms.adjustments, fine))
    load(repo, with_fine, None)  # adds: nothing removed
    assert dict(gt_teams(repo.season(ID)))["Alex Job Racing"] == (
        dict(gt_teams(alms))["Alex Job Racing"] - 10
    )
    with pytest.raises(Conflict):
        load(repo, alms, None)
    load(repo, alms, LoadMode.REPLACE)
    assert gt_teams(repo.season(ID)) == gt_teams(alms)
    assert load(repo, alms, LoadMode.REPLACE) == [f"{ID}: unchanged (revision {repo.revision(ID)})"]
    assert load(repo, alms, None) == [f"{ID}: unchanged (revision {repo.revision(ID)})"]


def test_a_withdrawn_decision_stays_withdrawn_without_replace(
    repo: Repository, alms: Season
) -> None:
    """A folder exported before an appeal does not bring the decision back."""
    repo.withdraw_penalty(ID, 1, "appeal upheld", "stewards")
    at = repo.revision(ID)
    lines = load(repo, alms, None)
    assert lines == [f"{ID}: unchanged (revision {at})"]
    assert not repo.season(ID).penalties[0].stands
