"""What harvesters and citers read: schema.org JSON-LD, the DCAT-AP 3 catalogue, the sitemap, citations.

Addresses: with [tool.sitegen] site_url set, every address is absolute
(site_url + path). Without it, addresses are relative to the document that
holds them (the dataset page, the catalogue, the sitemap), which JSON-LD
processors and browsers resolve wherever the site is hosted; search engines
want absolute addresses, so set site_url before publishing.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..read.catalog import Dataset
from ..read.changes import changelog_entries
from ..render.charts import embeddable_json
from ..util import i18n
from . import all_figures
from .downloads import MEDIA_TYPES, Downloads, package_downloads

DATA_PAGE = "downloads/"


@dataclass(frozen=True)
class Release:
    """One package version as published: its files, its JSON-LD and its citations per language."""

    files: Downloads
    jsonld: dict[str, str]  # lang -> JSON safe inside <script>
    citation: dict[str, str]
    bibtex: str


def link(path: str, from_dir: str, site_url: str) -> str:
    """The address of `path` (from the site root) as written in a document in `from_dir` (from the site root)."""
    if site_url:
        return site_url.rstrip("/") + "/" + path
    relative = posixpath.relpath(path or ".", from_dir or ".")
    if path.endswith("/") or path == "":
        return "./" if relative == "." else relative + "/"
    return relative


def first_day(dataset: Dataset) -> str:
    """The earliest day the data covers: a period whose start no source gives counts from its end (an as-of date)."""
    periods = dataset.periods
    return min(periods["start"].where(periods["start"] != "", periods["end"]))


def page_dir(dataset: Dataset, lang: str) -> str:
    return f"{i18n.ROOTS[lang]}data/{dataset.name}/"


def describe_release(dataset: Dataset, config: Config, strings: dict) -> Release:
    files = package_downloads(dataset)
    publisher = {lang: config.site_name_ko if lang == "ko" else config.site_name_en for lang in i18n.LANGUAGES}
    url = link(page_dir(dataset, "ko"), "", config.site_url) if config.site_url else f"/{page_dir(dataset, 'ko')}"
    citation = {
        lang: strings[lang]["dl_citation_format"].format(
            publisher=publisher[lang],
            date=files.date,
            title=dataset.text("title", lang),
            version=dataset.version,
            url=url,
        )
        for lang in i18n.LANGUAGES
    }
    bibtex = "\n".join(
        [
            f"@misc{{{dataset.name.replace('-', '_')}_{dataset.version.replace('.', '_')},",
            f"  title = {{{_bibtex(dataset.text('title', 'en'))}}},",
            f"  author = {{{{{_bibtex(publisher['en'])}}}}},",
            f"  year = {{{files.date[:4]}}},",
            f"  version = {{{dataset.version}}},",
            f"  url = {{{url}}},",
            f"  note = {{Data set, {files.license.get('title', files.license.get('name', ''))}}}",
            "}",
        ]
    )
    jsonld = {
        lang: embeddable_json(dataset_jsonld(dataset, files, config, strings[lang], lang)) for lang in i18n.LANGUAGES
    }
    return Release(files, jsonld, citation, bibtex)


BIBTEX_SPECIALS = str.maketrans(
    {**{c: "\\" + c for c in "{}%&$#_"}, "\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}
)


def _bibtex(text: str) -> str:
    return text.translate(BIBTEX_SPECIALS)  # one pass: an escape is never escaped again


def description(dataset: Dataset, lang: str, t: dict) -> str:
    """The package description, lengthened to the 50 characters search engines ask for and cut at 5000."""
    text = dataset.text("description", lang).strip()
    if len(text) < 50:
        text = f"{text} {t['dl_description_more']}".strip()
    return text[:5000]


def first_release(dataset: Dataset) -> str:
    """The day the package was first published: its oldest changelog entry ("" when it has none)."""
    return min((entry.date for entry in changelog_entries(dataset)), default="")


def dataset_jsonld(dataset: Dataset, files: Downloads, config: Config, t: dict, lang: str) -> dict:
    """A schema.org Dataset with what Google's Dataset search requires (name, description) and recommends."""
    here = page_dir(dataset, lang)
    other = next(other for other in i18n.LANGUAGES if other != lang)
    site = config.site_name_ko if lang == "ko" else config.site_name_en
    organisation = {"@type": "Organization", "name": site, "url": link("", here, config.site_url)}
    periods = dataset.periods
    published = first_release(dataset)
    return {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": dataset.text("title", lang),
        "alternateName": dataset.text("title", other),
        "description": description(dataset, lang, t),
        "url": link(here, here, config.site_url),
        "sameAs": link(page_dir(dataset, other), here, config.site_url),  # the same data set, in the other language
        "identifier": f"{dataset.name}/{dataset.version}",
        "version": dataset.version,
        **({"datePublished": published} if published else {}),
        "dateModified": files.date,
        "inLanguage": ["ko", "en"],
        "license": files.license.get("path", ""),
        "creator": organisation,
        "publisher": organisation,
        "temporalCoverage": f"{first_day(dataset)}/{max(periods['end'])}",
        "spatialCoverage": {
            "@type": "Place",
            "name": t["dl_spatial_coverage"],
            "address": {"@type": "PostalAddress", "addressCountry": "KR"},
        },
        "variableMeasured": [
            {
                "@type": "PropertyValue",
                "propertyID": m.id,
                "name": getattr(m, f"name_{lang}"),
                "description": getattr(m, f"definition_{lang}"),
                "unitText": m.unit,
            }
            for m in dataset.measures.itertuples()
        ],
        "keywords": [str(k) for k in dataset.descriptor.get("keywords", [])],
        "isAccessibleForFree": True,
        "citation": [
            {
                "@type": "CreativeWork",
                "name": s.title or s.publisher,
                **(
                    {"datePublished": s.published[:7] if s.published_precision == "month" else s.published}
                    if s.published
                    else {}
                ),
                "publisher": {"@type": "Organization", "name": s.publisher},
                **({"url": s.url} if s.url else {}),
            }
            for s in dataset.sources.sort_values("id").itertuples()
        ],
        "distribution": [
            {
                "@type": "DataDownload",
                "name": f.path,
                "contentUrl": link(files.folder() + f.path, here, config.site_url),
                "encodingFormat": f.media_type,
                "contentSize": f"{f.size} B",
                "sha256": f.sha256,
            }
            for f in files.files
        ],
        "isPartOf": {  # every figure of every package in one file, with the finder that searches it
            "@type": "Dataset",
            "name": all_figures.TITLE[lang],
            "url": link(i18n.ROOTS[lang] + "figures/", here, config.site_url),
            "distribution": [
                {
                    "@type": "DataDownload",
                    "contentUrl": link(f"data/{all_figures.NAME}.{extension}", here, config.site_url),
                    "encodingFormat": MEDIA_TYPES[extension],
                }
                for extension in all_figures.STABLE
            ],
        },
        "includedInDataCatalog": {
            "@type": "DataCatalog",
            "name": site,
            "url": link(i18n.ROOTS[lang] + DATA_PAGE, here, config.site_url),
        },
    }


NO_SITEMAP = "no sitemap: set site_url in [tool.sitegen] of pyproject.toml to publish sitemap.xml"


def write_sitemap(site_dir: Path, config: Config, epoch: int) -> list[Path]:
    """With a site_url: one sitemap at the root for both languages, each page with its hreflang alternates
    (it replaces MkDocs' two), and robots.txt pointing at it. The sitemaps.org protocol accepts only absolute
    addresses, so without a site_url there is no sitemap and robots.txt names none. Returns the sitemaps written."""
    import datetime as dt

    for folder in i18n.ROOTS.values():
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site_dir / folder / name).unlink(missing_ok=True)
    robots = ["User-agent: *", "Disallow:"]
    if not config.site_url:
        (site_dir / "robots.txt").write_text("\n".join(robots) + "\n", encoding="utf-8")
        return []
    lastmod = dt.datetime.fromtimestamp(epoch, dt.UTC).date().isoformat()
    pages = {lang: set() for lang in i18n.ROOTS}
    for page in site_dir.rglob("index.html"):
        path = page.parent.relative_to(site_dir).as_posix()
        path = "" if path == "." else path + "/"
        lang = "en" if path.startswith(i18n.ROOTS["en"]) else "ko"
        pages[lang].add(path.removeprefix(i18n.ROOTS[lang]))
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]

    def address(path: str) -> str:
        return html.escape(link(path, "", config.site_url))

    def urlset(langs: list[str]) -> str:
        lines = list(head)
        for path in sorted(pages["ko"] | pages["en"]):
            versions = {lang: i18n.ROOTS[lang] + path for lang in i18n.ROOTS if path in pages[lang]}
            alternates = list(versions.items()) + ([("x-default", versions["ko"])] if "ko" in versions else [])
            for lang in [lang for lang in langs if lang in versions]:
                lines.append(f"<url><loc>{address(versions[lang])}</loc><lastmod>{lastmod}</lastmod>")
                lines += [
                    f'<xhtml:link rel="alternate" hreflang="{alt}" href="{address(target)}"/>'
                    for alt, target in alternates
                ]
                lines.append("</url>")
        return "\n".join(lines + ["</urlset>"]) + "\n"

    # The root sitemap lists every page; en/ gets one of its own pages, which the theme's instant navigation reads.
    (site_dir / i18n.ROOTS["en"] / "sitemap.xml").write_text(urlset(["en"]), encoding="utf-8")
    (site_dir / "sitemap.xml").write_text(urlset(list(i18n.ROOTS)), encoding="utf-8")
    robots.append(f"Sitemap: {link('sitemap.xml', '', config.site_url)}")
    (site_dir / "robots.txt").write_text("\n".join(robots) + "\n", encoding="utf-8")
    return [site_dir / "sitemap.xml", site_dir / i18n.ROOTS["en"] / "sitemap.xml"]
