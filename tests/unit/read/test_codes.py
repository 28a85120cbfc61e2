"""Each kind of problem is written once: a Code constant in the module that finds it, used by its checks and listed in
the maintainer's guide (sitegen.render.guide) in both languages."""

import ast
import importlib
import importlib.util
import json
import pkgutil
import re
from pathlib import Path

import pytest
from helpers import write_package

import sitegen.read
from sitegen.config import ROOT
from sitegen.problems import Code, Problem
from sitegen.read.checks import frictionless_errors, personal_data
from sitegen.read.validation import check_datasets
from sitegen.render.guide import problem_codes

HANGUL = re.compile(r"[가-힣]")
PLACE = {"file", "row", "field"}

# `.at(...)` calls on something other than a module-level Code, and the Codes they can be. A new call of this kind
# fails test_every_code_used_is_declared_and_every_declared_code_is_used until it is listed here.
COMPUTED = {
    ("sitegen/read/checks/personal_data.py", "code"): lambda: (
        set(personal_data.EVERYWHERE) | set(personal_data.LABELS_ONLY)
    ),
    # frictionless' own error types, passed on in its words (test_the_codes_frictionless_reports_are_declared breaks
    # packages to make it report them)
    ("sitegen/read/checks/frictionless_errors.py", "PASSED_ON[code]"): lambda: set(
        frictionless_errors.PASSED_ON.values()
    ),
}


def declared() -> dict[str, Code]:
    """The Code constants of the modules under sitegen.read, by code; a code declared twice fails."""
    found: dict[str, Code] = {}
    for info in pkgutil.walk_packages(sitegen.read.__path__, "sitegen.read."):
        for value in vars(importlib.import_module(info.name)).values():
            if isinstance(value, Code):
                assert found.setdefault(value.code, value) is value, f"{value.code} is declared twice"
    return found


def _module(path: Path, root: Path):
    """The module of a source file: imported by name inside sitegen (its Codes are the ones declared), else loaded."""
    relative = path.relative_to(root).with_suffix("")
    if relative.parts[0] == "sitegen":
        return importlib.import_module(".".join(relative.parts[:-1] if relative.name == "__init__" else relative.parts))
    spec = importlib.util.spec_from_file_location(f"scanned_{relative.name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scan(sources: list[Path], root: Path) -> tuple[set[Code], list[str]]:
    """The Codes the sources use through `X.at(...)`, and what is wrong: a Problem built directly, a receiver that is
    not a module-level Code, a Code declared outside sitegen.read (the guide would not list it)."""
    codes = declared()
    used, wrong = set(), []
    for path in sources:
        where = path.relative_to(root).as_posix()
        if where == "sitegen/problems.py":
            continue  # where Problem and Code.at are defined
        module = None
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            if (isinstance(node.func, ast.Name) and node.func.id == "Problem") or (
                isinstance(node.func, ast.Attribute) and node.func.attr == "Problem"
            ):
                wrong.append(
                    f"{where}:{node.lineno}: Problem(...) built directly - declare a Code and call its .at(...)"
                )
                continue
            if not (isinstance(node.func, ast.Attribute) and node.func.attr == "at"):
                continue
            receiver = ast.unparse(node.func.value)
            if (where, receiver) in COMPUTED:
                used |= COMPUTED[(where, receiver)]()
                continue
            module = module or _module(path, root)
            value = getattr(module, receiver, None) if isinstance(node.func.value, ast.Name) else None
            if not isinstance(value, Code):
                wrong.append(
                    f"{where}:{node.lineno}: {receiver}.at(...) - not a declared Code (declare it, or list the "
                    "call in COMPUTED)"
                )
            elif codes.get(value.code) is not value:
                wrong.append(
                    f"{where}:{node.lineno}: {receiver} ({value.code}) is not declared in a module under "
                    "sitegen/read, so the guide does not list it"
                )
            else:
                used.add(value)
    return used, wrong


def test_every_code_used_is_declared_and_every_declared_code_is_used():
    used, wrong = scan(sorted((ROOT / "sitegen").rglob("*.py")), ROOT)
    assert wrong == []
    codes = declared()
    # the scan sees the codes of every kind of module (not a vacuous pass)
    assert {
        "no-packages",
        "unsafe-path",
        "formula-injection",
        "disclosive-count",
        "unreleased-figure",
        "view-invalid",
        "typed-number",
        "chart-gone",
        "phone-number",
        "blank-row",
    } <= {code.code for code in used}
    assert sorted(code.code for code in set(codes.values()) - used) == []
    assert problem_codes() == dict(sorted(codes.items()))  # the guide lists the same Codes


def test_a_code_missing_its_declaration_fails_the_scan(tmp_path):
    (tmp_path / "new_check.py").write_text(
        "from sitegen.problems import Code, Problem\n"
        "from sitegen.read.checks.disclosure import DISCLOSIVE_COUNT\n"
        'STRAY = Code("stray-code", "Declared outside sitegen/read", "is odd", "fix it", "고칩니다", dict(file="f"))\n'
        "def check(path, code):\n"
        '    yield DISCLOSIVE_COUNT.at(path, 2, "value", period="p", measure="m", group="g", value=4, threshold=5, '
        "below=4)\n"
        '    yield BRAND_NEW_CODE.at(path, 2, "value")\n'
        "    yield STRAY.at(path)\n"
        "    yield code.at(path)\n"
        '    yield Problem(path, 2, "value", "brand-new-code", "is odd", "fix it")\n',
        encoding="utf-8",
    )
    used, wrong = scan([tmp_path / "new_check.py"], tmp_path)
    assert {code.code for code in used} == {"disclosive-count"}
    assert wrong == [
        "new_check.py:6: BRAND_NEW_CODE.at(...) - not a declared Code (declare it, or list the call in COMPUTED)",
        "new_check.py:7: STRAY (stray-code) is not declared in a module under sitegen/read, so the guide does not list it",
        "new_check.py:8: code.at(...) - not a declared Code (declare it, or list the call in COMPUTED)",
        "new_check.py:9: Problem(...) built directly - declare a Code and call its .at(...)",
    ]


@pytest.mark.parametrize("code", sorted(declared()))
def test_each_declaration_is_complete_and_its_templates_format_with_its_example(code):
    entry = declared()[code]
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code)
    assert entry.title and entry.title[0].isupper() and not entry.title.endswith("."), entry.title
    problem = entry.example_problem()  # every placeholder has an example value
    assert (problem.code, problem.file) == (code, entry.example["file"])
    assert problem.message and problem.hint and problem.hint_ko
    assert set(entry.example) - PLACE <= entry.placeholders(), "an example value no template uses"
    assert "{" not in entry.example_message or "{{" in entry.message + entry.fix_en  # no placeholder left unfilled
    assert not HANGUL.search(entry.message) and not HANGUL.search(entry.fix_en), "the English texts hold Hangul"
    assert HANGUL.search(problem.hint_ko), "the Korean fix holds no Hangul"  # as shown, its values filled in
    assert problem.hint[:1].islower(), "a hint follows ' - ' in lower case"
    assert len(entry.fix_en) <= 400 and len(entry.fix_ko) <= 400


def test_a_problem_prints_as_before_and_carries_the_korean_fix():
    code = Code(
        "some-code",
        "Some code",
        'says "{what}"',
        "fix {what} at {field}",
        "{field}의 {what}를 고칩니다",
        dict(file="f.csv", row=2, field="value", what="x"),
    )
    problem = code.at("data/f.csv", 3, "value", what="y")
    assert str(problem) == 'data/f.csv:3:value: [some-code] says "y" - fix y at value'
    assert problem.as_dict() == {
        "file": "data/f.csv",
        "row": 3,
        "field": "value",
        "code": "some-code",
        "message": 'says "y"',
        "hint": "fix y at value",
    }
    assert problem.hint_ko == "value의 y를 고칩니다"
    assert problem == Problem("data/f.csv", 3, "value", "some-code", 'says "y"', "fix y at value")
    assert code.example_message == 'f.csv:2:value: says "x"'
    assert (code.example_fix("en"), code.example_fix("ko")) == ("Fix x at value.", "value의 x를 고칩니다.")


def _break(folder: Path, case: str) -> None:
    groups = folder / "data" / "groups.csv"
    lines = groups.read_text(encoding="utf-8").splitlines()
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    if case == "blank-row":
        lines.insert(2, "," * (lines[0].count(",")))
    elif case == "extra-cell":
        lines[1] += ",x"
    elif case == "missing-cell":
        lines[1] = lines[1].rsplit(",", 1)[0]
    elif case == "unique-error":
        lines.append(lines[2])
    elif case == "package-error":
        descriptor["resources"][0]["schema"]["primaryKey"] = ["nope"]
    elif case == "frictionless-error":
        descriptor["resources"][0]["hash"] = "md5:0000"
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    groups.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    "case", ["blank-row", "extra-cell", "missing-cell", "unique-error", "package-error", "frictionless-error"]
)
def test_the_codes_frictionless_reports_are_declared(tmp_path, config, case):
    _break(write_package(tmp_path / "tiny"), case)
    problems, _ = check_datasets(tmp_path, config)
    assert case in {p.code for p in problems}
    assert {p.code for p in problems} <= set(declared())
    if case == "frictionless-error":  # another type of frictionless error keeps its type in the message
        assert any(p.message.endswith("(hash-count)") for p in problems)


def test_personal_data_examples_are_what_the_patterns_find():
    for code, pattern in {**personal_data.EVERYWHERE, **personal_data.LABELS_ONLY}.items():
        match = code.example["match"]
        assert re.search(pattern, match).group(0) == match, code
