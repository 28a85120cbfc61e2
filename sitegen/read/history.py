"""Each published figure's value in every published version of its package, with the changelog's reason where it
changed: what a figure's permalink shows under "history".

A version's figures come from its record (releases/<version>.csv, sitegen.read.records), the current version's
from the package itself. A version with no record is left out of the history rather than guessed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from .catalog import Dataset, read_table
from .changes import changelog_entries
from .records import RELEASES


@dataclass(frozen=True)
class Step:
    version: str
    date: str
    value: float | None  # None: suppressed or empty in that version
    qualifier: str
    status: str
    kind: str  # first (the figure appears), changed, same
    reason: dict[str, str]  # the changelog entry's reason where the figure appeared or changed, else empty


def history(dataset: Dataset) -> dict[tuple[str, str, str], list[Step]]:
    """(period, measure, group) -> the figure in each published version, oldest first."""
    steps: dict[tuple[str, str, str], list[Step]] = {}
    before: dict[tuple[str, str, str], tuple] = {}
    for entry in reversed(changelog_entries(dataset)):
        frame = _observations(dataset, entry.version)
        if frame is None:
            continue
        now = _published(frame)
        for key, cell in now.items():
            kind = "first" if key not in before else "same" if before[key] == cell else "changed"
            steps.setdefault(key, []).append(
                Step(entry.version, entry.date, *cell, kind, {} if kind == "same" else dict(entry.reason))
            )
        before = now
    return steps


def _observations(dataset: Dataset, version: str) -> pd.DataFrame | None:
    if version == dataset.version:
        return dataset.observations
    path = dataset.folder / RELEASES / f"{version}.csv"
    return read_table(path) if path.is_file() else None


def _published(frame: pd.DataFrame) -> dict[tuple[str, str, str], tuple]:
    rows = frame[frame["role"] == "published"] if "role" in frame else frame
    return {
        (r["period_id"], r["measure"], r["group"]): (_number(r["value"]), r.get("qualifier", ""), r.get("status", ""))
        for r in rows.to_dict("records")
    }


def _number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number
