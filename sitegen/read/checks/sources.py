"""A new source says when it appeared and where to find it again.

The standard lets a source go without its date, its address or the sentence quoted from it, "where recorded"
(sitegen.read.standard): many sources of the releases already published were found only in a repost or a summary,
and they stay as they were recorded. A source that no published release cites yet (its id is in no
releases/<version>.csv, as source_id or disclosure_exemption) is one the maintainer has in hand, so it needs its
publication date (published) and its address (url) or the sentence that gives the figures (quote).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from ...problems import Code, Problem
from ..records import RELEASES

SOURCE_INCOMPLETE = Code(
    "source-incomplete",
    "New source incomplete",
    'source "{source}" is new since the last release but has no {missing}',
    "fill in the date it was published (published, YYYY-MM-DD; with published_precision month when only the month is "
    "known) and its address (url, starting with https://) or the sentence that gives the figures (quote), so "
    "readers can find the source again",
    "게재일(published, YYYY-MM-DD, 월만 알면 published_precision에 month)과 주소(url, https://로 시작) 또는 수치가 "
    "나온 문장(quote)을 채웁니다. 독자가 출처를 다시 찾을 수 있어야 합니다",
    dict(
        file="data/sources.csv",
        row=5,
        field="published",
        source="source-crackdown-2025-04-01",
        missing="publication date",
    ),
)
CITING = ("source_id", "disclosure_exemption")  # the columns of a release snapshot that cite a source


def check(dataset, config) -> Iterator[Problem]:
    path = str(dataset.folder / _path(dataset.descriptor))
    released = _released(dataset.folder)
    for index, source in dataset.sources.iterrows():
        if source["id"] in released:
            continue
        row = int(index) + 2
        if not source.get("published"):
            yield SOURCE_INCOMPLETE.at(path, row, "published", source=source["id"], missing="publication date")
        if not source.get("url") and not source.get("quote"):
            yield SOURCE_INCOMPLETE.at(path, row, "url", source=source["id"], missing="url or quote")


def _path(descriptor: dict) -> str:
    return next((r["path"] for r in descriptor["resources"] if r.get("name") == "sources"), "data/sources.csv")


def _released(folder: Path) -> set[str]:
    """The ids of the sources a published release cites (its record: releases/<version>.csv)."""
    cited: set[str] = set()
    for snapshot in sorted((folder / RELEASES).glob("*.csv")):
        try:
            with snapshot.open(encoding="utf-8-sig", newline="") as handle:
                for row in csv.DictReader(handle):
                    cited.update(row.get(column) or "" for column in CITING)
        except (OSError, UnicodeDecodeError, csv.Error):
            continue  # a record that cannot be read cites nothing (the changelog check reads it too)
    return cited - {""}
