"""Charts a maintainer declares (sitegen.read.views), turned into chart models and summaries.

A view is a Frictionless Data Package view (name, title, resources, specType,
spec) in datapackage.json. Its spec says which figures the chart shows and how:

    {"name": "arrests-by-year", "title": "...", "resources": ["observations"], "specType": "sitegen-chart",
     "spec": {"type": "line",                        # line | bar | grouped-bar | stacked-bar
              "axis": "period",                      # the categories are periods (or "group": groups)
              "periods": ["year-2021", "year-2024"], # axis period: the categories; axis group: one period
              "groups": ["total"],                   # axis group: the categories; axis period: one group
              "series": [{"measure": "arrested"}, {"measure": "cases_reported", "group": "total"}],
              "title": {"ko": "...", "en": "..."}, "subtitle": {...}, "note": {...},
              "annotations": [{"date": "2024-08-28", "label": {"ko": "...", "en": "..."}}],
              "highlight": ["age_10_19"]}}

sitegen.read.checks.views checks every spec before a build; this module trusts it.
"""

from __future__ import annotations

import pandas as pd

from ..util import i18n, korean
from ..read.catalog import Dataset
from ..read.views import cells, published_cells
from .drawing import Annotation, Model, Series


def model(dataset: Dataset, view: dict, strings: dict) -> tuple[Model, list[str]]:
    """The chart model of a view and the ids of the sources of the figures it draws."""
    spec = view["spec"]
    by_period = spec.get("axis", "period") == "period"
    categories = tuple(spec["periods"] if by_period else spec["groups"])
    names = {lang: dict(zip(dataset.periods["id"] if by_period else dataset.groups["id"],
                            (dataset.periods if by_period else dataset.groups)[f"name_{lang}"]))
             for lang in i18n.LANGUAGES}
    rows = published_cells(dataset)
    measures = dataset.measures.set_index("id")
    groups = dataset.groups.set_index("id")
    series, sources = [], []
    for index, (declared_series, column) in enumerate(zip(spec["series"], cells(spec))):
        values = []
        for cell in column:
            value, status, source = rows[(cell.period_id, cell.measure, cell.group)]
            values.append(None if pd.isna(value) or status else float(value))
            sources.append(source)
        label = declared_series.get("label") or {
            lang: _series_name(declared_series, spec, measures, groups, lang, by_period) for lang in i18n.LANGUAGES}
        series.append(Series(f"{column[0].measure}.{column[0].group if by_period else column[0].period_id}", label,
                             tuple(values), declared_series.get("colour", index)))
    dates = ()
    if spec["type"] == "line" and by_period:
        kinds = set(dataset.periods.set_index("id").loc[list(categories), "kind"])
        if kinds == {"snapshot"}:  # cumulative counts as of a date: a time axis
            dates = tuple(dataset.periods.set_index("id").loc[list(categories), "end"])
    annotations = tuple(Annotation(note["date"] if dates else _category_of(dataset, categories, note["date"]), note["label"])
                        for note in spec.get("annotations", []))
    units = {measures.loc[s["measure"], "unit"] for s in spec["series"]}
    key = f"unit_{units.pop()}" if len(units) == 1 else "unit_mixed"  # e.g. cases and persons on one axis
    axis_title = {lang: strings[lang][key] for lang in i18n.LANGUAGES}
    return Model(view["name"], spec["type"], categories, {lang: tuple(names[lang][c] for c in categories)
                                                           for lang in i18n.LANGUAGES},
                 tuple(series), axis_title, dates, annotations, tuple(spec.get("highlight", [])),
                 {lang: strings[lang]["suppressed"] for lang in i18n.LANGUAGES}), list(dict.fromkeys(sources))


def _series_name(series: dict, spec: dict, measures, groups, lang: str, by_period: bool) -> str:
    """A series is named by what tells it apart from the others: its measure, else its group."""
    others = spec["series"]
    if by_period and len({s.get("group", "total") for s in others}) > 1 and len({s["measure"] for s in others}) == 1:
        return groups.loc[series.get("group", "total"), f"name_{lang}"]
    return measures.loc[series["measure"], f"name_{lang}"]


def _category_of(dataset: Dataset, categories: tuple[str, ...], date: str) -> str:
    """The period on a category axis that holds an annotation's date (checked to exist)."""
    periods = dataset.periods.set_index("id")
    return next(c for c in categories if periods.loc[c, "start"] <= date <= periods.loc[c, "end"])


def summary(model: Model, units: list[str], strings: dict) -> dict[str, str]:
    """One plain sentence per series, made from the data: where a line starts and ends, which bar is longest."""
    text = {}
    for lang in i18n.LANGUAGES:
        s, sentences = strings[lang], []
        for series, unit in zip(model.series, units):
            known = [(i, v) for i, v in enumerate(series.values) if v is not None]
            if not known:
                continue
            name = series.label[lang]
            if model.kind == "line":
                (i, a), (j, b) = known[0], known[-1]
                when = [i18n.date(model.dates[k], lang) if model.dates else model.labels[lang][k] for k in (i, j)]
                key = "view_summary_up" if b > a else "view_summary_down" if b < a else "view_summary_same"
                sentences.append(s[key].format(name=name, first=when[0], last=when[1], first_value=_count(a, unit, lang),
                                               last_value=_count(b, unit, lang), first_and=_particle(when[0], "과/와", lang),
                                               last_value_to=_particle(_count(b, unit, lang), "으로/로", lang)))
            else:
                i, top = max(known, key=lambda item: (item[1], -item[0]))
                label = model.labels[lang][i]
                sentences.append(s["view_summary_largest"].format(
                    name=name, label=label, label_is=_particle(label, "이/가", lang), value=_count(top, unit, lang),
                    value_to=_particle(_count(top, unit, lang), "으로/로", lang)))
        text[lang] = " ".join(sentences)
    return text


def _count(value: float, unit: str, lang: str) -> str:
    number = i18n.number(value, lang)
    if unit == "percent":
        return f"{number}%"
    return f"{number}{korean.counter(unit)}" if lang == "ko" else number


def _particle(word: str, pair: str, lang: str) -> str:
    return korean.attach(word, pair) if lang == "ko" else word
