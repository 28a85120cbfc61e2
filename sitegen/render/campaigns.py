"""The opening sentences of a campaign page, written from the data of its crackdown period.

A reader who lands on /campaigns/<id>/ from a search learns first what the
crackdown was and what it found: when it ran, how many people were caught and
detained, which age group most of them were in, and how the daily number of
people caught compares with the period it is compared with. Every number is
looked up or computed here (derive.figures), never typed, and every claim
(rose, fell) follows from the numbers; a sentence whose figures the period
does not have is left out, so each period says only what its data holds:

    KO: 2024년 8월 28일부터 2025년 3월 31일까지 벌인 딥페이크 성범죄 집중단속에서 963명이 검거됐고, 그중 59명이
        구속됐습니다. 검거된 사람의 69.5%가 10대였습니다. 검거 인원은 단속 전 하루 1.1명에서 단속 중 하루
        4.5명으로 늘었습니다.
    EN: The deepfake sex crime crackdown ran from 28 Aug 2024 to 31 Mar 2025: 963 people were caught and 59 of
        them detained. Of the people caught, 69.5% were teens (10–19). The number caught rose from 1.1 a day
        before the crackdown to 4.5 a day during it.

Only published, exact figures are used, and none flagged as of lower confidence or defined differently (the table
below shows those with their reasons). A period whose dates are whole months (1 March to 31 October) is written
in months, as its release gave it.

What else the page shows is its own too (`page`): the charts whose figures are all of the crackdown or of its
comparison window, and only the sources that those periods, their figures (published or other reports) and their
quoted figures cite. A package that holds several crackdowns (2024, then 2025) does not lend the 2025 page a chart
or a source of 2024.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re

import markupsafe

from ..derive.figures import period_days
from ..util import i18n, korean
from . import sentences

ARRESTED, DETAINED = "arrested", "detained"
LEFT_OUT_FLAGS = ("lower_confidence", "different_definition")  # figures the intro does not state
_BRACKETED = re.compile(r"\s*\([^()]*\)\s*$")  # "딥페이크 성범죄 집중단속 (2024.8.28.~2025.3.31.)": the dates


@dataclasses.dataclass(frozen=True)
class CampaignPage:
    """What the page of one crackdown shows besides its opening sentences."""

    period_ids: tuple[str, ...]  # the crackdown, then the window it is compared with (when it has one)
    charts: tuple  # the package's charts that draw figures of those periods only
    dataset: object  # the package with only the sources the page cites (partials/sources.html.j2 lists them all)


def page(publication, period) -> CampaignPage:
    """The periods, charts and sources of the page of the crackdown `period` of `publication` (pages.Publication)."""
    own = (period.id, period.comparable_to) if period.comparable_to else (period.id,)
    charts = tuple(chart for chart in publication.charts if chart.periods and set(chart.periods) <= set(own))
    cited = set(_cited_sources(publication, own)) | {source for chart in charts for source in chart.sources}
    dataset = publication.dataset
    sources = dataset.sources[dataset.sources["id"].isin(cited)]
    return CampaignPage(own, charts, dataclasses.replace(dataset, tables={**dataset.tables, "sources": sources}))


def _cited_sources(publication, own: tuple[str, ...]):
    """The ids of the sources the periods `own` cite: their own, their published figures', the other reports of
    those figures and the releases that quote a figure of them."""
    dataset, figures = publication.dataset, publication.figures
    periods, obs = dataset.periods, dataset.observations
    yield from periods.loc[periods["id"].isin(own), "source_id"]
    yield from obs.loc[obs["period_id"].isin(own) & (obs["role"] == "published"), "source_id"]
    yield from (report.source_id for report in figures.reports if report.period_id in own)
    yield from (quoted.source_id for quoted in figures.quoted if quoted.period_id in own)


def intro(publication, period, lang: str, t: dict, root: str) -> markupsafe.Markup:
    """Two or three sentences on the crackdown `period` of `publication` (pages.Publication), as HTML; each number
    links to the permalink of its figure (root: the way up to the language's root)."""
    dataset, figures = publication.dataset, publication.figures
    totals = _totals(dataset, period.id)
    link = functools.partial(_link, root, dataset.name)
    parts = [_what(period, totals, lang, t, link)]
    parts.append(_share(dataset, figures, period.id, lang, t, link))
    parts.append(_rate(dataset, figures, period, totals, lang, t, link))
    return markupsafe.Markup(" ").join(part for part in parts if part)


def name(period, lang: str) -> str:
    """The crackdown's name in a sentence: without the dates in brackets, and without a leading year the dates
    already give ("2022년 집중단속" -> "집중단속"); in English with a small first letter ("the cyber ... crackdown")."""
    text = _BRACKETED.sub("", str(getattr(period, f"name_{lang}"))).strip()
    year = str(period.start or period.end)[:4]
    if text.startswith(year + " ") or text.startswith(year + "년 "):
        text = text.split(" ", 1)[1]
    return sentences._lower_first(text) if lang == "en" else text


def dates(start: str, end: str, lang: str, t: dict) -> str:
    """ "2024년 8월 28일부터 2025년 3월 31일까지" / "from 28 Aug 2024 to 31 Mar 2025"; the year once when both ends
    share it; whole months as months ("2022년 3월부터 10월까지" / "from Mar to Oct 2022")."""
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    months = first.day == 1 and (last + dt.timedelta(days=1)).day == 1
    same_year = first.year == last.year
    if months:
        begin = i18n.month(first, lang, with_year=not (same_year and lang == "en"))
        finish = i18n.month(last, lang, with_year=not (same_year and lang == "ko"))
    else:
        begin, finish = i18n.date(start, lang), i18n.date(end, lang)
        if same_year:
            if lang == "ko":
                finish = f"{last.month}월 {last.day}일"
            else:
                begin = begin.rsplit(" ", 1)[0]
    return t["campaign_dates"].format(start=begin, end=finish)


def _totals(dataset, period_id: str) -> dict[str, dict]:
    """measure -> its published, exact figure for everyone (the `total` group), with its source."""
    obs = dataset.observations
    rows = obs[
        (obs["period_id"] == period_id)
        & (obs["group"] == "total")
        & (obs["role"] == "published")
        & (obs["qualifier"] == "exact")
        & obs["value"].notna()
        & ~obs["flag"].isin(LEFT_OUT_FLAGS)
    ]
    return {row["measure"]: row for row in rows.to_dict("records")}


def _link(root: str, package: str, period: str, measure: str, group: str, text: str) -> markupsafe.Markup:
    return sentences.figure_link(root, package, (period, measure, group), text)


def _people(row: dict, lang: str, link, pair: str = "") -> markupsafe.Markup:
    """A count of people linked to its figure's permalink: "963명이" (with `pair`'s particle) / "963 people"."""
    value = row["value"]
    text = sentences.count(value, "persons", lang)
    if lang == "en":
        text += " person" if value == 1 else " people"
    linked = link(row["period_id"], row["measure"], row["group"], text)
    return linked + korean.particle(text, pair) if lang == "ko" and pair else linked


def _what(period, totals: dict, lang: str, t: dict, link) -> markupsafe.Markup:
    arrested, detained = totals.get(ARRESTED), totals.get(DETAINED)
    if arrested is not None and detained is not None and detained["value"] > arrested["value"]:
        detained = None  # not "of them": the two figures cannot be the same people
    values = {
        "name": name(period, lang),
        "dates": dates(period.start, period.end, lang, t) if period.start else "",
        "arrested": _people(arrested, lang, link, "이/가") if arrested is not None else "",
        "detained": "",
    }
    if detained is not None:  # "59명이" / "59" (of them) or "59 people" (on its own)
        values["detained"] = (
            _bare(detained, link) if lang == "en" and arrested is not None else _people(detained, lang, link, "이/가")
        )
    if not values["dates"]:
        return markupsafe.Markup("")  # a crackdown always has its dates; nothing to say without them
    said = [word for word, row in (("caught", arrested), ("detained", detained)) if row is not None]
    key = "campaign_intro_" + ("_".join(said) or "ran")
    if lang == "ko" and key == "campaign_intro_ran":
        values["name"] = korean.attach(values["name"], "은/는")
    return markupsafe.Markup(markupsafe.escape(t[key])).format(**values)


def _bare(row: dict, link) -> markupsafe.Markup:
    """The count alone, linked ("59", in "and 59 of them detained")."""
    return link(row["period_id"], row["measure"], row["group"], i18n.number(row["value"], "en"))


def _share(dataset, figures, period_id: str, lang: str, t: dict, link) -> str:
    """The age (or other) group most of the people caught were in, as a share of all of them."""
    parents = dict(zip(dataset.groups["id"], dataset.groups["parent"]))
    shares = [
        s
        for s in figures.shares
        if (s.measure, s.period_id, s.of_group) == (ARRESTED, period_id, "total") and parents.get(s.group) == "total"
    ]
    if not shares:
        return ""
    largest = max(sorted(shares, key=lambda s: s.group), key=lambda s: s.value)
    group = str(dataset.groups.loc[dataset.groups["id"] == largest.group, f"name_{lang}"].iloc[0])
    pct = i18n.percent(largest.pct)
    linked = link(period_id, ARRESTED, largest.group, pct)
    if lang == "ko":
        try:
            was = group + ("이었습니다" if korean.final(group) else "였습니다")
        except ValueError:
            return ""  # a name whose last sound cannot be told: no guessed particle
        return markupsafe.Markup(markupsafe.escape(t["campaign_intro_share"])).format(
            pct=linked + korean.particle(pct, "이/가"), group=was
        )
    return markupsafe.Markup(markupsafe.escape(t["campaign_intro_share"])).format(
        pct=linked, group=sentences._lower_first(group)
    )


def _rate(dataset, figures, period, totals: dict, lang: str, t: dict, link) -> str:
    """The daily number of people caught in the comparison period and in the crackdown, and which way it went."""
    change = figures.change(ARRESTED, period.id) if ARRESTED in totals else None
    if change is None or not change.days or not change.base_days or not change.base_value:
        return ""
    before = sentences.rate_text(change.base_value, change.base_days, "persons", lang, t)
    during = sentences.rate_text(change.value, change.days, "persons", lang, t)
    days = period_days(dataset)
    base = dataset.periods.set_index("id").loc[change.base_period_id]
    adjacent = (
        bool(base["end"])
        and days.get(change.base_period_id)
        and dt.date.fromisoformat(base["end"]) + dt.timedelta(days=1) == dt.date.fromisoformat(period.start)
    )
    base_label = (
        t["campaign_before"] if adjacent else name(base, lang) if lang == "ko" else f"in the {name(base, lang)}"
    )
    if before == during:
        key, direction = "campaign_intro_rate_same", ""
    else:
        up = change.value / change.days > change.base_value / change.base_days
        key, direction = "campaign_intro_rate", t["campaign_rose" if up else "campaign_fell"]
    during_link = link(period.id, ARRESTED, "total", during)
    return markupsafe.Markup(markupsafe.escape(t[key])).format(
        base=base_label,
        before=link(change.base_period_id, ARRESTED, "total", before),
        during=during_link + korean.particle(during, "으로/로") if lang == "ko" else during_link,
        direction=direction,
    )
