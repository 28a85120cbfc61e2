"""The record of each published version, and the baselines a diff compares with.

A version is published by the build that follows its changelog entry; the publish workflow then runs
`build_site.py release`, which records it in the package folder: `releases/<version>.csv`, the observations as
published (the baseline of the next diff), and `releases/<version>/`, the tables and descriptor as published (from
which its download folder is made again once a newer version replaces it: sitegen.publish.downloads). A version
published without a record is recovered from the newest git commit at it. With no record yet, every figure is new.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
from io import StringIO
from pathlib import Path

import pandas as pd

from .. import SiteError
from .catalog import read_table
from .changes import Entry, parse_version

RELEASES = "releases"


def latest_snapshot(folder: Path) -> tuple[str | None, Path | None]:
    """(version, path) of the newest releases/<version>.csv, or (None, None)."""
    snapshots = [(parse_version(p.stem), p) for p in (folder / RELEASES).glob("*.csv")]
    snapshots = [(v, p) for v, p in snapshots if v]
    if not snapshots:
        return None, None
    version, path = max(snapshots)
    return ".".join(map(str, version)), path


def unrecorded(folder: Path, entries: list[Entry]) -> list[Entry]:
    """The published versions with no record. Every changelog entry but the newest (the version the data hold now,
    published by the next build) was published and must have its releases/<version>.csv, or its download folder
    would vanish; except an entry dated the same day as the one above it: the two were published together, as the
    newer version (the date is the day the site published them)."""
    return [
        entry
        for newer, entry in zip(entries, entries[1:])
        if entry.date != newer.date and not (folder / RELEASES / f"{entry.version}.csv").is_file()
    ]


def recover(folder: Path, version: str) -> tuple[str, bytes]:
    """(commit, observations.csv) of the newest commit at which the package's version was `version`: the figures as
    that version was last published from the repository. SiteError when git cannot tell."""
    descriptor = (folder / "datapackage.json").resolve()
    try:
        top = Path(_git(descriptor.parent, "rev-parse", "--show-toplevel").decode().strip())
        relative = descriptor.parent.relative_to(top).as_posix()
        commits = _git(top, "log", "--format=%H", "--end-of-options", "HEAD", "--", f"{relative}/datapackage.json")
    except (OSError, ValueError, subprocess.CalledProcessError) as error:
        raise SiteError(
            f"{folder}: version {version} has no record and git cannot read this folder's history ({error}) - copy "
            f"data/observations.csv as that version published it to {RELEASES}/{version}.csv"
        ) from error
    for commit in commits.decode().split():
        try:
            shown = json.loads(_git(top, "show", f"{commit}:{relative}/datapackage.json"))
        except (subprocess.CalledProcessError, ValueError):
            continue
        if isinstance(shown, dict) and shown.get("version") == version:
            return commit, _git(top, "show", f"{commit}:{relative}/data/observations.csv")
    raise SiteError(
        f"{folder}: version {version} has no record, and no commit of this repository has it - copy "
        f"data/observations.csv as that version published it to {RELEASES}/{version}.csv"
    )


def _git(where: Path, *args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=where, capture_output=True, check=True).stdout


def baseline(folder: Path, against: str | None = None) -> pd.DataFrame | None:
    """The observations to compare with: the last release snapshot, a datasets folder, or a git ref."""
    if against is None:
        _, path = latest_snapshot(folder)
        return _table(path, functools.partial(read_table, path)) if path else None
    candidate = Path(against)
    if candidate.is_dir():
        for path in (candidate / folder.name / "data" / "observations.csv", candidate / "data" / "observations.csv"):
            if path.is_file():
                return _table(path, functools.partial(read_table, path))
        return None
    if not is_git_revision(against):
        raise SiteError(
            f"--against {against!r}: neither a folder nor a git ref (a tag, branch or commit; a ref never starts with"
            " '-' nor holds spaces, '..', ':' or '\\') - pass an existing datasets folder, a tag, a branch or a commit"
        )
    return _from_git(folder / "data" / "observations.csv", against)


def _table(where, read) -> pd.DataFrame:
    """The observations a baseline holds, or one line naming where they cannot be read from."""
    try:
        frame = read()
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, OSError) as error:
        raise SiteError(f"{where}: cannot be read as a table ({error}) - compare with a published release") from error
    if "value" not in frame:
        raise SiteError(f'{where}: has no column "value" - compare with the observations.csv of a published release')
    return frame


# A ref as `git check-ref-format --allow-onelevel` accepts it (and never an option: no leading '-'), or a commit hash,
# optionally followed by ~N / ^N steps back (HEAD~1, v1.2.0^).
_REF_COMPONENT = r"(?!\.)(?:(?!\.\.|@\{|\.lock(?:/|$))[^\x00-\x20\x7f~^:?*\[\\/])+(?<!\.)"
_REVISION = re.compile(rf"(?!-)(?!@$){_REF_COMPONENT}(?:/{_REF_COMPONENT})*(?:[~^]\d*)*")


def is_git_revision(text: str) -> bool:
    """Whether text is a git ref or commit (with ~N/^N steps), and so can never be read by git as an option."""
    return bool(_REVISION.fullmatch(text))


def _from_git(path: Path, ref: str) -> pd.DataFrame | None:
    """The observations at path as they were at ref; every value reaches git after --end-of-options."""
    path = path.resolve()
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=path.parent, capture_output=True, text=True, check=True
        )
        shown = subprocess.run(
            ["git", "show", "--end-of-options", f"{ref}:{path.relative_to(top.stdout.strip()).as_posix()}"],
            cwd=path.parent,
            capture_output=True,
            text=True,
        )
    except (OSError, subprocess.CalledProcessError, ValueError) as error:
        raise SiteError(
            f"--against {ref}: not a folder, and git cannot read it here ({error}) - pass a datasets folder or a git ref"
        ) from error
    if shown.returncode != 0:
        check = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", "--end-of-options", ref], cwd=path.parent, capture_output=True
        )
        if check.returncode != 0:
            raise SiteError(
                f"--against {ref}: neither a folder nor a git ref - pass a datasets folder, a tag or a commit"
            )
        return None  # the package did not exist at that ref: every figure is new
    return _table(f"{ref}:{path.name}", lambda: pd.read_csv(StringIO(shown.stdout), dtype=str, keep_default_na=False))


def write_snapshot(folder: Path, version: str, observations: bytes) -> Path | None:
    """Record observations as published for a version (the baseline of the next diff); a record is never replaced."""
    path = folder / RELEASES / f"{version}.csv"
    if path.exists():
        return None
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(observations)
    return path
