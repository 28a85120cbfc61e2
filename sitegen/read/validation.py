"""Validate data packages: descriptor, headers, frictionless, then our checks.

Data problems are returned as Problems (never raised) so that `check` can list
every one of them at once. Each Problem says where (file:row:field), what is
wrong and what to do. The kinds found here are the Code constants below
(sitegen.problems): the descriptor's, the header's, what frictionless finds in
our words (type, constraint, foreign and primary key errors), and its other
findings passed on in its own words (PASSED_ON by their type, any other type as
frictionless-error).
"""

from __future__ import annotations

import copy
import csv
import functools
import json
import re
from pathlib import Path

import frictionless
from frictionless import Package

from ..config import Config
from ..problems import Code, Problem, in_order
from ..util import parallel
from ..util.cache import per_package
from . import checks
from .catalog import DESCRIPTOR, Dataset, find_packages, load_dataset
from .checks import files
from .checks.prose import check_prose
from .standard import RESOURCE_NAMES, SCHEMAS

# -- the package folder and its descriptor

NO_PACKAGES = Code(
    "no-packages",
    "No data package",
    "no data package found",
    "add a folder with a datapackage.json (see the maintainer's guide), or pass the right --datasets",
    "datapackage.json이 있는 폴더를 추가하거나(관리자 안내서 참고) --datasets를 바르게 지정합니다",
    dict(file="datasets"),
)
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

TYPE_ERROR = Code(
    "type-error",
    "Value of the wrong type",
    '"{cell}" is not a {kind}',
    "write the {kind} as the schema reads it: numbers and integers in digits only, e.g. 1234 (no commas, units, % or "
    "~; a suppressed cell stays empty, with c in status); dates as YYYY-MM-DD, e.g. 2025-04-17",
    "{kind} 형식에 맞게 씁니다. 수는 1234처럼 숫자만(쉼표·단위·%·~ 없이, 비공개 칸은 비우고 status에 c), "
    "날짜는 2025-04-17처럼 YYYY-MM-DD로 씁니다",
    dict(file="data/observations.csv", row=6, field="value", cell="228명", kind="number"),
)
CONSTRAINT_ERROR = Code(
    "constraint-error",
    "Value the schema does not allow",
    "{note}",
    "make the cell meet the constraint the message names: fill in a required cell, use one of the allowed values, "
    "write a count of 0 or more, match the pattern, or shorten the text to the maximum length",
    "메시지에 나온 제약 조건에 맞게 고칩니다. 필수 칸은 채우고, 허용된 값 가운데 하나를 쓰고, 건수는 0 이상으로 쓰고, "
    "정해진 형식(pattern)과 최대 길이를 지킵니다",
    dict(file="data/sources.csv", row=5, field="publisher", note="is empty but required"),
)
# The constraint a cell breaks, in words: the note of a constraint-error ({rule}: the constraint's value).
BROKEN = {
    "required": "is empty but required",
    "enum": '"{cell}" is not an allowed value (allowed: {rule})',
    "minimum": '"{cell}" is below the minimum {rule}',
    "pattern": '"{cell}" does not match the pattern {rule}',
    "maxLength": "is too long (at most {rule} characters)",
    "unique": '"{cell}" appears in more than one row',
}
FOREIGN_KEY = Code(
    "foreign-key",
    "Id not found",
    '"{value}" is not an {target} in the {resource} resource',
    'add a row with {target} "{value}" to data/{resource}.csv, or correct the {field}',
    'data/{resource}.csv에 {target}가 "{value}"인 행을 추가하거나 {field}를 고칩니다',
    dict(
        file="data/observations.csv",
        row=11,
        field="source_id",
        value="asiae-2025-04-16",
        target="id",
        resource="sources",
    ),
)
PRIMARY_KEY = Code(
    "primary-key",
    "Row repeated",
    "has the same {keys} as row {earlier}",
    "rows {earlier} and {row} describe the same figure: remove one, or change one of its key cells",
    "{earlier}행과 {row}행이 같은 수치를 가리킵니다. 하나를 지우거나 키 칸 가운데 하나를 고칩니다",
    dict(
        file="data/observations.csv",
        row=9,
        field=None,
        keys=", ".join(SCHEMAS["observations"]["primaryKey"]),
        earlier=4,
    ),
)

# -- what frictionless finds, passed on in its words

BLANK_ROW = Code(
    "blank-row",
    "Blank row",
    "{message}",
    "delete the empty row",
    "빈 행을 지웁니다",
    dict(file="data/groups.csv", row=3, message='Row at position "3" is completely blank'),
)
EXTRA_CELL = Code(
    "extra-cell",
    "Value beyond the last column",
    "{message}",
    "remove the extra value; a comma inside a text needs the text in double quotes",
    "남는 값을 지웁니다. 글 안에 쉼표가 있으면 그 글을 큰따옴표로 감쌉니다",
    dict(file="data/groups.csv", row=2, message='Row at position "2" has an extra value in field at position "5"'),
)
MISSING_CELL = Code(
    "missing-cell",
    "Row too short",
    "{message}",
    "add the missing value (or an empty cell) so the row has as many cells as the header",
    "빠진 값(또는 빈 칸)을 넣어 행의 칸 수를 머리글과 맞춥니다",
    dict(
        file="data/groups.csv",
        row=2,
        field="name_en",
        message='Row at position "2" has a missing cell in field "name_en" at position "4"',
    ),
)
UNIQUE_ERROR = Code(
    "unique-error",
    "Unique value repeated",
    "{message}",
    "give each row its own value in this column: an id names one row",
    "이 열에는 행마다 다른 값을 씁니다. id는 행 하나를 가리킵니다",
    dict(
        file="data/groups.csv",
        row=5,
        field="id",
        message='Row at position "5" has unique constraint violation in '
        'field "id" at position "1": the same as in the row at position 3',
    ),
)
PACKAGE_ERROR = Code(
    "package-error",
    "Descriptor invalid",
    "{message}",
    "fix datapackage.json as the message says: compare it with a package that checks cleanly, and copy the schemas "
    "from sitegen/read/standard.py",
    "메시지에 따라 datapackage.json을 고칩니다. 문제없는 패키지와 비교하고, 스키마는 sitegen/read/standard.py에서 복사합니다",
    dict(file="datapackage.json", message="The data package has an error: descriptor is not valid"),
)
FRICTIONLESS_ERROR = Code(
    "frictionless-error",
    "Another error frictionless reports",
    "{message} ({type})",
    "correct the file at this place as the message says",
    "메시지에 따라 이 자리의 파일을 고칩니다",
    dict(
        file="data/sources.csv",
        type="hash-count",
        message='The data source does not match the expected hash count: expected is "0000" and actual is "0a0ce508ad"',
    ),
)
# frictionless' error types passed on as they are, by their type; any other type is passed on as a frictionless-error
PASSED_ON = {code.code: code for code in (BLANK_ROW, EXTRA_CELL, MISSING_CELL, UNIQUE_ERROR)}


def check_datasets(datasets_dir: Path, config: Config, cache=None) -> tuple[list[Problem], list[Dataset]]:
    """All problems of all packages under datasets_dir, and the packages that passed (sitegen.util.cache: reused
    for a package whose files, code and configuration are unchanged)."""
    problems: list[Problem] = []
    datasets: list[Dataset] = []
    folders = find_packages(datasets_dir)
    if not folders:
        problems.append(NO_PACKAGES.at(datasets_dir))
    for found, dataset in per_package(cache, "check", folders, functools.partial(_check_one, config=config)):
        if dataset is not None:
            datasets.append(dataset)
        problems.extend(found)
    problems.extend(check_prose(config.site_src))  # the hand-written pages cite figures, never type them
    return in_order(problems), datasets


def _check_one(folder: Path, config: Config) -> tuple[list[Problem], Dataset | None]:
    """Every problem of one package folder, and the package if it has none.

    Our checks run on a package that frictionless passes. A big package on several cores is validated one table
    per worker while another worker runs our checks at the same time; their result counts only if frictionless
    finds nothing, so the problems are the same as one after the other."""
    descriptor, found = _before_frictionless(folder)
    if descriptor is None:
        return found, None
    sizes = {resource["name"]: (folder / resource["path"]).stat().st_size for resource in descriptor["resources"]}
    if sum(sizes.values()) < SPLIT_BYTES or parallel.jobs() < 2:
        found += _validate(folder, descriptor, None)
        return (found, None) if found else _our_checks(folder, config)
    sizes[OURS] = sum(sizes.values())  # the longest piece: started first
    *tables, ours = parallel.run(
        lambda piece: _our_checks_or_error(folder, config) if piece is OURS else _validate(folder, descriptor, piece),
        list(sizes),
        sizes.get,
    )
    # An error of the descriptor itself is found once per table: list it once.
    found += list(dict.fromkeys(problem for problems in tables for problem in problems))
    if found:
        return found, None
    if isinstance(ours, Exception):
        raise ours
    return ours


SPLIT_BYTES = 1_000_000  # a package this big is validated one table per worker (below, the start-up costs more)
OURS = object()  # the piece of work that runs our checks


def _our_checks(folder: Path, config: Config) -> tuple[list[Problem], Dataset | None]:
    dataset = load_dataset(folder)
    found = checks.run_all(dataset, config)
    return found, None if found else dataset


def _our_checks_or_error(folder: Path, config: Config):
    """Our checks on data frictionless may yet reject: an error is returned, and raised only if it accepts them."""
    try:
        return _our_checks(folder, config)
    except Exception as error:  # noqa: BLE001 - see above
        return parallel.portable(error)


def _before_frictionless(folder: Path) -> tuple[dict | None, list[Problem]]:
    """The descriptor, structure, file and header problems of a package folder, and the descriptor to hand to
    frictionless (None when the problems found mean frictionless cannot run)."""
    descriptor_path = folder / DESCRIPTOR
    descriptor, problems = _read_descriptor(descriptor_path)
    if descriptor is None:
        return None, problems
    problems += files.check_paths(folder, descriptor)
    if problems:
        return None, problems
    problems += _check_structure(descriptor, descriptor_path)
    if problems:
        return None, problems
    problems += files.check_contents(folder, descriptor)
    if problems:
        return None, problems
    for resource in descriptor["resources"]:
        problems += _check_header(folder, resource)
    if any(problem.code == DUPLICATE_COLUMN.code for problem in problems):
        return None, problems  # frictionless cannot read a table (or look up in it) with a repeated column
    descriptor = copy.deepcopy(descriptor)
    for resource in descriptor["resources"]:
        # Match columns by name: a missing or extra column is reported once by _check_header, not on every row.
        resource.get("schema", {})["fieldsMatch"] = "subset"
    return descriptor, problems


def _read_descriptor(path: Path) -> tuple[dict | None, list[Problem]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [ENCODING_ERROR.at(path, reason=error.reason, byte=error.start)]
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [
            INVALID_JSON.at(
                path,
                error.lineno,
                str(error.colno),
                note=f"valid JSON: {error.msg} (line {error.lineno}, column {error.colno})",
            )
        ]
    if not isinstance(descriptor, dict):
        return None, [INVALID_JSON.at(path, note="a JSON object")]
    return descriptor, []


def _check_structure(descriptor: dict, path: Path) -> list[Problem]:
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


def _check_header(folder: Path, resource: dict) -> list[Problem]:
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


def _validate(folder: Path, descriptor: dict, name: str | None) -> list[Problem]:
    """The problems frictionless finds in one table (`name`) or in every table (None)."""
    try:
        report = Package(descriptor, basepath=str(folder)).validate(name=name)
    except frictionless.FrictionlessException as error:
        return [PACKAGE_ERROR.at(folder / DESCRIPTOR, message=error.error.message)]
    problems = [_from_descriptor_error(folder, error) for error in report.errors]
    for task in report.tasks:
        problems += [
            _from_frictionless(folder / task.place, error)
            for error in task.errors
            if error.type not in ("missing-label", "extra-label", "incorrect-label")
        ]
    return problems


def _from_descriptor_error(folder: Path, error) -> Problem:
    """An error frictionless finds in the descriptor, whatever its type (package, resource, schema, dialect)."""
    return PACKAGE_ERROR.at(folder / DESCRIPTOR, message=error.message)


_TYPE = re.compile(r'type is "(\w+)')
_CONSTRAINT = re.compile(r'constraint "(\w+)" is "(.*)"')
_FIRST_ROW = re.compile(r"row at position (\d+)")
_FOREIGN = re.compile(r'for "([^"]+)": values "([^"]*)" not found in the lookup table "([^"]+)" as "([^"]+)"')


def _from_frictionless(path: Path, error) -> Problem:
    row = getattr(error, "row_number", None)
    field = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    note = getattr(error, "note", "")
    where = str(path)
    code = error.type
    if code == "type-error":
        match = _TYPE.search(note)
        return TYPE_ERROR.at(where, row, field, cell=cell, kind=match.group(1) if match else "valid value")
    if code == "constraint-error":
        match = _CONSTRAINT.search(note)
        name, rule = (match.group(1), match.group(2)) if match else ("", note)
        broken = BROKEN.get(name, '"{cell}" breaks the constraint {name} {rule}')
        rule = rule.strip("[]") if name == "enum" else rule
        return CONSTRAINT_ERROR.at(where, row, field, note=broken.format(cell=cell, name=name, rule=rule))
    if code == "foreign-key":
        match = _FOREIGN.search(note)
        if match:
            field, value, resource, target = match.groups()
            return FOREIGN_KEY.at(where, row, field, value=value, target=target, resource=resource)
    if code == "primary-key":
        first = _FIRST_ROW.search(note)
        keys = ", ".join(SCHEMAS.get(path.stem, {}).get("primaryKey", [])) or "primary key"
        return PRIMARY_KEY.at(where, row, field, keys=keys, earlier=first.group(1) if first else "?")
    if code in PASSED_ON:
        return PASSED_ON[code].at(where, row, field, message=error.message)
    return FRICTIONLESS_ERROR.at(where, row, field, message=error.message, type=code)
