"""Find data packages under a folder and load them into Dataset objects.

Loading happens only after validation has passed, so the reader may trust the
shape of the tables (sitegen.read.standard) and fail loudly if it is wrong.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import SiteError
from .standard import RESOURCE_NAMES

DESCRIPTOR = "datapackage.json"


@dataclass
class Dataset:
    """One data package: its folder, its descriptor and its tables as DataFrames."""

    name: str
    folder: Path
    descriptor: dict
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    # Decimals of observations.value as the release wrote them (row index -> digits after the point; only rows that
    # have any): 8.80 is shown as 8.80, not 8.8.
    value_decimals: dict[int, int] = field(default_factory=dict)

    @property
    def sources(self) -> pd.DataFrame:
        return self.tables["sources"]

    @property
    def periods(self) -> pd.DataFrame:
        return self.tables["periods"]

    @property
    def measures(self) -> pd.DataFrame:
        return self.tables["measures"]

    @property
    def groups(self) -> pd.DataFrame:
        return self.tables["groups"]

    @property
    def observations(self) -> pd.DataFrame:
        return self.tables["observations"]

    @property
    def version(self) -> str:
        return str(self.descriptor.get("version", ""))

    def text(self, key: str, lang: str) -> str:
        """A descriptor text in `lang` ("title", "description"): key_ko for Korean, key for English."""
        if lang == "ko":
            return str(self.descriptor.get(f"{key}_ko") or self.descriptor.get(key, ""))
        return str(self.descriptor.get(key, ""))


def find_packages(datasets_dir: Path) -> list[Path]:
    """Every folder directly under datasets_dir that holds a datapackage.json, sorted by name."""
    if not datasets_dir.is_dir():
        raise SiteError(
            f"{datasets_dir}: no such folder - pass --datasets with the folder that holds the data packages"
        )
    return sorted(p.parent for p in datasets_dir.glob(f"*/{DESCRIPTOR}"))


def read_table(path: Path) -> pd.DataFrame:
    """A CSV as strings (empty cells stay empty strings, never NaN guesses)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def load_dataset(folder: Path) -> Dataset:
    descriptor = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8-sig"))
    by_name = {r["name"]: r for r in descriptor["resources"]}
    tables = {name: read_table(folder / by_name[name]["path"]) for name in RESOURCE_NAMES}
    obs = tables["observations"]
    decimals = {int(index): len(text.split(".", 1)[1]) for index, text in obs["value"].items() if "." in text}
    obs["value"] = pd.to_numeric(obs["value"].replace("", None)).astype("Float64")
    return Dataset(
        name=descriptor.get("name", folder.name),
        folder=folder,
        descriptor=descriptor,
        tables=tables,
        value_decimals={index: places for index, places in decimals.items() if places},
    )
