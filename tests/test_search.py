"""The season search behind the site's search box (app.search): names and
aliases, case and accents folded, best matches first."""

from __future__ import annotations

from podium.app.search import MAX_HITS, fold, search
from podium.app.season import ScoredSeason


def test_fold_drops_case_accents_and_punctuation() -> None:
    assert fold("  Roland  BERVILLÉ ") == "roland berville"
    assert fold("J.J. Lehto") == "j j lehto"


def test_a_surname_finds_the_driver(scored: ScoredSeason) -> None:
    found = search(scored, "herbert")
    assert [(h.id, h.name) for h in found.drivers] == [("johnny-herbert", "Johnny Herbert")]
    assert found.teams == found.rounds == found.circuits == ()
    assert found.total == 1


def test_accents_need_not_be_typed(scored: ScoredSeason) -> None:
    assert [h.name for h in search(scored, "berville").drivers] == ["Roland Bervillé"]


def test_an_alias_finds_the_team_and_says_so(scored: ScoredSeason) -> None:
    (hit,) = search(scored, "Champion Racing").teams
    assert (hit.id, hit.name, hit.matched) == (
        "adt-champion-racing",
        "ADT Champion Racing",
        "Champion Racing",
    )


def test_a_circuit_finds_its_round_and_the_circuit_its_rounds(scored: ScoredSeason) -> None:
    found = search(scored, "sebring")
    assert [(h.id, h.rounds) for h in found.rounds] == [("1", (1,))]
    assert [h.rounds for h in found.circuits] == [(1,)]
    assert [h.id for h in search(scored, "round 9").rounds] == ["9"]


def test_exact_and_leading_matches_come_first(scored: ScoredSeason) -> None:
    names = [h.name for h in search(scored, "racing").teams]
    assert len(names) > 5
    # "Rand Racing" contains the word; a team named exactly so would lead.
    ranks = [
        0 if n.lower() == "racing" else 1 if n.lower().startswith("racing") else 2 for n in names
    ]
    assert ranks == sorted(ranks)


def test_an_empty_or_unmatched_query_finds_nothing(scored: ScoredSeason) -> None:
    assert search(scored, "   ").total == 0
    assert search(scored, "zzzz").total == 0


def test_a_one_letter_query_is_bounded(scored: ScoredSeason) -> None:
    found = search(scored, "a")
    assert 0 < len(found.drivers) <= MAX_HITS
