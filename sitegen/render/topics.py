"""Topic pages and the functions their prose uses to cite figures from the data, never typing them.

A topic page answers one reader's question from every package that holds
figures on it. Its template, site_src/topics/<lang>/<slug>.md.j2, writes no
number by hand: it refers to one, and the build looks it up, formats it for
the language (with its counter, 명 or 건, in Korean) and links it to its
source:

    {{ fig("cases-by-year", "year-2024", "arrested") }}                  682명, linked to MBC
    {{ change("special-crackdown-2024", "crackdown-2024-08-28", "window-2024-01-01", "arrested") }}   +260.7%
    {{ change(..., signed=False) }}                                      260.7%, for "rose by"
    {{ share("special-crackdown-2024", "crackdown-2024-08-28", "arrested", "age_10_19") }}            69.5%
    {{ per_day("special-crackdown-2024", "crackdown-2024-08-28", "arrested") }}                       4.5명
    {{ chart("cases-by-year--arrested--by-period") }}                    the chart, as on the dataset page

A package, period, measure, group or chart that does not exist stops the build
with a SiteError naming the template and its line. The order of the topics is
the order of the `topics` section of site_src/nav.yml.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import jinja2
import markupsafe
import yaml

from .. import SiteError
from ..derive.figures import published
from ..util import i18n, korean
from . import sentences

SECTION = "topics"


@dataclass(frozen=True)
class Topic:
    slug: str
    title: dict[str, str]  # the navigation title, from the template's `title`
    question: dict[str, str]  # for the home page: the template's `question` and `answer` (rendered, with links)
    answer: dict[str, markupsafe.Markup]
    text: dict[str, str]  # the page's Markdown


def topic_slugs(site_src: Path) -> list[str]:
    """The topics in the order of the `topics` section of site_src/nav.yml (entries "topics/<slug>.md")."""
    nav = yaml.safe_load((site_src / "nav.yml").read_text(encoding="utf-8")) or []
    for entry in nav:
        if isinstance(entry, dict) and entry.get("section") == SECTION:
            return [Path(path).stem for path in entry["pages"]]
    return []


def render_topics(
    env: jinja2.Environment, site_src: Path, contexts: dict[str, dict], home: dict[str, dict]
) -> list[Topic]:
    """Every topic in both languages; contexts[lang] holds the variables a page at topics/<slug>/ gets, home[lang]
    those of the home page, where the question and answer are shown with links that work from there."""
    topics = []
    for slug in topic_slugs(site_src):
        parts: dict[str, dict] = {"title": {}, "question": {}, "answer": {}, "text": {}}
        for lang, context in contexts.items():
            name = f"{SECTION}/{lang}/{slug}.md.j2"
            try:
                template = env.get_template(name)
            except jinja2.TemplateNotFound:
                raise SiteError(
                    f"site_src/{name}: the topic {slug!r} listed in site_src/nav.yml has no template "
                    f"in this language - create it or remove the entry"
                ) from None
            try:
                module, on_home = template.make_module(context), template.make_module(home[lang])
            except AbsentPackage:
                break  # a build of only some packages: the topic is left out
            for key in ("title", "question", "answer"):
                if not hasattr(module, key):
                    raise SiteError(
                        f"site_src/{name}: set `{key}` at the top of the template ({{% set {key} = ... %}})"
                    )
                parts[key][lang] = getattr(on_home, key)
            parts["text"][lang] = str(module)
        if len(parts["text"]) < len(contexts):
            continue
        topics.append(
            Topic(
                slug,
                {k: str(markupsafe.escape(v)) for k, v in parts["title"].items()},
                {k: str(v) for k, v in parts["question"].items()},
                {k: markupsafe.Markup(str(v).strip()) for k, v in parts["answer"].items()},
                parts["text"],
            )
        )
    return topics


def josa(word, pair: str):
    """The josa filter: also after a figure the functions return (a link): the particle goes after the link."""
    if isinstance(word, markupsafe.Markup):
        text = word.striptags()
        return word if text == "–" else word + korean.particle(text, pair)  # "–": a figure of an absent package
    return korean.attach(word, pair)


class AbsentPackage(SiteError):
    """A package of the project (under datasets/) that this build does not include, e.g. a build of a test fixture."""


def _absent_shown_as_dash(function):
    """A figure or chart of an absent package: a topic page that needs it is left out (render_topics); another
    page shows a dash in its place, so a build of only some packages still works."""

    def wrapper(self, context, *args, **kwargs):
        try:
            return function(self, context, *args, **kwargs)
        except AbsentPackage:
            if str(context.name).startswith(f"{SECTION}/"):
                raise
            return markupsafe.Markup('<span class="fig fig--absent">–</span>')

    wrapper.__doc__ = function.__doc__
    return jinja2.pass_context(wrapper)


class References:
    """The data-reference functions of the templates (Jinja globals), looking figures up in the publications.

    `project` names the packages of the project (the folders under datasets/) with the names of the charts they
    declare: a name outside it is a mistake and stops the build; a package of the project that this build leaves out
    is absent (AbsentPackage), and so are its charts."""

    def __init__(self, publications, env: jinja2.Environment, project: dict[str, list[str]] | None = None):
        self.env = env
        self.project = dict(project or {})
        self.packages = {p.dataset.name: p for p in publications}
        self.charts = {chart.id: chart for p in publications for chart in p.charts}
        self.chart_packages = {chart.id: p.dataset.name for p in publications for chart in p.charts}
        self.ends = {
            name: dict(zip(p.dataset.periods["id"], p.dataset.periods["end"])) for name, p in self.packages.items()
        }
        self.cited: set[tuple[str, str]] = set()  # (package, period) of every figure cited since the last as_of()
        self.values = {}
        for name, p in self.packages.items():
            rows = p.dataset.observations
            rows = rows[(rows["role"] == "published") & rows["value"].notna()]
            for row in rows.to_dict("records"):
                self.values[(name, row["period_id"], row["measure"], row["group"])] = row
        self.exact = {
            (p.dataset.name, r["period_id"], r["measure"], r["group"])
            for p in publications
            for r in published(p.dataset).to_dict("records")
        }

    def globals(self) -> dict:
        return {
            "fig": self.fig,
            "change": self.change,
            "share": self.share,
            "per_day": self.per_day,
            "ratio": self.ratio,
            "chart": self.chart,
            "cited_as_of": self.cited_as_of,
        }

    def cited_as_of(self) -> str:
        """The end date of the latest period whose figures the page cited so far (its prose and its charts), then
        start counting again: a topic page's "as of" line, called at its end (partials/topic_data.html.j2)."""
        ends = [self.ends[package][period] for package, period in self.cited]
        self.cited.clear()
        return max(ends, default="")

    # -- the functions -------------------------------------------------------------------------------------------

    @_absent_shown_as_dash
    def fig(
        self, context, package: str, period: str, measure: str, group: str = "total", source: str | None = None
    ) -> markupsafe.Markup:
        """A published figure with its counter (명/건 in Korean), linked to its source; with source=<source id>, the
        figure as that source reported it (another report of the same figure, e.g. a conflicting one)."""
        row = self._row(context, package, period, measure, group, source)
        lang, unit = context["lang"], self._unit(package, measure)
        text = self._with_unit(i18n.number(row["value"], lang), unit, lang)
        if row["qualifier"] == "at_least":
            text = f"{text} {context['t']['at_least']}"
        elif row["qualifier"] == "fewer_than":
            text = context["t"]["fewer_than"].format(value=text)
        return self._link(context, text, package, (period, measure, group))

    @_absent_shown_as_dash
    def change(
        self,
        context,
        package: str,
        period: str,
        base_period: str,
        measure: str,
        group: str = "total",
        signed: bool = True,
    ) -> markupsafe.Markup:
        """The change from base_period to period in percent ("+260.7%"; signed=False: "260.7%" for prose that says
        "rose by"), as sitegen.derive.figures computed it: only for a period declared comparable to base_period."""
        self._exact(context, package, period, measure, group)
        self._exact(context, package, base_period, measure, group)
        change = self._package(context, package).figures.change(measure, period, group)
        if change is None or change.base_period_id != base_period:
            self._fail(
                context,
                f"change(): {package} has no change of {measure} / {group} from {base_period} to "
                f"{period} - periods.csv must declare {period} comparable_to {base_period}, and the "
                "base must not be 0",
            )
        pct = change.pct if signed else abs(change.pct)
        return self._link(
            context, i18n.percent(pct, signed=signed, lang=context["lang"]), package, (period, measure, group)
        )

    @_absent_shown_as_dash
    def ratio(
        self,
        context,
        package: str,
        period: str,
        base_period: str,
        measure: str,
        group: str = "total",
        per_day: bool = False,
    ) -> markupsafe.Markup:
        """How many times the base period's figure (3.2배 / 3.2 times), or, with per_day, the base period's daily
        average; from the change sitegen.derive.figures computed. One decimal below ten ("4.0" as "4")."""
        self._exact(context, package, period, measure, group)
        self._exact(context, package, base_period, measure, group)
        change = self._package(context, package).figures.change(measure, period, group)
        if (
            change is None
            or change.base_period_id != base_period
            or (per_day and not (change.days and change.base_days))
        ):
            self._fail(
                context,
                f"ratio(): {package} has no change of {measure} / {group} from {base_period} to "
                f"{period}{' per day' if per_day else ''} - periods.csv must declare {period} "
                f"comparable_to {base_period}, with start dates for a daily ratio",
            )
        times = sentences.per_day_times(change) if per_day else change.value / change.base_value
        return self._link(context, sentences.times_text(times, context["lang"]), package, (period, measure, group))

    @_absent_shown_as_dash
    def share(
        self, context, package: str, period: str, measure: str, group: str, of_group: str | None = None
    ) -> markupsafe.Markup:
        """group as a percentage of its parent group (or of an ancestor, of_group) in the same period, as
        sitegen.derive.figures computed it."""
        self._exact(context, package, period, measure, group)
        share = self._package(context, package).figures.share(measure, period, group, of_group)
        if share is None:
            self._fail(
                context,
                f"share(): {package} has no share for {period} / {measure} / {group} of "
                f"{of_group or 'its parent'} - it needs a published exact figure of that group and of "
                "its parent, none flagged inconsistent_in_release",
            )
        return self._link(context, i18n.percent(share.pct, lang=context["lang"]), package, (period, measure, group))

    @_absent_shown_as_dash
    def per_day(self, context, package: str, period: str, measure: str) -> markupsafe.Markup:
        """The figure divided by the days of its period (both ends counted), to one decimal, with its counter."""
        self._exact(context, package, period, measure, "total")
        rate = self._package(context, package).figures.rate(measure, period)
        if rate is None:
            self._fail(
                context,
                f"per_day(): {package} has no daily rate for {period} / {measure} - the period needs a start date",
            )
        text = self._with_unit(
            i18n.number(round(rate.per_day, 1), context["lang"]), self._unit(package, measure), context["lang"]
        )
        return self._link(context, text, package, (period, measure, "total"))

    @_absent_shown_as_dash
    def chart(self, context, chart_id: str) -> markupsafe.Markup:
        """The chart with that id, from any package, drawn as on the dataset pages."""
        if chart_id not in self.charts:
            package = next(
                (name for name, declared in self.project.items() if chart_id in declared), chart_id.split("--")[0]
            )  # a view's name, or a generated chart's id: package--...
            if package in self.project and package not in self.packages:
                raise AbsentPackage(f"{_where(context)}: the package {package!r} is not part of this build")
            self._fail(
                context,
                f"chart(): no chart has the id {chart_id!r} (the ids are listed by `ls <site>/downloads/charts/`)",
            )
        self.cited.update((self.chart_packages[chart_id], period) for period in self.charts[chart_id].periods)
        template = self.env.get_template("partials/chart.html.j2")
        return markupsafe.Markup(template.render(dict(context.get_all(), chart=self.charts[chart_id])))

    # -- lookups -------------------------------------------------------------------------------------------------

    def _package(self, context, package: str):
        if package in self.project and package not in self.packages:
            raise AbsentPackage(f"{_where(context)}: the package {package!r} is not part of this build")
        if package not in self.packages:
            self._fail(context, f"no data package named {package!r}; known: {', '.join(sorted(self.packages))}")
        return self.packages[package]

    def _row(self, context, package: str, period: str, measure: str, group: str, source: str | None = None) -> dict:
        p = self._package(context, package)
        for kind, value, known in (
            ("period", period, p.dataset.periods["id"]),
            ("measure", measure, p.dataset.measures["id"]),
            ("group", group, p.dataset.groups["id"]),
        ):
            if value not in set(known):
                self._fail(context, f"{package} has no {kind} {value!r}; known: {', '.join(sorted(known))}")
        self.cited.add((package, period))
        key = (package, period, measure, group)
        if source is not None:
            obs = p.dataset.observations
            rows = obs[
                (obs["period_id"] == period)
                & (obs["measure"] == measure)
                & (obs["group"] == group)
                & (obs["source_id"] == source)
                & obs["value"].notna()
            ].to_dict("records")
            if not rows:
                self._fail(
                    context, f"{package} has no figure for {period} / {measure} / {group} from source {source!r}"
                )
            return rows[0]
        if key not in self.values:
            self._fail(context, f"{package} publishes no figure for {period} / {measure} / {group}")
        return self.values[key]

    def _exact(self, context, package: str, period: str, measure: str, group: str) -> float:
        row = self._row(context, package, period, measure, group)
        if (package, period, measure, group) not in self.exact:
            self._fail(
                context,
                f"{package} / {period} / {measure} / {group} is not an exact figure: it cannot be computed with",
            )
        return float(row["value"])

    def _unit(self, package: str, measure: str) -> str:
        measures = self.packages[package].dataset.measures
        return str(measures.loc[measures["id"] == measure, "unit"].iloc[0])

    @staticmethod
    def _with_unit(number: str, unit: str, lang: str) -> str:
        if unit == "percent":
            return f"{number}%"
        return f"{number}{korean.counter(unit)}" if lang == "ko" else number

    @staticmethod
    def _link(context, text: str, package: str, key: tuple[str, str, str]) -> markupsafe.Markup:
        """The number linked to the permalink of the figure it is or is computed from (its page holds the source,
        the history and where else it is cited; the release is one click further)."""
        return sentences.figure_link(context["root"], package, key, text)

    @staticmethod
    def _fail(context, message: str):
        raise SiteError(f"{_where(context)}: {message}")


def _where(context) -> str:
    """site_src/<template>:<line> of the template call being rendered (found on the Python stack)."""
    frame = sys._getframe()
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return f"{_shown(template.filename or template.name)}:{template.get_corresponding_lineno(frame.f_lineno)}"
        frame = frame.f_back
    return _shown(context.name)


def _shown(filename: str) -> str:
    """A template's path from site_src/ on, as a maintainer finds it: site_src/topics/ko/arrests.md.j2."""
    parts = Path(filename).parts
    return "/".join(parts[parts.index("site_src") :]) if "site_src" in parts else filename
