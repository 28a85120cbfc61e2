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
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path

import frictionless
from frictionless import Package

from ..config import Config
from ..problems import Code, Problem, in_order
from ..util import parallel
from ..util.cache import per_package
from . import checks
from .catalog import DESCRIPTOR, Dataset, find_packages, load_dataset
from .checks import files, invisible, numbers
from .checks.chart_addresses import check_removed_file
from .checks.frictionless_errors import PACKAGE_ERROR, from_descriptor_error, from_frictionless
from .checks.prose import check_prose
from .checks.structure import DUPLICATE_COLUMN, check_header, check_names, check_structure, read_descriptor

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
    problems.extend(invisible.check_pages(config.site_src))
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
    for task in report.tasks:
        problems += [
            from_frictionless(folder / task.place, error)
            for error in task.errors
            if error.type not in ("missing-label", "extra-label", "incorrect-label")
        ]
    return problems
