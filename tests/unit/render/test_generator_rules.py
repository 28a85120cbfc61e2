"""The generator's rules for how computed figures are framed: Korean counters and particles, denominators, shares only
over published consistent totals, per-day changes beside unequal periods, small bases, the home page headline rule,
the disclosure exemption rule, dates and English phrasing."""

from helpers import GROUPS, MEASURES, OBSERVATIONS, PERIODS, VIEWS, obs, write_package

from sitegen.derive.figures import compute_figures
from sitegen.read.catalog import find_packages, load_dataset
from sitegen.render import sentences
from sitegen.render.charts import build_charts
from sitegen.render.pages import Publication, key_figures
from sitegen.util import i18n


def strings(config):
    return i18n.load_strings(config.site_src / "i18n")


def charts_for(folder, config):
    dataset = load_dataset(folder)
    return build_charts(dataset, compute_figures(dataset), strings(config))


def test_korean_summary_counts_by_unit_with_particles_by_sound(tmp_path, config):
    measures = [dict(MEASURES[0], id="reports", unit="reports", name_ko="신고 건수", name_en="Reports")]
    groups = GROUPS + [
        {"id": "high_school", "parent": "total", "name_ko": "고등학교", "name_en": "High schools"},
        {"id": "middle_school", "parent": "total", "name_ko": "중학교", "name_en": "Middle schools"},
    ]
    rows = [
        obs("crackdown", "total", 561, "reports"),
        obs("crackdown", "high_school", 300, "reports"),
        obs("crackdown", "middle_school", 243, "reports"),
        obs("crackdown", "age_10_19", 10, "reports"),
        obs("crackdown", "age_20_29", 8, "reports"),
    ]
    view = {
        **VIEWS[0],
        "spec": {
            **VIEWS[0]["spec"],
            "groups": ["high_school", "middle_school", "age_10_19", "age_20_29"],
            "series": [{"measure": "reports"}],
        },
    }
    [chart] = charts_for(
        write_package(tmp_path / "p", measures=measures, groups=groups, observations=rows, views=[view]), config
    )
    # more than three groups: the two largest, with their share of the published total and the particle by sound
    assert (
        chart.summary["ko"] == "561건 가운데 고등학교가 300건(53.5%)으로 가장 많고, 다음은 중학교 243건(43.3%)입니다."
    )
    assert chart.summary["en"] == (
        "Of 561, the largest groups are High schools, 300 (53.5%), and Middle schools, 243 (43.3%)."
    )


def test_two_periods_say_which_way_and_how_many_times(tmp_path, config):
    by_period = charts_for(write_package(tmp_path / "p", views=VIEWS), config)[1]
    assert by_period.summary["ko"] == "검거 인원: 단속 전 50명에서 단속 100명으로 늘었습니다. 2배입니다."
    # the periods differ in length: the note says which is shorter and gives the daily averages, from the dates
    assert by_period.note["ko"] == "집중단속(216일)이 비교 기간(240일)보다 짧습니다. 평균: 약 5일에 1명 → 약 2일에 1명."


def test_shipped_changes_of_unequal_periods_and_small_bases(shipped):
    figures = compute_figures(load_dataset(shipped / "special-crackdown-2024"))
    arrested = figures.change("arrested", "crackdown-2024-08-28")
    assert (arrested.days, arrested.base_days) == (216, 240)
    assert round(arrested.per_day_pct, 1) == round((963 / 216) / (267 / 240) * 100 - 100, 1)
    assert not arrested.small_base
    detained = figures.change("detained", "crackdown-2024-08-28")
    assert detained.base_value == 8 and detained.small_base


def test_years_differing_by_a_leap_day_are_not_unequal(shipped):
    figures = compute_figures(load_dataset(shipped / "cases-by-year"))
    assert figures.changes and not any(c.unequal for c in figures.changes)
    assert all(c.year_on_year for c in figures.changes)


def test_no_share_over_a_total_flagged_inconsistent_with_its_parts(tmp_path, config, shipped):
    rows = [
        dict(row, flag="inconsistent_in_release") if row["period_id"] == "crackdown" else row for row in OBSERVATIONS
    ]
    folder = write_package(tmp_path / "p", observations=rows)
    figures = compute_figures(load_dataset(folder))
    assert figures.shares == []
    assert {(w.group, w.reason) for w in figures.withheld} == {
        ("age_10_19", "inconsistent"),
        ("age_20_29", "inconsistent"),
    }
    by_group = charts_for(write_package(tmp_path / "v", observations=rows, views=VIEWS), config)[0]
    assert "%" not in by_group.summary["en"]  # the counts, without a share over a flagged total
    cyber = compute_figures(load_dataset(shipped / "cyber-sexual-violence-crackdown-2024-25"))
    assert cyber.share("arrested", "crackdown-2024-11-01", "age_listed_1") is None


def test_no_share_over_a_sum_the_build_made(tmp_path, config):
    rows = [row for row in OBSERVATIONS if row["group"] != "total"]
    by_group = charts_for(write_package(tmp_path / "p", observations=rows, views=VIEWS[:1]), config)[0]
    assert by_group.summary["en"] == "Teens 60, 20s 40."
    assert by_group.summary["ko"] == "10대 60명, 20대 40명입니다."


def test_every_share_names_its_denominator(tmp_path, config):
    groups = GROUPS + [{"id": "age_10_13", "parent": "age_10_19", "name_ko": "10~13세", "name_en": "Ages 10–13"}]
    rows = OBSERVATIONS + [obs("crackdown", "age_10_13", 6)]
    figures = compute_figures(load_dataset(write_package(tmp_path / "p", groups=groups, observations=rows)))
    names = {"en": {g["id"]: g["name_en"] for g in groups}, "ko": {g["id"]: g["name_ko"] for g in groups}}
    s = strings(config)
    teens, young = (
        figures.share("arrested", "crackdown", "age_10_19"),
        figures.share("arrested", "crackdown", "age_10_13"),
    )
    assert sentences.share_label(teens, names["en"], "en", s["en"]) == "60.0% of all"
    assert sentences.share_label(teens, names["ko"], "ko", s["ko"]) == "전체 중 60.0%"
    assert sentences.share_label(young, names["en"], "en", s["en"]) == "10.0% of teens"
    assert sentences.share_label(young, names["ko"], "ko", s["ko"]) == "10대 중 10.0%"


def test_home_headline_is_the_latest_deepfake_specific_crackdown(tmp_path, config, shipped):
    def publication(folder):
        dataset = load_dataset(folder)
        return Publication(dataset, compute_figures(dataset), [], None)

    deepfake = publication(write_package(tmp_path / "deepfake", name="deepfake"))
    later = [
        dict(p, id="cyber", start="2024-11-01", end="2025-10-31", comparable_to="", name_en="Cyber")
        for p in PERIODS[:1]
    ]
    cyber_groups = GROUPS + [{"id": "deepfake", "parent": "total", "name_ko": "딥페이크", "name_en": "Deepfake"}]
    cyber = publication(
        write_package(
            tmp_path / "cyber",
            name="cyber",
            periods=later,
            groups=cyber_groups,
            observations=[obs("cyber", "total", 3557)],
        )
    )
    key = key_figures([cyber, deepfake])
    assert (key["publication"].dataset.name, key["period_id"]) == ("deepfake", "crackdown")
    shipped_key = key_figures([publication(folder) for folder in find_packages(shipped)])
    assert shipped_key["period_id"] == "crackdown-2024-08-28"


def test_a_group_name_of_unknown_sound_gets_a_sentence_not_a_guess():
    assert sentences.group_subject("10대") == "10대가"
    assert sentences.group_subject("<b>") == "<b> 집단이"
