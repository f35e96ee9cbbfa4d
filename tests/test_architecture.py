"""The shape of the code, checked: podium's import graph has no cycle, no
module takes another's private name, each package imports only the layers
below it (docs/architecture.md), and the application layer hands out typed,
frozen answers, never loose dicts."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import pkgutil
import re
import typing
from pathlib import Path

import podium
import podium.app
from podium.app.answer import Answer

SRC = Path(podium.__file__).resolve().parent

# What each top-level package may import (besides itself and the standard
# library / third-party packages). The core is model, rules, scoring,
# analysis and errors: pure, no I/O; adapters sit around it.
CORE = {"errors", "model", "rules", "scoring", "analysis"}
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "model": {"errors", "rules"},
    "rules": {"errors"},
    "scoring": {"errors", "model", "rules"},
    "analysis": CORE,
    "datasets": CORE,
    "readers": CORE | {"datasets"},
    "imports": CORE | {"readers", "datasets"},
    "app": CORE | {"readers", "imports", "datasets"},
    "render": CORE | {"app"},
    "store": CORE | {"app"},
    "web": CORE | {"app", "render", "readers", "datasets"},
    "cli": CORE | {"app", "render", "readers", "imports", "datasets", "store", "web"},
}


def module_name(path: Path) -> str:
    parts = ("podium", *path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(name: str) -> list[tuple[str, tuple[str, ...], int]]:
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(source: str, package: str) -> list[tuple[str, tuple[str, ...], int]]:
    """(module, names, line) of every podium import ``source`` runs, in
    functions too, leaving out ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(source)
    skipped = {
        id(n)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and _type_checking(block)
        for stmt in block.body
        for n in ast.walk(stmt)
    }
    out = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            out += [(a.name, (), node.lineno) for a in node.names if a.name.startswith("podium")]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                parent = parent[: len(parent) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            if base.startswith("podium"):
                out.append((base, tuple(a.name for a in node.names), node.lineno))
    return out


def edges() -> dict[str, set[str]]:
    """Module -> podium modules it imports (a name that is a submodule counts as it)."""
    graph: dict[str, set[str]] = {}
    for name in MODULES:
        targets = set()
        for module, names, _ in imports_of(name):
            subs = {f"{module}.{n}" for n in names if f"{module}.{n}" in MODULES}
            targets |= subs or {module}
            if subs and len(subs) < len(names):
                targets.add(module)
        graph[name] = targets & set(MODULES)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of ``graph`` (first node repeated at the end), or None."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_cycle_finder_finds_one_through_a_function_level_import() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    # The old scoring circle was hidden by an import inside a function: it is
    # an edge; an import for type checking only is not; relative imports resolve.
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from podium.app.season import ScoredSeason\n"
        "def f():\n    from podium.scoring.progressive import x\n"
        "from .tally import fold\n"
    )
    found = sorted((m, names) for m, names, _ in imports_in(source, "podium.scoring"))
    assert found == [("podium.scoring.progressive", ("x",)), ("podium.scoring.tally", ("fold",))]


def test_the_import_graph_has_no_cycle() -> None:
    cycle = find_cycle(edges())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_no_module_imports_another_modules_private_name() -> None:
    found = [
        f"{MODULES[name].relative_to(SRC)}:{line}: {module}.{n}"
        for name in MODULES
        for module, names, line in imports_of(name)
        for n in names
        if n.startswith("_") and not n.startswith("__")
    ]
    assert found == []


def test_each_package_imports_only_the_layers_below_it() -> None:
    wrong = []
    for name in MODULES:
        parts = name.split(".")
        if len(parts) < 2:
            continue
        mine = parts[1]
        allowed = ALLOWED[mine] | {mine}
        for module, _, line in imports_of(name):
            theirs = module.split(".")[1] if "." in module else ""
            if theirs and theirs not in allowed:
                wrong.append(f"{MODULES[name].relative_to(SRC)}:{line}: {mine} -> {theirs}")
    assert wrong == []


def test_every_package_is_in_the_layer_table() -> None:
    packages = {p.name for p in SRC.iterdir() if (p / "__init__.py").is_file() or p.suffix == ".py"}
    packages = {p.removesuffix(".py") for p in packages} - {"__init__", "py", "__pycache__"}
    assert packages == set(ALLOWED)


def test_the_title_analysis_is_a_subpackage_with_plain_names() -> None:
    title = SRC / "analysis" / "title"
    names = {p.stem for p in title.glob("*.py")} - {"__init__"}
    assert {"race", "verdict", "pairwise", "needs", "solver", "shared"} <= names
    assert not list((SRC / "analysis").glob("title_*.py"))


# -- the application layer's answers -------------------------------------------


def app_modules() -> list[str]:
    return [f"podium.app.{m.name}" for m in pkgutil.iter_modules(podium.app.__path__)]


def answer_types() -> list[type[Answer]]:
    found = []
    for name in app_modules():
        module = importlib.import_module(name)
        found += [
            obj
            for obj in vars(module).values()
            if inspect.isclass(obj)
            and issubclass(obj, Answer)
            and obj is not Answer
            and obj.__module__ == name
        ]
    return found


def test_answers_are_frozen_dataclasses_with_a_json_form() -> None:
    answers = answer_types()
    assert len(answers) >= 25
    for cls in answers:
        assert dataclasses.is_dataclass(cls), cls
        assert cls.__dataclass_params__.frozen, cls  # type: ignore[attr-defined]


LOOSE = re.compile(r"\bAny\b|dict\[str, *Any\]")


def test_no_loose_dict_or_any_crosses_the_application_boundary() -> None:
    """Every public function of podium.app takes and returns typed values."""
    loose = []
    for name in app_modules():
        module = importlib.import_module(name)
        for fname, function in vars(module).items():
            if fname.startswith("_") or not inspect.isfunction(function):
                continue
            if function.__module__ != name:
                continue
            hints = typing.get_type_hints(function)
            for arg, hint in hints.items():
                if LOOSE.search(str(hint)) or hint is typing.Any:
                    loose.append(f"{name}.{fname}: {arg}: {hint}")
    assert loose == []


def test_adapters_hold_no_dict_of_any() -> None:
    """The CLI, the site and the renderers work on answers, not on loose dicts."""
    text = {
        p.relative_to(SRC): p.read_text(encoding="utf-8")
        for package in ("app", "cli", "web", "render")
        for p in (SRC / package).rglob("*.py")
    }
    assert [str(p) for p, t in text.items() if "dict[str, Any]" in t] == []


def test_the_command_line_loads_no_engine_until_a_command_runs() -> None:
    """`podium --help` (every command registered) imports neither the model,
    pydantic nor the web server: start-up by design (docs/performance.md)."""
    import subprocess
    import sys

    code = (
        "import sys, podium.cli; "
        "print(sorted(m for m in ('pydantic', 'podium.model', 'fastapi', 'sqlalchemy') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
