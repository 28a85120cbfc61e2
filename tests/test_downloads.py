"""Published files: really opened, parsed and validated, as a journalist's tools would."""

import datetime as dt
import hashlib
import importlib.metadata
import io
import json
import re
import time
import zipfile

import frictionless
import openpyxl
import pandas as pd
import pytest
from conftest import ROOT
from helpers import SOURCES, obs, write_package

from sitegen.read.catalog import load_dataset
from sitegen.publish.downloads import package_downloads, write_downloads
from sitegen.read.standard import RESOURCE_NAMES, SCHEMAS
from sitegen.read.validation import check_datasets

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
NAMES = sorted(p.parent.name for p in (ROOT / "datasets").glob("*/datapackage.json"))


def version_folders(site):
    for name in NAMES:
        descriptor = json.loads((ROOT / "datasets" / name / "datapackage.json").read_text(encoding="utf-8"))
        yield name, site / "data" / name / descriptor["version"]


def test_every_dataset_has_every_download_under_its_version_and_latest(built_site):
    for name, folder in version_folders(built_site):
        expected = {f"{r}.csv" for r in RESOURCE_NAMES} | {"datapackage.json", f"{name}.xlsx", f"{name}.zip",
                                                           "SHA256SUMS", "validation-report.json", "README.txt"}
        assert {p.name for p in folder.iterdir()} == expected
        latest = folder.parent / "latest"
        assert {p.name: p.read_bytes() for p in latest.iterdir()} == {p.name: p.read_bytes() for p in folder.iterdir()}


def test_the_unzipped_download_validates_with_frictionless(built_site, tmp_path):
    for name, folder in version_folders(built_site):
        with zipfile.ZipFile(folder / f"{name}.zip") as archive:
            assert archive.namelist() == sorted(archive.namelist())
            newest = max(pd.read_csv(folder / "sources.csv", dtype=str, keep_default_na=False)["published"])
            assert {info.date_time for info in archive.infolist()} == {tuple(map(int, newest.split("-"))) + (0, 0, 0)}
            assert {info.external_attr >> 16 for info in archive.infolist()} == {0o100644}
            assert {"README.txt", "LICENSE.txt", "datapackage.json"} <= set(archive.namelist())
            archive.extractall(tmp_path / name)
        report = frictionless.Package(str(tmp_path / name / "datapackage.json")).validate()
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type"])
        licence = (tmp_path / name / "LICENSE.txt").read_text(encoding="utf-8")
        assert "Creative Commons Attribution 4.0" in licence and "keep their own terms" in licence
        # the descriptor served beside the tables validates too (frictionless validate <url>/datapackage.json)
        assert frictionless.Package(str(folder / "datapackage.json")).validate().valid


def test_csv_are_utf8_lf_without_bom(built_site):
    for _, folder in version_folders(built_site):
        for resource in RESOURCE_NAMES:
            data = (folder / f"{resource}.csv").read_bytes()
            assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data and data.endswith(b"\n")
            data.decode("utf-8")


def test_xlsx_equals_the_csv_cell_for_cell_with_korean_intact(built_site):
    for name, folder in version_folders(built_site):
        workbook = folder / f"{name}.xlsx"
        sheets = pd.ExcelFile(workbook).sheet_names
        assert sheets == ["README"] + RESOURCE_NAMES
        for resource in RESOURCE_NAMES:
            csv_table = pd.read_csv(folder / f"{resource}.csv", dtype=str, keep_default_na=False)
            xlsx_table = pd.read_excel(workbook, sheet_name=resource, dtype=str).fillna("")
            assert list(xlsx_table.columns) == list(csv_table.columns)
            for field in SCHEMAS[resource]["fields"]:  # numbers are numbers in XLSX: 8.80 in CSV is 8.8 there
                if field["type"] in ("number", "integer"):
                    for table in (csv_table, xlsx_table):
                        table[field["name"]] = pd.to_numeric(table[field["name"]].replace("", None)).astype(object)
            assert xlsx_table.values.tolist() == csv_table.values.tolist(), resource
        groups = pd.read_excel(workbook, sheet_name="groups", dtype=str)
        csv_groups = pd.read_csv(folder / "groups.csv", dtype=str, keep_default_na=False)
        assert list(groups["name_ko"]) == list(csv_groups["name_ko"])
        assert any("\uac00" <= ch <= "\ud7a3" for ch in "".join(groups["name_ko"]))  # Hangul survived
        readme = "\n".join(str(v) for v in pd.read_excel(workbook, sheet_name="README", header=None)[0])
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        for text in (descriptor["title"], descriptor["title_ko"], f"Version: {descriptor['version']}",
                     "Creative Commons Attribution 4.0", "Sources / 출처", "value (number)"):
            assert text in readme


def test_sha256sums_list_every_file_with_its_hash(built_site):
    for _, folder in version_folders(built_site):
        lines = (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
        listed = dict(reversed(line.split("  ", 1)) for line in lines)
        assert set(listed) == {p.name for p in folder.iterdir()} - {"SHA256SUMS"}
        for file, digest in listed.items():
            assert hashlib.sha256((folder / file).read_bytes()).hexdigest() == digest, file


def test_validation_evidence_names_version_date_rows_and_errors(built_site):
    version = importlib.metadata.version("frictionless")
    for name, folder in version_folders(built_site):
        report = json.loads((folder / "validation-report.json").read_text(encoding="utf-8"))
        rows = sum(len(pd.read_csv(folder / f"{r}.csv", dtype=str)) for r in RESOURCE_NAMES)
        assert (report["validator_version"], report["rows"], report["errors"], report["valid"]) == (version, rows, 0, True)
        page = (built_site / "en" / "data" / name / "index.html").read_text(encoding="utf-8")
        newest = dt.date.fromisoformat(max(pd.read_csv(folder / "sources.csv", dtype=str, keep_default_na=False)["published"]))
        as_of = f"{newest.day} {MONTHS[newest.month - 1]} {newest.year}"  # each package: its newest source's date
        assert f"Validated with frictionless {version} (data as of {as_of}): {rows} rows, 0 errors." in page


def test_dataset_page_links_every_download_and_shows_dictionary_licence_and_citation(built_site):
    for name, folder in version_folders(built_site):
        for lang, page in (("ko", built_site / "data" / name / "index.html"),
                           ("en", built_site / "en" / "data" / name / "index.html")):
            html = page.read_text(encoding="utf-8")
            links = [(page.parent / href).resolve() for href in re.findall(r'href="([^"]+)" download', html)]
            assert {p for p in links if p.parent == folder.resolve()} == {p.resolve() for p in folder.iterdir()}
            descriptor = json.loads((ROOT / "datasets" / name / "datapackage.json").read_text(encoding="utf-8"))
            for resource in descriptor["resources"]:
                for field in resource["schema"]["fields"]:
                    assert f"<code>{field['name']}</code></th>" in html
                    assert field["description_ko"].replace("'", "&#39;") in html
            assert 'rel="license noopener noreferrer">CC-BY-4.0</a>' in html
            assert "@misc{" in html and f"/data/{name}/" in html
            assert ('id="cite">이 데이터 인용하기' if lang == "ko" else 'id="cite">Cite this dataset') in html


def test_data_page_lists_every_dataset_in_both_languages(built_site):
    for page in (built_site / "downloads" / "index.html", built_site / "en" / "downloads" / "index.html"):
        html = page.read_text(encoding="utf-8")
        for name in NAMES:
            assert f'id="{name}"' in html
        for href in re.findall(r'href="([^"#]+)"', html):
            if not href.startswith(("http", "mailto", "tel:")):
                target = (page.parent / href).resolve()
                assert target.is_file() or (target / "index.html").is_file(), href
        assert "data/catalog.jsonld" in html and "XLSX" in html


def suppressed_package(tmp_path, config):
    # both parts are suppressed: one alone could be recovered as total minus the other (the check refuses that)
    observations = [obs("crackdown", "total", 100), obs("crackdown", "age_10_19", "", status="c"),
                    obs("crackdown", "age_20_29", "", status="c"), obs("before", "total", 50)]
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
    """The check refuses such text (formula-injection, tests/test_safety.py); the writer is the second line of defence."""
    folder = write_package(tmp_path / "tiny", sources=[dict(SOURCES[0], title='=HYPERLINK("https://example.org","보도")')])
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


@pytest.mark.parametrize("field, value, code", [("version", "../../etc", "bad-version"), ("version", "latest", "bad-version"),
                                                 ("name", "..", "unsafe-name")])
def test_names_and_versions_that_cannot_be_addresses_are_problems(tmp_path, config, field, value, code):
    folder = write_package(tmp_path / "tiny")
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor[field] = value
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    problems, datasets = check_datasets(tmp_path, config)
    assert datasets == [] and code in [p.code for p in problems]
    assert all(p.field == field for p in problems if p.code == code)


def test_sources_without_an_exact_date_are_listed_as_precisely_as_known(tmp_path):
    sources = [SOURCES[0], dict(SOURCES[0], id="src-month", published="2024-09-01", published_precision="month"),
               dict(SOURCES[0], id="src-about", published="2024-09-30", published_precision="about"),
               dict(SOURCES[0], id="src-undated", published="", url="")]
    files = package_downloads(load_dataset(write_package(tmp_path / "tiny", sources=sources)))
    readme = files.file("README.txt").data.decode("utf-8").splitlines()
    assert "- src-month: reported by Agency, Release, 2024-09, https://example.org/a" in readme
    assert "- src-about: reported by Agency, Release, about 2024-09-30, https://example.org/a" in readme
    assert "- src-undated: reported by Agency, Release" in readme
    assert files.date == "2025-04-17"  # the newest dated source


def test_the_readme_says_who_released_and_who_reported(tmp_path):
    sources = [dict(SOURCES[0], released_by_en="KNPA", released_by_ko="경찰청")]
    files = package_downloads(load_dataset(write_package(tmp_path / "tiny", sources=sources)))
    assert "- src-a: released by KNPA, reported by Agency, Release, 2025-04-17, https://example.org/a" in \
        files.file("README.txt").data.decode("utf-8").splitlines()


def test_an_earlier_version_keeps_its_observations_at_its_address(tmp_path):
    folder = write_package(tmp_path / "tiny")
    (folder / "releases").mkdir()
    (folder / "releases" / "0.9.0.csv").write_bytes((folder / "data" / "observations.csv").read_bytes())
    files = package_downloads(load_dataset(folder))
    assert [version for version, _ in files.earlier] == ["0.9.0"]
    write_downloads([files], tmp_path / "site")
    assert (tmp_path / "site" / "data" / "tiny" / "0.9.0" / "observations.csv").read_bytes() == files.earlier[0][1]
    assert (tmp_path / "site" / "data" / "tiny" / files.version / "observations.csv").is_file()
