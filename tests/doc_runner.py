"""Run a Markdown page as a user would: each ``$ command`` of a ``console``
block in a shell, each ``toml`` block that names a file in its first line
appended to that file; and compare what a command prints with the lines the
page shows after it, where a line ``...`` stands for any lines and ``...``
inside a line for any text."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent
_FENCE = re.compile(r"^```(\w*)\s*$")
_FILE_COMMENT = re.compile(r"^# (\S+\.toml)\s*$")


@dataclass(frozen=True)
class Step:
    line: int
    """Where the step is on the page (1-based), for the failure message."""
    command: str = ""
    expected: tuple[str, ...] = ()
    file: str = ""
    """A toml block's target; ``command`` is then its text."""


def steps(markdown: str) -> list[Step]:
    out: list[Step] = []
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if fence is None:
            i += 1
            continue
        start = i + 1
        end = next(j for j in range(start, len(lines)) if lines[j].startswith("```"))
        block = lines[start:end]
        if fence.group(1) == "console":
            out.extend(_commands(block, start + 1))
        elif fence.group(1) == "toml" and block and (target := _FILE_COMMENT.match(block[0])):
            out.append(Step(start + 1, "\n".join(block) + "\n", file=target.group(1)))
        i = end + 1
    return out


def _commands(block: list[str], first_line: int) -> list[Step]:
    found: list[Step] = []
    at = [i for i, text in enumerate(block) if text.startswith("$ ")]
    for n, i in enumerate(at):
        stop = at[n + 1] if n + 1 < len(at) else len(block)
        found.append(Step(first_line + i, block[i][2:], tuple(block[i + 1 : stop])))
    return found


def environment() -> dict[str, str]:
    """podium on the PATH, as after `make run`; a fixed terminal."""
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env.pop("COLUMNS", None)
    env["NO_COLOR"] = "1"
    return env


def perform(step: Step, cwd: Path) -> tuple[int, str]:
    """Run a command (exit status, stdout then stderr) or append a file."""
    if step.file:
        with (cwd / step.file).open("a", encoding="utf-8") as target:
            target.write(step.command)
        return 0, ""
    done = subprocess.run(
        ["bash", "-c", step.command],
        cwd=cwd,
        env=environment(),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    return done.returncode, done.stdout + done.stderr


def _trimmed(lines: list[str]) -> list[str]:
    lines = [text.rstrip() for text in lines]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def shows(expected: tuple[str, ...], printed: str) -> bool:
    """Whether ``printed`` is what the page shows, ``...`` elisions allowed."""
    pattern = []
    for text in _trimmed(list(expected)):
        if text.strip() == "...":
            pattern.append(r"(?:[^\n]*\n)*?")
        else:
            pattern.append(r"[^\n]*?".join(re.escape(part) for part in text.split("...")) + r"\n")
    actual = "".join(f"{text}\n" for text in _trimmed(printed.splitlines()))
    return re.fullmatch("".join(pattern), actual) is not None


def link_tests(cwd: Path) -> None:
    """The page's paths are from the repository root: `tests/fixtures/...`."""
    (cwd / "tests").symlink_to(Path(__file__).resolve().parent, target_is_directory=True)
