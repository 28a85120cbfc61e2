"""Disclosure control: no count from 1 to k-1 is published, and no suppressed cell can be recovered.

A disclosive count (1 <= value < disclosure_threshold; 0 is allowed) is
published suppressed: value empty, status c. The exemption, as applied (and as
the methodology page states it, word for word: EXEMPTION_RULE, tested): a count
below the threshold stays when the releasing body's figure was reported
verbatim by a named outlet, disclosure_exemption names that outlet's source and
the package holds the same figure from it.

Secondary suppression: within a period and measure, a parent group equals the
sum of its child groups (groups.parent) when every child has a published row.
If such a sum has exactly one unknown cell, that cell is recoverable; solving
repeats until nothing more is found, so chains (total -> teens -> ages 10-13)
are followed too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from ...problems import Code, Problem

# The exemption rule in the words the methodology pages use (tests/site/test_generator_rules_built.py ties the two together).
EXEMPTION_RULE = {
    "en": "A count of 1–{below} is published when the releasing body's figure was reported verbatim by a named "
    "outlet: `disclosure_exemption` holds the id of that outlet's source, and the package records the same "
    "figure from that source.",
    "ko": "1~{below}의 수치는 발표 기관의 수치를 이름이 밝혀진 언론사가 그대로 보도한 경우에 공개합니다. "
    "`disclosure_exemption` 열에 그 보도의 출처 id를 적고, 데이터에 그 출처의 같은 수치가 기록되어 있어야 합니다.",
}


def exemption_rule(lang: str, k: int) -> str:
    return EXEMPTION_RULE[lang].format(below=k - 1)


DISCLOSIVE_COUNT = Code(
    "disclosive-count",
    "Count below the disclosure threshold",
    "{period} / {measure} / {group} is {value}, below the disclosure threshold of {threshold}",
    "suppress it: empty the value and put c in status; or, only if this holds: "
    + EXEMPTION_RULE["en"].replace("`", ""),
    "비공개 처리합니다: value를 비우고 status에 c를 씁니다. 다음의 경우에만 예외로 공개합니다: "
    + EXEMPTION_RULE["ko"].replace("`", ""),
    dict(
        file="data/observations.csv",
        row=9,
        field="value",
        period="crackdown-2024-08-28",
        measure="arrested",
        group="age_50_plus",
        value=4,
        threshold=5,
        below=4,
    ),
)
EXEMPTION_NOT_VERBATIM = Code(
    "exemption-not-verbatim",
    "Exemption without the verbatim report",
    'names "{source}", but no row from that source reports {period} / {measure} / {group} with this value',
    "name the source of the outlet that reported exactly this figure verbatim (and record its row), or empty "
    "disclosure_exemption and suppress the cell",
    "이 수치를 그대로 보도한 언론사의 출처를 적고 그 행을 기록하거나, disclosure_exemption을 비우고 칸을 비공개 처리합니다",
    dict(
        file="data/observations.csv",
        row=9,
        field="disclosure_exemption",
        source="vop-2025-04-17",
        period="crackdown-2024-08-28",
        measure="arrested",
        group="age_50_plus",
    ),
)
SUPPRESSED_CELL_REVEALED = Code(
    "suppressed-cell-revealed",
    "Suppressed cell printed by another row",
    "prints {period} / {measure} / {group}, which another row suppresses",
    "suppress this row too (empty value, c in status) or remove it",
    "이 행도 비공개 처리하거나(value 비움, status에 c) 지웁니다",
    dict(
        file="data/observations.csv",
        row=11,
        field="value",
        period="crackdown-2024-08-28",
        measure="detained",
        group="total",
    ),
)
RECOVERABLE_SUPPRESSION = Code(
    "recoverable-suppression",
    "Suppressed cell recoverable by subtraction",
    "the suppressed {period} / {measure} / {group} can be recovered by subtraction: {equation}",
    "suppress a second cell of that sum as well, e.g. {period} / {measure} / {other} (empty value, c in status)",
    "그 합계의 다른 칸 하나도 비공개 처리합니다(value 비움, status에 c). 예: {period} / {measure} / {other}",
    dict(
        file="data/observations.csv",
        row=9,
        field="value",
        period="crackdown-2024-08-28",
        measure="arrested",
        group="age_50_plus",
        equation="total = age_10_19 + age_20_29 + age_30_39 + age_40_49 + age_50_plus",
        other="age_40_49",
    ),
)


FRACTIONAL_UNITS = {"percent", "per_day"}
SUPPRESSED = "c"


def check(dataset, config) -> Iterator[Problem]:
    obs = dataset.observations
    path = str(dataset.folder / _resource_path(dataset, "observations"))
    yield from _disclosive(dataset, obs, path, config.disclosure_threshold)
    yield from _exemptions(obs, path)
    yield from _revealed_elsewhere(obs, path)
    yield from _recoverable(dataset, obs, path)


def _resource_path(dataset, name: str) -> str:
    return next((r["path"] for r in dataset.descriptor["resources"] if r.get("name") == name), f"data/{name}.csv")


def _rows(frame: pd.DataFrame, mask) -> list[tuple[int, pd.Series]]:
    return [(int(index) + 2, row) for index, row in frame[mask].iterrows()]


def _disclosive(dataset, obs, path, k: int) -> Iterator[Problem]:
    units = obs["measure"].map(dict(zip(dataset.measures["id"], dataset.measures["unit"])))
    value = obs["value"]
    small = (
        value.notna() & (value >= 1) & (value < k) & ~units.isin(FRACTIONAL_UNITS) & (obs["disclosure_exemption"] == "")
    )
    for row, o in _rows(obs, small.fillna(False)):
        yield DISCLOSIVE_COUNT.at(
            path,
            row,
            "value",
            period=o["period_id"],
            measure=o["measure"],
            group=o["group"],
            value=int(o["value"]),
            threshold=k,
            below=k - 1,
        )


def _exemptions(obs, path) -> Iterator[Problem]:
    """An exemption must name a source that reports the same cell with the same value in this package."""
    keys = ["period_id", "measure", "group", "value"]
    reported = set(map(tuple, obs.loc[obs["value"].notna(), keys + ["source_id"]].astype(str).to_numpy()))
    exempt = obs[obs["disclosure_exemption"] != ""]
    texts = map(tuple, exempt[keys].astype(str).to_numpy())
    for index, text, source, value in zip(exempt.index, texts, exempt["disclosure_exemption"], exempt["value"]):
        if pd.isna(value) or text + (source,) not in reported:
            o = exempt.loc[index]
            yield EXEMPTION_NOT_VERBATIM.at(
                path,
                int(index) + 2,
                "disclosure_exemption",
                source=o["disclosure_exemption"],
                period=o["period_id"],
                measure=o["measure"],
                group=o["group"],
            )


def _revealed_elsewhere(obs, path) -> Iterator[Problem]:
    """A suppressed cell must not be printed by another row (an alternative report) of the same cell."""
    cell = ["period_id", "measure", "group"]
    suppressed = obs.loc[obs["status"] == SUPPRESSED, cell].drop_duplicates()
    if suppressed.empty:
        return
    marked = obs.merge(suppressed.assign(_hidden=True), on=cell, how="left")["_hidden"].eq(True).to_numpy()
    for row, o in _rows(obs, marked & obs["value"].notna().to_numpy() & (obs["status"] != SUPPRESSED).to_numpy()):
        yield SUPPRESSED_CELL_REVEALED.at(
            path, row, "value", period=o["period_id"], measure=o["measure"], group=o["group"]
        )


def _recoverable(dataset, obs, path) -> Iterator[Problem]:
    children: dict[str, list[str]] = {}
    for group, parent in zip(dataset.groups["id"], dataset.groups["parent"]):
        if parent:
            children.setdefault(parent, []).append(group)
    sums = {parent: kids for parent, kids in children.items() if len(kids) >= 2}
    published = obs[obs["role"] == "published"]
    keys = ["period_id", "measure"]
    # Only a period and measure with a suppressed cell can have one recovered: find them on whole columns first.
    hidden = published.loc[published["status"] == SUPPRESSED, keys].drop_duplicates()
    if hidden.empty:
        return
    published = published[pd.MultiIndex.from_frame(published[keys]).isin(pd.MultiIndex.from_frame(hidden))]
    for (period_id, measure), frame in published.groupby(keys, sort=True):
        cells = {}
        for index, group, status, qualifier, value in zip(
            frame.index, frame["group"], frame["status"], frame["qualifier"], frame["value"]
        ):
            if status == SUPPRESSED:
                cells[group] = ("suppressed", int(index) + 2)
            elif qualifier == "exact" and pd.notna(value):
                cells[group] = ("known", float(value))
            else:
                cells[group] = ("inexact", None)
        for group, row, via, other in _solve(cells, sums):
            yield RECOVERABLE_SUPPRESSION.at(
                path, row, "value", period=period_id, measure=measure, group=group, equation=via, other=other
            )


def _solve(cells: dict, sums: dict[str, list[str]]) -> list[tuple[str, int, str, str]]:
    """Suppressed cells that follow from the parent = sum(children) equations, with the equation and a cell to hide."""
    known = {g for g, (state, _) in cells.items() if state == "known"}
    found, changed = [], True
    while changed:
        changed = False
        for parent, kids in sorted(sums.items()):
            members = [parent] + kids
            if any(m not in cells for m in members):
                continue  # a child without a row: the sum is not complete, nothing follows exactly
            unknown = [m for m in members if m not in known]
            if len(unknown) != 1 or cells[unknown[0]][0] != "suppressed":
                continue
            target = unknown[0]
            candidates = [g for g in kids if g != target and cells[g][0] == "known"]
            value = {g: cells[g][1] for g in candidates}
            other = min(candidates, key=lambda g: (value[g], g)) if candidates else parent
            via = f"{parent} = {' + '.join(kids)}"
            found.append((target, cells[target][1], via, other))
            known.add(target)
            changed = True
    return found
