"""One announcement is one step: `new-period` adds a crackdown and the window it is compared with in one call (one
source stub, one draft release entry, one version), says which package it chose and why, and names the package
texts that still describe only the periods it held before."""

import csv
import json

import pytest
from helpers import CRACKDOWN_2025_ARGS, WINDOW_2025_ARGS

from sitegen.commands.cli import main
from sitegen.read.changes import read_changelog

PACKAGE = "special-crackdown-2024"
CRACKDOWN, WINDOW = CRACKDOWN_2025_ARGS, WINDOW_2025_ARGS


def _rows(folder, resource: str) -> list[dict]:
    with (folder / "data" / f"{resource}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _files(datasets) -> dict:
    return {p: p.read_bytes() for p in datasets.rglob("*") if p.is_file()}


def test_a_crackdown_and_its_window_are_one_call_one_source_one_entry_one_version(shipped, capsys):
    folder = shipped / PACKAGE
    before = {resource: _rows(folder, resource) for resource in ("periods", "sources", "observations")}
    assert main(["new-period", "--datasets", str(shipped), "--package", PACKAGE, *CRACKDOWN, *WINDOW]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        f"Added period crackdown-2025-04-01 and its comparison window window-2025-01-01 to {folder} "
        "(chosen with --package), version 1.1.0. Fill in:\n"
    )

    periods = _rows(folder, "periods")[len(before["periods"]) :]
    assert [(p["id"], p["kind"], p["comparable_to"], p["start"], p["end"]) for p in periods] == [
        ("crackdown-2025-04-01", "crackdown", "window-2025-01-01", "2025-04-01", "2025-10-31"),
        ("window-2025-01-01", "comparison", "", "2025-01-01", "2025-03-31"),
    ]
    sources = _rows(folder, "sources")[len(before["sources"]) :]
    assert [s["id"] for s in sources] == ["source-crackdown-2025-04-01"]  # one release, one source
    assert {p["source_id"] for p in periods} == {"source-crackdown-2025-04-01"}

    new = _rows(folder, "observations")[len(before["observations"]) :]
    last = {  # the cells the latest crackdown and the latest window published, once each, in their order
        period: list(
            dict.fromkeys(
                (o["measure"], o["group"])
                for o in before["observations"]
                if o["period_id"] == period and o["role"] == "published"
            )
        )
        for period in ("crackdown-2024-08-28", "window-2024-01-01")
    }
    for period, like in (("crackdown-2025-04-01", "crackdown-2024-08-28"), ("window-2025-01-01", "window-2024-01-01")):
        assert [(o["measure"], o["group"]) for o in new if o["period_id"] == period] == last[like]
    assert all(o["value"] == "" and o["source_id"] == "source-crackdown-2025-04-01" for o in new)

    _, problems = read_changelog(folder)
    assert problems  # the draft's date and reasons are left for the maintainer
    assert "1.1.0" in (folder / "changelog.yml").read_text(encoding="utf-8").split("- version: 1.0.2")[0]
    assert 'figures: ["crackdown-2025-04-01/*/*", "window-2025-01-01/*/*"]' in (folder / "changelog.yml").read_text(
        encoding="utf-8"
    )
    assert (folder / "changelog.yml").read_text(encoding="utf-8").count("- version: 1.1.0") == 1
    assert json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["version"] == "1.1.0"


def test_it_names_the_package_texts_that_name_a_period(shipped, capsys):
    assert main(["new-period", "--datasets", str(shipped), "--package", PACKAGE, *CRACKDOWN, *WINDOW]) == 0
    out = capsys.readouterr().out
    also = out.split("Also look at:\n", 1)[1].splitlines()[0]
    assert also == (
        f"  {shipped / PACKAGE / 'datapackage.json'}: title, title_ko, description, description_ko name a period "
        '("Special deepfake crackdown, 28 Aug 2024 – 31 Mar 2025") - reword them to cover the new period too, in '
        "both languages (What's new, the feed and the campaign page show them; the package's name and addresses "
        "do not change)"
    )
    assert out.split("Also look at:\n", 1)[1].splitlines()[1] == (
        f"  {shipped / PACKAGE / 'datapackage.json'}: the views crackdown-2024-arrests-vs-before, "
        "crackdown-2024-arrests-by-age, crackdown-2024-detained-vs-before draw crackdown-2024-08-28 and "
        "window-2024-01-01 only, so the page of crackdown-2025-04-01 has no chart yet - copy each with a new name "
        "and the periods crackdown-2025-04-01 and window-2025-01-01, and write its title and subtitle for the new "
        "period (the guide's Charts)"
    )


def test_with_one_package_holding_the_kind_it_says_that_is_why(shipped, capsys):
    args = ["--id", "asof-2025-01-31", "--start", "2024-01-01", "--end", "2025-01-31", "--kind", "rolling_year"]
    names = ["--name-ko", "2025년 1월", "--name-en", "January 2025"]
    assert main(["new-period", "--datasets", str(shipped), *args, *names]) == 0
    assert "to " + str(shipped / "victim-support") + " (the only package holding rolling_year periods)" in (
        capsys.readouterr().out
    )


def test_several_candidates_are_described_so_the_maintainer_can_choose_without_opening_them(shipped, capsys):
    before = _files(shipped)
    assert main(["new-period", "--datasets", str(shipped), *CRACKDOWN, *WINDOW]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("error: several packages hold crackdown periods - pass --package NAME")
    assert err[-1] == (
        "  special-crackdown-2024: latest crackdown-2024-08-28 (2024-08-28 to 2025-03-31), counts arrested "
        "(7 groups), detained (1 group), takedown_requests (1 group)"
    )
    assert len(err) == 4  # the three packages holding crackdowns, one line each
    assert _files(shipped) == before


@pytest.mark.parametrize(
    "change, message",
    [
        (WINDOW[:4], "--window-name-ko, --window-name-en: missing - a comparison window needs its start, end and"),
        (
            [*WINDOW, "--compare-to", "window-2024-01-01"],
            "--compare-to window-2024-01-01 and --window-start: give one",
        ),
        (
            [*WINDOW[:2], "--window-end", "2025-04-01", *WINDOW[4:]],
            "--window-end 2025-04-01 is not before --start 2025-04-01",
        ),
        ([*WINDOW[:2], "--window-end", "2024-12-01", *WINDOW[4:]], "--window-end 2024-12-01 is before --window-start"),
        ([*WINDOW, "--window-id", "window-2024-01-01"], "--window-id window-2024-01-01: "),
        ([*WINDOW, "--window-id", "crackdown-2025-04-01"], "--window-id crackdown-2025-04-01: the same id as --id"),
        ([*WINDOW, "--window-id", "Window 2025"], '--window-id "Window 2025": use lower-case letters'),
    ],
)
def test_a_wrong_window_is_refused_in_one_line_and_changes_nothing(shipped, capsys, change, message):
    before = _files(shipped)
    assert main(["new-period", "--datasets", str(shipped), "--package", PACKAGE, *CRACKDOWN, *change]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert _files(shipped) == before
