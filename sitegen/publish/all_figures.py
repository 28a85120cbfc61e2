"""Every published figure of every package in one file: data/all-figures.csv, .json and .xlsx.

One row per figure (sitegen.derive.register: the rows the finder lists and the API serves), with its source
columns. The file is versioned like a package: its version counts the package versions published so far
(register.version), its files sit under data/all-figures/<version>/ and data/all-figures/latest/ with a
datapackage.json (its data dictionary, which frictionless checks the CSV against) and SHA256SUMS, and the stable
addresses data/all-figures.csv, .json and .xlsx always hold the newest. `build_site.py release` records each version
as published (datasets/all-figures/<version>/: its rows and descriptor, from which every file is made again), so an
earlier version's folder keeps answering, byte for byte, after a newer one.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

from ..derive import register
from ..read.standard import LICENSE
from .downloads import Downloads, File, validate, workbook

NAME = "all-figures"
TITLE = {"ko": "모든 수치", "en": "All figures"}
DESCRIPTION = {
    "ko": "모든 데이터 패키지가 발표한 수치를 한 줄에 하나씩, 출처와 함께 모은 표입니다.",
    "en": "Every figure the data packages publish, one row each, with its source.",
}
STABLE = ("csv", "json", "xlsx")  # the formats at data/all-figures.<extension>


def rows(publications, site_url: str = "") -> list[dict]:
    """The rows of every package, packages by name."""
    ordered = sorted(publications, key=lambda p: p.dataset.name)
    return [register.addressed(row, site_url) for p in ordered for row in p.rows]


def descriptor(number: str, date: str) -> dict:
    """The Frictionless descriptor: the file's schema with each column's meaning in both languages."""
    return {
        "name": NAME,
        "title": TITLE["en"],
        "title_ko": TITLE["ko"],
        "description": DESCRIPTION["en"],
        "description_ko": DESCRIPTION["ko"],
        "version": number,
        "created": f"{date}T00:00:00Z",
        "licenses": [dict(LICENSE)],
        "resources": [
            {
                "name": NAME,
                "path": f"{NAME}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {"name": name, "type": kind, "description": en, "description_ko": ko}
                        for name, kind, en, ko in register.COLUMNS
                    ],
                    "primaryKey": ["id"],
                },
            }
        ],
    }


def downloads(publications, site_url: str = "", records: Path | None = None) -> Downloads:
    """The files of the current version, as a package's downloads are (sitegen.publish.downloads), with those of
    each earlier version recorded under `records` (datasets/all-figures/)."""
    number = register.version(publications)
    date = max(max(p.dataset.sources["published"]) for p in publications)
    current = made(rows(publications, site_url), descriptor(number, date))
    folders = sorted(records.glob("*/"), key=lambda f: (len(f.name), f.name)) if records and records.is_dir() else []
    earlier = tuple(
        (folder.name, tuple(made(*_recorded(folder)).files))
        for folder in folders
        if folder.name != number and (folder / "datapackage.json").is_file()
    )
    return dataclasses.replace(current, earlier=earlier)


def made(figures: list[dict], meta: dict) -> Downloads:
    """Every file of one version, from its rows and its descriptor (the same bytes whenever they are made)."""
    number, date = meta["version"], meta["created"][:10]
    table = [list(register.NAMES)] + [[_cell(row[name]) for name in register.NAMES] for row in figures]
    package = {"datapackage.json": _json(meta), f"{NAME}.csv": _csv(table), f"{NAME}.json": _json(figures)}
    evidence = validate({k: v for k, v in package.items() if k != f"{NAME}.json"}, date)
    dictionary = [
        {"name": f["name"], "type": f["type"], "description": f["description"], "description_ko": f["description_ko"]}
        for f in meta["resources"][0]["schema"]["fields"]
    ]
    readme = "\n".join([f"{TITLE['en']} / {TITLE['ko']} {number}", "", DESCRIPTION["en"], DESCRIPTION["ko"], ""])
    stamp = dt.datetime.fromisoformat(date)
    files = [File(path, data) for path, data in sorted(package.items())]
    files.append(File(f"{NAME}.xlsx", workbook(TITLE["en"], meta, {NAME: table}, dictionary, readme, stamp)))
    files.append(
        File("SHA256SUMS", "".join(f"{f.sha256}  {f.path}\n" for f in sorted(files, key=lambda f: f.path)).encode())
    )
    return Downloads(NAME, number, date, dict(LICENSE), files, evidence, dictionary)


def record(files: Downloads, records: Path) -> Path | None:
    """Keep this version as published, records/<version>/ (its rows and descriptor), unless it is kept already."""
    target = records / files.version
    if (target / "datapackage.json").exists():
        return None
    target.mkdir(parents=True, exist_ok=True)
    for name in (f"{NAME}.json", "datapackage.json"):
        (target / name).write_bytes(files.file(name).data)
    return target


def _recorded(folder: Path) -> tuple[list[dict], dict]:
    return (
        json.loads((folder / f"{NAME}.json").read_text(encoding="utf-8")),
        json.loads((folder / "datapackage.json").read_text(encoding="utf-8")),
    )


def write(files: Downloads, site_root: Path) -> None:
    """data/all-figures.<csv|json|xlsx>: the newest version at a stable address (the version folders are written
    with the packages' by downloads.write_downloads)."""
    for extension in STABLE:
        path = site_root / "data" / f"{NAME}.{extension}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files.file(f"{NAME}.{extension}").data)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _csv(table: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table)
    return out.getvalue().encode("utf-8")


def _json(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
