"""Charts built from the data, each with a text summary and the table behind it.

A Chart carries everything a page needs in both languages: its model (what it
draws, sitegen.render.drawing), from which come the chart drawn at build time and the
Plotly figure as JSON (fixed ids, sorted keys: deterministic), a one-sentence
summary made from the data, the data table, a CSV of exactly that data and the
sources of its figures. Every chart is declared by a maintainer (a view: sitegen.read.views),
with a title and subtitle a person wrote; figures no view draws stay in their dataset's table.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import json
from dataclasses import dataclass, field

from markupsafe import Markup

from ..derive import register
from ..derive.figures import COUNT_UNITS, Figures, period_days
from ..read.catalog import Dataset
from ..read.standard import LICENSE
from ..read.views import cells, declared, published_cells
from ..util import i18n, korean
from . import drawing, sentences, views
from .drawing import Model


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
    periods: tuple[str, ...] = ()  # the periods whose figures it draws (a campaign page shows the charts of its own)
    # each table row's numbers as numbers (None where suppressed), the daily average last where there is one: the
    # data table sorts by them (data-sort), not by its words ("약 30일에 1명" is no 301)
    sort_keys: tuple[tuple[float | None, ...], ...] = ()
    package: str = ""  # the package that declares it
    # the summary as HTML whose numbers link to their figures, from a language's root ("figures/..."): linked_summary
    summary_html: dict[str, str] = field(default_factory=dict)
    # each table row's figures, one (period, measure, group) per series: its numbers link to their permalinks
    figure_keys: tuple[tuple[tuple[str, str, str], ...], ...] = ()

    def linked_summary(self, lang: str, root: str) -> Markup:
        """The summary whose numbers link to their figures' permalinks, from a page `root` below the language's root.
        Everything else in it was escaped when it was made, so the only href="figures/ in it are its own links."""
        html = self.summary_html.get(lang) or str(Markup.escape(self.summary[lang]))
        return Markup(html.replace('href="figures/', f'href="{root}figures/'))

    def permalink(self, row: int, column: int) -> str:
        """The address of the figure behind a table cell (from a language's root); the daily average beside a total
        is the total's. "" for a cell no figure stands behind."""
        if not self.figure_keys or row >= len(self.figure_keys):
            return ""
        keys = self.figure_keys[row]
        return register.permalink(self.package, *keys[min(column, len(keys) - 1)]) if keys else ""

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
    charts = _view_charts(dataset, figures, strings)
    sources = {
        row.id: Credit(
            row.publisher,
            row.published,
            row.published_precision,
            row.url,
            {"ko": row.released_by_ko, "en": row.released_by_en},
            row.publisher_ko,
        )
        for row in dataset.sources.itertuples()
    }
    licence = (dataset.descriptor.get("licenses") or [LICENSE])[0]
    return [
        dataclasses.replace(
            chart,
            credits=tuple(sources[s] for s in chart.sources),
            licence=(licence.get("title") or licence.get("name", ""), licence.get("path", "")),
        )
        for chart in charts
    ]


def _view_charts(dataset: Dataset, figures: Figures, strings: dict) -> list[Chart]:
    """The charts a maintainer declared as views of the package, with their own titles."""
    charts = []
    for view in declared(dataset):
        model, sources = views.model(dataset, view, strings)
        spec, first = view["spec"], "period" if spec_axis(view) == "period" else "group"
        units = list(dataset.measures.set_index("id").loc[[s["measure"] for s in spec["series"]], "unit"])
        columns = {lang: [strings[lang][first]] + [s.label[lang] for s in model.series] for lang in i18n.LANGUAGES}
        rows = {
            lang: [
                [label] + [s.text(i, lang, model.suppressed[lang]) for s in model.series]
                for i, label in enumerate(model.labels[lang])
            ]
            for lang in i18n.LANGUAGES
        }
        csv_rows = [
            [c] + ["" if s.values[i] is None else i18n.number(s.values[i], "en").replace(",", "") for s in model.series]
            for i, c in enumerate(model.categories)
        ]
        header = [first] + [s.key for s in model.series]
        statuses = _statuses(dataset, spec)
        if any(any(column) for column in statuses):  # a suppressed value stays empty; its code has a column of its own
            header += [f"{s.key}.status" for s in model.series]
            csv_rows = [row + [column[i] for column in statuses] for i, row in enumerate(csv_rows)]
        keys = [[s.values[i] for s in model.series] for i in range(len(model.categories))]
        lengths = _unequal_lengths(dataset, model, units)
        if lengths:  # totals of periods of unequal length: the daily average beside each total
            for lang in i18n.LANGUAGES:
                columns[lang].append(strings[lang]["per_day_column"])
                for row, days, value in zip(rows[lang], lengths, model.series[0].values):
                    row.append(sentences.rate_text(value, days, units[0], lang, strings[lang]))
            for key, days, value in zip(keys, lengths, model.series[0].values):
                key.append(value / days)
        note = {
            lang: " ".join(
                filter(
                    None,
                    [
                        spec.get("note", {}).get(lang, ""),
                        _length_note(dataset, model, lengths, units, lang, strings[lang]),
                        *_flag_notes(dataset, spec, model, lang),
                    ],
                )
            )
            for lang in i18n.LANGUAGES
        }
        by_group = spec_axis(view) == "group"
        shares = _shares_of_total(figures, spec, model)
        charts.append(
            Chart(
                model.id,
                dict(spec["title"]),
                views.summary(model, units, strings, by_group, shares),
                columns,
                rows,
                _table_csv(header, csv_rows),
                model,
                tuple(sources),
                dict(spec.get("subtitle", {})),
                note if any(note.values()) else {},
                authored=True,
                periods=tuple(dict.fromkeys(c.period_id for column in cells(spec) for c in column)),
                sort_keys=tuple(tuple(key) for key in keys),
                package=dataset.name,
                summary_html={
                    lang: str(text)
                    for lang, text in views.summary(
                        model,
                        units,
                        strings,
                        by_group,
                        shares,
                        link=functools.partial(_summary_link, dataset.name, cells(spec), spec),
                    ).items()
                },
                figure_keys=tuple(tuple((c.period_id, c.measure, c.group) for c in row) for row in zip(*cells(spec))),
            )
        )
    return charts


def _summary_link(package: str, columns: list, spec: dict, series: int, category: int | None, text: str) -> Markup:
    """A number of a chart's summary, linked to its figure: a cell of the chart, or (category None) the total the
    shares of a chart by group are of."""
    cell = columns[series][category] if category is not None else None
    key = (
        (cell.period_id, cell.measure, cell.group)
        if cell
        else (columns[series][0].period_id, columns[series][0].measure, "total")
    )
    return sentences.figure_link("", package, key, text)  # from the language's root: see linked_summary


def _statuses(dataset: Dataset, spec: dict) -> list[list[str]]:
    """The status code (c: suppressed) of every drawn cell, one list per series."""
    rows = published_cells(dataset)
    return [[str(rows[(c.period_id, c.measure, c.group)][1]) for c in column] for column in cells(spec)]


def _shares_of_total(figures: Figures, spec: dict, model: Model) -> dict:
    """group -> its share of the published total (derive.figures), for a one-series chart over groups that are all
    parts of the total; {} when any is missing (no total published, or one flagged inconsistent)."""
    if spec.get("axis", "period") != "group" or len(spec["series"]) != 1:
        return {}
    measure, period = spec["series"][0]["measure"], spec["series"][0].get("period") or spec["periods"][0]
    shares = {group: figures.share(measure, period, group, "total") for group in model.categories}
    return shares if all(shares.values()) else {}


FLAGS_WITH_REASONS = ("lower_confidence", "different_definition", "inconsistent_in_release")


def _flag_notes(dataset: Dataset, spec: dict, model: Model, lang: str) -> list[str]:
    """The reason of every drawn figure that carries a flag (lower confidence, defined differently, not adding up in
    its release): a chart never shows such a figure without saying why (a running total that falls, say). A flagged
    row's note names its figure, as it is shown beside the figure in the tables too."""
    obs = dataset.observations
    flagged = obs[(obs["role"] == "published") & obs["flag"].isin(FLAGS_WITH_REASONS) & (obs[f"note_{lang}"] != "")]
    reasons = {(o.period_id, o.measure, o.group): getattr(o, f"note_{lang}") for o in flagged.itertuples()}
    notes = [reasons.get((cell.period_id, cell.measure, cell.group)) for column in cells(spec) for cell in column]
    return list(dict.fromkeys(note for note in notes if note))


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
        return s["length_note"].format(
            shorter=korean.attach(f"{names[shorter]}({lengths[shorter]}일)", "이/가"),
            longer=f"{names[longer]}({lengths[longer]}일)",
            rates=rates,
        )
    return s["length_note"].format(
        shorter=f"{names[shorter].lower()} ({lengths[shorter]} days)",
        longer=f"{names[longer].lower()} ({lengths[longer]} days)",
        rates=rates,
    )


def spec_axis(view: dict) -> str:
    return view["spec"].get("axis", "period")


def _table_csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    return out.getvalue()


def embeddable_json(data) -> str:
    """JSON that is safe inside <script type="application/json">: no <, > or & can end the element."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
