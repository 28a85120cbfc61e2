"""UI strings (site_src/i18n/*.yml) and Korean / English number and date formats."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import yaml

from . import SiteError

LANGUAGES = ("ko", "en")
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


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


def number(value: float | None, lang: str) -> str:
    """1234 -> "1,234"; 1.85 -> "1.85". Both languages group thousands with commas."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def percent(value: float, digits: int = 1, signed: bool = False) -> str:
    text = f"{value:+.{digits}f}%" if signed else f"{value:.{digits}f}%"
    return text.replace("-", "−")


def date(iso: str, lang: str) -> str:
    day = dt.date.fromisoformat(str(iso))
    if lang == "ko":
        return f"{day.year}년 {day.month}월 {day.day}일"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def source_date(iso: str, precision: str, lang: str) -> str:
    """A source's publication date as precisely as it is known: "", "Nov 2022", "about 30 Sep 2024"."""
    if not iso:
        return ""
    day = dt.date.fromisoformat(str(iso))
    if precision == "month":
        return f"{day.year}년 {day.month}월" if lang == "ko" else f"{MONTHS_EN[day.month - 1]} {day.year}"
    text = date(iso, lang)
    if precision == "about":
        return f"{text}경" if lang == "ko" else f"about {text}"
    return text
