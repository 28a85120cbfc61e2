"""A running total never falls: a cumulative figure below an earlier one of the same series is flagged, with why.

A series is the published counts (sitegen.read.standard.COUNT_UNITS) of one measure and group over snapshot
periods counted from the same start (cumulative "as of" counts; a daily average over them may fall). A later snapshot with a smaller value than an earlier one is impossible as a count
of the same thing: the releases must have counted differently, or one figure is wrong. Such a figure passes only
flagged lower_confidence or different_definition, with the reason in note_en and note_ko, so that every page,
chart and download shows it beside the figure. A flagged figure does not set the level the later ones are
compared with.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...problems import Code, Problem
from ..standard import COUNT_UNITS

EXPLAINED = {"lower_confidence", "different_definition"}

FALLING_TOTAL = Code(
    "falling-running-total",
    "Running total falls without a flag",
    "{series} is {value} as of {date}, below {earlier} as of {earlier_date}: a running total cannot fall",
    "check both figures against their releases; if both are as published, set flag to lower_confidence (or "
    "different_definition if the releases count differently) and give the reason in note_en and note_ko",
    "두 수치를 발표 원문과 대조합니다. 둘 다 발표대로라면 flag에 lower_confidence(발표마다 세는 기준이 다르면 "
    "different_definition)를 적고 이유를 note_en과 note_ko에 씁니다",
    dict(
        file="data/observations.csv",
        row=12,
        field="value",
        series="arrested / age_20_29",
        value=50,
        date="2024-09-25",
        earlier=57,
        earlier_date="2024-09-10",
    ),
)


def check(dataset, config) -> Iterator[Problem]:
    path = str(dataset.folder / "data" / "observations.csv")
    periods = dataset.periods[(dataset.periods["kind"] == "snapshot") & (dataset.periods["start"] != "")]
    starts, ends = dict(zip(periods["id"], periods["start"])), dict(zip(periods["id"], periods["end"]))
    counts = set(dataset.measures.loc[dataset.measures["unit"].isin(COUNT_UNITS), "id"])
    obs = dataset.observations
    rows = obs[
        (obs["role"] == "published")
        & obs["value"].notna()
        & obs["period_id"].isin(starts)
        & obs["measure"].isin(counts)
    ]
    rows = rows.assign(start=rows["period_id"].map(starts), end=rows["period_id"].map(ends))
    for (_, measure, group), series in rows.sort_values(["end", "period_id"]).groupby(["start", "measure", "group"]):
        level = None  # (value, date) of the highest unflagged figure so far
        for index, row in series.iterrows():
            explained = row["flag"] in EXPLAINED and row["note_en"] and row["note_ko"]
            if level and row["value"] < level[0] and not explained:
                yield FALLING_TOTAL.at(
                    path,
                    int(index) + 2,
                    "value",
                    series=f"{measure} / {group}",
                    value=_number(row["value"]),
                    date=row["end"],
                    earlier=_number(level[0]),
                    earlier_date=level[1],
                )
            if not explained and (level is None or row["value"] >= level[0]):
                level = (row["value"], row["end"])


def _number(value: float) -> str:
    return f"{value:g}"
