"""A chart of totals over periods of unequal length says which period is shorter and gives the daily averages,
computed from the periods' dates (a typed note once had it the wrong way round)."""

import csv
import shutil

from sitegen.config import ROOT
from sitegen.derive.figures import compute_figures
from sitegen.read.catalog import load_dataset
from sitegen.render.charts import build_charts
from sitegen.util import i18n

CHART = "crackdown-2024-arrests-vs-before"


def _chart(folder, config):
    dataset = load_dataset(folder)
    strings = i18n.load_strings(config.site_src / "i18n")
    return next(c for c in build_charts(dataset, compute_figures(dataset), strings) if c.id == CHART)


def test_the_note_names_the_shorter_period_and_the_daily_averages(config):
    chart = _chart(ROOT / "datasets" / "special-crackdown-2024", config)
    assert chart.note["ko"] == "집중단속(216일)이 비교 기간(240일)보다 짧습니다. 평균: 하루 1.1명 → 하루 4.5명."
    assert chart.note["en"] == (
        "The crackdown (216 days) is shorter than the comparison window (240 days). Average: 1.1 a day → 4.5 a day."
    )
    assert [row[-1] for row in chart.rows["en"]] == ["1.1 a day", "4.5 a day"]  # beside each total in the table


def test_the_note_follows_the_dates(tmp_path, config):
    folder = tmp_path / "special-crackdown-2024"
    shutil.copytree(ROOT / "datasets" / "special-crackdown-2024", folder)
    path = folder / "data" / "periods.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for row in rows:
        if row["id"] == "window-2024-01-01":
            row["start"] = "2024-06-01"  # now 88 days: the window is the shorter period
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    chart = _chart(folder, config)
    assert chart.note["en"].startswith("The comparison window (88 days) is shorter than the crackdown (216 days).")
    assert chart.note["ko"].startswith("비교 기간(88일)이 집중단속(216일)보다 짧습니다.")


def test_no_shipped_view_types_a_note_on_period_lengths():
    import json

    words = ("길이", "짧", "length", "shorter", "longer")
    for descriptor in sorted((ROOT / "datasets").glob("*/datapackage.json")):
        for view in json.loads(descriptor.read_text(encoding="utf-8")).get("views", []):
            for text in view["spec"].get("note", {}).values():
                assert not any(word in text for word in words), (descriptor.parent.name, view["name"], text)
