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

import dataclasses
import functools

import markupsafe
import pandas as pd

from ..derive.figures import SMALL_BASE
from ..read.catalog import Dataset
from ..read.views import cells, published_cells
from ..util import i18n, korean
from .drawing import Annotation, Model, Series

# Colour is identity: a group has the same colour on every chart, whatever its place in a chart (teens orange as
# the accent, 20s sky blue, ...). A group's colour comes from its place among its siblings in its package's groups
# table, which every package lists in the same order (ages up); a measure's from its place in the measures table.
# Groups and measures draw from different colours, so a count and a group on one page never share one.
GROUP_COLOURS = (1, 4, 3, 2, 5, 7)
MEASURE_COLOURS = (0, 2, 7, 3, 5)


def model(dataset: Dataset, view: dict, strings: dict) -> tuple[Model, list[str]]:
    """The chart model of a view and the ids of the sources of the figures it draws."""
    spec = view["spec"]
    by_period = spec.get("axis", "period") == "period"
    categories = tuple(spec["periods"] if by_period else spec["groups"])
    names = {
        lang: dict(
            zip(
                dataset.periods["id"] if by_period else dataset.groups["id"],
                (dataset.periods if by_period else dataset.groups)[f"name_{lang}"],
            )
        )
        for lang in i18n.LANGUAGES
    }
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
            lang: _series_name(declared_series, spec, measures, groups, lang, by_period) for lang in i18n.LANGUAGES
        }
        series.append(
            Series(
                f"{column[0].measure}.{column[0].group if by_period else column[0].period_id}",
                label,
                tuple(values),
                declared_series.get("colour", _colour(dataset, spec, declared_series, by_period, index)),
            )
        )
    series = _subsets(dataset, series, groups, strings) if by_period else series
    dates = ()
    if spec["type"] == "line" and by_period:
        kinds = set(dataset.periods.set_index("id").loc[list(categories), "kind"])
        if kinds == {"snapshot"}:  # cumulative counts as of a date: a time axis
            dates = tuple(dataset.periods.set_index("id").loc[list(categories), "end"])
    periods = dataset.periods.set_index("id")
    annotations = []
    for note in spec.get("annotations", []):
        if dates:
            annotations.append(Annotation(note["date"], note["label"]))
        else:  # an event inside a period of the axis: drawn within that period, from its date to the period's end
            at = _category_of(dataset, categories, note["date"])
            annotations.append(
                Annotation(at, note["label"], note["date"], (periods.loc[at, "start"], periods.loc[at, "end"]))
            )
    units = {measures.loc[s["measure"], "unit"] for s in spec["series"]}
    key = f"unit_{units.pop()}" if len(units) == 1 else "unit_mixed"  # e.g. cases and persons on one axis
    axis_title = {lang: strings[lang][key] for lang in i18n.LANGUAGES}
    return Model(
        view["name"],
        spec["type"],
        categories,
        {lang: tuple(names[lang][c] for c in categories) for lang in i18n.LANGUAGES},
        tuple(series),
        axis_title,
        dates,
        tuple(annotations),
        tuple(spec.get("highlight", [])),
        {lang: strings[lang]["suppressed"] for lang in i18n.LANGUAGES},
        {} if by_period else {g: group_colour(dataset, g) for g in categories},
    ), list(dict.fromkeys(sources))


def group_colour(dataset: Dataset, group: str) -> int:
    """A group's colour: by its place among the groups of the same parent (see GROUP_COLOURS)."""
    groups = dataset.groups
    parent = groups.set_index("id").loc[group, "parent"]
    siblings = list(groups.loc[groups["parent"] == parent, "id"])
    return GROUP_COLOURS[siblings.index(group) % len(GROUP_COLOURS)]


def _colour(dataset: Dataset, spec: dict, series: dict, by_period: bool, index: int) -> int:
    """A series' colour from what it is: its group's over periods (a group of the total), else its measure's
    when the chart sets measures side by side, else the first colour. Series over groups keep their order."""
    if not by_period:
        return MEASURE_COLOURS[index % len(MEASURE_COLOURS)]
    group = series.get("group", spec.get("groups", ["total"])[0])
    if dataset.groups.set_index("id").loc[group, "parent"]:
        return group_colour(dataset, group)
    if len({s["measure"] for s in spec["series"]}) > 1:
        measures = list(dataset.measures["id"])
        return MEASURE_COLOURS[measures.index(series["measure"]) % len(MEASURE_COLOURS)]
    return 0


def _subsets(dataset: Dataset, series: list[Series], groups, strings: dict) -> list[Series]:
    """A series of a group that is part of another series' group (aged 10-13 within teens) is drawn as part of it:
    in its colour, dashed, and named as "of whom ..." in the legend."""
    by_group = {s.key.split(".", 1)[1]: s for s in series}
    out = []
    for s in series:
        parent = by_group.get(groups.loc[s.key.split(".", 1)[1], "parent"])
        if parent is not None and parent.key.split(".", 1)[0] == s.key.split(".", 1)[0]:
            legend = {
                lang: strings[lang]["series_subset"].format(name=_lower_first(s.label[lang], lang))
                for lang in i18n.LANGUAGES
            }
            s = dataclasses.replace(s, colour=parent.colour, subset_of=parent.key, legend=legend)
        out.append(s)
    return out


def _lower_first(name: str, lang: str) -> str:
    """ "Children aged 10-13" inside an English sentence: "of whom children aged 10-13" (not an acronym)."""
    if lang == "en" and name[:1].isupper() and not name[1:2].isupper():
        return name[0].lower() + name[1:]
    return name


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


def summary(
    model: Model, units: list[str], strings: dict, by_group: bool = False, shares: dict | None = None, link=None
) -> dict[str, str]:
    """One plain sentence per series, made from the data. Over periods: where the series starts and ends (and, for
    two periods, how many times the first the second is). Over groups: each group's count and, with `shares` (group
    -> derive.figures.Share of the published total), its share of that total; with more than three groups, the two
    largest. With `link(series, category, text)` (category None: the series' total), the same sentences as HTML
    whose numbers link to their figures (all other text escaped)."""
    text = {}
    for lang in i18n.LANGUAGES:
        s, sentences = strings[lang], []
        for index, (series, unit) in enumerate(zip(model.series, units)):
            known = [(i, v) for i, v in enumerate(series.values) if v is not None]
            if not known:
                continue
            words = _Words(s, lang, functools.partial(link, index) if link else None)
            if model.kind == "line" or not by_group:
                sentences.append(_first_to_last(model, series, known, unit, words))
            else:
                sentences.append(_by_group(model, known, unit, words, shares or {}))
        text[lang] = markupsafe.Markup(" ").join(sentences) if link else " ".join(sentences)
    return text


class _Words:
    """A summary's strings in one language, as text, or as HTML whose numbers link to their figures."""

    def __init__(self, s: dict, lang: str, link=None):
        self.s, self.lang, self.link = s, lang, link

    def __getitem__(self, key: str):
        return markupsafe.Markup(markupsafe.escape(self.s[key])) if self.link else self.s[key]

    def number(self, category: int | None, text: str, pair: str = ""):
        """A number (linked to the figure of `category` of the series, or of its total), with `pair`'s particle."""
        linked = self.link(category, text) if self.link else text
        return linked + korean.particle(text, pair) if pair and self.lang == "ko" else linked


def _first_to_last(model: Model, series, known: list, unit: str, words: _Words) -> str:
    lang = words.lang
    (i, a), (j, b) = known[0], known[-1]
    when = [
        i18n.date(model.dates[k], lang) if model.dates else _unbracketed(model.labels[lang][k], lang) for k in (i, j)
    ]
    key = "view_summary_up" if b > a else "view_summary_down" if b < a else "view_summary_same"
    text = words[key].format(
        name=series.label[lang],
        first=when[0],
        last=when[1],
        first_value=words.number(i, _count(a, unit, lang)),
        last_value=words.number(j, _count(b, unit, lang)),
        first_and=_particle(when[0], "과/와", lang),
        last_value_to=words.number(j, _count(b, unit, lang), "으로/로"),
    )
    if len(known) == 2 and a >= SMALL_BASE and b / a >= 1.5:  # two periods: how many times, as a reader says it
        times = i18n.number(round(b / a, 1) if b / a < 10 else round(b / a), lang)
        text += " " + words["view_summary_times"].format(times=words.number(j, times))
    return text


def _unbracketed(label: str, lang: str) -> str:
    """ "Crackdown (28 Aug 2024 – 31 Mar 2025)" as "Crackdown, 28 Aug 2024 – 31 Mar 2025": a label that the English
    sentence puts in brackets must not bring brackets of its own (the Korean one puts none around it)."""
    if lang == "en" and label.endswith(")") and " (" in label:
        head, _, inner = label[:-1].rpartition(" (")
        return f"{head}, {inner}" if "(" not in head else label
    return label


def _by_group(model: Model, known: list, unit: str, words: _Words, shares: dict) -> str:
    lang = words.lang
    ranked = sorted(known, key=lambda item: (-item[1], item[0]))
    shown = ranked[:2] if len(known) > 3 else known

    def part(index: int, value: float, pair: str = ""):
        share = shares.get(model.categories[index])
        count = _count(value, unit, lang)
        if not share:
            return words.number(index, count, pair)
        pct = f"({i18n.percent(share.pct)})" if lang == "ko" else f" ({i18n.percent(share.pct)})"
        linked = words.number(index, count) + words.number(index, pct)
        return linked + korean.particle(count + pct, pair) if pair and lang == "ko" else linked

    parts = [(i, model.labels[lang][i], v) for i, v in shown]
    total = next(iter(shares.values())).total if shares else None
    total_text = words.number(None, _count(total, unit, lang)) if total else ""
    if len(known) > 3:
        (top_index, top, top_value), (second_index, second, second_value) = parts
        key = "view_summary_top_two_of" if total else "view_summary_top_two"
        return words[key].format(
            total=total_text,
            top=top,
            top_is=_particle(top, "이/가", lang),
            top_part=part(top_index, top_value),
            top_part_ro=part(top_index, top_value, "으로/로"),
            second=second,
            second_part=part(second_index, second_value),
        )
    pattern, separator = (markupsafe.Markup("{} {}"), markupsafe.Markup(", ")) if words.link else ("{} {}", ", ")
    listed = separator.join(pattern.format(label, part(i, value)) for i, label, value in parts)
    key = "view_summary_groups_of" if total else "view_summary_groups"
    return words[key].format(total=total_text, groups=listed)


def _count(value: float, unit: str, lang: str) -> str:
    number = i18n.number(value, lang)
    if unit == "percent":
        return f"{number}%"
    return f"{number}{korean.counter(unit)}" if lang == "ko" else number


def _particle(word: str, pair: str, lang: str) -> str:
    return korean.attach(word, pair) if lang == "ko" else word
