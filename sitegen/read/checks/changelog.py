"""Every change since the last published release is recorded in the package's changelog.

The record of versions and the diff against the last release snapshot are read by sitegen.read.changes; this
is the rule the build enforces with them: the package's version is the changelog's newest entry, every snapshot
has its entry and every published version its snapshot (or its download folder would vanish), every figure added
since the last release is covered by a pending release entry (or by a revision or correction that names it itself:
a figure moved to another group or measure; a pattern such as */*/* speaks only of the figures that existed when it
was written), every changed or removed figure by a pending revision or correction that names it. A changed flag is a
changed figure.
"""

from __future__ import annotations

from ...problems import Code, Problem
from ..catalog import read_table
from ..changes import CHANGELOG, INVALID_CHANGELOG, diff, parse_version, read_changelog
from ..records import latest_snapshot, unrecorded
from .parsing import Broken, screen_yaml

VERSION_MISMATCH = Code(
    "version-mismatch",
    "Version differs from the changelog",
    'is "{version}" but the newest changelog entry is {newest}',
    'set "version" to "{newest}" (the changelog is the record of versions)',
    'datapackage.json의 "version"을 "{newest}"로 고칩니다 (버전의 기록은 changelog입니다)',
    dict(file="datapackage.json", field="version", version="1.0.0", newest="1.1.0"),
)
VERSION_WITHOUT_ENTRY = Code(
    "version-without-entry",
    "Version without a changelog entry",
    'is "{version}" but the newest changelog entry is {newest}',
    "add the entry for {version} at the top of {changelog}: kind release for new figures (revision for new "
    "information, correction for an error fixed), its date and reason_en, reason_ko",
    "{changelog} 맨 위에 {version} 항목을 추가합니다. 새 수치면 kind는 release(새 정보는 revision, 오류 정정은 "
    "correction)이고, date와 reason_en, reason_ko를 씁니다",
    dict(file="datapackage.json", field="version", version="1.2.0", newest="1.0.1", changelog="changelog.yml"),
)
VERSION_UNRECORDED = Code(
    "version-unrecorded",
    "Published version not recorded",
    "version {version} was published but its figures were not recorded: its download folder data/{name}/{version}/ "
    "would vanish from the site",
    "run python build_site.py release: it takes {version}'s figures from the last commit at that version and records "
    "them as releases/{version}.csv; commit that file (the publish workflow records every version it publishes)",
    "python build_site.py release를 실행하면 {version} 버전의 마지막 커밋에서 수치를 가져와 releases/{version}.csv로 "
    "기록합니다. 그 파일을 커밋합니다 (게시 워크플로는 게시하는 버전마다 이렇게 기록합니다)",
    dict(file="changelog.yml", row=9, field="version", version="1.0.1", name="special-crackdown-2024"),
)
SNAPSHOT_WITHOUT_ENTRY = Code(
    "snapshot-without-entry",
    "Release snapshot without an entry",
    "records version {version}, which the changelog lacks",
    "add the changelog entry for {version}, or delete the snapshot if it was never published",
    "{version} 항목을 changelog에 추가하거나, 공개된 적 없는 스냅숏이면 지웁니다",
    dict(file="releases/1.1.0.csv", version="1.1.0"),
)
UNRELEASED_FIGURE = Code(
    "unreleased-figure",
    "New figure without a release entry",
    "{change} is new since the last release",
    "add a release entry at the top of {changelog} (or name {figure} in its figures)",
    "{changelog} 맨 위에 release 항목을 추가합니다 (또는 그 figures에 {figure}를 적습니다)",
    dict(
        file="data/observations.csv",
        row=16,
        field="value",
        change="added   crackdown-2025 / arrested / total: 1449 [source knpa-2025-04-17]",
        changelog="changelog.yml",
        figure="crackdown-2025/arrested/total",
    ),
)
UNRECORDED_CHANGE = Code(
    "unrecorded-change",
    "Changed figure without an entry",
    "{change} since {released}, without a changelog entry",
    "add a revision (new information) or correction (an error fixed) entry to {changelog} with figures: "
    '["{figure}"], or restore the old value',
    '{changelog}에 figures: ["{figure}"]를 적은 revision(새 정보) 또는 correction(오류 정정) 항목을 추가하거나 '
    "원래 값으로 되돌립니다",
    dict(
        file="data/observations.csv",
        row=2,
        field="value",
        change="changed crackdown-2024-08-28 / arrested / total: "
        "963 [source knpa-2024-11-07] -> 970 [source knpa-2024-11-07]",
        released="1.0.0",
        changelog="changelog.yml",
        figure="crackdown-2024-08-28/arrested/total",
    ),
)


def check(dataset, config) -> list[Problem]:
    """Problems with the changelog, and every change since the last release that it does not record."""
    problems = _unsafe(dataset.folder / CHANGELOG)
    if problems:
        return problems
    entries, problems = read_changelog(dataset.folder)
    if problems:
        return problems
    where = str(dataset.folder / CHANGELOG)
    newest = entries[0].version
    if dataset.version != newest:
        ahead = (parse_version(dataset.version) or (0,)) > parse_version(newest)
        descriptor, facts = dataset.folder / "datapackage.json", dict(version=dataset.version, newest=newest)
        if ahead:
            problems.append(VERSION_WITHOUT_ENTRY.at(descriptor, None, "version", changelog=where, **facts))
        else:
            problems.append(VERSION_MISMATCH.at(descriptor, None, "version", changelog=where, **facts))
    problems += [
        VERSION_UNRECORDED.at(where, entry.line, "version", version=entry.version, name=dataset.name)
        for entry in unrecorded(dataset.folder, entries)
    ]
    released, snapshot = latest_snapshot(dataset.folder)
    pending = [e for e in entries if released is None or parse_version(e.version) > parse_version(released)]
    if released and released not in {e.version for e in entries}:
        problems.append(SNAPSHOT_WITHOUT_ENTRY.at(snapshot, version=released))
    obs_path = str(dataset.folder / "data" / "observations.csv")
    # A release entry without figures covers every new figure: then only removed and changed ones need a look.
    every_new = any(e.kind == "release" and not e.figures for e in pending)
    for change in diff(
        read_table(snapshot) if snapshot else None,
        dataset.observations,  # as loaded: on a package frictionless rejected, without the rows it rejected
        added=not every_new,
    ):
        if change.change == "added":
            # A release covers new figures; a correction or revision that names one itself covers it too (a figure
            # moved to its right group or measure is removed under its old name and added under the new one).
            if not any(e.covers_new(change.figure) for e in pending):
                problems.append(
                    UNRELEASED_FIGURE.at(
                        obs_path, change.row, "value", change=change, changelog=where, figure=change.figure
                    )
                )
        elif not any(e.kind in ("revision", "correction") and e.covers(change.figure) for e in pending):
            file = obs_path if change.change == "changed" else str(snapshot)
            problems.append(
                UNRECORDED_CHANGE.at(
                    file, change.row, "value", change=change, released=released, changelog=where, figure=change.figure
                )
            )
    return problems


def _unsafe(path) -> list[Problem]:
    """The one problem of a changelog that the YAML reader would crash on or blow up with (deep nesting, an alias
    bomb, a number or date Python cannot convert: sitegen.read.checks.parsing), before it reads it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # missing or not UTF-8: read_changelog says so
    try:
        screen_yaml(text)
    except Broken as broken:
        return [INVALID_CHANGELOG.at(path, broken.line, note=f"cannot be read: {broken.note}")]
    return []
