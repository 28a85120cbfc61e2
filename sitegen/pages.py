"""Render the site's Markdown pages from Jinja templates, one tree per language.

Everything read from a data package reaches a page through Jinja's HTML
autoescape inside raw HTML blocks, where Markdown does not run, so package
text can neither inject markup nor Markdown links.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import jinja2
import markupsafe

from . import i18n
from .catalog import Dataset
from .charts import Chart
from .figures import Figures, published


@dataclass(frozen=True)
class Page:
    path: str  # relative to the language root, e.g. "data/special-crackdown-2024.md"
    title: dict[str, str]


@dataclass(frozen=True)
class Publication:
    """One dataset with everything derived from it, as the pages need it."""

    dataset: Dataset
    figures: Figures
    charts: list[Chart]


def make_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Front matter values: HTML-escaped (MkDocs prints page titles raw) and JSON-quoted (valid YAML).
    env.filters["yaml_str"] = lambda text: markupsafe.Markup(json.dumps(str(markupsafe.escape(text)), ensure_ascii=False))
    return env


def render_pages(publications: list[Publication], strings: dict, site_src: Path, docs: dict[str, Path]) -> list[Page]:
    """Write every page of both languages under docs[lang]; returns the generated pages in nav order."""
    env = make_environment(site_src / "templates")
    pages = [Page("index.md", {lang: strings[lang]["home_title"] for lang in i18n.LANGUAGES})]
    pages += [Page(f"data/{p.dataset.name}.md", {lang: p.dataset.text("title", lang) for lang in i18n.LANGUAGES})
              for p in publications]
    for lang, docs_dir in docs.items():
        common = {"lang": lang, "t": strings[lang], "i18n": i18n, "publications": publications}
        _write(docs_dir / "index.md", env.get_template("index.md.j2").render(
            **common, root="", site_root="" if lang == "ko" else "../", key=key_figures(publications),
            updates=latest_updates(publications)))
        for publication in publications:
            _write(docs_dir / "data" / f"{publication.dataset.name}.md", env.get_template("dataset.md.j2").render(
                **common, root="../../", site_root="../../" if lang == "ko" else "../../../", p=publication))
        for page in sorted((site_src / "pages" / lang).glob("*.md")):
            shutil.copyfile(page, docs_dir / page.name)
    return pages


def key_figures(publications: list[Publication]) -> dict | None:
    """The latest crackdown with its headline numbers, for the home page cards."""
    crackdowns = [(row["end"], row["id"], p) for p in publications
                  for _, row in p.dataset.periods.iterrows() if row["kind"] == "crackdown"]
    if not crackdowns:
        return None
    _, period_id, publication = max(crackdowns, key=lambda item: (item[0], item[1]))
    values = published(publication.dataset).set_index(["period_id", "measure", "group"])["value"]

    def value(measure: str, group: str = "total"):
        key = (period_id, measure, group)
        return float(values[key]) if key in values.index else None

    period = publication.dataset.periods.set_index("id").loc[period_id]
    return {
        "publication": publication,
        "period_id": period_id,
        "period": period,
        "arrested": value("arrested"),
        "change": publication.figures.change("arrested", period_id),
        "teen_share": publication.figures.share("arrested", period_id, "age_10_19"),
        "takedowns": value("takedown_requests"),
    }


def latest_updates(publications: list[Publication], limit: int = 5) -> list[tuple[str, Publication]]:
    """(newest source date, publication), newest first: what changed most recently on the site."""
    dated = [(str(max(p.dataset.sources["published"])), p) for p in publications]
    return sorted(dated, key=lambda item: (item[0], item[1].dataset.name), reverse=True)[:limit]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
