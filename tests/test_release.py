"""From a new period to a published page, changelog and feed entry; the changelog rules the build enforces."""

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT
from helpers import read_rows as rows, write_rows as write

from sitegen.commands.cli import main

PACKAGE = "special-crackdown-2024"
NEW = "crackdown-2024-11-01"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def new_period(datasets, *extra, package=PACKAGE):
    return main(["new-period", "--datasets", str(datasets), "--id", NEW, "--start", "2024-11-01", "--end", "2025-10-31",
                 "--name-ko", "사이버성폭력 집중단속 (2024.11.1.~2025.10.31.)",
                 "--name-en", "Cyber sexual violence crackdown (1 Nov 2024 – 31 Oct 2025)",
                 *(["--package", package] if package else []), *extra])


def test_a_new_period_goes_from_nothing_to_a_published_page_changelog_and_feed_entry(shipped, tmp_path, capsys):
    # The world before this crackdown's results were published: the package that now holds them is not there yet.
    shutil.rmtree(shipped / "cyber-sexual-violence-crackdown-2024-25")
    folder = shipped / PACKAGE
    assert new_period(shipped) == 0
    assert "Fill in:" in capsys.readouterr().out
    assert main(["check", "--datasets", str(shipped)]) == 1
    listed = capsys.readouterr().out
    assert f"{folder}/data/sources.csv:5:publisher: [constraint-error] is empty but required" in listed

    # Fill in the source and the figures it gives (FIGURES.md S4: deepfake suspects, 1 Nov 2024 - 31 Oct 2025).
    sources = rows(folder / "data" / "sources.csv")
    sources[-1].update(publisher="Today Korea (via Newspic)", url="https://m.newspic.kr/view.html?nid=2025111613053562094",
                       published="2025-11-16", language="ko", quote="딥페이크로 한정하면 전체 피의자 1449명 중…")
    write(folder / "data" / "sources.csv", sources)
    given = {"total": "1449", "age_10_19": "895", "age_20_29": "438"}
    observations = [o for o in rows(folder / "data" / "observations.csv")
                    if o["period_id"] != NEW or (o["measure"] == "arrested" and o["group"] in given)]
    for o in observations:
        if o["period_id"] == NEW:
            o["value"] = given[o["group"]]
    write(folder / "data" / "observations.csv", observations)
    assert main(["check", "--datasets", str(shipped)]) == 1
    assert "changelog.yml:4:date: [changelog-incomplete] is empty" in capsys.readouterr().out
    changelog = folder / "changelog.yml"
    changelog.write_text(changelog.read_text(encoding="utf-8").replace("  date:\n", "  date: 2026-11-30\n", 1)
                         .replace("  reason_en:\n", "  reason_en: Results of the cyber sexual violence crackdown.\n", 1)
                         .replace("  reason_ko:\n", "  reason_ko: 사이버성폭력 집중단속 결과.\n", 1), encoding="utf-8")
    assert main(["check", "--datasets", str(shipped)]) == 0

    out = tmp_path / "site"
    assert main(["build", "--quiet", "--datasets", str(shipped), "--out", str(out)]) == 0
    page = (out / "en" / "data" / PACKAGE / "index.html").read_text(encoding="utf-8")
    assert f'<h3 id="{NEW}">Cyber sexual violence crackdown (1 Nov 2024 – 31 Oct 2025)</h3>' in page
    assert f"{PACKAGE}--{NEW}--arrested--by-group" in page  # the new period's chart
    campaign = (out / "en" / "campaigns" / NEW / "index.html").read_text(encoding="utf-8")  # its own page
    assert "Cyber sexual violence crackdown (1 Nov 2024 – 31 Oct 2025)" in campaign and "1,449" in campaign
    assert (out / "campaigns" / NEW / "index.html").is_file()
    assert 'id="v1.1.0"' in page and "Results of the cyber sexual violence crackdown." in page
    home = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert '<span class="key-figure__value">1,449</span>' in home  # the latest crackdown's key figures
    assert '<span class="key-figure__value">61.8%</span>' in home  # 895 of 1,449 teenagers, computed
    feed = ET.parse(out / "en" / "feed.xml").getroot()
    newest = feed.find(f"{ATOM}entry")
    assert newest.find(f"{ATOM}id").text.endswith(f"{PACKAGE}/1.1.0/en")
    assert newest.find(f"{ATOM}updated").text == "2026-11-30T00:00:00+09:00"
    assert feed.find(f"{ATOM}updated").text == "2026-11-30T00:00:00+09:00"
    korean = ET.parse(out / "feed.xml").getroot().find(f"{ATOM}entry")
    assert korean.find(f"{ATOM}summary").text == "사이버성폭력 집중단속 결과."
    assert "Results of the cyber sexual violence crackdown." in (out / "en" / "whats-new" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("extra, message", [
    (["--package", PACKAGE, "--id", "crackdown-2024-08-28"], "already has this period"),
    (["--package", PACKAGE, "--end", "2024-10-01"], "--end 2024-10-01 is before --start 2024-11-01"),
    (["--package", PACKAGE, "--compare-to", "window-2023"], "--compare-to window-2023: no such period"),
    (["--package", PACKAGE, "--start", "2024-11-31"], '--start "2024-11-31": not a date'),
    (["--package", "crackdown-2099"], "--package crackdown-2099: no such package"),
    ([], "several packages hold crackdown periods - pass --package NAME (choices: crackdown-2022, "
         "cyber-sexual-violence-crackdown-2024-25, special-crackdown-2024)"),
])
def test_new_period_refuses_with_a_clear_message_and_changes_nothing(shipped, extra, message, capsys):
    before = {p: p.read_bytes() for p in shipped.rglob("*") if p.is_file()}
    assert new_period(shipped, *extra, package=None) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in shipped.rglob("*") if p.is_file()} == before


def test_new_period_names_the_packages_when_none_holds_the_kind(tmp_path, capsys):
    from helpers import read_rows as rows, write_rows as write, write_package

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
    # release's quoted 93.1% share, which is a different rule (tests/test_fidelity.py).
    observations = released(shipped, capsys)
    observations.write_text(observations.read_text(encoding="utf-8").replace(",detained,total,59,", ",detained,total,60,"),
                            encoding="utf-8")
    assert main(["build", "--datasets", str(shipped), "--out", str(tmp_path / "site")]) == 1
    out = capsys.readouterr()
    assert (f"{observations}:10:value: [unrecorded-change] changed crackdown-2024-08-28 / detained / total: "
            "59 [source vop-2025-04-17] -> 60 [source vop-2025-04-17] since 1.0.2, without a changelog entry") in out.out
    assert "Nothing was published" in out.err and not (tmp_path / "site").exists()

    assert main(["diff", "--datasets", str(shipped)]) == 0
    assert "changed crackdown-2024-08-28 / detained / total: 59" in capsys.readouterr().out

    changelog = shipped / PACKAGE / "changelog.yml"
    entry = ('- version: 1.0.3\n  date: 2026-12-08\n  kind: correction\n  reason_en: Typing error.\n  reason_ko: 입력 오류.\n'
             '  figures: ["crackdown-2024-08-28/detained/total"]\n')
    changelog.write_text(entry + changelog.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check", "--datasets", str(shipped)]) == 1
    assert '[version-mismatch] is "1.0.2" but the newest changelog entry is 1.0.3' in capsys.readouterr().out
    descriptor = shipped / PACKAGE / "datapackage.json"
    descriptor.write_text(descriptor.read_text(encoding="utf-8").replace('"version": "1.0.2"', '"version": "1.0.3"'),
                          encoding="utf-8")
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
    assert f"{changelog}:1:version: [version-bump] 1.2.0 does not follow 1.0.2 for a release - use 1.1.0" in capsys.readouterr().out


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
    assert "changed crackdown-2024-08-28 / detained / total: 59 [source vop-2025-04-17] -> 60 [source vop-2025-04-17]" in out
