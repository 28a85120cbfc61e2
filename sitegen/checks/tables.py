"""Walk the loaded tables of a package column by column, for the checks that screen cells."""

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
