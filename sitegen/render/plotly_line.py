"""The interactive line chart: the Plotly figure of a line chart's model, with the page's axis, places for the values
(found for Plotly's plot height, sitegen.render.chart_layout) and annotations (a rule with its label on a time axis,
a band within its period otherwise)."""

from __future__ import annotations

from markupsafe import escape

from . import chart_layout as layout
from .chart_layout import FONT, PALETTE, line_axis, line_labels, margins

PAGE_WIDTHS = layout.WIDTHS

PLOTLY_HEIGHT, PLOTLY_TOP, PLOTLY_BOTTOM = 360, 56, 48  # the interactive line chart, in pixels
SIDES = {  # a value's place (side, anchor) as Plotly's textposition
    ("above", "middle"): "top center",
    ("above", "start"): "top right",
    ("above", "end"): "top left",
    ("below", "middle"): "bottom center",
    ("below", "start"): "bottom right",
    ("below", "end"): "bottom left",
    ("right", "start"): "middle right",
    ("left", "end"): "middle left",
}


def figure(model, lang: str) -> dict:
    """The same line chart in Plotly: the same axis, the same places for the values (found for Plotly's plot
    height), the same annotations (a rule with its label on a time axis, a band within its period otherwise)."""
    inner = PLOTLY_HEIGHT - PLOTLY_TOP - PLOTLY_BOTTOM
    plot = layout.Plot(line_axis(model, lang)["y_max"], 0, inner, inner, FONT)
    left, right = margins(model, lang)
    drawn = layout.line_layout(model, lang, plot, PAGE_WIDTHS, right)
    axis = drawn["axis"]
    x_values = list(model.dates) if model.dates else list(model.labels[lang])
    several = len(model.series) > 1
    sides = {(v.series, v.index): SIDES[v.side, v.anchor] for v in drawn["values"]}
    traces = []
    for number, s in enumerate(model.series):
        trace = {
            "type": "scatter",
            "mode": "lines+markers" if several else "lines+markers+text",
            "name": s.name(lang),
            "x": x_values,
            "y": list(s.values),
            "line": {"color": PALETTE[s.colour], "width": 2.5, "dash": "dash" if s.subset_of else "solid"},
            "marker": {"color": PALETTE[s.colour], "size": 8},
            "cliponaxis": False,
            "connectgaps": True,
            "hovertemplate": "%{x}: %{y:,}<extra>" + _hover_name(model, s, lang) + "</extra>",
        }
        if not several:
            trace["text"] = [t or "" for t in line_labels(model, s, lang)]
            trace["textposition"] = [sides.get((number, i), "top center") for i in range(len(s.values))]
        traces.append(trace)
    if model.dates:
        xaxis = {
            "type": "date",
            "range": axis["x_range"],
            "tickvals": [m.isoformat() for m in axis["months"]],
            "ticktext": [text for _, text in axis["x_ticks"]],
            "showgrid": False,
        }
    else:
        xaxis = {"type": "category", "showgrid": False, "range": [-0.5, len(model.categories) - 0.5]}
    shapes = [_plotly_band(model, x0, x1) for x0, x1 in drawn["bands"]] + [
        {
            "type": "line",
            "xref": "x",
            "yref": "paper",
            "x0": n.at,
            "x1": n.at,
            "y0": 0,
            "y1": 1 + (PLOTLY_TOP - FONT * 1.2) / inner,
            "line": {"dash": "dash", "width": 1.5, "color": "#767676"},
        }
        for n in model.annotations
        if not n.date
    ]
    notes = [
        {
            "x": _plotly_x(model, lang, note),
            "xref": "x",
            "xshift": text.dx,
            "y": 1 + (PLOTLY_TOP - FONT * 0.9) / inner,
            "yref": "paper",
            "yanchor": "middle",
            "text": note.label[lang],
            "showarrow": False,
            "xanchor": {"start": "left", "end": "right"}[text.anchor],
        }
        for note, text in zip(model.annotations, drawn["notes"])
    ]
    ends = [
        {
            "x": x_values[v.index],
            "y": model.series[v.series].values[v.index],
            "xref": "x",
            "yref": "y",
            "text": v.text,
            "showarrow": False,
            "xanchor": "left",
            "xshift": v.dx,
            "yshift": round(drawn["lines"][v.series][v.index][1] - (v.y - FONT * 0.35), 1),
        }
        for v in drawn["values"]
        if several
    ]
    return {
        "data": traces,
        "layout": {
            "height": PLOTLY_HEIGHT,
            "margin": {"l": left + 30, "r": right + 8, "t": PLOTLY_TOP, "b": PLOTLY_BOTTOM},
            "font": {"size": FONT},
            "xaxis": xaxis,
            "yaxis": {
                "title": {"text": model.axis_title[lang]},
                "range": [0, axis["y_max"]],
                "tickvals": axis["y_ticks"],
                "separatethousands": True,
            },
            "showlegend": several,
            "legend": {"orientation": "h", "traceorder": "normal"},
            "paper_bgcolor": "rgba(0,0,0,0)",
            "plot_bgcolor": "rgba(0,0,0,0)",
            "shapes": shapes,
            "annotations": notes + ends,
        },
    }


def _plotly_x(model, lang: str, note):
    """Where an annotation's label is anchored: its date on a time axis, its band's end on an axis of periods."""
    if not note.date:
        return note.at
    return model.categories.index(note.at) + 0.5


def _plotly_band(model, x0: float, x1: float) -> dict:
    count = len(model.categories)
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": round(x0 * count - 0.5, 4),
        "x1": round(x1 * count - 0.5, 4),
        "y0": 0,
        "y1": 1,
        "layer": "below",
        "line": {"width": 0},
        "fillcolor": "rgba(118,118,118,0.14)",
    }


def _hover_name(model, series, lang: str) -> str:
    return str(escape(series.label[lang])) if len(model.series) > 1 else ""
