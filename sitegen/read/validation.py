"""Validate data packages: descriptor, headers, frictionless, then our checks.

Data problems are returned as Problems (never raised) so that `check` can list
every one of them at once. Each Problem says where (file:row:field), what is
wrong and what to do.
"""

from __future__ import annotations

import copy
import functools
import csv
import json
import re
from pathlib import Path

import frictionless
from frictionless import Package

from . import checks
from .checks import files
from ..util import parallel
from ..util.cache import per_package
from .catalog import DESCRIPTOR, Dataset, find_packages, load_dataset
from ..config import Config
from ..problems import Problem, in_order
from .checks.prose import check_prose
from .standard import RESOURCE_NAMES, SCHEMAS
from ..codes import Code

# Codes frictionless reports that we pass on with its own message (type-error, constraint-error, foreign-key and
# primary-key get our own wording and are in sitegen/codes.py).
CODES = {
    "blank-row": Code('data/groups.csv:3: Row at position "3" is completely blank', "Delete the empty row.",
                      "빈 행을 지웁니다."),
    "extra-cell": Code('data/groups.csv:2: Row at position "2" has an extra value in field at position "5"',
                       "Remove the extra value; a comma inside a text needs the text in double quotes.",
                       '남는 값을 지웁니다. 글 안에 쉼표가 있으면 그 글을 큰따옴표로 감쌉니다.'),
    "missing-cell": Code('data/groups.csv:2:name_en: Row at position "2" has a missing cell in field "name_en" at position "4"',
                         "Add the missing value (or an empty cell) so the row has as many cells as the header.",
                         "빠진 값(또는 빈 칸)을 넣어 행의 칸 수를 머리글과 맞춥니다."),
    "package-error": Code("datapackage.json: The data package has an error: descriptor is not valid",
                          "Compare datapackage.json with a package that checks cleanly; copy the schemas from "
                          "sitegen/read/standard.py.",
                          "문제없는 패키지의 datapackage.json과 비교하고, 스키마는 sitegen/read/standard.py에서 복사합니다."),
}


def check_datasets(datasets_dir: Path, config: Config, cache=None) -> tuple[list[Problem], list[Dataset]]:
    """All problems of all packages under datasets_dir, and the packages that passed (sitegen.util.cache: reused
    for a package whose files, code and configuration are unchanged)."""
    problems: list[Problem] = []
    datasets: list[Dataset] = []
    folders = find_packages(datasets_dir)
    if not folders:
        problems.append(Problem(str(datasets_dir), None, None, "no-packages", "no data package found",
                                f"add a folder with a {DESCRIPTOR} (see the maintainer's guide)"))
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
    *tables, ours = parallel.run(lambda piece: _our_checks_or_error(folder, config) if piece is OURS
                                 else _validate(folder, descriptor, piece), list(sizes), sizes.get)
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
    if any(problem.code == "duplicate-column" for problem in problems):
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
        return None, [Problem(str(path), None, None, "encoding-error", f"is not UTF-8 text ({error.reason} at byte {error.start})",
                              "save the file as UTF-8")]
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [Problem(str(path), error.lineno, str(error.colno), "invalid-json",
                              f"is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})",
                              "fix the JSON at that place (a missing comma, quote or bracket is the usual cause)")]
    if not isinstance(descriptor, dict):
        return None, [Problem(str(path), None, None, "invalid-json", "is not a JSON object",
                              'the file must start with "{" and describe one data package')]
    return descriptor, []


def _check_structure(descriptor: dict, path: Path) -> list[Problem]:
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not all(isinstance(r, dict) for r in resources):
        return [Problem(str(path), None, "resources", "missing-resources", "has no list of resources",
                        f'add "resources" with {", ".join(RESOURCE_NAMES)} (copy them from an existing package)')]
    names = [r.get("name") for r in resources]
    problems = [
        Problem(str(path), None, "resources", "missing-resource", f'has no resource named "{name}"',
                f'add the standard "{name}" resource with its schema (copy it from an existing package)')
        for name in RESOURCE_NAMES if name not in names
    ]
    for resource in resources:
        rpath = resource.get("path")
        if not isinstance(rpath, str) or not rpath:
            problems.append(Problem(str(path), None, f"resources.{resource.get('name')}.path", "missing-path",
                                    "resource has no path", 'set "path" to the CSV file, e.g. "data/observations.csv"'))
        elif not (path.parent / rpath).is_file():
            problems.append(Problem(str(path), None, f"resources.{resource.get('name')}.path", "missing-file",
                                    f'points to "{rpath}", which does not exist', "create the file or correct the path"))
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
    problems = [Problem(where, 1, name, "missing-column", f'has no column "{name}"',
                        f'add the column "{name}" to the header (columns: {", ".join(expected)})')
                for name in expected if name not in header]
    for name in dict.fromkeys(header):
        count, field = header.count(name), name or None
        if count > 1:
            problems.append(Problem(where, 1, field, "duplicate-column", f'has the column "{name}" {count} times' if name
                                    else f"has {count} columns without a name", "keep one column of each name (a copied "
                                    "column, or commas at the end of the header row, are the usual cause)"))
        if name not in expected:
            problems.append(Problem(where, 1, field, "extra-column", f'has a column "{name}" that the schema does not '
                                    "define" if name else "has a column without a name",
                                    "remove the column, or add it to the schema in datapackage.json"))
    return problems


def _validate(folder: Path, descriptor: dict, name: str | None) -> list[Problem]:
    """The problems frictionless finds in one table (`name`) or in every table (None)."""
    try:
        report = Package(descriptor, basepath=str(folder)).validate(name=name)
    except frictionless.FrictionlessException as error:
        return [Problem(str(folder / DESCRIPTOR), None, None, error.error.type, error.error.message,
                        "fix the descriptor as the message says")]
    problems = [_from_descriptor_error(folder, error) for error in report.errors]
    for task in report.tasks:
        problems += [_from_frictionless(folder / task.place, error) for error in task.errors
                     if error.type not in ("missing-label", "extra-label", "incorrect-label")]
    return problems


def _from_descriptor_error(folder: Path, error) -> Problem:
    return Problem(str(folder / DESCRIPTOR), None, None, error.type, error.message,
                   "fix datapackage.json; compare it with a package that checks cleanly")


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
        kind = match.group(1) if match else "valid value"
        hint = {
            "number": "write digits only, e.g. 1234 (no commas, units, % or ~); for a suppressed cell leave it empty and put c in status",
            "integer": "write a whole number with digits only, e.g. 1234",
            "date": "write the date as YYYY-MM-DD, e.g. 2025-04-17",
        }.get(kind, f"write a valid {kind}")
        return Problem(where, row, field, code, f'"{cell}" is not a {kind}', hint)
    if code == "constraint-error":
        match = _CONSTRAINT.search(note)
        name, value = (match.group(1), match.group(2)) if match else ("", note)
        message, hint = {
            "required": ("is empty but required", "fill in this cell"),
            "enum": (f'"{cell}" is not an allowed value', f"use one of: {value.strip('[]')}"),
            "minimum": (f'"{cell}" is below the minimum {value}', "counts are 0 or more"),
            "pattern": (f'"{cell}" does not have the expected form', f"match the pattern {value}"),
            "maxLength": ("is too long", f"shorten it to at most {value} characters"),
            "unique": (f'"{cell}" appears in more than one row', "give each row its own value"),
        }.get(name, (f'"{cell}" breaks the constraint {name} {value}', "correct the value"))
        return Problem(where, row, field, code, message, hint)
    if code == "foreign-key":
        match = _FOREIGN.search(note)
        if match:
            field, value, resource, target = match.groups()
            return Problem(where, row, field, code, f'"{value}" is not an {target} in the {resource} resource',
                           f'add a row with {target} "{value}" to data/{resource}.csv, or correct the {field}')
    if code == "primary-key":
        first = _FIRST_ROW.search(note)
        keys = ", ".join(SCHEMAS.get(path.stem, {}).get("primaryKey", [])) or "primary key"
        earlier = first.group(1) if first else "?"
        return Problem(where, row, field, code, f"has the same {keys} as row {earlier}",
                       f"rows {earlier} and {row} describe the same figure: remove one, or change one of its key cells")
    return Problem(where, row, field, code, error.message, "correct the file at this place")
