"""Other reports of a published figure: do they corroborate it or conflict with it?

The answer is computed from the values and their qualifiers, never typed in.
Each report stands for a range of values: exact 963 is [963, 963], at_least
10,000 ("more than 10,000") is [10,000, inf), fewer_than 1,000 ("hundreds")
is [0, 1,000) and approximately 1,100 is 1,100 +/- 10%. Two reports agree when
their ranges overlap, so 10,535 and "more than 10,000" corroborate each other,
while 146 and 178 conflict. A report flagged different_definition counts
something else ("hundreds of case files" beside "more than 1,000 pieces of
information"): it neither corroborates nor conflicts, whatever its value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..read.catalog import Dataset

APPROXIMATELY = 0.10  # "about N" covers N +/- 10%
DIFFERENT_DEFINITION = "different_definition"


@dataclass(frozen=True)
class Report:
    """An alternative row next to the published figure it reports on."""

    period_id: str
    measure: str
    group: str
    value: float
    qualifier: str
    source_id: str
    flag: str
    published_value: float
    published_qualifier: str
    note_en: str = ""
    note_ko: str = ""

    @property
    def defined_differently(self) -> bool:
        return self.flag == DIFFERENT_DEFINITION

    @property
    def agrees(self) -> bool:
        return not self.defined_differently and consistent(
            (self.value, self.qualifier), (self.published_value, self.published_qualifier)
        )

    @property
    def kind(self) -> str:
        """agrees, conflict or different (a differently defined report: not compared)."""
        return "different" if self.defined_differently else "agrees" if self.agrees else "conflict"


def value_range(value: float, qualifier: str) -> tuple[float, float, bool]:
    """(low, high, high end excluded)."""
    if qualifier == "at_least":
        return value, math.inf, False
    if qualifier == "fewer_than":
        return 0.0, value, True
    if qualifier == "approximately":
        return value * (1 - APPROXIMATELY), value * (1 + APPROXIMATELY), False
    return value, value, False


def consistent(a: tuple[float, str], b: tuple[float, str]) -> bool:
    (low_a, high_a, open_a), (low_b, high_b, open_b) = value_range(*a), value_range(*b)
    low = max(low_a, low_b)
    high, open_end = min((high_a, open_a), (high_b, open_b))
    if high_a == high_b:
        open_end = open_a or open_b
    return low < high or (low == high and not open_end)


def other_reports(dataset: Dataset) -> list[Report]:
    obs = dataset.observations
    key = ["period_id", "measure", "group"]
    published = obs[(obs["role"] == "published") & obs["value"].notna()].set_index(key)
    reports = []
    for _, row in obs[(obs["role"] == "alternative") & obs["value"].notna()].iterrows():
        where = (row["period_id"], row["measure"], row["group"])
        if where not in published.index:
            continue
        used = published.loc[where]
        reports.append(
            Report(
                *where,
                float(row["value"]),
                row["qualifier"],
                row["source_id"],
                row["flag"],
                float(used["value"]),
                used["qualifier"],
                row.get("note_en", ""),
                row.get("note_ko", ""),
            )
        )
    return sorted(reports, key=lambda r: (r.period_id, r.measure, r.group, r.source_id))


def for_figure(reports: list[Report], period_id: str, measure: str, group: str) -> list[Report]:
    return [r for r in reports if (r.period_id, r.measure, r.group) == (period_id, measure, group)]
