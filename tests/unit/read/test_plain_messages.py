"""`check` lists every problem in one run, each in plain words (the maintainer's rehearsal of 2026-12): a number typed
with an unquoted thousands comma is one problem, not five misleading ones; an unknown id comes with the closest id and
the ids there are; an address without https:// is told to start so; a new source needs its date and its address or
quote; and on a package that frictionless rejects, our own checks still run on the rows it read."""

import csv
import re
import shutil

import pytest
from helpers import correction_in_progress, new_period

from sitegen.commands.cli import main
from sitegen.config import ROOT
from sitegen.read import validation
from sitegen.read.checks.frictionless_errors import BROKEN, NOT_AN_ADDRESS, NOT_HTTPS, OTHER_CONSTRAINT, mend
from sitegen.read.validation import check_datasets

PACKAGE = "special-crackdown-2024"
NEW_SOURCE = "example-daily-2026-11-21"


@pytest.fixture
def one(tmp_path):
    """A datasets folder holding only the 2024 special crackdown, with a correction in progress: the maintainer's way
    to change published figures, so the only problems left are those these tests are about."""
    folder = tmp_path / PACKAGE
    shutil.copytree(ROOT / "datasets" / PACKAGE, folder)
    correction_in_progress(folder)
    return tmp_path


def _path(datasets, resource: str) -> str:
    return str(datasets / PACKAGE / "data" / f"{resource}.csv")


def _type(datasets, resource: str, row: int, old: str, new: str) -> None:
    """Type `new` over `old` in one line of data/<resource>.csv, as in a text editor (row 1 is the header; a line
    is matched as if it started with a comma, so ",id," finds the first cell too)."""
    path = datasets / PACKAGE / "data" / f"{resource}.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    line = "," + lines[row - 1]
    assert line.count(old) == 1, line
    lines[row - 1] = line.replace(old, new)[1:]
    path.write_text("\n".join(lines), encoding="utf-8")


def _add_source(datasets, **cells) -> int:
    """Append a source no published release cites; returns its row."""
    path = datasets / PACKAGE / "data" / "sources.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows.append(dict.fromkeys(rows[0], "") | dict(id=NEW_SOURCE, publisher="Example Daily", language="ko") | cells)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows) + 1


def _problems(datasets, config):
    problems, passed = check_datasets(datasets, config)
    assert problems == [] or PACKAGE not in {d.name for d in passed}, "a package with problems reached the build"
    return problems


def _refused(datasets) -> bool:
    return main(["check", "--datasets", str(datasets)]) == 1


@pytest.mark.parametrize(
    "row, typed, number, digits",
    [(2, ",963,", "1,104", "1104"), (11, ",10535,", "10,535", "10535")],
)
def test_a_number_split_by_an_unquoted_thousands_comma_is_one_problem(one, config, row, typed, number, digits):
    """The rehearsal's `...,arrested,total,1,104,exact,...`: once five problems, one of them asking for a source named
    "published"."""
    _type(one, "observations", row, typed, f",{number},")
    [problem] = _problems(one, config)
    assert (problem.file, problem.row, problem.field, problem.code, problem.message) == (
        _path(one, "observations"),
        row,
        "value",
        "split-by-comma",
        f"a comma inside {number} split the row: its cells from value on are one column off",
    )
    assert problem.hint == f"write {digits}: a number is written without a thousands separator"
    assert _refused(one)


def test_a_split_number_is_joined_over_every_thousands_group_and_in_a_numeric_column_first():
    labels = ["id", "note", "value", "qualifier"]
    assert mend(["a", "1", "104", "000", "exact"], labels[:1] + labels[2:], {"value"}) == (
        1,
        "1,104,000",
        ["a", "1104000", "exact"],
    )
    # "12" and "345" in a text column could also be joined; the number column is the one meant
    assert mend(["a", "12", "1", "104", "exact"], labels, {"value"}) == (2, "1,104", ["a", "12", "1104", "exact"])
    assert mend(["a", "in 2024", "100 cases", "5", "exact"], labels, {"value"}) is None  # a comma in a text
    assert mend(["a", "b", "5", "exact"], labels, {"value"}) is None  # not too long


@pytest.mark.parametrize(
    "row, field, good, typo, guess, ids",
    [
        (6, "group", "age_20_29", "age_20_to_29", '"age_20_29"', "groups"),
        (3, "measure", "arrested", "aprehended", '"arrested" (Persons apprehended)', "measures"),
        (13, "period_id", "window-2024-01-01", "window-2024-01-10", '"window-2024-01-01"', "periods"),
    ],
)
def test_an_unknown_id_names_the_closest_one_and_the_ids_there_are_before_a_new_row(
    one, config, row, field, good, typo, guess, ids
):
    _type(one, "observations", row, f",{good},", f",{typo},")
    [problem] = _problems(one, config)
    assert (problem.file, problem.row, problem.field, problem.code) == (
        _path(one, "observations"),
        row,
        field,
        "foreign-key",
    )
    assert problem.message == f'"{typo}" is not an id in the {ids} resource: did you mean {guess}?'
    with (one / PACKAGE / "data" / f"{ids}.csv").open(encoding="utf-8") as table:
        listed = ", ".join(r["id"] for r in csv.DictReader(table))
    assert problem.hint.startswith(f"use one of the ids in data/{ids}.csv ({listed}), or")
    assert problem.hint.index(listed) < problem.hint.index("add a row")
    assert _refused(one)


@pytest.mark.parametrize("typed", ["www.police.go.kr/news/1", "http://www.police.go.kr/news/1"])
def test_an_address_without_https_is_told_to_start_with_it_not_shown_a_regular_expression(one, config, typed):
    _type(one, "sources", 2, "https://cm.asiae.co.kr/en/article/2025041619373439573", typed)
    [problem] = _problems(one, config)
    assert (problem.file, problem.row, problem.field, problem.code, problem.message) == (
        _path(one, "sources"),
        2,
        "url",
        "constraint-error",
        f'"{typed}" is not a web address: start it with https://, e.g. "https://www.police.go.kr/news/1"',
    )
    assert "[^" not in str(problem) and "pattern" not in problem.message
    assert problem.hint == 'write "https://www.police.go.kr/news/1"'
    assert _refused(one)


def test_an_address_typed_wrong_hides_no_impossible_number(one, config):
    """A source's address says nothing about the figures: the checks that compare them still run."""
    _type(one, "sources", 2, "https://cm.asiae.co.kr/en/article/2025041619373439573", "www.police.go.kr/news/1")
    _type(one, "observations", 10, ",59,", ",7100,")  # 7,100 detained of 963 apprehended
    found = [(p.file, p.row, p.field, p.code) for p in _problems(one, config)]
    assert found == [
        (_path(one, "observations"), 10, "value", "measure-above-at-most"),
        (_path(one, "sources"), 2, "url", "constraint-error"),
    ]


@pytest.mark.parametrize(
    "cells, field, missing",
    [
        (dict(url="https://example.org/news/1"), "published", "publication date"),
        (dict(published="2026-11-21"), "url", "url or quote"),
    ],
)
def test_a_new_source_without_its_date_or_without_both_address_and_quote_does_not_pass(
    one, config, cells, field, missing
):
    row = _add_source(one, **cells)
    [problem] = _problems(one, config)
    assert (problem.file, problem.row, problem.field, problem.code, problem.message) == (
        _path(one, "sources"),
        row,
        field,
        "source-incomplete",
        f'source "{NEW_SOURCE}" is new since the last release but has no {missing}',
    )
    assert problem.hint.startswith("fill in the date it was published (published, YYYY-MM-DD")
    assert _refused(one)


@pytest.mark.parametrize("given", [dict(url="https://example.org/news/1"), dict(quote="경찰은 1104명을 검거했다.")])
def test_a_new_source_with_its_date_and_its_address_or_quote_passes(one, config, given):
    _add_source(one, published="2026-11-21", **given)
    assert _problems(one, config) == []


def test_a_source_a_published_release_cites_stays_as_recorded(one, config):
    """The standard lets a source go without its address, date or quote "where recorded": several shipped sources were
    found only in a repost. A source the last release cites is not judged by the new-source rule."""
    _type(one, "sources", 4, "https://vop.co.kr/A00001669823.html", "")  # vop-2025-04-17 has no quote either
    _type(one, "sources", 4, ",2025-04-17,", ",,")
    assert _problems(one, config) == []


def _three_kinds_of_problem(datasets) -> int:
    """A value with a unit (frictionless: type-error), the correction's date left out (changelog-incomplete) and a new
    source without a date (source-incomplete); returns the source's row."""
    _type(datasets, "observations", 10, ",59,", ",59명,")
    changelog = datasets / PACKAGE / "changelog.yml"
    changelog.write_text(changelog.read_text(encoding="utf-8").replace("date: 2026-12-08", "date:"), encoding="utf-8")
    return _add_source(datasets, url="https://example.org/news/1")


def test_a_package_frictionless_rejects_gets_every_problem_in_one_run(one, config):
    row = _three_kinds_of_problem(one)
    found = [(p.file, p.row, p.field, p.code) for p in _problems(one, config)]
    assert found == [
        (str(one / PACKAGE / "changelog.yml"), 4, "date", "changelog-incomplete"),
        (_path(one, "observations"), 10, "value", "type-error"),
        (_path(one, "sources"), row, "published", "source-incomplete"),
    ]
    assert _refused(one)


def test_every_problem_in_one_run_also_when_validated_one_table_per_worker(one, config, monkeypatch):
    _three_kinds_of_problem(one)
    monkeypatch.setenv("SITEGEN_JOBS", "1")
    whole = validation._check_one(one / PACKAGE, config)
    monkeypatch.setenv("SITEGEN_JOBS", "2")
    monkeypatch.setattr(validation, "SPLIT_BYTES", 0)  # split even a small package
    split = validation._check_one(one / PACKAGE, config)
    assert len(whole[0]) == 3 and sorted(split[0]) == sorted(whole[0]) and split[1] is whole[1] is None


def test_a_rejected_row_brings_no_cascade_from_our_checks(one, config):
    """The age group typed wrong leaves its figure out of our checks: no "parts do not add up", and no "figure removed
    since the last release" for the figure under its right name."""
    _type(one, "observations", 7, ",age_30_39,", ",age_30_93,")
    assert [(p.row, p.field, p.code) for p in _problems(one, config)] == [(7, "group", "foreign-key")]


def test_a_new_period_not_yet_filled_in_lists_everything_to_fill_in_at_once(shipped, config):
    """The rehearsal's step 18: two problems (the source's publisher and language), then twelve more once they were
    fixed. Now one run lists them all."""
    assert new_period(shipped) == 0
    problems = _problems(shipped, config)
    sources = [(p.field, p.code) for p in problems if p.file.endswith("sources.csv")]
    assert sorted(sources) == [
        ("language", "constraint-error"),
        ("published", "source-incomplete"),
        ("publisher", "constraint-error"),
        ("url", "source-incomplete"),
    ]
    assert {p.code for p in problems} == {
        "constraint-error",
        "source-incomplete",
        "changelog-incomplete",
        "missing-value",
    }
    assert _refused(shipped)


def test_every_constraint_has_its_own_fix_in_both_languages():
    texts = [*BROKEN.values(), OTHER_CONSTRAINT, NOT_HTTPS, NOT_AN_ADDRESS]
    assert all(re.search("[가-힣]", fix_ko) and not re.search("[가-힣]", note + fix) for note, fix, fix_ko in texts)
    assert all(fix[:1].islower() for _, fix, _ in texts)  # a hint follows " - " in lower case
    assert len({fix for _, fix, _ in texts}) == len(texts)  # no fix is another's
