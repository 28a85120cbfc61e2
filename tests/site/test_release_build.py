"""From a new period to a published page, changelog and feed entry; the changelog rules the build enforces."""

import json
import shutil
import xml.etree.ElementTree as ET

import pytest
from helpers import NEW_PERIOD as NEW
from helpers import NEW_PERIOD_PACKAGE as PACKAGE
from helpers import new_period
from helpers import read_rows as rows
from helpers import write_rows as write

from sitegen.commands.cli import main
from sitegen.config import ROOT

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_a_new_period_goes_from_nothing_to_a_published_page_changelog_and_feed_entry(shipped, tmp_path, capsys):
    # The world before this crackdown's results were published: the package that now holds them is not there yet.
    gone = shipped / "cyber-sexual-violence-crackdown-2024-25"
    views = {view["name"] for view in json.loads((gone / "datapackage.json").read_text(encoding="utf-8"))["views"]}
    shutil.rmtree(gone)
    record = shipped / "published-charts.txt"  # nor were its charts published
    record.write_text(
        "".join(line for line in record.read_text(encoding="utf-8").splitlines(True) if line.strip() not in views),
        encoding="utf-8",
    )
    folder = shipped / PACKAGE
    assert new_period(shipped) == 0
    assert "Fill in:" in capsys.readouterr().out
    assert main(["check", "--datasets", str(shipped)]) == 1
    listed = capsys.readouterr().out
    assert f"{folder}/data/sources.csv:5:publisher: [constraint-error] is empty but required" in listed

    # Fill in the source and the figures it gives (FIGURES.md S4: deepfake suspects, 1 Nov 2024 - 31 Oct 2025).
    sources = rows(folder / "data" / "sources.csv")
    sources[-1].update(
        publisher="Today Korea (via Newspic)",
        url="https://m.newspic.kr/view.html?nid=2025111613053562094",
        published="2025-11-16",
        language="ko",
        quote="딥페이크로 한정하면 전체 피의자 1449명 중…",
    )
    write(folder / "data" / "sources.csv", sources)
    given = {"total": "1449", "age_10_19": "895", "age_20_29": "438"}
    observations = [
        o
        for o in rows(folder / "data" / "observations.csv")
        if o["period_id"] != NEW or (o["measure"] == "arrested" and o["group"] in given)
    ]
    for o in observations:
        if o["period_id"] == NEW:
            o["value"] = given[o["group"]]
    write(folder / "data" / "observations.csv", observations)
    assert main(["check", "--datasets", str(shipped)]) == 1
    assert "changelog.yml:4:date: [changelog-incomplete] is empty" in capsys.readouterr().out
    changelog = folder / "changelog.yml"
    changelog.write_text(
        changelog.read_text(encoding="utf-8")
        .replace("  date:\n", "  date: 2026-12-08\n", 1)
        .replace("  reason_en:\n", "  reason_en: Results of the cyber sexual violence crackdown.\n", 1)
        .replace("  reason_ko:\n", "  reason_ko: 사이버성폭력 집중단속 결과.\n", 1),
        encoding="utf-8",
    )
    assert main(["check", "--datasets", str(shipped)]) == 0

    out = tmp_path / "site"
    assert main(["build", "--quiet", "--datasets", str(shipped), "--out", str(out)]) == 0
    page = (out / "en" / "data" / PACKAGE / "index.html").read_text(encoding="utf-8")
    assert f'<h3 id="{NEW}">Cyber sexual violence crackdown (1 Nov 2024 – 31 Oct 2025)</h3>' in page
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
    assert newest.find(f"{ATOM}updated").text == "2026-12-08T00:00:00+09:00"
    assert feed.find(f"{ATOM}updated").text == "2026-12-08T00:00:00+09:00"
    korean = ET.parse(out / "feed.xml").getroot().find(f"{ATOM}entry")
    assert korean.find(f"{ATOM}summary").text == "사이버성폭력 집중단속 결과."
    assert "Results of the cyber sexual violence crackdown." in (out / "en" / "whats-new" / "index.html").read_text(
        encoding="utf-8"
    )
