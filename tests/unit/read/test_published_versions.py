"""Every published version keeps its record (releases/<version>.csv), so its download folder never vanishes; a
changelog entry covers only the figures that existed when it was written."""

import json
import shutil
import subprocess

import pytest
from helpers import NEW_PERIOD_PACKAGE as PACKAGE

from sitegen.commands.cli import main
from sitegen.config import ROOT
from sitegen.read import changes, records
from sitegen.read.catalog import find_packages

pytestmark = pytest.mark.unit

NEW_ROW = "crackdown-2024-08-28,detained,age_10_19,1,exact,,published,vop-2025-04-17,vop-2025-04-17,,,\n"


def test_every_shipped_version_is_recorded_and_the_data_are_the_last_record(capsys):
    for folder in find_packages(ROOT / "datasets"):
        entries, problems = changes.read_changelog(folder)
        assert problems == [] and records.unrecorded(folder, entries) == [], folder.name
        version, snapshot = records.latest_snapshot(folder)
        assert version == entries[0].version, folder.name  # the version the site publishes now is recorded too
        assert snapshot.read_bytes() == (folder / "data" / "observations.csv").read_bytes(), folder.name
    assert main(["diff", "--datasets", str(ROOT / "datasets")]) == 0
    out = capsys.readouterr().out
    assert out.count(" 0 changes since ") == len(find_packages(ROOT / "datasets")) and "changelog entry" not in out


def test_a_published_version_without_its_record_is_refused(shipped, capsys):
    (shipped / PACKAGE / "releases" / "1.0.1.csv").unlink()
    assert main(["check", "--datasets", str(shipped)]) == 1
    changelog = shipped / PACKAGE / "changelog.yml"
    line = next(n for n, text in enumerate(changelog.read_text().splitlines(), 1) if text == "- version: 1.0.1")
    assert (
        f"{changelog}:{line}:version: [version-unrecorded] version 1.0.1 was published but its figures were not "
        f"recorded: its download folder data/{PACKAGE}/1.0.1/ would vanish from the site - run python build_site.py "
        "release"
    ) in capsys.readouterr().out


def test_entries_of_one_day_were_published_together_as_the_newer(shipped, capsys):
    changelog = shipped / PACKAGE / "changelog.yml"
    text = changelog.read_text(encoding="utf-8")
    changelog.write_text(text.replace("date: 2026-11-29", "date: 2026-12-07"), encoding="utf-8")
    (shipped / PACKAGE / "releases" / "1.0.1.csv").unlink()  # 1.0.1 never had an address of its own
    assert main(["check", "--datasets", str(shipped)]) == 0, capsys.readouterr().out


def test_release_recovers_a_version_published_without_a_record_from_git(tmp_path, capsys):
    repo = tmp_path / "repo"
    package = repo / "datasets" / PACKAGE
    shutil.copytree(ROOT / "datasets" / PACKAGE, package)
    published_1_0_1 = (package / "releases" / "1.0.1.csv").read_bytes()
    current = {name: (package / name).read_bytes() for name in ("changelog.yml", "datapackage.json")}
    current["data/observations.csv"] = (package / "data" / "observations.csv").read_bytes()
    for version in ("1.0.1", "1.0.2"):
        (package / "releases" / f"{version}.csv").unlink()
    # The repository at 1.0.1: its changelog ends there and its figures are those 1.0.1 published.
    entries = current["changelog.yml"].decode()
    (package / "changelog.yml").write_text(
        entries[: entries.index("- version: 1.0.2")] + entries[entries.index("- version: 1.0.1") :]
    )
    descriptor = json.loads(current["datapackage.json"])
    (package / "datapackage.json").write_text(json.dumps({**descriptor, "version": "1.0.1"}, ensure_ascii=False))
    (package / "data" / "observations.csv").write_bytes(published_1_0_1)
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "1.0.1"], check=True)
    at_1_0_1 = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    for name, data in current.items():  # then 1.0.2 is made, and nobody ran release
        (package / name).write_bytes(data)
    subprocess.run([*git, "commit", "-qam", "1.0.2"], check=True)

    assert main(["check", "--datasets", str(repo / "datasets")]) == 1
    assert "[version-unrecorded] version 1.0.1 was published" in capsys.readouterr().out
    assert main(["release", "--datasets", str(repo / "datasets")]) == 0
    out = capsys.readouterr().out
    assert f"{PACKAGE} 1.0.1: recorded {package / 'releases' / '1.0.1.csv'} (from commit {at_1_0_1[:7]}" in out
    assert (package / "releases" / "1.0.1.csv").read_bytes() == published_1_0_1
    assert (package / "releases" / "1.0.2.csv").read_bytes() == current["data/observations.csv"]
    assert main(["check", "--datasets", str(repo / "datasets")]) == 0


def test_a_version_git_never_held_is_one_clear_line(shipped, capsys):
    (shipped / PACKAGE / "releases" / "1.0.1.csv").unlink()  # shipped/ is in no repository
    assert main(["release", "--datasets", str(shipped)]) == 2
    err = capsys.readouterr().err
    assert "version 1.0.1 has no record" in err and "releases/1.0.1.csv" in err and "Traceback" not in err


def test_a_new_figure_without_a_release_entry_is_refused_though_a_correction_names_every_figure(shipped, capsys):
    # The newest entry of every shipped package is a correction with figures ["*/*/*"]: it speaks of the figures
    # that existed then, not of one typed in later.
    observations = shipped / PACKAGE / "data" / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8") + NEW_ROW, encoding="utf-8")
    rows = len(observations.read_text(encoding="utf-8").splitlines())
    assert main(["check", "--datasets", str(shipped)]) == 1
    out = capsys.readouterr().out
    assert (
        f"{observations}:{rows}:value: [unreleased-figure] added   crackdown-2024-08-28 / detained / age_10_19: 1 "
        "[source vop-2025-04-17] is new since the last release"
    ) in out

    changelog = shipped / PACKAGE / "changelog.yml"
    entry = (
        "- version: 1.0.3\n  date: 2026-12-08\n  kind: correction\n  reason_en: Typing error.\n  reason_ko: 입력 오류.\n"
        '  figures: ["*/*/*"]\n'
    )
    changelog.write_text(entry + changelog.read_text(encoding="utf-8"), encoding="utf-8")
    _set_version(shipped, "1.0.3")
    assert main(["check", "--datasets", str(shipped)]) == 1
    assert "[unreleased-figure] added   crackdown-2024-08-28 / detained / age_10_19: 1" in capsys.readouterr().out


def test_a_version_ahead_of_the_changelog_says_to_add_a_release_entry(shipped, capsys):
    observations = shipped / PACKAGE / "data" / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8") + NEW_ROW, encoding="utf-8")
    _set_version(shipped, "1.1.0")
    assert main(["check", "--datasets", str(shipped)]) == 1
    out = capsys.readouterr().out
    assert (
        f'{shipped / PACKAGE / "datapackage.json"}:version: [version-without-entry] is "1.1.0" but the newest '
        f"changelog entry is 1.0.2 - add the entry for 1.1.0 at the top of {shipped / PACKAGE / 'changelog.yml'}: "
        "kind release for new figures"
    ) in out
    assert 'set "version" to' not in out


def _set_version(datasets, version):
    descriptor = datasets / PACKAGE / "datapackage.json"
    text = descriptor.read_text(encoding="utf-8")
    descriptor.write_text(text.replace('"version": "1.0.2"', f'"version": "{version}"'), encoding="utf-8")
