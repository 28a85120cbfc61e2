"""Published files: really opened, parsed and validated, as a journalist's tools would."""

import io
import json
import time
import zipfile

import openpyxl
import pytest
from helpers import SOURCES, obs, write_package

from sitegen.config import ROOT
from sitegen.publish.downloads import package_downloads, record_version, write_downloads
from sitegen.read.catalog import load_dataset
from sitegen.read.validation import check_datasets

NAMES = sorted(p.parent.name for p in (ROOT / "datasets").glob("*/datapackage.json"))


def suppressed_package(tmp_path, config):
    # both parts are suppressed: one alone could be recovered as total minus the other (the check refuses that)
    observations = [
        obs("crackdown", "total", 100),
        obs("crackdown", "age_10_19", "", status="c"),
        obs("crackdown", "age_20_29", "", status="c"),
        obs("before", "total", 50),
    ]
    write_package(tmp_path / "tiny", observations=observations)
    problems, datasets = check_datasets(tmp_path, config)
    assert problems == []
    return datasets[0]


def test_a_suppressed_cell_is_empty_with_its_status_in_every_format(tmp_path, config):
    files = package_downloads(suppressed_package(tmp_path, config))
    csv_rows = files.file("observations.csv").data.decode("utf-8").splitlines()
    assert "crackdown,arrested,age_10_19,,exact,c,published,src-a,,,," in csv_rows
    sheet = openpyxl.load_workbook(io.BytesIO(files.file("tiny.xlsx").data))["observations"]
    row = [cell.value for cell in sheet[3]]
    assert row[:6] == ["crackdown", "arrested", "age_10_19", None, "exact", "c"]
    with zipfile.ZipFile(io.BytesIO(files.file("tiny.zip").data)) as archive:
        assert archive.read("observations.csv") == files.file("observations.csv").data


def test_text_that_looks_like_a_formula_stays_text_in_the_xlsx(tmp_path):
    """The check refuses such text (formula-injection, tests/unit/read/test_safety.py); the writer is the second line of defence."""
    folder = write_package(
        tmp_path / "tiny", sources=[dict(SOURCES[0], title='=HYPERLINK("https://example.org","보도")')]
    )
    files = package_downloads(load_dataset(folder))
    book = openpyxl.load_workbook(io.BytesIO(files.file("tiny.xlsx").data))
    cell = book["sources"]["C2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("https://example.org","보도")', "s")


def test_files_do_not_depend_on_the_clock(tmp_path, monkeypatch):
    dataset = load_dataset(ROOT / "datasets" / NAMES[0])
    first = {f.path: f.data for f in package_downloads(dataset).files}
    later = time.time() + 400 * 24 * 3600
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "localtime", lambda secs=None: time.gmtime(later))
    second = {f.path: f.data for f in package_downloads(dataset).files}
    assert first == second


@pytest.mark.parametrize(
    "field, value, code",
    [("version", "../../etc", "bad-version"), ("version", "latest", "bad-version"), ("name", "..", "unsafe-name")],
)
def test_names_and_versions_that_cannot_be_addresses_are_problems(tmp_path, config, field, value, code):
    folder = write_package(tmp_path / "tiny")
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor[field] = value
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    problems, datasets = check_datasets(tmp_path, config)
    assert datasets == [] and code in [p.code for p in problems]
    assert all(p.field == field for p in problems if p.code == code)


def test_sources_without_an_exact_date_are_listed_as_precisely_as_known(tmp_path):
    sources = [
        SOURCES[0],
        dict(SOURCES[0], id="src-month", published="2024-09-01", published_precision="month"),
        dict(SOURCES[0], id="src-about", published="2024-09-30", published_precision="about"),
        dict(SOURCES[0], id="src-undated", published="", url=""),
    ]
    files = package_downloads(load_dataset(write_package(tmp_path / "tiny", sources=sources)))
    readme = files.file("README.txt").data.decode("utf-8").splitlines()
    assert "- src-month: reported by Agency, Release, 2024-09, https://example.org/a" in readme
    assert "- src-about: reported by Agency, Release, about 2024-09-30, https://example.org/a" in readme
    assert "- src-undated: reported by Agency, Release" in readme
    assert files.date == "2025-04-17"  # the newest dated source


def test_the_readme_says_who_released_and_who_reported(tmp_path):
    sources = [dict(SOURCES[0], released_by_en="KNPA", released_by_ko="경찰청")]
    files = package_downloads(load_dataset(write_package(tmp_path / "tiny", sources=sources)))
    assert (
        "- src-a: released by KNPA, reported by Agency, Release, 2025-04-17, https://example.org/a"
        in files.file("README.txt").data.decode("utf-8").splitlines()
    )


def test_an_earlier_version_keeps_its_observations_at_its_address(tmp_path):
    folder = write_package(tmp_path / "tiny")
    (folder / "releases").mkdir()
    (folder / "releases" / "0.9.0.csv").write_bytes((folder / "data" / "observations.csv").read_bytes())
    files = package_downloads(load_dataset(folder))
    assert [version for version, _ in files.earlier] == ["0.9.0"]
    write_downloads([files], tmp_path / "site")
    assert [f.path for f in files.earlier[0][1]] == ["observations.csv"]  # all that a bare record holds
    assert (tmp_path / "site" / "data" / "tiny" / "0.9.0" / "observations.csv").read_bytes() == (
        files.earlier[0][1][0].data
    )
    assert (tmp_path / "site" / "data" / "tiny" / files.version / "observations.csv").is_file()


def test_a_version_recorded_whole_keeps_every_file_it_published_byte_for_byte(tmp_path):
    folder = write_package(tmp_path / "tiny")
    published = package_downloads(load_dataset(folder))
    (folder / "releases").mkdir()
    (folder / "releases" / f"{published.version}.csv").write_bytes((folder / "data" / "observations.csv").read_bytes())
    assert record_version(load_dataset(folder), folder / "releases" / published.version)
    assert not record_version(load_dataset(folder), folder / "releases" / published.version)  # never replaced
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor.update(version="9.0.0", title="Renamed after the release")  # the next version changes everything
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    observations = folder / "data" / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    later = package_downloads(load_dataset(folder))
    assert [version for version, _ in later.earlier] == [published.version]
    assert {f.path: f.data for f in later.earlier[0][1]} == {f.path: f.data for f in published.files}
