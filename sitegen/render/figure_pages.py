"""Every figure's page and the figure finder, per language.

`figures/<package>/` holds one card per figure of the package, at the anchor `#<period>/<measure>/<group>`
(sitegen.derive.register): its value with unit and qualifier, its period and dates, who released it and who reported
it, the source's sentence and address, flags, other reports, what is computed from it, its value in each published
version with the changelog's reason where it changed, and where it is cited. "Cited on" is read from the pages this
build has just written: every number on them links to the permalink of its figure (sitegen.render.topics for prose,
the chart and figure tables, the home cards and crackdown intros), so the links are the data binding itself.

`figures/` is the finder: one table of every figure (the rows of data/all-figures.csv), readable without JavaScript;
assets/js/finder.js adds the filters, the search, a shareable address and the CSV download.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import markupsafe
import yaml

from ..derive import register
from ..util import i18n, korean
from . import sentences
from .page_data import PackageView
from .pages import Page, Publication, make_environment

FOLDER = "figures"
# a link to a figure's permalink, from any page of the language: (../)*figures/<package>/#<period>/<measure>/<group>
_LINK = re.compile(r'href="(?:\.\./)*' + FOLDER + r'/([^/"#]+)/#([^"/]+/[^"/]+/[^"/]+)"')
# where cited-on lists a page: the home page, the topics, the datasets, the crackdowns, the charts, the rest
_SECTIONS = ("index.md", "topics/", "data/", "campaigns/", "charts/")


@dataclass(frozen=True)
class Citation:
    url: str  # from the language's root: "topics/arrests/"
    title: markupsafe.Markup

    @property
    def section(self) -> str:
        """topics, data, campaigns, charts: what the page is, said before its title ("" for any other page)."""
        first, _, rest = self.url.partition("/")
        return first if rest and first in ("topics", "data", "campaigns", "charts") else ""


def cited_on(docs_dir: Path) -> dict[str, list[Citation]]:
    """Figure id -> the pages of docs_dir that link to its permalink (the figure pages themselves aside)."""
    found: dict[str, list[Citation]] = defaultdict(list)
    paths = sorted(
        (p for p in docs_dir.rglob("*.md") if p.relative_to(docs_dir).parts[0] != FOLDER),
        key=lambda p: _rank(p.relative_to(docs_dir).as_posix()),
    )
    for path in paths:
        text = path.read_text(encoding="utf-8")
        ids = dict.fromkeys(f"{package}/{key}" for package, key in _LINK.findall(text))
        if not ids:
            continue
        relative = path.relative_to(docs_dir).as_posix()
        citation = Citation(_url(relative), _title(text, relative))
        for figure in ids:
            found[figure].append(citation)
    return dict(found)


def render(publications: list[Publication], strings: dict, config, docs: dict[str, Path]) -> list[Page]:
    """figures/<package>.md for each package and figures/index.md, per language; call it after every other page is
    written (it lists where they cite each figure). Returns the finder's entry for the navigation."""
    env = make_environment(config.site_src / "templates")
    ordered = sorted(publications, key=lambda p: p.dataset.name)
    version = register.version(publications)
    for lang, docs_dir in docs.items():
        t = strings[lang]
        citations = cited_on(docs_dir)
        common = {"lang": lang, "t": t, "i18n": i18n, "root": "../../", "site_root": _site_root(lang, 2)}
        for publication in ordered:
            _write(
                docs_dir / FOLDER / f"{publication.dataset.name}.md",
                env.get_template("figures.md.j2").render(
                    **common, p=publication, periods=cards(publication, lang, t, citations)
                ),
            )
        rows = [
            (row, _topics(citations.get(row["id"], [])), value_text(row, decimals, lang, t))
            for p in ordered
            for row, decimals in zip(p.rows, _decimals(p))
        ]
        _write(
            docs_dir / FOLDER / "index.md",
            env.get_template("finder.md.j2").render(
                **dict(common, root="../", site_root=_site_root(lang, 1)),
                rows=rows,
                version=version,
                columns=register.COLUMNS,
                choices=_choices(rows, lang, t, citations),
            ),
        )
    return [Page(f"{FOLDER}/index.md", {lang: strings[lang]["figures_title"] for lang in i18n.LANGUAGES})]


def cards(publication: Publication, lang: str, t: dict, citations: dict) -> list[tuple[dict, list[dict]]]:
    """(period, its figures' cards) in the order of the dataset page: by end date."""
    figures, view = publication.figures, PackageView(publication)
    sources, names = view.sources, view.group_names(lang)
    by_period = defaultdict(list)
    for row, decimals in zip(publication.rows, _decimals(publication)):
        key = (row["period_id"], row["measure"], row["group"])
        unit = row["unit"]
        derived = []
        change = figures.change(key[1], key[0], key[2])
        if change is not None and row["value"] is not None:
            derived.append(
                f"{sentences.change_label(change, t)}: {i18n.percent(change.pct, signed=True)} "
                f"({sentences.count(change.base_value, unit, lang)} → {sentences.count(change.value, unit, lang)})"
            )
        share = figures.share(key[1], key[0], key[2])
        if share is not None:
            derived.append(sentences.share_label(share, names, lang, t))
        rate = figures.rate(key[1], key[0]) if key[2] == "total" else None
        if rate is not None:
            derived.append(sentences.rate_text(rate.value, rate.days, unit, lang, t))
        by_period[key[0]].append(
            {
                "row": row,
                "anchor": register.anchor(*key),
                "value": value_text(row, decimals, lang, t),
                "source": sources.get(row["source_id"], {}),
                "definition": view.measures[key[1]][f"definition_{lang}"],
                "reports": [
                    (
                        r,
                        value_text({"value": r.value, "qualifier": r.qualifier, "unit": unit}, 0, lang, t),
                        sources.get(r.source_id, {}),
                    )
                    for r in view.reports(*key)
                ],
                "derived": derived,
                "history": [
                    (step, value_text({"value": step.value, "qualifier": step.qualifier, "unit": unit}, 0, lang, t))
                    for step in publication.history.get(key, [])
                ],
                "cited": citations.get(row["id"], []),
            }
        )
    ordered = sorted(view.periods_by_id.values(), key=lambda p: (p["end"], p["start"], p["id"]), reverse=True)
    return [(period, by_period[period["id"]]) for period in ordered if period["id"] in by_period]


def value_text(row: dict, decimals: int, lang: str, t: dict) -> str:
    """The figure as a reader reads it: "963명", "10,000건 이상", "about 1,100", "8.80%"; "비공개" when suppressed."""
    value, unit = row["value"], row["unit"]
    if value is None:
        return t["suppressed"]
    number = sentences.as_published(value, decimals, lang)
    if unit == "percent":
        number += "%"
    elif lang == "ko" and unit in korean.COUNTERS:
        number += korean.counter(unit)
    if unit == "per_day":
        number = t["per_day_value"].format(value=number)
    qualifier = row["qualifier"]
    if qualifier == "at_least":
        return f"{number} {t['at_least']}"
    if qualifier == "fewer_than":
        return t["fewer_than"].format(value=number)
    if qualifier == "approximately":
        return f"{t['approximately']} {number}"
    return number


def _decimals(publication: Publication) -> list[int]:
    """The decimals each published figure was released with, in the order of its rows."""
    obs = publication.dataset.observations
    return [publication.dataset.value_decimals.get(i, 0) for i in obs.index[obs["role"] == "published"]]


def _topics(citations: list[Citation]) -> list[str]:
    """The topic pages citing a figure, by slug: the finder's topic filter."""
    return [c.url.split("/")[1] for c in citations if c.url.startswith("topics/")]


def _choices(rows: list, lang: str, t: dict, citations: dict) -> dict[str, list[tuple[str, str]]]:
    """The values each filter offers, (value, label) in order; a topic by its page's title."""
    titles = {
        c.url.split("/")[1]: c.title for cited in citations.values() for c in cited if c.url.startswith("topics/")
    }
    choices = {"topic": {}, "measure": {}, "group": {}, "kind": {}, "year": {}}
    for row, topics, _ in rows:
        for topic in topics:
            choices["topic"].setdefault(topic, titles[topic])
        choices["measure"].setdefault(row["measure"], row[f"measure_name_{lang}"])
        choices["group"].setdefault(row["group"], row[f"group_name_{lang}"])
        choices["kind"].setdefault(row["period_kind"], t.get(f"kind_{row['period_kind']}", row["period_kind"]))
        choices["year"].setdefault(str(row["year"]), str(row["year"]))
    return {
        name: sorted(values.items(), key=lambda item: (item[0] if name == "year" else item[1], item[0]))
        for name, values in choices.items()
    }


def _rank(path: str) -> tuple[int, str]:
    return next((i for i, start in enumerate(_SECTIONS) if path.startswith(start)), len(_SECTIONS)), path


def _url(path: str) -> str:
    """A page's address from the language's root: "topics/arrests.md" -> "topics/arrests/", "index.md" -> ""."""
    stem = path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def _title(text: str, path: str) -> markupsafe.Markup:
    """A page's title as the site shows it: its front matter's title (already escaped), else its first heading."""
    if text.startswith("---\n"):
        front = text[4 : text.find("\n---", 4)]
        try:
            title = (yaml.safe_load(front) or {}).get("title")
        except yaml.YAMLError:
            title = None
        if title:
            return markupsafe.Markup(str(title))
    heading = re.search(r"^# (.+)$|<h1[^>]*>(.*?)</h1>", text, re.MULTILINE)
    if heading:
        found = heading.group(1) or re.sub(r"<[^>]+>", "", heading.group(2))
        return markupsafe.Markup(html.escape(html.unescape(found), quote=False))
    return markupsafe.Markup(html.escape(path))


def _site_root(lang: str, depth: int) -> str:
    return "../" * (depth + (lang != "ko"))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
