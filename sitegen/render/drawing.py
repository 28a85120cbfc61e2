"""One chart, two renderings that agree: the markup drawn at build time and the Plotly figure.

A Model says what the chart shows (kind, categories, series, a value axis,
dated annotations); `static` draws it as HTML and SVG that a page shows at once
and without script, `plotly` gives the interactive figure of the same model.
Both use the same kind, orientation, order, labels and colours: bars run
horizontally (long Korean labels fit a phone), lines run left to right over
time. Every drawn value carries the class `chart__mark` in the static chart
and is one Plotly point, so the two can be counted against each other.
Where a line chart's texts go is chart_layout's (shared with the picture,
sitegen.publish.images); the interactive line chart is plotly_line's.
Colour is identity (sitegen.render.views): a group keeps its colour on every
chart; bars beside a highlighted one are the neutral grey.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..util import i18n
from . import chart_layout as layout
from . import plotly_line, sentences

PALETTE, NEUTRAL = layout.PALETTE, layout.NEUTRAL
BAR_SPACE = 80.0  # percent of the width the longest bar takes; the rest holds its value


@dataclass(frozen=True)
class Series:
    key: str
    label: dict[str, str]
    values: tuple[float | None, ...]  # one per category; None = suppressed or not published
    colour: int = 0  # index into PALETTE
    decimals: tuple[int, ...] = ()  # the decimals each value was published with (8.80), when it had any
    subset_of: str = ""  # the key of the series whose group holds this one's (aged 10-13 within teens): drawn dashed
    legend: dict[str, str] = field(default_factory=dict)  # its name in the legend, when not its label ("of whom ...")

    def name(self, lang: str) -> str:
        return self.legend.get(lang) or self.label[lang]

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
    date: str = ""  # on a category axis: the event's date, inside the category's period
    within: tuple[str, str] = ("", "")  # on a category axis: the first and last day of that period


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
    category_colours: dict[str, int] = field(default_factory=dict)  # a chart over groups: each group's own colour

    @property
    def orientation(self) -> str:
        return "v" if self.kind == "line" else "h"

    def marks(self) -> int:
        """How many values are drawn (a suppressed value is written, not drawn)."""
        return sum(v is not None for s in self.series for v in s.values)

    def colour_of(self, series: Series, category: str) -> int:
        """A highlighted bar takes its group's colour (the series' over periods), the others the neutral grey."""
        if self.highlight and len(self.series) == 1:
            return self.category_colours.get(category, series.colour) if category in self.highlight else NEUTRAL
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
    """The series' names beside their keys: a swatch for bars, a stretch of line (dashed for a subset) for lines."""
    if len(model.series) < 2:
        return ""
    items = "".join(f"<li>{_key(model, s)}{escape(s.name(lang))}</li>" for s in model.series)
    return f'<ul class="chart__legend">{items}</ul>'


def _key(model: Model, s: Series) -> str:
    if model.kind != "line":
        return f'<span class="chart__swatch chart-c{s.colour}" aria-hidden="true"></span>'
    dashed = " chart__line--subset" if s.subset_of else ""
    return (
        f'<svg class="chart__key" width="22" height="12" aria-hidden="true" focusable="false">'
        f'<line class="chart__line chart-s{s.colour}{dashed}" x1="1" x2="21" y1="6" y2="6"></line></svg>'
    )


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


# A line chart on the page: a fixed height in CSS pixels, the width of its column. Across, everything is placed in
# percent of the plot's width; text keeps its size in pixels (chart_layout says where it goes).
HEIGHT, FONT = 280, layout.FONT
PAGE_WIDTHS = layout.WIDTHS
margins = layout.margins


def page_plot(model: Model) -> layout.Plot:
    top = 30 + (FONT + 10 if model.annotations else 0)
    bottom = HEIGHT - 30 - (19 if model.dates else 0)  # a time axis writes the year under the month
    return layout.Plot(line_axis(model, "en")["y_max"], top, bottom, HEIGHT, FONT)


def _pc(fx: float) -> str:
    return f"{fx * 100:.2f}%"


def _text(t: layout.Text, css: str) -> str:
    anchor = f' text-anchor="{t.anchor}"' if t.anchor != "start" else ""
    dx = f' dx="{t.dx:g}"' if t.dx else ""
    return f'<text class="{css}" x="{_pc(t.fx)}"{dx} y="{t.y:g}"{anchor}>{escape(t.text)}</text>'


def _tick_anchor(fx: float, text: str) -> str:
    """A tick's label is centred on its tick, unless that would take it past an end of the plot (at its narrowest):
    it then starts or ends at the tick."""
    half, width = layout.text_width(text, FONT) / 2, PAGE_WIDTHS[0]
    return "start" if fx * width < half else "end" if (1 - fx) * width < half else "middle"


def _line_svg(model: Model, lang: str) -> str:
    plot = page_plot(model)
    left, right = margins(model, lang)
    drawn = layout.line_layout(model, lang, plot, PAGE_WIDTHS, right)
    axis = drawn["axis"]
    parts = [
        f'<rect class="chart__annotation-band" x="{_pc(x0)}" y="{plot.size * 0.1:g}" width="{_pc(x1 - x0)}" '
        f'height="{plot.bottom - plot.size * 0.1:g}"></rect>'
        for x0, x1 in drawn["bands"]
    ]
    for tick in axis["y_ticks"]:
        y = plot.y(tick)
        parts.append(
            f'<line class="chart__grid" x1="0" x2="100%" y1="{y}" y2="{y}"></line>'
            f'<text class="chart__tick" x="0" dx="-8" y="{round(y + FONT * 0.35, 1)}" text-anchor="end">'
            f"{i18n.number(tick, lang)}</text>"
        )
    parts.append(f'<line class="chart__axis" x1="0" x2="100%" y1="{plot.bottom}" y2="{plot.bottom}"></line>')
    for row, ticks in ((plot.bottom + 20, axis["x_months"]), (plot.bottom + 39, axis["x_years"])):
        parts += [_text(layout.Text(fx, 0, row, text, _tick_anchor(fx, text)), "chart__tick") for fx, text in ticks]
    for rule in drawn["rules"]:
        parts.append(
            f'<line class="chart__annotation" x1="{_pc(rule.fx)}" x2="{_pc(rule.fx)}" y1="{rule.y0:g}" '
            f'y2="{rule.y1:g}"></line>'
        )
    parts += [_text(note, "chart__annotation-label") for note in drawn["notes"]]
    lines = []
    for s, points in zip(model.series, drawn["lines"]):
        path = " ".join(f"{round(p[0] * 1000, 1):g},{p[1]:g}" for p in points if p)
        dashed = " chart__line--subset" if s.subset_of else ""
        lines.append(
            f'<polyline class="chart__line chart-s{s.colour}{dashed}" points="{path}" '
            f'vector-effect="non-scaling-stroke"></polyline>'
        )
    parts.append(
        f'<svg class="chart__lines" width="100%" height="{HEIGHT}" viewBox="0 0 1000 {HEIGHT}" '
        f'preserveAspectRatio="none">{"".join(lines)}</svg>'
    )
    for s, points in zip(model.series, drawn["lines"]):
        parts += [
            f'<circle class="chart__mark chart-c{s.colour}" cx="{_pc(p[0])}" cy="{p[1]:g}" r="{layout.MARK}"></circle>'
            for p in points
            if p
        ]
    parts += [_text(value, "chart__value") for value in drawn["values"]]
    return (
        f'<div class="chart__frame" style="padding:0 {right}px 0 {left}px">'
        f'<svg class="chart__svg" width="100%" height="{HEIGHT}" aria-hidden="true" focusable="false">'
        f"{''.join(parts)}</svg></div>"
    )


def line_axis(model: Model, lang: str) -> dict:
    return layout.line_axis(model, lang)


def line_labels(model: Model, series: Series, lang: str = "en") -> list[str | None]:
    return layout.line_labels(model, series, lang)


def nice_ticks(largest: float) -> tuple[float, list[float]]:
    """The value axis' top and ticks (chart_layout.nice_axis): one rule for the page, Plotly and the picture."""
    return layout.nice_axis(largest)


# --- the interactive chart ----------------------------------------------------------------------------------------


def plotly(model: Model, lang: str) -> dict:
    """The Plotly figure (data and layout) of the same model, as a plain dict."""
    if model.kind == "line":
        return plotly_line.figure(model, lang)
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
                "hovertemplate": "%{y}: %{x:,}<extra>" + hover_name(model, s, lang) + "</extra>",
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


def hover_name(model: Model, series: Series, lang: str) -> str:
    return str(escape(series.label[lang])) if len(model.series) > 1 else ""
