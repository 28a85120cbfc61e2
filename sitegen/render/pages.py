"""Render the site's Markdown pages from Jinja templates, one tree per language.

Everything read from a data package reaches a page through Jinja's HTML
autoescape inside raw HTML blocks, where Markdown does not run, so package
text can neither inject markup nor Markdown links.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from ..derive import register
from ..derive.figures import SMALL_BASE, Figures, published
from ..read.catalog import Dataset, find_packages
from ..read.changes import changelog_entries
from ..read.checks import disclosure
from ..read.views import declared_names
from ..util import i18n
from . import campaigns, sentences, topics
from .charts import Chart, embeddable_json
from .glossary import link_terms
from .page_data import PackageView


@dataclass(frozen=True)
class Page:
    path: str  # relative to the language root, e.g. "data/special-crackdown-2024.md"
    title: dict[str, str]
    group: str = ""  # a sub-section of its navigation section a long section is split into (a campaign's year)


@dataclass(frozen=True)
class Publication:
    """One dataset with everything derived from it, as the pages need it."""

    dataset: Dataset
    figures: Figures
    charts: list[Chart]
    release: Any  # metadata.Release: the downloads, JSON-LD and citation (the dataset page lists them)
    # (period, measure, group) -> the figure in each published version (sitegen.read.history): its permalink's history
    history: dict = field(default_factory=dict)

    @cached_property
    def rows(self) -> list[dict]:
        """Its figures as rows of all the figures (register.rows), made once: the figure cards, the finder, the API
        and all-figures read them."""
        return register.rows(self.dataset)


def make_environment(templates_dir: Path, *more_dirs: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([templates_dir, *more_dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Front matter values: HTML-escaped (MkDocs prints page titles raw) and JSON-quoted (valid YAML).
    # Front matter value for JSON made by charts.embeddable_json (no <, > or &): quoted as YAML, not HTML-escaped.
    env.filters["yaml_json"] = lambda text: markupsafe.Markup(_yaml_quoted(str(text)))
    env.filters["yaml_str"] = lambda text: markupsafe.Markup(_yaml_quoted(str(markupsafe.escape(text))))
    # Data for <script type="application/json"> or "application/ld+json": no <, > or & that could end the element.
    env.filters["script_json"] = lambda data: markupsafe.Markup(embeddable_json(data))
    # Korean particles: {{ name|josa("이/가") }} -> "10대가", "학생이" (sitegen.util.korean).
    env.filters["josa"] = topics.josa
    # A number linked to its figure's permalink: {{ figure_link(root, package, (period, measure, group), text) }}.
    env.globals["figure_link"] = sentences.figure_link
    return env


def _yaml_quoted(text: str) -> str:
    """A JSON string is a YAML string, once the characters YAML may not contain are written as escapes."""
    return _NOT_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


_NOT_YAML = re.compile("[\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def render_pages(
    publications: list[Publication], strings: dict, site_src: Path, docs: dict[str, Path], disclosure_threshold: int = 5
) -> list[Page]:
    """Write every page of each language of docs under docs[lang]; returns the generated pages in nav order."""
    env = make_environment(site_src / "templates", site_src)  # site_src: the topic templates, topics/<lang>/*.md.j2
    shipped = site_src.parent / "datasets"
    # what topics may cite: the project's packages and the charts they declare (views)
    project = {folder.name: declared_names(folder) for folder in find_packages(shipped)} if shipped.is_dir() else {}
    env.globals.update(
        topics.References(publications, env, project).globals()
    )  # fig(), change(), share(), per_day(), chart()
    env.globals["campaign_intro"] = campaigns.intro  # a campaign page's opening sentences, from its data
    views = {id(p): PackageView(p) for p in publications}  # plain lookups for the templates, once per package

    def common(lang: str) -> dict:
        return {
            "lang": lang,
            "t": strings[lang],
            "i18n": i18n,
            "sentences": sentences,
            "publications": publications,
            "changelog": changelog_entries,
            "view": lambda publication: views[id(publication)],
            # the methodology states the rule the disclosure check applies, in the check's own words
            "exemption_rule": disclosure.exemption_rule(lang, disclosure_threshold),
            "small_base": SMALL_BASE,
        }  # a change from a base below it is marked

    topic_pages = topics.render_topics(
        env,
        site_src,
        {lang: dict(common(lang), root="../../", site_root="../../" if lang == "ko" else "../../../") for lang in docs},
        {lang: dict(common(lang), root="", site_root="" if lang == "ko" else "../") for lang in docs},
    )
    # The home page's entry in the navigation is "Home": the navigation's own title already names the site.
    pages = [Page("index.md", {lang: strings[lang]["nav_home"] for lang in i18n.LANGUAGES})]
    pages += [Page(f"topics/{topic.slug}.md", topic.title) for topic in topic_pages]
    # Navigation titles are printed raw by the theme: escape package text here as for front matter.
    pages += [
        Page(
            f"data/{p.dataset.name}.md",
            {lang: str(markupsafe.escape(p.dataset.text("title", lang))) for lang in i18n.LANGUAGES},
        )
        for p in publications
    ]
    crackdowns = campaigns_overview(publications)
    if crackdowns:  # the overview the navigation's "Crackdown periods" opens
        pages.append(Page("campaigns/index.md", {lang: strings[lang]["campaigns_title"] for lang in i18n.LANGUAGES}))
    pages += [
        Page(
            f"campaigns/{period.id}.md",
            {lang: str(markupsafe.escape(getattr(period, f"name_{lang}"))) for lang in i18n.LANGUAGES},
            group=period.end[:4],
        )
        for _, period in campaign_periods(publications)
    ]
    for lang, docs_dir in docs.items():
        context = common(lang)
        _write(
            docs_dir / "index.md",
            link_terms(
                env.get_template("index.md.j2").render(
                    **context,
                    root="",
                    site_root="" if lang == "ko" else "../",
                    key=key_figures(publications),
                    updates=latest_updates(publications),
                    topics=topic_pages,
                ),
                lang,
                "",
            ),
        )
        for topic in topic_pages:
            _write(docs_dir / "topics" / f"{topic.slug}.md", link_terms(topic.text[lang], lang, "../../"))
        for publication in publications:
            _write(
                docs_dir / "data" / f"{publication.dataset.name}.md",
                env.get_template("dataset.md.j2").render(
                    **context, root="../../", site_root="../../" if lang == "ko" else "../../../", p=publication
                ),
            )
        for template in sorted((site_src / "templates" / "pages").glob("*.md.j2")):  # site-wide generated pages
            _write(
                docs_dir / template.name.removesuffix(".j2"),
                env.get_template(f"pages/{template.name}").render(
                    **context, root="../", site_root="../" if lang == "ko" else "../../"
                ),
            )
        if crackdowns:
            _write(
                docs_dir / "campaigns" / "index.md",
                env.get_template("campaigns.md.j2").render(
                    **context, root="../", site_root="../" if lang == "ko" else "../../", crackdowns=crackdowns
                ),
            )
        for publication, period in campaign_periods(publications):
            campaign = campaigns.page(publication, period)  # its own periods' charts and sources, no other's
            _write(
                docs_dir / "campaigns" / f"{period.id}.md",
                link_terms(
                    env.get_template("campaign.md.j2").render(
                        **context,
                        root="../../",
                        site_root="../../" if lang == "ko" else "../../../",
                        p=publication,
                        period=period,
                        campaign=campaign,
                        period_ids=list(campaign.period_ids),
                    ),
                    lang,
                    "../../",
                ),
            )
        for page in sorted((site_src / "pages" / lang).glob("*.md")):  # hand-written, citing figures with fig()
            _write(
                docs_dir / page.name,
                env.get_template(f"pages/{lang}/{page.name}").render(
                    **context, root="../", site_root="../" if lang == "ko" else "../../"
                ),
            )
    return pages


def campaign_periods(publications: list[Publication]) -> list[tuple[Publication, object]]:
    """Every crackdown period with its publication, oldest first: each gets a page of its own."""
    found = [
        (period.start, period.id, p, period)
        for p in publications
        for period in p.dataset.periods.itertuples()
        if period.kind == "crackdown"
    ]
    return [(p, period) for _, _, p, period in sorted(found, key=lambda item: (item[0], item[1]))]


def campaigns_overview(publications: list[Publication]) -> list[dict]:
    """The crackdowns overview, newest first: each crackdown with its publication and the one figure it is shown with,
    its published total of persons apprehended, else the first measure (in the package's order) with a published
    total (None when it has none)."""
    overview = []
    for publication, period in reversed(campaign_periods(publications)):
        rows = published(publication.dataset)
        totals = set(rows.loc[(rows["period_id"] == period.id) & (rows["group"] == "total"), "measure"])
        measures = [m for m in publication.dataset.measures["id"] if m in totals]
        measure = "arrested" if "arrested" in totals else (measures[0] if measures else None)
        flags = rows.loc[
            (rows["period_id"] == period.id) & (rows["group"] == "total") & (rows["measure"] == measure), "flag"
        ]
        overview.append(
            {
                "publication": publication,
                "period": period,
                "measure": measure,
                "measure_names": publication.dataset.measures.set_index("id").loc[measure].to_dict() if measure else {},
                "flag": str(flags.iloc[0]) if len(flags) else "",
            }
        )
    return overview


def key_figures(publications: list[Publication]) -> dict | None:
    """The home page cards: the latest deepfake-specific crackdown (by end date) with a published, unflagged count of
    persons apprehended (the rule the methodology states and the card names). A crackdown is deepfake-specific when
    its package counts deepfake crimes as its total: a package that splits deepfakes out as a sub-group of its total
    (group `deepfake`, as the cyber sexual violence crackdown does) counts more than deepfake crimes."""
    crackdowns = [
        (row["end"], row["id"], p)
        for p in publications
        if _deepfake_specific(p)
        for _, row in p.dataset.periods.iterrows()
        if row["kind"] == "crackdown" and _headline_ok(p, row["id"])
    ]
    if not crackdowns:
        return None
    _, period_id, publication = max(crackdowns, key=lambda item: (item[0], item[1]))
    values = published(publication.dataset).set_index(["period_id", "measure", "group"])["value"]

    def value(measure: str, group: str = "total"):
        key = (period_id, measure, group)
        return float(values[key]) if key in values.index else None

    periods = publication.dataset.periods.set_index("id")
    change = publication.figures.change("arrested", period_id)
    measures = publication.dataset.measures.set_index("id")
    return {
        "publication": publication,
        "period_id": period_id,
        "period": periods.loc[period_id].to_dict(),
        "base_period": periods.loc[change.base_period_id].to_dict() if change else None,
        "unit": str(measures.loc["arrested", "unit"]),
        "arrested": value("arrested"),
        "change": change,
        "teen_share": publication.figures.share("arrested", period_id, "age_10_19"),
        "takedowns": value("takedown_requests"),
        # each card links to the permalink of the figure its number is or is computed from
        "links": {
            measure: register.permalink(publication.dataset.name, period_id, measure.split(":")[0], group)
            for measure, group in (
                ("arrested", "total"),
                ("arrested:teens", "age_10_19"),
                ("takedown_requests", "total"),
            )
        },
    }


def _deepfake_specific(publication: Publication) -> bool:
    groups = publication.dataset.groups
    return not ((groups["id"] == "deepfake") & (groups["parent"] == "total")).any()


def _headline_ok(publication: Publication, period_id: str) -> bool:
    """A crackdown leads the home page only with an unflagged published count of persons apprehended."""
    rows = published(publication.dataset)
    rows = rows[(rows["period_id"] == period_id) & (rows["measure"] == "arrested") & (rows["group"] == "total")]
    return len(rows) == 1 and rows["flag"].iloc[0] == ""


def latest_updates(publications: list[Publication], limit: int = 3) -> list[tuple]:
    """(changelog entry, publication), newest first: the latest releases, revisions and corrections."""
    dated = [(entry, p) for p in publications for entry in changelog_entries(p.dataset)]
    return sorted(dated, key=lambda item: (item[0].date, item[1].dataset.name), reverse=True)[:limit]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
