"""Hostile packages: each fixture under tests/fixtures/<case>/ is rejected with the exact code and place."""

import dataclasses
import json
import re

import pandas as pd
import pytest
from helpers import GROUPS, VIEWS, obs, write_package

from sitegen.commands.cli import main
from sitegen.config import ROOT
from sitegen.read.catalog import load_dataset
from sitegen.read.validation import check_datasets

FIXTURES = ROOT / "tests" / "fixtures"
OBSERVATIONS = "crackdown/data/observations.csv"
DESCRIPTOR = "crackdown/datapackage.json"

# case -> [(code, file inside the fixture folder, row, field)]
EXPECTED = {
    "path-absolute": [("unsafe-path", DESCRIPTOR, None, "resources.observations.path")],
    "path-traversal": [("unsafe-path", DESCRIPTOR, None, "resources.observations.path")],
    "path-url": [("unsafe-path", DESCRIPTOR, None, "resources.observations.path")],
    "path-hidden": [("unsafe-path", DESCRIPTOR, None, "resources.observations.path")],
    "path-symlink": [("unsafe-path", DESCRIPTOR, None, "resources.observations.path")],
    "encoding-cp949": [("not-utf8", "crackdown/data/groups.csv", 2, None)],
    "empty-file": [("empty-file", OBSERVATIONS, None, None)],
    "header-only": [("no-rows", OBSERVATIONS, 1, None)],
    "duplicate-key": [("primary-key", OBSERVATIONS, 16, None)],
    "unknown-field-type": [("unknown-field-type", DESCRIPTOR, None, "resources.observations.schema.value.type")],
    "personal-data-field": [("personal-data-field", OBSERVATIONS, 1, "suspect_phone")],
    "disclosive-count": [("disclosive-count", OBSERVATIONS, 9, "value")],
    "exemption-not-verbatim": [("exemption-not-verbatim", OBSERVATIONS, 9, "disclosure_exemption")],
    "recoverable-suppression": [("recoverable-suppression", OBSERVATIONS, 9, "value")],
    "suppressed-cell-revealed": [  # the revealing row is also a figure no release entry covers
        ("suppressed-cell-revealed", OBSERVATIONS, 11, "value"),
        ("unreleased-figure", OBSERVATIONS, 11, "value"),
    ],
    "formula-injection": [("formula-injection", "crackdown/data/groups.csv", 5, "name_en")],
    "resident-registration-number": [("resident-registration-number", "crackdown/data/sources.csv", 3, "quote")],
    "phone-number": [("phone-number", "crackdown/data/groups.csv", 2, "name_ko")],
    "email-address": [("email-address", "crackdown/data/measures.csv", 2, "definition_en")],
    "messenger-link": [("messenger-handle", "crackdown/data/sources.csv", 4, "url")],
    "messenger-handle": [("messenger-handle", "crackdown/data/periods.csv", 2, "name_en")],
    "person-name": [("person-name", "crackdown/data/groups.csv", 8, "name_ko")],
    "street-address": [("street-address", "crackdown/data/groups.csv", 7, "name_ko")],
    "birth-date": [("birth-date", "crackdown/data/groups.csv", 6, "name_en")],
    "school-name": [("school-name", "crackdown/data/groups.csv", 3, "name_ko")],
}


def test_committed_fixtures_are_what_make_fixtures_writes(tmp_path):
    """Each fixture is the shipped package in the standard shape plus one fault; regenerate with tests/make_fixtures.py."""
    from make_fixtures import CASES, snapshot, write_fixture

    assert sorted(CASES) == sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
    for case in CASES:
        write_fixture(case, tmp_path / case)
        assert snapshot(FIXTURES / case) == snapshot(tmp_path / case), (
            f"run .venv/bin/python tests/make_fixtures.py ({case})"
        )


def places(problems, folder):
    return [(p.code, p.file.removeprefix(f"{folder}/"), p.row, p.field) for p in problems]


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_hostile_fixture_is_rejected_with_code_and_place(case, config):
    folder = FIXTURES / case
    problems, datasets = check_datasets(folder, config)
    assert places(problems, folder) == EXPECTED[case]
    assert datasets == []
    for problem in problems:
        assert problem.message and problem.hint, problem


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_check_command_lists_it_as_json_and_exits_1(case, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["check", "--datasets", f"tests/fixtures/{case}", "--format", "json"]) == 1
    out = capsys.readouterr()
    report = json.loads(out.out)
    assert [(p["code"], p["row"], p["field"]) for p in report["problems"]] == [
        (c, r, f) for c, _, r, f in EXPECTED[case]
    ]
    assert "Traceback" not in out.out + out.err


def test_messages_say_what_to_do():
    config_problems = {}
    from sitegen.config import load_config

    for case in ("encoding-cp949", "duplicate-key", "recoverable-suppression", "disclosive-count", "path-traversal"):
        problems, _ = check_datasets(FIXTURES / case, load_config(ROOT))
        config_problems[case] = str(problems[0])
    assert (
        "CP949" in config_problems["encoding-cp949"] and "iconv -f CP949 -t UTF-8" in config_problems["encoding-cp949"]
    )
    assert "as row 4" in config_problems["duplicate-key"] and "rows 4 and 16" in config_problems["duplicate-key"]
    assert "e.g. crackdown-2024-08-28 / arrested / age_40_49" in config_problems["recoverable-suppression"]
    assert "is 4, below the disclosure threshold of 5" in config_problems["disclosive-count"]
    assert '"../outside.csv" climbs out of the package folder' in config_problems["path-traversal"]


def test_bom_and_crlf_are_read_like_plain_utf8(config):
    problems, datasets = check_datasets(FIXTURES / "bom-crlf", config)
    assert problems == []
    plain = load_dataset(ROOT / "datasets" / "special-crackdown-2024")
    for name, table in datasets[0].tables.items():
        pd.testing.assert_frame_equal(table, plain.tables[name])
    assert datasets[0].descriptor["title"] == plain.descriptor["title"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_rejected(tmp_path, config, start):
    import csv

    groups = [GROUPS[0], GROUPS[1], dict(GROUPS[2], name_ko=f"{start}cmd|' /C calc'!A0")]
    folder = write_package(tmp_path / "tiny", groups=groups)
    with open(
        folder / "data" / "groups.csv", "w", encoding="utf-8", newline=""
    ) as handle:  # quoted, as Excel writes \r
        writer = csv.DictWriter(handle, list(groups[0]), quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writeheader()
        writer.writerows(groups)
    problems, _ = check_datasets(tmp_path, config)
    found = {(p.code, p.row, p.field) for p in problems}
    assert ("formula-injection", 4, "name_ko") in found
    assert {(row, field) for _, row, field in found} == {(4, "name_ko")}  # "@cmd" is also a messenger handle


def test_zero_is_allowed_and_the_threshold_comes_from_the_config(tmp_path, config):
    write_package(
        tmp_path / "tiny",
        observations=[
            obs("crackdown", "total", 7),
            obs("crackdown", "age_10_19", 0),
            obs("crackdown", "age_20_29", 7),
            obs("before", "total", 6),
        ],
    )
    assert check_datasets(tmp_path, config)[0] == []
    stricter = dataclasses.replace(config, disclosure_threshold=7)
    problems, _ = check_datasets(tmp_path, stricter)
    assert [(p.code, p.row) for p in problems] == [("disclosive-count", 5)]


def _suppressed(period, group, value=""):
    return dict(obs(period, group, value), status="c")


def test_a_suppressed_total_is_recoverable_from_its_parts(tmp_path, config):
    write_package(
        tmp_path / "tiny",
        observations=[
            _suppressed("crackdown", "total"),
            obs("crackdown", "age_10_19", 60),
            obs("crackdown", "age_20_29", 40),
            obs("before", "total", 50),
        ],
    )
    problems, _ = check_datasets(tmp_path, config)
    assert [(p.code, p.row, p.field) for p in problems] == [("recoverable-suppression", 2, "value")]
    assert "e.g. crackdown / arrested / age_20_29" in problems[0].hint


def test_two_suppressed_parts_protect_each_other(tmp_path, config):
    write_package(
        tmp_path / "tiny",
        observations=[
            obs("crackdown", "total", 100),
            _suppressed("crackdown", "age_10_19"),
            _suppressed("crackdown", "age_20_29"),
            obs("before", "total", 50),
        ],
    )
    assert check_datasets(tmp_path, config)[0] == []


def test_recovery_follows_chains_of_parent_groups(tmp_path, config):
    groups = GROUPS + [
        {"id": "age_10_13", "parent": "age_10_19", "name_ko": "10~13세", "name_en": "10-13"},
        {"id": "age_14_19", "parent": "age_10_19", "name_ko": "14~19세", "name_en": "14-19"},
    ]
    write_package(
        tmp_path / "tiny",
        groups=groups,
        observations=[
            obs("crackdown", "total", 100),
            _suppressed("crackdown", "age_10_19"),
            obs("crackdown", "age_20_29", 40),
            _suppressed("crackdown", "age_10_13"),
            obs("crackdown", "age_14_19", 50),
            obs("before", "total", 50),
        ],
    )
    problems, _ = check_datasets(tmp_path, config)
    assert [(p.code, p.row) for p in problems] == [("recoverable-suppression", 3), ("recoverable-suppression", 5)]


def test_an_incomplete_breakdown_does_not_reveal_anything(tmp_path, config):
    groups = GROUPS + [{"id": "age_30_39", "parent": "total", "name_ko": "30대", "name_en": "30s"}]
    write_package(
        tmp_path / "tiny",
        groups=groups,
        observations=[
            obs("crackdown", "total", 100),
            _suppressed("crackdown", "age_10_19"),
            obs("crackdown", "age_20_29", 40),
            obs("before", "total", 50),
        ],
    )
    assert check_datasets(tmp_path, config)[0] == []


def test_shipped_package_uses_its_exemption(config):
    problems, datasets = check_datasets(ROOT / "datasets", config)
    assert problems == []
    exempt = {d.name: d.observations.query("disclosure_exemption != ''") for d in datasets}
    assert list(exempt["special-crackdown-2024"]["value"]) == [4]
    for name, rows in exempt.items():  # every exempted count is small and was published verbatim by its own source
        assert (rows["value"] < config.disclosure_threshold).all(), name
        assert (rows["disclosure_exemption"] == rows["source_id"]).all(), name


def test_suppressed_cells_show_as_suppressed_never_as_zero(tmp_path, config):
    from sitegen.derive.figures import compute_figures
    from sitegen.publish.metadata import describe_release
    from sitegen.render.charts import build_charts
    from sitegen.render.pages import Publication, render_pages
    from sitegen.util import i18n

    groups = GROUPS + [{"id": "age_30_39", "parent": "total", "name_ko": "30대", "name_en": "30s"}]
    folder = write_package(
        tmp_path / "p" / "tiny",
        groups=groups,
        observations=[
            obs("crackdown", "total", 100),
            _suppressed("crackdown", "age_10_19"),
            obs("crackdown", "age_20_29", 90),
            _suppressed("crackdown", "age_30_39"),
            obs("before", "total", 50),
        ],
        views=[{**VIEWS[0], "spec": {**VIEWS[0]["spec"], "groups": ["age_10_19", "age_20_29", "age_30_39"]}}],
    )
    problems, (dataset,) = check_datasets(tmp_path / "p", config)
    assert problems == []
    strings = i18n.load_strings(config.site_src / "i18n")
    figures = compute_figures(dataset)
    chart = build_charts(dataset, figures, strings)[0]
    assert chart.rows["en"] == [["Teens", "suppressed"], ["20s", "90"], ["30s", "suppressed"]]
    assert chart.rows["ko"][0] == ["10대", "비공개"]
    assert chart.csv == (
        "group,arrested.crackdown,arrested.crackdown.status\nage_10_19,,c\nage_20_29,90,\nage_30_39,,c\n"
    )
    figure = json.loads(chart.figure["en"])
    assert figure["data"][0]["x"] == [None, 90.0, None]
    assert [a["text"] for a in figure["layout"]["annotations"]] == ["suppressed", "suppressed"]
    docs = {lang: tmp_path / "docs" / lang for lang in i18n.LANGUAGES}
    render_pages(
        [Publication(dataset, figures, [chart], describe_release(dataset, config, strings))],
        strings,
        config.site_src,
        docs,
    )
    page = (docs["en"] / "data" / "tiny.md").read_text(encoding="utf-8")
    suppressed = r'<td class="num figures__value"><a class="fig" href="[^"]+"><span class="suppressed">suppressed</span></a></td>'
    assert len(re.findall(suppressed, page)) == 2  # linked to the figure's page, which says why
    assert not re.search(r'<td class="num[^"]*"[^>]*>(<a [^>]*>)?0(</a>)?</td>', page)
    assert not re.search(r'<td[^>]*data-sort="0(\.0)?"', page)  # nor a 0 to sort by
    assert folder.is_dir()


@pytest.mark.parametrize("char", ["\x00", "\x08", "\x0b", "\x1b", "\x7f"])
def test_a_control_character_is_a_problem_not_a_crash(tmp_path, config, char):
    from helpers import SOURCES

    from sitegen.build import build_site

    write_package(tmp_path / "p" / "tiny", sources=[dict(SOURCES[0], quote=f"before{char}after")])
    problems = build_site(tmp_path / "p", tmp_path / "site", config)
    assert [(p.code, p.row, p.field) for p in problems] == [("control-character", 2, "quote")]
    assert f"U+{ord(char):04X}" in problems[0].message and problems[0].hint
    assert not (tmp_path / "site").exists()
