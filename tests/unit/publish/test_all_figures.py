"""All the figures in one file (sitegen.publish.all_figures): the CSV, JSON and XLSX hold one row per published
figure with the register's columns and values, the CSV validates against its own data dictionary, the version is the
date of the newest changelog entry, and two runs give the same bytes."""

import io
import json

import openpyxl
import pandas as pd
import pytest

from sitegen.build import publication
from sitegen.config import ROOT
from sitegen.derive import register
from sitegen.publish import all_figures
from sitegen.read.catalog import find_packages, load_dataset
from sitegen.read.changes import changelog_entries
from sitegen.util import i18n


@pytest.fixture(scope="module")
def publications(config):
    strings = i18n.load_strings(config.site_src / "i18n")
    return [publication(load_dataset(folder), config, strings) for folder in find_packages(ROOT / "datasets")]


@pytest.fixture(scope="module")
def files(publications):
    return all_figures.downloads(publications)


def published(publications) -> int:
    return sum(int((p.dataset.observations["role"] == "published").sum()) for p in publications)


def test_the_csv_json_and_xlsx_hold_every_figure_with_the_same_values(publications, files):
    rows = {row["id"]: row for row in all_figures.rows(publications)}
    assert len(rows) == published(publications)
    table = pd.read_csv(
        io.BytesIO(files.file("all-figures.csv").data),
        dtype={"value": float},
        keep_default_na=False,
        na_values={"value": [""]},
    )
    assert list(table.columns) == list(register.NAMES)
    assert list(table["id"]) == list(rows)
    for _, line in table.iterrows():
        expected = rows[line["id"]]["value"]
        assert (pd.isna(line["value"]) and expected is None) or line["value"] == expected
    records = json.loads(files.file("all-figures.json").data)
    assert [r["id"] for r in records] == list(rows) and all(r == rows[r["id"]] for r in records)
    sheet = openpyxl.load_workbook(io.BytesIO(files.file("all-figures.xlsx").data), read_only=True)["all-figures"]
    cells = list(sheet.iter_rows(values_only=True))
    assert list(cells[0]) == list(register.NAMES) and len(cells) == len(rows) + 1
    value = register.NAMES.index("value")
    assert [c[value] for c in cells[1:]] == [None if r["value"] is None else r["value"] for r in rows.values()]


def test_the_csv_is_valid_against_its_dictionary(files):
    assert files.evidence["valid"], files.evidence["report"]
    assert files.evidence["rows"] == len(files.file("all-figures.csv").data.decode().strip().split("\n")) - 1
    fields = json.loads(files.file("datapackage.json").data)["resources"][0]["schema"]["fields"]
    assert [f["name"] for f in fields] == list(register.NAMES)
    assert all(f["description"] and f["description_ko"] for f in fields)


def test_the_version_counts_the_package_versions_published(publications, files):
    assert files.version == str(sum(len(changelog_entries(p.dataset)) for p in publications))
    assert files.folder() == f"data/all-figures/{files.version}/"


def test_a_recorded_version_is_made_again_byte_for_byte_once_a_newer_one_is_out(publications, files, tmp_path):
    records = tmp_path / "all-figures"
    assert all_figures.record(files, records) == records / files.version
    assert all_figures.record(files, records) is None  # a record is never replaced
    newer = publications[:-1]  # as if a package's changelog had one entry more: another version
    later = all_figures.downloads(newer, records=records)
    assert later.version != files.version
    [(version, earlier)] = later.earlier
    assert version == files.version
    assert [(f.path, f.data) for f in earlier] == [(f.path, f.data) for f in files.files]


def test_two_runs_give_the_same_bytes(publications, files):
    again = all_figures.downloads(publications)
    assert [(f.path, f.data) for f in again.files] == [(f.path, f.data) for f in files.files]


def test_the_stable_addresses_hold_the_newest_version(files, tmp_path):
    all_figures.write(files, tmp_path)
    for extension in all_figures.STABLE:
        assert (tmp_path / "data" / f"all-figures.{extension}").read_bytes() == files.file(
            f"all-figures.{extension}"
        ).data
