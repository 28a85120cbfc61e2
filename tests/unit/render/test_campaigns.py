"""A campaign page's opening sentences (sitegen.render.campaigns): every number looked up or computed from the
period's data, every claim following from them, and nothing said that the period's data does not hold."""

import dataclasses
import datetime as dt
import re
from types import SimpleNamespace

import pytest

from sitegen.config import ROOT
from sitegen.derive.figures import compute_figures
from sitegen.read.catalog import find_packages, load_dataset
from sitegen.render import campaigns
from sitegen.util import i18n


@pytest.fixture(scope="module")
def strings():
    return i18n.load_strings(ROOT / "site_src" / "i18n")


def shipped_crackdowns():
    for folder in find_packages(ROOT / "datasets"):
        dataset = load_dataset(folder)
        for period in dataset.periods.itertuples():
            if period.kind == "crackdown":
                yield dataset, period


CRACKDOWNS = list(shipped_crackdowns())


def publication(dataset):
    return SimpleNamespace(dataset=dataset, figures=compute_figures(dataset))


def text(markup) -> str:
    return re.sub(r"<[^>]+>", "", str(markup))


def total(dataset, period_id, measure):
    obs = dataset.observations
    rows = obs[
        (obs["period_id"] == period_id)
        & (obs["measure"] == measure)
        & (obs["group"] == "total")
        & (obs["role"] == "published")
    ]
    return None if rows.empty else float(rows["value"].iloc[0])


def test_every_shipped_crackdown_is_covered():
    assert {period.id for _, period in CRACKDOWNS} >= {
        "crackdown-2022-03-01",
        "crackdown-2024-08-28",
        "crackdown-2024-11-01",
    }


@pytest.mark.parametrize("dataset,period", CRACKDOWNS, ids=[p.id for _, p in CRACKDOWNS])
@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_each_shipped_intro_states_only_its_data(dataset, period, lang, strings):
    html = str(campaigns.intro(publication(dataset), period, lang, strings[lang], "../../"))
    said = text(html)
    assert said and "{" not in said and "/" not in said.replace("/ ", "")  # no placeholder, no "이/가"
    # each stated number links to the permalink of a published figure of the package
    links = re.findall(r'href="\.\./\.\./figures/([^/"]+)/#([^"]+)"', html)
    assert links and len(links) == html.count("<a ")
    published = dataset.observations[dataset.observations["role"] == "published"]
    keys = {"/".join(key) for key in zip(published["period_id"], published["measure"], published["group"])}
    for package, key in links:
        assert package == dataset.name and key in keys, key
    for measure, ko, en in (("arrested", "검거", "caught"), ("detained", "구속", "detained")):
        value = total(dataset, period.id, measure)
        word = ko if lang == "ko" else en
        if value is None:
            assert word not in said, said
        else:
            assert i18n.number(value, lang) in said
    # the daily rates and their direction, from the period's own dates and totals
    if (
        period.comparable_to
        and total(dataset, period.id, "arrested")
        and total(dataset, period.comparable_to, "arrested")
    ):
        periods = dataset.periods.set_index("id")
        days = {pid: (periods.loc[pid, "end"], periods.loc[pid, "start"]) for pid in (period.id, period.comparable_to)}
        length = {pid: (dt.date.fromisoformat(e) - dt.date.fromisoformat(s)).days + 1 for pid, (e, s) in days.items()}
        now = total(dataset, period.id, "arrested") / length[period.id]
        before = total(dataset, period.comparable_to, "arrested") / length[period.comparable_to]
        assert i18n.number(round(now, 1), lang) in said and i18n.number(round(before, 1), lang) in said
        rose = strings[lang]["campaign_rose"] if now > before else strings[lang]["campaign_fell"]
        assert rose in said


def test_the_2024_crackdown_reads_as_an_editor_writes_it(strings):
    dataset, period = next((d, p) for d, p in CRACKDOWNS if p.id == "crackdown-2024-08-28")
    pub = publication(dataset)
    assert text(campaigns.intro(pub, period, "ko", strings["ko"], "../../")) == (
        "2024년 8월 28일부터 2025년 3월 31일까지 벌인 딥페이크 성범죄 집중단속에서 963명이 검거됐고, 그중 59명이 "
        "구속됐습니다. 검거된 사람의 69.5%가 10대였습니다. 검거 인원은 단속 전 하루 1.1명에서 단속 중 하루 "
        "4.5명으로 늘었습니다."
    )
    assert text(campaigns.intro(pub, period, "en", strings["en"], "../../")) == (
        "The deepfake sex crime crackdown ran from 28 Aug 2024 to 31 Mar 2025: 963 people were caught and 59 of them "
        "detained. Of the people caught, 69.5% were teens (10–19). The number caught rose from 1.1 a day before the "
        "crackdown to 4.5 a day during it."
    )


def with_observations(dataset, keep, **period_changes):
    """A copy of the package with only the observations `keep` accepts and the crackdown period changed."""
    tables = dict(dataset.tables)
    obs = dataset.observations
    tables["observations"] = obs.loc[[bool(keep(row)) for row in obs.to_dict("records")]].copy()
    periods = dataset.periods.copy()
    for column, value in period_changes.items():
        periods.loc[periods["kind"] == "crackdown", column] = value
    tables["periods"] = periods
    return dataclasses.replace(dataset, tables=tables)


def crackdown(dataset):
    return next(p for p in dataset.periods.itertuples() if p.kind == "crackdown")


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_a_period_missing_measures_says_only_what_it_has(lang, strings):
    dataset, _ = next((d, p) for d, p in CRACKDOWNS if p.id == "crackdown-2024-08-28")
    # no figure at all: when it ran, and nothing more
    bare = with_observations(dataset, lambda row: False)
    said = text(campaigns.intro(publication(bare), crackdown(bare), lang, strings[lang], "../../"))
    assert said == (
        "딥페이크 성범죄 집중단속은 2024년 8월 28일부터 2025년 3월 31일까지 벌어졌습니다."
        if lang == "ko"
        else "The deepfake sex crime crackdown ran from 28 Aug 2024 to 31 Mar 2025."
    )
    # the total caught only: no detained, no age group, no comparison
    caught = with_observations(dataset, lambda r: (r["measure"], r["group"]) == ("arrested", "total"), comparable_to="")
    said = text(campaigns.intro(publication(caught), crackdown(caught), lang, strings[lang], "../../"))
    assert "963" in said and "59" not in said and "69.5%" not in said and "4.5" not in said
    # detained only
    held = with_observations(dataset, lambda r: r["measure"] == "detained", comparable_to="")
    said = text(campaigns.intro(publication(held), crackdown(held), lang, strings[lang], "../../"))
    assert said.endswith("59명이 구속됐습니다." if lang == "ko" else ": 59 people were detained.")
    assert ("검거" if lang == "ko" else "caught") not in said


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_a_falling_rate_says_it_fell_and_a_rate_below_one_a_day_reads_as_every_n_days(lang, strings):
    dataset, _ = next((d, p) for d, p in CRACKDOWNS if p.id == "crackdown-2024-08-28")

    def fewer(row):
        return row["measure"] == "arrested" and row["group"] == "total"

    low = with_observations(dataset, fewer)
    obs = low.observations.copy()
    obs.loc[obs["period_id"] == "crackdown-2024-08-28", "value"] = 7  # 7 in 216 days: about 1 every 31 days
    low = dataclasses.replace(low, tables={**low.tables, "observations": obs})
    said = text(campaigns.intro(publication(low), crackdown(low), lang, strings[lang], "../../"))
    if lang == "ko":
        assert said.endswith("검거 인원은 단속 전 하루 1.1명에서 단속 중 약 31일에 1명으로 줄었습니다.")
    else:
        assert said.endswith(
            "The number caught fell from 1.1 a day before the crackdown to about 1 every 31 days during it."
        )


@pytest.mark.parametrize(
    ("start", "end", "ko", "en"),
    [
        ("2024-08-28", "2025-03-31", "2024년 8월 28일부터 2025년 3월 31일까지", "from 28 Aug 2024 to 31 Mar 2025"),
        ("2024-01-01", "2024-08-27", "2024년 1월 1일부터 8월 27일까지", "from 1 Jan to 27 Aug 2024"),
        ("2022-03-01", "2022-10-31", "2022년 3월부터 10월까지", "from Mar to Oct 2022"),  # whole months
        ("2024-11-01", "2025-10-31", "2024년 11월부터 2025년 10월까지", "from Nov 2024 to Oct 2025"),
    ],
)
def test_dates_read_as_written(start, end, ko, en, strings):
    assert campaigns.dates(start, end, "ko", strings["ko"]) == ko
    assert campaigns.dates(start, end, "en", strings["en"]) == en


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_a_group_name_ending_in_a_consonant_takes_its_copula(lang, strings):
    dataset, _ = next((d, p) for d, p in CRACKDOWNS if p.id == "crackdown-2024-08-28")
    groups = dataset.groups.copy()
    groups.loc[groups["id"] == "age_10_19", "name_ko"] = "학생"
    renamed = dataclasses.replace(dataset, tables={**dataset.tables, "groups": groups})
    said = text(campaigns.intro(publication(renamed), crackdown(renamed), lang, strings[lang], "../../"))
    if lang == "ko":
        assert "검거된 사람의 69.5%가 학생이었습니다." in said
