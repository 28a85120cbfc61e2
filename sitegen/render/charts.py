"""Charts built from the data, each with a text summary and the table behind it.

A Chart carries everything a page needs in both languages: its model (what it
draws, sitegen.render.drawing), from which come the chart drawn at build time and the
Plotly figure as JSON (fixed ids, sorted keys: deterministic), a one-sentence
summary made from the data, the data table, a CSV of exactly that data and the
sources of its figures. Charts a maintainer declares (sitegen.render.views) come first;
the charts generated here remain where nothing is declared.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from dataclasses import dataclass, field

import pandas as pd
from markupsafe import Markup

from . import drawing, sentences, views
from ..util import i18n, korean
from ..read.catalog import Dataset
from ..read.views import declared
from .drawing import Model, Series
from ..read.standard import LICENSE
from ..derive.figures import COUNT_UNITS, Figures, inconsistent_keys, period_days, published


@dataclass(frozen=True)
class Credit:
    publisher: str  # the outlet that reported the figures
    published: str
    precision: str
    url: str
    released_by: dict[str, str]  # who released the statistic, per language ("" when the source does not say)
    publisher_ko: str = ""  # the outlet's Korean name, shown on the Korean pages ("" when it has none)

    def outlet(self, lang: str) -> str:
        """The outlet's name in the page's language: its Korean name on a Korean page where it has one."""
        return self.publisher_ko if lang == "ko" and self.publisher_ko else self.publisher


@dataclass(frozen=True)
class Chart:
    id: str
    title: dict[str, str]
    summary: dict[str, str]
    columns: dict[str, list[str]]
    rows: dict[str, list[list[str]]]
    csv: str
    model: Model
    sources: tuple[str, ...] = ()  # the ids of the sources of the figures drawn
    subtitle: dict[str, str] = field(default_factory=dict)
    note: dict[str, str] = field(default_factory=dict)
    authored: bool = False  # declared by a maintainer (a view), not generated
    credits: tuple[Credit, ...] = ()  # the sources of the figures drawn, for the source line under the chart
    licence: tuple[str, str] = ("", "")  # the compilation's licence: name and address

    @property
    def csv_name(self) -> str:
        return f"{self.id}.csv"

    @property
    def figure(self) -> dict[str, str]:
        """The interactive chart: Plotly's data and layout as JSON that is safe inside an HTML attribute or script."""
        return {lang: embeddable_json(drawing.plotly(self.model, lang)) for lang in i18n.LANGUAGES}

    @property
    def drawing(self) -> dict[str, Markup]:
        """The chart drawn at build time: what the page shows at once and without script."""
        return {lang: drawing.static(self.model, lang) for lang in i18n.LANGUAGES}


def build_charts(dataset: Dataset, figures: Figures, strings: dict) -> list[Chart]:
    charts = _view_charts(dataset, strings) + _by_group_charts(dataset, strings) + _by_period_charts(dataset, figures, strings)
    sources = {row.id: Credit(row.publisher, row.published, row.published_precision, row.url,
                              {"ko": row.released_by_ko, "en": row.released_by_en}, row.publisher_ko)
               for row in dataset.sources.itertuples()}
    licence = (dataset.descriptor.get("licenses") or [LICENSE])[0]
    return [dataclasses.replace(chart, credits=tuple(sources[s] for s in chart.sources),
                                licence=(licence.get("title") or licence.get("name", ""), licence.get("path", "")))
            for chart in charts]


def _view_charts(dataset: Dataset, strings: dict) -> list[Chart]:
    """The charts a maintainer declared as views of the package, with their own titles."""
    charts = []
    for view in declared(dataset):
        model, sources = views.model(dataset, view, strings)
        spec, first = view["spec"], "period" if spec_axis(view) == "period" else "group"
        units = list(dataset.measures.set_index("id").loc[[s["measure"] for s in spec["series"]], "unit"])
        columns = {lang: [strings[lang][first]] + [s.label[lang] for s in model.series] for lang in i18n.LANGUAGES}
        rows = {lang: [[label] + [s.text(i, lang, model.suppressed[lang]) for s in model.series]
                       for i, label in enumerate(model.labels[lang])] for lang in i18n.LANGUAGES}
        csv_rows = [[c] + ["" if s.values[i] is None else i18n.number(s.values[i], "en").replace(",", "")
                           for s in model.series] for i, c in enumerate(model.categories)]
        lengths = _unequal_lengths(dataset, model, units)
        if lengths:  # totals of periods of unequal length: the daily average beside each total
            for lang in i18n.LANGUAGES:
                columns[lang].append(strings[lang]["per_day_column"])
                for row, days, value in zip(rows[lang], lengths, model.series[0].values):
                    row.append(sentences.rate_text(value, days, units[0], lang, strings[lang]))
        note = {lang: " ".join(filter(None, [spec.get("note", {}).get(lang, ""),
                                             _length_note(dataset, model, lengths, units, lang, strings[lang])]))
                for lang in i18n.LANGUAGES}
        charts.append(Chart(model.id, dict(spec["title"]), views.summary(model, units, strings), columns, rows,
                            _table_csv([first] + [s.key for s in model.series], csv_rows), model, tuple(sources),
                            dict(spec.get("subtitle", {})), note if any(note.values()) else {}, authored=True))
    return charts


def _unequal_lengths(dataset: Dataset, model: Model, units: list[str]) -> list[int]:
    """The days of each period of a bar chart of one count over periods that differ in length (both ends counted);
    [] for any other chart."""
    if model.kind != "bar" or model.dates or len(model.series) != 1 or units[0] not in COUNT_UNITS:
        return []
    days = period_days(dataset)
    lengths = [days.get(category) for category in model.categories]
    if None in lengths or None in model.series[0].values or max(lengths) - min(lengths) <= 1:
        return []
    return lengths


def _length_note(dataset: Dataset, model: Model, lengths: list[int], units: list[str], lang: str, s: dict) -> str:
    """Which period is shorter and by how much, and the daily averages: computed from the periods' dates, never
    typed (a typed note once had the shorter period the wrong way round)."""
    if not lengths:
        return ""
    kinds = dict(zip(dataset.periods["id"], dataset.periods["kind"]))
    names = [s[f"kind_{kinds[c]}"] for c in model.categories]
    if len(set(names)) < len(names):
        names = list(model.labels[lang])
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    shorter, longer = order[0], order[-1]
    rates = " → ".join(sentences.rate_text(v, d, units[0], lang, s) for v, d in zip(model.series[0].values, lengths))
    if lang == "ko":
        return s["length_note"].format(shorter=korean.attach(f"{names[shorter]}({lengths[shorter]}일)", "이/가"),
                                       longer=f"{names[longer]}({lengths[longer]}일)", rates=rates)
    return s["length_note"].format(shorter=f"{names[shorter].lower()} ({lengths[shorter]} days)",
                                   longer=f"{names[longer].lower()} ({lengths[longer]} days)", rates=rates)


def spec_axis(view: dict) -> str:
    return view["spec"].get("axis", "period")


def _table_csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    return out.getvalue()


def _model(chart_id: str, kind: str, categories, labels: dict, values, axis_title: dict, suppressed: dict,
           decimals: tuple[int, ...] = ()) -> Model:
    """A generated chart: one series of values over categories (groups, or periods), written with the decimals
    the release published (8.80, not 8.8)."""
    known = tuple(None if pd.isna(v) else float(v) for v in values)
    return Model(chart_id, kind, tuple(categories), {lang: tuple(labels[lang]) for lang in labels},
                 (Series("value", axis_title, known, decimals=decimals),), axis_title, suppressed=suppressed)


def _labels(frame, lang: str) -> dict[str, str]:
    return dict(zip(frame["id"], frame[f"name_{lang}"]))


def _by_group_charts(dataset: Dataset, strings: dict) -> list[Chart]:
    rows = published(dataset)
    hidden = _suppressed(dataset)
    top = set(dataset.groups.loc[dataset.groups["parent"] == "total", "id"])
    group_order = list(dataset.groups["id"])
    units = dict(zip(dataset.measures["id"], dataset.measures["unit"]))
    charts = []
    for (period_id, measure), frame in rows[rows["group"].isin(top)].groupby(["period_id", "measure"], sort=True):
        frame = pd.concat([frame, hidden[(hidden["period_id"] == period_id) & (hidden["measure"] == measure)
                                         & hidden["group"].isin(top)]])
        if len(frame) < 2:
            continue
        frame = frame.assign(order=frame["group"].map(group_order.index)).sort_values("order")
        total = rows[(rows["period_id"] == period_id) & (rows["measure"] == measure) & (rows["group"] == "total")]["value"]
        # A share needs a total a release published: never a sum of the parts made here, never a flagged total.
        flagged = {(period_id, measure, g) for g in ["total"] + list(frame["group"])} & inconsistent_keys(dataset)
        unit = units[measure]
        total_value = float(total.iloc[0]) if len(total) and not flagged and unit in COUNT_UNITS else None
        no_share = "no_share_inconsistent" if flagged else "no_share_no_total"
        largest = frame.loc[frame["value"].idxmax()]
        chart_id = f"{dataset.name}--{period_id}--{measure}--by-group"
        title, summary, table, labels, names = {}, {}, {}, {}, {}
        for lang in i18n.LANGUAGES:
            s, groups = strings[lang], _labels(dataset.groups, lang)
            period = _labels(dataset.periods, lang)[period_id]
            measure_name = _labels(dataset.measures, lang)[measure]
            title[lang] = f"{measure_name} · {s['group']} ({period})"
            summary[lang] = _group_summary(s, lang, period, measure_name, groups[largest["group"]],
                                           float(largest["value"]), total_value, unit, no_share)
            labels[lang], names[lang] = [groups[g] for g in frame["group"]], measure_name
            table[lang] = [[label, s["suppressed"] if pd.isna(v) else i18n.number(v, lang)]
                           for label, v in zip(labels[lang], frame["value"])]
        header = ["group", "value"] + (["status"] if frame["value"].isna().any() else [])
        model = _model(chart_id, "bar", frame["group"], labels, frame["value"], names,
                       {lang: strings[lang]["suppressed"] for lang in i18n.LANGUAGES})
        charts.append(Chart(chart_id, title, summary, _columns(strings, "group"), table,
                            _csv(header, zip(frame["group"], frame["value"], frame["status"])), model,
                            tuple(dict.fromkeys(frame["source_id"]))))
    return charts


def _group_summary(s: dict, lang: str, period: str, measure: str, top_group: str, top: float, total: float | None,
                   unit: str, no_share: str) -> str:
    """"고등학교가 561건 중 300건(53.5%)으로 가장 많았습니다." With no usable total: the largest group, and why no share."""
    top_value = sentences.count(top, unit, lang)
    fields = {"period": period, "measure": measure, "top_group": top_group, "top_value": top_value,
              "top_group_ga": sentences.group_subject(top_group) if lang == "ko" else top_group}
    if total is None:
        fields["top_value_ro"] = korean.attach(top_value, "으로/로") if lang == "ko" else top_value
        return s["summary_by_group_no_share"].format(**fields) + " " + s[no_share]
    pct = i18n.percent(top / total * 100)
    part = f"{top_value}({pct})" if lang == "ko" else f"{top_value} ({pct})"
    fields.update(total=sentences.count(total, unit, lang), top_pct=pct,
                  top_part_ro=korean.attach(part, "으로/로") if lang == "ko" else part)
    return s["summary_by_group"].format(**fields)


def period_series(dataset: Dataset, period_ids: set[str]) -> list[tuple[str, list[str]]]:
    """Periods that may share one axis: all calendar years; snapshots counted from the same start; a period and the
    period it is declared comparable to. Partial years, snapshots and full years never share an axis."""
    periods = dataset.periods[dataset.periods["id"].isin(period_ids)]
    series = []
    years = list(periods.loc[periods["kind"] == "calendar_year", "id"])
    if len(years) > 1:
        series.append(("years", years))
    snapshots = periods[(periods["kind"] == "snapshot") & (periods["start"] != "")]
    for start, frame in snapshots.groupby("start", sort=True):
        if len(frame) > 1:
            series.append((f"asof-{start}", list(frame["id"])))
    covered = {pid for _, ids in series for pid in ids}
    for pid, base in zip(periods["id"], periods["comparable_to"]):
        if base in period_ids and not {pid, base} <= covered:
            series.append((pid, [base, pid]))
    return series


def _by_period_charts(dataset: Dataset, figures: Figures, strings: dict) -> list[Chart]:
    rows = published(dataset)
    totals = rows[rows["group"] == "total"]
    starts = dict(zip(dataset.periods["id"], dataset.periods["start"]))
    ends = dict(zip(dataset.periods["id"], dataset.periods["end"]))
    charts = []
    for measure, all_rows in totals.groupby("measure", sort=True):
        series = period_series(dataset, set(all_rows["period_id"]))
        for key, period_ids in series:
            frame = all_rows[all_rows["period_id"].isin(period_ids)]
            suffix = "by-period" if len(series) == 1 else f"{key}--by-period"
            charts.append(_period_chart(dataset, figures, strings, measure, frame, f"{dataset.name}--{measure}--{suffix}",
                                        starts, ends))
    return charts


def _period_chart(dataset, figures, strings, measure, frame, chart_id, starts, ends) -> Chart:
    frame = frame.assign(start=frame["period_id"].map(starts), end=frame["period_id"].map(ends))
    frame = frame.sort_values(["start", "end", "period_id"])
    title, summary, table, labels, names = {}, {}, {}, {}, {}
    unit = dict(zip(dataset.measures["id"], dataset.measures["unit"]))[measure]
    places = dataset.value_decimals  # 8.80 as published, not 8.8
    for lang in i18n.LANGUAGES:
        s, periods = strings[lang], _labels(dataset.periods, lang)
        measure_name = _labels(dataset.measures, lang)[measure]
        first, last = frame.iloc[0], frame.iloc[-1]
        title[lang] = f"{measure_name} · {s['period']}"
        summary[lang] = s["summary_by_period"].format(
            measure=measure_name, first_period=periods[first["period_id"]], first_value=sentences.count(first["value"], unit, lang, places.get(first.name, 0)),
            last_period=periods[last["period_id"]],
            last_value=sentences.count(last["value"], unit, lang, places.get(last.name, 0)))
        change = next((c for c in figures.changes if c.measure == measure and c.group == "total" and c.base_period_id in set(frame["period_id"])
                       and c.period_id in set(frame["period_id"]) and len(frame) == 2), None)
        if change:
            summary[lang] = sentences.change_summary(change, periods, unit, lang, s)
        labels[lang], names[lang] = [periods[p] for p in frame["period_id"]], measure_name
        table[lang] = [[label, sentences.as_published(v, places.get(index, 0), lang)]
                       for label, index, v in zip(labels[lang], frame.index, frame["value"])]
    model = _model(chart_id, "bar", frame["period_id"], labels, frame["value"], names, {},
                   tuple(places.get(index, 0) for index in frame.index))
    return Chart(chart_id, title, summary, _columns(strings, "period"), table,
                 _csv(["period_id", "value"], zip(frame["period_id"], frame["value"])), model,
                 tuple(dict.fromkeys(frame["source_id"])))


def _suppressed(dataset: Dataset):
    obs = dataset.observations
    return obs[(obs["role"] == "published") & (obs["status"] != "")]


def _columns(strings: dict, first: str) -> dict[str, list[str]]:
    return {lang: [strings[lang][first], strings[lang]["value"]] for lang in i18n.LANGUAGES}


def _csv(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for key, value, *status in rows:  # a suppressed value stays empty; its status code has its own column
        cells = [key, "" if pd.isna(value) else i18n.number(float(value), "en").replace(",", "")]
        writer.writerow(cells + status[: len(header) - 2])
    return out.getvalue()


def embeddable_json(data) -> str:
    """JSON that is safe inside <script type="application/json">: no <, > or & can end the element."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
