"""Topic pages: figures in prose come from the data (fig, change, share, per_day, chart), never typed by hand."""

import re


def test_a_figure_is_formatted_with_its_counter_and_linked_to_its_permalink(built_site):
    page = (built_site / "topics" / "arrests" / "index.html").read_text(encoding="utf-8")
    assert '<a class="fig" href="../../figures/cases-by-year/#year-2024/arrested/total">682명</a>' in page
    assert ">1,202건</a>" in page
    assert "이(가)" not in page and "을(를)" not in page


def test_computed_figures(built_site):
    english = (built_site / "en" / "topics" / "arrests" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", english)
    # 963 vs 267: +260.7%; per day: 267 in 240 days, 963 in 216 days
    assert "3.6 times the 267" in text and "4 times as many a day" in text
    assert "1.1 people a day before the crackdown and 4.5 during it" in text
    who = re.sub(r"<[^>]+>", "", (built_site / "en" / "topics" / "who" / "index.html").read_text(encoding="utf-8"))
    assert "Mostly teenagers: 69.5% of those apprehended" in who


def test_topics_come_first_in_the_navigation(built_site):
    for lang, expected in [
        ("", ["홈", "주제별로 보기", "데이터"]),  # the home page is "Home": the navigation's title names the site
        ("en/", ["Home", "Topics", "Data"]),
    ]:
        html = (built_site / lang / "index.html").read_text(encoding="utf-8")
        nav = html[html.index("md-nav--primary") :]
        labels = re.findall(r'class="md-nav__link[^"]*"[^>]*>\s*(?:<span[^>]*>)?\s*([^<]+?)\s*<', nav)
        assert labels[:3] == expected, labels[:8]
