"""The build, stage by stage: check, derive, write the files, render the pages, draw the images, publish.

Read `build_site` top to bottom: each line is one stage, and each stage is a call into its folder of the
package (read, derive, render, publish). The output folder is replaced only when every stage has succeeded,
so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import fcntl
import functools
import glob
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import SiteError
from .config import Config
from .derive.figures import compute_figures
from .problems import Problem, in_order
from .publish import all_figures, api, assets, dcat, downloads, images, metadata, mkdocs_runner
from .read import checks
from .read.catalog import Dataset
from .read.chart_addresses import removed_charts
from .read.checks.citations import stale_notes
from .read.history import history
from .read.validation import check_datasets
from .render import chart_pages, feed, figure_pages, guide
from .render.charts import build_charts
from .render.pages import Publication, render_pages
from .util import i18n, parallel
from .util.cache import Cache, per_package
from .util.oserror import describe, remedy
from .util.progress import SILENT, Progress


def build_site(
    datasets_dir: Path, out_dir: Path, config: Config, progress: Progress = SILENT, cache: Cache | None = None
) -> list[Problem]:
    """Build the site into out_dir. Returns the data problems (and builds nothing) if there are any.
    With a cache, a package's check results and derived figures, charts and files are reused while unchanged."""
    strings = i18n.load_strings(config.site_src / "i18n")  # read once per build (the preview server edits them)
    problems, publications = check(datasets_dir, config, progress, cache, strings)
    if problems:
        return problems
    for note in stale_notes(config.site_src, [p.dataset for p in publications]):  # pages citing an older crackdown
        progress.note(note)
    with staging(out_dir) as work:
        progress.stage("files")
        write_files(publications, work / "docs" / "ko", config, strings, datasets_dir)
        progress.stage("pages")
        stamp, removed = epoch(publications), removed_charts(datasets_dir)
        editions = [Edition(lang, publications, config, strings, work, stamp, removed) for lang in i18n.LANGUAGES]
        for edition, seconds in zip(editions, parallel.run(build_edition, editions)):  # the languages side by side
            progress.detail(f"{edition.lang}: Markdown {seconds[0]:.2f}s, MkDocs {seconds[1]:.2f}s")
        mkdocs_runner.assemble({e.lang: e.site for e in editions}, work / "site")
        progress.stage("images")
        drawn = images.write_chart_images(publications, work / "site", config, cache.folder if cache else None)
        progress.detail(f"chart images: {drawn.drawn} drawn, {drawn.reused} from the cache")
        write_sitemaps(work / "site", config, stamp, progress)
        progress.stage("publish")
    if cache:
        cache.prune()
    progress.end()
    return []


def check(
    datasets_dir: Path,
    config: Config,
    progress: Progress = SILENT,
    cache: Cache | None = None,
    strings: dict | None = None,
) -> tuple[list[Problem], list[Publication]]:
    """Every data problem, and what is derived from the packages that have none. The packages' own checks run
    first; the pass after the figures judges what was derived (quoted figures, chart addresses)."""
    progress.stage("check")
    problems, datasets = check_datasets(datasets_dir, config, cache)
    progress.stage("figures")
    publications = derive(datasets, config, strings or i18n.load_strings(config.site_src / "i18n"), cache)
    for publication in publications:
        progress.detail(
            f"{publication.dataset.name} {publication.dataset.version}: "
            f"{len(publication.dataset.observations)} observations, {len(publication.charts)} charts"
        )
    problems += checks.check_derived(publications, datasets_dir, every_package=not problems)
    return in_order(problems), ([] if problems else publications)


def derive(datasets: list[Dataset], config: Config, strings: dict, cache: Cache | None = None) -> list[Publication]:
    """Each package with its figures, charts and download files (reused from the cache while unchanged)."""
    return per_package(
        cache,
        "publication",
        datasets,
        functools.partial(publication, config=config, strings=strings),
        lambda dataset: dataset.folder,
    )


def publication(dataset: Dataset, config: Config, strings: dict) -> Publication:
    """Everything derived from one package (pure: cacheable)."""
    figures = compute_figures(dataset)
    return Publication(
        dataset,
        figures,
        build_charts(dataset, figures, strings),
        metadata.describe_release(dataset, config, strings),
        history(dataset),
    )


def write_files(publications: list[Publication], root: Path, config: Config, strings: dict, datasets_dir: Path) -> None:
    """What a reader downloads and a harvester reads, and the site's own assets, into the site root."""
    every = all_figures.downloads(publications, config.site_url, datasets_dir / all_figures.NAME)  # in one file
    downloads.write_downloads([p.release.files for p in publications] + [every], root)
    all_figures.write(every, root)
    downloads.write_chart_data([chart for p in publications for chart in p.charts], root)
    dcat.write_catalog(publications, root, config, strings, every)
    api.write_api(publications, root, config)
    assets.copy_assets(config.site_src / "assets", root / "assets", config.root)


@dataclass(frozen=True)
class Edition:
    """One language's site: what its pages are made from and where they go."""

    lang: str
    publications: list[Publication]
    config: Config
    strings: dict
    work: Path
    epoch: int
    removed: list[dict]

    @property
    def docs(self) -> Path:
        return self.work / "docs" / self.lang

    @property
    def site(self) -> Path:
        return self.work / f"site-{self.lang}"


def build_edition(edition: Edition) -> tuple[float, float]:
    """One language's Markdown, built by MkDocs, its text files gzipped. Returns the seconds taken by the
    Markdown and by MkDocs."""
    started = time.perf_counter()
    lang, publications, config = edition.lang, edition.publications, edition.config
    strings = edition.strings
    docs = {lang: edition.docs}
    pages = render_pages(publications, strings, config.site_src, docs, config.disclosure_threshold)
    pages += feed.render(publications, strings, config, docs)
    pages += guide.render(strings, config, docs)
    pages += chart_pages.render(publications, strings, config, docs, edition.removed)
    pages += figure_pages.render(
        publications, strings, config, docs
    )  # last: it lists where the others cite each figure
    rendered = time.perf_counter()
    mkdocs_runner.build(
        config,
        lang,
        edition.docs,
        pages,
        strings[lang],
        edition.site,
        edition.epoch,
        images.site_preview(publications, strings, lang),
    )
    chart_pages.write_embeds(publications, strings, config, lang, edition.site)
    assets.precompress(edition.site)
    return rendered - started, time.perf_counter() - rendered


def write_sitemaps(site: Path, config: Config, epoch: int, progress: Progress) -> None:
    sitemaps = metadata.write_sitemap(site, config, epoch)
    for sitemap in sitemaps:
        assets.compress(sitemap)
    if not sitemaps:
        progress.note(metadata.NO_SITEMAP)


def epoch(publications: list[Publication]) -> int:
    """The newest publication date of any source: the same data gives the same timestamps."""
    newest = max(max(p.dataset.sources["published"]) for p in publications)
    return calendar.timegm(dt.date.fromisoformat(newest).timetuple())


@contextlib.contextmanager
def staging(out_dir: Path) -> Iterator[Path]:
    """A work folder next to out_dir, locked for as long as this build (or a worker it forked) lives; on success its
    site/ replaces out_dir. Work folders left by builds that were killed, whose lock no one holds, are removed first.
    An OSError (a full disk, a folder that is not writable) becomes one line naming the path; the previous site stays
    as it was and the work folder is removed."""
    out_dir = out_dir.resolve()
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / "index.html").exists():
        raise SiteError(f"{out_dir}: exists and is not a built site - choose an empty or new folder for --out")
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        remove_abandoned(out_dir)
        work, lock = _claim(out_dir)
    except OSError as error:
        raise SiteError(f"{describe(error)} - {remedy(error)} or choose another --out") from error
    try:
        yield work
        _swap(work, out_dir)
    except OSError as error:
        kept = f"{out_dir} is unchanged" if out_dir.exists() else "nothing was published"
        raise SiteError(f"{describe(error)} - {remedy(error)} or choose another --out; {kept}") from error
    finally:
        shutil.rmtree(work, ignore_errors=True)
        os.close(lock)


def _claim(out_dir: Path) -> tuple[Path, int]:
    """A new work folder `.<out>-build-*` and a descriptor holding an flock on it. The folder is made under another
    name and renamed once locked, so a `-build-` folder is never seen unlocked while its build lives."""
    claim = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-claim-", dir=out_dir.parent))
    lock = os.open(claim, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held by the forked workers too; freed when all are gone
        work = claim.with_name(claim.name.replace("-claim-", "-build-", 1))
        os.rename(claim, work)
    except OSError:
        os.close(lock)
        shutil.rmtree(claim, ignore_errors=True)
        raise
    return work, lock


def remove_abandoned(out_dir: Path) -> list[Path]:
    """Remove the work folders next to out_dir that no live build holds (left by a build that was killed)."""
    removed = []
    for folder in sorted(out_dir.parent.glob(f".{glob.escape(out_dir.name)}-build-*")):
        if folder.is_symlink() or not folder.is_dir():
            continue
        try:
            lock = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            continue  # not ours to open: left as it is
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # a build is using it
        else:
            shutil.rmtree(folder, ignore_errors=True)  # best effort: what cannot be removed does not stop the build
            removed.append(folder)
        finally:
            os.close(lock)
    return removed


def _swap(work: Path, out_dir: Path) -> None:
    """work/site becomes out_dir; the previous site goes back in place if that fails."""
    old = work / "previous"
    if out_dir.exists():
        os.replace(out_dir, old)
    try:
        os.replace(work / "site", out_dir)
    except OSError:
        if old.exists():
            os.replace(old, out_dir)
        raise
