"""Where a line chart's texts go, so that none covers another, a line, a mark or an annotation's rule.

The rules every rendering of a line chart follows (sitegen.render.drawing for the page and Plotly,
sitegen.publish.images for the picture):

- The value axis ends at the smallest round number at or above the largest value (1, 1.2, 1.5, 2, 2.5, 3, 4,
  5, 6 or 8 by a power of ten: 1,202 -> 1,500, 23,107 -> 25,000, 573 -> 600), with ticks at a round step.
- A single line writes every value beside its point: above it, else below, right or left, whichever touches
  nothing at every width the chart is drawn at. Several lines write only their last value, to the right of
  the last points, moved apart vertically where two would touch.
- A date on a time axis is a rule with its label beside it; an event on an axis of whole years cannot be a
  point in time the axis lacks, so it is a band from its date to the end of its year, labelled above.

Positions across the chart are fractions of the plot's width (the page draws them in percent, so the chart
fills its column), heights and offsets are pixels: text keeps its size whatever the width.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from ..util import i18n

NICE = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8)  # round tops of an axis, by a power of ten
STEPS = (1, 2, 2.5, 5)  # round steps between ticks, by a power of ten
WIDTHS = (250, 300, 420, 640, 900, 1200)  # plot widths a page's chart is drawn at: a 390 px phone leaves 250 or more
# Okabe-Ito: distinguishable with the common forms of colour blindness. The static chart takes the colours from
# CSS (--chart-N, lighter in the dark scheme), the interactive one from the same variables (charts.js).
# The ninth colour is the neutral grey of the bars beside a highlighted one.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#8C8C8C"]
NEUTRAL = 8
FONT = 13  # the size of a line chart's texts on the page, in CSS pixels (charts.css)
MARK = 4  # a point's radius
GAP = 8  # between a point and its value, a rule and its label


def nice_axis(largest: float) -> tuple[float, list[float]]:
    """The value axis: its top (the smallest round number >= largest) and its ticks from 0 at a round step, 3 to
    6 steps (the top goes up one round number when no step fits)."""
    largest = largest if largest > 0 else 1
    power = 10 ** math.floor(math.log10(largest))
    tops = sorted({round(m * power * p, 10) for m in NICE for p in (1, 10)})
    for top in (t for t in tops if t >= largest * (1 - 1e-12)):
        fits = []
        for exponent in range(math.floor(math.log10(top)) - 2, math.floor(math.log10(top)) + 1):
            for m in STEPS:
                step = m * 10**exponent
                count = top / step
                if 3 <= round(count, 9) <= 6 and abs(count - round(count)) < 1e-9:
                    fits.append((abs(round(count) - 4), round(count), step))
        if fits:
            _, count, step = min(fits)
            return top, [round(step * i, 10) for i in range(count + 1)]
    raise AssertionError(largest)  # pragma: no cover - some round top always has a step


def is_wide(ch: str) -> bool:
    """Hangul, CJK and fullwidth forms take about a whole em; Latin letters and digits about half of one."""
    return ord(ch) > 0x2E7F


def text_width(text: str, size: float) -> float:
    """A generous estimate of a text's width in pixels: 1 em for a wide character, 0.3 em for a space or a thin
    punctuation mark, 0.6 em for any other."""
    return sum(size if is_wide(ch) else size * 0.3 if ch in THIN else size * 0.6 for ch in text)


THIN = " ,.:;'()!|"


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels


def text_box(x: float, y: float, text: str, size: float, anchor: str = "start") -> Box:
    """The box a text set at baseline y takes, as a browser reports it (the line's ascent and descent)."""
    width = text_width(text, size)
    x0 = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    return (x0, y - 1.1 * size, x0 + width, y + 0.35 * size)


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def crosses(box: Box, p: tuple[float, float], q: tuple[float, float]) -> bool:
    """Whether the segment p-q passes through the box (Liang-Barsky clipping)."""
    (x0, y0), (dx, dy) = p, (q[0] - p[0], q[1] - p[1])
    low, high = 0.0, 1.0
    for step, room in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if step == 0:
            if room < 0:
                return False
        else:
            t = room / step
            if step < 0:
                low = max(low, t)
            else:
                high = min(high, t)
    return low < high


@dataclass(frozen=True)
class Text:
    """A text placed at a fraction `fx` of the plot's width plus `dx` pixels, with its baseline at `y` pixels."""

    fx: float
    dx: float
    y: float
    text: str
    anchor: str = "start"
    series: int = -1  # the series whose value it writes (-1: an annotation)
    index: int = -1  # the category whose value it writes
    side: str = ""  # above, below, right or left of its point

    def box(self, width: float, size: float) -> Box:
        return text_box(self.fx * width + self.dx, self.y, self.text, size, self.anchor)


@dataclass(frozen=True)
class Plot:
    """A line chart's plot in pixels: the value axis' top, the plot's top and bottom, the full height, text size."""

    y_max: float
    top: float
    bottom: float
    height: float
    size: float

    def y(self, value: float) -> float:
        return round(self.top + (self.bottom - self.top) * (1 - value / self.y_max), 1)


@dataclass(frozen=True)
class Rule:
    fx: float
    y0: float
    y1: float


def place_values(
    lines: list[list[tuple[float, float, str] | None]],
    plot: Plot,
    fixed: list[Text],
    rules: list[Rule],
    widths: tuple[float, ...],
    right: float,
) -> list[Text]:
    """The value texts of the lines (each a list of (fx, y, text) per category, None where there is no point):
    every value of a single line, on the first side that touches nothing at any width; the last value of each of
    several lines, right of the last points and moved apart. `fixed` are texts already placed (annotations, axis
    labels), `right` the pixels the plot leaves on its right for texts."""
    if len(lines) > 1:
        return _end_values(lines, plot)
    size, placed = plot.size, []
    points = [p for p in lines[0] if p]
    for index, point in enumerate(lines[0]):
        if not point or not point[2]:
            continue
        fx, y, text = point
        for side, dx, dy, anchor in CANDIDATES(size):
            label = Text(fx, dx, round(y + dy, 1), text, anchor, 0, index, side)
            if all(_free(label, w, size, points, placed + fixed, rules, plot, right) for w in widths):
                break
        placed.append(label)  # the last side if none is free: the test over every chart then fails
    return placed


def CANDIDATES(size: float) -> tuple:  # noqa: N802 - read as the table it is
    """Where a value may go, in order: above its point, below it (centred, else starting or ending at the point,
    near an edge of the plot), right of it, left of it."""
    above, below = -GAP - 0.35 * size, GAP + 1.1 * size
    return (
        ("above", 0, above, "middle"),
        ("above", -MARK, above, "start"),
        ("above", MARK, above, "end"),
        ("below", 0, below, "middle"),
        ("below", -MARK, below, "start"),
        ("below", MARK, below, "end"),
        ("right", GAP, 0.35 * size, "start"),
        ("left", -GAP, 0.35 * size, "end"),
    )


def _free(label: Text, width, size, points, others: list[Text], rules: list[Rule], plot: Plot, right) -> bool:
    box = label.box(width, size)
    if box[0] < 0 or box[2] > width + right or box[1] < 0 or box[3] > plot.bottom:
        return False
    if any(overlap(box, o.box(width, size)) for o in others):
        return False
    marks = [(fx * width - MARK - 1, y - MARK - 1, fx * width + MARK + 1, y + MARK + 1) for fx, y, _ in points]
    if any(overlap(box, mark) for mark in marks):
        return False
    path = [(fx * width, y) for fx, y, _ in points]
    if any(crosses(box, p, q) for p, q in zip(path, path[1:])):
        return False
    return not any(crosses(box, (r.fx * width, r.y0), (r.fx * width, r.y1)) for r in rules)


def end_gap(size: float) -> float:
    """The least distance between the baselines of two end values: a text's height and a pixel."""
    return round(1.45 * size + 1, 1)


def _end_values(lines, plot: Plot) -> list[Text]:
    ends = []
    for number, line in enumerate(lines):
        known = [(i, p) for i, p in enumerate(line) if p]
        if known:
            index, (fx, y, text) = known[-1]
            ends.append((y + 0.35 * plot.size, number, index, fx, text))
    right = max((e[3] for e in ends), default=0)
    return [
        Text(right, GAP + 2, y, text, "start", number, index, "right")
        for y, (_, number, index, _, text) in zip(spread([e[0] for e in ends], end_gap(plot.size), plot), ends)
    ]


def spread(wanted: list[float], gap: float, plot: Plot) -> list[float]:
    """Baselines as near the wanted ones as can be, in the same order, at least `gap` apart and within the plot."""
    order = sorted(range(len(wanted)), key=lambda i: (wanted[i], i))
    ys = [wanted[i] for i in order]
    for k in range(1, len(ys)):
        ys[k] = max(ys[k], ys[k - 1] + gap)
    lowest = plot.bottom
    if ys and ys[-1] > lowest:  # pushed below the plot: move the group up
        ys[-1] = lowest
        for k in range(len(ys) - 2, -1, -1):
            ys[k] = min(ys[k], ys[k + 1] - gap)
    out = [0.0] * len(ys)
    for k, i in enumerate(order):
        out[i] = round(ys[k], 1)
    return out


# --- a line chart's geometry, shared by the page, Plotly and the picture ----------------------------------------------


def line_axis(model, lang: str) -> dict:
    """The axes every rendering shares: the value axis' top and ticks, `x(key)`: the position of a category or a
    date as a fraction of the plot's width, the x-axis ticks (month starts on a time axis, the categories
    otherwise) as (fraction, text)."""
    values = [v for s in model.series for v in s.values if v is not None]
    y_max, y_ticks = nice_axis(max(values, default=1))
    if model.dates:
        days = [_day(d) for d in model.dates] + [_day(a.at) for a in model.annotations]
        first, last = min(days), max(days)
        pad = max((last - first).days * 0.04, 1)

        def x(key: str) -> float:
            day = _day(model.dates[model.categories.index(key)] if key in model.categories else key)
            return round(((day - first).days + pad) / ((last - first).days + 2 * pad), 4)

        months = month_starts(first, last)
        ticks = [(x(m.isoformat()), i18n.month(m, lang, i == 0 or m.month == 1)) for i, m in enumerate(months)]
        return {
            "y_max": y_max,
            "y_ticks": y_ticks,
            "x": x,
            "x_ticks": ticks,
            # the page writes the month under its tick and, at the first and at January, the year below it
            "x_months": [(x(m.isoformat()), i18n.month(m, lang, False)) for m in months],
            "x_years": [
                (x(m.isoformat()), f"{m.year}년" if lang == "ko" else str(m.year))
                for i, m in enumerate(months)
                if i == 0 or m.month == 1
            ],
            "x_range": [(first - dt.timedelta(days=pad)).isoformat(), (last + dt.timedelta(days=pad)).isoformat()],
            "months": months,
        }
    count = len(model.categories)

    def x(key: str) -> float:
        return round((model.categories.index(key) + 0.5) / count, 4)

    return {
        "y_max": y_max,
        "y_ticks": y_ticks,
        "x": x,
        "x_ticks": [(x(c), label) for c, label in zip(model.categories, model.labels[lang])],
        "x_months": [(x(c), label) for c, label in zip(model.categories, model.labels[lang])],
        "x_years": [],
        "months": [],
    }


def band(model, note) -> tuple[float, float]:
    """An event on an axis of periods (years): from its date to its period's end, inside that period's slot of the
    axis, as fractions of the plot's width."""
    start, end = _day(note.within[0]), _day(note.within[1])
    part = (_day(note.date) - start).days / ((end - start).days + 1)
    index, count = model.categories.index(note.at), len(model.categories)
    return round((index + part) / count, 4), round((index + 1) / count, 4)


def line_layout(model, lang: str, plot: Plot, widths: tuple[float, ...], right: float, row: float = 0) -> dict:
    """Where everything of a line chart goes: the axis (line_axis), each line's points as (fx, y, value text) per
    category, the annotations' rules (time axis) and bands (period axis) and their labels in the row above the
    plot (baseline `row`, by default at the top), and the values placed by place_values."""
    axis = line_axis(model, lang)
    size, row = plot.size, row or round(plot.size * 1.1 + 1, 1)
    rules, bands, notes = [], [], []
    for note in model.annotations:
        if note.date:
            x0, x1 = band(model, note)
            bands.append((x0, x1))
            notes.append(Text(x1, 0, row, note.label[lang], "end"))
        else:
            x = axis["x"](note.at)
            rules.append(Rule(x, row - size, plot.bottom))
            on_right = x > 0.55
            notes.append(Text(x, -GAP if on_right else GAP, row, note.label[lang], "end" if on_right else "start"))
    lines = [
        [
            None if v is None else (axis["x"](key), plot.y(v), text)
            for key, v, text in zip(model.categories, s.values, line_labels(model, s, lang))
        ]
        for s in model.series
    ]
    values = place_values(lines, plot, notes, rules, widths, right)
    return {"axis": axis, "lines": lines, "rules": rules, "bands": bands, "notes": notes, "values": values}


def line_labels(model, series, lang: str = "en") -> list[str | None]:
    """The value written by each point of a line (None where there is no point): every value of a single line; with
    several lines only the last one of each, so that close lines do not write over each other."""
    known = [i for i, v in enumerate(series.values) if v is not None]
    return [
        None if v is None else series.text(i, lang) if len(model.series) == 1 or i == known[-1] else ""
        for i, v in enumerate(series.values)
    ]


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    day = dt.date(first.year, first.month, 1)
    if day < first:
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    months = []
    while day <= last:
        months.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


def margins(model, lang: str) -> tuple[int, int]:
    """The pixels left of the plot (for the value axis' ticks) and right of it (for the lines' last values)."""
    ticks = [i18n.number(t, lang) for t in line_axis(model, lang)["y_ticks"]]
    left = max(text_width(t, FONT) for t in ticks) + 10
    ends = [t for s in model.series for t in line_labels(model, s, lang) if t]
    right = max((text_width(t, FONT) for t in ends), default=0) + 2 * GAP if len(model.series) > 1 else 16
    return math.ceil(left), math.ceil(right)
