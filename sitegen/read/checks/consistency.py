"""Checks that tie the tables of a package together beyond what Table Schema can say."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from ...problems import Problem
from ..standard import SCHEMAS

FRACTIONAL_UNITS = {"percent", "per_day"}


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
            yield Problem(str(dataset.folder / "datapackage.json"), None, f"resources.{name}.schema", "schema-not-standard",
                          f'the schema of "{name}" differs from the standard one',
                          "copy the schema from sitegen/read/standard.py (python build_site.py new-period writes it for you)")


def _periods(dataset) -> Iterator[Problem]:
    periods = dataset.periods
    path = _path(dataset, "periods")
    for row, period in _rows(periods, periods["end"] < periods["start"]):
        yield Problem(path, row, "end", "end-before-start", f'ends ({period["end"]}) before it starts ({period["start"]})',
                      "swap the dates or correct the end date")
    known = set(periods["id"])
    unknown = (periods["comparable_to"] != "") & ~periods["comparable_to"].isin(known)
    for row, period in _rows(periods, unknown):
        yield Problem(path, row, "comparable_to", "unknown-period", f'"{period["comparable_to"]}" is not a period id',
                      "use the id of a period in data/periods.csv, or leave it empty")


def _values(dataset) -> Iterator[Problem]:
    obs = dataset.observations
    path = _path(dataset, "observations")
    units = obs["measure"].map(dict(zip(dataset.measures["id"], dataset.measures["unit"])))
    value = obs["value"]
    fractional = value.notna() & (value % 1 != 0) & ~units.isin(FRACTIONAL_UNITS)
    for row, o in _rows(obs, fractional):
        yield Problem(path, row, "value", "not-a-count", f'{o["value"]} is not a whole number but {o["measure"]} counts {units[row - 2]}',
                      "write the count as a whole number")
    for row, _ in _rows(obs, value.isna() & (obs["status"] == "")):
        yield Problem(path, row, "value", "missing-value", "is empty without a status code",
                      "fill in the figure, or put c in status if the cell is suppressed")
    for row, _ in _rows(obs, value.notna() & (obs["status"] != "")):
        yield Problem(path, row, "status", "status-with-value", "marks the cell as suppressed but the value is filled in",
                      "empty the value of a suppressed cell, or empty the status")
    for row, o in _rows(obs, (obs["role"] == "published") & (obs["flag"] == "different_definition")):
        yield Problem(path, row, "flag", "published-defined-differently",
                      "flags the published figure different_definition, a flag for another report that counts something else",
                      "put the flag on the alternative row that counts something else, or use another flag")
    published = obs[obs["role"] == "published"]
    repeated = published.duplicated(["period_id", "measure", "group"], keep="first")
    for row, o in _rows(published, repeated):
        yield Problem(path, row, "role", "two-published", f'a second published figure for {o["period_id"]} / {o["measure"]} / {o["group"]}',
                      "keep one row as published and mark the others as alternative")


def _dated(dataset) -> Iterator[Problem]:
    """The newest source date dates the release, the downloads and the build: at least one source needs one."""
    if not (dataset.sources["published"] != "").any():
        yield Problem(_path(dataset, "sources"), None, "published", "no-dated-source", "no source has a publication date",
                      "fill in the published date (YYYY-MM-DD) of at least one source")


# Optional texts shown on the pages in both languages: each is given in both or in neither.
PAIRS = {"sources": ("released_by_en", "released_by_ko"), "periods": ("note_en", "note_ko"),
         "observations": ("note_en", "note_ko")}


def _both_languages(dataset) -> Iterator[Problem]:
    for resource, (en, ko) in PAIRS.items():
        frame = getattr(dataset, resource)
        if en not in frame or ko not in frame:
            continue  # reported as missing-column
        for row, _ in _rows(frame, (frame[en] == "") != (frame[ko] == "")):
            given, empty = (en, ko) if frame.at[row - 2, ko] == "" else (ko, en)
            yield Problem(_path(dataset, resource), row, empty, "one-language-only", f"is empty while {given} is given",
                          f"write {empty} too (the pages show it in both languages), or empty {given}")
