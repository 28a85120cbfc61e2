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

from ..config import Config
from . import parallel

T = TypeVar("T")
R = TypeVar("R")
LIBRARIES = ["pandas", "numpy", "plotly", "frictionless", "openpyxl", "jinja2", "pyyaml"]
KEEP_SECONDS = 7 * 24 * 3600


class Cache:
    def __init__(self, folder: Path, config: Config):
        self.folder = folder
        self.salt = _code_version(config) + repr(config)
        self.hits = 0
        self.misses = 0

    def map(self, kind: str, items: list[T], make: Callable[[T], R], package: Callable[[T], Path]) -> list[R]:
        """[make(item) for item in items], each computed only if not cached for the current files of its
        package folder; the missing ones are computed in parallel (sitegen.util.parallel)."""
        paths = [self.folder / f"{kind}-{self.key(package(item))}.pickle" for item in items]
        values = [_load(path) for path in paths]
        missing = [index for index, value in enumerate(values) if value is _ABSENT]
        self.hits += len(items) - len(missing)
        self.misses += len(missing)
        for index, value in zip(missing, parallel.run(make, [items[i] for i in missing])):
            values[index] = value
            _store(paths[index], value)
        return values

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


def per_package(
    cache: Cache | None,
    kind: str,
    items: list[T],
    make: Callable[[T], R],
    package: Callable[[T], Path] = lambda folder: folder,
) -> list[R]:
    """make(item) for every item, from the cache where one is given, in parallel where it is computed."""
    return cache.map(kind, items, make, package) if cache else parallel.run(make, items)


_ABSENT = object()


def _load(path: Path):
    try:
        with open(path, "rb") as handle:
            value = pickle.load(handle)
        os.utime(path)
        return value
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return _ABSENT  # absent or unreadable: make it again


def _store(path: Path, value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)


def default_cache(config: Config) -> Cache:
    return Cache(config.root / "build" / "cache", config)


def _hash_tree(digest, folder: Path, pattern: str = "*") -> None:
    for path in sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
        data = path.read_bytes()
        digest.update(f"\0{path.relative_to(folder).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)


def _code_version(config: Config) -> str:
    """A hash of the code, strings and settings that produce cached values (read again for every build: the
    preview server rebuilds after an edit to the UI strings)."""
    digest = hashlib.sha256(sys.version.encode("utf-8"))
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    _hash_tree(digest, Path(__file__).resolve().parent.parent, "*.py")  # every module of sitegen
    if (config.site_src / "i18n").is_dir():
        _hash_tree(digest, config.site_src / "i18n")
    for name in ("pyproject.toml", "constraints.txt"):
        path = config.root / name
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()
