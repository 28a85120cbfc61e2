"""Checks on a package's files before anything reads them as tables.

Resource paths must stay inside the package folder, files must be UTF-8 text
with a header and at least one row, and every field type must be one that
Table Schema knows. A package with such a problem is not handed to
frictionless at all: its errors would only repeat the same cause.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path, PurePosixPath

from ...problems import Code, Problem
from ..standard import MAY_BE_EMPTY
from .personal_data import field_problems

FIELD_TYPES = {
    "any",
    "array",
    "boolean",
    "date",
    "datetime",
    "duration",
    "geojson",
    "geopoint",
    "integer",
    "number",
    "object",
    "string",
    "time",
    "year",
    "yearmonth",
}

UNSAFE_PATH = Code(
    "unsafe-path",
    "Path leads out of the package",
    '"{path}" {reason}',
    'put the file inside the package folder and give its path relative to it, e.g. "data/observations.csv" '
    "(no absolute path, URL, hidden folder or link leading out)",
    '파일을 패키지 폴더 안에 두고 "data/observations.csv"처럼 상대 경로로 적습니다 '
    "(절대 경로·URL·숨김 폴더·바깥을 가리키는 링크는 안 됩니다)",
    dict(
        file="datapackage.json",
        field="resources.observations.path",
        path="../outside.csv",
        reason='climbs out of the package folder with ".."',
    ),
)
UNKNOWN_FIELD_TYPE = Code(
    "unknown-field-type",
    "Field type unknown",
    'field type "{type}" is not a Table Schema type',
    "use one of: {types} (the standard schema in sitegen/read/standard.py says which)",
    "{types} 가운데 하나를 씁니다 (어느 것인지는 sitegen/read/standard.py의 표준 스키마에 있습니다)",
    dict(
        file="datapackage.json",
        field="resources.observations.schema.value.type",
        type="numbr",
        types=", ".join(sorted(FIELD_TYPES)),
    ),
)
EMPTY_FILE = Code(
    "empty-file",
    "Empty file",
    "is empty",
    "write the header line and the rows, or remove the resource",
    "머리글 행과 데이터 행을 쓰거나 리소스를 지웁니다",
    dict(file="data/observations.csv"),
)
NOT_UTF8 = Code(
    "not-utf8",
    "File not UTF-8",
    "is not UTF-8 text (byte {byte}) - it looks like {encoding}",
    'save it as UTF-8: in Excel "Save As" > "CSV UTF-8 (comma delimited)", '
    "or run: iconv -f CP949 -t UTF-8 {name} > fixed.csv && mv fixed.csv {name}",
    '엑셀에서 "다른 이름으로 저장" > "CSV UTF-8(쉼표로 분리)"을 고르거나 '
    "iconv -f CP949 -t UTF-8 {name} > fixed.csv && mv fixed.csv {name}를 실행해 UTF-8로 저장합니다",
    dict(
        file="data/groups.csv",
        row=2,
        byte=33,
        encoding="CP949/EUC-KR (Korean Windows, Excel or Hangul default)",
        name="groups.csv",
    ),
)
NO_ROWS = Code(
    "no-rows",
    "Header without rows",
    "has a header but no rows",
    "add at least one row under the header, or remove the resource",
    "머리글 아래에 행을 하나 이상 추가하거나 리소스를 지웁니다",
    dict(file="data/observations.csv", row=1),
)
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def check_paths(folder: Path, descriptor: dict) -> list[Problem]:
    """Every resource path is relative, inside the folder, not hidden and not a link leading out of it."""
    where = str(folder / "datapackage.json")
    problems = []
    for resource in _resources(descriptor):
        rpath = resource.get("path")
        if not isinstance(rpath, str) or not rpath:
            continue  # reported as missing-path by the structure check
        field = f"resources.{resource.get('name')}.path"
        reason = _unsafe(folder, rpath)
        if reason:
            problems.append(UNSAFE_PATH.at(where, None, field, path=rpath, reason=reason))
    return problems


def _unsafe(folder: Path, rpath: str) -> str | None:
    if _URL.match(rpath) or rpath.startswith("//"):
        return "is a URL or has a drive letter; only files inside the package are published"
    if rpath.startswith(("/", "\\")):
        return "is an absolute path"
    parts = PurePosixPath(rpath.replace("\\", "/")).parts
    if ".." in parts:
        return 'climbs out of the package folder with ".."'
    if any(part.startswith(".") for part in parts):
        return "is in a hidden folder or is a hidden file"
    target = (folder / rpath).resolve()
    if not target.is_relative_to(folder.resolve()):
        return f"is a symbolic link that leads out of the package folder (to {target})"
    return None


def check_contents(folder: Path, descriptor: dict) -> list[Problem]:
    """Field types are known; every file is UTF-8, not empty, and has rows under its header."""
    problems = []
    for resource in _resources(descriptor):
        for field in resource.get("schema", {}).get("fields", []):
            kind = field.get("type", "string")
            if kind not in FIELD_TYPES:
                problems.append(
                    UNKNOWN_FIELD_TYPE.at(
                        folder / "datapackage.json",
                        None,
                        f"resources.{resource.get('name')}.schema.{field.get('name')}.type",
                        type=kind,
                        types=", ".join(sorted(FIELD_TYPES)),
                    )
                )
        text_problems = _check_text(folder / resource["path"], may_be_empty=resource.get("name") in MAY_BE_EMPTY)
        problems += text_problems or _personal_fields(folder / resource["path"], resource)
    return problems


def _personal_fields(path: Path, resource: dict) -> list[Problem]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle), [])
    schema = [f.get("name") for f in resource.get("schema", {}).get("fields", [])]
    return field_problems(str(path), list(dict.fromkeys(header + schema)))


def _check_text(path: Path, may_be_empty: bool = False) -> list[Problem]:
    data = path.read_bytes()
    if not data.strip():
        return [EMPTY_FILE.at(path)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = data.count(b"\n", 0, error.start) + 1
        try:
            data.decode("cp949")
            encoding = "CP949/EUC-KR (Korean Windows, Excel or Hangul default)"
        except UnicodeDecodeError:
            encoding = "an encoding other than CP949/EUC-KR"
        return [NOT_UTF8.at(path, row, byte=error.start, encoding=encoding, name=path.name)]
    if not may_be_empty and len([line for line in text.splitlines() if line.strip()]) < 2:
        return [NO_ROWS.at(path, 1)]
    return []


def _resources(descriptor: dict) -> list[dict]:
    resources = descriptor.get("resources")
    return [r for r in resources if isinstance(r, dict)] if isinstance(resources, list) else []
