"""Every figure's address in the built site: each number on the home, topic, dataset, crackdown and chart pages links
to a card that exists, each card lists exactly the pages that link to it, the finder lists every figure of
data/all-figures.csv once (readable without JavaScript), and the figure pages stay out of the search index."""

import json
import re
from collections import defaultdict
from pathlib import Path

import lxml.html
import pandas as pd

LANGS = ("", "en/")
SECTIONS = ("topics", "data", "campaigns", "charts")


def figures(site: Path) -> pd.DataFrame:
    return pd.read_csv(site / "data" / "all-figures.csv", dtype=str, keep_default_na=False)


def citing_pages(site: Path, lang: str) -> list[Path]:
    """The pages of one language that show figures: home, topics, datasets, crackdowns, charts, and the rest."""
    root = site / lang
    pages = [root / "index.html"]
    for path in sorted(root.rglob("index.html")):
        relative = path.relative_to(root).as_posix()
        if relative.split("/")[0] in ("figures", "en", "embed", "search", "assets") or path == root / "index.html":
            continue
        pages.append(path)
    return pages


def figure_links(page: Path) -> list[tuple[str, str]]:
    """(package, period/measure/group) of every link to a figure's permalink on the page."""
    tree = lxml.html.fromstring(page.read_bytes())
    found = []
    for href in tree.xpath("//article//a/@href"):
        match = re.fullmatch(r"(?:\.\./)*figures/([^/#]+)/#(.+)", href)
        if match:
            found.append((match.group(1), match.group(2)))
    return found


def cards(site: Path, lang: str, package: str) -> dict[str, lxml.html.HtmlElement]:
    tree = lxml.html.fromstring((site / lang / "figures" / package / "index.html").read_bytes())
    return {card.get("id"): card for card in tree.xpath('//article[@class="figure-card"]')}


def test_every_figure_has_a_card_in_both_languages(built_site):
    table = figures(built_site)
    assert len(table) > 100 and table["id"].is_unique
    for lang in LANGS:
        for package, rows in table.groupby("package"):
            found = cards(built_site, lang, package)
            assert set(found) == {i.split("/", 1)[1] for i in rows["id"]}, package
            for _, row in rows.iterrows():
                card = found[f"{row['period_id']}/{row['measure']}/{row['group']}"]
                text = card.text_content()
                assert row["id"] in text and row[f"measure_name_{'en' if lang else 'ko'}"] in text
                if row["source_url"]:
                    assert row["source_url"] in card.xpath(".//a/@href")


def test_every_figure_link_on_every_page_reaches_its_card(built_site):
    checked = 0
    for lang in LANGS:
        known = defaultdict(set)
        for package in figures(built_site)["package"].unique():
            known[package] = set(cards(built_site, lang, package))
        for page in citing_pages(built_site, lang):
            for package, anchor in figure_links(page):
                assert anchor in known[package], f"{page}: figures/{package}/#{anchor}"
                checked += 1
    assert checked > 500


def test_cited_on_lists_exactly_the_pages_that_link_to_the_figure(built_site):
    for lang in LANGS:
        root = built_site / lang
        linking = defaultdict(set)
        for page in citing_pages(built_site, lang):
            url = page.parent.relative_to(root).as_posix()
            for package, anchor in figure_links(page):
                linking[f"{package}/{anchor}"].add("" if url == "." else url + "/")
        for package in figures(built_site)["package"].unique():
            for anchor, card in cards(built_site, lang, package).items():
                listed = {
                    re.sub(r"^(\.\./)+", "", href)
                    for href in card.xpath('.//div[@class="figure-card__cited"]//a/@href')
                }
                listed = {"" if href in ("", "./") else href for href in listed}
                assert listed == linking[f"{package}/{anchor}"], (lang, package, anchor)
                assert f"data/{package}/" in listed  # at least its dataset's table


def test_the_finder_lists_every_figure_once_without_javascript(built_site):
    table = figures(built_site)
    for lang in LANGS:
        tree = lxml.html.fromstring((built_site / lang / "figures" / "index.html").read_bytes())
        rows = tree.xpath('//table[@id="finder-table"]/tbody/tr')
        assert [row.get("data-id") for row in rows] == list(table["id"])
        assert tree.xpath('//form[@id="finder"]/fieldset')[0].get("disabled") is not None  # the script turns them on
        for row, (_, figure) in zip(rows, table.iterrows()):
            assert row.get("data-group") == figure["group"] and row.get("data-year") == figure["year"]
            link = row.xpath(".//a/@href")[0]
            assert (
                link == f"../figures/{figure['package']}/#{figure['period_id']}/{figure['measure']}/{figure['group']}"
            )


def test_the_figure_pages_stay_out_of_the_search_index(built_site):
    for lang in LANGS:
        index = json.loads((built_site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert "figures/" in locations  # the finder is found by its title
        assert not any(re.fullmatch(r"figures/[^/]+/", location) for location in locations)
