"""Our checks beyond frictionless, one per module, in two passes.

Each module in CHECKS has `check(dataset, config) -> Iterable[Problem]`, run on a package whose files already
passed frictionless, so it can trust the schema (on a package frictionless rejects, sitegen.read.validation runs
those that can still judge it on the rows it read: READ_ALONE, ACROSS). `check_derived` is the pass after the
figures: it judges what was derived from the packages (the quoted figures against ours, the chart addresses), given
as plain objects.
"""

from __future__ import annotations

from pathlib import Path

from ...problems import Problem
from . import (
    changelog,
    chart_addresses,
    consistency,
    cumulative,
    disclosure,
    injection,
    invisible,
    personal_data,
    quoted,
    relations,
    release,
    sources,
    stated_numbers,
    views,
)

CHECKS = [
    changelog,
    consistency,
    cumulative,
    disclosure,
    injection,
    invisible,
    personal_data,
    quoted,
    relations,
    release,
    sources,
    stated_numbers,
    views,
]


def run_all(dataset, config) -> list[Problem]:
    return [problem for module in CHECKS for problem in module.check(dataset, config)]


def check_derived(publications, datasets_dir: Path, every_package: bool = True) -> list[Problem]:
    """Problems found in what the build derived: each publication has a dataset, its figures and its charts.
    The chart addresses are checked only when every package is there (a package with problems has no charts)."""
    problems = [problem for p in publications for problem in quoted.check_figures(p.dataset, p.figures)]
    if every_package:
        problems += chart_addresses.check({chart.id for p in publications for chart in p.charts}, datasets_dir)
    return problems
