"""Published files: really opened, parsed and validated, as a journalist's tools would."""

import datetime as dt
import hashlib
import importlib.metadata
import json
import re
import zipfile

import frictionless
import pandas as pd

from sitegen.config import ROOT
from sitegen.read.standard import RESOURCE_NAMES, SCHEMAS

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
NAMES = sorted(p.parent.name for p in (ROOT / "datasets").glob("*/datapackage.json"))


def version_folders(site):
    for name in NAMES:
        descriptor = json.loads((ROOT / "datasets" / name / "datapackage.json").read_text(encoding="utf-8"))
        yield name, site / "data" / name / descriptor["version"]


def test_every_dataset_has_every_download_under_its_version_and_latest(built_site):
    for name, folder in version_folders(built_site):
        expected = {f"{r}.csv" for r in RESOURCE_NAMES} | {
            "datapackage.json",
            f"{name}.xlsx",
            f"{name}.zip",
            "SHA256SUMS",
            "validation-report.json",
            "README.txt",
        }
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
        for text in (
            descriptor["title"],
            descriptor["title_ko"],
            f"Version: {descriptor['version']}",
            "Creative Commons Attribution 4.0",
            "Sources / 출처",
            "value (number)",
        ):
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
        assert (report["validator_version"], report["rows"], report["errors"], report["valid"]) == (
            version,
            rows,
            0,
            True,
        )
        page = (built_site / "en" / "data" / name / "index.html").read_text(encoding="utf-8")
        newest = dt.date.fromisoformat(
            max(pd.read_csv(folder / "sources.csv", dtype=str, keep_default_na=False)["published"])
        )
        as_of = f"{newest.day} {MONTHS[newest.month - 1]} {newest.year}"  # each package: its newest source's date
        assert f"Validated with frictionless {version} (data as of {as_of}): {rows} rows, 0 errors." in page


def test_dataset_page_links_every_download_and_shows_dictionary_licence_and_citation(built_site):
    for name, folder in version_folders(built_site):
        for lang, page in (
            ("ko", built_site / "data" / name / "index.html"),
            ("en", built_site / "en" / "data" / name / "index.html"),
        ):
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
