"""Every published figure of every package, one row each, and its address.

A figure is one published observation: a package, a period, a measure and a group. Its id is those four,
`special-crackdown-2024/crackdown-2024-08-28/arrested/total`, never a row number, so its address stays the same
from build to build and version to version. Its permalink is an anchor on its package's figures page,
`figures/<package>/#<period>/<measure>/<group>` (one page per package: a page per figure would double the pages
MkDocs builds; see the README's build-time figures). The rows are what `data/all-figures.csv` holds, what the
finder lists and what the API serves, so the three agree by construction.
"""

from __future__ import annotations

import math

from ..read.catalog import Dataset
from ..read.changes import changelog_entries

# The columns of all-figures.csv, in order, with their type and meaning (the data dictionary of the file).
COLUMNS: tuple[tuple[str, str, str, str], ...] = (
    ("id", "string", "The figure's id: package/period/measure/group", "수치의 식별자: 패키지/기간/측정 항목/집단"),
    ("package", "string", "The data package that publishes it", "수치를 싣는 데이터 패키지"),
    ("package_version", "string", "The package's version", "데이터 패키지의 버전"),
    ("package_title_ko", "string", "The package's title in Korean", "데이터 패키지의 한국어 제목"),
    ("package_title_en", "string", "The package's title in English", "데이터 패키지의 영어 제목"),
    ("period_id", "string", "The period's id", "기간의 식별자"),
    ("period_name_ko", "string", "The period's name in Korean", "기간의 한국어 이름"),
    ("period_name_en", "string", "The period's name in English", "기간의 영어 이름"),
    ("period_kind", "string", "crackdown, comparison, calendar_year, rolling_year, as_of, ...", "기간의 종류"),
    ("period_start", "date", "First day (empty: a count as of the end date)", "첫날 (비어 있으면 마지막 날 기준 누계)"),
    ("period_end", "date", "Last day", "마지막 날"),
    ("year", "integer", "The year of the last day", "마지막 날의 연도"),
    ("measure", "string", "What is counted (id)", "세는 대상의 식별자"),
    ("measure_name_ko", "string", "What is counted, in Korean", "세는 대상의 한국어 이름"),
    ("measure_name_en", "string", "What is counted, in English", "세는 대상의 영어 이름"),
    ("unit", "string", "persons, cases, items, percent, ...", "단위"),
    ("group", "string", "Of whom (id)", "집단의 식별자"),
    ("group_name_ko", "string", "Of whom, in Korean", "집단의 한국어 이름"),
    ("group_name_en", "string", "Of whom, in English", "집단의 영어 이름"),
    (
        "value",
        "number",
        "The figure as released (empty when suppressed)",
        "발표된 수치 (공개하지 않은 수치는 비어 있음)",
    ),
    ("qualifier", "string", "exact, at_least, approximately, fewer_than", "정확한 수치인지, 이상·약·미만인지"),
    ("status", "string", "Why a value is not shown (suppressed)", "수치를 싣지 않은 이유"),
    ("flag", "string", "What to know before using it", "쓰기 전에 알아야 할 점"),
    ("note_ko", "string", "A note in Korean", "한국어 설명"),
    ("note_en", "string", "A note in English", "영어 설명"),
    (
        "other_reports",
        "integer",
        "How many other reports of the same figure there are",
        "같은 수치를 다르게 보도한 건수",
    ),
    ("source_id", "string", "The source's id in the package", "패키지 안의 출처 식별자"),
    ("released_by_ko", "string", "Who released it, in Korean", "발표한 기관 (한국어)"),
    ("released_by_en", "string", "Who released it, in English", "발표한 기관 (영어)"),
    ("reported_by", "string", "The outlet that reported it", "보도한 곳"),
    ("reported_by_ko", "string", "The outlet's Korean name", "보도한 곳의 한국어 이름"),
    ("source_title", "string", "The article's or release's title", "기사나 보도자료의 제목"),
    ("source_published", "date", "When the source was published", "출처가 나온 날"),
    ("source_url", "string", "The source's address", "출처의 주소"),
    ("source_quote", "string", "The sentence of the source that states it", "수치가 나오는 출처의 문장"),
    ("url_ko", "string", "The figure's page, in Korean", "수치의 한국어 페이지"),
    ("url_en", "string", "The figure's page, in English", "수치의 영어 페이지"),
)
NAMES = tuple(column[0] for column in COLUMNS)


def version(publications) -> str:
    """The version of all the figures together: how many package versions have been published, every changelog
    entry of every package counted ("27"). Entries are only ever added, so each release, revision or correction
    anywhere makes a new version, two on the same day too."""
    return str(sum(len(changelog_entries(p.dataset)) for p in publications))


def figure_id(package: str, period: str, measure: str, group: str) -> str:
    return f"{package}/{period}/{measure}/{group}"


def anchor(period: str, measure: str, group: str) -> str:
    """The figure's anchor on its package's figures page."""
    return f"{period}/{measure}/{group}"


def permalink(package: str, period: str, measure: str, group: str) -> str:
    """The figure's address from a language's root: figures/<package>/#<period>/<measure>/<group>."""
    return f"figures/{package}/#{anchor(period, measure, group)}"


def rows(dataset: Dataset) -> list[dict]:
    """One row per published figure of the package (suppressed ones too), in the order of observations.csv; the
    columns of COLUMNS, every value a string but `value` (a float or None), `year` and `other_reports` (ints); the
    pages' addresses from the site's root (see `addressed`). A build makes them once per package:
    render.pages.Publication.rows."""
    obs = dataset.observations
    periods = {row["id"]: row for row in dataset.periods.to_dict("records")}
    measures = {row["id"]: row for row in dataset.measures.to_dict("records")}
    groups = {row["id"]: row for row in dataset.groups.to_dict("records")}
    sources = {row["id"]: row for row in dataset.sources.to_dict("records")}
    alternatives = obs[obs["role"] == "alternative"].groupby(["period_id", "measure", "group"]).size().to_dict()
    found = []
    for o in obs[obs["role"] == "published"].to_dict("records"):
        period, measure, group = periods[o["period_id"]], measures[o["measure"]], groups[o["group"]]
        source = sources.get(o["source_id"], {})
        key = (o["period_id"], o["measure"], o["group"])
        address = permalink(dataset.name, *key)
        value = o["value"]
        found.append(
            {
                "id": figure_id(dataset.name, *key),
                "package": dataset.name,
                "package_version": dataset.version,
                "package_title_ko": dataset.text("title", "ko"),
                "package_title_en": dataset.text("title", "en"),
                "period_id": key[0],
                "period_name_ko": period["name_ko"],
                "period_name_en": period["name_en"],
                "period_kind": period["kind"],
                "period_start": period["start"],
                "period_end": period["end"],
                "year": int(period["end"][:4]),
                "measure": key[1],
                "measure_name_ko": measure["name_ko"],
                "measure_name_en": measure["name_en"],
                "unit": measure["unit"],
                "group": key[2],
                "group_name_ko": group["name_ko"],
                "group_name_en": group["name_en"],
                "value": None if value is None or _missing(value) else float(value),
                "qualifier": o["qualifier"],
                "status": o["status"],
                "flag": o["flag"],
                "note_ko": o["note_ko"],
                "note_en": o["note_en"],
                "other_reports": int(alternatives.get(key, 0)),
                "source_id": o["source_id"],
                "released_by_ko": source.get("released_by_ko", ""),
                "released_by_en": source.get("released_by_en", ""),
                "reported_by": source.get("publisher", ""),
                "reported_by_ko": source.get("publisher_ko", ""),
                "source_title": source.get("title", ""),
                "source_published": source.get("published", ""),
                "source_url": source.get("url", ""),
                "source_quote": source.get("quote", ""),
                "url_ko": address,
                "url_en": "en/" + address,
            }
        )
    return found


def addressed(row: dict, site_url: str) -> dict:
    """The row as published with a site_url: its pages' addresses absolute; without one, the row as it is."""
    if not site_url:
        return row
    base = site_url.rstrip("/") + "/"
    return {**row, "url_ko": base + row["url_ko"], "url_en": base + row["url_en"]}


def _missing(value) -> bool:
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return True
