"""Charts drawn to a publisher's standard: round axes near the data, no text on another text, a line or a rule, events
on an axis of years drawn within their year, and a series in one colour wherever it is drawn.

The line charts are checked as the page draws them: the texts, rules, lines and marks are read back from the static
markup (x in percent of the plot's width plus dx pixels, y in pixels) and laid out at every width from a small phone
to a wide screen, each text's box estimated from its characters (a narrow one 0.6 of the font size, a wide one, e.g.
Hangul, the whole of it)."""

import re

import pytest

from sitegen.derive.figures import compute_figures
from sitegen.read.catalog import find_packages, load_dataset
from sitegen.render import chart_layout, drawing, views
from sitegen.render.charts import build_charts
from sitegen.util import i18n

SIZE = drawing.FONT
PLOT_WIDTHS = (250, 260, 300, 360, 480, 640, 800, 1000, 1200)  # a 390 px phone leaves 250 px or more


@pytest.fixture(scope="module")
def charts(config):
    strings = i18n.load_strings(config.site_src / "i18n")
    out = []
    for folder in find_packages(config.root / "datasets"):
        dataset = load_dataset(folder)
        out += build_charts(dataset, compute_figures(dataset), strings)
    return out


@pytest.mark.parametrize(
    ("largest", "top"), [(1202, 1500), (23107, 25000), (573, 600), (12.66, 15), (963, 1000), (8.8, 10), (1, 1)]
)
def test_the_value_axis_ends_at_a_round_number_near_the_largest_value(largest, top):
    end, ticks = chart_layout.nice_axis(largest)
    assert end == top and ticks[0] == 0 and ticks[-1] == top
    steps = {round(b - a, 9) for a, b in zip(ticks, ticks[1:])}
    assert len(steps) == 1 and 3 <= len(ticks) - 1 <= 6


def test_the_same_axis_in_the_page_plotly_and_the_picture(charts):
    for chart in (c for c in charts if c.model.kind == "line"):
        top, ticks = chart_layout.nice_axis(max(v for s in chart.model.series for v in s.values if v is not None))
        figure = drawing.plotly(chart.model, "en")
        assert figure["layout"]["yaxis"]["range"] == [0, top] and figure["layout"]["yaxis"]["tickvals"] == ticks
        assert drawing.line_axis(chart.model, "en")["y_max"] == top


def _number(text: str) -> float:
    return float(text.rstrip("%"))


def _attrs(tag: str) -> dict:
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag))


def _parts(static: str):
    """The texts (fx, dx, y, anchor, text, class), rules (fx, y0, y1), lines [(fx, y)] and marks (fx, y) drawn."""
    texts = [
        (_attrs(tag), text)
        for tag, text in re.findall(r"(<text [^>]*>)([^<]*)</text>", static.split('class="chart__legend"')[0])
    ]
    texts = [
        (
            _number(a["x"]) / 100 if a["x"].endswith("%") else 0,
            float(a.get("dx", 0)),
            float(a["y"]),
            a.get("text-anchor", "start"),
            text,
            a["class"],
        )
        for a, text in texts
    ]
    rules = [
        (_number(a["x1"]) / 100, float(a["y1"]), float(a["y2"]))
        for a in map(_attrs, re.findall(r'<line class="chart__annotation"[^>]*>', static))
    ]
    lines = [
        [(float(x) / 1000, float(y)) for x, y in (p.split(",") for p in a["points"].split())]
        for a in map(_attrs, re.findall(r"<polyline [^>]*>", static))
    ]
    marks = [(_number(a["cx"]) / 100, float(a["cy"])) for a in map(_attrs, re.findall(r"<circle [^>]*>", static))]
    return texts, rules, lines, marks


def _boxes(texts, width):
    return [
        (chart_layout.text_box(fx * width + dx, y, text, SIZE, anchor), text, css)
        for fx, dx, y, anchor, text, css in texts
    ]


def test_no_text_of_a_line_chart_touches_another_a_line_a_mark_or_a_rule(charts):
    """Every line chart the shipped data makes, in both languages, at every width from a small phone to a wide
    screen: no two texts overlap, no line, mark or annotation rule runs through a value or an annotation's label
    (ticks sit outside the plot), and no value leaves the chart."""
    checked, problems = 0, []
    for chart in (c for c in charts if c.model.kind == "line"):
        for lang in i18n.LANGUAGES:
            static = str(chart.drawing[lang])
            texts, rules, lines, marks = _parts(static)
            assert texts and lines and marks, chart.id
            left, right = drawing.margins(chart.model, lang)
            for width in PLOT_WIDTHS:
                boxes = _boxes(texts, width)
                for i, (a, text_a, _) in enumerate(boxes):
                    problems += [
                        (chart.id, lang, width, text_a, text_b)
                        for b, text_b, _ in boxes[i + 1 :]
                        if chart_layout.overlap(a, b)
                    ]
                    problems += [
                        (chart.id, lang, width, text_a, "outside")
                        for _ in [0]
                        if a[0] < -left or a[2] > width + right or a[1] < 0 or a[3] > drawing.HEIGHT
                    ]
                for box, text, css in boxes:
                    if css == "chart__tick":
                        continue
                    for fx, y0, y1 in rules:
                        if chart_layout.crosses(box, (fx * width, y0), (fx * width, y1)):
                            problems.append((chart.id, lang, width, text, "rule"))
                    for line in lines:
                        path = [(fx * width, y) for fx, y in line]
                        if any(chart_layout.crosses(box, p, q) for p, q in zip(path, path[1:])):
                            problems.append((chart.id, lang, width, text, "line"))
                    for fx, y in marks:
                        mark = (fx * width - 4, y - 4, fx * width + 4, y + 4)
                        if chart_layout.overlap(box, mark):
                            problems.append((chart.id, lang, width, text, "mark"))
                checked += 1
    assert checked >= 2 * 6 * len(PLOT_WIDTHS)
    assert problems == [], "\n".join(map(str, problems))


def test_the_known_collisions_are_gone(charts):
    """The ones a reader saw: the crackdown's rule through 1,202 and 682 on the yearly chart; 94 on 87 (running
    totals by age); 561 on 475 (schools)."""
    by_id = {c.id: c for c in charts}
    yearly = str(by_id["deepfake-crimes-by-year"].drawing["ko"])
    assert 'class="chart__annotation"' not in yearly  # no rule: a band within 2024
    assert 'class="chart__annotation-band"' in yearly and "2024년 8월 28일 집중단속 시작" in yearly
    for chart_id, pair in (
        ("arrests-by-age-2024-running-total", ("94", "87")),
        ("school-reports-2024", ("561", "475")),
    ):
        texts, *_ = _parts(str(by_id[chart_id].drawing["en"]))
        ys = {text: y for _, _, y, _, text, css in texts if css == "chart__value"}
        assert abs(ys[pair[0]] - ys[pair[1]]) >= chart_layout.end_gap(SIZE) - 0.05, (chart_id, ys)


def test_an_event_within_a_year_is_a_band_from_its_date_to_the_years_end(charts):
    chart = next(c for c in charts if c.id == "deepfake-crimes-by-year")
    (note,) = chart.model.annotations
    x0, x1 = chart_layout.band(chart.model, note)
    assert x1 == 1.0 and 0.75 + 0.25 * 239 / 366 - 0.001 < x0 < 0.75 + 0.25 * 241 / 366  # 28 Aug: day 240 of 366
    figure = drawing.plotly(chart.model, "en")
    (shape,) = figure["layout"]["shapes"]
    assert shape["type"] == "rect" and shape["x1"] == 3.5 and 3.1 < shape["x0"] < 3.2
    assert all(s["type"] != "line" for s in figure["layout"]["shapes"])


def test_a_series_keeps_its_colour_on_every_chart(charts):
    """Teens are one colour everywhere (the highlighted bar and the line alike), whatever their place in a chart;
    the bars beside a highlighted one are grey; aged 10-13 is drawn dashed in the teens' colour, "of whom ..."."""
    teens = set()
    for chart in charts:
        model = chart.model
        for s in model.series:
            if s.key.endswith(".age_10_19"):
                teens.add(s.colour)
        if len(model.series) == 1 and model.highlight:
            for category in model.categories:
                colour = model.colour_of(model.series[0], category)
                if category in ("age_10_19", "deepfake_age_10_19"):
                    teens.add(colour)
                if category not in model.highlight:
                    assert colour == drawing.NEUTRAL, chart.id
    assert len(teens) == 1
    by_age = next(c for c in charts if c.id == "arrests-by-age-2024-running-total").model
    subset = next(s for s in by_age.series if s.key.endswith(".age_10_13"))
    teen_line = next(s for s in by_age.series if s.key.endswith(".age_10_19"))
    assert subset.subset_of == teen_line.key and subset.colour == teen_line.colour
    assert subset.name("ko").startswith("그중 ") and subset.name("en").startswith("of whom ")
    assert "chart__line--subset" in str(drawing.static(by_age, "ko"))
    figure = drawing.plotly(by_age, "en")
    assert [t["line"]["dash"] for t in figure["data"]] == ["solid", "solid", "dash"]
    assert views.GROUP_COLOURS[0] == teen_line.colour


def test_colour_is_by_group_not_by_place():
    """The same group in another place of another chart: the same colour."""
    assert views.GROUP_COLOURS[0] != views.GROUP_COLOURS[1]
    assert set(views.GROUP_COLOURS).isdisjoint({0}) and set(views.MEASURE_COLOURS).isdisjoint({1})
