"""Charts: built from the data, deterministic, summarised in words, safe to embed."""

import json

from helpers import write_package

from sitegen.util import i18n
from sitegen.read.catalog import load_dataset
from sitegen.render.charts import build_charts, embeddable_json
from sitegen.derive.figures import compute_figures


def charts_for(folder, config):
    dataset = load_dataset(folder)
    strings = i18n.load_strings(config.site_src / "i18n")
    return build_charts(dataset, compute_figures(dataset), strings)


def test_by_group_and_by_period_charts(tmp_path, config):
    charts = charts_for(write_package(tmp_path / "p"), config)
    assert [c.id for c in charts] == ["tiny--crackdown--arrested--by-group", "tiny--arrested--by-period"]
    by_group = json.loads(charts[0].figure["en"])
    assert by_group["data"][0]["y"] == ["Teens", "20s"]  # horizontal bars, as the page draws them
    assert by_group["data"][0]["x"] == [60, 40]
    assert by_group["data"][0]["orientation"] == "h"
    assert charts[0].csv == "group,value\nage_10_19,60\nage_20_29,40\n"


def test_summary_is_made_from_the_data(tmp_path, config):
    charts = charts_for(write_package(tmp_path / "p"), config)
    assert charts[0].summary["en"] == "Crackdown, Persons apprehended: Teens were the largest group, 60 of 100 (60.0%)."
    assert charts[1].summary["en"] == ("From 50 (Before) to 100 (Crackdown): +100.0%. "
                                        "The periods differ in length (240 and 216 days): per day, +122.2%.")
    assert "60" in charts[0].summary["ko"] and "100" in charts[0].summary["ko"]


def test_charts_are_deterministic(tmp_path, config):
    folder = write_package(tmp_path / "p")
    assert charts_for(folder, config) == charts_for(folder, config)


def test_embedded_json_cannot_close_its_script_element():
    text = embeddable_json({"x": "</script><script>alert(1)</script>", "y": "<!--"})
    assert "<" not in text and ">" not in text
    assert json.loads(text)["x"] == "</script><script>alert(1)</script>"


def test_chart_json_is_valid_plotly_and_escaped(tmp_path, config):
    import plotly.graph_objects as go

    for chart in charts_for(write_package(tmp_path / "p"), config):
        for lang in i18n.LANGUAGES:
            figure = json.loads(chart.figure[lang])
            go.Figure(figure)  # raises on any property or value Plotly does not know
            assert "<" not in chart.figure[lang]
