"""Checks that tie the tables of a package together beyond what Table Schema can say."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from ...problems import Code, Problem
from ..standard import SCHEMAS

FRACTIONAL_UNITS = {"percent", "per_day"}

SCHEMA_NOT_STANDARD = Code(
    "schema-not-standard",
    "Schema differs from the standard",
    'the schema of "{resource}" differs from the standard one',
    "copy the schema from sitegen/read/standard.py (python build_site.py new-period writes it for you)",
    "sitegen/read/standard.py의 스키마를 그대로 복사합니다 (python build_site.py new-period가 대신 써 줍니다)",
    dict(file="datapackage.json", field="resources.observations.schema", resource="observations"),
)
END_BEFORE_START = Code(
    "end-before-start",
    "Period ends before it starts",
    "ends ({end}) before it starts ({start})",
    "swap the dates or correct the end date",
    "두 날짜를 맞바꾸거나 끝 날짜를 고칩니다",
    dict(file="data/periods.csv", row=3, field="end", end="2024-01-01", start="2024-08-28"),
)
UNKNOWN_PERIOD = Code(
    "unknown-period",
    "Period not found",
    '"{period}" is not a period id',
    "use the id of a period in data/periods.csv, or leave it empty",
    "data/periods.csv에 있는 기간 id를 쓰거나 비웁니다",
    dict(file="data/periods.csv", row=2, field="comparable_to", period="window-2023"),
)
NOT_A_COUNT = Code(
    "not-a-count",
    "Count not a whole number",
    "{value} is not a whole number but {measure} counts {unit}",
    "write the count as a whole number",
    "건수를 정수로 씁니다",
    dict(file="data/observations.csv", row=4, field="value", value=10.5, measure="arrested", unit="persons"),
)
MISSING_VALUE = Code(
    "missing-value",
    "Figure missing",
    "is empty without a status code",
    "fill in the figure from the release, put c in status if the cell is suppressed, or delete the row",
    "발표의 수치를 채우거나, 비공개 칸이면 status에 c를 쓰거나, 행을 지웁니다",
    dict(file="data/observations.csv", row=16, field="value"),
)
STATUS_WITH_VALUE = Code(
    "status-with-value",
    "Suppressed cell with a value",
    "marks the cell as suppressed but the value is filled in",
    "empty the value of a suppressed cell, or empty the status",
    "비공개 칸이면 value를 비우고, 아니면 status를 비웁니다",
    dict(file="data/observations.csv", row=3, field="status"),
)
PUBLISHED_DEFINED_DIFFERENTLY = Code(
    "published-defined-differently",
    "Published figure flagged as defined differently",
    "flags the published figure different_definition, a flag for another report that counts something else",
    "put the flag on the alternative row that counts something else, or use another flag",
    "different_definition은 다른 것을 센 alternative 행에 달거나, 다른 flag를 씁니다",
    dict(file="data/observations.csv", row=9, field="flag"),
)
TWO_PUBLISHED = Code(
    "two-published",
    "Two published figures",
    "a second published figure for {period} / {measure} / {group}",
    "keep one row as published and mark the others as alternative",
    "한 행만 published로 두고 나머지는 alternative로 표시합니다",
    dict(file="data/observations.csv", row=7, field="role", period="crackdown", measure="arrested", group="total"),
)
NO_DATED_SOURCE = Code(
    "no-dated-source",
    "No source dated",
    "no source has a publication date",
    "fill in the published date (YYYY-MM-DD) of at least one source: the newest one dates the release and its "
    "downloads",
    "출처 가운데 하나 이상에 발표일(published, YYYY-MM-DD)을 적습니다. 가장 최근 발표일이 배포판과 내려받기 파일의 날짜가 "
    "됩니다",
    dict(file="data/sources.csv", field="published"),
)
ONE_LANGUAGE_ONLY = Code(
    "one-language-only",
    "Text in one language only",
    "is empty while {given} is given",
    "write {field} too (the pages show it in both languages), or empty {given}",
    "{field}도 적거나 (페이지는 두 언어로 함께 보여 줍니다) {given}을 비웁니다",
    dict(file="data/sources.csv", row=4, field="released_by_ko", given="released_by_en"),
)


def check(dataset, config) -> Iterator[Problem]:
    yield from _schemas_are_standard(dataset)
    yield from _periods(dataset)
    yield from _values(dataset)
    yield from _dated(dataset)
    yield from _both_languages(dataset)


def _path(dataset, resource: str) -> str:
    return str(dataset.folder / f"data/{resource}.csv")


def _rows(frame: pd.DataFrame, mask) -> list[tuple[int, pd.Series]]:
    """(file row number, row) for rows where mask holds; the header is row 1."""
    return [(int(index) + 2, row) for index, row in frame[mask].iterrows()]


def _schemas_are_standard(dataset) -> Iterator[Problem]:
    for resource in dataset.descriptor["resources"]:
        name = resource["name"]
        if name in SCHEMAS and resource.get("schema") != SCHEMAS[name]:
            yield SCHEMA_NOT_STANDARD.at(
                dataset.folder / "datapackage.json", None, f"resources.{name}.schema", resource=name
            )


def _periods(dataset) -> Iterator[Problem]:
    periods = dataset.periods
    path = _path(dataset, "periods")
    for row, period in _rows(periods, periods["end"] < periods["start"]):
        yield END_BEFORE_START.at(path, row, "end", end=period["end"], start=period["start"])
    known = set(periods["id"])
    unknown = (periods["comparable_to"] != "") & ~periods["comparable_to"].isin(known)
    for row, period in _rows(periods, unknown):
        yield UNKNOWN_PERIOD.at(path, row, "comparable_to", period=period["comparable_to"])


def _values(dataset) -> Iterator[Problem]:
    obs = dataset.observations
    path = _path(dataset, "observations")
    units = obs["measure"].map(dict(zip(dataset.measures["id"], dataset.measures["unit"])))
    value = obs["value"]
    fractional = value.notna() & (value % 1 != 0) & ~units.isin(FRACTIONAL_UNITS)
    for row, o in _rows(obs, fractional):
        yield NOT_A_COUNT.at(path, row, "value", value=o["value"], measure=o["measure"], unit=units[row - 2])
    for row, _ in _rows(obs, value.isna() & (obs["status"] == "")):
        yield MISSING_VALUE.at(path, row, "value")
    for row, _ in _rows(obs, value.notna() & (obs["status"] != "")):
        yield STATUS_WITH_VALUE.at(path, row, "status")
    for row, _ in _rows(obs, (obs["role"] == "published") & (obs["flag"] == "different_definition")):
        yield PUBLISHED_DEFINED_DIFFERENTLY.at(path, row, "flag")
    published = obs[obs["role"] == "published"]
    repeated = published.duplicated(["period_id", "measure", "group"], keep="first")
    for row, o in _rows(published, repeated):
        yield TWO_PUBLISHED.at(path, row, "role", period=o["period_id"], measure=o["measure"], group=o["group"])


def _dated(dataset) -> Iterator[Problem]:
    """The newest source date dates the release, the downloads and the build: at least one source needs one."""
    if not (dataset.sources["published"] != "").any():
        yield NO_DATED_SOURCE.at(_path(dataset, "sources"), None, "published")


# Optional texts shown on the pages in both languages: each is given in both or in neither.
PAIRS = {
    "sources": ("released_by_en", "released_by_ko"),
    "periods": ("note_en", "note_ko"),
    "observations": ("note_en", "note_ko"),
}


def _both_languages(dataset) -> Iterator[Problem]:
    for resource, (en, ko) in PAIRS.items():
        frame = getattr(dataset, resource)
        if en not in frame or ko not in frame:
            continue  # reported as missing-column
        for row, _ in _rows(frame, (frame[en] == "") != (frame[ko] == "")):
            given, empty = (en, ko) if frame.at[row - 2, ko] == "" else (ko, en)
            yield ONE_LANGUAGE_ONLY.at(_path(dataset, resource), row, empty, given=given)
