"""An import never puts a result on the wrong car, team or driver without a
word: cars by number within their class (and by driver where a number is
used twice), names joined only by an alias or an obvious typo, safety cars
left out, several races of one round kept apart."""

from __future__ import annotations

from pathlib import Path

from podium.readers.native import load_season
from tests.formats.conftest import FIXTURES
from tests.formats.helpers import league, podium, snapshot

PITSTOPS = FIXTURES / "rfactor2/mauserrifle__simresults__rf2_race_with_pitstops.xml"
RACE = FIXTURES / "acc/fabieu__simdesk__Session_R.json"
MAPPING = "".join(
    f'"{c}" = "GT3"\n'
    for c in (
        "MP4-12C", "997 GT3 R", "Gallardo GT3", "F458 Italia", "R8 LMS", "Vantage GT3",
        "R8 LMS Ultra", "Ferrari F430", "Z4 GT3",
    )
)  # fmt: skip


def sheet(tmp_path: Path, name: str, rows: str) -> Path:
    path = tmp_path / name
    path.write_text("pos,no,class,drivers,team,laps\n" + rows, encoding="utf-8")
    return path


def test_cars_sharing_a_number_in_one_class_stay_apart(tmp_path: Path) -> None:
    """rFactor 2, Monza: 18 cars, several numbers used by more than one car of
    the same model (#17 three times, #24, #42, #43 twice). Every car keeps its
    own entry and line: 18 lines, each entry classified once."""
    folder = league(tmp_path)
    (folder / "import.toml").write_text("[classes]\n" + MAPPING, encoding="utf-8")
    args = ("--season", str(folder), "--round", "1", "--create-entries", "--apply")
    result = podium("import", str(PITSTOPS), *args)
    assert result.exit_code == 0, result.output
    lines = load_season(folder).results_of(1)
    assert len(lines) == 18
    assert len({ln.entry for ln in lines}) == 18
    places = sorted(ln.class_pos for ln in lines if ln.class_pos)
    assert places == list(range(1, len(places) + 1))


def test_a_shared_number_is_told_apart_by_its_drivers_next_round(tmp_path: Path) -> None:
    """The same rFactor 2 file again as round 2: every car finds its own entry
    of round 1 (by number, and by driver where the number is used twice)."""
    folder = league(tmp_path)
    text = (folder / "season.toml").read_text(encoding="utf-8")
    text += '\n[[rounds]]\nnumber = 2\nname = "Two"\ncircuit = "Nürburgring"\n'
    (folder / "season.toml").write_text(text, encoding="utf-8")
    (folder / "import.toml").write_text("[classes]\n" + MAPPING, encoding="utf-8")
    args = ("--season", str(folder), "--create-entries", "--apply")
    assert podium("import", str(PITSTOPS), "--round", "1", *args).exit_code == 0
    keys = [e.key for e in load_season(folder).entries]
    result = podium("import", str(PITSTOPS), "--round", "2", *args)
    assert result.exit_code == 0, result.output
    season = load_season(folder)
    assert [e.key for e in season.entries] == keys  # no new car (only crews for round 2)
    by_round = [{(ln.entry, ln.drivers) for ln in season.results_of(n)} for n in (1, 2)]
    assert by_round[0] == by_round[1] and len(by_round[0]) == 18


def test_a_team_merely_like_another_is_refused_with_both_names(tmp_path: Path) -> None:
    folder = league(tmp_path)
    (folder / "teams.csv").write_text("name,aliases,nationality,source\nAO Racing,,,\n")
    results = sheet(tmp_path, "r1.csv", "1,7,GT3,Anna Berg,AT Racing,30\n")
    before = snapshot(folder)
    args = ("--season", str(folder), "--round", "1", "--create-entries", "--apply")
    result = podium("import", str(results), *args)
    assert result.exit_code == 1
    assert "'AT Racing' looks like the team 'AO Racing' (score 0.89) but is another name" in (
        result.output
    )
    assert snapshot(folder) == before
    # An alias settles it: the same team.
    (folder / "import.toml").write_text('[teams]\n"AT Racing" = "AO Racing"\n')
    assert podium("import", str(results), *args).exit_code == 0
    (line,) = load_season(folder).results_of(1)
    assert line.team == "AO Racing"


def test_a_typo_is_matched_and_shown(tmp_path: Path) -> None:
    folder = league(tmp_path)
    (folder / "drivers.csv").write_text("name,nationality,aliases,source\nLudovic Badey,FRA,,\n")
    results = sheet(tmp_path, "r1.csv", "1,46,GT3,Ludovic Bade,Badey,30\n")
    result = podium(
        "import", str(results), "--season", str(folder), "--round", "1", "--create-entries"
    )
    assert result.exit_code == 0, result.output
    assert "'Ludovic Bade' -> 'Ludovic Badey' (score 0.96)" in result.output


def test_an_alias_to_a_new_driver_creates_the_driver_with_the_alias(tmp_path: Path) -> None:
    folder = league(tmp_path)
    (folder / "import.toml").write_text('[drivers]\n"Siggi | YEET" = "Siggi Lentes"\n')
    (folder / "teams.csv").write_text("name,aliases,nationality,source\nYEET,,,\n")
    entries = (folder / "entries.csv").read_text(encoding="utf-8")
    (folder / "entries.csv").write_text(entries + "47,47,GT3,YEET,,BMW M4 GT3" + "," * 10 + "\n")
    results = sheet(tmp_path, "r1.csv", "1,47,GT3,Siggi | YEET,YEET,30\n")
    args = ("--season", str(folder), "--round", "1")
    before = snapshot(folder)
    refused = podium("import", str(results), *args, "--apply")
    assert refused.exit_code == 1
    assert "maps 'Siggi | YEET' to 'Siggi Lentes', who is not in drivers.csv" in refused.output
    assert snapshot(folder) == before
    dry = podium("import", str(results), *args, "--create-entries")
    assert dry.exit_code == 0 and "Siggi Lentes (alias Siggi | YEET)" in dry.output
    applied = podium("import", str(results), *args, "--create-entries", "--apply")
    assert applied.exit_code == 0, applied.output
    season = load_season(folder)
    (driver,) = season.drivers
    assert (driver.name, driver.aliases) == ("Siggi Lentes", ("Siggi | YEET",))
    assert season.results_of(1)[0].drivers == ("Siggi Lentes",)


def test_safety_cars_are_never_classified(tmp_path: Path) -> None:
    folder = league(tmp_path)
    args = ("--season", str(folder), "--round", "1", "--create-entries")
    result = podium("import", str(RACE), *args, "--apply")
    assert result.exit_code == 0, result.output
    assert "left out #1 (1 SAFETY-CAR): not a competitor" in result.output
    season = load_season(folder)
    assert not any("SAFETY" in d for ln in season.results for d in ln.drivers)
    assert not any("SAFETY" in d.name for d in season.drivers)


def test_a_sprint_and_a_feature_race_are_two_sessions_of_one_round(tmp_path: Path) -> None:
    """Round 1 has a sprint (5-3-1) and a feature race (25-18-15...): Anna
    wins the sprint (5), Carl the feature (25) with Anna 2nd (18): Anna 23,
    Carl 25 + 3 (2nd in the sprint) = 28."""
    folder = league(tmp_path)
    rules = (folder / "rules.toml").read_text(encoding="utf-8")
    (folder / "rules.toml").write_text(
        rules + '\n[scales.sprint]\npoints = [5, 3, 1]\nsession = "sprint"\n', encoding="utf-8"
    )
    sprint = sheet(tmp_path, "sprint.csv", "1,7,GT3,Anna Berg,Berg,10\n2,3,GT3,Carl Dahl,Dahl,10\n")
    feature = sheet(tmp_path, "race.csv", "1,3,GT3,Carl Dahl,Dahl,30\n2,7,GT3,Anna Berg,Berg,30\n")
    args = ("--season", str(folder), "--round", "1", "--create-entries", "--apply")
    assert podium("import", str(sprint), *args, "--session", "sprint").exit_code == 0
    assert podium("import", str(feature), *args).exit_code == 0
    season = load_season(folder)
    assert {ln.session for ln in season.results_of(1)} == {"sprint", "race"}
    table = podium(
        "standings", "--season", str(folder), "--class", "GT3", "--championship", "drivers",
        "--format", "csv",
    )  # fmt: skip
    assert table.output.splitlines()[1:] == ["1,Carl Dahl,28,28", "2,Anna Berg,23,23"]
    # The feature race again: the sprint is kept.
    assert "nothing to change" in podium("import", str(feature), *args).output
    assert len(load_season(folder).results_of(1)) == 4


def test_a_regular_keeps_the_seat_and_a_newcomer_is_refused_without_create(
    tmp_path: Path,
) -> None:
    """Round 1: #7 Anna, #8 Ben, #9 Cara. Round 2: #7 Anna again (her seat:
    listed as a crew change), #8 Cara (she never drove #8: refused at her
    line, naming #8's crew, unless --create-entries)."""
    folder = league(tmp_path)
    text = (folder / "season.toml").read_text(encoding="utf-8")
    text += '\n[[rounds]]\nnumber = 2\nname = "Two"\ncircuit = "Nürburgring"\n'
    (folder / "season.toml").write_text(text, encoding="utf-8")
    first = sheet(tmp_path, "r1.csv", "1,7,GT3,Anna,A,30\n2,8,GT3,Ben,B,30\n3,9,GT3,Cara,C,30\n")
    common = ("--season", str(folder), "--apply")
    assert podium("import", str(first), "--round", "1", "--create-entries", *common).exit_code == 0
    second = sheet(tmp_path, "r2.csv", "1,7,GT3,Anna,A,30\n2,8,GT3,Cara,B,30\n")
    before = snapshot(folder)
    refused = podium("import", str(second), "--round", "2", *common)
    assert refused.exit_code == 1
    assert (
        "r2.csv:3: drivers: Cara has not driven #8 before (add them to crews.csv or use "
        "--create-entries) (expected a driver of #8: Ben, found Cara)"
    ) in refused.output
    assert snapshot(folder) == before
    applied = podium("import", str(second), "--round", "2", "--create-entries", *common)
    assert applied.exit_code == 0, applied.output
    assert "Anna (drove it in round 1)" in applied.output and "Cara (new)" in applied.output
    season = load_season(folder)
    assert season.entries_by_key["8"].drivers_at(2) == ("Cara",)
    assert season.entries_by_key["7"].drivers_at(2) == ("Anna",)


def test_an_unmapped_class_is_named_at_its_first_car(tmp_path: Path) -> None:
    folder = league(tmp_path)
    results = sheet(tmp_path, "r1.csv", "1,7,GT3,Anna,A,30\n2,8,TCR,Ben,B,30\n3,9,TCR,Cara,C,29\n")
    refused = podium("import", str(results), "--season", str(folder), "--round", "1")
    assert refused.exit_code == 1
    assert "r1.csv:3: class: file class has no season class" in refused.output
