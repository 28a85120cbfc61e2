"""A chart id is its address: the record of every chart id ever published, and of the charts removed since.

`datasets/published-charts.txt` lists every chart id ever published (`build_site.py release` adds the current
ones); a listed chart that is gone needs an entry in `datasets/removed-charts.yml`, which keeps a page at its
address saying so and where its data went (sitegen.read.checks.chart_addresses checks both).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml

from .. import SiteError

PUBLISHED = "published-charts.txt"
REMOVED = "removed-charts.yml"


def removed_charts(datasets_dir: Path) -> list[dict]:
    path = datasets_dir / REMOVED
    if not path.exists():
        return []
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as error:
        raise SiteError(f"{path}: cannot be read ({error}) - fix the YAML") from error
    keys = {"id", "removed", "dataset", "reason_ko", "reason_en"}
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not keys <= set(entry):
            raise SiteError(f"{path}: entry {number} needs {', '.join(sorted(keys))}")
    return entries


def published_charts(datasets_dir: Path) -> list[tuple[int, str]]:
    """(line number, chart id) of every chart id in published-charts.txt."""
    path = datasets_dir / PUBLISHED
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(row, line.strip()) for row, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]


def record_published(chart_ids: Iterable[str], datasets_dir: Path) -> int:
    """Add the current chart ids to published-charts.txt (after publishing). Returns how many were new."""
    known = [chart_id for _, chart_id in published_charts(datasets_dir)]
    new = sorted(set(chart_ids) - set(known))
    if new:
        header = (
            "# Every chart id this site has published: its address must keep working "
            "(see sitegen/read/chart_addresses.py).\n"
            "# `python build_site.py release` adds new ones; a removed chart needs an entry in removed-charts.yml.\n"
        )
        (datasets_dir / PUBLISHED).write_text(
            header + "".join(f"{i}\n" for i in sorted(set(known) | set(new))), encoding="utf-8"
        )
    return len(new)
