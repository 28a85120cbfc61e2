"""Validate data packages: descriptor, headers, frictionless, then our checks.

Data problems are returned as Problems (never raised) so that `check` can list
every one of them at once. Each Problem says where (file:row:field), what is
wrong and what to do. The order: the package folder's files (checks/files.py),
its descriptor and headers (checks/structure.py; JSON parsed by checks/parsing.py),
the numeric cells (no infinity or NaN: checks/numbers.py), frictionless on the tables
(its findings in our words: checks/frictionless_errors.py), then our checks on a
package that frictionless passed (checks/, CHECKS). After every package: no two
packages share a name, removed-charts.yml reads safely, and the hand-written pages
hold no typed number (checks/prose.py) and no invisible character (checks/invisible.py).

One run lists every problem: on a package that frictionless rejects, our checks that can still judge it run on
the rows it read (_on_parsed_rows), so the maintainer does not fix two problems only to be shown twelve more. Such
a package is still never passed on to the build.
"""

from __future__ import annotations

import copy
import csv
import functools
import os
from pathlib import Path

import frictionless
import pandas as pd
from frictionless import Package

from ..config import Config
from ..problems import Code, Problem, in_order
from ..util import parallel
from ..util.cache import per_package
from . import checks
from .catalog import DESCRIPTOR, Dataset, find_packages, load_dataset
from .checks import (
    changelog,
    consistency,
    cumulative,
    disclosure,
    files,
    injection,
    invisible,
    numbers,
    personal_data,
    relations,
    release,
    sources,
)
from .checks.chart_addresses import check_removed_file
from .checks.citations import check_citations
from .checks.frictionless_errors import (
    BROKEN,
    CONSTRAINT_ERROR,
    PACKAGE_ERROR,
    SPLIT_BY_COMMA,
    from_descriptor_error,
    from_task,
    id_lookup,
    mend,
)
from .checks.prose import check_prose
from .checks.structure import DUPLICATE_COLUMN, check_header, check_names, check_structure, read_descriptor
from .records import RELEASES
from .standard import RESOURCE_NAMES

NO_PACKAGES = Code(
    "no-packages",
    "No data package",
    "no data package found",
    "add a folder with a datapackage.json (see the maintainer's guide), or pass the right --datasets",
    "datapackage.json이 있는 폴더를 추가하거나(관리자 안내서 참고) --datasets를 바르게 지정합니다",
    dict(file="datasets"),
)


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
    problems.extend(check_names(folders))  # each package publishes to data/<its name>/
    problems.extend(check_removed_file(datasets_dir))
    problems.extend(check_prose(config.site_src))  # the hand-written pages cite figures, never type them
    problems.extend(check_citations(config.site_src, datasets, folders))  # ...and cite ids that exist
    problems.extend(invisible.check_pages(config.site_src))
    return in_order(problems), datasets


def _check_one(folder: Path, config: Config) -> tuple[list[Problem], Dataset | None]:
    """Every problem of one package folder, and the package if it has none.

    Our checks run on a package that frictionless passes; on one it rejects, those that can still judge it run on
    the rows it read (_on_parsed_rows). A big package on several cores is validated one table per worker while
    another worker runs our checks at the same time; their result counts only if frictionless finds nothing, so the
    problems are the same as one after the other."""
    descriptor, found = _before_frictionless(folder)
    if descriptor is None:
        return found, None
    sizes = {resource["name"]: (folder / resource["path"]).stat().st_size for resource in descriptor["resources"]}
    if sum(sizes.values()) < SPLIT_BYTES or parallel.jobs() < 2:
        found += _validate(folder, descriptor, None)
        return (
            (found + _on_parsed_rows(folder, descriptor, found, config), None) if found else _our_checks(folder, config)
        )
    sizes[OURS] = sum(sizes.values())  # the longest piece: started first
    *tables, ours = parallel.run(
        lambda piece: _our_checks_or_error(folder, config) if piece is OURS else _validate(folder, descriptor, piece),
        list(sizes),
        sizes.get,
    )
    # An error of the descriptor itself is found once per table: list it once.
    found += list(dict.fromkeys(problem for problems in tables for problem in problems))
    if found:
        return found + _on_parsed_rows(folder, descriptor, found, config), None
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
    descriptor, problems = read_descriptor(descriptor_path)
    if descriptor is None:
        return None, problems
    problems += files.check_paths(folder, descriptor)
    if problems:
        return None, problems
    problems += check_structure(descriptor, descriptor_path)
    if problems:
        return None, problems
    problems += files.check_contents(folder, descriptor)
    if problems:
        return None, problems
    for resource in descriptor["resources"]:
        problems += check_header(folder, resource) + numbers.check_table(folder, resource)
    if any(problem.code in (DUPLICATE_COLUMN.code, numbers.NOT_FINITE.code) for problem in problems):
        # frictionless cannot read a table (or look up in it) with a repeated column; it lets an infinity through,
        # reads NaN as below the minimum and crashes on sNaN
        return None, problems
    descriptor = copy.deepcopy(descriptor)
    for resource in descriptor["resources"]:
        # Match columns by name: a missing or extra column is reported once by check_header, not on every row.
        resource.get("schema", {})["fieldsMatch"] = "subset"
    return descriptor, problems


def _validate(folder: Path, descriptor: dict, name: str | None) -> list[Problem]:
    """The problems frictionless finds in one table (`name`) or in every table (None)."""
    try:
        report = Package(descriptor, basepath=str(folder)).validate(name=name, limit_errors=0)  # 0: every error
    except frictionless.FrictionlessException as error:
        return [PACKAGE_ERROR.at(folder / DESCRIPTOR, message=error.error.message)]
    problems = [from_descriptor_error(folder, error) for error in report.errors]
    ids = id_lookup(folder, descriptor)
    for task in report.tasks:
        errors = [e for e in task.errors if e.type not in ("missing-label", "extra-label", "incorrect-label")]
        problems += from_task(
            folder / task.place, errors, list(task.labels or []), _numeric(descriptor, task.name), ids
        )
    return problems


def _numeric(descriptor: dict, name: str) -> set[str]:
    """The number and integer columns of a resource."""
    resource = next((r for r in descriptor["resources"] if r.get("name") == name), {})
    return {f.get("name") for f in resource.get("schema", {}).get("fields", []) if f.get("type") in NUMERIC}


NUMERIC = ("number", "integer")

# -- our checks on a package frictionless rejected

# The checks that judge a cell or a row at a time: they run on every package whose tables can be read.
READ_ALONE = (changelog, injection, invisible, personal_data, release, sources)
# The checks that read rows of several tables together (a figure with its measure's unit, its group's parent, its
# period's dates): they run when the tables the figures refer to are read right, i.e. when frictionless found
# nothing outside observations and quoted_figures but empty texts (TEXTS) and a source's details (its address,
# date, quote). The quoted figures and the charts (quoted, views) need every figure, so they wait until frictionless
# passes the package.
ACROSS = (consistency, cumulative, disclosure, relations)
FIGURES = {"observations", "quoted_figures"}
TEXTS = {"publisher", "language", "name_ko", "name_en", "definition_ko", "definition_en"}  # read by no other row


def _on_parsed_rows(folder: Path, descriptor: dict, found: list[Problem], config: Config) -> list[Problem]:
    """The problems our checks find on a package frictionless (or our header checks) rejected, without a cascade of
    the problems already found: they read every row as it is, but the observation rows with a problem are left
    out (a figure is read whole or not at all), and their problems on a row or cell already reported are dropped;
    while observation rows are left out, a figure may look removed since the last release only because its row was
    left out, so what they say about the last release's rows waits too. A problem with the descriptor, a header or a
    whole table means no table can be trusted: then none run. A row split by a thousands comma is read mended, as
    its writer meant it (so the rows beside it are judged right), and its one problem is the comma."""
    tables = {_place(folder / r["path"]): r["name"] for r in descriptor["resources"] if r.get("name") in RESOURCE_NAMES}
    if any(_place(p.file) not in tables or p.row is None or p.row < 2 for p in found):
        return []
    left_out = {  # a row split by a thousands comma is read mended, as it was meant
        p.row for p in found if tables[_place(p.file)] == "observations" and p.code != SPLIT_BY_COMMA.code
    }
    across = all(tables[_place(p.file)] in FIGURES or _empty_text(p) or _source_detail(p, tables) for p in found)
    try:
        dataset = _read_rows(folder, descriptor, left_out)
    except (OSError, UnicodeError, csv.Error, ValueError):
        return []
    ours = []
    for module in READ_ALONE + (ACROSS if across else ()):
        try:
            ours += list(module.check(dataset, config))
        except Exception:  # noqa: BLE001 - rows frictionless rejected may break what a check assumes: the problems
            continue  # already found stand, and what this check would add comes once they are fixed
    rows = {(_place(p.file), p.row) for p in found if not _empty_text(p)}
    cells = {(_place(p.file), p.row, p.field) for p in found}
    releases = _place(folder / RELEASES)
    return [
        p
        for p in ours
        if (_place(p.file), p.row) not in rows
        and (_place(p.file), p.row, p.field) not in cells
        and not (left_out and os.path.dirname(_place(p.file)) == releases)
    ]


def _place(file) -> str:
    return os.path.normpath(str(file))


def _empty_text(problem: Problem) -> bool:
    """A text shown beside the figures left empty (a new source's publisher, say): the rest of its row reads right."""
    return problem.code == CONSTRAINT_ERROR.code and problem.message == BROKEN["required"][0] and problem.field in TEXTS


def _source_detail(problem: Problem, tables: dict[str, str]) -> bool:
    """A problem with a source's details (its address, date, quote): the figures are compared by its id alone."""
    return tables[_place(problem.file)] == "sources" and problem.field not in (None, "id")


def _read_rows(folder: Path, descriptor: dict, left_out: set[int]) -> Dataset:
    """The package as its rows read, whatever frictionless thinks of them: every cell a string, a number split by a
    thousands comma joined again, a row too long or too short cut or padded to the header (an empty line is a row
    of empty cells, numbered as frictionless numbers it); observations.value a number where it reads as one, and the
    observation rows in left_out (file row numbers) left out. The descriptor is the package's own (frictionless was
    given one that matches columns by name)."""
    descriptor = copy.deepcopy(descriptor)
    for resource in descriptor["resources"]:
        resource.get("schema", {}).pop("fieldsMatch", None)
    paths = {r["name"]: r["path"] for r in descriptor["resources"]}
    tables = {}
    for name in RESOURCE_NAMES:
        with open(folder / paths[name], encoding="utf-8-sig", newline="") as handle:
            header, *records = csv.reader(handle)
        numeric = _numeric(descriptor, name)
        rows = []
        for cells in records:
            mended = mend(cells, header, numeric)
            cells = mended[2] if mended else cells
            rows.append((cells + [""] * len(header))[: len(header)])
        tables[name] = pd.DataFrame(rows, columns=header, dtype=str)
    obs = tables["observations"]
    obs = obs.drop(index=[row - 2 for row in left_out if row - 2 in obs.index])
    obs["value"] = pd.to_numeric(obs["value"].replace("", None), errors="coerce").astype("Float64")
    tables["observations"] = obs
    name = descriptor.get("name", folder.name)
    return Dataset(
        name=name if isinstance(name, str) else folder.name, folder=folder, descriptor=descriptor, tables=tables
    )
