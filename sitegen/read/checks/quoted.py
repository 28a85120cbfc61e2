"""Every derived figure a release quotes must match ours within the release's rounding.

`check` runs with the package's other checks (the groups a quoted figure names exist); `check_figures` runs in
the pass after the figures, on the values sitegen.derive.figures computed for the quoted ones."""

from __future__ import annotations

from collections.abc import Iterator

from ...problems import Code, Problem
from ...util import i18n

UNKNOWN_GROUP = Code(
    "unknown-group",
    "Group not found",
    '"{group}" is not a group id',
    "use ids from data/groups.csv, joined by + for a combined share",
    "data/groups.csv의 id를 씁니다. 합친 비율은 +로 잇습니다",
    dict(file="data/quoted_figures.csv", row=3, field="group", group="age_10_14"),
)
QUOTED_FIGURE_NOT_COMPUTABLE = Code(
    "quoted-figure-not-computable",
    "Quoted figure cannot be computed",
    "{source} quotes {quoted} ({kind}) but the published exact figures it needs are missing",
    "add the published observations it is computed from, or correct period_id, base_period_id, measure, group or "
    "of_group",
    "계산에 필요한 공표 수치를 observations에 추가하거나 period_id, base_period_id, measure, group, of_group을 고칩니다",
    dict(
        file="data/quoted_figures.csv",
        row=3,
        field="value",
        source="Korea JoongAng Daily (joongang-daily-2025-04-17)",
        quoted="93.1",
        kind="share",
    ),
)
QUOTED_FIGURE_MISMATCH = Code(
    "quoted-figure-mismatch",
    "Quoted figure differs from ours",
    "{source} quotes {quoted} ({kind}) but ours is {ours:.4g} ({inputs}); at {decimals} decimals they must differ by "
    "at most {tolerance:.3g}",
    "check the observations it is computed from and the quoted value against the release",
    "계산에 쓰인 수치와 인용된 값을 발표 원문과 대조합니다",
    dict(
        file="data/quoted_figures.csv",
        row=3,
        field="value",
        source="Korea JoongAng Daily (joongang-daily-2025-04-17)",
        quoted="95",
        kind="share",
        ours=93.1464174,
        inputs="669+228 of 963",
        decimals=1,
        tolerance=0.05,
    ),
)


def check(dataset, config) -> Iterator[Problem]:
    path = str(dataset.folder / "data/quoted_figures.csv")
    table = dataset.tables["quoted_figures"]
    groups = set(dataset.groups["id"])
    for index, combined in zip(table.index, table["group"]):
        for group in str(combined).split("+"):
            if group not in groups:
                yield UNKNOWN_GROUP.at(path, index + 2, "group", group=group)


def check_figures(dataset, figures) -> Iterator[Problem]:
    """The quoted figures (figures.quoted: the release's value beside ours) that do not match."""
    path = str(dataset.folder / "data/quoted_figures.csv")
    table = dataset.tables["quoted_figures"]
    rows = {figure_id: index + 2 for index, figure_id in zip(table.index, table["id"])}
    sources = dict(zip(dataset.sources["id"], dataset.sources["publisher"]))
    for figure in figures.quoted:
        if figure.matches:
            continue
        row = rows[figure.id]
        source = f"{sources.get(figure.source_id, figure.source_id)} ({figure.source_id})"
        quoted = i18n.number(figure.quoted, "en")
        if figure.ours is None:
            yield QUOTED_FIGURE_NOT_COMPUTABLE.at(path, row, "value", source=source, quoted=quoted, kind=figure.kind)
        else:
            yield QUOTED_FIGURE_MISMATCH.at(
                path,
                row,
                "value",
                source=source,
                quoted=quoted,
                kind=figure.kind,
                ours=figure.ours,
                inputs=figure.inputs,
                decimals=figure.decimals,
                tolerance=figure.tolerance,
            )
