"""Every change since the last published release is recorded in the package's changelog (see sitegen/read/changes.py)."""

from __future__ import annotations

from .. import changes


def check(dataset, config):
    return changes.check(dataset)
