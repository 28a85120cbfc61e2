"""Every derived figure a release quotes must match ours within the release's rounding."""

from __future__ import annotations

from collections.abc import Iterator

from .. import i18n
from ..figures import quoted_figures
from ..problems import Problem


def check(dataset, config) -> Iterator[Problem]:
    path = str(dataset.folder / "data/quoted_figures.csv")
    table = dataset.tables["quoted_figures"]
    groups = set(dataset.groups["id"])
    rows = {}
    for index, figure_id, combined in zip(table.index, table["id"], table["group"]):
        rows[figure_id] = index + 2
        for group in str(combined).split("+"):
            if group not in groups:
                yield Problem(path, index + 2, "group", "unknown-group", f'"{group}" is not a group id',
                              "use ids from data/groups.csv, joined by + for a combined share")
    sources = dict(zip(dataset.sources["id"], dataset.sources["publisher"]))
    for figure in quoted_figures(dataset):
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
