"""Derived figures, computed with pandas from published observations; never typed in.

Only comparable things are compared: a period with the period it declares in
`comparable_to` (a crackdown and its comparison window, a year and the year
before). Where the two differ in length, the change per day is computed beside
the change in totals; a change from a base below SMALL_BASE is marked as one
that small numbers swing. Shares are of a group's parent group in the same
period, and only of a parent a release published: never of a sum the build
made, never of a total the data flags as not adding up with its parts (those
are listed in `withheld`, with the reason, for the page to say). Daily rates
divide a count by the days of its period. Where a release quotes a derived
figure (quoted_figures), `derive` computes ours the same way so the two can
be checked against each other.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import pandas as pd

from ..read.catalog import Dataset
from ..read.standard import COUNT_UNITS

# A change from a base below this many is marked "small base": one more or fewer moves the percentage a lot.
SMALL_BASE = 10
# A flag that says the release's parts and total do not agree: no share is computed from such a row.
INCONSISTENT = "inconsistent_in_release"


@dataclass(frozen=True)
class Change:
    measure: str
    period_id: str
    base_period_id: str
    value: float
    base_value: float
    days: int | None = None  # length of the period, both ends included (None when its start is not recorded)
    base_days: int | None = None
    base_kind: str = ""  # the base period's kind (comparison, calendar_year, ...)
    adjacent_year: bool = False  # the base is 365/366 days ending the day before the period starts
    group: str = "total"

    @property
    def pct(self) -> float:
        return (self.value - self.base_value) / self.base_value * 100

    @property
    def unequal(self) -> bool:
        """The two periods differ in length (a leap day aside): a change in totals then mixes in the change in length."""
        return bool(self.days and self.base_days and abs(self.days - self.base_days) > 1)

    @property
    def per_day_pct(self) -> float | None:
        """The change of the count per day, for periods of unequal length (963 in 216 days vs 267 in 240: +300.8%)."""
        if not self.unequal:
            return None
        return (self.value / self.days - self.base_value / self.base_days) / (self.base_value / self.base_days) * 100

    @property
    def small_base(self) -> bool:
        return self.base_value < SMALL_BASE

    @property
    def year_on_year(self) -> bool:
        """The base is the year before the period (a calendar or twelve-month year, or 365/366 days ending the day
        before): labelled "year on year", not "vs the comparison window"."""
        return self.base_kind in ("calendar_year", "rolling_year") or bool(self.adjacent_year)


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

    @property
    def of_all(self) -> bool:
        """A share of the whole (the `total` group) rather than of a sub-group: the page labels the denominator."""
        return self.of_group == "total"


@dataclass(frozen=True)
class Withheld:
    """A share not computed, and why: `inconsistent` (the release's parts do not add up to its total)."""

    measure: str
    period_id: str
    group: str
    of_group: str
    reason: str


@dataclass(frozen=True)
class Rate:
    measure: str
    period_id: str
    value: float
    days: int

    @property
    def per_day(self) -> float:
        return self.value / self.days


@dataclass(frozen=True)
class Quoted:
    """A derived figure as a release quotes it, with ours computed from the data."""

    id: str
    kind: str
    period_id: str
    base_period_id: str
    measure: str
    groups: tuple[str, ...]
    of_group: str
    quoted: float
    decimals: int
    source_id: str
    ours: float | None
    inputs: str  # the numbers ours is computed from, e.g. "963 vs 267"

    @property
    def tolerance(self) -> float:
        """Half a unit of the release's last digit: 260 (to the ten) allows 255-265, 93.1 allows 93.05-93.15."""
        return 0.5 * 10**-self.decimals + 1e-9

    @property
    def matches(self) -> bool:
        return self.ours is not None and abs(self.ours - self.quoted) <= self.tolerance


@dataclass(frozen=True)
class Figures:
    changes: list[Change]
    shares: list[Share]
    rates: list[Rate] = field(default_factory=list)
    quoted: list[Quoted] = field(default_factory=list)
    reports: list = field(default_factory=list)  # conflicts.Report: other reports of published figures
    withheld: list[Withheld] = field(default_factory=list)

    def change(self, measure: str, period_id: str, group: str = "total") -> Change | None:
        return next((c for c in self.changes if (c.measure, c.period_id, c.group) == (measure, period_id, group)), None)

    def rate(self, measure: str, period_id: str) -> Rate | None:
        return next((r for r in self.rates if (r.measure, r.period_id) == (measure, period_id)), None)

    def share(self, measure: str, period_id: str, group: str, of_group: str | None = None) -> Share | None:
        """The share of group in its parent group, or in of_group (an ancestor: aged 10-13 of all, not of teens)."""
        return next(
            (
                s
                for s in self.shares
                if (s.measure, s.period_id, s.group) == (measure, period_id, group)
                and (of_group is None or s.of_group == of_group)
            ),
            None,
        )


def published(dataset: Dataset) -> pd.DataFrame:
    """Published, exact, non-suppressed figures: the only ones arithmetic may use."""
    obs = dataset.observations
    usable = (obs["role"] == "published") & (obs["qualifier"] == "exact") & obs["value"].notna()
    return obs[usable]


def compute_figures(dataset: Dataset) -> Figures:
    from .conflicts import other_reports

    shares, withheld = _shares(dataset)
    return Figures(
        changes=_changes(dataset),
        shares=shares,
        rates=_rates(dataset),
        quoted=quoted_figures(dataset),
        reports=other_reports(dataset),
        withheld=withheld,
    )


def days(dataset: Dataset, period_id: str) -> int | None:
    """Days in a period, both ends included; None when its start is not recorded."""
    return period_days(dataset).get(period_id)


def period_days(dataset: Dataset) -> dict[str, int | None]:
    """Days of every period, both ends included (None when its start is not recorded), computed once per table."""
    periods = dataset.periods
    return {
        pid: (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days + 1 if start else None
        for pid, start, end in zip(periods["id"], periods["start"], periods["end"])
    }


def _rates(dataset: Dataset) -> list[Rate]:
    units = dict(zip(dataset.measures["id"], dataset.measures["unit"]))
    rows = published(dataset)
    rows = rows[(rows["group"] == "total") & rows["measure"].map(units).isin(COUNT_UNITS)]
    lengths = period_days(dataset)
    rates = []
    for period_id, measure, value in sorted(zip(rows["period_id"], rows["measure"], rows["value"])):
        length = lengths.get(period_id)
        if length:
            rates.append(Rate(measure, period_id, float(value), length))
    return rates


def quoted_figures(dataset: Dataset) -> list[Quoted]:
    table = dataset.tables.get("quoted_figures")
    if table is None:
        return []
    lookup = _Lookup(dataset)
    return [derive(dataset, row, lookup) for row in table.to_dict("records")]


class _Lookup:
    """What `derive` looks figures up in, built once per package rather than once per quoted figure."""

    def __init__(self, dataset: Dataset):
        rows = published(dataset)
        keys = zip(rows["period_id"].tolist(), rows["measure"].tolist(), rows["group"].tolist())
        self.values: dict[tuple, float] = {}
        for key, number in zip(keys, rows["value"].tolist()):
            self.values.setdefault(key, float(number))
        self.parents = dict(zip(dataset.groups["id"], dataset.groups["parent"]))
        self.days = period_days(dataset)


def derive(dataset: Dataset, row, lookup: _Lookup | None = None) -> Quoted:
    """Ours for one quoted_figures row; ours is None when an input is missing or not exact."""
    lookup = lookup or _Lookup(dataset)
    groups = tuple(str(row["group"]).split("+"))
    of_group = str(row["of_group"]) or lookup.parents.get(groups[0], "")

    def value(period_id: str, group: str) -> float | None:
        return lookup.values.get((period_id, row["measure"], group))

    ours, inputs = None, ""
    parts = [value(row["period_id"], g) for g in groups]
    if None not in parts:
        total = sum(parts)
        number = "+".join(f"{p:g}" for p in parts)
        if row["kind"] in ("change", "difference"):
            base = value(row["base_period_id"], groups[0]) if row["base_period_id"] else None
            if base:
                ours = total - base if row["kind"] == "difference" else (total - base) / base * 100
                inputs = f"{number} vs {base:g}"
        elif row["kind"] == "share":
            whole = value(row["period_id"], of_group) if of_group else None
            if whole:
                ours, inputs = total / whole * 100, f"{number} of {whole:g}"
        elif row["kind"] == "daily_rate":
            length = lookup.days.get(row["period_id"])
            if length:
                ours, inputs = total / length, f"{number} in {length} days"
    return Quoted(
        str(row["id"]),
        str(row["kind"]),
        str(row["period_id"]),
        str(row["base_period_id"]),
        str(row["measure"]),
        groups,
        of_group,
        float(row["value"]),
        int(row["decimals"]),
        str(row["source_id"]),
        None if ours is None or math.isnan(ours) else ours,
        inputs,
    )


def _changes(dataset: Dataset) -> list[Change]:
    """The change of every exact figure from its period's comparable_to period, per measure and group."""
    values = published(dataset).set_index(["period_id", "measure", "group"])["value"]
    pairs = dataset.periods[dataset.periods["comparable_to"] != ""]
    lengths = period_days(dataset)
    kinds = dict(zip(dataset.periods["id"], dataset.periods["kind"]))
    starts = dict(zip(dataset.periods["id"], dataset.periods["start"]))
    ends = dict(zip(dataset.periods["id"], dataset.periods["end"]))
    changes = []
    for period_id, base_id in zip(pairs["id"], pairs["comparable_to"]):
        adjacent = (
            bool(starts[period_id])
            and lengths.get(base_id) in (365, 366)
            and (
                dt.date.fromisoformat(ends[base_id]) + dt.timedelta(days=1) == dt.date.fromisoformat(starts[period_id])
            )
        )
        for measure in sorted(dataset.measures["id"]):
            for group in ["total", *sorted(set(dataset.groups["id"]) - {"total"})]:
                if (period_id, measure, group) in values.index and (base_id, measure, group) in values.index:
                    base = float(values[(base_id, measure, group)])
                    if base > 0:
                        changes.append(
                            Change(
                                measure,
                                period_id,
                                base_id,
                                float(values[(period_id, measure, group)]),
                                base,
                                lengths.get(period_id),
                                lengths.get(base_id),
                                kinds.get(base_id, ""),
                                adjacent,
                                group,
                            )
                        )
    return changes


def inconsistent_keys(dataset: Dataset) -> set[tuple[str, str, str]]:
    """(period, measure, group) of published rows flagged as not adding up in the release itself."""
    rows = published(dataset)
    rows = rows[rows["flag"] == INCONSISTENT]
    return set(zip(rows["period_id"], rows["measure"], rows["group"]))


def _shares(dataset: Dataset) -> tuple[list[Share], list[Withheld]]:
    """Shares of a published parent, then of each published ancestor above it (aged 10-13 of all, beside aged 10-13 of
    teens); none where the part or the whole is flagged inconsistent (withheld instead)."""
    units = dict(zip(dataset.measures["id"], dataset.measures["unit"]))
    parents = dict(zip(dataset.groups["id"], dataset.groups["parent"]))
    rows = published(dataset)
    rows = rows[rows["measure"].map(units).isin(COUNT_UNITS)]
    values = rows.set_index(["period_id", "measure", "group"])["value"]
    flagged = inconsistent_keys(dataset)
    shares, withheld, wider = [], [], []
    for (period_id, measure, group), value in values.sort_index().items():
        parent, first = parents.get(group, ""), True
        while parent:
            if (period_id, measure, parent) in values.index:
                if {(period_id, measure, group), (period_id, measure, parent)} & flagged:
                    if first:
                        withheld.append(Withheld(measure, period_id, group, parent, "inconsistent"))
                else:
                    total = float(values[(period_id, measure, parent)])
                    if total > 0:
                        (shares if first else wider).append(
                            Share(measure, period_id, group, parent, float(value), total)
                        )
            if first and (period_id, measure, parent) not in values.index:
                break  # no share of a grandparent where the parent itself is not published
            parent, first = parents.get(parent, ""), False
    return shares + wider, withheld
