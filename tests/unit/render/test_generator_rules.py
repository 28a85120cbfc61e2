"""The generator's rules for how computed figures are framed: Korean counters and particles, denominators, shares only
over published consistent totals, per-day changes beside unequal periods, small bases, the home page headline rule,
the disclosure exemption rule, dates and English phrasing."""

from helpers import GROUPS, MEASURES, OBSERVATIONS, PERIODS, obs, write_package

from sitegen.util import i18n
from sitegen.render import sentences
from sitegen.read.catalog import load_dataset
from sitegen.render.charts import build_charts
from sitegen.derive.figures import compute_figures
from sitegen.render.pages import Publication, key_figures


def strings(config):
    return i18n.load_strings(config.site_src / "i18n")


def charts_for(folder, config):
    dataset = load_dataset(folder)
    return build_charts(dataset, compute_figures(dataset), strings(config))


def test_korean_summary_counts_by_unit_with_particles_by_sound(tmp_path, config):
    measures = [dict(MEASURES[0], id="reports", unit="reports", name_ko="신고 건수", name_en="Reports")]
    groups = GROUPS + [{"id": "high_school", "parent": "total", "name_ko": "고등학교", "name_en": "High schools"}]
    rows = [obs("crackdown", "total", 561, "reports"), obs("crackdown", "high_school", 300, "reports"),
            obs("crackdown", "age_20_29", 261, "reports")]
    [chart] = [c for c in charts_for(write_package(tmp_path / "p", measures=measures, groups=groups, observations=rows),
                                     config) if c.id.endswith("by-group")]
    assert chart.summary["ko"] == "단속 신고 건수: 고등학교가 561건 중 300건(53.5%)으로 가장 많았습니다."


def test_korean_change_says_which_way_with_the_per_day_change_of_unequal_periods(tmp_path, config):
    by_period = charts_for(write_package(tmp_path / "p"), config)[1]
    assert by_period.summary["ko"] == ("단속 전 50명에서 단속 100명으로 100.0% 늘었습니다. "
                                       "두 기간의 길이가 다릅니다(240일, 216일). 하루 평균으로는 122.2% 늘었습니다.")
    assert by_period.summary["en"].endswith("The periods differ in length (240 and 216 days): per day, +122.2%.")


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
    rows = [dict(row, flag="inconsistent_in_release") if row["period_id"] == "crackdown" else row for row in OBSERVATIONS]
    folder = write_package(tmp_path / "p", observations=rows)
    figures = compute_figures(load_dataset(folder))
    assert figures.shares == []
    assert {(w.group, w.reason) for w in figures.withheld} == {("age_10_19", "inconsistent"), ("age_20_29", "inconsistent")}
    by_group = charts_for(folder, config)[0]
    assert "%" not in by_group.summary["en"] and "does not agree" in by_group.summary["en"]
    cyber = compute_figures(load_dataset(shipped / "cyber-sexual-violence-crackdown-2024-25"))
    assert cyber.share("arrested", "crackdown-2024-11-01", "age_listed_1") is None


def test_no_share_over_a_sum_the_build_made(tmp_path, config):
    rows = [row for row in OBSERVATIONS if row["group"] != "total"]
    by_group = charts_for(write_package(tmp_path / "p", observations=rows), config)[0]
    assert by_group.summary["en"] == ("Crackdown, Persons apprehended: Teens were the largest group (60). "
                                      "No total was published, so no share is given.")
    assert by_group.summary["ko"] == "단속 검거 인원: 10대가 60명으로 가장 많았습니다. 발표된 합계가 없어 비율은 계산하지 않았습니다."


def test_every_share_names_its_denominator(tmp_path, config):
    groups = GROUPS + [{"id": "age_10_13", "parent": "age_10_19", "name_ko": "10~13세", "name_en": "Ages 10–13"}]
    rows = OBSERVATIONS + [obs("crackdown", "age_10_13", 6)]
    figures = compute_figures(load_dataset(write_package(tmp_path / "p", groups=groups, observations=rows)))
    names = {"en": {g["id"]: g["name_en"] for g in groups}, "ko": {g["id"]: g["name_ko"] for g in groups}}
    s = strings(config)
    teens, young = figures.share("arrested", "crackdown", "age_10_19"), figures.share("arrested", "crackdown", "age_10_13")
    assert sentences.share_label(teens, names["en"], "en", s["en"]) == "60.0% of all"
    assert sentences.share_label(teens, names["ko"], "ko", s["ko"]) == "전체 중 60.0%"
    assert sentences.share_label(young, names["en"], "en", s["en"]) == "10.0% of teens"
    assert sentences.share_label(young, names["ko"], "ko", s["ko"]) == "10대 중 10.0%"


def test_home_headline_is_the_latest_deepfake_specific_crackdown(tmp_path, config, shipped):
    def publication(folder):
        dataset = load_dataset(folder)
        return Publication(dataset, compute_figures(dataset), [], None)

    deepfake = publication(write_package(tmp_path / "deepfake", name="deepfake"))
    later = [dict(p, id="cyber", start="2024-11-01", end="2025-10-31", comparable_to="", name_en="Cyber")
             for p in PERIODS[:1]]
    cyber_groups = GROUPS + [{"id": "deepfake", "parent": "total", "name_ko": "딥페이크", "name_en": "Deepfake"}]
    cyber = publication(write_package(tmp_path / "cyber", name="cyber", periods=later, groups=cyber_groups,
                                      observations=[obs("cyber", "total", 3557)]))
    key = key_figures([cyber, deepfake])
    assert (key["publication"].dataset.name, key["period_id"]) == ("deepfake", "crackdown")
    shipped_key = key_figures([publication(folder) for folder in sorted(shipped.iterdir()) if folder.is_dir()])
    assert shipped_key["period_id"] == "crackdown-2024-08-28"


def test_a_group_name_of_unknown_sound_gets_a_sentence_not_a_guess():
    assert sentences.group_subject("10대") == "10대가"
    assert sentences.group_subject("<b>") == "<b> 집단이"
