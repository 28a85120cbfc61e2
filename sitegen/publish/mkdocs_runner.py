"""Run MkDocs Material once per language on the generated Markdown.

Korean is the root of the site, English lives under en/. The configuration
is mkdocs.yml with, per language, the docs folder, the output folder, the
navigation, the theme language and the language links.
"""

from __future__ import annotations

import contextlib
import fnmatch
import logging
import os
from pathlib import Path

import yaml

from .. import SiteError
from ..config import Config
from ..render.pages import Page
from ..util import i18n

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

NAMES = {"ko": "한국어", "en": "English"}


def build(
    config: Config,
    lang: str,
    docs_dir: Path,
    pages: list[Page],
    t: dict,
    site_dir: Path,
    epoch: int,
    preview: dict | None = None,
) -> None:
    """MkDocs Material on one language's Markdown (docs_dir) into site_dir, with mkdocs-<lang>.yml beside docs_dir.
    `preview` is the link preview of pages without one of their own (sitegen.publish.images.site_preview)."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    base = yaml.safe_load(config.mkdocs_yml.read_text(encoding="utf-8"))
    settings = _settings(base, config, lang, docs_dir, site_dir, pages, t)
    settings["extra"]["preview"] = preview or {}
    config_file = docs_dir.parent / f"mkdocs-{lang}.yml"
    config_file.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with _environment(SOURCE_DATE_EPOCH=str(epoch)), _quiet_mkdocs():
        try:
            mkdocs_build.build(load_config(config_file=str(config_file)))
        except (MkDocsException, SystemExit) as error:
            raise SiteError(f"MkDocs failed for the {lang} pages: {error}") from error


def assemble(outputs: dict[str, Path], site_dir: Path) -> None:
    """Each language was built into a folder of its own (MkDocs empties its output folder first): the root
    language's becomes the site, the others move into it."""
    for lang in sorted(outputs, key=lambda lang: i18n.ROOTS[lang]):
        os.replace(outputs[lang], site_dir / i18n.ROOTS[lang])


def _settings(
    base: dict, config: Config, lang: str, docs_dir: Path, site_dir: Path, pages: list[Page], t: dict
) -> dict:
    settings = dict(base)
    settings["site_name"] = config.site_name_ko if lang == "ko" else config.site_name_en
    if config.site_url:
        settings["site_url"] = config.site_url.rstrip("/") + "/" + i18n.ROOTS[lang]
    settings["docs_dir"] = str(docs_dir)
    settings["site_dir"] = str(site_dir)
    settings["theme"] = dict(base["theme"], language=lang, custom_dir=str(config.root / base["theme"]["custom_dir"]))
    if not config.site_url:  # instant navigation reads sitemap.xml, which is published only with a site_url
        settings["theme"]["features"] = [
            f for f in base["theme"].get("features", []) if not f.startswith("navigation.instant")
        ]
    up = "../" if lang != "ko" else ""
    settings["extra_css"] = [up + path for path in base.get("extra_css", [])]
    settings["extra_javascript"] = [up + path for path in base.get("extra_javascript", [])]
    settings["extra"] = dict(
        base.get("extra", {}),
        languages=[
            {
                "name": NAMES[other],
                "lang": other,
                "link": _relative_root(lang, other),
                "root_url": config.site_url.rstrip("/") + "/" + i18n.ROOTS[other] if config.site_url else "",
            }
            for other in i18n.ROOTS
        ],
    )
    # Material writes <link rel="alternate" hreflang> from extra.alternate when it is a list, and its
    # script then reads sitemap.xml beside each link. hreflang needs absolute URLs, so the list is
    # given only with a site_url; `true` keeps the switcher (site_src/overrides/partials/alternate.html).
    settings["extra"]["alternate"] = (
        [{"lang": alt["lang"], "link": alt["root_url"]} for alt in settings["extra"]["languages"]]
        if config.site_url
        else True
    )
    settings["extra"]["ui"] = t  # UI strings for the theme overrides (footer, ...)
    settings["hooks"] = [*base.get("hooks", []), str(Path(__file__).with_name("search_hook.py"))]  # tables unsearched
    settings["nav"] = _nav(
        yaml.safe_load((config.site_src / "nav.yml").read_text(encoding="utf-8")), pages, lang, t, docs_dir
    )
    return settings


def _nav(entries: list, pages: list[Page], lang: str, t: dict, docs_dir: Path | None = None) -> list:
    """site_src/nav.yml for one language: sections get their UI-string title, globs expand to generated pages.
    With docs_dir, a page that was not written (a topic left out of a build of only some packages) is left out."""
    titles = {page.path: page.title[lang] for page in pages}
    groups = {page.path: page.group for page in pages}

    def item(path: str):
        return {titles[path]: path} if path in titles else path

    nav = []
    for entry in entries:
        if isinstance(entry, str):
            nav.append(item(entry))
            continue
        paths = entry["pages"]
        # a glob expands to the generated pages it matches, in a list too: [downloads.md, data/*.md]
        # a page named in the list and matched by a glob too is listed once, where the list names it
        named = {path for path in ([paths] if isinstance(paths, str) else paths) if "*" not in path}
        paths = [
            found
            for path in ([paths] if isinstance(paths, str) else paths)
            for found in (
                sorted(p for p in titles if fnmatch.fnmatch(p, path) and p not in named) if "*" in path else [path]
            )
        ]
        if docs_dir is not None:
            paths = [path for path in paths if (docs_dir / path).is_file()]
        if paths:
            nav.append(
                {
                    t[entry.get("title", entry["section"])]: _grouped(
                        [item(p) for p in paths], [groups.get(p, "") for p in paths], t["nav_decade"]
                    )
                }
            )
    return nav


FLAT_SECTION = 20  # a section (or sub-section) of more entries is split one level further


def _grouped(items: list, years: list[str], decade_title: str) -> list:
    """A long section as sub-sections by year, oldest first, and a long list of years as decades of years.

    With navigation.prune a page embeds its own year's links plus one link per other year of its decade and one
    per other decade, so a campaign page stays about the same size however many campaigns there are."""
    lead = 0  # pages of no year at the head of the section (an overview) stay first, outside the groups
    while lead < len(items) and not years[lead]:
        lead += 1
    head, items, years = items[:lead], items[lead:], years[lead:]
    if len(items) <= FLAT_SECTION or not all(years):
        return head + items
    by_year = _by(zip(years, items))
    if len(by_year) <= FLAT_SECTION:
        return head + [{year: entries} for year, entries in by_year.items()]
    by_decade = _by((year[:3] + "0", {year: entries}) for year, entries in by_year.items())
    return head + [{decade_title.format(decade=decade): entries} for decade, entries in by_decade.items()]


def _by(pairs) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for key, entry in sorted(pairs, key=lambda pair: pair[0]):
        grouped.setdefault(key, []).append(entry)
    return grouped


def _relative_root(lang: str, other: str) -> str:
    """From the root of `lang` to the root of `other`."""
    if lang == other:
        return ""
    return ("../" if i18n.ROOTS[lang] else "") + i18n.ROOTS[other]


@contextlib.contextmanager
def _environment(**values: str):
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextlib.contextmanager
def _quiet_mkdocs():
    """MkDocs' INFO lines are noise for maintainers; its warnings still fail a strict build."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.WARNING)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s %(message)s"))
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
