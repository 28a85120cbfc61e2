"""A package's descriptor and headers, checked before frictionless reads the tables.

The descriptor must be UTF-8 JSON with the standard resources, each with a path to a file that exists; every
CSV header is compared with its schema by name (a missing, repeated or extra column), which says more than
frictionless' label errors.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ...problems import Code, Problem
from ..catalog import DESCRIPTOR
from ..standard import RESOURCE_NAMES, SCHEMAS
from . import numbers
from .parsing import Broken, load_json

ENCODING_ERROR = Code(
    "encoding-error",
    "Descriptor not UTF-8",
    "is not UTF-8 text ({reason} at byte {byte})",
    "save the file as UTF-8 text",
    "파일을 UTF-8 텍스트로 저장합니다",
    dict(file="datapackage.json", reason="invalid start byte", byte=412),
)
INVALID_JSON = Code(
    "invalid-json",
    "Descriptor not JSON",
    "is not {note}",
    "fix the JSON at that place (a missing comma, quote or bracket is the usual cause); the file is one object, "
    '"{{ ... }}", that describes the data package',
    "해당 줄·칸의 JSON을 고칩니다 (쉼표·따옴표·괄호 누락이 흔한 원인입니다). 파일 전체가 데이터 패키지를 설명하는 "
    '객체 하나, "{{ ... }}"입니다',
    dict(file="datapackage.json", row=8, field="3", note="valid JSON: Expecting ',' delimiter (line 8, column 3)"),
)
MISSING_RESOURCES = Code(
    "missing-resources",
    "No list of resources",
    "has no list of resources",
    'add "resources" with {names} (copy them from a package that checks cleanly)',
    '"resources"에 {names}를 추가합니다 (문제없는 패키지에서 복사합니다)',
    dict(file="datapackage.json", field="resources", names=", ".join(RESOURCE_NAMES)),
)
MISSING_RESOURCE = Code(
    "missing-resource",
    "Standard resource missing",
    'has no resource named "{name}"',
    'add the standard "{name}" resource with its schema (copy it from a package that checks cleanly)',
    '표준 "{name}" 리소스를 스키마와 함께 추가합니다 (문제없는 패키지에서 복사합니다)',
    dict(file="datapackage.json", field="resources", name="sources"),
)
MISSING_PATH = Code(
    "missing-path",
    "Resource without a path",
    "resource has no path",
    'set "path" to the CSV file, e.g. "data/observations.csv"',
    '"path"에 CSV 파일의 경로를 적습니다 (예: "data/observations.csv")',
    dict(file="datapackage.json", field="resources.sources.path"),
)
MISSING_FILE = Code(
    "missing-file",
    "Resource file missing",
    'points to "{path}", which does not exist',
    "create the file or correct the path",
    "파일을 만들거나 경로를 고칩니다",
    dict(file="datapackage.json", field="resources.sources.path", path="data/sources.csv"),
)

# -- the header row

MISSING_COLUMN = Code(
    "missing-column",
    "Column missing",
    'has no column "{name}"',
    'add the column "{name}" to the header (columns: {columns})',
    '머리글 행에 "{name}" 열을 추가합니다 (열: {columns})',
    dict(
        file="data/observations.csv",
        row=1,
        field="qualifier",
        name="qualifier",
        columns=", ".join(f["name"] for f in SCHEMAS["observations"]["fields"]),
    ),
)
DUPLICATE_COLUMN = Code(
    "duplicate-column",
    "Column repeated",
    "has {count} columns {named}",
    "keep one column of each name (a copied column, or commas at the end of the header row, are the usual cause)",
    "같은 이름의 열은 하나만 남깁니다 (열을 복사했거나 머리글 행 끝에 쉼표가 남은 것이 흔한 원인입니다)",
    dict(file="data/groups.csv", row=1, field="name_ko", count=2, named='named "name_ko"'),
)
EXTRA_COLUMN = Code(
    "extra-column",
    "Column not in the schema",
    "has a column {named} that the schema does not define",
    "remove the column: a table has the columns of its standard schema (sitegen/read/standard.py) and no others",
    "그 열을 지웁니다. 표의 열은 표준 스키마(sitegen/read/standard.py)에 정해진 것뿐입니다",
    dict(file="data/observations.csv", row=1, field="note", named='named "note"'),
)


def _named(name: str) -> str:
    return f'named "{name}"' if name else "without a name"


# -- what frictionless finds in the tables, in our words


def read_descriptor(path: Path) -> tuple[dict | None, list[Problem]]:
    """The descriptor, or None and its problem: not UTF-8, not JSON (however the text breaks the parser: see
    sitegen.read.checks.parsing), not an object, or holding an infinity or NaN."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [ENCODING_ERROR.at(path, reason=error.reason, byte=error.start)]
    try:
        descriptor = load_json(text)
    except Broken as broken:
        column = None if broken.column is None else str(broken.column)
        return None, [INVALID_JSON.at(path, broken.line, column, note=f"valid JSON: {broken.note}")]
    if not isinstance(descriptor, dict):
        return None, [INVALID_JSON.at(path, note="a JSON object")]
    problems = numbers.check_descriptor(descriptor, path)
    return (None, problems) if problems else (descriptor, [])


def check_structure(descriptor: dict, path: Path) -> list[Problem]:
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not all(isinstance(r, dict) for r in resources):
        return [MISSING_RESOURCES.at(path, None, "resources", names=", ".join(RESOURCE_NAMES))]
    names = [r.get("name") for r in resources]
    problems = [MISSING_RESOURCE.at(path, None, "resources", name=name) for name in RESOURCE_NAMES if name not in names]
    for resource in resources:
        rpath = resource.get("path")
        if not isinstance(rpath, str) or not rpath:
            problems.append(MISSING_PATH.at(path, None, f"resources.{resource.get('name')}.path"))
        elif not (path.parent / rpath).is_file():
            problems.append(MISSING_FILE.at(path, None, f"resources.{resource.get('name')}.path", path=rpath))
    return problems


def check_header(folder: Path, resource: dict) -> list[Problem]:
    """Compare the CSV header with the schema's fields by name (clearer than frictionless' label errors)."""
    path = folder / resource["path"]
    expected = [f.get("name") for f in resource.get("schema", {}).get("fields", [])]
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
    except UnicodeDecodeError:
        return []  # reported by frictionless with the row where decoding failed
    where = str(path)
    problems = [
        MISSING_COLUMN.at(where, 1, name, name=name, columns=", ".join(expected))
        for name in expected
        if name not in header
    ]
    for name in dict.fromkeys(header):
        count, field = header.count(name), name or None
        if count > 1:
            problems.append(DUPLICATE_COLUMN.at(where, 1, field, count=count, named=_named(name)))
        if name not in expected:
            problems.append(EXTRA_COLUMN.at(where, 1, field, named=_named(name)))
    return problems


# -- the packages side by side

DUPLICATE_PACKAGE_NAME = Code(
    "duplicate-package-name",
    "Two packages with one name",
    "is named {name!r}, like the package in {other}: both would be published to data/{name}/",
    'give each package its own "name" (the folder\'s name is the usual choice), or remove the copy',
    '패키지마다 다른 "name"을 씁니다 (보통 폴더 이름을 씁니다). 복사본이면 지웁니다',
    dict(file="datasets/crackdown-copy/datapackage.json", field="name", name="crackdown", other="datasets/crackdown"),
)


def check_names(folders: list[Path]) -> list[Problem]:
    """Every package after the first with a name another one has (the name its files are published under: the
    descriptor's "name", else the folder's; compared without case, as a Windows or macOS disk does)."""
    first: dict[str, Path] = {}
    problems = []
    for folder in folders:
        descriptor, _ = read_descriptor(folder / DESCRIPTOR)  # an unreadable one is reported by the package's checks
        name = descriptor.get("name", folder.name) if descriptor else folder.name
        if not isinstance(name, str):
            continue  # reported by frictionless
        other = first.setdefault(name.casefold(), folder)
        if other != folder:
            problems.append(DUPLICATE_PACKAGE_NAME.at(folder / DESCRIPTOR, None, "name", name=name, other=other))
    return problems
