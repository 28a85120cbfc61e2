"""The maintainer's guide, replayed: its worked example (a crackdown and its comparison window from one
announcement) on a copy of the shipped data. One `new-period` call as the guide writes it, the figures filled in,
`check` clean in one round, `diff` showing exactly the new figures, `build`, `release`; and every version published
before still has its download folder, byte for byte."""

import copy
import json
import re
import shlex

import pytest
from helpers import CRACKDOWN_2025, CRACKDOWN_2025_FIGURES, WINDOW_2025, fill_in_release

from sitegen.commands.cli import main
from sitegen.config import ROOT
from sitegen.read.catalog import find_packages

PACKAGE = "special-crackdown-2024"
CRACKDOWN, WINDOW = "crackdown-2030-03-01", "window-2030-01-01"
# An invented announcement in the guide's periods (tests only; never published): the figures of the rehearsal's
# 2025 release (tests/helpers.py), persons apprehended by age, detained, deletion requests, and the persons
# apprehended in the window before (it gives no detained figure).
RELEASE = {
    ({CRACKDOWN_2025: CRACKDOWN, WINDOW_2025: WINDOW}[period], measure, group): value
    for (period, measure, group), value in CRACKDOWN_2025_FIGURES.items()
}


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def guide_command(lang: str) -> list[str]:
    """The arguments of the guide's worked-example command, after `python build_site.py`."""
    guide = (ROOT / "site_src" / "templates" / "guide" / f"{lang}.md.j2").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(python build_site\.py new-period .*?)```", guide, re.S).group(1)
    words = shlex.split(block.replace("\\\n", " "))
    assert words[:2] == ["python", "build_site.py"]
    return words[2:]


def version_folders(site) -> dict[str, bytes]:
    """Every file of every numbered version folder of every package's downloads, by path: data/<name>/<v>/..."""
    return {
        str(p.relative_to(site)): p.read_bytes()
        for p in sorted((site / "data").glob("*/[0-9]*.[0-9]*.[0-9]*/*"))
        if p.is_file()
    }


def all_figures_folders(site) -> dict[str, bytes]:
    """Every file of every numbered version folder of all the figures in one file: data/all-figures/<v>/..."""
    return {
        str(p.relative_to(site)): p.read_bytes()
        for p in sorted((site / "data" / "all-figures").glob("[0-9]*/*"))
        if p.is_file() and p.suffix != ".gz"
    }


def test_both_languages_give_the_same_command():
    assert guide_command("ko") == guide_command("en")
    assert "--window-start" in guide_command("en") and guide_command("en").count("new-period") == 1


def test_the_worked_example_publishes_in_one_round_and_keeps_every_published_version(shipped, tmp_path, capsys):
    before = tmp_path / "before"
    assert main(["build", "--quiet", "--datasets", str(shipped), "--out", str(before)]) == 0
    published = version_folders(before)
    every = all_figures_folders(before)  # all the figures in one file, versioned too
    versions = {tuple(path.split("/")[1:3]) for path in published}
    assert ("special-crackdown-2024", "1.0.1") in versions and ("kcsc-correction-requests", "1.1.0") in versions
    assert len(versions) == sum(len(list((f / "releases").glob("*.csv"))) for f in find_packages(shipped))

    # 1. One call, as the guide writes it.
    capsys.readouterr()
    assert main([*guide_command("en"), "--datasets", str(shipped)]) == 0
    said = capsys.readouterr().out
    assert f"Added period {CRACKDOWN} and its comparison window {WINDOW} to {shipped / PACKAGE}" in said
    assert "(chosen with --package), version 1.1.0" in said
    assert "title, title_ko, description, description_ko name a period" in said
    assert "so the page of crackdown-2030-03-01 has no chart yet - copy each with a new name" in said

    # 2. Fill in the figures, the source, the changelog entry and the package texts.
    folder = shipped / PACKAGE
    fill_in_release(
        folder,
        RELEASE,
        date="2030-07-02",
        reason_en="Results of the crackdown of 1 March to 30 June 2030.",
        reason_ko="2030년 3월 1일~6월 30일 집중단속 결과.",
        publisher_ko="예시일보",
        url="https://example.org/news/2030/07/01/crackdown",
        published="2030-07-01",
        quote="경찰청은 3월 1일부터 6월 30일까지 집중단속을 벌여 1104명을 검거했다고 밝혔다.",
    )
    descriptor = folder / "datapackage.json"
    package = json.loads(
        descriptor.read_text(encoding="utf-8")
        .replace("Special deepfake crackdown, 28 Aug 2024 – 31 Mar 2025", "Deepfake sex crime crackdowns")
        .replace("딥페이크 성범죄 특별 집중단속 (2024.8.28.~2025.3.31.)", "딥페이크 성범죄 집중단속")
    )
    example = next(v for v in package["views"] if v["name"] == "crackdown-2024-arrests-vs-before")
    package["views"].append(  # the new crackdown's own chart, after the example new-period named
        dict(
            copy.deepcopy(example),
            name="crackdown-2030-arrests-vs-before",
            title="Persons apprehended: the 2030 crackdown and the months before it",
            spec=dict(
                example["spec"],
                periods=[WINDOW, CRACKDOWN],
                highlight=[CRACKDOWN],
                subtitle={
                    "ko": "2030년 3월 1일~6월 30일 집중단속과 2030년 1월 1일~2월 28일 비교 기간.",
                    "en": "The crackdown of 1 Mar – 30 Jun 2030 and the window of 1 Jan – 28 Feb 2030.",
                },
            ),
        )
    )
    descriptor.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    # 3. check: clean in one round.
    assert main(["check", "--datasets", str(shipped)]) == 0, capsys.readouterr().out
    # 4. diff: exactly the new figures.
    capsys.readouterr()
    assert main(["diff", "--datasets", str(shipped)]) == 0
    listed = [line.strip() for line in capsys.readouterr().out.splitlines() if line.startswith("  ")]
    assert sorted(listed) == sorted(
        f"added   {period} / {measure} / {group}: {value} [source source-{CRACKDOWN}]"
        for (period, measure, group), value in RELEASE.items()
    )

    # 5. build, 6. release.
    after = tmp_path / "after"
    assert main(["build", "--quiet", "--datasets", str(shipped), "--out", str(after)]) == 0
    campaign = (after / "en" / "campaigns" / CRACKDOWN / "index.html").read_text(encoding="utf-8")
    assert 'id="crackdown-2030-arrests-vs-before"' in campaign  # its own chart, and no other
    assert "crackdown-2024-" not in campaign.split('<h2 id="sources"')[0].split("</h1>", 1)[1]
    assert main(["release", "--datasets", str(shipped)]) == 0
    assert (folder / "releases" / "1.1.0.csv").is_file()
    capsys.readouterr()
    assert main(["diff", "--datasets", str(shipped)]) == 0
    assert f"{PACKAGE}: 0 changes since 1.1.0" in capsys.readouterr().out

    # Every version published before still answers, with its files unchanged; the new one is there too.
    assert {path: data for path, data in version_folders(after).items() if path in published} == published
    assert set(published) <= set(version_folders(after))
    assert any(path.startswith(f"data/{PACKAGE}/1.1.0/") for path in version_folders(after))
    assert every and {path: data for path, data in all_figures_folders(after).items() if path in every} == every
    assert len({path.split("/")[2] for path in all_figures_folders(after)}) == 2  # the new version beside it
