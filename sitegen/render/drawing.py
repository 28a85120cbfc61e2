"""One chart, two renderings that agree: the markup drawn at build time and the Plotly figure.

A Model says what the chart shows (kind, categories, series, a value axis,
dated annotations); `static` draws it as HTML and SVG that a page shows at once
and without script, `plotly` gives the interactive figure of the same model.
Both use the same kind, orientation, order, labels and colours: bars run
horizontally (long Korean labels fit a phone), lines run left to right over
time. Every drawn value carries the class `chart__mark` in the static chart
and is one Plotly point, so the two can be counted against each other.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..util import i18n
from . import sentences

# Okabe-Ito: distinguishable with the common forms of colour blindness. The static chart takes the colours from
# CSS (--chart-N, lighter in the dark scheme), the interactive one from the same variables (charts.js).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
BAR_SPACE = 80.0  # percent of the width the longest bar takes; the rest holds its value


@dataclass(frozen=True)
class Series:
    key: str
    label: dict[str, str]
    values: tuple[float | None, ...]  # one per category; None = suppressed or not published
    colour: int = 0  # index into PALETTE
    decimals: tuple[int, ...] = ()  # the decimals each value was published with (8.80), when it had any

    def text(self, index: int, lang: str, suppressed: str = "") -> str:
        """The value written beside its mark, as the release printed it."""
        value = self.values[index]
        if value is None:
            return suppressed
        return sentences.as_published(value, self.decimals[index] if self.decimals else 0, lang)


@dataclass(frozen=True)
class Annotation:
    at: str  # an ISO date on a time axis, or a category id
    label: dict[str, str]


@dataclass(frozen=True)
class Model:
    id: str
    kind: str
    categories: tuple[str, ...]
    labels: dict[str, tuple[str, ...]]  # the categories' labels per language
    series: tuple[Series, ...]
    axis_title: dict[str, str]
    dates: tuple[str, ...] = ()  # a line over time: each category's ISO date (the axis is then a time axis)
    annotations: tuple[Annotation, ...] = ()
    highlight: tuple[str, ...] = field(default=())  # categories drawn in the accent colour (single-series bars)
    suppressed: dict[str, str] = field(default_factory=dict)  # the text shown for a suppressed value

    @property
    def orientation(self) -> str:
        return "v" if self.kind == "line" else "h"

    def marks(self) -> int:
        """How many values are drawn (a suppressed value is written, not drawn)."""
        return sum(v is not None for s in self.series for v in s.values)

    def colour_of(self, series: Series, category: str) -> int:
        if self.highlight and len(self.series) == 1:
            return 1 if category in self.highlight else 0
        return series.colour


def value_text(value: float | None, lang: str, suppressed: str = "") -> str:
    return suppressed if value is None else i18n.number(value, lang)


# --- the static chart ---------------------------------------------------------------------------------------------


def static(model: Model, lang: str) -> Markup:
    """The chart as markup: rows of horizontal bars (HTML labels, one SVG per row) or an SVG line chart."""
    body = _line_svg(model, lang) if model.kind == "line" else _bar_rows(model, lang)
    return Markup(
        f'<div class="chart__static" data-kind="{model.kind}" data-orientation="{model.orientation}" '
        f'data-marks="{model.marks()}">{body}{_legend(model, lang)}</div>'
    )


def _legend(model: Model, lang: str) -> str:
    if len(model.series) < 2:
        return ""
    items = "".join(
        f'<li><span class="chart__swatch chart-c{s.colour}" aria-hidden="true"></span>{escape(s.label[lang])}</li>'
        for s in model.series
    )
    return f'<ul class="chart__legend">{items}</ul>'


def _bar_rows(model: Model, lang: str) -> str:
    suppressed = model.suppressed.get(lang, "")
    stacked = model.kind == "stacked-bar"
    totals = [sum(v or 0 for v in column) for column in zip(*(s.values for s in model.series))] if stacked else []
    largest = max(totals if stacked else [v for s in model.series for v in s.values if v is not None], default=0) or 1
    scale = BAR_SPACE / largest
    rows = []
    for index, (category, label) in enumerate(zip(model.categories, model.labels[lang])):
        if stacked:
            shapes, x = [], 0.0
            for s in model.series:
                v = s.values[index]
                if v is not None:
                    width = round(v * scale, 2)
                    shapes.append(
                        f'<rect class="chart__mark chart-c{s.colour}" x="{x:g}%" y="2" width="{width:g}%" '
                        f'height="20"><title>{escape(s.label[lang])}: {s.text(index, lang)}</title></rect>'
                    )
                    x = round(x + width, 2)
            shapes.append(
                f'<text class="chart__value" x="{x:g}%" dx="6" y="17">{value_text(totals[index], lang)}</text>'
            )
            height = 24
        else:
            shapes, y = [], 2
            for s in model.series:
                v = s.values[index]
                colour = model.colour_of(s, category)
                if v is None:
                    shapes.append(
                        f'<text class="chart__value chart__value--suppressed" x="0" y="{y + 15}">'
                        f"{escape(suppressed)}</text>"
                    )
                else:
                    width = round(v * scale, 2)
                    shapes.append(
                        f'<rect class="chart__mark chart-c{colour}" x="0" y="{y}" width="{width:g}%" height="20" '
                        f'rx="2"></rect><text class="chart__value" x="{width:g}%" dx="6" y="{y + 15}">'
                        f"{s.text(index, lang)}</text>"
                    )
                y += 24
            height = y
        rows.append(
            f'<div class="chart__row"><div class="chart__label">{escape(label)}</div>'
            f'<svg class="chart__bars" width="100%" height="{height}" aria-hidden="true" focusable="false">'
            f"{''.join(shapes)}</svg></div>"
        )
    return "".join(rows)


# A line chart's drawing area, in SVG units (the SVG scales to the column's width).
WIDTH, HEIGHT = 480, 300
LEFT, RIGHT, TOP, BOTTOM = 52, 20, 40, 40


def _line_svg(model: Model, lang: str) -> str:
    axis = line_axis(model, lang)
    top = axis["y_max"]
    x_of = axis["x"]

    def y_of(value: float) -> float:
        return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top), 1)

    parts = []
    for tick in axis["y_ticks"]:
        y = y_of(tick)
        parts.append(
            f'<line class="chart__grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}"></line>'
            f'<text class="chart__tick" x="{LEFT - 6}" y="{y + 4}" text-anchor="end">{i18n.number(tick, lang)}</text>'
        )
    for position, text in axis["x_ticks"]:
        parts.append(
            f'<text class="chart__tick" x="{position}" y="{HEIGHT - BOTTOM + 20}" text-anchor="middle">'
            f"{escape(text)}</text>"
        )
    for note in model.annotations:
        x = x_of(note.at)
        right = annotation_on_the_right(x)
        parts.append(
            f'<line class="chart__annotation" x1="{x}" x2="{x}" y1="{TOP - 14}" y2="{HEIGHT - BOTTOM}"></line>'
            f'<text class="chart__annotation-label" x="{x - 4 if right else x + 4}" y="{TOP - 20}" '
            f'text-anchor="{"end" if right else "start"}">{escape(note.label[lang])}</text>'
        )
    for s in model.series:
        points = [(x_of(key), y_of(v), v) for key, v in zip(axis["keys"], s.values) if v is not None]
        path = " ".join(f"{x},{y}" for x, y, _ in points)
        parts.append(f'<polyline class="chart__line chart-s{s.colour}" points="{path}"></polyline>')
        labelled = line_labels(model, s, lang)
        for (x, y, _), text in zip(points, [t for t in labelled if t is not None]):
            parts.append(f'<circle class="chart__mark chart-c{s.colour}" cx="{x}" cy="{y}" r="4"></circle>')
            if text:
                parts.append(f'<text class="chart__value" x="{x}" y="{y - 9}" text-anchor="middle">{text}</text>')
    return (
        f'<svg class="chart__svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" aria-hidden="true" focusable="false">'
        f'<line class="chart__axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{HEIGHT - BOTTOM}" y2="{HEIGHT - BOTTOM}"></line>'
        f"{''.join(parts)}</svg>"
    )


def line_labels(model: Model, series: Series, lang: str = "en") -> list[str | None]:
    """The value written by each point of a line (None where there is no point): every value of a single line; with
    several lines only the last one of each, so that close lines do not write over each other."""
    known = [i for i, v in enumerate(series.values) if v is not None]
    return [
        None if v is None else series.text(i, lang) if len(model.series) == 1 or i == known[-1] else ""
        for i, v in enumerate(series.values)
    ]


def annotation_on_the_right(x: float) -> bool:
    """An annotation in the right part of the chart writes its label to the left of its line, and the reverse."""
    return x > LEFT + (WIDTH - LEFT - RIGHT) * 0.55


def line_axis(model: Model, lang: str) -> dict:
    """The axes both renderings share: the value axis' top and ticks, the x position of every category and
    annotation, and the x-axis ticks (month starts on a time axis, the categories otherwise)."""
    values = [v for s in model.series for v in s.values if v is not None]
    y_max, y_ticks = nice_ticks(max(values, default=1))
    span = WIDTH - LEFT - RIGHT
    if model.dates:
        days = [_day(d) for d in model.dates] + [_day(a.at) for a in model.annotations]
        first, last = min(days), max(days)
        pad = max((last - first).days * 0.04, 1)

        def x(key: str) -> float:
            day = _day(model.dates[model.categories.index(key)] if key in model.categories else key)
            return round(LEFT + span * ((day - first).days + pad) / ((last - first).days + 2 * pad), 1)

        months = month_starts(first, last)
        ticks = [(x(m.isoformat()), month_label(m, lang, i == 0 or m.month == 1)) for i, m in enumerate(months)]
        return {
            "y_max": y_max,
            "y_ticks": y_ticks,
            "x": x,
            "keys": model.categories,
            "x_ticks": ticks,
            "x_range": [(first - dt.timedelta(days=pad)).isoformat(), (last + dt.timedelta(days=pad)).isoformat()],
            "months": months,
        }
    step = span / len(model.categories)

    def x(key: str) -> float:
        return round(LEFT + step * (model.categories.index(key) + 0.5), 1)

    return {
        "y_max": y_max,
        "y_ticks": y_ticks,
        "x": x,
        "keys": model.categories,
        "x_ticks": [(x(c), label) for c, label in zip(model.categories, model.labels[lang])],
        "months": [],
    }


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def nice_ticks(largest: float, count: int = 4) -> tuple[float, list[float]]:
    """A round top for the value axis above `largest` (x 1, 2, 2.5 or 5 by a power of ten) and its ticks from 0."""
    raw = largest * 1.12 / count
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    ticks = [round(step * i, 10) for i in range(count + 1)]
    return ticks[-1], ticks


def month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    day = dt.date(first.year, first.month, 1)
    if day < first:
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    months = []
    while day <= last:
        months.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


def month_label(day: dt.date, lang: str, with_year: bool) -> str:
    return i18n.month(day, lang, with_year)


# --- the interactive chart ----------------------------------------------------------------------------------------


def plotly(model: Model, lang: str) -> dict:
    """The Plotly figure (data and layout) of the same model, as a plain dict."""
    if model.kind == "line":
        return _plotly_line(model, lang)
    labels = list(model.labels[lang])
    traces = []
    for s in model.series:
        colours = [PALETTE[model.colour_of(s, c)] for c in model.categories]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": s.label[lang],
                "y": labels,
                "x": list(s.values),
                "marker": {"color": colours if len(set(colours)) > 1 else colours[0]},
                "text": [s.text(i, lang) if v is not None else "" for i, v in enumerate(s.values)],
                "textposition": "outside" if model.kind != "stacked-bar" else "inside",
                "cliponaxis": False,
                "hovertemplate": "%{y}: %{x:,}<extra>" + _hover_name(model, s, lang) + "</extra>",
            }
        )
    rows = len(labels) * (len(model.series) if model.kind == "grouped-bar" else 1)
    layout = {
        "height": 80 + 36 * rows,
        "margin": {"l": 8, "r": 48, "t": 16, "b": 48},
        "xaxis": {"title": {"text": model.axis_title[lang]}, "rangemode": "tozero", "separatethousands": True},
        "yaxis": {"automargin": True, "autorange": "reversed", "type": "category"},
        "barmode": "stack" if model.kind == "stacked-bar" else "group",
        "bargap": 0.3,
        "showlegend": len(model.series) > 1,
        "legend": {"orientation": "h", "traceorder": "normal"},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
    }
    annotations = [
        {"y": label, "x": 0, "text": model.suppressed.get(lang, ""), "showarrow": False, "xanchor": "left"}
        for s in model.series
        for label, v in zip(labels, s.values)
        if v is None
    ]
    if annotations:
        layout["annotations"] = annotations
    return {"data": traces, "layout": layout}


def _hover_name(model: Model, series: Series, lang: str) -> str:
    return str(escape(series.label[lang])) if len(model.series) > 1 else ""


def _plotly_line(model: Model, lang: str) -> dict:
    axis = line_axis(model, lang)
    x_values = list(model.dates) if model.dates else list(model.labels[lang])
    traces = [
        {
            "type": "scatter",
            "mode": "lines+markers+text",
            "name": s.label[lang],
            "x": x_values,
            "y": list(s.values),
            "line": {"color": PALETTE[s.colour], "width": 2.5},
            "marker": {"color": PALETTE[s.colour], "size": 8},
            "text": [t or "" for t in line_labels(model, s, lang)],
            "textposition": "top center",
            "cliponaxis": False,
            "connectgaps": True,
            "hovertemplate": "%{x}: %{y:,}<extra>" + _hover_name(model, s, lang) + "</extra>",
        }
        for s in model.series
    ]
    if model.dates:
        xaxis = {
            "type": "date",
            "range": axis["x_range"],
            "tickvals": [m.isoformat() for m in axis["months"]],
            "ticktext": [text for _, text in axis["x_ticks"]],
            "showgrid": False,
        }
        x_of = {note.at: note.at for note in model.annotations}
    else:
        xaxis = {"type": "category", "showgrid": False}
        x_of = {c: label for c, label in zip(model.categories, model.labels[lang])}
    layout = {
        "height": 360,
        "margin": {"l": 56, "r": 24, "t": 40, "b": 48},
        "xaxis": xaxis,
        "yaxis": {
            "title": {"text": model.axis_title[lang]},
            "range": [0, axis["y_max"]],
            "tickvals": axis["y_ticks"],
            "separatethousands": True,
        },
        "showlegend": len(model.series) > 1,
        "legend": {"orientation": "h", "traceorder": "normal"},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "shapes": [
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": x_of[n.at],
                "x1": x_of[n.at],
                "y0": 0,
                "y1": 1.04,
                "line": {"dash": "dash", "width": 1.5, "color": "#767676"},
            }
            for n in model.annotations
        ],
        "annotations": [
            {
                "x": x_of[n.at],
                "xref": "x",
                "y": 1.08,
                "yref": "paper",
                "text": n.label[lang],
                "showarrow": False,
                "xanchor": "right" if annotation_on_the_right(axis["x"](n.at)) else "left",
            }
            for n in model.annotations
        ],
    }
    return {"data": traces, "layout": layout}
