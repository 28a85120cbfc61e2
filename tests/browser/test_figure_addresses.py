"""Every figure's address, in Chromium.

- On the home, topic, crackdown and dataset pages, in both languages, every number the reader is given as a figure
  (a count with its 명/건, a percentage, "n배") sits in a link to its figure's permalink; notes, quotes of sources
  and changelog entries are words about figures, not figures, and are left alone. Following a link lands on the card
  of that figure (it is the page's :target), showing the same number.
- The finder lists as many rows as data/all-figures.csv; a group and a year, given in the address or chosen in the
  form, show the rows pandas finds in all-figures.csv for them, the address then holds the filters, and the CSV it
  downloads is those rows of all-figures.csv. Without JavaScript the table lists every figure and the form, greyed out, says why.
"""

import io
import re

import pandas as pd
import pytest
from browsing import DESKTOP, PHONE, side_by_side, site_pages
from playwright.sync_api import expect

KOREAN_FIGURE = re.compile(r"\d[\d,.]*\s?(명|건|%|배)")
ENGLISH_FIGURE = re.compile(r"\d[\d,.]*%|\d[\d,.]* times\b")
# words about figures, not figures: notes, source quotes, a package's description and its changelog, validation
# reports, the dictionary
NOT_FIGURES = "blockquote, .note, .chart__note, .package-description, .corrections, .changelog, .period-meta, details.downloads, .dictionary, .quoted, .validation, code, time, .citation, .md-footer, nav"

UNLINKED = """([pattern, skipped]) => {
  const skip = document.querySelectorAll(skipped);
  const found = [];
  const walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('a[href*="figures/"]') || [...skip].some(s => s.contains(node))) continue;
    const match = node.textContent.match(new RegExp(pattern));
    if (match) found.push(match[0] + " in: " + node.textContent.trim().slice(0, 80));
  }
  return found;
}"""


def figure_pages(built_site) -> list[str]:
    return [
        path
        for path in site_pages(built_site)
        if path in ("", "en/") or re.match(r"^(en/)?(topics|campaigns|data)/[^/]+/$", path)
    ]


def all_figures(built_site) -> pd.DataFrame:
    return pd.read_csv(built_site / "data" / "all-figures.csv", dtype={"year": int})


def test_every_figure_on_the_pages_links_to_its_permalink(built_site, base_url):
    paths = figure_pages(built_site)
    assert len(paths) > 30

    def visit(page, path):
        page.goto(base_url + path, wait_until="load")
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        pattern = (ENGLISH_FIGURE if path.startswith("en/") else KOREAN_FIGURE).pattern
        return page.evaluate(UNLINKED, [pattern, NOT_FIGURES]), page.locator('article a[href*="figures/"]').count()

    found = side_by_side(paths, visit, viewport=DESKTOP)
    assert {path: unlinked for path, (unlinked, _) in found.items() if unlinked} == {}
    assert all(count > 0 for _, count in found.values()), {p: c for p, (_, c) in found.items() if not c}


@pytest.mark.parametrize(
    "path", ["", "en/", "topics/who/", "en/campaigns/crackdown-2024-08-28/", "data/cases-by-year/"]
)
def test_a_figure_link_lands_on_its_card_with_the_same_number(browser, base_url, path):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + path, wait_until="load")
    link = page.locator('article a.fig[href*="figures/"]').first
    number = re.search(r"\d[\d,.]*", link.inner_text()).group()
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(re.compile(re.escape(href.split("#", 1)[1]) + "$"))
    card = page.locator("article.figure-card:target")
    expect(card).to_be_visible()
    assert card.get_attribute("id") == href.split("#", 1)[1]
    assert card.locator(".figure-card__value").inner_text().strip(), "the card shows the figure's value"
    assert number.replace(",", "") in card.inner_text().replace(",", "")  # the figure or what is computed from it
    context.close()


@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_finder_filters_like_pandas_and_downloads_what_it_shows(browser, base_url, built_site, lang):
    table = all_figures(built_site)
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{base_url}{lang}figures/", wait_until="load")
    rows = page.locator("#finder-table tbody tr:not([hidden])")
    expect(rows).to_have_count(len(table))

    group, year = "age_10_19", 2024
    expected = list(table[(table["group"] == group) & (table["year"] == year)]["id"])
    assert 0 < len(expected) < len(table)
    page.select_option("select[name=group]", group)
    page.select_option("select[name=year]", str(year))
    expect(rows).to_have_count(len(expected))
    assert rows.evaluate_all("rows => rows.map(r => r.dataset.id)") == expected
    assert f"group={group}" in page.url and f"year={year}" in page.url

    shared = context.new_page()  # the address, shared: the same rows
    shared.goto(page.url, wait_until="load")
    expect(shared.locator("#finder-table tbody tr:not([hidden])")).to_have_count(len(expected))
    assert shared.locator("select[name=group]").input_value() == group

    with page.expect_download() as download:
        page.click(".finder__download")
    downloaded = pd.read_csv(io.BytesIO(download.value.path().read_bytes()), dtype={"year": int})
    assert list(downloaded.columns) == list(table.columns)
    pd.testing.assert_frame_equal(
        downloaded.reset_index(drop=True), table[table["id"].isin(expected)].reset_index(drop=True), check_dtype=False
    )

    page.fill("input[name=text]", "zzz-no-such-figure")
    expect(rows).to_have_count(0)
    expect(page.locator(".finder__none")).to_be_visible()
    page.click(".finder__reset")
    expect(rows).to_have_count(len(table))
    context.close()


def test_the_finder_searches_in_both_languages(browser, base_url, built_site):
    table = all_figures(built_site)
    teens = table[table["group_name_ko"].str.contains("10대") | table["group_name_en"].str.lower().str.contains("teen")]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for query in ("10대", "teens"):  # on the Korean page: its own words, then the English names from all-figures.json
        page.goto(f"{base_url}figures/?text={query}", wait_until="load")
        page.wait_for_selector("#finder[data-words=loaded]", state="attached")
        page.mouse.move(10, 10)  # Material's script starts: its own search (?q=) must not take the finder's words
        page.wait_for_function("() => window.component$ !== undefined")
        assert page.locator("#__search").is_checked() is False
        shown = page.locator("#finder-table tbody tr:not([hidden])").evaluate_all("rows => rows.map(r => r.dataset.id)")
        assert shown and set(shown) <= set(table["id"])
        assert set(teens["id"]) & set(shown), query
    context.close()


def test_without_javascript_the_finder_is_a_plain_table_of_every_figure(browser, base_url, built_site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}en/figures/", wait_until="load")
    expect(page.locator("#finder select[name=group]")).to_be_disabled()
    expect(page.locator(".finder__nojs")).to_be_visible()
    expect(page.locator("#finder-table tbody tr")).to_have_count(len(all_figures(built_site)))
    expect(page.locator("#finder-table tbody tr").first).to_be_visible()
    context.close()
