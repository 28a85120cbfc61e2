"""Every declared chart (a `views` entry of datapackage.json) names figures the package has and puts only
comparable periods side by side: one kind of period on an axis (a crackdown may stand beside the window it is
declared comparable to), cumulative snapshots only with snapshots counted from the same start, a line only over
full years or such snapshots."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ...problems import Code, Problem
from ..views import KINDS, SPEC_TYPE, cells, declared, published_cells

VIEW_INVALID = Code(
    "view-invalid",
    "Chart declaration invalid",
    "{note}",
    'write the view as the maintainer\'s guide shows: a name, resources ["observations"], specType "sitegen-chart" '
    "and a spec with type (line, bar, grouped-bar, stacked-bar), axis, periods, groups, series and a title in both "
    "languages",
    '관리자 안내서의 예처럼 name, resources ["observations"], specType "sitegen-chart"와 spec(type(line, bar, '
    "grouped-bar, stacked-bar), axis, periods, groups, series, 두 언어의 title)을 씁니다",
    dict(
        file="datapackage.json",
        field="views[0].spec.type",
        note="'pie' is not a chart type (line, bar, grouped-bar, stacked-bar)",
    ),
)
VIEW_UNKNOWN_ID = Code(
    "view-unknown-id",
    "Chart names an unknown id",
    '"{value}" is not a {kind} of this package',
    "use an id from data/{table}.csv",
    "data/{table}.csv에 있는 id를 씁니다",
    dict(file="datapackage.json", field="views[0].spec.periods[2]", value="year-2019", kind="period", table="periods"),
)
VIEW_MISSING_FIGURE = Code(
    "view-missing-figure",
    "Chart needs a figure not published",
    "{period} / {measure} / {group} is not a published figure",
    "publish the figure, or leave its period, group or series out of the view",
    "그 수치를 공표하거나, 그 기간·집단·계열을 차트에서 뺍니다",
    dict(
        file="datapackage.json",
        field="views[0].spec.series[1]",
        period="year-2023",
        measure="cases_solved",
        group="total",
    ),
)
VIEW_NOT_COMPARABLE = Code(
    "view-not-comparable",
    "Chart puts periods side by side that do not compare",
    "{note}",
    "keep one kind of period on an axis: full years with full years, snapshots counted from the same start with each "
    "other; make a second view for the others",
    "한 축에는 한 종류의 기간만 둡니다(연간은 연간끼리, 같은 날부터 센 누적은 누적끼리). 나머지는 차트를 하나 더 만듭니다",
    dict(
        file="datapackage.json",
        field="views[0].spec.periods",
        note="puts snapshot periods beside calendar_year periods",
    ),
)
VIEW_DUPLICATE = Code(
    "view-duplicate",
    "Chart name used twice",
    '"{name}" is used by another view',
    "give every view a name of its own: it is the chart's address",
    "차트마다 다른 name을 붙입니다. 차트의 주소가 됩니다",
    dict(file="datapackage.json", field="views[1].name", name="arrests-by-year"),
)
NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LINE_KINDS = {"calendar_year", "snapshot", "rolling_year"}


def check(dataset, config) -> Iterator[Problem]:
    path = str(dataset.folder / "datapackage.json")
    names: set[str] = set()
    for index, view in enumerate(declared(dataset)):
        yield from _check_view(dataset, view, path, f"views[{index}]", names)


def _check_view(dataset, view, path: str, where: str, names: set[str]) -> Iterator[Problem]:
    if not isinstance(view, dict) or not isinstance(view.get("spec"), dict):
        yield VIEW_INVALID.at(path, None, where, note="is not a view with a spec object")
        return
    name, spec = view.get("name"), view["spec"]
    if not isinstance(name, str) or not NAME.match(name):
        yield VIEW_INVALID.at(
            path, None, f"{where}.name", note=f"{name!r} is not a name of lower-case letters, digits and hyphens"
        )
    elif name in names:
        yield VIEW_DUPLICATE.at(path, None, f"{where}.name", name=name)
    names.add(name)
    if view.get("specType") != SPEC_TYPE:
        yield VIEW_INVALID.at(path, None, f"{where}.specType", note=f'is {view.get("specType")!r}, not "{SPEC_TYPE}"')
    if view.get("resources") != ["observations"]:
        yield VIEW_INVALID.at(
            path, None, f"{where}.resources", note='must be ["observations"]: a chart draws published figures'
        )
    found = list(_check_spec(dataset, spec, path, f"{where}.spec"))
    yield from found
    if not found:
        yield from _check_figures(dataset, spec, path, f"{where}.spec")


def _check_spec(dataset, spec: dict, path: str, where: str) -> Iterator[Problem]:
    if spec.get("type") not in KINDS:
        yield VIEW_INVALID.at(
            path, None, f"{where}.type", note=f"{spec.get('type')!r} is not a chart type ({', '.join(KINDS)})"
        )
    axis = spec.get("axis", "period")
    if axis not in ("period", "group"):
        yield VIEW_INVALID.at(path, None, f"{where}.axis", note=f'{axis!r} is neither "period" nor "group"')
        return
    for key in ("title", "subtitle", "note"):
        text = spec.get(key)
        if (key == "title" or text is not None) and not (
            isinstance(text, dict)
            and all(isinstance(text.get(lang), str) and text[lang].strip() for lang in ("ko", "en"))
        ):
            yield VIEW_INVALID.at(
                path, None, f"{where}.{key}", note='needs a text in Korean and in English: {"ko": ..., "en": ...}'
            )
    known = {
        "periods": set(dataset.periods["id"]),
        "groups": set(dataset.groups["id"]),
        "measures": set(dataset.measures["id"]),
    }
    singular = {"periods": "period", "groups": "group", "measures": "measure"}
    unknown = []
    for key in ("periods", "groups"):
        ids = spec.get(key, ["total"] if key == "groups" else None)
        if not isinstance(ids, list) or not ids:
            yield VIEW_INVALID.at(path, None, f"{where}.{key}", note="needs a list of ids")
            return
        unknown += [
            VIEW_UNKNOWN_ID.at(path, None, f"{where}.{key}[{i}]", value=value, kind=singular[key], table=key)
            for i, value in enumerate(ids)
            if value not in known[key]
        ]
    series = spec.get("series")
    if not isinstance(series, list) or not series or not all(isinstance(s, dict) for s in series):
        yield VIEW_INVALID.at(
            path, None, f"{where}.series", note='needs a list of series such as [{"measure": "arrested"}]'
        )
        return
    for i, entry in enumerate(series):
        unknown += [
            VIEW_UNKNOWN_ID.at(path, None, f"{where}.series[{i}].{key}", value=entry[key], kind=key, table=table)
            for key, table in (("measure", "measures"), ("group", "groups"), ("period", "periods"))
            if key in entry and entry[key] not in known[table]
        ]
        if "measure" not in entry:
            unknown.append(VIEW_INVALID.at(path, None, f"{where}.series[{i}]", note="names no measure"))
    if unknown:  # the rules below need every id to exist
        yield from unknown
        return
    categories = spec["periods"] if axis == "period" else spec.get("groups", [])
    for i, value in enumerate(spec.get("highlight", [])):
        if value not in categories:
            yield VIEW_INVALID.at(
                path, None, f"{where}.highlight[{i}]", note=f'"{value}" is not one of the categories of the axis'
            )
    if axis == "period":
        yield from _check_periods(dataset, spec, path, where)
    elif len(spec["periods"]) != 1 and not all("period" in s for s in series):
        yield VIEW_INVALID.at(
            path, None, f"{where}.periods", note="a chart by group shows one period (or names one in each series)"
        )
    units = {
        "percent" if u == "percent" else "count"
        for u in dataset.measures.set_index("id").loc[[s["measure"] for s in series], "unit"]
    }
    if len(units) > 1:
        yield VIEW_INVALID.at(path, None, f"{where}.series", note="puts percentages and counts on one axis")
    if spec.get("type") == "stacked-bar":
        parents = set(dataset.groups.set_index("id").loc[[s.get("group", "total") for s in series], "parent"])
        if axis != "period" or len(parents) != 1 or "" in parents:
            yield VIEW_INVALID.at(
                path,
                None,
                f"{where}.series",
                note="a stacked bar stacks groups of one parent (never the parent itself)",
            )
    yield from _check_annotations(dataset, spec, path, where)


def _check_periods(dataset, spec: dict, path: str, where: str) -> Iterator[Problem]:
    periods = dataset.periods.set_index("id").loc[spec["periods"]]
    kinds = sorted(set(periods["kind"]))
    if len(kinds) > 1:
        pair = len(periods) == 2 and (
            periods["comparable_to"].iloc[1] == periods.index[0] or periods["comparable_to"].iloc[0] == periods.index[1]
        )
        if spec["type"] == "line" or not pair:
            yield VIEW_NOT_COMPARABLE.at(
                path, None, f"{where}.periods", note=f"puts {' periods beside '.join(kinds)} periods"
            )
            return
    if "snapshot" in kinds and len(set(periods["start"])) > 1:
        yield VIEW_NOT_COMPARABLE.at(
            path,
            None,
            f"{where}.periods",
            note="puts cumulative snapshots counted from different starts "
            f"({', '.join(sorted(set(periods['start'])))}) side by side",
        )
    if spec["type"] == "line" and (len(periods) < 2 or kinds[0] not in LINE_KINDS):
        yield VIEW_NOT_COMPARABLE.at(
            path,
            None,
            f"{where}.periods",
            note="a line runs over two or more full years, twelve-month periods or snapshots "
            f"from one start, not over {kinds[0]} periods",
        )


def _check_annotations(dataset, spec: dict, path: str, where: str) -> Iterator[Problem]:
    periods = dataset.periods.set_index("id")
    for i, note in enumerate(spec.get("annotations", [])):
        field = f"{where}.annotations[{i}]"
        try:
            day = dt.date.fromisoformat(str(note.get("date"))).isoformat()
        except (ValueError, AttributeError):
            yield VIEW_INVALID.at(
                path,
                None,
                f"{field}.date",
                note=f"{note.get('date') if isinstance(note, dict) else note!r} is not a date (YYYY-MM-DD)",
            )
            continue
        label = note.get("label")
        if not (
            isinstance(label, dict) and all(isinstance(label.get(lang), str) and label[lang] for lang in ("ko", "en"))
        ):
            yield VIEW_INVALID.at(path, None, f"{field}.label", note="needs a text in Korean and in English")
        if spec.get("axis", "period") != "period" or spec.get("type") != "line":
            yield VIEW_INVALID.at(path, None, field, note="only a line over time carries dated annotations")
        elif set(periods.loc[spec["periods"], "kind"]) != {"snapshot"} and not any(
            periods.loc[p, "start"] <= day <= periods.loc[p, "end"] for p in spec["periods"]
        ):
            yield VIEW_INVALID.at(path, None, f"{field}.date", note=f"{day} falls in none of the periods on the axis")


def _check_figures(dataset, spec: dict, path: str, where: str) -> Iterator[Problem]:
    figures = published_cells(dataset)
    for i, column in enumerate(cells(spec)):
        for cell in column:
            if (cell.period_id, cell.measure, cell.group) not in figures:
                yield VIEW_MISSING_FIGURE.at(
                    path, None, f"{where}.series[{i}]", period=cell.period_id, measure=cell.measure, group=cell.group
                )
