"""Sentences the generator writes about computed figures, in both languages.

Korean counts carry the counting word of the measure's unit (963명, 561건:
`korean.counter`) and particles chosen by the sound before them
(`korean.attach`); English counts stand bare. A change says which way it went
(늘었습니다/줄었습니다), its per-day change beside it when the periods differ in
length, and that small bases swing when its base is below figures.SMALL_BASE.
A share names its denominator ("of all", "of teens" / "전체 중", "10대 중").
"""

from __future__ import annotations

import markupsafe

from ..derive import register
from ..derive.figures import SMALL_BASE, Change, Share
from ..util import i18n, korean


def figure_link(root: str, package: str, key: tuple[str, str, str], text) -> markupsafe.Markup:
    """A number linked to the permalink of the figure (period, measure, group) it is or is computed from, from a page
    `root` below the language's root; the one way every page writes such a link (its text is escaped unless Markup)."""
    return markupsafe.Markup('<a class="fig" href="{}">{}</a>').format(root + register.permalink(package, *key), text)


def count(value: float, unit: str, lang: str, decimals: int = 0) -> str:
    """A count with its counting word: "963명", "561건" in Korean, "963" in English; `decimals` as published."""
    text = as_published(value, decimals, lang)
    return text + korean.counter(unit) if lang == "ko" and unit in korean.COUNTERS and unit != "percent" else text


def group_subject(name: str) -> str:
    """A group's name as the subject of a Korean sentence: "10대가", "학생이"; a name whose final sound cannot be told
    (any script, any text a package may hold) becomes "… 집단이" rather than a guessed or bracketed particle."""
    try:
        return korean.attach(name, "이/가")
    except ValueError:
        return f"{name} 집단이"


def as_published(value: float, decimals: int, lang: str) -> str:
    """A number with the decimals its release printed (8.80 stays 8.80); i18n.number when it printed none."""
    if not decimals or decimals < 0:  # a quoted figure rounded to the ten has decimals -1
        return i18n.number(value, lang)
    return f"{float(value):,.{decimals}f}"


def _lower_first(name: str) -> str:
    """ "Teens (10–19)" -> "teens (10–19)" inside an English sentence; acronyms ("KCSC") stay as they are."""
    return name[:1].lower() + name[1:] if name[:1].isupper() and name[1:2].islower() else name


def share_label(share: Share, group_names: dict[str, str], lang: str, s: dict) -> str:
    """The share with its denominator: "10.8% of teens (10–19)", "53.5% of all" / "10대 중 10.8%", "전체 중 53.5%"."""
    pct = i18n.percent(share.pct)
    if share.of_all:
        return s["share_of_all"].format(pct=pct)
    name = group_names[share.of_group]
    return s["share_of_group"].format(pct=pct, group=_lower_first(name) if lang == "en" else name)


def change_notes(change: Change, lang: str, s: dict) -> list[str]:
    """What a reader must know beside a change: the per-day change of unequal periods; a small base."""
    notes = []
    if change.unequal:
        per_day = change.per_day_pct
        notes.append(
            s["change_per_day"].format(
                base_days=i18n.number(change.base_days, lang),
                days=i18n.number(change.days, lang),
                pct=i18n.percent(per_day, signed=True),
                abs_pct=i18n.percent(abs(per_day)),
                direction=direction(per_day, s),
            )
        )
    if change.small_base:
        notes.append(
            s["change_small_base"].format(
                base=i18n.number(change.base_value, lang), threshold=i18n.number(SMALL_BASE, lang)
            )
        )
    return notes


def direction(pct: float, s: dict) -> str:
    return s["went_up"] if pct > 0 else s["went_down"] if pct < 0 else s["stayed"]


def change_label(change: Change, s: dict) -> str:
    """The label of a computed change, by the kind of its base: year on year, or vs the comparison window."""
    return s["computed_change_year"] if change.year_on_year else s["computed_change"]


def change_summary(change: Change, periods: dict[str, str], unit: str, lang: str, s: dict) -> str:
    """ "267명에서 963명으로 260.7% 늘었습니다." / "From 267 (…) to 963 (…): +260.7%." and its notes."""
    value = count(change.value, unit, lang)
    text = s["summary_change"].format(
        base_period=periods[change.base_period_id],
        base_value=count(change.base_value, unit, lang),
        period=periods[change.period_id],
        value=value,
        value_ro=korean.attach(value, "으로/로") if lang == "ko" else value,
        pct=i18n.percent(change.pct, signed=True),
        abs_pct=i18n.percent(abs(change.pct)),
        direction=direction(change.pct, s),
    )
    return " ".join([text] + change_notes(change, lang, s))


def times_text(times: float, lang: str) -> str:
    """How many times as many: one decimal below ten, none from ten ("4.0" as "4"): 3.2배 / 3.2 times."""
    number = i18n.number(round(times, 1) if times < 10 else round(times), lang).removesuffix(".0")
    return f"{number}배" if lang == "ko" else f"{number} times"


def per_day_times(change) -> float | None:
    """The daily average of a change's period as a multiple of its base period's (None without both lengths)."""
    if not (change.days and change.base_days and change.base_value):
        return None
    return (change.value / change.days) / (change.base_value / change.base_days)


def rate_text(value: float, days: int, unit: str, lang: str, s: dict) -> str:
    """A daily rate readers can picture: "4.5 a day"; below one a day, "about 1 every 4 days" (not "0.2 a day")."""
    per_day = value / days
    if per_day >= 1 or per_day == 0:
        return s["rate_per_day"].format(rate=count(round(per_day, 1), unit, lang))
    word = korean.counter(unit) if lang == "ko" and unit in korean.COUNTERS else ""
    return s["rate_every"].format(every=i18n.number(round(days / value), lang), unit=word)
