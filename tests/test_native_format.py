"""The native season folder: load -> save -> load is lossless."""

from __future__ import annotations

from pathlib import Path

from podium.model import RoundSet, Season, parse_round_set
from podium.readers.native import load_season, save_season


def test_round_trip_is_lossless(alms: Season, tmp_path: Path) -> None:
    save_season(alms, tmp_path / "copy")
    again = load_season(tmp_path / "copy")
    assert again == alms
    # and once more, from our own output
    save_season(again, tmp_path / "copy2")
    assert load_season(tmp_path / "copy2") == alms


def test_round_trip_keeps_hand_written_rules(alms: Season, tmp_path: Path) -> None:
    from podium.datasets import builtin_season_path

    text = (builtin_season_path() / "rules.toml").read_text(encoding="utf-8")
    save_season(alms, tmp_path / "copy", rules_text=text)
    assert (tmp_path / "copy" / "rules.toml").read_text(encoding="utf-8") == text
    assert load_season(tmp_path / "copy") == alms


def test_chassis_change_mid_season(alms: Season) -> None:
    miracle = alms.entry("10")
    assert miracle.car_at(3) is not None and miracle.car_at(3).chassis == "Lola B2K/40"
    assert miracle.car_at(7) is not None and miracle.car_at(7).chassis == "Courage C65"
    assert miracle.car_at(7).engine.aspiration is not None


def test_team_and_driver_aliases(alms: Season) -> None:
    assert alms.team_name("Champion Racing") == "ADT Champion Racing"
    assert alms.team_name("American Spirit Racing") == "Miracle Motorsports"
    assert alms.driver_name("JJ Lehto") == "J.J. Lehto"


def test_entered_but_did_not_take_part() -> None:
    rounds = parse_round_set("1, 8*")
    assert rounds.covers(8) and not rounds.took_part(8) and rounds.took_part(1)
    assert parse_round_set("1–3, 8–9").rounds == frozenset({1, 2, 3, 8, 9})
    assert parse_round_set("All").covers(5)
    assert parse_round_set("") == RoundSet(known=False)


def test_grid_penalty_and_qualifying(alms: Season) -> None:
    (penalty,) = alms.penalties
    assert penalty.entry == "63" and penalty.kind.value == "grid_to_back"
    poles = {q.class_code: q.entry for q in alms.qualifying if q.class_position == 1}
    assert poles == {"LMP1": "27", "GTS": "4", "GT": "23"}


def test_le_mans_invitations_for_petit_le_mans_class_winners() -> None:
    from podium.app.season import open_season
    from podium.scoring.invitations import earned_awards

    awards = earned_awards(open_season())
    assert {(a.class_code, a.entry) for a in awards} == {
        ("LMP1", "38"),
        ("LMP2", "30"),
        ("GTS", "4"),
        ("GT", "23"),
    }
    assert all(a.round == 8 for a in awards)
