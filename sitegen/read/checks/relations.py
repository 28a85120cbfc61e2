"""Impossible numbers: a part above its whole, a subset above its set, parts that do not add up to their whole.

Three relations, declared once in each package, are compared on the published rows (role published, with a value:
a suppressed cell is absent), one period at a time:

- a group within its parent group (groups.csv `parent`): for the same measure, a count of a group may not exceed
  its parent group's (880 aged 10-13 cannot be more than 702 teens). Only the direct parent is compared; where it
  has no figure, nothing is.
- a measure within another (measures.csv `at_most`, another measure's id): for the same group, its value may not
  exceed the other's (persons detained are some of the persons apprehended).
- parts that make up their whole (groups.csv `parts_sum` = yes on the parent): when the parent and every one of
  its child groups have an exact figure for a period and measure, the children add up to the parent, unless one of
  those figures is flagged inconsistent_in_release (the release's own numbers do not add up; the pages say so and
  compute no share from them). A part that is absent, suppressed or not exact means no sum is compared.

The group relations hold for counts (sitegen.read.standard.COUNT_UNITS), not for percentages. A bound is compared
only where the result is certain whatever the true figure: a part that is exactly or at least N is refused above a
whole that is exactly M < N, or fewer than M <= N. An approximate figure, a part "fewer than N" and a whole "at
least M" can never be shown too big, so they are skipped.

Because the check refuses such data, the shares the build derives (sitegen.derive.figures: a count of a group over
its parent's) are never above 100%.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ...problems import Code, Problem
from ..standard import COUNT_UNITS

INCONSISTENT = "inconsistent_in_release"  # the release's parts and total do not agree (as in sitegen.derive.figures)

PART_ABOVE_PARENT = Code(
    "part-above-parent",
    "Group above its parent group",
    "{value} in group {group} is more than the {whole} of its parent group {parent} in {period} / {measure}",
    "correct the value against the release; a part cannot exceed its whole",
    "값을 발표 원문과 대조해 고칩니다. 부분은 전체보다 클 수 없습니다",
    dict(
        file="data/observations.csv",
        row=5,
        field="value",
        value="880",
        group="age_10_13",
        whole="702",
        parent="age_10_19",
        period="crackdown-2024-08-28",
        measure="arrested",
    ),
)
MEASURE_ABOVE_AT_MOST = Code(
    "measure-above-at-most",
    "Measure above the one it is part of",
    "{value} {measure} is more than the {whole} {other} in {period} / {group}, but {measure} is at most {other} "
    "(measures.csv)",
    "correct the value against the release; {measure} counts some of {other}, never more",
    "값을 발표 원문과 대조해 고칩니다. {measure}는 {other}의 일부이므로 그보다 클 수 없습니다",
    dict(
        file="data/observations.csv",
        row=10,
        field="value",
        value="7100",
        measure="detained",
        whole="1104",
        other="arrested",
        period="crackdown-2024-08-28",
        group="total",
    ),
)
PARTS_NOT_SUM = Code(
    "parts-not-sum",
    "Parts do not add up to their whole",
    "the parts of {group} ({parts}) add up to {total}, not its {value}, in {period} / {measure}",
    "correct the figure that differs from the release; if the release's own numbers do not add up, set flag to "
    "inconsistent_in_release on the rows and say why in note_en and note_ko",
    "발표 원문과 다른 수치를 고칩니다. 발표 자체의 수치가 맞지 않으면 해당 행의 flag에 inconsistent_in_release를 적고 "
    "이유를 note_en과 note_ko에 씁니다",
    dict(
        file="data/observations.csv",
        row=2,
        field="value",
        group="total",
        parts="age_10_19, age_20_29, age_30_39, age_40_49, age_50_plus",
        total="891",
        value="963",
        period="crackdown-2024-08-28",
        measure="arrested",
    ),
)

BOUNDS = {"at_least": "at least ", "fewer_than": "fewer than ", "approximately": "about "}


class Figure(NamedTuple):
    row: int  # in observations.csv, the header being row 1
    value: float
    qualifier: str
    flag: str

    def __str__(self) -> str:
        return BOUNDS.get(self.qualifier, "") + _number(self.value)


def check(dataset, config) -> Iterator[Problem]:
    path = str(dataset.folder / "data" / "observations.csv")
    figures = _published(dataset)
    counts = set(dataset.measures.loc[dataset.measures["unit"].isin(COUNT_UNITS), "id"])
    groups = dataset.groups
    parents = {g: p for g, p in zip(groups["id"], _column(groups, "parent")) if p}
    at_most = {m: o for m, o in zip(dataset.measures["id"], _column(dataset.measures, "at_most")) if o}
    for (period, measure, group), part in figures.items():
        whole = figures.get((period, measure, parents.get(group)))
        if measure in counts and whole and _certainly_more(part, whole):
            yield PART_ABOVE_PARENT.at(
                path,
                part.row,
                "value",
                value=part,
                group=group,
                whole=whole,
                parent=parents[group],
                period=period,
                measure=measure,
            )
        whole = figures.get((period, at_most.get(measure), group))
        if whole and _certainly_more(part, whole):
            yield MEASURE_ABOVE_AT_MOST.at(
                path,
                part.row,
                "value",
                value=part,
                measure=measure,
                whole=whole,
                other=at_most[measure],
                period=period,
                group=group,
            )
    yield from _sums(dataset, figures, counts, path)


def _sums(dataset, figures: dict, counts: set, path: str) -> Iterator[Problem]:
    groups = dataset.groups
    declared = set(groups.loc[_column(groups, "parts_sum") == "yes", "id"])
    for (period, measure, group), whole in figures.items():
        if group not in declared or measure not in counts:
            continue
        children = list(groups.loc[_column(groups, "parent") == group, "id"])
        parts = [figures.get((period, measure, child)) for child in children]
        if not children or None in parts:
            continue  # a part is absent (or suppressed): nothing to add up
        involved = [whole, *parts]
        if any(f.qualifier != "exact" for f in involved) or any(f.flag == INCONSISTENT for f in involved):
            continue
        total = sum(part.value for part in parts)
        if total != whole.value:
            yield PARTS_NOT_SUM.at(
                path,
                whole.row,
                "value",
                group=group,
                parts=", ".join(children),
                total=_number(total),
                value=_number(whole.value),
                period=period,
                measure=measure,
            )


def _published(dataset) -> dict[tuple[str, str, str], Figure]:
    """(period, measure, group) -> the published figure, for rows with a value (the first of a repeated one: a
    second published row is reported by the consistency check)."""
    obs = dataset.observations
    rows = obs[(obs["role"] == "published") & obs["value"].notna()]
    found: dict[tuple[str, str, str], Figure] = {}
    columns = ("period_id", "measure", "group", "value", "qualifier", "flag")
    for index, period, measure, group, value, qualifier, flag in zip(rows.index, *(rows[c] for c in columns)):
        found.setdefault((period, measure, group), Figure(int(index) + 2, float(value), qualifier, flag))
    return found


def _column(table, name: str):
    """A column of the table, empty where the package does not have it (the relations are optional)."""
    return table[name] if name in table else table["id"].map(lambda _: "")


def _certainly_more(part: Figure, whole: Figure) -> bool:
    """Whether the part is more than the whole whatever the true figures behind the bounds."""
    if part.qualifier not in ("exact", "at_least"):
        return False  # fewer than N, or about N, may be as small as you like
    if whole.qualifier == "exact":
        return part.value > whole.value
    if whole.qualifier == "fewer_than":
        return part.value >= whole.value
    return False  # at least M, or about M, may be as large as you like


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))
