"""Derived figures, computed with pandas from published observations; never typed in.

Only comparable things are compared: a period with the period it declares in
`comparable_to`. Shares are of a group's parent group in the same period.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .catalog import Dataset


@dataclass(frozen=True)
class Change:
    measure: str
    period_id: str
    base_period_id: str
    value: float
    base_value: float

    @property
    def pct(self) -> float:
        return (self.value - self.base_value) / self.base_value * 100


@dataclass(frozen=True)
class Share:
    measure: str
    period_id: str
    group: str
    of_group: str
    value: float
    total: float

    @property
    def pct(self) -> float:
        return self.value / self.total * 100


@dataclass(frozen=True)
class Figures:
    changes: list[Change]
    shares: list[Share]

    def change(self, measure: str, period_id: str) -> Change | None:
        return next((c for c in self.changes if c.measure == measure and c.period_id == period_id), None)

    def share(self, measure: str, period_id: str, group: str) -> Share | None:
        return next((s for s in self.shares if (s.measure, s.period_id, s.group) == (measure, period_id, group)), None)


def published(dataset: Dataset) -> pd.DataFrame:
    """Published, exact, non-suppressed figures: the only ones arithmetic may use."""
    obs = dataset.observations
    usable = (obs["role"] == "published") & (obs["qualifier"] == "exact") & obs["value"].notna()
    return obs[usable]


def compute_figures(dataset: Dataset) -> Figures:
    return Figures(changes=_changes(dataset), shares=_shares(dataset))


def _changes(dataset: Dataset) -> list[Change]:
    totals = published(dataset)
    totals = totals[totals["group"] == "total"].set_index(["period_id", "measure"])["value"]
    pairs = dataset.periods[dataset.periods["comparable_to"] != ""]
    changes = []
    for period_id, base_id in zip(pairs["id"], pairs["comparable_to"]):
        for measure in sorted(dataset.measures["id"]):
            if (period_id, measure) in totals.index and (base_id, measure) in totals.index:
                base = float(totals[(base_id, measure)])
                if base > 0:
                    changes.append(Change(measure, period_id, base_id, float(totals[(period_id, measure)]), base))
    return changes


def _shares(dataset: Dataset) -> list[Share]:
    units = dict(zip(dataset.measures["id"], dataset.measures["unit"]))
    parents = dict(zip(dataset.groups["id"], dataset.groups["parent"]))
    rows = published(dataset)
    rows = rows[rows["measure"].map(units).isin(["persons", "cases", "items", "victims", "reports", "services"])]
    values = rows.set_index(["period_id", "measure", "group"])["value"]
    shares = []
    for (period_id, measure, group), value in values.sort_index().items():
        parent = parents.get(group, "")
        if parent and (period_id, measure, parent) in values.index:
            total = float(values[(period_id, measure, parent)])
            if total > 0:
                shares.append(Share(measure, period_id, group, parent, float(value), total))
    return shares
