"""Every problem code the sources can emit is in the maintainer's guide (sitegen.codes.all_codes), in both languages."""

import ast
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT
from helpers import write_package

from sitegen.read.checks import personal_data, views
from sitegen.codes import all_codes
from sitegen.read.validation import check_datasets

HANGUL = re.compile(r"[가-힣]")

# Problem(...) calls whose code is not a string literal, and where their codes come from. A new call of this kind
# fails test_every_emitted_code_is_registered until it is listed here (and its codes are registered).
COMPUTED = {
    ("sitegen/read/checks/personal_data.py", "code"): lambda: set(personal_data.EVERYWHERE) | set(personal_data.LABELS_ONLY),
    ("sitegen/read/checks/views.py", "code"): lambda: set(views.CODES),
    # frictionless' own error types, passed on: test_codes_frictionless_reports_are_registered breaks packages to
    # make it report them.
    ("sitegen/read/validation.py", "error.error.type"): set,
    ("sitegen/read/validation.py", "error.type"): set,
    ("sitegen/read/validation.py", "code"): set,
    # Code.at builds the Problem of a declared code
    ("sitegen/problems.py", "self.code"): set,
}


def emitted_codes(sources: list[Path], root: Path) -> tuple[set[str], set[tuple[str, str]]]:
    """The string codes passed to Problem(...) in the given files, and the (file, expression) of every other code."""
    literal, computed = set(), set()
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Problem"):
                continue
            code = node.args[3] if len(node.args) > 3 else next((k.value for k in node.keywords if k.arg == "code"), None)
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                literal.add(code.value)
            else:
                computed.add((path.relative_to(root).as_posix(), ast.unparse(code) if code else "?"))
    return literal, computed


def unregistered(sources: list[Path], root: Path) -> list[str]:
    literal, computed = emitted_codes(sources, root)
    unknown = sorted(f"{file}: Problem(..., {expr}, ...) - list it in COMPUTED" for file, expr in computed - set(COMPUTED))
    codes = literal | {c for key in computed & set(COMPUTED) for c in COMPUTED[key]()}
    return unknown + sorted(codes - set(all_codes()))


def test_every_emitted_code_is_registered():
    sources = sorted((ROOT / "sitegen").rglob("*.py"))
    literal, computed = emitted_codes(sources, ROOT)
    # the scan sees the codes of every kind of module (not a vacuous pass)
    assert {"no-packages", "unsafe-path", "formula-injection", "disclosive-count", "unreleased-figure"} <= literal
    assert ("sitegen/read/checks/personal_data.py", "code") in computed
    assert unregistered(sources, ROOT) == []


def test_a_code_missing_from_the_guide_fails_the_scan(tmp_path):
    (tmp_path / "new_check.py").write_text(
        'def check(path):\n'
        '    yield Problem(path, 2, "value", "disclosive-count", "is 4", "suppress it")\n'
        '    yield Problem(path, 2, "value", code="brand-new-code", message="is odd", hint="fix it")\n'
        '    yield Problem(path, 2, "value", CODE_CONSTANT, "is odd", "fix it")\n', encoding="utf-8")
    assert unregistered([tmp_path / "new_check.py"], tmp_path) == [
        "new_check.py: Problem(..., CODE_CONSTANT, ...) - list it in COMPUTED", "brand-new-code"]


def _break(folder: Path, case: str) -> None:
    groups = folder / "data" / "groups.csv"
    lines = groups.read_text(encoding="utf-8").splitlines()
    if case == "blank-row":
        lines.insert(2, "," * (lines[0].count(",")))
    elif case == "extra-cell":
        lines[1] += ",x"
    elif case == "missing-cell":
        lines[1] = lines[1].rsplit(",", 1)[0]
    elif case == "package-error":
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        descriptor["resources"][0]["schema"]["primaryKey"] = ["nope"]
        (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    groups.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("case", ["blank-row", "extra-cell", "missing-cell", "package-error"])
def test_codes_frictionless_reports_are_registered(tmp_path, config, case):
    _break(write_package(tmp_path / "tiny"), case)
    problems, _ = check_datasets(tmp_path, config)
    assert case in {p.code for p in problems}
    assert {p.code for p in problems} <= set(all_codes())


def test_every_entry_has_an_example_and_short_fixes_in_english_and_korean():
    for code, entry in all_codes().items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code), code
        assert entry.example and entry.fix_en and entry.fix_ko, code
        assert not HANGUL.search(entry.fix_en) and HANGUL.search(entry.fix_ko), code
        assert len(entry.fix_en) <= 200 and len(entry.fix_ko) <= 200, code


def test_personal_data_examples_are_what_the_patterns_find():
    patterns = {**personal_data.EVERYWHERE, **personal_data.LABELS_ONLY}
    for code, (pattern, what) in patterns.items():
        cell = re.search(r'"(.*)" looks like (.*)$', personal_data.CODES[code].example)
        assert re.search(pattern, cell.group(1)).group(0) == cell.group(1), code
        assert cell.group(2) == what, code
