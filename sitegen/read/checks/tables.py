"""What the checks that screen cells share: the loaded tables column by column, and matching their texts."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd


def columns(dataset) -> Iterator[tuple[dict, str, str, pd.Series]]:
    """(resource descriptor, file path, column name, cells) for every column of every loaded resource, in order."""
    for resource in dataset.descriptor["resources"]:
        frame = dataset.tables.get(resource["name"])
        if frame is None:
            continue
        path = str(dataset.folder / resource["path"])
        for column in frame.columns:
            yield resource, path, column, frame[column]


def matching(cells: pd.Series, distinct: pd.Series, pattern: str) -> pd.Series:
    """The cells that match pattern, in row order; each distinct text is searched once (ids repeat on many rows)."""
    hits = distinct[distinct.str.contains(pattern, regex=True)]
    return cells[cells.isin(hits)] if len(hits) else cells.iloc[:0]
