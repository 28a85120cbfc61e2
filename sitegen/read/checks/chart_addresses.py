"""A chart that was published keeps its address: it still exists, or a removed-charts entry says where its data
went; a removed chart is not declared again under the same id. Runs after the figures (it needs the charts)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ...problems import Code, Problem
from ..chart_addresses import PUBLISHED, REMOVED, published_charts, removed_charts
from . import invisible
from .parsing import Broken, screen_yaml

CHART_GONE = Code(
    "chart-gone",
    "Published chart gone",
    "{note}",
    "a published chart keeps its address: restore it (its view name or its figures), or add an entry to "
    f"{REMOVED} saying where its data went; a chart listed there as removed is not declared again (give a new chart "
    "another id, or delete the entry)",
    f"발표된 차트는 주소를 지킵니다. 차트를 되살리거나(view 이름이나 수치) {REMOVED}에 그 수치가 옮겨 간 곳을 "
    "적습니다. 거기에 지운 것으로 적힌 차트는 다시 선언하지 않습니다 (새 차트에 다른 id를 주거나 그 항목을 지웁니다)",
    dict(file=PUBLISHED, row=14, note='chart "arrests-by-age" was published and is gone'),
)


INVALID_YAML = Code(
    "invalid-yaml",
    "YAML file unreadable",
    "cannot be read: {note}",
    'fix the YAML at that place: one "- id: ..." block per removed chart, with removed, dataset, reason_en and '
    "reason_ko; no aliases (*name) or anchors (&name), and no nesting deeper than a few levels",
    '해당 자리의 YAML을 고칩니다. 지운 차트마다 "- id: ..." 블록 하나에 removed, dataset, reason_en, reason_ko를 '
    "씁니다. 별칭(*name)·앵커(&name)는 쓰지 않고 깊게 중첩하지 않습니다",
    dict(file=REMOVED, row=3, note="it uses a YAML alias or anchor (*name or &name): write the value out"),
)


def check_removed_file(datasets_dir: Path) -> list[Problem]:
    """removed-charts.yml reads safely (sitegen.read.checks.parsing) and holds no invisible character: checked with
    the packages, before anything reads it."""
    path = datasets_dir / REMOVED
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        return [INVALID_YAML.at(path, note=f"it is not UTF-8 text ({error})")]
    try:
        screen_yaml(text)
    except Broken as broken:
        return [INVALID_YAML.at(path, broken.line, note=broken.note)]
    return invisible.check_file(path)


def check(chart_ids: set[str], datasets_dir: Path) -> Iterator[Problem]:
    removed = {entry["id"] for entry in removed_charts(datasets_dir)}
    path = datasets_dir / PUBLISHED
    for row, chart_id in published_charts(datasets_dir):
        if chart_id not in chart_ids and chart_id not in removed:
            yield CHART_GONE.at(path, row, note=f'chart "{chart_id}" was published and is gone')
    for chart_id in sorted(removed & chart_ids):
        yield CHART_GONE.at(
            datasets_dir / REMOVED, None, "id", note=f'"{chart_id}" is listed as removed but a chart has that id'
        )
