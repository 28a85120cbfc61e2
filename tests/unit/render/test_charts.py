"""Charts: built from the data, deterministic, summarised in words, safe to embed."""

import json

from helpers import VIEWS, write_package

from sitegen.derive.figures import compute_figures
from sitegen.read.catalog import load_dataset
from sitegen.render.charts import build_charts, embeddable_json
from sitegen.util import i18n


def charts_for(folder, config):
    dataset = load_dataset(folder)
    strings = i18n.load_strings(config.site_src / "i18n")
    return build_charts(dataset, compute_figures(dataset), strings)


def test_declared_charts_only(tmp_path, config):
    assert (
        charts_for(write_package(tmp_path / "none"), config) == []
    )  # no view, no chart: the figures stay in the table
    charts = charts_for(write_package(tmp_path / "p", views=VIEWS), config)
    assert [c.id for c in charts] == ["tiny-by-age", "tiny-before-and-during"]
    assert [c.periods for c in charts] == [("crackdown",), ("before", "crackdown")]
    by_group = json.loads(charts[0].figure["en"])
    assert by_group["data"][0]["y"] == ["Teens", "20s"]  # horizontal bars, as the page draws them
    assert by_group["data"][0]["x"] == [60, 40]
    assert by_group["data"][0]["orientation"] == "h"
    assert charts[0].csv == "group,arrested.crackdown\nage_10_19,60\nage_20_29,40\n"


def test_summary_is_made_from_the_data(tmp_path, config):
    charts = charts_for(write_package(tmp_path / "p", views=VIEWS), config)
    assert charts[0].summary["en"] == "Of 100: Teens 60 (60.0%), 20s 40 (40.0%)."
    assert charts[0].summary["ko"] == "100명 가운데 10대 60명(60.0%), 20대 40명(40.0%)입니다."
    assert charts[1].summary["en"] == (
        "Persons apprehended rose from 50 (Before) to 100 (Crackdown). That is 2 times as many."
    )
    assert charts[1].summary["ko"] == "검거 인원: 단속 전 50명에서 단속 100명으로 늘었습니다. 2배입니다."


def test_charts_are_deterministic(tmp_path, config):
    folder = write_package(tmp_path / "p", views=VIEWS)
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
