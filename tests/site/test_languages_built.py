"""Each language on its own pages: the Korean pages name outlets by their Korean names where a source records one
(publisher_ko), and every page's meta description is written in the page's language."""

import re
from html import unescape

from helpers import read_rows

from sitegen.config import ROOT

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Not prose of the page: the head (machine-readable metadata in English), scripts, code (the check's own output in
# the guide) and quotes, which are verbatim in the source's own language.
NOT_TEXT = re.compile(r"<head>.*?</head>|<script\b.*?</script>|<blockquote\b.*?</blockquote>|<code>.*?</code>", re.S)
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


def korean_pages(site):
    return [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "en"]


def english_pages(site):
    return list((site / "en").rglob("*.html"))


def outlets_with_korean_names() -> dict[str, str]:
    """English publisher -> Korean publisher, for every source whose Korean name differs."""
    names = {}
    for path in sorted((ROOT / "datasets").glob("*/data/sources.csv")):
        for source in read_rows(path):
            if source["publisher_ko"] and source["publisher_ko"] != source["publisher"]:
                names[source["publisher"]] = source["publisher_ko"]
    return names


def test_every_source_has_a_korean_name():
    missing = [
        (path.parent.parent.name, s["id"])
        for path in sorted((ROOT / "datasets").glob("*/data/sources.csv"))
        for s in read_rows(path)
        if not s["publisher_ko"]
    ]
    assert missing == []


def test_korean_pages_show_no_english_outlet_name_where_a_korean_one_exists(built_site):
    names = outlets_with_korean_names()
    assert "Voice of the People" in names and names["Segye Ilbo"] == "세계일보"  # the test sees the shipped names
    found = []
    for page in korean_pages(built_site):
        text = unescape(re.sub(r"<[^>]+>", " ", NOT_TEXT.sub(" ", page.read_text(encoding="utf-8"))))
        found += [
            (str(page.relative_to(built_site)), english)
            for english in names
            if re.search(r"(?<![A-Za-z])" + re.escape(english) + r"(?![A-Za-z])", text)
        ]
    assert found == []
    # and the Korean names are there: the source line of the chart of arrests by year
    home = re.sub(r"<[^>]+>", "", NOT_TEXT.sub("", (built_site / "index.html").read_text(encoding="utf-8")))
    assert "국민의힘 보도자료" in home and "세계일보 보도" in home and "People Power Party" not in home


def test_a_press_release_is_not_called_a_report(built_site):
    """A party's press release is released (발표), not reported (보도); a body's own release names it once."""
    page = (built_site / "data" / "cases-by-year" / "index.html").read_text(encoding="utf-8")
    assert "국민의힘 보도자료 보도" not in page and "국민의힘 보도자료" in page
    cyber = (built_site / "data" / "cyber-sexual-violence-crackdown-2024-25" / "index.html").read_text(encoding="utf-8")
    item = cyber[cyber.index('<li id="source-knpa-2025-11-16">') :]
    item = re.sub(r"<[^>]+>", "", item[: item.index("</li>")])
    assert item.startswith("경찰청 발표,") and "보도" not in item


def test_every_meta_description_is_in_its_pages_language(built_site):
    wrong = []
    for page in korean_pages(built_site) + english_pages(built_site):
        html = page.read_text(encoding="utf-8")
        found = DESCRIPTION.search(html)
        if not found:
            continue  # a redirect or a fragment without a head
        description = unescape(found.group(1))
        korean = page.relative_to(built_site).parts[0] != "en"
        if not description.strip() or bool(HANGUL.search(description)) != korean:
            wrong.append((str(page.relative_to(built_site)), description[:80]))
    assert wrong == []


def test_the_home_pages_title_is_the_sites_name_once(built_site, config):
    for root, name in (("", config.site_name_ko), ("en/", config.site_name_en)):
        html = (built_site / root / "index.html").read_text(encoding="utf-8")
        assert f"<title>{name}</title>" in html
