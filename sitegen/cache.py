"""A build cache for the expensive, pure work done per data package.

An entry is keyed by a hash of everything that can change its value: every
file of the package folder (names and bytes), the folder's absolute path (it
appears in problem messages), the site configuration, and the version of the
code that produces it (the sitegen sources, the UI strings, pyproject.toml,
constraints.txt and the versions of the libraries). Change any of these and
the key changes, so a stale entry is never found; nothing is ever updated in
place. Entries are pickles written atomically under build/cache/ (git-ignored);
entries unused for a week are removed. The cache is local build state: delete
the folder at any time, and never point it at files you did not create.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .config import Config

T = TypeVar("T")
LIBRARIES = ["pandas", "numpy", "plotly", "frictionless", "openpyxl", "jinja2", "pyyaml"]
KEEP_SECONDS = 7 * 24 * 3600


class Cache:
    def __init__(self, folder: Path, config: Config):
        self.folder = folder
        self.salt = _code_version(config) + repr(config)
        self.hits = 0
        self.misses = 0

    def get_or_make(self, kind: str, package: Path, make: Callable[[], T]) -> T:
        """The value of make() for this package's current files, computed only if not cached."""
        path = self.folder / f"{kind}-{self.key(package)}.pickle"
        try:
            with open(path, "rb") as handle:
                value = pickle.load(handle)
            os.utime(path)
            self.hits += 1
            return value
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            pass  # absent or unreadable: make it again
        value = make()
        self.misses += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        return value

    def key(self, package: Path) -> str:
        digest = hashlib.sha256(self.salt.encode("utf-8"))
        digest.update(str(package.resolve()).encode("utf-8"))
        _hash_tree(digest, package)
        return digest.hexdigest()

    def prune(self) -> None:
        """Remove entries nobody used for a week (every hit refreshes an entry's time)."""
        if not self.folder.is_dir():
            return
        now = time.time()
        for entry in self.folder.iterdir():
            try:
                if now - entry.stat().st_mtime > KEEP_SECONDS:
                    entry.unlink()
            except OSError:
                pass  # removed by a build running at the same time


def default_cache(config: Config) -> Cache:
    return Cache(config.root / "build" / "cache", config)


def _hash_tree(digest, folder: Path, pattern: str = "*") -> None:
    for path in sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
        data = path.read_bytes()
        digest.update(f"\0{path.relative_to(folder).as_posix()}\0{len(data)}\0".encode("utf-8"))
        digest.update(data)


def _code_version(config: Config) -> str:
    """A hash of the code, strings and settings that produce cached values (read again for every build: the
    preview server rebuilds after an edit to the UI strings)."""
    digest = hashlib.sha256(sys.version.encode("utf-8"))
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)}".encode("utf-8"))
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode("utf-8"))
    _hash_tree(digest, Path(__file__).resolve().parent, "*.py")
    if (config.site_src / "i18n").is_dir():
        _hash_tree(digest, config.site_src / "i18n")
    for name in ("pyproject.toml", "constraints.txt"):
        path = config.root / name
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()
