"""Our checks beyond frictionless, one per module.

Each module has `check(dataset, config) -> Iterable[Problem]`, run on a
package whose files already passed frictionless, so it can trust the schema.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import changelog, consistency, disclosure, injection, personal_data, quoted, release, views

if TYPE_CHECKING:
    from ..catalog import Dataset
    from ...config import Config
    from ...problems import Problem

CHECKS = [changelog, consistency, disclosure, injection, personal_data, quoted, release, views]


def run_all(dataset: Dataset, config: Config) -> list[Problem]:
    return [problem for module in CHECKS for problem in module.check(dataset, config)]
