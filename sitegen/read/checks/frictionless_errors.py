"""What frictionless finds in the tables, in our words where we have them.

Type, constraint, foreign-key and primary-key errors get our own message and fix; blank rows, extra and missing
cells and repeated unique values are passed on in frictionless' words (PASSED_ON, by their type), any other type
as frictionless-error, and every error in the descriptor as package-error.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...problems import Code, Problem
from ..catalog import DESCRIPTOR
from ..standard import SCHEMAS

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


def from_descriptor_error(folder: Path, error) -> Problem:
    """An error frictionless finds in the descriptor, whatever its type (package, resource, schema, dialect)."""
    return PACKAGE_ERROR.at(folder / DESCRIPTOR, message=error.message)


_TYPE = re.compile(r'type is "(\w+)')
_CONSTRAINT = re.compile(r'constraint "(\w+)" is "(.*)"')
_FIRST_ROW = re.compile(r"row at position (\d+)")
_FOREIGN = re.compile(r'for "([^"]+)": values "([^"]*)" not found in the lookup table "([^"]+)" as "([^"]+)"')


def from_frictionless(path: Path, error) -> Problem:
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
