"""What frictionless finds in the tables, in our words where we have them.

Type, constraint, foreign-key and primary-key errors get our own message and fix; blank rows, extra and missing
cells and repeated unique values are passed on in frictionless' words (PASSED_ON, by their type), any other type
as frictionless-error, and every error in the descriptor as package-error.

Plain words where frictionless' would mislead: a row with one cell too many because a number was typed with a
thousands comma (1,104 unquoted) is one split-by-comma, not the five errors of its shifted cells; an id not found
names the closest id ("did you mean age_20_29?") and the ids there are, before suggesting a new row; an address
without https:// says to start it so, not the regular expression.
"""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Callable
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
    "{fix}",
    "{fix_ko}",
    dict(
        file="data/sources.csv",
        row=5,
        field="publisher",
        note="is empty but required",
        fix="fill in the cell",
        fix_ko="칸을 채웁니다",
    ),
)
# The constraint a cell breaks, in words ({rule}: the constraint's value), and its fix in English and Korean.
BROKEN = {
    "required": ("is empty but required", "fill in the cell", "칸을 채웁니다"),
    "enum": (
        '"{cell}" is not an allowed value (allowed: {rule})',
        "write one of the allowed values: {rule}",
        "허용된 값 가운데 하나를 씁니다: {rule}",
    ),
    "minimum": (
        '"{cell}" is below the minimum {rule}',
        "write a number of {rule} or more",
        "{rule} 이상인 수를 씁니다",
    ),
    "pattern": (
        '"{cell}" does not match the pattern {rule}',
        "write it in the form the pattern gives (an id: lower-case letters, digits, _ and -)",
        "형식에 맞게 씁니다 (id는 영어 소문자, 숫자, _, -만)",
    ),
    "maxLength": (
        "is too long (at most {rule} characters)",
        "shorten it to {rule} characters or fewer",
        "{rule}자 이하로 줄입니다",
    ),
    "unique": ('"{cell}" appears in more than one row', "give each row its own value", "행마다 다른 값을 씁니다"),
}
OTHER_CONSTRAINT = (
    '"{cell}" breaks the constraint {name} {rule}',
    "make the cell meet the constraint {name} {rule}",
    "{name} {rule} 제약 조건에 맞게 고칩니다",
)
# A web address (the sources' url: pattern https://...) in words, not as the regular expression.
NOT_HTTPS = (
    '"{cell}" is not a web address: start it with https://, e.g. "{example}"',
    'write "{example}"',
    '"{example}"처럼 https://로 시작하게 씁니다',
)
NOT_AN_ADDRESS = (
    '"{cell}" is not a web address: it holds a space, a quote or < >, which an address cannot',
    "copy the address from the browser's address bar as it is",
    "브라우저 주소 창의 주소를 그대로 복사해 씁니다",
)
FOREIGN_KEY = Code(
    "foreign-key",
    "Id not found",
    '"{value}" is not an {target} in the {resource} resource{guess}',
    'use one of the {target}s in data/{resource}.csv ({known}), or, if "{value}" is new, add a row with {target} '
    '"{value}" to data/{resource}.csv',
    'data/{resource}.csv에 있는 {target} 가운데 하나({known})를 쓰거나, "{value}"가 새 값이면 data/{resource}.csv에 '
    '{target}가 "{value}"인 행을 추가합니다',
    dict(
        file="data/observations.csv",
        row=20,
        field="group",
        value="age_20_92",
        target="id",
        resource="groups",
        guess=': did you mean "age_20_29"?',
        known="total, age_10_19, age_10_13, age_20_29, age_30_39, age_40_49, age_50_plus",
    ),
)
KNOWN_SHOWN = 15  # the ids a foreign-key problem lists at most
SPLIT_BY_COMMA = Code(
    "split-by-comma",
    "Number split by a comma",
    "a comma inside {number} split the row: its cells from {field} on are one column off",
    "write {digits}: a number is written without a thousands separator",
    "천 단위 쉼표 없이 {digits}로 씁니다",
    dict(file="data/observations.csv", row=17, field="value", number="1,104", digits="1104"),
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


def from_task(path: Path, errors, labels: list[str], numeric: set[str], ids: Ids | None = None) -> list[Problem]:
    """The errors frictionless finds in one table (path, its header's labels, the names of its numeric columns): a
    row split by a thousands comma is one split-by-comma, and its other errors (the shifted cells) are left out."""
    split: dict[int, tuple[int, str]] = {}
    for error in errors:
        row = getattr(error, "row_number", None)
        if error.type == "extra-cell" and row not in split and (found := mend(error.cells, labels, numeric)):
            split[row] = found[:2]
    problems = [
        SPLIT_BY_COMMA.at(path, row, labels[index], number=number, digits=number.replace(",", ""))
        for row, (index, number) in split.items()
    ]
    return problems + [
        from_frictionless(path, error, ids) for error in errors if getattr(error, "row_number", None) not in split
    ]


_WHOLE = re.compile(r"\d+")
_THOUSANDS = re.compile(r"\d{3}")
_LAST_THOUSANDS = re.compile(r"\d{3}(\.\d+)?")


def mend(cells: list[str], labels: list[str], numeric: set[str]) -> tuple[int, str, list[str]] | None:
    """A row with more cells than the header because a number was written with thousands commas and no quotes:
    (the index of its column, the number as written, the row with it joined), or None. Joining the pieces (digits,
    then groups of exactly three digits) must give a row as long as the header; a numeric column is preferred."""
    cells = ["" if cell is None else str(cell) for cell in cells]
    extra = len(cells) - len(labels)
    if extra < 1:
        return None
    found = [
        index
        for index in range(len(labels))
        if _WHOLE.fullmatch(cells[index])
        and all(_THOUSANDS.fullmatch(cell) for cell in cells[index + 1 : index + extra])
        and _LAST_THOUSANDS.fullmatch(cells[index + extra])
    ]
    if not found:
        return None
    index = next((i for i in found if labels[i] in numeric), found[0])
    number = ",".join(cells[index : index + extra + 1])
    return index, number, [*cells[:index], number.replace(",", ""), *cells[index + extra + 1 :]]


Ids = Callable[[str, str], dict[str, str]]  # (resource, column) -> its ids in file order, each with its English name


def id_lookup(folder: Path, descriptor: dict) -> Ids:
    """The ids of a package's tables with their English names (name_en, where the table has one), read once each,
    for the foreign-key problems; a table that cannot be read has none."""
    paths = {r.get("name"): r.get("path") for r in descriptor.get("resources", []) if isinstance(r, dict)}
    read: dict[tuple[str, str], dict[str, str]] = {}

    def ids(resource: str, column: str) -> dict[str, str]:
        if (resource, column) not in read:
            try:
                with open(folder / paths[resource], encoding="utf-8-sig", newline="") as handle:
                    found = [(row.get(column) or "", row.get("name_en") or "") for row in csv.DictReader(handle)]
            except (KeyError, TypeError, OSError, UnicodeDecodeError, csv.Error):
                found = []
            read[resource, column] = {key: name for key, name in found if key}
        return read[resource, column]

    return ids


def _closest(value: str, known: dict[str, str]) -> str:
    """': did you mean "age_20_29"?' for the id most like value (difflib), or for the id whose English name holds a
    word most like it ("aprehended": arrested, Persons apprehended); "" when none is close."""
    close = difflib.get_close_matches(value, list(known), n=1)
    if close:
        return f': did you mean "{close[0]}"?'
    words: dict[str, str] = {}
    for key, name in known.items():
        for word in re.findall(r"\w{4,}", name.lower()):
            words.setdefault(word, key)
    close = difflib.get_close_matches(value.lower(), list(words), n=1, cutoff=0.8)
    return f': did you mean "{words[close[0]]}" ({known[words[close[0]]]})?' if close else ""


def from_descriptor_error(folder: Path, error) -> Problem:
    """An error frictionless finds in the descriptor, whatever its type (package, resource, schema, dialect)."""
    return PACKAGE_ERROR.at(folder / DESCRIPTOR, message=error.message)


_TYPE = re.compile(r'type is "(\w+)')
_CONSTRAINT = re.compile(r'constraint "(\w+)" is "(.*)"')
_FIRST_ROW = re.compile(r"row at position (\d+)")
_FOREIGN = re.compile(r'for "([^"]+)": values "([^"]*)" not found in the lookup table "([^"]+)" as "([^"]+)"')


def from_frictionless(path: Path, error, ids: Ids | None = None) -> Problem:
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
        rule = rule.strip("[]") if name == "enum" else rule
        if name == "pattern" and rule.startswith("https://") and isinstance(cell, str):
            texts, values = _not_an_address(cell)
        else:
            texts, values = BROKEN.get(name, OTHER_CONSTRAINT), dict(cell=cell, name=name, rule=rule)
        note, fix, fix_ko = (text.format(**values) for text in texts)
        return CONSTRAINT_ERROR.at(where, row, field, note=note, fix=fix, fix_ko=fix_ko)
    if code == "foreign-key":
        match = _FOREIGN.search(note)
        if match:
            field, value, resource, target = match.groups()
            known = ids(resource, target) if ids else {}
            listed = list(known)[:KNOWN_SHOWN]
            return FOREIGN_KEY.at(
                where,
                row,
                field,
                value=value,
                target=target,
                resource=resource,
                guess=_closest(value, known),
                known=", ".join(listed) + (", …" if len(known) > KNOWN_SHOWN else "") or "—",
            )
    if code == "primary-key":
        first = _FIRST_ROW.search(note)
        keys = ", ".join(SCHEMAS.get(path.stem, {}).get("primaryKey", [])) or "primary key"
        return PRIMARY_KEY.at(where, row, field, keys=keys, earlier=first.group(1) if first else "?")
    if code in PASSED_ON:
        return PASSED_ON[code].at(where, row, field, message=error.message)
    return FRICTIONLESS_ERROR.at(where, row, field, message=error.message, type=code)


def _not_an_address(cell: str) -> tuple[tuple[str, str, str], dict]:
    """The texts (note, fixes) of an address that breaks the pattern https://..., and their values."""
    if cell.startswith("https://"):
        return NOT_AN_ADDRESS, dict(cell=cell)
    rest = re.sub(r"^[a-z]+:/*", "", cell.strip(), flags=re.IGNORECASE)  # http://, or a scheme typed wrong
    return NOT_HTTPS, dict(cell=cell, example="https://" + rest)
