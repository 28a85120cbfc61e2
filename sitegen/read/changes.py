"""What changed since the last published release, and the changelog that must record it.

Each package keeps `changelog.yml` (newest entry first): version, date, kind
(release | revision | correction), reason_ko, reason_en and, for revisions and
corrections, the figures they touch as "period/measure/group" patterns (`*`
matches anything). It is the single record behind the package's version, its
changelog and corrections log, the What's new page and the Atom feed.

The baseline is the snapshot of the observations recorded when a version was
published: `releases/<version>.csv` in the package folder (written by
`build_site.py release`). With no snapshot yet, every figure is new. Entries
newer than the baseline are pending; every added figure needs a pending
release entry (or a revision or correction that names it: a figure moved to
another group or measure), every changed or removed figure a pending revision
or correction entry that names it. A changed flag is a changed figure.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
import subprocess
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pandas as pd
import yaml

from .. import SiteError
from .catalog import read_table
from ..problems import Problem

CHANGELOG = "changelog.yml"
RELEASES = "releases"
KINDS = ("release", "revision", "correction")
FIGURE_FIELDS = ("value", "qualifier", "status", "source_id", "flag")
_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


@dataclass(frozen=True)
class Entry:
    version: str
    date: str
    kind: str
    reason: dict[str, str]
    figures: tuple[str, ...]
    line: int

    def covers(self, figure: str) -> bool:
        """Does this entry name the figure "period/measure/group"? A release without figures covers every new one."""
        if not self.figures:
            return self.kind == "release"
        return any(fnmatch.fnmatchcase(figure, pattern) for pattern in self.figures)


@dataclass(frozen=True)
class FigureChange:
    change: str  # added, removed, changed
    period_id: str
    measure: str
    group: str
    role: str
    old: dict | None
    new: dict | None
    row: int | None  # row in the current observations (added, changed) or in the baseline (removed)

    @property
    def figure(self) -> str:
        return f"{self.period_id}/{self.measure}/{self.group}"

    def __str__(self) -> str:
        role = "" if self.role == "published" else f" ({self.role}, {(self.new or self.old)['source_id']})"
        where = f"{self.period_id} / {self.measure} / {self.group}{role}"
        if self.change == "added":
            return f"added   {where}: {_show(self.new)}"
        if self.change == "removed":
            return f"removed {where}: was {_show(self.old)}"
        return f"changed {where}: {_show(self.old)} -> {_show(self.new)}"


def _show(cell: dict) -> str:
    value = cell["value"] or f"(empty, status {cell['status'] or 'none'})"
    bound = {"at_least": " or more", "approximately": " approx."}.get(cell["qualifier"], "")
    flag = f" ({cell['flag']})" if cell.get("flag") else ""
    return f"{value}{bound}{flag} [source {cell['source_id']}]"


# -- versions ---------------------------------------------------------------------------------------

def parse_version(text: str) -> tuple[int, int, int] | None:
    match = _SEMVER.match(str(text))
    return tuple(int(part) for part in match.groups()) if match else None


def bump(version: str, kind: str) -> str:
    """release and revision add information (minor), a correction fixes an error (patch)."""
    major, minor, patch = parse_version(version) or (0, 0, 0)
    return f"{major}.{minor}.{patch + 1}" if kind == "correction" else f"{major}.{minor + 1}.0"


# -- the changelog ----------------------------------------------------------------------------------

def read_changelog(folder: Path) -> tuple[list[Entry], list[Problem]]:
    """The entries of folder/changelog.yml (newest first) and the problems with the file itself."""
    path = folder / CHANGELOG
    where = str(path)
    if not path.is_file():
        return [], [Problem(where, None, None, "missing-changelog", "the package has no changelog",
                            f"create {CHANGELOG} with a first entry: '- {{version: 1.0.0, date: YYYY-MM-DD, kind: release, "
                            "reason_en: ..., reason_ko: ...}' (see the maintainer's guide)")]
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        return [], [Problem(where, mark.line + 1 if mark else None, None, "invalid-changelog", f"cannot be read: {error}".split("\n")[0],
                            "fix the YAML at that place (indentation and a missing colon are the usual causes)")]
    if not isinstance(data, list) or not data or not all(isinstance(item, dict) for item in data):
        return [], [Problem(where, None, None, "invalid-changelog", "is not a list of entries",
                            "write one entry per '- version: ...' block, newest first")]
    entries, problems = [], []
    for item, item_node in zip(data, node.value):
        entry, found = _entry(item, item_node.start_mark.line + 1, where)
        problems += found
        if entry:
            entries.append(entry)
    return entries, problems or _order(entries, where)


def _entry(item: dict, line: int, where: str) -> tuple[Entry | None, list[Problem]]:
    def text(key):
        value = item.get(key)
        return "" if value is None else str(value).strip()

    problems = [Problem(where, line, key, "changelog-incomplete", "is empty", hint)
                for key, hint in [("version", "write the new version, e.g. 1.1.0"),
                                  ("date", "write the publication date as YYYY-MM-DD"),
                                  ("kind", f"write one of: {', '.join(KINDS)}"),
                                  ("reason_en", "say in English what changed and why"),
                                  ("reason_ko", "say in Korean what changed and why")] if not text(key)]
    if text("version") and not parse_version(text("version")):
        problems.append(Problem(where, line, "version", "changelog-invalid", f'"{text("version")}" is not a version',
                                "write MAJOR.MINOR.PATCH, e.g. 1.1.0"))
    if text("date"):
        try:
            dt.date.fromisoformat(text("date"))
        except ValueError:
            problems.append(Problem(where, line, "date", "changelog-invalid", f'"{text("date")}" is not a date',
                                    "write the date as YYYY-MM-DD, e.g. 2025-11-16"))
    if text("kind") and text("kind") not in KINDS:
        problems.append(Problem(where, line, "kind", "changelog-invalid", f'"{text("kind")}" is not a kind of change',
                                f"use one of: {', '.join(KINDS)}"))
    figures = item.get("figures") or []
    if isinstance(figures, str) or not all(isinstance(f, str) and f.count("/") == 2 for f in figures):
        problems.append(Problem(where, line, "figures", "changelog-invalid", "is not a list of period/measure/group",
                                'write e.g. figures: ["crackdown-2024-08-28/arrested/total"] (* matches anything)'))
        figures = []
    if text("kind") in ("revision", "correction") and not figures:
        problems.append(Problem(where, line, "figures", "changelog-incomplete", f"a {text('kind')} must name the figures it changes",
                                'list them, e.g. figures: ["crackdown-2024-08-28/arrested/total"]'))
    if problems:
        return None, problems
    return Entry(text("version"), text("date"), text("kind"), {"ko": text("reason_ko"), "en": text("reason_en")},
                 tuple(figures), line), []


def _order(entries: list[Entry], where: str) -> list[Problem]:
    """Newest first; each version is the one before it bumped by its kind; dates never go back."""
    problems = []
    for newer, older in zip(entries, entries[1:]):
        expected = bump(older.version, newer.kind)
        if newer.version != expected:
            problems.append(Problem(where, newer.line, "version", "version-bump",
                                    f"{newer.version} does not follow {older.version} for a {newer.kind}",
                                    f"use {expected} (a correction bumps the last number, a release or revision the middle one)"))
        if newer.date < older.date:
            problems.append(Problem(where, newer.line, "date", "changelog-order",
                                    f"{newer.date} is older than the entry below it ({older.date})",
                                    "keep the newest entry at the top and check the date"))
    return problems


# -- the baseline and the diff ----------------------------------------------------------------------

def latest_snapshot(folder: Path) -> tuple[str | None, Path | None]:
    """(version, path) of the newest releases/<version>.csv, or (None, None)."""
    snapshots = [(parse_version(p.stem), p) for p in (folder / RELEASES).glob("*.csv")]
    snapshots = [(v, p) for v, p in snapshots if v]
    if not snapshots:
        return None, None
    version, path = max(snapshots)
    return ".".join(map(str, version)), path


def baseline(folder: Path, against: str | None = None) -> pd.DataFrame | None:
    """The observations to compare with: the last release snapshot, a datasets folder, or a git ref."""
    if against is None:
        _, path = latest_snapshot(folder)
        return read_table(path) if path else None
    candidate = Path(against)
    if candidate.is_dir():
        for path in (candidate / folder.name / "data" / "observations.csv", candidate / "data" / "observations.csv"):
            if path.is_file():
                return read_table(path)
        return None
    return _from_git(folder / "data" / "observations.csv", against)


def _from_git(path: Path, ref: str) -> pd.DataFrame | None:
    path = path.resolve()
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=path.parent, capture_output=True, text=True, check=True)
        shown = subprocess.run(["git", "show", f"{ref}:{path.relative_to(top.stdout.strip()).as_posix()}"],
                               cwd=path.parent, capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError, ValueError) as error:
        raise SiteError(f"--against {ref}: not a folder, and git cannot read it here ({error}) - pass a datasets folder or a git ref") from error
    if shown.returncode != 0:
        check = subprocess.run(["git", "rev-parse", "--verify", "--quiet", ref], cwd=path.parent, capture_output=True)
        if check.returncode != 0:
            raise SiteError(f"--against {ref}: neither a folder nor a git ref - pass a datasets folder, a tag or a commit")
        return None  # the package did not exist at that ref: every figure is new
    return pd.read_csv(StringIO(shown.stdout), dtype=str, keep_default_na=False)


def _cells(frame: pd.DataFrame | None) -> dict[tuple, tuple[dict, int]]:
    """{(period, measure, group, role, alt source): (cell, file row)}; a published figure is one per cell."""
    cells = {}
    if frame is None:
        return cells
    shown = {value: "" if value is None or pd.isna(value) or str(value) == "" else _number(value)
             for value in frame["value"].unique()}  # counts repeat: format each distinct one once
    values = frame["value"].map(shown).tolist()
    names = ("period_id", "measure", "group", "role", "qualifier", "status", "source_id", "flag")
    columns = [(frame[name] if name in frame else pd.Series([""] * len(frame), index=frame.index)).astype(str).tolist()
               for name in names]
    for index, value, period_id, measure, group, role, qualifier, status, source_id, flag in zip(
            frame.index.tolist(), values, *columns):
        cell = {"value": value, "qualifier": qualifier, "status": status, "source_id": source_id, "flag": flag}
        alt = "" if role == "published" else source_id
        cells[(period_id, measure, group, role, alt)] = (cell, int(index) + 2)
    return cells


def _number(value) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


def diff(old: pd.DataFrame | None, new: pd.DataFrame, added: bool = True) -> list[FigureChange]:
    """Added, removed and changed figures, cell by cell, in key order (added=False: removed and changed only)."""
    before, after = _cells(old), _cells(new)
    changes = []
    for key in sorted(set(before) | set(after) if added else before):
        was, now = before.get(key), after.get(key)
        if was and now and was[0] == now[0]:
            continue
        kind = "added" if not was else "removed" if not now else "changed"
        changes.append(FigureChange(kind, *key[:4], was[0] if was else None, now[0] if now else None, (now or was)[1]))
    return changes


# -- the rule the build enforces --------------------------------------------------------------------

def check(dataset) -> list[Problem]:
    """Problems with the changelog, and every change since the last release that it does not record."""
    entries, problems = read_changelog(dataset.folder)
    if problems:
        return problems
    where = str(dataset.folder / CHANGELOG)
    if dataset.version != entries[0].version:
        problems.append(Problem(str(dataset.folder / "datapackage.json"), None, "version", "version-mismatch",
                                f'is "{dataset.version}" but the newest changelog entry is {entries[0].version}',
                                f'set "version" to "{entries[0].version}" (the changelog is the record of versions)'))
    released, snapshot = latest_snapshot(dataset.folder)
    pending = [e for e in entries if released is None or parse_version(e.version) > parse_version(released)]
    if released and released not in {e.version for e in entries}:
        problems.append(Problem(str(snapshot), None, None, "snapshot-without-entry", f"records version {released}, which the changelog lacks",
                                f"add the changelog entry for {released}, or delete the snapshot if it was never published"))
    obs_path = str(dataset.folder / "data" / "observations.csv")
    # A release entry without figures covers every new figure: then only removed and changed ones need a look.
    covers_new = any(e.kind == "release" and not e.figures for e in pending)
    for change in diff(read_table(snapshot) if snapshot else None, read_table(dataset.folder / "data" / "observations.csv"),
                       added=not covers_new):
        if change.change == "added":
            # A release covers new figures; a correction or revision that names one covers it too (a figure moved
            # to its right group or measure is removed under its old name and added under the new one).
            if not any(e.covers(change.figure) for e in pending):
                problems.append(Problem(obs_path, change.row, "value", "unreleased-figure", f"{change} is new since the last release",
                                        f"add a release entry at the top of {where} (or name {change.figure} in its figures)"))
        elif not any(e.kind in ("revision", "correction") and e.covers(change.figure) for e in pending):
            file = obs_path if change.change == "changed" else str(snapshot)
            problems.append(Problem(file, change.row, "value", "unrecorded-change", f"{change} since {released}, without a changelog entry",
                                    f"add a revision (new information) or correction (an error fixed) entry to {where} "
                                    f'with figures: ["{change.figure}"], or restore the old value'))
    return problems


def write_snapshot(dataset) -> Path | None:
    """Record the current observations as published for the package's version (the baseline of the next diff)."""
    path = dataset.folder / RELEASES / f"{dataset.version}.csv"
    if path.exists():
        return None
    path.parent.mkdir(exist_ok=True)
    path.write_bytes((dataset.folder / "data" / "observations.csv").read_bytes())
    return path


def changelog_entries(dataset) -> list[Entry]:
    """The entries of a package that passed its checks (for pages and the feed)."""
    entries, _ = read_changelog(dataset.folder)
    return entries
