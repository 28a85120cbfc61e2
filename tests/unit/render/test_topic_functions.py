"""ratio(), share(of_group=...) and the topic pages' "as of" lines: computed from the derived figures."""

import jinja2
import pytest

from sitegen import SiteError
from sitegen.build import publication
from sitegen.config import ROOT
from sitegen.read.catalog import load_dataset
from sitegen.render.pages import PackageView
from sitegen.render.topics import References
from sitegen.util import i18n

PACKAGES = ["special-crackdown-2024", "cases-by-year", "school-incidents"]


@pytest.fixture(scope="module")
def publications(config):
    strings = i18n.load_strings(config.site_src / "i18n")
    return [publication(load_dataset(ROOT / "datasets" / name), config, strings) for name in PACKAGES]


def render(publications, source: str, lang: str = "ko") -> str:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.globals.update(References(publications, env).globals())
    return env.from_string(source).render(lang=lang, root="", t={})


@pytest.mark.parametrize(
    ("call", "ko", "en"),
    [
        ('ratio("cases-by-year", "year-2024", "year-2023", "arrested")', "6.8배", "6.8 times"),  # 682 / 100
        (
            'ratio("special-crackdown-2024", "crackdown-2024-08-28", "window-2024-01-01", "arrested")',
            "3.6배",
            "3.6 times",
        ),
        # per day: (963 / 216) / (267 / 240) = 4.0
        (
            'ratio("special-crackdown-2024", "crackdown-2024-08-28", "window-2024-01-01", "arrested", per_day=True)',
            "4배",
            "4 times",
        ),
        # aged 10-13 of all (72 of 963), not of the teens (72 of 669)
        (
            'share("special-crackdown-2024", "crackdown-2024-08-28", "arrested", "age_10_13", of_group="total")',
            "7.5%",
            "7.5%",
        ),
        ('share("special-crackdown-2024", "crackdown-2024-08-28", "arrested", "age_10_13")', "10.8%", "10.8%"),
    ],
)
def test_computed_from_the_figures(publications, call, ko, en):
    assert f">{ko}</a>" in render(publications, "{{ " + call + " }}", "ko")
    assert f">{en}</a>" in render(publications, "{{ " + call + " }}", "en")


def test_a_ratio_of_periods_not_declared_comparable_stops_the_build(publications):
    with pytest.raises(SiteError, match="comparable_to"):
        render(publications, '{{ ratio("cases-by-year", "year-2024", "year-2021", "arrested") }}')


def test_how_current_a_package_is(publications):
    schools = PackageView(next(p for p in publications if p.dataset.name == "school-incidents"))
    assert schools.latest_end == "2024-11-08"  # the series stopped: its last snapshot
    assert schools.latest_release == ("2024-11-11", "")
