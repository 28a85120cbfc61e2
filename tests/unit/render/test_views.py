"""Charts declared as views: check refuses what cannot be drawn honestly, and both renderings of a chart agree."""

import json
import re

import markupsafe
import plotly.graph_objects as go
import pytest

from sitegen.derive.figures import compute_figures
from sitegen.read.catalog import find_packages, load_dataset
from sitegen.read.validation import check_datasets
from sitegen.render import drawing
from sitegen.render.charts import build_charts
from sitegen.util import i18n


def _edit_view(folder, change):
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor["views"][0]["spec"])
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return str(path)


def _problems(shipped, config):
    problems, _ = check_datasets(shipped, config)
    return [(p.file, p.field, p.code) for p in problems]


def test_the_shipped_views_check_cleanly(shipped, config):
    assert _problems(shipped, config) == []


def test_a_view_naming_an_unknown_period_fails_with_file_and_field(shipped, config):
    path = _edit_view(shipped / "cases-by-year", lambda spec: spec["periods"].append("year-2019"))
    assert _problems(shipped, config) == [(path, "views[0].spec.periods[4]", "view-unknown-id")]


def test_a_view_mixing_a_snapshot_with_a_full_year_fails(shipped, config):
    def mix(spec):
        spec.update(type="bar", periods=["asof-2024-11-30", "year-2024"], annotations=[])

    folder = shipped / "crackdown-2024-running-totals"
    periods = folder / "data" / "periods.csv"  # a full year beside the snapshots, as a maintainer might add it
    text = periods.read_text(encoding="utf-8")
    row = {
        "id": "year-2024",
        "name_ko": "2024년",
        "name_en": "2024",
        "start": "2024-01-01",
        "end": "2024-12-31",
        "kind": "calendar_year",
        "source_id": "newsis-2024-12-03",
    }
    header = text.splitlines()[0].split(",")
    periods.write_text(text + ",".join(row.get(column, "") for column in header) + "\n", encoding="utf-8")
    path = _edit_view(folder, mix)
    assert (path, "views[0].spec.periods", "view-not-comparable") in _problems(shipped, config)


@pytest.mark.parametrize(
    "change, field, code",
    [
        (
            lambda s: s.update(
                periods=["jan-jul-2024", "jan-aug-2025"],
                series=[{"measure": "arrested", "group": "age_0_18"}],
                annotations=[],
            ),
            "views[0].spec.periods",
            "view-not-comparable",
        ),  # a line over partial years
        (lambda s: s.update(type="pie"), "views[0].spec.type", "view-invalid"),
        (
            lambda s: s["series"].append({"measure": "teen_share"}),
            "views[0].spec.series",
            "view-invalid",
        ),  # % beside counts
        (lambda s: s["series"].append({"measure": "cases_solved"}), "views[0].spec.series[2]", "view-missing-figure"),
        (lambda s: s["title"].pop("ko"), "views[0].spec.title", "view-invalid"),
        (lambda s: s["annotations"][0].update(date="2019-05-01"), "views[0].spec.annotations[0].date", "view-invalid"),
        (
            lambda s: s.update(type="stacked-bar", annotations=[]),
            "views[0].spec.series",
            "view-invalid",
        ),  # total + ... stacked
    ],
)
def test_a_view_that_cannot_be_drawn_honestly_is_refused(shipped, config, change, field, code):
    path = _edit_view(shipped / "cases-by-year", change)
    assert (path, field, code) in _problems(shipped, config)


def _all_charts(config, root):
    strings = i18n.load_strings(config.site_src / "i18n")
    for folder in find_packages(root / "datasets"):
        dataset = load_dataset(folder)
        yield from build_charts(dataset, compute_figures(dataset), strings)


def test_both_renderings_of_every_chart_agree(config):
    charts = list(_all_charts(config, config.root))
    assert any(c.model.kind == "line" and c.model.annotations for c in charts)
    for chart in charts:
        for lang in i18n.LANGUAGES:
            figure = json.loads(chart.figure[lang])
            go.Figure(figure)  # Plotly itself accepts every property and value
            static = str(chart.drawing[lang])
            traces = figure["data"]
            kind = "line" if traces[0]["type"] == "scatter" else "bar"
            assert kind == ("line" if chart.model.kind == "line" else "bar")
            orientation = traces[0].get("orientation", "v")
            assert f'data-orientation="{orientation}"' in static, chart.id
            points = sum(v is not None for t in traces for v in (t["x"] if orientation == "h" else t["y"]))
            assert static.count("chart__mark") == points, chart.id
            colours = [c for t in traces for c in _colours(t)]
            drawn = [drawing.PALETTE[int(i)] for i in re.findall(r'class="chart__mark chart-c(\d)"', static)]
            assert sorted(drawn) == sorted(colours), chart.id
            if orientation == "h":  # bars: the same labels in the same order, top to bottom
                labels = re.findall(r'<div class="chart__label">([^<]*)</div>', static)
                assert labels == [str(markupsafe.escape(x)) for x in traces[0]["y"]], chart.id
                assert figure["layout"]["yaxis"]["autorange"] == "reversed"
            for note in chart.model.annotations:  # a dated event is drawn in both
                assert note.label[lang] in [a["text"] for a in figure["layout"]["annotations"]]
                assert str(markupsafe.escape(note.label[lang])) in static


def _colours(trace):
    values = trace["y"] if trace.get("orientation") != "h" else trace["x"]
    colour = trace["marker"]["color"]
    colours = colour if isinstance(colour, list) else [colour] * len(values)
    return [c for c, v in zip(colours, values) if v is not None]


def test_a_time_axis_places_points_by_date():
    model = drawing.Model(
        "t",
        "line",
        ("a", "b", "c"),
        {"ko": ("a", "b", "c"), "en": ("a", "b", "c")},
        (drawing.Series("s", {"ko": "s", "en": "s"}, (10.0, 20.0, 30.0)),),
        {"ko": "명", "en": "n"},
        dates=("2024-01-31", "2024-02-10", "2024-04-30"),
    )
    axis = drawing.line_axis(model, "en")
    xs = [axis["x"](c) for c in model.categories]
    assert xs[0] < xs[1] < xs[2] and (xs[1] - xs[0]) < (xs[2] - xs[1]) / 4  # 10 days vs 80 days
    assert [text for _, text in axis["x_ticks"]] == ["Feb 2024", "Mar", "Apr"]
    figure = drawing.plotly(model, "en")
    assert figure["layout"]["xaxis"]["ticktext"] == ["Feb 2024", "Mar", "Apr"]
    assert figure["data"][0]["x"] == ["2024-01-31", "2024-02-10", "2024-04-30"]


def test_nice_ticks_round_the_value_axis():
    """The axis ends at the smallest round number at or above the data (tests/unit/render/test_chart_layout.py)."""
    assert drawing.nice_ticks(573) == (600, [0, 200, 400, 600])
    assert drawing.nice_ticks(1202)[0] == 1500
