"""Every declared chart (a `views` entry of datapackage.json) names figures the package has and puts only
comparable periods side by side: one kind of period on an axis (a crackdown may stand beside the window it is
declared comparable to), cumulative snapshots only with snapshots counted from the same start, a line only over
full years or such snapshots."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ...codes import Code
from ...problems import Problem
from ..views import KINDS, SPEC_TYPE, cells, declared, published_cells

CODES = {
    "view-invalid": Code('datapackage.json:views[0].spec.type: "pie" is not a chart type',
                         "Write the view as the maintainer's guide shows: a spec with type (line, bar, grouped-bar, "
                         "stacked-bar), axis, periods, groups, series and a title in both languages.",
                         "관리자 안내서의 예처럼 name, title, resources, specType과 spec(type, axis, periods, groups, series, "
                         "두 언어의 title)을 씁니다."),
    "view-unknown-id": Code('datapackage.json:views[0].spec.periods[2]: "year-2019" is not a period of this package',
                            "Use an id from data/periods.csv, data/measures.csv or data/groups.csv.",
                            "data/periods.csv, measures.csv, groups.csv에 있는 id를 씁니다."),
    "view-missing-figure": Code("datapackage.json:views[0].spec.series[1]: year-2023 / cases_solved / total is not a "
                                "published figure", "Publish the figure, or leave its period, group or series out of the view.",
                                "그 수치를 공표하거나, 그 기간·집단·계열을 차트에서 뺍니다."),
    "view-not-comparable": Code("datapackage.json:views[0].spec.periods: puts snapshot periods beside calendar_year "
                                "periods", "Keep one kind of period on an axis: full years with full years, snapshots "
                                "counted from the same start with each other; make a second view for the others.",
                                "한 축에는 한 종류의 기간만 둡니다(연간은 연간끼리, 같은 날부터 센 누적은 누적끼리). "
                                "나머지는 차트를 하나 더 만듭니다."),
    "view-duplicate": Code('datapackage.json:views[1].name: "arrests-by-year" is used by another view',
                           "Give every view a name of its own: it is the chart's address.",
                           "차트마다 다른 name을 붙입니다. 차트의 주소가 됩니다."),
}
NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LINE_KINDS = {"calendar_year", "snapshot", "rolling_year"}


def check(dataset, config) -> Iterator[Problem]:
    path = str(dataset.folder / "datapackage.json")
    names: set[str] = set()
    for index, view in enumerate(declared(dataset)):
        where = f"views[{index}]"
        problems = list(_check_view(dataset, view, where, names))
        yield from (Problem(path, None, field, code, message, CODES[code].fix_en) for field, code, message in problems)


def _check_view(dataset, view, where: str, names: set[str]):
    if not isinstance(view, dict) or not isinstance(view.get("spec"), dict):
        yield where, "view-invalid", "is not a view with a spec object"
        return
    name, spec = view.get("name"), view["spec"]
    if not isinstance(name, str) or not NAME.match(name):
        yield f"{where}.name", "view-invalid", f"{name!r} is not a name of lower-case letters, digits and hyphens"
    elif name in names:
        yield f"{where}.name", "view-duplicate", f'"{name}" is used by another view'
    names.add(name)
    if view.get("specType") != SPEC_TYPE:
        yield f"{where}.specType", "view-invalid", f'is {view.get("specType")!r}, not "{SPEC_TYPE}"'
    if view.get("resources") != ["observations"]:
        yield f"{where}.resources", "view-invalid", 'must be ["observations"]: a chart draws published figures'
    found = list(_check_spec(dataset, spec, f"{where}.spec"))
    yield from found
    if not found:
        yield from _check_figures(dataset, spec, f"{where}.spec")


def _check_spec(dataset, spec: dict, where: str):
    if spec.get("type") not in KINDS:
        yield f"{where}.type", "view-invalid", f"{spec.get('type')!r} is not a chart type ({', '.join(KINDS)})"
    axis = spec.get("axis", "period")
    if axis not in ("period", "group"):
        yield f"{where}.axis", "view-invalid", f'{axis!r} is neither "period" nor "group"'
        return
    for key in ("title", "subtitle", "note"):
        text = spec.get(key)
        if (key == "title" or text is not None) and not (isinstance(text, dict) and all(
                isinstance(text.get(lang), str) and text[lang].strip() for lang in ("ko", "en"))):
            yield f"{where}.{key}", "view-invalid", "needs a text in Korean and in English: {\"ko\": ..., \"en\": ...}"
    known = {"periods": set(dataset.periods["id"]), "groups": set(dataset.groups["id"]),
             "measures": set(dataset.measures["id"])}
    singular = {"periods": "period", "groups": "group", "measures": "measure"}
    unknown = []
    for key in ("periods", "groups"):
        ids = spec.get(key, ["total"] if key == "groups" else None)
        if not isinstance(ids, list) or not ids:
            yield f"{where}.{key}", "view-invalid", "needs a list of ids"
            return
        unknown += [(f"{where}.{key}[{i}]", "view-unknown-id", f'"{value}" is not a {singular[key]} of this package')
                    for i, value in enumerate(ids) if value not in known[key]]
    series = spec.get("series")
    if not isinstance(series, list) or not series or not all(isinstance(s, dict) for s in series):
        yield f"{where}.series", "view-invalid", 'needs a list of series such as [{"measure": "arrested"}]'
        return
    for i, entry in enumerate(series):
        unknown += [(f"{where}.series[{i}].{key}", "view-unknown-id", f'"{entry[key]}" is not a {key} of this package')
                    for key, table in (("measure", "measures"), ("group", "groups"), ("period", "periods"))
                    if key in entry and entry[key] not in known[table]]
        if "measure" not in entry:
            unknown.append((f"{where}.series[{i}]", "view-invalid", "names no measure"))
    if unknown:  # the rules below need every id to exist
        yield from unknown
        return
    categories = spec["periods"] if axis == "period" else spec.get("groups", [])
    for i, value in enumerate(spec.get("highlight", [])):
        if value not in categories:
            yield f"{where}.highlight[{i}]", "view-invalid", f'"{value}" is not one of the categories of the axis'
    if axis == "period":
        yield from _check_periods(dataset, spec, where)
    elif len(spec["periods"]) != 1 and not all("period" in s for s in series):
        yield f"{where}.periods", "view-invalid", "a chart by group shows one period (or names one in each series)"
    units = {"percent" if u == "percent" else "count"
             for u in dataset.measures.set_index("id").loc[[s["measure"] for s in series], "unit"]}
    if len(units) > 1:
        yield f"{where}.series", "view-invalid", "puts percentages and counts on one axis"
    if spec.get("type") == "stacked-bar":
        parents = set(dataset.groups.set_index("id").loc[[s.get("group", "total") for s in series], "parent"])
        if axis != "period" or len(parents) != 1 or "" in parents:
            yield f"{where}.series", "view-invalid", "a stacked bar stacks groups of one parent (never the parent itself)"
    yield from _check_annotations(dataset, spec, where)


def _check_periods(dataset, spec: dict, where: str):
    periods = dataset.periods.set_index("id").loc[spec["periods"]]
    kinds = sorted(set(periods["kind"]))
    if len(kinds) > 1:
        pair = len(periods) == 2 and (periods["comparable_to"].iloc[1] == periods.index[0]
                                      or periods["comparable_to"].iloc[0] == periods.index[1])
        if spec["type"] == "line" or not pair:
            yield f"{where}.periods", "view-not-comparable", f"puts {' periods beside '.join(kinds)} periods"
            return
    if "snapshot" in kinds and len(set(periods["start"])) > 1:
        yield f"{where}.periods", "view-not-comparable", ("puts cumulative snapshots counted from different starts "
                                                          f"({', '.join(sorted(set(periods['start'])))}) side by side")
    if spec["type"] == "line" and (len(periods) < 2 or kinds[0] not in LINE_KINDS):
        yield f"{where}.periods", "view-not-comparable", ("a line runs over two or more full years, twelve-month periods or "
                                                          f"snapshots from one start, not over {kinds[0]} periods")


def _check_annotations(dataset, spec: dict, where: str):
    periods = dataset.periods.set_index("id")
    for i, note in enumerate(spec.get("annotations", [])):
        field = f"{where}.annotations[{i}]"
        try:
            day = dt.date.fromisoformat(str(note.get("date"))).isoformat()
        except (ValueError, AttributeError):
            yield f"{field}.date", "view-invalid", f"{note.get('date') if isinstance(note, dict) else note!r} is not a date (YYYY-MM-DD)"
            continue
        label = note.get("label")
        if not (isinstance(label, dict) and all(isinstance(label.get(lang), str) and label[lang] for lang in ("ko", "en"))):
            yield f"{field}.label", "view-invalid", "needs a text in Korean and in English"
        if spec.get("axis", "period") != "period" or spec.get("type") != "line":
            yield field, "view-invalid", "only a line over time carries dated annotations"
        elif set(periods.loc[spec["periods"], "kind"]) != {"snapshot"} and not any(
                periods.loc[p, "start"] <= day <= periods.loc[p, "end"] for p in spec["periods"]):
            yield f"{field}.date", "view-invalid", f"{day} falls in none of the periods on the axis"


def _check_figures(dataset, spec: dict, where: str):
    figures = published_cells(dataset)
    for i, column in enumerate(cells(spec)):
        for cell in column:
            if (cell.period_id, cell.measure, cell.group) not in figures:
                yield (f"{where}.series[{i}]", "view-missing-figure",
                       f"{cell.period_id} / {cell.measure} / {cell.group} is not a published figure")
