"""Imports run one way, down the stages: a module never imports one of a later stage, and nothing imports in a circle.

The stages, lowest first (a module may import its own stage and any lower one):

    sitegen/__init__, config, problems    the package's own error, settings and problem types
    util/                                 helpers every stage uses
    read/                                 find, load and check data packages
    derive/                               figures computed from figures
    render/                               words and pictures
    publish/                              files, metadata, images, MkDocs
    build                                 the stages in order
    commands/                             the command line and the preview server, on top

Imports inside functions and under `if TYPE_CHECKING:` count like any other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
STAGES = ["base", "util", "read", "derive", "render", "publish", "build", "commands"]
BASE = {"sitegen", "sitegen.config", "sitegen.problems"}


def stage(module: str) -> str:
    if module in BASE:
        return "base"
    if module == "sitegen.build":
        return "build"
    part = module.split(".")[1]
    if part not in STAGES:
        raise AssertionError(f"{module} is in no stage: put it in one of the folders of {STAGES[1:]}")
    return part


def modules(package: Path) -> dict[str, Path]:
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(module: str, path: Path, known: set[str]) -> set[str]:
    """The sitegen modules that a module imports, wherever the import statement is."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    result = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            result |= {alias.name for alias in node.names if alias.name.split(".")[0] == "sitegen"}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            if target.split(".")[0] != "sitegen":
                continue
            for alias in node.names:  # `from . import x` imports the module x when there is one
                result.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in known else target)
    return result


def graph(package: Path) -> dict[str, set[str]]:
    found = modules(package)
    return {module: imports(module, path, set(found)) - {module} for module, path in found.items()}


def upward(edges: dict[str, set[str]]) -> list[str]:
    return sorted(
        f"{module} ({stage(module)}) imports {target} ({stage(target)})"
        for module, targets in edges.items()
        for target in targets
        if STAGES.index(stage(target)) > STAGES.index(stage(module))
    )


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index, low, on_stack, stack, result = {}, {}, set(), [], []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return result


def test_no_module_imports_a_later_stage():
    assert upward(graph(ROOT / "sitegen")) == []


def test_no_import_cycle():
    assert cycles(graph(ROOT / "sitegen")) == []


def test_every_module_is_in_a_stage():
    for module in modules(ROOT / "sitegen"):
        stage(module)


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in {
        "__init__.py": "",
        "config.py": "",
        "read/__init__.py": "",
        "render/__init__.py": "",
        **files,
    }.items():
        path = tmp_path / "sitegen" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "sitegen"


@pytest.mark.parametrize(
    "statement",
    [
        "from ..render import pages",
        "from ..render.pages import Page",
        "import sitegen.render.pages",
        "def later():\n    from ..render.pages import Page\n",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from sitegen.render.pages import Page\n",
    ],
)
def test_an_upward_import_fails_the_test_naming_both_modules(tmp_path, statement):
    package = _package(tmp_path, {"read/catalog.py": statement, "render/pages.py": "from ..read import catalog\n"})
    assert upward(graph(package)) == ["sitegen.read.catalog (read) imports sitegen.render.pages (render)"]


def test_a_cycle_within_a_stage_fails_the_test_naming_its_modules(tmp_path):
    package = _package(tmp_path, {"read/a.py": "def f():\n    from . import b\n", "read/b.py": "from .a import f\n"})
    assert upward(graph(package)) == []
    assert cycles(graph(package)) == [["sitegen.read.a", "sitegen.read.b"]]


def test_a_downward_import_passes(tmp_path):
    package = _package(
        tmp_path, {"read/catalog.py": "from .. import config\n", "render/pages.py": "from ..read import catalog\n"}
    )
    assert upward(graph(package)) == [] and cycles(graph(package)) == []
