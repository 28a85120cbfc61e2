"""The build, stage by stage: check, derive and chart, write files, render and run MkDocs, publish.

The output folder is replaced only when every stage has succeeded, so a
failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import calendar
import contextlib
import functools
import datetime as dt
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from . import SiteError
from .publish import assets, images, mkdocs_runner
from .render import chart_pages, feed, guide
from .util import i18n, parallel
from .util.cache import Cache, per_package
from .render.charts import build_charts
from .config import Config
from .derive.figures import compute_figures
from .publish.metadata import NO_SITEMAP, describe_release, write_release_files, write_sitemap
from .render.pages import Publication, render_pages
from .problems import Problem
from .util.progress import SILENT, Progress
from .read.validation import check_datasets


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
    publications = per_package(cache, "publication", datasets, functools.partial(publish, config=config, strings=strings),
                               lambda dataset: dataset.folder)
    for publication in publications:
        progress.detail(f"{publication.dataset.name} {publication.dataset.version}: "
                        f"{len(publication.dataset.observations)} observations, {len(publication.charts)} charts")
    problems = chart_pages.check_published(publications, datasets_dir)  # a published chart keeps its address
    if problems:
        return problems
    removed = chart_pages.removed_charts(datasets_dir)
    with staging(out_dir) as work:
        progress.stage("files")
        docs = {lang: work / "docs" / lang for lang in i18n.LANGUAGES}
        write_release_files(publications, docs["ko"], config, strings)
        assets.copy_assets(config.site_src / "assets", docs["ko"] / "assets", config.root)
        write_chart_data(publications, docs["ko"] / "downloads" / "charts")
        progress.stage("pages")
        epoch = source_date_epoch(datasets)
        outputs = {lang: work / f"site-{lang}" for lang in i18n.LANGUAGES}
        timings = parallel.run(lambda lang: build_language(lang, publications, strings, config, docs[lang], outputs[lang],
                                                           epoch, removed), i18n.LANGUAGES)  # the languages side by side
        for lang, (markdown, mkdocs) in zip(i18n.LANGUAGES, timings):
            progress.detail(f"{lang}: Markdown {markdown:.2f}s, MkDocs {mkdocs:.2f}s")
        mkdocs_runner.assemble(outputs, work / "site")
        progress.stage("images")
        drawn = images.write_chart_images(publications, work / "site", config, cache.folder if cache else None)
        progress.detail(f"chart images: {drawn.drawn} drawn, {drawn.reused} from the cache")
        sitemaps = write_sitemap(work / "site", config, epoch)
        for sitemap in sitemaps:
            assets.compress(sitemap)
        if not sitemaps:
            progress.note(NO_SITEMAP)
        progress.stage("publish")
    if cache:
        cache.prune()
    progress.end()
    return []


def publish(dataset, config: Config, strings: dict) -> Publication:
    """Everything derived from one package: figures, charts, download files (pure: cacheable)."""
    figures = compute_figures(dataset)
    return Publication(dataset, figures, build_charts(dataset, figures, strings), describe_release(dataset, config, strings))


def build_language(lang: str, publications: list[Publication], strings: dict, config: Config, docs_dir: Path,
                   site_dir: Path, epoch: int, removed: list[dict]) -> tuple[float, float]:
    """One language's Markdown, built by MkDocs into site_dir, its text files gzipped. Returns the seconds taken
    by the Markdown and by MkDocs."""
    started = time.perf_counter()
    docs = {lang: docs_dir}
    pages = render_pages(publications, strings, config.site_src, docs, config.disclosure_threshold)
    pages += feed.render(publications, strings, config, docs)
    pages += guide.render(strings, config, docs)
    pages += chart_pages.render(publications, strings, config, docs, removed)
    rendered = time.perf_counter()
    mkdocs_runner.build(config, lang, docs_dir, pages, strings[lang], site_dir, epoch,
                        images.site_preview(publications, strings, lang))
    chart_pages.write_embeds(publications, strings, config, lang, site_dir)
    assets.precompress(site_dir)
    return rendered - started, time.perf_counter() - rendered


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
