"""From a new period to a published page, changelog and feed entry; the changelog rules the build enforces."""

import subprocess

import pytest
from helpers import NEW_PERIOD_PACKAGE as PACKAGE
from helpers import new_period

from sitegen.commands.cli import main
from sitegen.config import ROOT


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--package", PACKAGE, "--id", "crackdown-2024-08-28"], "already has this period"),
        (["--package", PACKAGE, "--end", "2024-10-01"], "--end 2024-10-01 is before --start 2024-11-01"),
        (["--package", PACKAGE, "--compare-to", "window-2023"], "--compare-to window-2023: no such period"),
        (["--package", PACKAGE, "--start", "2024-11-31"], '--start "2024-11-31": not a date'),
        (["--package", "crackdown-2099"], "--package crackdown-2099: no such package"),
        (
            [],
            "several packages hold crackdown periods - pass --package NAME (choices: crackdown-2022, "
            "cyber-sexual-violence-crackdown-2024-25, special-crackdown-2024)",
        ),
    ],
)
def test_new_period_refuses_with_a_clear_message_and_changes_nothing(shipped, extra, message, capsys):
    before = {p: p.read_bytes() for p in shipped.rglob("*") if p.is_file()}
    assert new_period(shipped, *extra, package=None) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in shipped.rglob("*") if p.is_file()} == before


def test_new_period_names_the_packages_when_none_holds_the_kind(tmp_path, capsys):
    from helpers import write_package

    write_package(tmp_path / "datasets" / "tiny")  # holds a crackdown and a comparison window only
    assert new_period(tmp_path / "datasets", "--kind", "snapshot", package=None) == 2
    assert "no package holds snapshot periods - pass --package NAME (choices: tiny)" in capsys.readouterr().err


def released(shipped, capsys):
    assert main(["release", "--datasets", str(shipped)]) == 0
    assert (shipped / PACKAGE / "releases" / "1.0.2.csv").is_file()
    capsys.readouterr()
    return shipped / PACKAGE / "data" / "observations.csv"


def test_a_changed_figure_without_a_changelog_entry_is_refused(shipped, tmp_path, capsys):
    # A figure no quoted derived figure depends on: changing the apprehended total would also (rightly) break the
    # release's quoted 93.1% share, which is a different rule (tests/unit/read/test_fidelity.py).
    observations = released(shipped, capsys)
    observations.write_text(
        observations.read_text(encoding="utf-8").replace(",detained,total,59,", ",detained,total,60,"), encoding="utf-8"
    )
    assert main(["build", "--datasets", str(shipped), "--out", str(tmp_path / "site")]) == 1
    out = capsys.readouterr()
    assert (
        f"{observations}:10:value: [unrecorded-change] changed crackdown-2024-08-28 / detained / total: "
        "59 [source vop-2025-04-17] -> 60 [source vop-2025-04-17] since 1.0.2, without a changelog entry"
    ) in out.out
    assert "Nothing was published" in out.err and not (tmp_path / "site").exists()

    assert main(["diff", "--datasets", str(shipped)]) == 0
    assert "changed crackdown-2024-08-28 / detained / total: 59" in capsys.readouterr().out

    changelog = shipped / PACKAGE / "changelog.yml"
    entry = (
        "- version: 1.0.3\n  date: 2026-12-08\n  kind: correction\n  reason_en: Typing error.\n  reason_ko: 입력 오류.\n"
        '  figures: ["crackdown-2024-08-28/detained/total"]\n'
    )
    changelog.write_text(entry + changelog.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check", "--datasets", str(shipped)]) == 1
    assert '[version-mismatch] is "1.0.2" but the newest changelog entry is 1.0.3' in capsys.readouterr().out
    descriptor = shipped / PACKAGE / "datapackage.json"
    descriptor.write_text(
        descriptor.read_text(encoding="utf-8").replace('"version": "1.0.2"', '"version": "1.0.3"'), encoding="utf-8"
    )
    assert main(["check", "--datasets", str(shipped)]) == 0


def test_removed_and_new_figures_need_their_entries(shipped, capsys):
    observations = released(shipped, capsys)
    lines = observations.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [line for line in lines if not line.startswith("window-2024-01-01,detained")]
    lines.append("crackdown-2024-08-28,detained,age_10_19,1,exact,,published,vop-2025-04-17,vop-2025-04-17,,,\n")
    observations.write_text("".join(lines), encoding="utf-8")
    assert main(["check", "--datasets", str(shipped)]) == 1
    listed = capsys.readouterr().out
    assert "[unreleased-figure] added   crackdown-2024-08-28 / detained / age_10_19: 1" in listed
    assert "[unrecorded-change] removed window-2024-01-01 / detained / total: was 8" in listed


def test_changelog_versions_must_follow_the_kind_of_change(shipped, capsys):
    changelog = shipped / PACKAGE / "changelog.yml"
    entry = "- version: 1.2.0\n  date: 2026-11-30\n  kind: release\n  reason_en: x\n  reason_ko: x\n"
    changelog.write_text(entry + changelog.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check", "--datasets", str(shipped)]) == 1
    assert (
        f"{changelog}:1:version: [version-bump] 1.2.0 does not follow 1.0.2 for a release - use 1.1.0"
        in capsys.readouterr().out
    )


def test_diff_against_a_git_ref(shipped, capsys):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(shipped)], check=True)
    subprocess.run([*git, "-C", str(shipped), "add", "."], check=True)
    subprocess.run([*git, "-C", str(shipped), "commit", "-qm", "data"], check=True)
    observations = shipped / PACKAGE / "data" / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8").replace(",59,", ",60,"), encoding="utf-8")
    assert main(["diff", "--datasets", str(shipped), "--against", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert f"{PACKAGE}: 1 change since HEAD" in out
    assert (
        "changed crackdown-2024-08-28 / detained / total: 59 [source vop-2025-04-17] -> 60 [source vop-2025-04-17]"
        in out
    )
