"""A running total that falls is refused unless flagged lower-confidence or differently defined, with its reason;
a chart that draws such a figure says why it is doubtful."""

import csv
import shutil

import pytest

from sitegen.config import ROOT
from sitegen.derive.figures import compute_figures
from sitegen.read.catalog import load_dataset
from sitegen.read.validation import check_datasets
from sitegen.render.charts import build_charts
from sitegen.util import i18n

PACKAGE = "crackdown-2024-running-totals"
FALLING = ("asof-2024-09-25", "arrested", "age_20_29")  # 50, after 57 on 10 Sep 2024


def _edit(datasets, change) -> None:
    path = datasets / PACKAGE / "data" / "observations.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for row in rows:
        if (row["period_id"], row["measure"], row["group"]) == FALLING and row["role"] == "published":
            change(row)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def one(tmp_path):
    """A datasets folder holding only the running totals, to change."""
    shutil.copytree(ROOT / "datasets" / PACKAGE, tmp_path / PACKAGE)
    return tmp_path


def _codes(datasets, config):
    problems, _ = check_datasets(datasets, config)
    return [(p.code, p.row, p.field, p.message) for p in problems if p.code == "falling-running-total"]


def test_the_shipped_falling_total_is_flagged_with_its_reason(one, config):
    assert _codes(one, config) == []


@pytest.mark.parametrize(
    "change",
    [
        lambda row: row.update(flag="", note_en="", note_ko=""),  # no flag
        lambda row: row.update(note_en="", note_ko=""),  # a flag without its reason
        lambda row: row.update(flag="inconsistent_in_release"),  # a flag that does not say the figure is doubtful
    ],
)
def test_a_running_total_that_falls_is_refused_naming_row_and_values(one, config, change):
    _edit(one, change)
    assert _codes(one, config) == [
        (
            "falling-running-total",
            14,
            "value",
            "arrested / age_20_29 is 50 as of 2024-09-25, below 57 as of 2024-09-10: a running total cannot fall",
        )
    ]


def test_a_rise_passes_and_daily_averages_may_fall(one, config):
    _edit(one, lambda row: row.update(value="60", flag="", note_en="", note_ko=""))
    assert _codes(one, config) == []  # cases_per_day falls from 12.66 to 6.98: an average, not a total


def test_the_chart_that_draws_it_gives_the_reason(config):
    dataset = load_dataset(ROOT / "datasets" / PACKAGE)
    strings = i18n.load_strings(config.site_src / "i18n")
    chart = next(
        c
        for c in build_charts(dataset, compute_figures(dataset), strings)
        if c.id == "arrests-by-age-2024-running-total"
    )
    assert "2024년 9월 25일 기준 20대 누적 인원(50명)은 9월 10일 기준(57명)보다 적습니다." in chart.note["ko"]
    assert "The count of people in their 20s as of 25 Sep 2024 (50) is lower than" in chart.note["en"]
