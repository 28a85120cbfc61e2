"""The build, stage by stage: check, derive, chart, render, MkDocs, publish.

The output folder is replaced only when every stage has succeeded, so a
failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from . import SiteError, assets, feed, guide, i18n, mkdocs_runner
from .cache import Cache
from .charts import build_charts
from .config import Config
from .figures import compute_figures
from .metadata import describe_release, write_release_files, write_sitemap
from .pages import Publication, render_pages
from .problems import Problem
from .progress import SILENT, Progress
from .validation import check_datasets


def build_site(datasets_dir: Path, out_dir: Path, config: Config, progress: Progress = SILENT,
               cache: Cache | None = None) -> list[Problem]:
    """Build the site into out_dir. Returns the data problems (and builds nothing) if there are any.
    With a cache, a package's check results and derived figures, charts and files are reused while unchanged."""
    progress.stage("check")
    problems, datasets = check_datasets(datasets_dir, config, cache)
    if problems:
        return problems
    progress.stage("figures")
    strings = i18n.load_strings(config.site_src / "i18n")
    publications = []
    for dataset in datasets:
        publications.append(cache.get_or_make("publication", dataset.folder, lambda: publish(dataset, config, strings))
                            if cache else publish(dataset, config, strings))
        progress.detail(f"{dataset.name} {dataset.version}: {len(dataset.observations)} observations, "
                        f"{len(publications[-1].charts)} charts")
    with staging(out_dir) as work:
        progress.stage("pages")
        docs = {lang: work / "docs" / lang for lang in i18n.LANGUAGES}
        write_release_files(publications, docs["ko"], config)
        pages = render_pages(publications, strings, config.site_src, docs)
        pages += feed.render(publications, strings, config, docs)
        pages += guide.render(strings, config, docs)
        assets.copy_assets(config.site_src / "assets", docs["ko"] / "assets", config.root)
        write_chart_data(publications, docs["ko"] / "downloads" / "charts")
        progress.stage("mkdocs")
        epoch = source_date_epoch(datasets)
        mkdocs_runner.build(config, docs, pages, strings, work / "site", epoch)
        write_sitemap(work / "site", config, epoch)
        assets.precompress(work / "site")
        progress.stage("publish")
    if cache:
        cache.prune()
    progress.end()
    return []


def publish(dataset, config: Config, strings: dict) -> Publication:
    """Everything derived from one package: figures, charts, download files (pure: cacheable)."""
    figures = compute_figures(dataset)
    return Publication(dataset, figures, build_charts(dataset, figures, strings), describe_release(dataset, config, strings))


def source_date_epoch(datasets) -> int:
    """The newest publication date of any source: the same data gives the same timestamps."""
    newest = max(max(d.sources["published"]) for d in datasets)
    return calendar.timegm(dt.date.fromisoformat(newest).timetuple())


def write_chart_data(publications: list[Publication], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for publication in publications:
        for chart in publication.charts:
            (folder / chart.csv_name).write_text(chart.csv, encoding="utf-8")


@contextlib.contextmanager
def staging(out_dir: Path) -> Iterator[Path]:
    """A work folder next to out_dir; on success its site/ replaces out_dir."""
    out_dir = out_dir.resolve()
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / "index.html").exists():
        raise SiteError(f"{out_dir}: exists and is not a built site - choose an empty or new folder for --out")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-build-", dir=out_dir.parent))
    try:
        yield work
        old = work / "previous"
        if out_dir.exists():
            os.replace(out_dir, old)
        os.replace(work / "site", out_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
