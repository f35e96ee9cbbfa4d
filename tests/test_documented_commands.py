"""Every `podium` command the documentation shows a user, run as the user
would run it: the README's and docs' code blocks and each command's `--help`
"Example:" line, verbatim, each a real process in one folder, in an order
where each finds what the earlier ones made.

The folder holds what the examples name: `my-league` (made by the `init`
example), `server/results/*_R.json` (two ACC races), `results.json`,
`results.csv` (round 3 of my-league, cars of its first race),
`path/to/season/` (a copy of the built-in season), `data/f1`, and its own
user data directory (the default database). Two things are substituted: a
PostgreSQL URL becomes a throwaway server's, and `serve` gets a free port
and is asked for a page before it is stopped.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from podium.cli import app
from tests.doc_runner import environment, link_tests
from tests.store.databases import postgres_server, unavailable

ROOT = Path(__file__).resolve().parents[1]
ACC = ROOT / "tests" / "fixtures" / "acc"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SKIP_DOCS = {"cli.md", "tutorial-league.md"}  # the generated --help; tests/test_tutorial.py
PG_URL = re.compile(r"postgresql\+psycopg://\S+")
ORDER = (
    "podium init ",
    "podium validate my-league",
    "podium import server/",
    "podium import results.csv",
    "podium penalty add --season my-league --round 3 --car 42",
    "podium penalty add ",
    "podium penalty list",
    "podium penalty withdraw",
    "podium publish",
    "podium db load path/to/season/ --database",
    "podium db load path/to/season/ --by",
    "podium db load",
    "podium db ",
    "podium token ",
)


def _walk(group: click.Group, prefix: str = "podium") -> Iterator[tuple[str, click.Command]]:
    """Every command and sub-command, with how a user types it."""
    for name, command in group.commands.items():
        yield f"{prefix} {name}", command
        if isinstance(command, click.Group):
            yield from _walk(command, f"{prefix} {name}")


def _help_examples() -> Iterator[str]:
    for _, command in _walk(app):
        for found in re.finditer(r"Example:(.*?)(?:\n\s*\n|$)", command.help or "", re.S):
            one_line = re.sub(r"\s*\n\s*", " ", found.group(1).strip())
            yield re.split(r" {2,}", one_line)[0]  # "  then open http://..." is prose


def _doc_commands() -> Iterator[str]:
    for page in DOCS:
        if page.name in SKIP_DOCS:
            continue
        inside = False
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith("```"):
                inside = not inside
            elif inside and line.startswith("podium "):
                command = re.sub(r"\s+#\s.*$", "", line).strip()
                yield from command.split(" | ")  # "podium schedule | podium classes": three


def _expanded(command: str) -> list[str]:
    """``[--apply]``: the command without, then with the option."""
    optional = re.search(r" \[(--[\w-]+)\]", command)
    if optional is None:
        return [command]
    return [
        command.replace(optional.group(0), ""),
        command.replace(optional.group(0), " " + optional.group(1)),
    ]


def _rank(command: str) -> int:
    return next((i for i, prefix in enumerate(ORDER) if command.startswith(prefix)), len(ORDER))


COMMANDS = sorted(
    dict.fromkeys(c for raw in (*_help_examples(), *_doc_commands()) for c in _expanded(raw)),
    key=_rank,
)
# What each kind of command must print (a regex on the command, one on what
# it prints): a command that answers with the wrong thing fails too.
PRINTS = (
    (r"^podium init ", r"^wrote my-league: season\.toml"),
    (r"^podium validate ", r": 0 error\(s\), 0 warning\(s\); \d+ classes"),
    (r"^podium import server/", r"-> round 1 \(acc, 29 cars\): applied(.|\n)*-> round 2 \(acc"),
    (r"^podium import results\.csv", r"-> round 3 \(generic-csv, 5 cars\)"),
    (r"--inspect --format json", r'"format": "acc",\n  "session": "race"'),
    (r"--inspect --cars --laps --format json", r'"lap_data": \[\n +\{\n +"lap": 1,'),
    (r"--inspect --cars --format json", r'"sessions": \[\n +\{\n +"index": 1,\n +"type": "race"'),
    (r"--inspect", r"results\.json: acc, race"),
    (r"^podium import --list-formats", r"generic-csv"),
    (r"^podium penalty add .*--car 42", r"^decision 9 added"),
    (r"^podium penalty add .*--car 13", r"^decision 10 added"),
    (r"^podium penalty list", r"#42 .* time .* 30s .* track limits .* standing"),
    (r"^podium penalty withdraw 10", r"^decision 10 withdrawn"),
    (r"^podium publish", r"^round 3 \(TBA\): results official"),
    (r"^podium db load path/to/season/ --database", r"^alms-2004: new season"),
    (r"^podium db load", r"^alms-2004: (new season|unchanged)"),
    (r"^podium db seasons", r"^alms-2004,2004 American Le Mans Series,4,9,9,56,"),
    (r"^podium db versions 9", r"round 9: result versions"),
    (r"^podium db upgrade", r"."),
    (r"token create", r"token for '[^']+' created \((admin|write for [^,]+), "),
    (r"^podium token list", r"results desk"),
    (r"^podium token revoke", r"^token \d+ \('[^']+'\) revoked at "),
    (r"^podium standings --class GT ", r"GT Teams' championship"),
    (r"^podium standings --season imsa-2023 --class GTDPRO", r"GTDPRO Manufacturers'(.|\n)*Lexus"),
    (r"^podium standings --season imsa-2023 --class GTD ", r"Endurance Cup(.|\n)*Kenton Koch"),
    (r"^podium standings --season imsa-2023", r"GTP Drivers' championship after round 8"),
    (r"^podium explain \"Pipo Derani\"", r"mark-8h(.|\n)*endurance +GTP +total +31"),
    (r"^podium title --season imsa-2023", r"Derani|Sims"),
    (r"^podium audit --season imsa-2023", r"INCOMPLETE time marks \(round 1\)"),
    (r"^podium standings --class LMP1 ", r"LMP1 Drivers' championship after round 8"),
    (r"^podium results 9 --class LMP2", r"Laguna Seca(.|\n)*LMP2"),
    (r"^podium results 2 --season imsa-2023 .*mark-8h", r"Sebring.* - mark-8h(.|\n)*GTP +1 +31 "),
    (r"^podium laps 1 --season my-league", r"- race laps(.|\n)*#42 +GT3 +1 +Gabriel Lira"),
    (r"^podium winners", r"class winners"),
    (r"^podium explain \"ADT", r"Points of ADT Champion Racing"),
    (r"^podium audit --format json", r'"clean": true'),
    (r"^podium audit$", r"computed vs published"),
    (r"^podium schedule --season my-league", r"Round 3 .* official"),
    (r"^podium schedule$", r"Laguna Seca"),
    (r"^podium classes", r"LMP1"),
    (r"^podium entries --class GTS", r"GTS"),
    (r"^podium title ", r"champion|can still win"),
    (r"^podium odds ", r"title odds"),
    (r"^podium export .*wikitext >", r"^$"),
    (
        r"^podium export .*wikitext",
        r'^<!-- 2004 American Le Mans Series(.|\n)*\{\| class="wikitable"',
    ),
    (r"^podium export .*--format md", r"^### 2004 American Le Mans Series"),
    (r"^podium export results 9 --class GT --format csv", r"^overall_pos,class,class_pos,car_no"),
    (r"^podium f1 verify --data data/f1 --season 1976", r"final drivers 1/1"),
    (r"^podium f1 verify --data data/f1$", r"final drivers 38/38"),
    (r"^podium f1 deciders --data data/f1 --year 1978", r'"season": 1978'),
    (r"^podium f1 deciders", r"Round that decided each title"),
)
SERVED = [c for c in COMMANDS if c.startswith("podium serve")]
RUN = [c for c in COMMANDS if c not in SERVED]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder a user runs the documented commands in."""
    cwd = tmp_path_factory.mktemp("user")
    link_tests(cwd)
    (cwd / "data").symlink_to(ROOT / "data", target_is_directory=True)
    (cwd / "server" / "results").mkdir(parents=True)
    races = [
        ACC / "kagd__league-results-parser__cmsracing_split2_zolder-r.json",
        ACC / "mauserrifle__simresults__191003_235558_R.json",
    ]
    for day, race in zip(("231001", "231008"), races, strict=True):
        shutil.copy(race, cwd / "server" / "results" / f"{day}_190000_R.json")
    shutil.copy(ACC / "fabieu__simdesk__Session_R.json", cwd / "results.json")
    # Round 3 of my-league from a timing system's CSV: cars of round 1.
    (cwd / "results.csv").write_text(
        "pos,no,class,driver,laps,time\n"
        "1,18,GT3,Scott Newell,30,45:10.120\n"
        "2,42,GT3,Gabriel Lira,30,45:20.050\n"
        "3,4,GT3,Brandon Chan,30,45:31.400\n"
        "4,13,GT4,Ryan Flanagan,28,45:12.900\n"
        "5,68,GT4,Neil Sutherland,28,45:40.300\n",
        encoding="utf-8",
    )
    shutil.copytree(
        ROOT / "src" / "podium" / "datasets" / "alms2004", cwd / "path" / "to" / "season"
    )
    return cwd


def _env(world: Path) -> dict[str, str]:
    env = environment()
    env["XDG_DATA_HOME"] = str(world / "xdg")
    return env


def _postgres(command: str) -> str | None:
    """The command on the throwaway PostgreSQL server; None without one."""
    if PG_URL.search(command) is None:
        return command
    try:
        url = postgres_server().new_database()
    except pytest.skip.Exception:
        return None
    return PG_URL.sub(url, command)


Ran = dict[str, "subprocess.CompletedProcess[str] | None"]


@pytest.fixture(scope="module")
def ran(world: Path) -> Ran:
    """Every documented command but `serve`, in order, once."""
    out: Ran = {}
    for command in RUN:
        actual = _postgres(command)
        out[command] = (
            None
            if actual is None
            else subprocess.run(
                ["bash", "-c", actual],
                cwd=world,
                env=_env(world),
                capture_output=True,
                text=True,
                check=False,
                timeout=600,
            )
        )
    return out


def test_there_is_an_example_for_every_command() -> None:
    leaves = [typed for typed, c in _walk(app) if not isinstance(c, click.Group)]
    missing = [c for c in leaves if not any(r.startswith(f"{c} ") for r in COMMANDS)]
    assert not missing, f"no documented example runs these: {missing}"


@pytest.mark.parametrize("command", RUN)
def test_documented_command_runs(command: str, ran: Ran) -> None:
    done = ran[command]
    if done is None:
        unavailable("no PostgreSQL server for this example")
        return
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    expected = next((out for cmd, out in PRINTS if re.search(cmd, command)), None)
    assert expected is not None, f"say in PRINTS what `{command}` must print"
    printed = (done.stdout + done.stderr).strip()
    assert re.search(expected, printed, re.M), f"{command}: expected /{expected}/ in\n{printed}"


@pytest.mark.parametrize("command", SERVED)
def test_documented_server_serves(command: str, world: Path, ran: Ran) -> None:
    port = _free_port()
    actual = re.sub(r"--port \d+", "", command) + f" --port {port}"
    actual = _postgres(actual)
    if actual is None:
        unavailable("no PostgreSQL server for this example")
        return
    server = subprocess.Popen(
        ["bash", "-c", f"exec {actual}"],
        cwd=world,
        env=_env(world),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        page = _first_page(port, server)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "<h1>" in page and "Standings" in page, page[:500]


def _first_page(port: int, server: subprocess.Popen[str]) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(
                f"the server stopped: {server.stdout.read() if server.stdout else ''}"
            )
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                home = answer.read().decode()
            season = re.search(r'href="(/seasons/[^"/]+)"', home)
            assert season is not None, home[:500]
            with urllib.request.urlopen(
                f"http://127.0.0.1:{port}{season.group(1)}", timeout=30
            ) as answer:
                return str(answer.read().decode())
        except OSError:
            time.sleep(0.2)
    raise AssertionError("no answer within 60 s")
