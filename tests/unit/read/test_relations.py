"""Impossible numbers are refused: a group above its parent group (880 aged 10-13 of 702 teens), a measure above the
one it is part of (7,100 detained of 963 apprehended), parts that do not add up to their declared whole, unless the
release's own numbers do not (inconsistent_in_release). Each mistake is one problem naming file, row and field."""

import csv
import shutil

import pytest
from helpers import correction_in_progress

from sitegen.commands.cli import main
from sitegen.config import ROOT
from sitegen.derive.figures import compute_figures
from sitegen.read.catalog import find_packages, load_dataset
from sitegen.read.checks import relations
from sitegen.read.validation import check_datasets

PACKAGE = "special-crackdown-2024"
CRACKDOWN = "crackdown-2024-08-28"


@pytest.fixture
def one(tmp_path):
    """A datasets folder holding only the 2024 special crackdown, to change."""
    shutil.copytree(ROOT / "datasets" / PACKAGE, tmp_path / PACKAGE)
    correction_in_progress(tmp_path / PACKAGE)
    return tmp_path


def _edit(datasets, resource: str, match, **changes) -> None:
    """Change the rows of data/<resource>.csv for which match(row) holds; exactly one must."""
    path = datasets / PACKAGE / "data" / f"{resource}.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    hits = [row for row in rows if match(row)]
    assert len(hits) == 1, hits
    hits[0].update(changes)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _figure(datasets, period: str, measure: str, group: str, **changes) -> None:
    """Change the published figure of period / measure / group."""
    _edit(
        datasets,
        "observations",
        lambda r: (r["period_id"], r["measure"], r["group"], r["role"]) == (period, measure, group, "published"),
        **changes,
    )


def _teens_702_and_880_aged_10_13(datasets) -> None:
    """The rehearsal's mistake: 880 aged 10-13 of 702 teens (20s lowered so that the age groups still add up to 963,
    and the quoted 93.1% of teens and 20s still holds)."""
    _figure(datasets, CRACKDOWN, "arrested", "age_10_19", value="702")
    _figure(datasets, CRACKDOWN, "arrested", "age_20_29", value="195")
    _figure(datasets, CRACKDOWN, "arrested", "age_10_13", value="880")


def _problems(datasets, config):
    problems, _ = check_datasets(datasets, config)
    return [(p.file, p.row, p.field, p.code, p.message) for p in problems]


def _observations(datasets) -> str:
    return str(datasets / PACKAGE / "data" / "observations.csv")


def test_the_shipped_packages_hold_every_declared_relation():
    packages = [load_dataset(folder) for folder in find_packages(ROOT / "datasets")]
    assert [p for dataset in packages for p in relations.check(dataset, None)] == []
    declared = {
        dataset.name: (
            sorted(f"{m}<={o}" for m, o in zip(dataset.measures["id"], dataset.measures["at_most"]) if o),
            sorted(dataset.groups.loc[dataset.groups["parts_sum"] == "yes", "id"]),
        )
        for dataset in packages
    }
    assert declared[PACKAGE] == (["detained<=arrested"], ["total"])  # so the relations above are really compared
    assert declared["crackdown-2024-running-totals"][1] == ["total"]


def test_a_group_above_its_parent_group_is_refused(one, config):
    _teens_702_and_880_aged_10_13(one)
    assert _problems(one, config) == [
        (
            _observations(one),
            5,
            "value",
            "part-above-parent",
            f"880 in group age_10_13 is more than the 702 of its parent group age_10_19 in {CRACKDOWN} / arrested",
        )
    ]


def test_a_measure_above_the_one_it_is_part_of_is_refused(one, config):
    _figure(one, CRACKDOWN, "detained", "total", value="7100")
    assert _problems(one, config) == [
        (
            _observations(one),
            10,
            "value",
            "measure-above-at-most",
            f"7100 detained is more than the 963 arrested in {CRACKDOWN} / total, but detained is at most arrested "
            "(measures.csv)",
        )
    ]


def test_parts_that_do_not_add_up_to_their_declared_whole_are_refused(one, config):
    _figure(one, CRACKDOWN, "arrested", "age_30_39", value="15")  # 51 with its digits swapped
    assert _problems(one, config) == [
        (
            _observations(one),
            2,
            "value",
            "parts-not-sum",
            "the parts of total (age_10_19, age_20_29, age_30_39, age_40_49, age_50_plus) add up to 927, not its 963, "
            f"in {CRACKDOWN} / arrested",
        )
    ]


@pytest.mark.parametrize("group", ["total", "age_30_39"])
def test_parts_that_the_release_itself_does_not_add_up_pass_when_flagged(one, config, group):
    _figure(one, CRACKDOWN, "arrested", "age_30_39", value="15")
    _figure(
        one,
        CRACKDOWN,
        "arrested",
        group,
        flag="inconsistent_in_release",
        note_en="The release's age counts add up to 927, not to its total of 963.",
        note_ko="발표의 연령대별 인원을 더하면 927명으로, 발표된 전체 963명과 다릅니다.",
    )
    assert _problems(one, config) == []


def test_a_part_that_is_absent_or_suppressed_means_no_sum(one, config):
    _figure(one, CRACKDOWN, "arrested", "age_30_39", value="15")
    _figure(one, CRACKDOWN, "arrested", "age_50_plus", value="", status="c", disclosure_exemption="")
    assert list(relations.check(load_dataset(one / PACKAGE), config)) == []


@pytest.mark.parametrize(
    "qualifier, refused",
    [("exact", True), ("at_least", True), ("approximately", False), ("fewer_than", False)],
)
def test_a_bound_is_compared_only_where_the_result_is_certain(one, qualifier, refused):
    """A part "at least 700" is certainly above teens "exactly 669"; "about 700" or "fewer than 700" may not be."""
    _figure(one, CRACKDOWN, "arrested", "age_10_13", value="700", qualifier=qualifier)
    found = list(relations.check(load_dataset(one / PACKAGE), None))
    assert [(p.row, p.code) for p in found] == ([(5, "part-above-parent")] if refused else [])
    if refused:
        bound = "at least 700" if qualifier == "at_least" else "700"
        assert found[0].message.startswith(f"{bound} in group age_10_13 is more than the 669 ")


def test_a_whole_given_as_fewer_than_is_certainly_too_small_for_a_part_of_that_size(one):
    _figure(one, CRACKDOWN, "arrested", "age_10_19", qualifier="fewer_than", value="72")  # aged 10-13: exactly 72
    found = list(relations.check(load_dataset(one / PACKAGE), None))
    assert [(p.row, p.code, p.message) for p in found] == [
        (
            5,
            "part-above-parent",
            f"72 in group age_10_13 is more than the fewer than 72 of its parent group age_10_19 "
            f"in {CRACKDOWN} / arrested",
        )
    ]


def test_at_most_must_name_a_measure(one, config):
    _edit(one, "measures", lambda r: r["id"] == "detained", at_most="apprehended")
    assert [(p.row, p.field, p.code) for p in check_datasets(one, config)[0]] == [(3, "at_most", "foreign-key")]


def test_parts_sum_is_yes_or_empty(one, config):
    _edit(one, "groups", lambda r: r["id"] == "age_10_19", parts_sum="no")
    assert [(p.row, p.field, p.code) for p in check_datasets(one, config)[0]] == [(3, "parts_sum", "constraint-error")]


def test_no_share_above_100_percent_reaches_a_page(one, config):
    """sitegen.derive.figures divides a part by its parent as they are: it would make 880 of 702 teens 125.4%. The
    check is what keeps such a share off the pages: the package is refused, so nothing is built from it."""
    _teens_702_and_880_aged_10_13(one)
    shares = compute_figures(load_dataset(one / PACKAGE)).shares
    assert [round(s.pct, 1) for s in shares if s.group == "age_10_13" and s.of_group == "age_10_19"] == [125.4]
    problems, passed = check_datasets(one, config)
    assert [p.code for p in problems] == ["part-above-parent"]
    assert passed == []
    for folder in find_packages(ROOT / "datasets"):  # and in the shipped data, no share is above 100%
        assert all(s.value <= s.total for s in compute_figures(load_dataset(folder)).shares), folder.name


def test_check_exits_1_and_prints_the_problem(one, capsys):
    _figure(one, CRACKDOWN, "detained", "total", value="7100")
    assert main(["check", "--datasets", str(one)]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        f"{_observations(one)}:10:value: [measure-above-at-most] 7100 detained is more than the 963 arrested in "
        f"{CRACKDOWN} / total, but detained is at most arrested (measures.csv) - correct the value against the "
        "release; detained counts some of arrested, never more"
    ]
    assert "1 problem found." in out.err
