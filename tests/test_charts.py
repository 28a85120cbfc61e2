"""Charts: built from the data, deterministic, summarised in words, safe to embed."""

import json

from helpers import write_package

from sitegen import i18n
from sitegen.catalog import load_dataset
from sitegen.charts import build_charts, embeddable_json
from sitegen.figures import compute_figures


def charts_for(folder, config):
    dataset = load_dataset(folder)
    strings = i18n.load_strings(config.site_src / "i18n")
    return build_charts(dataset, compute_figures(dataset), strings)


def test_by_group_and_by_period_charts(tmp_path, config):
    charts = charts_for(write_package(tmp_path / "p"), config)
    assert [c.id for c in charts] == ["tiny--crackdown--arrested--by-group", "tiny--arrested--by-period"]
    by_group = json.loads(charts[0].figure["en"])
    assert by_group["data"][0]["x"] == ["Teens", "20s"]
    assert by_group["data"][0]["y"] == [60, 40]
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


def _plotly_reference(labels, values, axis_title, suppressed):
    """The same bar chart made with Plotly's own classes, as the site made it before writing the dict itself."""
    import math

    import plotly.graph_objects as go

    from sitegen.charts import PALETTE

    known = [None if math.isnan(v) else float(v) for v in values]
    figure = go.Figure(
        go.Bar(x=labels, y=known, marker={"color": PALETTE[0]},
               text=["" if v is None else i18n.number(v, "en") for v in known], textposition="outside", cliponaxis=False,
               hovertemplate="%{x}: %{y:,}<extra></extra>"),
        layout={"template": go.layout.Template(), "height": 360, "margin": {"l": 56, "r": 16, "t": 24, "b": 72},
                "yaxis": {"title": {"text": axis_title}, "rangemode": "tozero", "separatethousands": True},
                "xaxis": {"automargin": True}, "bargap": 0.35, "showlegend": False,
                "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)"},
    )
    for label, value in zip(labels, known):
        if value is None:
            figure.add_annotation(x=label, y=0, text=suppressed, showarrow=False, yanchor="bottom")
    data = json.loads(figure.to_json())
    data["layout"].pop("template", None)
    return embeddable_json(data)


def test_chart_json_is_what_plotly_itself_makes():
    from sitegen.charts import _bar

    nan = float("nan")
    cases = [(["a", "b", "c"], [1.0, nan, 3.5], "Persons", "suppressed"), (["x"], [1234567.0], "Items", ""),
             (["가", "나"], [nan, nan], "명 <b>&", "비공개"), ([], [], "t", ""), (["10대", "20대"], [0.0, 963.0], "명", "")]
    for labels, values, axis_title, suppressed in cases:
        assert _bar("id", labels, values, axis_title, suppressed) == _plotly_reference(labels, values, axis_title, suppressed)
