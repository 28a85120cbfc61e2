"""Validation on tiny inline packages: every problem is found, with its place."""

import pytest
from helpers import obs, write_package

from sitegen.config import ROOT
from sitegen.read.validation import check_datasets


def codes(problems):
    return [(p.code, p.row, p.field) for p in problems]


def test_valid_package_has_no_problem(tmp_path, config):
    write_package(tmp_path / "tiny")
    problems, datasets = check_datasets(tmp_path, config)
    assert problems == []
    assert [d.name for d in datasets] == ["tiny"]


def test_every_problem_is_reported_not_just_the_first(tmp_path, config):
    write_package(
        tmp_path / "tiny",
        observations=[
            obs("crackdown", "total", "many"),
            obs("crackdown", "age_10_19", -3),
            obs("nowhere", "age_20_29", 1, qualifier="roughly"),
        ],
    )
    problems, datasets = check_datasets(tmp_path, config)
    assert datasets == []
    assert codes(problems) == [
        ("type-error", 2, "value"),
        ("constraint-error", 3, "value"),
        ("foreign-key", 4, "period_id"),
        ("constraint-error", 4, "qualifier"),
    ]


def test_problems_of_several_packages_are_all_listed(tmp_path, config):
    write_package(tmp_path / "a", name="a", observations=[obs("crackdown", "total", "x")])
    write_package(tmp_path / "b", name="b", observations=[obs("crackdown", "total", 1, source_id="nope")])
    problems, _ = check_datasets(tmp_path, config)
    assert {(p.file.split("/")[-3], p.code) for p in problems} == {("a", "type-error"), ("b", "foreign-key")}


def test_fractional_count_is_rejected(tmp_path, config):
    write_package(tmp_path / "tiny", observations=[obs("crackdown", "total", 10.5)])
    problems, _ = check_datasets(tmp_path, config)
    assert codes(problems) == [("not-a-count", 2, "value")]


def test_empty_value_needs_a_status_and_status_needs_an_empty_value(tmp_path, config):
    write_package(
        tmp_path / "tiny", observations=[obs("crackdown", "total", ""), obs("before", "total", 30, status="c")]
    )
    problems, _ = check_datasets(tmp_path, config)
    assert codes(problems) == [("missing-value", 2, "value"), ("status-with-value", 3, "status")]


def test_period_ending_before_it_starts(tmp_path, config):
    from helpers import PERIODS

    periods = [dict(PERIODS[0], end="2024-01-01"), PERIODS[1]]
    write_package(tmp_path / "tiny", periods=periods)
    problems, _ = check_datasets(tmp_path, config)
    assert codes(problems) == [("end-before-start", 2, "end")]


def test_a_package_without_any_dated_source_is_refused(tmp_path, config):
    from helpers import SOURCES

    write_package(tmp_path / "tiny", sources=[dict(source, published="", published_precision="") for source in SOURCES])
    problems, datasets = check_datasets(tmp_path, config)
    # a package never released: its source is new, and a new source needs its date (checks/sources.py)
    assert codes(problems) == [("no-dated-source", None, "published"), ("source-incomplete", 2, "published")]
    assert datasets == []


def test_two_published_figures_for_one_cell(tmp_path, config):
    write_package(
        tmp_path / "tiny",
        observations=[
            obs("crackdown", "total", 10),
            obs("crackdown", "total", 20, source_id="src-a", role="alternative"),
            obs("before", "total", 10),
        ],
    )
    problems, _ = check_datasets(tmp_path, config)
    assert problems == []


def test_schema_must_be_the_standard_one(tmp_path, config):
    import json

    folder = write_package(tmp_path / "tiny")
    descriptor = json.loads((folder / "datapackage.json").read_text())
    descriptor["resources"][4]["schema"]["fields"][3]["constraints"] = {}
    (folder / "datapackage.json").write_text(json.dumps(descriptor))
    problems, _ = check_datasets(tmp_path, config)
    assert codes(problems) == [("schema-not-standard", None, "resources.observations.schema")]


def test_missing_resource_is_named(tmp_path, config):
    import json

    folder = write_package(tmp_path / "tiny")
    descriptor = json.loads((folder / "datapackage.json").read_text())
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "observations"]
    (folder / "datapackage.json").write_text(json.dumps(descriptor))
    problems, _ = check_datasets(tmp_path, config)
    assert codes(problems) == [("missing-resource", None, "resources")]


def test_empty_folder_is_a_problem(tmp_path, config):
    problems, _ = check_datasets(tmp_path, config)
    assert codes(problems) == [("no-packages", None, None)]


@pytest.mark.parametrize(
    "case", ["text-in-count", "duplicate-key", "unresolved-source", "disclosive-count", "phone-number"]
)
def test_a_package_validated_one_table_per_worker_has_the_same_problems(case, monkeypatch, config):
    from sitegen.read import validation

    folder = ROOT / "tests" / "fixtures" / case / "crackdown"
    monkeypatch.setenv("SITEGEN_JOBS", "1")
    whole = validation._check_one(folder, config)
    monkeypatch.setenv("SITEGEN_JOBS", "2")
    monkeypatch.setattr(validation, "SPLIT_BYTES", 0)  # split even a small package
    split = validation._check_one(folder, config)
    assert whole[0] and sorted(split[0]) == sorted(whole[0]) and split[1] is whole[1] is None


def test_a_repeated_column_is_named_once_without_frictionless_noise(tmp_path, config):
    groups = write_package(tmp_path / "tiny") / "data" / "groups.csv"
    lines = groups.read_text(encoding="utf-8").split("\n")
    groups.write_text("\n".join([lines[0].replace("name_en", "name_ko")] + lines[1:]), encoding="utf-8")
    problems, _ = check_datasets(tmp_path, config)
    assert codes(problems) == [("missing-column", 1, "name_en"), ("duplicate-column", 1, "name_ko")]
    assert problems[1].message == 'has 2 columns named "name_ko"'


def test_a_valid_package_validated_one_table_per_worker_is_the_same_package(monkeypatch, config):
    from sitegen.read import validation

    folder = ROOT / "datasets" / "special-crackdown-2024"
    monkeypatch.setenv("SITEGEN_JOBS", "1")
    whole = validation._check_one(folder, config)
    monkeypatch.setenv("SITEGEN_JOBS", "2")
    monkeypatch.setattr(validation, "SPLIT_BYTES", 0)
    split = validation._check_one(folder, config)
    assert whole[0] == split[0] == []
    for name, table in whole[1].tables.items():
        assert table.equals(split[1].tables[name]), name


def test_our_checks_failing_on_data_frictionless_rejects_do_not_hide_its_problems(monkeypatch, config):
    from sitegen.read import validation

    def crash(*args):
        raise ValueError("our checks cannot read this")

    monkeypatch.setenv("SITEGEN_JOBS", "2")
    monkeypatch.setattr(validation, "SPLIT_BYTES", 0)
    monkeypatch.setattr(validation, "load_dataset", crash)
    found, _ = validation._check_one(ROOT / "tests" / "fixtures" / "text-in-count" / "crackdown", config)
    assert [problem.code for problem in found] == ["type-error"]
    with pytest.raises(ValueError, match="cannot read"):  # on valid data the error is the caller's
        validation._check_one(ROOT / "datasets" / "special-crackdown-2024", config)


def test_columns_without_a_name_are_reported_once(tmp_path, config):
    groups = write_package(tmp_path / "tiny") / "data" / "groups.csv"
    lines = groups.read_text(encoding="utf-8").split("\n")
    groups.write_text(
        "\n".join([lines[0] + ",,"] + [line + ",," for line in lines[1:] if line]) + "\n", encoding="utf-8"
    )
    problems, _ = check_datasets(tmp_path, config)
    assert [(p.code, p.row, p.field, p.message) for p in problems] == [
        ("duplicate-column", 1, None, "has 2 columns without a name"),
        ("extra-column", 1, None, "has a column without a name that the schema does not define"),
    ]
