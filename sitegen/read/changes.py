"""What changed since the last published release, and the changelog that must record it.

Each package keeps `changelog.yml` (newest entry first): version, date, kind
(release | revision | correction), reason_ko, reason_en and, for revisions and
corrections, the figures they touch as "period/measure/group" patterns (`*`
matches anything). It is the single record behind the package's version, its
changelog and corrections log, the What's new page and the Atom feed.

The baseline of the diff is the record of the last published version (sitegen.read.records). Entries newer than
it are pending. sitegen.read.checks.changelog holds the rule the build enforces with them: every added figure needs
a pending release entry (or a revision or correction that names it), every changed or removed figure a pending
revision or correction entry that names it.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from ..problems import Code, Problem

CHANGELOG = "changelog.yml"
KINDS = ("release", "revision", "correction")
FIGURE_FIELDS = ("value", "qualifier", "status", "source_id", "flag")
_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")

# -- the changelog file

MISSING_CHANGELOG = Code(
    "missing-changelog",
    "No changelog",
    "the package has no changelog",
    "create changelog.yml with a first entry: '- {{version: 1.0.0, date: YYYY-MM-DD, kind: release, reason_en: ..., "
    "reason_ko: ...}}' (see the maintainer's guide)",
    "첫 항목이 있는 changelog.yml을 만듭니다: '- {{version: 1.0.0, date: YYYY-MM-DD, kind: release, reason_en: ..., "
    "reason_ko: ...}}' (관리자 안내서 참고)",
    dict(file="changelog.yml"),
)
INVALID_CHANGELOG = Code(
    "invalid-changelog",
    "Changelog unreadable",
    "{note}",
    'fix the YAML at that place: one "- version: ..." block per entry, newest first (indentation, a missing colon, '
    'or text containing ": " without quotes are the usual causes)',
    '해당 자리의 YAML을 고칩니다. 항목마다 "- version: ..." 블록 하나를 최신 항목부터 씁니다 (들여쓰기, 빠진 콜론, '
    '따옴표 없이 ": "가 든 글이 흔한 원인입니다)',
    dict(file="changelog.yml", row=7, note="cannot be read: mapping values are not allowed here"),
)
CHANGELOG_INCOMPLETE = Code(
    "changelog-incomplete",
    "Changelog entry incomplete",
    "{note}",
    f"fill in {{field}}: every entry has version (e.g. 1.1.0), date (YYYY-MM-DD), kind ({', '.join(KINDS)}), "
    "reason_en and reason_ko (what changed and why, in English and in Korean); a revision or correction also names "
    'its figures, e.g. figures: ["crackdown-2024-08-28/arrested/total"]',
    f"{{field}}를 채웁니다. 항목마다 version(예: 1.1.0), date(YYYY-MM-DD), kind({', '.join(KINDS)}), "
    "reason_en과 reason_ko(무엇이 왜 바뀌었는지, 영어와 한국어로)가 있고, revision과 correction은 바뀐 수치도 적습니다 "
    '(예: figures: ["crackdown-2024-08-28/arrested/total"])',
    dict(file="changelog.yml", row=4, field="date", note="is empty"),
)
CHANGELOG_INVALID = Code(
    "changelog-invalid",
    "Changelog value invalid",
    "{note}",
    "write {field} as the changelog reads it: a version as MAJOR.MINOR.PATCH (1.1.0); a date as YYYY-MM-DD "
    f"(2025-11-16); a kind as one of {', '.join(KINDS)}; figures as a list such as "
    '["crackdown-2024-08-28/arrested/total"] (* matches anything)',
    "{field}를 형식에 맞게 씁니다. version은 MAJOR.MINOR.PATCH(1.1.0), date는 YYYY-MM-DD(2025-11-16), "
    f"kind는 {', '.join(KINDS)} 가운데 하나, "
    'figures는 ["crackdown-2024-08-28/arrested/total"] 같은 목록입니다 '
    "(*는 무엇이든 가리킵니다)",
    dict(file="changelog.yml", row=4, field="kind", note='"update" is not a kind of change'),
)
VERSION_BUMP = Code(
    "version-bump",
    "Version not bumped by its kind",
    "{version} does not follow {previous} for a {kind}",
    "use {expected} (a correction bumps the last number, a release or revision the middle one)",
    "{expected}을 씁니다 (정정은 끝자리, 공개·수정은 가운데 자리를 올립니다)",
    dict(
        file="changelog.yml",
        row=4,
        field="version",
        version="1.2.0",
        previous="1.0.0",
        kind="release",
        expected="1.1.0",
    ),
)
CHANGELOG_ORDER = Code(
    "changelog-order",
    "Changelog out of order",
    "{date} is older than the entry below it ({previous})",
    "keep the newest entry at the top and check the date",
    "최신 항목을 맨 위에 두고 날짜를 확인합니다",
    dict(file="changelog.yml", row=4, field="date", date="2025-01-01", previous="2025-04-17"),
)


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

    def covers_new(self, figure: str) -> bool:
        """Does this entry cover a figure that did not exist before it? A release does (every new one, or the ones
        it names); a revision or correction only when it names the figure itself (a figure moved to another group
        or measure): its patterns speak of the figures that existed when it was written, never of later ones."""
        if self.kind == "release":
            return self.covers(figure)
        return figure in self.figures


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
        return [], [MISSING_CHANGELOG.at(where)]
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        return [], [
            INVALID_CHANGELOG.at(where, mark.line + 1 if mark else None, note=f"cannot be read: {error}".split("\n")[0])
        ]
    if not isinstance(data, list) or not data or not all(isinstance(item, dict) for item in data):
        return [], [INVALID_CHANGELOG.at(where, note="is not a list of entries")]
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

    problems = [
        CHANGELOG_INCOMPLETE.at(where, line, key, note="is empty")
        for key in ("version", "date", "kind", "reason_en", "reason_ko")
        if not text(key)
    ]
    if text("version") and not parse_version(text("version")):
        problems.append(CHANGELOG_INVALID.at(where, line, "version", note=f'"{text("version")}" is not a version'))
    if text("date"):
        try:
            dt.date.fromisoformat(text("date"))
        except ValueError:
            problems.append(CHANGELOG_INVALID.at(where, line, "date", note=f'"{text("date")}" is not a date'))
    if text("kind") and text("kind") not in KINDS:
        problems.append(CHANGELOG_INVALID.at(where, line, "kind", note=f'"{text("kind")}" is not a kind of change'))
    figures = item.get("figures") or []
    if isinstance(figures, str) or not all(isinstance(f, str) and f.count("/") == 2 for f in figures):
        problems.append(CHANGELOG_INVALID.at(where, line, "figures", note="is not a list of period/measure/group"))
        figures = []
    if text("kind") in ("revision", "correction") and not figures:
        problems.append(
            CHANGELOG_INCOMPLETE.at(where, line, "figures", note=f"a {text('kind')} must name the figures it changes")
        )
    if problems:
        return None, problems
    return Entry(
        text("version"),
        text("date"),
        text("kind"),
        {"ko": text("reason_ko"), "en": text("reason_en")},
        tuple(figures),
        line,
    ), []


def _order(entries: list[Entry], where: str) -> list[Problem]:
    """Newest first; each version is the one before it bumped by its kind; dates never go back."""
    problems = []
    for newer, older in zip(entries, entries[1:]):
        expected = bump(older.version, newer.kind)
        if newer.version != expected:
            problems.append(
                VERSION_BUMP.at(
                    where,
                    newer.line,
                    "version",
                    version=newer.version,
                    previous=older.version,
                    kind=newer.kind,
                    expected=expected,
                )
            )
        if newer.date < older.date:
            problems.append(CHANGELOG_ORDER.at(where, newer.line, "date", date=newer.date, previous=older.date))
    return problems


# -- the diff ----------------------------------------------------------------------------------------


def _cells(frame: pd.DataFrame | None) -> dict[tuple, tuple[dict, int]]:
    """{(period, measure, group, role, alt source): (cell, file row)}; a published figure is one per cell."""
    cells = {}
    if frame is None:
        return cells
    shown = {
        value: "" if value is None or pd.isna(value) or str(value) == "" else _number(value)
        for value in frame["value"].unique()
    }  # counts repeat: format each distinct one once
    values = frame["value"].map(shown).tolist()
    names = ("period_id", "measure", "group", "role", "qualifier", "status", "source_id", "flag")
    columns = [
        (frame[name] if name in frame else pd.Series([""] * len(frame), index=frame.index)).astype(str).tolist()
        for name in names
    ]
    for index, value, period_id, measure, group, role, qualifier, status, source_id, flag in zip(
        frame.index.tolist(), values, *columns
    ):
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


def changelog_entries(dataset) -> list[Entry]:
    """The entries of a package that passed its checks (for pages and the feed)."""
    entries, _ = read_changelog(dataset.folder)
    return entries
