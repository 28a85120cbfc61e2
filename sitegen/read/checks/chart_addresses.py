"""A chart that was published keeps its address: it still exists, or a removed-charts entry says where its data
went; a removed chart is not declared again under the same id. Runs after the figures (it needs the charts)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ...codes import Code
from ...problems import Problem
from ..chart_addresses import PUBLISHED, REMOVED, published_charts, removed_charts

CODES = {
    "chart-gone": Code('published-charts.txt:14: chart "arrests-by-age" was published and is gone',
                       "Restore the chart (its view name or its figures), or add an entry to removed-charts.yml "
                       "saying where its data went.",
                       "차트를 되살리거나(view 이름이나 수치), removed-charts.yml에 그 수치가 옮겨 간 곳을 적습니다."),
}


def check(chart_ids: set[str], datasets_dir: Path) -> Iterator[Problem]:
    removed = {entry["id"] for entry in removed_charts(datasets_dir)}
    path = datasets_dir / PUBLISHED
    for row, chart_id in published_charts(datasets_dir):
        if chart_id not in chart_ids and chart_id not in removed:
            yield Problem(str(path), row, None, "chart-gone", f'chart "{chart_id}" was published and is gone',
                          f"restore it (its view name or its figures), or add an entry to {REMOVED} saying "
                          "where its data went")
    for chart_id in sorted(removed & chart_ids):
        yield Problem(str(datasets_dir / REMOVED), None, "id", "chart-gone",
                      f'"{chart_id}" is listed as removed but a chart has that id',
                      f"give the new chart another id, or delete the entry from {REMOVED}")
