"""Hostile input (issue 21): invisible characters, infinities and NaNs, two packages with one name, JSON and YAML that
break their parsers. Each is refused as one problem that names the file (and row and field), never a traceback."""

import dataclasses
import json
import shutil

import pytest
from helpers import GROUPS, SOURCES, obs, read_rows, write_package, write_rows

from sitegen.commands.cli import main
from sitegen.config import ROOT
from sitegen.read.checks import invisible, parsing
from sitegen.read.validation import check_datasets
from sitegen.read.views import declared_names

PACKAGE = "special-crackdown-2024"


@pytest.fixture
def package(tmp_path):
    """A copy of one shipped package, alone in a datasets folder: (datasets folder, package folder)."""
    datasets = tmp_path / "datasets"
    shutil.copytree(ROOT / "datasets" / PACKAGE, datasets / PACKAGE)
    return datasets, datasets / PACKAGE


def set_cell(path, row: int, field: str, value: str) -> None:
    """Set one cell of a CSV (row as `check` counts it: the header is row 1)."""
    rows = read_rows(path)
    rows[row - 2][field] = value
    write_rows(path, rows)


def places(problems) -> list[tuple]:
    return [(p.code, p.file, p.row, p.field) for p in problems]


def no_traceback(datasets, capsys) -> str:
    """`check` on the folder through the command line: it exits 1 and prints problems, not a traceback."""
    assert main(["check", "--datasets", str(datasets)]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return out.out


# -- 1. invisible characters


def test_a_right_to_left_override_in_a_group_label_is_refused(package, config, capsys):
    datasets, folder = package
    groups = folder / "data" / "groups.csv"
    set_cell(groups, 3, "name_en", "Teens \u202e(10–19)")
    problems, published = check_datasets(datasets, config)
    assert places(problems) == [("invisible-character", str(groups), 3, "name_en")]
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in problems[0].message
    assert "\u202e" not in str(problems[0])  # the message shows it escaped, not at work
    assert "delete it" in problems[0].hint and published == []
    assert "[invisible-character]" in no_traceback(datasets, capsys)


REFUSED = {
    **{chr(code): "bidirectional control" for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]},
    "\u200e": "bidirectional control",  # LEFT-TO-RIGHT MARK
    "\u200f": "bidirectional control",  # RIGHT-TO-LEFT MARK
    "\u061c": "bidirectional control",  # ARABIC LETTER MARK
    "\u200b": "invisible character",  # ZERO WIDTH SPACE
    "\u200c": "invisible character",  # ZERO WIDTH NON-JOINER
    "\u200d": "invisible character",  # ZERO WIDTH JOINER
    "\u2060": "invisible character",  # WORD JOINER
    "\ufeff": "invisible character",  # a byte order mark inside a text
    "\u00ad": "invisible character",  # SOFT HYPHEN
    "\U000e0041": "invisible character",  # TAG LATIN CAPITAL LETTER A
    "\u2028": "invisible character",  # LINE SEPARATOR
    "\u3164": "Hangul filler",  # HANGUL FILLER
}


@pytest.mark.parametrize("char", sorted(REFUSED), ids=lambda char: f"U+{ord(char):04X}")
def test_every_bidi_control_and_invisible_format_character_in_a_cell_is_refused(tmp_path, config, char):
    write_package(tmp_path / "p" / "tiny", sources=[dict(SOURCES[0], quote=f"before{char}after")])
    problems, _ = check_datasets(tmp_path / "p", config)
    assert [(p.code, p.row, p.field) for p in problems] == [("invisible-character", 2, "quote")]
    assert f"U+{ord(char):04X}" in problems[0].message and REFUSED[char] in problems[0].message


@pytest.mark.parametrize("text", ["전체\u00a0합계", "전체\u3000합계", "Teens (10–19)", "이용자 ‘정보’ — “삭제”"])
def test_visible_spaces_and_punctuation_are_allowed(tmp_path, config, text):
    write_package(tmp_path / "p" / "tiny", groups=[dict(GROUPS[0], name_ko=text), *GROUPS[1:]])
    assert check_datasets(tmp_path / "p", config)[0] == []


def test_an_invisible_character_in_the_descriptor_is_refused_naming_its_field(package, config):
    datasets, folder = package
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["title"] = "Special crackdown\u200b"
    descriptor["views"][1]["spec"]["title"]["ko"] += "\u2066"
    path.write_text(json.dumps(descriptor, ensure_ascii=True), encoding="utf-8")  # written as \u escapes
    problems, _ = check_datasets(datasets, config)
    view = descriptor["views"][1]["name"]
    assert sorted(places(problems)) == [
        ("invisible-character", str(path), None, "title"),
        ("invisible-character", str(path), None, f"views.{view}.spec.title.ko"),
    ]


def test_an_invisible_character_in_the_changelog_is_refused_naming_its_line(package, config):
    datasets, folder = package
    changelog = folder / "changelog.yml"
    lines = changelog.read_text(encoding="utf-8").split("\n")
    row = next(number for number, line in enumerate(lines, 1) if "reason_en" in line)
    lines[row - 1] = lines[row - 1].replace("reason_en: ", "reason_en: \u202e", 1)
    changelog.write_text("\n".join(lines), encoding="utf-8")
    problems, _ = check_datasets(datasets, config)
    assert places(problems) == [("invisible-character", str(changelog), row, None)]


def test_an_invisible_character_in_removed_charts_is_refused(package, config):
    datasets, _ = package
    removed = datasets / "removed-charts.yml"
    removed.write_text(
        "- id: old-chart\n  removed: 2025-01-01\n  dataset: x\n  reason_en: gone\u200b\n  reason_ko: 삭제\n",
        encoding="utf-8",
    )
    assert places(check_datasets(datasets, config)[0]) == [("invisible-character", str(removed), 4, None)]


def test_an_invisible_character_in_a_page_or_a_topic_is_refused_front_matter_too(tmp_path, config):
    site_src = tmp_path / "site_src"
    (site_src / "pages" / "en").mkdir(parents=True)
    (site_src / "topics" / "ko").mkdir(parents=True)
    (site_src / "pages" / "en" / "about.md").write_text("---\ntitle: About\u202e\n---\n\nText.\n", encoding="utf-8")
    (site_src / "topics" / "ko" / "help.md.j2").write_text("# 도움\n\n상담\u200d전화\n", encoding="utf-8")
    write_package(tmp_path / "datasets" / "tiny")
    problems, _ = check_datasets(tmp_path / "datasets", dataclasses.replace(config, root=tmp_path))
    assert places(problems) == [
        ("invisible-character", "site_src/pages/en/about.md", 2, None),
        ("invisible-character", "site_src/topics/ko/help.md.j2", 3, None),
    ]


def test_a_byte_order_mark_at_the_start_of_a_file_is_not_in_any_text(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("\ufeff# Title\n", encoding="utf-8")
    assert invisible.check_file(page) == []
    page.write_text("# Ti\ufefftle\n", encoding="utf-8")
    assert [p.row for p in invisible.check_file(page)] == [1]


def test_the_shipped_pages_and_topics_hold_no_invisible_character(config):
    assert invisible.check_pages(config.site_src) == []


# -- 2. numbers that are not finite


def test_infinity_in_a_count_is_refused_as_not_finite(package, config, capsys):
    datasets, folder = package
    observations = folder / "data" / "observations.csv"
    set_cell(observations, 2, "value", "inf")
    problems, published = check_datasets(datasets, config)
    assert places(problems) == [("not-a-finite-number", str(observations), 2, "value")]
    assert problems[0].message == '"inf" reads as infinity, not as a finite number'
    assert published == []
    assert "[not-a-finite-number]" in no_traceback(datasets, capsys)


def test_nan_in_a_count_is_refused_as_not_a_number_not_as_below_the_minimum(package, config):
    datasets, folder = package
    observations = folder / "data" / "observations.csv"
    set_cell(observations, 2, "value", "NaN")
    problems, _ = check_datasets(datasets, config)
    assert places(problems) == [("not-a-finite-number", str(observations), 2, "value")]
    assert "NaN (not a number)" in problems[0].message and "minimum" not in problems[0].message


@pytest.mark.parametrize(
    "cell, what",
    [
        ("inf", "infinity"),
        ("-inf", "minus infinity"),
        ("+inf", "infinity"),
        ("Infinity", "infinity"),
        ("-Infinity", "minus infinity"),
        ("INF", "infinity"),
        ("nan", "NaN"),
        ("NaN", "NaN"),
        ("-nan", "NaN"),
        ("sNaN", "NaN"),  # frictionless' own constraint check crashes on it
        ("1e999", "too large"),
        ("9" * 400, "too large"),
    ],
)
def test_every_spelling_of_a_non_finite_number_is_refused(tmp_path, config, cell, what):
    rows = [obs("crackdown", "total", 100), obs("crackdown", "age_10_19", cell), obs("before", "total", 50)]
    write_package(tmp_path / "p" / "tiny", observations=rows)
    problems, _ = check_datasets(tmp_path / "p", config)
    assert [(p.code, p.row, p.field) for p in problems] == [("not-a-finite-number", 3, "value")]
    assert what in problems[0].message


def test_every_non_finite_cell_of_every_numeric_field_is_listed_at_once(tmp_path, config):
    quoted = [
        {
            "id": "q1",
            "period_id": "crackdown",
            "measure": "arrested",
            "group": "total",
            "kind": "change",
            "base_period_id": "before",
            "of_group": "",
            "value": "Infinity",
            "decimals": "nan",
            "source_id": "src-a",
        }
    ]
    rows = [obs("crackdown", "total", "inf"), obs("crackdown", "age_10_19", "nan"), obs("before", "total", 50)]
    write_package(tmp_path / "p" / "tiny", observations=rows, quoted_figures=quoted)
    problems, _ = check_datasets(tmp_path / "p", config)
    assert {(p.code, p.file.rsplit("/", 1)[1], p.row, p.field) for p in problems} >= {
        ("not-a-finite-number", "observations.csv", 2, "value"),
        ("not-a-finite-number", "observations.csv", 3, "value"),
        ("not-a-finite-number", "quoted_figures.csv", 2, "value"),
        ("not-a-finite-number", "quoted_figures.csv", 2, "decimals"),  # an integer field too
    }
    assert {p.code for p in problems} <= {"not-a-finite-number", "missing-column", "extra-column"}


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_a_non_finite_number_in_the_descriptor_is_refused(package, config, number):
    datasets, folder = package
    path = folder / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{", f'{{"x_score": {number}, ', 1), encoding="utf-8")
    assert places(check_datasets(datasets, config)[0]) == [("not-a-finite-number", str(path), None, "x_score")]


# -- 3. two packages with one name


def test_two_packages_with_one_name_are_refused_naming_both_folders(package, config, capsys):
    datasets, folder = package
    copy = datasets / "a-copy"
    shutil.copytree(folder, copy)
    problems, _ = check_datasets(datasets, config)
    assert places(problems) == [("duplicate-package-name", str(folder / "datapackage.json"), None, "name")]
    assert str(copy) in problems[0].message and f"data/{PACKAGE}/" in problems[0].message
    assert "[duplicate-package-name]" in no_traceback(datasets, capsys)


def test_names_that_differ_only_in_case_are_one_name(tmp_path, config):
    write_package(tmp_path / "p" / "one", name="tiny")
    write_package(tmp_path / "p" / "two", name="Tiny")
    problems, _ = check_datasets(tmp_path / "p", config)
    assert "duplicate-package-name" in {p.code for p in problems}


# -- 4. JSON and YAML that break their parsers

HOSTILE_JSON = {
    "deeply nested": "[" * 100000,
    "deeply nested objects": '{"a":' * 50000,
    "nested deeper than the limit but parseable": '{"name": ' + "[" * 500 + "]" * 500 + "}",
    "a number too long to convert": '{"name": "x", "version": ' + "1" * 5000 + "}",
    "cut short": '{"name": "x", "resources": [',
    "not an object": "[1, 2, 3]",
}


@pytest.mark.parametrize("case", sorted(HOSTILE_JSON))
def test_deeply_nested_json_is_one_invalid_json_problem(package, config, case):
    datasets, folder = package
    path = folder / "datapackage.json"
    path.write_text(HOSTILE_JSON[case], encoding="utf-8")
    problems, _ = check_datasets(datasets, config)
    assert [(p.code, p.file) for p in problems] == [("invalid-json", str(path))]
    assert "\n" not in problems[0].message and len(problems[0].message) < 200


def test_deeply_nested_json_through_the_command_line_is_a_problem_not_a_traceback(package, capsys):
    datasets, folder = package
    (folder / "datapackage.json").write_text("[" * 100000, encoding="utf-8")
    assert "[invalid-json]" in no_traceback(datasets, capsys)


@pytest.mark.parametrize("error", [MemoryError, RecursionError, ValueError])
def test_any_way_the_json_parser_breaks_is_one_invalid_json_problem(package, config, monkeypatch, error):
    datasets, folder = package

    def broken(text, **_):
        raise error("the parser gave up")

    monkeypatch.setattr(parsing.json, "loads", broken)
    problems, _ = check_datasets(datasets, config)
    assert [(p.code, p.file) for p in problems] == [("invalid-json", str(folder / "datapackage.json"))]


def test_a_descriptor_that_is_not_utf8_is_one_encoding_problem(package, config):
    datasets, folder = package
    (folder / "datapackage.json").write_bytes(b'{"name": "\xff\xfe"}')
    assert [p.code for p in check_datasets(datasets, config)[0]] == ["encoding-error"]


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)
HOSTILE_YAML = {
    "a billion laughs": BOMB,
    "an alias bomb inside an entry": "- version: &v [1, 2]\n  date: *v\n",
    "deeply nested": "- " + "[" * 100000,
    "deeply nested blocks": "".join("  " * i + "- \n" for i in range(2000)),
    "a number too long to convert": "- version: " + "1" * 5000 + "\n",
    "a date that is not one": "- version: 1.0.0\n  date: 2025-13-45\n",
}


@pytest.mark.parametrize("case", sorted(HOSTILE_YAML))
def test_a_hostile_changelog_is_one_invalid_changelog_problem(package, config, capsys, case):
    datasets, folder = package
    changelog = folder / "changelog.yml"
    changelog.write_text(HOSTILE_YAML[case], encoding="utf-8")
    problems, _ = check_datasets(datasets, config)
    assert [(p.code, p.file) for p in problems] == [("invalid-changelog", str(changelog))]
    assert "\n" not in problems[0].message and len(problems[0].message) < 200
    assert "[invalid-changelog]" in no_traceback(datasets, capsys)


@pytest.mark.parametrize("case", sorted(HOSTILE_YAML))
def test_a_hostile_removed_charts_file_is_one_invalid_yaml_problem(package, config, case):
    datasets, _ = package
    removed = datasets / "removed-charts.yml"
    removed.write_text(HOSTILE_YAML[case], encoding="utf-8")
    problems, _ = check_datasets(datasets, config)
    assert [(p.code, p.file) for p in problems] == [("invalid-yaml", str(removed))]


def test_the_shipped_yaml_and_json_pass_the_screens():
    for path in sorted((ROOT / "datasets").glob("*/changelog.yml")):
        parsing.screen_yaml(path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "datasets").glob("*/datapackage.json")):
        parsing.load_json(path.read_text(encoding="utf-8-sig"))


@pytest.mark.parametrize("case", sorted(HOSTILE_YAML))
def test_new_period_over_a_hostile_changelog_is_one_line_and_changes_nothing(package, capsys, case):
    """new-period reads the changelog without `check` first: the same screen stops it before anything is written."""
    datasets, folder = package
    (folder / "changelog.yml").write_text(HOSTILE_YAML[case], encoding="utf-8")
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    args = ["new-period", "--datasets", str(datasets), "--id", "crackdown-2026-01-01", "--start", "2026-01-01"]
    args += ["--end", "2026-03-31", "--name-ko", "새 단속", "--name-en", "A new crackdown", "--package", PACKAGE]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "changelog.yml: cannot be read" in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_a_deeply_nested_descriptor_declares_no_views_instead_of_a_traceback(package):
    _, folder = package
    (folder / "datapackage.json").write_text("[" * 100000, encoding="utf-8")
    assert declared_names(folder) == []
