"""The generator's rules for how computed figures are framed: Korean counters and particles, denominators, shares only
over published consistent totals, per-day changes beside unequal periods, small bases, the home page headline rule,
the disclosure exemption rule, dates and English phrasing."""

import re

from helpers import GROUPS, OBSERVATIONS, obs, write_package

from sitegen.read.catalog import load_dataset
from sitegen.read.checks import disclosure
from sitegen.render import sentences
from sitegen.util import i18n

BRACKETED = ["(가)", "(를)", "(는)", "(으)로", "(과)", "(이)", "(와)", "(은)", "(을)"]


def strings(config):
    return i18n.load_strings(config.site_src / "i18n")


def test_no_page_has_bracketed_particles_or_doubled_articles(built_site):
    pages = [
        p for p in built_site.rglob("*") if p.suffix in (".html", ".xml", ".txt")
    ]  # pages, feeds, download READMEs
    assert len(pages) > 40
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for slip in BRACKETED + ["the The"]:
            assert slip not in text, f"{page.relative_to(built_site)}: {slip!r}"
        # a period named by its year after "the" ("in the 2021."), not a year before a noun ("in the 2024 crackdown")
        assert not re.search(r"\bthe 20\d\d\b(?! ?[A-Za-z–-])", text), page.relative_to(built_site)


def test_the_page_says_why_a_share_is_absent(built_site):
    html = (built_site / "en" / "data" / "cyber-sexual-violence-crackdown-2024-25" / "index.html").read_text("utf-8")
    assert html.count("not computed: the release&#39;s parts do not add up to its total") == 5


def test_shipped_school_victims_of_27_august_have_no_made_up_total(built_site):
    html = (built_site / "en" / "data" / "school-incidents" / "index.html").read_text("utf-8")
    # 196 are reports, not victims: no share of 186 students over it (186 of 196 would be 94.9%)
    assert ">186<" in html and "186 of 196" not in html and "94.9%" not in html


def test_home_card_names_the_rule(built_site, config):
    s = strings(config)
    for lang, page in (("ko", built_site / "index.html"), ("en", built_site / "en" / "index.html")):
        html = page.read_text("utf-8")
        assert s[lang]["latest_campaign"] in html and "methodology/#headline" in html
        assert s[lang]["key_figures_rule"] in html.replace("&#39;", "'")
    methodology = (built_site / "en" / "methodology" / "index.html").read_text("utf-8")
    assert 'id="headline"' in methodology and "latest deepfake-specific crackdown" in methodology


def test_disclosure_check_and_methodology_state_the_same_exemption_rule(config, tmp_path, built_site):
    import html
    import re

    for lang, root in (("ko", built_site), ("en", built_site / "en")):
        page = (root / "methodology" / "index.html").read_text(encoding="utf-8")
        text = html.unescape(re.sub(r"<[^>]+>", "", page))
        assert disclosure.exemption_rule(lang, config.disclosure_threshold).replace("`", "") in text
        assert "printed verbatim" not in text and "공식 발표가 이미 그대로" not in text
    rows = OBSERVATIONS + [obs("crackdown", "age_30_39", 3)]
    groups = GROUPS + [{"id": "age_30_39", "parent": "total", "name_ko": "30대", "name_en": "30s"}]
    [problem] = list(
        disclosure.check(load_dataset(write_package(tmp_path / "p", observations=rows, groups=groups)), config)
    )
    assert disclosure.exemption_rule("en", config.disclosure_threshold).replace("`", "") in problem.hint


def test_whats_new_says_which_date_is_which(built_site, config):
    s = strings(config)
    for lang, root in (("ko", built_site), ("en", built_site / "en")):
        html = (root / "whats-new" / "index.html").read_text("utf-8")
        assert s[lang]["dates_note"] in html.replace("&#39;", "'")
        assert "New release" not in html and "새 공개" not in html


def test_english_keeps_published_decimals_and_tiny_rates_read_as_intervals(built_site, config):
    html = (built_site / "en" / "data" / "crackdown-2024-running-totals" / "index.html").read_text("utf-8")
    assert "8.80 a day" in html
    assert sentences.rate_text(48, 245, "cases", "en", strings(config)["en"]) == "about 1 every 5 days"
    assert not re.search(
        r"= 0\.\d+ a day", (built_site / "en" / "data" / "crackdown-2022" / "index.html").read_text("utf-8")
    )


def test_year_on_year_changes_are_labelled_as_such(built_site):
    html = (built_site / "en" / "data" / "cases-by-year" / "index.html").read_text("utf-8")
    assert "Change vs the year before (computed)" in html
    assert "Change vs the comparison window" not in html


def test_a_period_of_daily_averages_is_not_called_a_cumulative_snapshot(built_site):
    page = (built_site / "en" / "data" / "crackdown-2024-running-totals" / "index.html").read_text(encoding="utf-8")
    section = page[page.index('id="since-2024-08-28-to-09-25"') :]
    assert section.index("Daily average over the period") < section.index("</table>")
    assert "Cumulative snapshot" not in section[: section.index("</table>")]
