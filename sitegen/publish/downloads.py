"""The published files of each data package: CSV, XLSX, datapackage.json, zip, SHA256SUMS, validation report.

Everything is made in memory from the validated package, byte for byte the
same on every build: zip and XLSX entries carry the package's data date as
their timestamp, fixed permissions and a fixed order. The files land under
data/<name>/<version>/ (a stable address) and again under data/<name>/latest/.
The CSV are the package's own tables rewritten as UTF-8, LF line ends and
RFC 4180 quoting; the XLSX is for spreadsheet users (Excel mis-reads UTF-8 CSV
without a byte order mark).
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import hashlib
import importlib.metadata
import io
import json
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import frictionless
import openpyxl
from openpyxl.writer.excel import ExcelWriter

from ..read.catalog import Dataset
from ..read.standard import LICENSE, STATUS_CODES

MEDIA_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "zip": "application/zip",
    "txt": "text/plain",
    "": "text/plain",  # SHA256SUMS
}
ORDER = ["xlsx", "zip", "csv", "datapackage", "report", "readme", "sums"]
SOURCES_NOTE = (
    "The figures were first published in the releases and articles listed under sources; "
    "those texts keep their own terms. The licence covers this compilation: the tables, their "
    "structure and the descriptions."
)


@dataclass(frozen=True)
class File:
    path: str  # inside the version folder, e.g. "observations.csv"
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def extension(self) -> str:
        return self.path.rpartition(".")[2] if "." in self.path else ""

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.extension]

    @property
    def kind(self) -> str:
        """What the file is, for the label on the pages (UI string dl_kind_<kind>)."""
        return {
            "datapackage.json": "datapackage",
            "validation-report.json": "report",
            "README.txt": "readme",
            "SHA256SUMS": "sums",
        }.get(self.path, self.extension)

    @property
    def size_text(self) -> str:
        return f"{self.size:,} B" if self.size < 1024 else f"{self.size / 1024:,.1f} KB"


@dataclass(frozen=True)
class Downloads:
    """The files of one package version, with what the pages say about them."""

    name: str
    version: str
    date: str  # the data date: the newest source of the package (YYYY-MM-DD)
    license: dict
    files: list[File]
    evidence: dict
    dictionary: list[dict]
    earlier: tuple[tuple[str, tuple[File, ...]], ...] = ()  # (version, its files) of each earlier published version

    def folder(self, alias: str | None = None) -> str:
        """From the site root: data/<name>/<version>/ (or .../latest/)."""
        return f"data/{self.name}/{alias or self.version}/"

    def file(self, path: str) -> File:
        return next(f for f in self.files if f.path == path)


def package_downloads(dataset: Dataset) -> Downloads:
    date = max(dataset.sources["published"])
    stamp = dt.datetime.fromisoformat(date)
    descriptor, tables, package = _package(dataset)
    evidence = validate(package, date)
    dictionary = data_dictionary(dataset, descriptor)
    readme = readme_text(dataset, descriptor, dictionary, evidence)
    files = [File(path, data) for path, data in sorted(package.items())]
    files.append(
        File("validation-report.json", (json.dumps(evidence, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    )
    zipped = dict(
        package,
        **{
            "README.txt": readme.encode("utf-8"),
            "LICENSE.txt": license_text(descriptor).encode("utf-8"),
            "validation-report.json": files[-1].data,
        },
    )
    files.append(
        File(
            f"{dataset.name}.xlsx", workbook(dataset.text("title", "en"), descriptor, tables, dictionary, readme, stamp)
        )
    )
    files.append(File(f"{dataset.name}.zip", pack(zipped, stamp)))
    files.append(File("README.txt", readme.encode("utf-8")))
    files.append(
        File(
            "SHA256SUMS",
            "".join(f"{f.sha256}  {f.path}\n" for f in sorted(files, key=lambda f: f.path)).encode("utf-8"),
        )
    )
    files.sort(key=lambda f: (ORDER.index(f.kind), f.path))  # what most people want first
    return Downloads(
        dataset.name,
        dataset.version,
        date,
        descriptor["licenses"][0],
        files,
        evidence,
        dictionary,
        earlier_versions(dataset),
    )


def _package(dataset: Dataset) -> tuple[dict, dict[str, list[list[str]]], dict[str, bytes]]:
    """The published descriptor, the rows of each table, and the files of both as published."""
    descriptor = published_descriptor(dataset.descriptor)
    tables = {r["name"]: _rows(_resource_path(dataset, r["name"])) for r in descriptor["resources"]}
    package = {f"{name}.csv": _csv(rows) for name, rows in tables.items()}
    package["datapackage.json"] = (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return descriptor, tables, package


def record_version(dataset: Dataset, target: Path) -> bool:
    """Keep the package as this version publishes it (its tables and descriptor) in target, releases/<version>/, so
    that its download folder is made again from them, whole, once a newer version is published. Never replaced."""
    if (target / "datapackage.json").exists():
        return False
    target.mkdir(parents=True, exist_ok=True)
    for name, data in _package(dataset)[2].items():
        (target / name).write_bytes(data)
    return True


def earlier_versions(dataset: Dataset) -> tuple[tuple[str, tuple[File, ...]], ...]:
    """The files of each earlier published version, oldest first, so that its address keeps answering with what it
    published after a newer version replaces it: every file, made again from the package it recorded
    (releases/<version>/), or, for a version recorded before whole packages were (its observations only,
    releases/<version>.csv), its observations."""
    from ..read.catalog import load_dataset
    from ..read.changes import parse_version
    from ..read.records import RELEASES

    found = sorted((parse_version(path.stem), path) for path in (dataset.folder / RELEASES).glob("*.csv"))
    earlier = []
    for version, path in found:
        if not version or path.stem == dataset.version:
            continue
        whole = path.with_suffix("")
        if (whole / "datapackage.json").exists():
            files = tuple(package_downloads(load_dataset(whole)).files)
        else:
            files = (File("observations.csv", _csv(_rows(path))),)
        earlier.append((path.stem, files))
    return tuple(earlier)


def write_chart_data(charts, site_root: Path) -> None:
    """The CSV of every chart's data, under downloads/charts/."""
    folder = site_root / "downloads" / "charts"
    folder.mkdir(parents=True, exist_ok=True)
    for chart in charts:
        (folder / chart.csv_name).write_text(chart.csv, encoding="utf-8")


def write_downloads(downloads: list[Downloads], site_root: Path) -> None:
    """Every file under data/<name>/<version>/ and data/<name>/latest/ of the site root, and the observations of
    each earlier version under data/<name>/<earlier version>/."""
    for package in downloads:
        versions = [(version, files) for version, files in package.earlier]
        versions += [(None, package.files), ("latest", package.files)]
        for version, files in versions:
            folder = site_root / package.folder(version)
            for file in files:
                (folder / file.path).parent.mkdir(parents=True, exist_ok=True)
                (folder / file.path).write_bytes(file.data)


def _resource_path(dataset: Dataset, name: str) -> Path:
    resource = next(r for r in dataset.descriptor["resources"] if r["name"] == name)
    return dataset.folder / resource["path"]


def published_descriptor(descriptor: dict) -> dict:
    """The descriptor as published: the tables beside it, a licence (CC BY 4.0 unless the package says otherwise).

    Every file of a version sits in one flat folder, so files saved one by one from the page into one folder
    still match SHA256SUMS and still validate with `frictionless validate datapackage.json`.
    """
    published = copy.deepcopy(descriptor)
    published.setdefault("licenses", [dict(LICENSE)])
    for resource in published["resources"]:
        resource["path"] = f"{resource['name']}.csv"
        resource["encoding"] = "utf-8"
    return published


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.reader(handle)]


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)
    return out.getvalue().encode("utf-8")


def validate(package: dict[str, bytes], date: str) -> dict:
    """Validate exactly the files that are published; the report without timings (they differ per run)."""
    with tempfile.TemporaryDirectory() as folder:
        for path, data in package.items():
            (Path(folder) / path).parent.mkdir(parents=True, exist_ok=True)
            (Path(folder) / path).write_bytes(data)
        report = frictionless.Package(str(Path(folder) / "datapackage.json")).validate().to_dict()
    report["stats"].pop("seconds", None)
    for task in report["tasks"]:
        task["stats"].pop("seconds", None)
    rows = sum(task["stats"].get("rows", 0) for task in report["tasks"])
    return {
        "validator": "frictionless",
        "validator_version": importlib.metadata.version("frictionless"),
        "data_date": date,
        "valid": report["valid"],
        "rows": rows,
        "errors": report["stats"]["errors"],
        "resources": {task["name"]: task["stats"].get("rows", 0) for task in report["tasks"]},
        "report": report,
    }


def data_dictionary(dataset: Dataset, descriptor: dict) -> list[dict]:
    """Per resource, per field: type, descriptions, unit, constraints, codes and the missing-value markers."""
    value_units = "; ".join(f"{m}: {u}" for m, u in sorted(set(zip(dataset.measures["id"], dataset.measures["unit"]))))
    resources = []
    for resource in descriptor["resources"]:
        schema = resource["schema"]
        fields = []
        for field in schema["fields"]:
            constraints = field.get("constraints", {})
            codes = {
                code: STATUS_CODES[code]
                for code in constraints.get("enum", [])
                if field["name"] == "status" and code in STATUS_CODES
            }
            fields.append(
                {
                    "name": field["name"],
                    "type": field.get("type", "string"),
                    "description_en": field.get("description", ""),
                    "description_ko": field.get("description_ko", ""),
                    "unit": value_units if (resource["name"], field["name"]) == ("observations", "value") else "",
                    "constraints": constraints_text(constraints),
                    "codes": codes,
                }
            )
        resources.append(
            {
                "name": resource["name"],
                "path": resource["path"],
                "fields": fields,
                "missing_values": schema.get("missingValues", [""]),
                "primary_key": schema.get("primaryKey", []),
            }
        )
    return resources


def constraints_text(constraints: dict) -> str:
    parts = []
    for key, value in constraints.items():
        if value is True:
            parts.append(key)
        elif isinstance(value, list):
            parts.append(f"{key}: {', '.join(map(str, value))}")
        else:
            parts.append(f"{key}: {value}")
    return "; ".join(parts)


def license_text(descriptor: dict) -> str:
    license = descriptor["licenses"][0]
    return (
        f"{descriptor.get('title', descriptor['name'])}, version {descriptor.get('version', '')}\n\n"
        f"Licence: {license.get('title', license.get('name'))} ({license.get('name', '')})\n"
        f"{license.get('path', '')}\n\n"
        f"{SOURCES_NOTE}\n\n"
        "이 편집물(표, 구조, 설명)의 이용 조건은 위 라이선스를 따릅니다. 원래 수치를 실은 보도자료와 기사는 각자의 이용 조건을 따릅니다.\n"
    )


def _source_date(iso: str, precision: str) -> str:
    """A source's date as precisely as it is known: 2024-09-30, 2024-09 (month only), about 2024-09-30, or nothing."""
    if precision == "month":
        return iso[:7]
    return f"about {iso}" if iso and precision == "about" else iso


def readme_text(dataset: Dataset, descriptor: dict, dictionary: list[dict], evidence: dict) -> str:
    lines = [
        dataset.text("title", "en"),
        dataset.text("title", "ko"),
        "",
        f"Version: {dataset.version}",
        f"Data as of: {evidence['data_date']}",
        "",
        dataset.text("description", "en"),
        "",
        dataset.text("description", "ko"),
        "",
        license_text(descriptor),
        "Sources / 출처:",
    ]
    for source in dataset.sources.sort_values("id").itertuples():
        released = getattr(source, "released_by_en", "")
        outlet = (
            f"released by {released}, reported by {source.publisher}" if released else f"reported by {source.publisher}"
        )
        parts = [outlet, source.title, _source_date(source.published, source.published_precision), source.url]
        lines.append(f"- {source.id}: {', '.join(p for p in parts if p)}")
    lines += [
        "",
        f"Validated with frictionless {evidence['validator_version']} (data as of {evidence['data_date']}): "
        f"{evidence['rows']} rows, {evidence['errors']} errors. Check: frictionless validate datapackage.json",
        "Files: CSV are UTF-8 without a byte order mark, LF line ends, RFC 4180 quoting. A suppressed cell "
        "(status c) is empty, with c in its status column. Open the XLSX in Excel.",
        "",
        "Fields / 항목:",
    ]
    for resource in dictionary:
        lines.append(f"\n{resource['path']}")
        for field in resource["fields"]:
            extra = "; ".join(filter(None, [field["unit"] and f"unit {field['unit']}", field["constraints"]]))
            lines.append(
                f"- {field['name']} ({field['type']}): {field['description_en']} / {field['description_ko']}"
                + (f" [{extra}]" if extra else "")
            )
    return "\n".join(lines) + "\n"


def workbook(
    title: str,
    descriptor: dict,
    tables: dict[str, list[list[str]]],
    dictionary: list[dict],
    readme: str,
    stamp: dt.datetime,
) -> bytes:
    """A README sheet, then one sheet per resource; numbers as numbers, everything else as text (never formulas)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "README"
    for line in readme.splitlines():
        sheet.append([line])
    sheet.column_dimensions["A"].width = 120
    types = {r["name"]: [f.get("type", "string") for f in r["schema"]["fields"]] for r in descriptor["resources"]}
    for name, rows in tables.items():
        sheet = book.create_sheet(name)
        sheet.append(rows[0])
        for row in rows[1:]:
            sheet.append([_typed(value, kind) for value, kind in zip(row, types[name])])
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = min(
                60, max(10, *(len(str(c.value or "")) for c in column))
            )
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":  # text starting with "=" is data, not a formula
                    cell.data_type = "s"
    book.properties.creator = descriptor.get("name", "")
    book.properties.title = title
    book.properties.created = book.properties.modified = stamp
    buffer = io.BytesIO()
    ExcelWriter(book, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()  # save_workbook would stamp "now"
    with zipfile.ZipFile(buffer) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    return pack(entries, stamp, keep_order=True)


def _typed(value: str, kind: str):
    if value == "":
        return None
    if kind in ("number", "integer"):
        number = float(value)
        return int(number) if number.is_integer() else number
    return value


def pack(entries: dict[str, bytes], stamp: dt.datetime, keep_order: bool = False) -> bytes:
    """A zip whose bytes depend only on the entries and the stamp: fixed time, permissions and order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in entries if keep_order else sorted(entries):
            info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            archive.writestr(info, entries[name], compresslevel=9)
    return buffer.getvalue()
