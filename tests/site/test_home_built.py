"""The built site's way in (issue 20 items 1, 2, 7): the crackdowns overview, the home page's short update lines and
a search index small enough for a phone. The same on screen: tests/browser/test_navigation.py."""

import gzip
import json
import re

from benchmarks.search_index import measure
from sitegen.config import ROOT
from sitegen.derive.figures import published
from sitegen.read.catalog import load_dataset
from sitegen.util import i18n

SEARCH_LIMIT = 40 * 1024  # bytes, gzipped, per language: what a phone downloads before its first search result


def test_each_languages_search_index_is_under_40_kib_gzipped(built_site):
    sizes = measure(built_site)
    assert set(sizes) == {"ko", "en"}
    for lang, size in sizes.items():
        assert size["gzipped"] < SEARCH_LIMIT, (lang, size)


def test_the_search_index_leaves_tables_out_and_keeps_every_page_by_title(built_site):
    strings = i18n.load_strings(ROOT / "site_src" / "i18n")
    for lang, root in (("ko", ""), ("en", "en/")):
        docs = json.loads((built_site / root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        pages = {doc["location"].split("#")[0] for doc in docs}
        assert {"", "campaigns/", "glossary/", "help/", "data/special-crackdown-2024/"} <= pages
        # a column heading of the figures tables, found nowhere else on the pages: no table text in the index
        assert not any(strings[lang]["share_of_parent"] in doc["text"] for doc in docs)
        # the figures' periods keep their headings and prose: only the tables go
        assert "data/special-crackdown-2024/#crackdown-2024-08-28" in {doc["location"] for doc in docs}
    # Material removes the mark once it has read it: the published pages are unchanged
    page = (built_site / "data" / "special-crackdown-2024" / "index.html").read_text(encoding="utf-8")
    assert "<table" in page and "data-search-exclude" not in page


def test_the_build_precompresses_the_search_index_as_it_is(built_site):
    for root in ("", "en/"):
        index = built_site / root / "search" / "search_index.json"
        packed = index.with_name(index.name + ".gz")
        assert not packed.exists() or gzip.decompress(packed.read_bytes()) == index.read_bytes()


def test_the_search_index_is_written_in_utf8_not_in_escapes(built_site):
    """The same entries as MkDocs wrote them, Korean as characters: no six-byte \\uXXXX escape for each one."""
    data = (built_site / "search" / "search_index.json").read_bytes()
    assert b"\\u" not in data
    docs = json.loads(data)["docs"]
    home = next(doc for doc in docs if doc["location"] == "")
    assert home["title"].encode() in data and re.search("[가-힣]", home["title"])


def _published_total(package: str, period: str, measure: str) -> float:
    rows = published(load_dataset(ROOT / "datasets" / package))
    rows = rows[(rows["period_id"] == period) & (rows["measure"] == measure) & (rows["group"] == "total")]
    return float(rows["value"].iloc[0])


def test_the_crackdowns_overview_lists_every_crackdown_newest_first_with_its_published_number(built_site):
    for root, number in (("", "{:,}명"), ("en/", "{:,}")):
        html = (built_site / root / "campaigns" / "index.html").read_text(encoding="utf-8")
        items = re.findall(r'<li class="campaign-list__item">(.*?)</li>', html, re.S)
        links = [re.search(r'href="([^"]+)/"', item).group(1) for item in items]
        pages = sorted(p.name for p in (built_site / root / "campaigns").iterdir() if p.name.startswith("crackdown-"))
        assert sorted(links) == pages
        # newest first: the crackdowns' start dates (in their ids here) fall down the list
        assert links == sorted(links, reverse=True)
        for item, period in zip(items, links):
            package = re.search(r'href="\.\./data/([^/"]+)/"', item).group(1)
            shown = re.search(r'<a class="fig" href="[^"]*">([^<]+)</a>', item).group(1)
            assert shown == number.format(int(_published_total(package, period, "arrested"))), (root, period)


def test_home_lines_of_latest_updates_have_no_notes(built_site):
    for root in ("", "en/"):
        html = (built_site / root / "index.html").read_text(encoding="utf-8")
        block = re.search(r'<ul class="latest-updates">(.*?)</ul>', html, re.S).group(1)
        lines = re.findall(r"<li>(.*?)</li>", block, re.S)
        assert 1 <= len(lines) <= 5
        whats_new = (built_site / root / "whats-new" / "index.html").read_text(encoding="utf-8")
        for line in lines:
            text = re.sub(r"<[^>]+>", "", line)
            assert ":" not in text and len(text) <= 90, text  # date · kind · dataset: no note after a colon
            anchor = re.search(r'href="whats-new/#([^"]+)"', line).group(1)
            assert f'id="{anchor}"' in whats_new


def test_the_navigation_names_the_home_page_once_and_topics_in_english(built_site):
    topic = (built_site / "topics" / "arrests" / "index.html").read_text(encoding="utf-8")
    sidebar = topic[topic.index('class="md-nav md-nav--primary') :]
    sidebar = sidebar[: sidebar.index("</nav>")]
    assert re.sub(r"<[^>]+>", " ", sidebar).count("딥페이크 성범죄 단속 통계") <= 1  # its title, not an entry too
    english = (built_site / "en" / "index.html").read_text(encoding="utf-8")
    tabs = re.findall(r'class="md-tabs__link[^"]*">\s*([^<]+?)\s*</a>', english)
    assert tabs[:4] == ["Home", "Topics", "Data", "Crackdown periods"], tabs
