"""A number in a package's description or a chart's subtitle or note is a value of its data
(sitegen.read.checks.stated_numbers): a number left behind when the data changed is a problem naming the file and
the field; a sum written out must add up."""

import json

from sitegen.read.validation import check_datasets

PACKAGE = "cyber-sexual-violence-crackdown-2024-25"


def _edit(shipped, change) -> None:
    path = shipped / PACKAGE / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")


def _found(shipped, config, code):
    problems, _ = check_datasets(shipped, config)
    return [p for p in problems if p.code == code]


def test_the_shipped_packages_state_only_their_own_numbers(shipped, config):
    problems, _ = check_datasets(shipped, config)
    assert [p for p in problems if p.code in ("number-not-in-data", "sum-does-not-add-up")] == []


def test_a_number_the_data_no_longer_has_is_named_with_its_file_and_field(shipped, config):
    # the published total of all persons apprehended, corrected in the data but not in the Korean description
    _edit(shipped, lambda d: d.update(description_ko=d["description_ko"].replace("총계 3,557", "총계 3,575")))
    (problem,) = _found(shipped, config, "number-not-in-data")
    assert problem.file.endswith(f"{PACKAGE}/datapackage.json")
    assert problem.field == "description_ko"
    assert '"3,575"' in problem.message


def test_a_chart_subtitle_is_read_too_and_dates_years_and_ages_are_allowed(shipped, config):
    def subtitle(d):
        d["views"][0]["spec"]["subtitle"] = {
            "en": "Teens aged 10–19, 1–25 Aug 2024 and 1 Nov 2024: 1,761 of 3,557.",
            "ko": "2024년 11월 1일부터 10대 1,762명.",
        }

    _edit(shipped, subtitle)
    assert [(p.field, p.message) for p in _found(shipped, config, "number-not-in-data")] == [
        ("views[0].spec.subtitle.ko", 'states "1,762", which is not a value of data/observations.csv')
    ]


def test_a_written_sum_must_add_up(shipped, config):
    _edit(shipped, lambda d: d.update(description=d["description"].replace("= 3,697", "= 3,679")))
    (problem,) = _found(shipped, config, "sum-does-not-add-up")
    assert problem.field == "description"
    assert "3,697" in problem.message  # what the terms add up to
    assert _found(shipped, config, "number-not-in-data") == []  # the total of a written sum is not a value
