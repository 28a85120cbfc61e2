"""The fact-check corrections of 2026-11-29 as rules: who released a figure and who reported it, notes beside
figures and periods, differently defined reports, and the changelog entries that record them."""

import yaml
from helpers import read_rows as rows
from helpers import write_rows as write

from sitegen.commands.cli import main
from sitegen.config import ROOT
from sitegen.read.catalog import find_packages
from sitegen.read.changes import read_changelog
from sitegen.read.validation import check_datasets

DATE = "2026-11-29"


def test_figures_carry_the_group_figures_md_gives(config):
    _, found = check_datasets(ROOT / "datasets", config)
    victims = next(d for d in found if d.name == "victim-support").observations
    groups = dict(zip(victims["value"].astype(float), victims["group"]))
    assert groups[5908] == groups[18523] == groups[793] == groups[1807] == "deepfake"  # S7: one sentence
    assert groups[423] == groups[1384] == "synthesis_editing"  # harm cases of deepfakes and similar
    crackdown = next(d for d in found if d.name == "crackdown-2022").observations
    assert "cases_solved" not in set(crackdown["measure"])  # FIGURES.md does not call the 48 cases solved
    for d in found:
        assert "All ages" not in set(d.groups["name_en"]), d.name  # totals also hold cases and items
    periods = next(d for d in found if d.name == "victim-support").periods.set_index("id")
    assert periods.loc["year-2018", "start"] == ""  # the centre opened in April 2018, day unknown: accepted empty


def test_the_cyber_description_does_not_call_all_cyber_figures_deepfake():
    for name in ("README.md", "datasets/cyber-sexual-violence-crackdown-2024-25/datapackage.json"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "deepfake part:" not in text and "and its deepfake part" not in text
    descriptor = yaml.safe_load(
        (ROOT / "datasets/cyber-sexual-violence-crackdown-2024-25/datapackage.json").read_text()
    )
    assert "all for cyber sexual violence as a whole" in descriptor["description"]


def test_every_touched_package_records_the_corrections_in_both_languages():
    for folder in find_packages(ROOT / "datasets"):
        entries, problems = read_changelog(folder)
        assert problems == []
        new = [e for e in entries if e.date == DATE]
        assert new and all(
            e.kind in ("correction", "revision") and e.figures and e.reason["en"] and e.reason["ko"] for e in new
        ), folder.name
    kcsc = [e for e in read_changelog(ROOT / "datasets" / "kcsc-correction-requests")[0] if e.date == DATE]
    assert (kcsc[0].kind, kcsc[0].figures) == ("revision", ("jan-sep-2024/items_reviewed/total",))


def test_a_source_with_a_releasing_body_in_one_language_only_is_refused(shipped, config):
    path = shipped / "special-crackdown-2024" / "data" / "sources.csv"
    table = rows(path)
    table[-1]["released_by_ko"] = ""
    write(path, table)
    problems, _ = check_datasets(shipped, config)
    assert [(p.code, p.row, p.field) for p in problems] == [("one-language-only", len(table) + 1, "released_by_ko")]


def test_a_flag_set_without_a_changelog_entry_is_refused(shipped, capsys):
    assert main(["release", "--datasets", str(shipped)]) == 0
    path = shipped / "special-crackdown-2024" / "data" / "observations.csv"
    table = rows(path)
    next(o for o in table if o["measure"] == "detained" and o["period_id"] == "crackdown-2024-08-28")["flag"] = (
        "lower_confidence"
    )
    write(path, table)
    capsys.readouterr()
    assert main(["check", "--datasets", str(shipped)]) == 1
    assert (
        "[unrecorded-change] changed crackdown-2024-08-28 / detained / total: 59 [source vop-2025-04-17] -> "
        "59 (lower_confidence) [source vop-2025-04-17]"
    ) in capsys.readouterr().out


def test_a_correction_naming_a_moved_figure_covers_its_new_name(shipped, capsys):
    assert main(["release", "--datasets", str(shipped)]) == 0
    folder = shipped / "cases-by-year"  # a figure no chart draws: moving one a chart draws breaks the chart
    path = folder / "data" / "observations.csv"
    table = rows(path)
    next(o for o in table if o["measure"] == "detained" and o["period_id"] == "year-2024")["group"] = "age_10_19"
    write(path, table)
    capsys.readouterr()
    assert main(["check", "--datasets", str(shipped)]) == 1
    assert "[unreleased-figure] added   year-2024 / detained / age_10_19" in capsys.readouterr().out
    changelog = folder / "changelog.yml"
    changelog.write_text(
        "- version: 1.0.3\n  date: 2026-12-08\n  kind: correction\n  reason_en: Moved.\n  reason_ko: 옮김.\n"
        '  figures: ["year-2024/detained/total", "year-2024/detained/age_10_19"]\n'
        + changelog.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    descriptor = folder / "datapackage.json"
    descriptor.write_text(
        descriptor.read_text(encoding="utf-8").replace('"version": "1.0.2"', '"version": "1.0.3"'), encoding="utf-8"
    )
    assert main(["check", "--datasets", str(shipped)]) == 0, capsys.readouterr().out


def test_only_another_report_can_be_defined_differently(shipped, config):
    path = shipped / "telegram-cooperation" / "data" / "observations.csv"
    table = rows(path)
    number = next(i for i, o in enumerate(table) if o["role"] == "published" and o["measure"] == "information_provided")
    table[number]["flag"] = "different_definition"
    write(path, table)
    problems, _ = check_datasets(shipped, config)
    assert ("published-defined-differently", number + 2, "flag") in [(p.code, p.row, p.field) for p in problems]
