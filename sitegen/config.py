"""Site configuration: one typed object, read once from pyproject.toml [tool.sitegen]."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from . import SiteError

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Config:
    root: Path
    site_name_ko: str
    site_name_en: str
    site_url: str
    disclosure_threshold: int
    feed_id_prefix: str = "tag:deepfake-stats.invalid,2025:"  # stable Atom ids; never change once published

    @property
    def site_src(self) -> Path:
        return self.root / "site_src"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"


def load_config(root: Path = ROOT) -> Config:
    path = root / "pyproject.toml"
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))["tool"]["sitegen"]
    except (OSError, KeyError, tomllib.TOMLDecodeError) as error:
        raise SiteError(f"{path}: cannot read [tool.sitegen] ({error}) - restore the section from git") from error
    threshold = table.get("disclosure_threshold", 5)
    if not isinstance(threshold, int) or threshold < 1:
        raise SiteError(f"{path}: [tool.sitegen] disclosure_threshold must be a whole number >= 1, not {threshold!r}")
    return Config(
        root=root,
        site_name_ko=str(table["site_name_ko"]),
        site_name_en=str(table["site_name_en"]),
        site_url=str(table.get("site_url", "")),
        disclosure_threshold=threshold,
        feed_id_prefix=str(table.get("feed_id_prefix", Config.feed_id_prefix)),
    )
