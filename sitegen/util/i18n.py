"""UI strings (site_src/i18n/*.yml) and Korean / English number and date formats."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import yaml
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from .. import SiteError

LANGUAGES = ("ko", "en")
ROOTS = {"ko": "", "en": "en/"}  # each language's folder inside the site: Korean is the root


def load_strings(i18n_dir: Path) -> dict[str, dict[str, str]]:
    """{lang: {key: text}} from i18n/<lang>/*.yml; every key must exist in every language, once."""
    strings: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        strings[lang] = {}
        for path in sorted((i18n_dir / lang).glob("*.yml")):
            try:
                table = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except (OSError, yaml.YAMLError) as error:
                raise SiteError(f"{path}: cannot read UI strings ({error})") from error
            repeated = sorted(set(table) & set(strings[lang]))
            if repeated:
                raise SiteError(f"{path}: keys defined in another file too: {', '.join(repeated)}")
            strings[lang].update({str(k): str(v) for k, v in table.items()})
    every = set().union(*strings.values())
    for lang in LANGUAGES:
        missing = sorted(every - set(strings[lang]))
        if missing:
            raise SiteError(f"{i18n_dir / lang}: missing keys {', '.join(missing)} - add them in both languages")
    return strings


# Babel's locale data formats numbers and dates; the patterns are chosen here so that a Babel upgrade cannot
# change the site's text. Korean: "2024년 8월 28일" (Babel's long date); English: "28 Aug 2024" (day month year as
# in British usage, with the "en" month abbreviations: en_GB writes "Sept"). Both group thousands with commas.
LOCALES = {"ko": "ko", "en": "en"}
DATE_PATTERNS = {"ko": "y년 M월 d일", "en": "d MMM y"}
MONTH_PATTERNS = {"ko": "y년 M월", "en": "MMM y"}
MINUS = "\u2212"  # the minus sign, not a hyphen: it reads as minus aloud and does not break from its number


def number(value: float | None, lang: str) -> str:
    """1234 -> "1,234"; 1.85 -> "1.85" (at most two decimals)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = format_decimal(value, format="#,##0.##", locale=LOCALES[lang])
    return text.replace("-", MINUS)


def percent(value: float, digits: int = 1, signed: bool = False, lang: str = "en") -> str:
    """260.674 -> "260.7%"; signed: "+260.7%", "−12.0%". `value` is already in percent."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    if signed:
        pattern = f"+{pattern};-{pattern}"
    return format_percent(value / 100, format=pattern, locale=LOCALES[lang]).replace("-", MINUS)


def month(day: dt.date, lang: str, with_year: bool = True) -> str:
    """A month as an axis labels it: "2024년 8월" / "Aug 2024", or without the year "9월" / "Sep"."""
    pattern = MONTH_PATTERNS[lang] if with_year else {"ko": "M월", "en": "MMM"}[lang]
    return format_date(day, pattern, locale=LOCALES[lang])


def date(iso: str, lang: str) -> str:
    return format_date(dt.date.fromisoformat(str(iso)), DATE_PATTERNS[lang], locale=LOCALES[lang])


def source_date(iso: str, precision: str, lang: str) -> str:
    """A source's publication date as precisely as it is known: "", "Nov 2022", "about 30 Sep 2024"."""
    if not iso:
        return ""
    day = dt.date.fromisoformat(str(iso))
    if precision == "month":
        return format_date(day, MONTH_PATTERNS[lang], locale=LOCALES[lang])
    text = date(iso, lang)
    if precision == "about":
        return f"{text}경" if lang == "ko" else f"about {text}"
    return text
