"""Every derived figure a release quotes must match ours within the release's rounding.

`check` runs with the package's other checks (the groups a quoted figure names exist); `check_figures` runs in
the pass after the figures, on the values sitegen.derive.figures computed for the quoted ones."""

from __future__ import annotations

from collections.abc import Iterator

from ...util import i18n
from ...problems import Problem
from ...codes import Code

CODES = {
    "unknown-group": Code('data/quoted_figures.csv:3:group: "age_10_14" is not a group id',
                          "Use ids from data/groups.csv, joined by + for a combined share.",
                          "data/groups.csv의 id를 씁니다. 합친 비율은 +로 잇습니다."),
    "quoted-figure-not-computable": Code("data/quoted_figures.csv:3:value: Korea JoongAng Daily (joongang-daily-2025-04-17) quotes "
                                         "93.1 (share) but the published exact figures it needs are missing",
                                         "Add the published observations it is computed from, or correct period_id, "
                                         "base_period_id, measure, group or of_group.",
                                         "계산에 필요한 공표 수치를 observations에 추가하거나 period_id, base_period_id, measure, "
                                         "group, of_group을 고칩니다."),
    "quoted-figure-mismatch": Code("data/quoted_figures.csv:3:value: Korea JoongAng Daily (joongang-daily-2025-04-17) quotes 95 "
                                   "(share) but ours is 93.15 (669+228 of 963); at 1 decimals they must differ by at most 0.05",
                                   "Check the observations it is computed from and the quoted value against the release.",
                                   "계산에 쓰인 수치와 인용된 값을 발표 원문과 대조합니다."),
}


def check(dataset, config) -> Iterator[Problem]:
    path = str(dataset.folder / "data/quoted_figures.csv")
    table = dataset.tables["quoted_figures"]
    groups = set(dataset.groups["id"])
    for index, combined in zip(table.index, table["group"]):
        for group in str(combined).split("+"):
            if group not in groups:
                yield Problem(path, index + 2, "group", "unknown-group", f'"{group}" is not a group id',
                              "use ids from data/groups.csv, joined by + for a combined share")


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
        source = f'{sources.get(figure.source_id, figure.source_id)} ({figure.source_id})'
        quoted = i18n.number(figure.quoted, "en")
        if figure.ours is None:
            yield Problem(path, row, "value", "quoted-figure-not-computable",
                          f"{source} quotes {quoted} ({figure.kind}) but the published exact figures it needs are missing",
                          "add the published observations it is computed from, or correct period_id, base_period_id, "
                          "measure, group or of_group")
        else:
            yield Problem(path, row, "value", "quoted-figure-mismatch",
                          f"{source} quotes {quoted} ({figure.kind}) but ours is {figure.ours:.4g} ({figure.inputs}); "
                          f"at {figure.decimals} decimals they must differ by at most {figure.tolerance:.3g}",
                          "check the observations it is computed from and the quoted value against the release")
