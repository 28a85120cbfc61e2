"""Navigation on every screen and the answer first (issue 20 items 1 and 2), in both languages:

- every top-level section is reachable by a visible link from the home page and from a topic page: the tabs on a
  wide screen, the drawer (after opening it) on a phone and on a screen between the two;
- "Crackdown periods" opens the crackdowns overview, newest first, not the oldest crackdown;
- on a phone (390 × 844) the first key-figure card is on the first screen, above the first chart;
- the site's name in the header is not cut off on a phone;
- the home page's latest updates are one short line each, without the notes (those are on What's new).
"""

import re

import pytest
from browsing import PHONE
from playwright.sync_api import expect

SECTIONS = {
    "": ["홈", "주제별로 보기", "데이터", "집중단속 기간", "용어 설명", "새 소식", "소개", "도움받기"],
    "en/": ["Home", "Topics", "Data", "Crackdown periods", "Glossary", "What's new", "About", "Get help"],
}
CAMPAIGNS = {"": "집중단속 기간", "en/": "Crackdown periods"}
WIDE = {"width": 1366, "height": 900}
BETWEEN = {"width": 1000, "height": 800}  # below Material's tabs (1220 px): the drawer, as on a phone
PAGES = ["", "topics/arrests/"]


def _open(watched, base_url, path, viewport):
    page = watched.page()
    page.set_viewport_size(viewport)
    page.goto(base_url + path, wait_until="networkidle")
    return page


def _top_level(page, viewport):
    """{label: element} of the visible top-level navigation entries: the tabs, or the drawer's first level."""
    if viewport["width"] >= 1220:
        expect(page.locator("label.md-header__button[for='__drawer']")).to_be_hidden()
        links = page.locator("nav.md-tabs a.md-tabs__link")
    else:
        expect(page.locator("nav.md-tabs")).to_be_hidden()
        page.locator("label.md-header__button[for='__drawer']").click()
        links = page.locator(
            "nav.md-nav--primary > ul.md-nav__list > li.md-nav__item > :is(a, label).md-nav__link:not(.md-nav__container)"
        )
        expect(links.first).to_be_visible()
        page.wait_for_function(  # the drawer has slid in
            "() => document.querySelector('nav.md-nav--primary').getBoundingClientRect().left >= 0"
        )
    found = {}
    for index in range(links.count()):
        link = links.nth(index)
        if link.is_visible():
            found[link.inner_text().strip()] = link
    return found


@pytest.mark.parametrize("viewport", [PHONE, BETWEEN, WIDE], ids=["phone", "between", "wide"])
@pytest.mark.parametrize("path", PAGES, ids=["home", "topic"])
@pytest.mark.parametrize("lang", ["", "en/"], ids=["ko", "en"])
def test_every_section_is_reachable_by_a_visible_link(watched, base_url, lang, path, viewport):
    page = _open(watched, base_url, lang + path, viewport)
    found = _top_level(page, viewport)
    assert list(found) == SECTIONS[lang], list(found)
    for name, element in found.items():
        box = element.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (name, box)
        if element.evaluate("e => e.tagName") == "LABEL":  # the section of the page itself, in the drawer:
            element.click()  # it opens onto its pages
            nested = element.locator("xpath=..").locator("nav.md-nav a.md-nav__link")
            expect(nested.first).to_be_visible()
        else:
            href = element.get_attribute("href")
            assert href, name
            response = page.request.get(element.evaluate("a => a.href"))
            assert response.ok, (name, href)
    watched.clean()


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "wide"])
@pytest.mark.parametrize("lang", ["", "en/"], ids=["ko", "en"])
def test_crackdown_periods_open_the_overview_newest_first(watched, base_url, lang, viewport):
    page = _open(watched, base_url, lang, viewport)
    _top_level(page, viewport)[CAMPAIGNS[lang]].click()
    expect(page).to_have_url(base_url + lang + "campaigns/")
    expect(page.locator("h1")).to_have_text(CAMPAIGNS[lang])
    starts = page.locator(".campaign-list__item").evaluate_all(
        "items => items.map(li => li.querySelector('a.campaign-list__name').getAttribute('href'))"
    )
    assert len(starts) >= 2 and "crackdown-2022-03-01/" in starts
    assert starts[-1] == "crackdown-2022-03-01/", starts  # the oldest last
    for item in page.locator(".campaign-list__item").all():
        assert re.search(r"\d", item.locator("a.fig").inner_text()), item.inner_text()  # one number, from the data
    watched.clean()


@pytest.mark.parametrize("lang", ["", "en/"], ids=["ko", "en"])
def test_the_first_key_figure_is_on_the_first_phone_screen_above_the_chart(watched, base_url, lang):
    page = _open(watched, base_url, lang, PHONE)
    card = page.locator(".key-figure").first.bounding_box()
    answer = page.locator(".home-answer").bounding_box()
    chart = page.locator(".chart").first.bounding_box()
    assert answer["y"] < card["y"], (answer, card)
    assert 0 <= card["y"] and card["y"] + card["height"] <= PHONE["height"], card
    assert card["y"] + card["height"] <= chart["y"], (card, chart)
    watched.clean()


@pytest.mark.parametrize("path", PAGES, ids=["home", "topic"])
@pytest.mark.parametrize("lang", ["", "en/"], ids=["ko", "en"])
def test_the_site_name_in_the_header_is_not_cut_off_on_a_phone(watched, base_url, lang, path):
    page = _open(watched, base_url, lang + path, PHONE)
    title = page.locator(".md-header__title .md-header__topic").first.locator(".md-ellipsis")
    expect(title).to_be_visible()
    sizes = title.evaluate(
        "e => [e.scrollWidth, e.clientWidth, e.scrollHeight, e.clientHeight, e.closest('.md-header').clientHeight,"
        " e.getBoundingClientRect().bottom]"
    )
    scroll_width, width, scroll_height, height, header, bottom = sizes
    assert scroll_width <= width and scroll_height <= height, sizes
    assert bottom <= header, sizes  # inside the header bar
    watched.clean()


@pytest.mark.parametrize("lang", ["", "en/"], ids=["ko", "en"])
def test_latest_updates_are_short_lines_linking_to_whats_new(watched, base_url, lang):
    page = _open(watched, base_url, lang, PHONE)
    lines = page.locator("ul.latest-updates > li")
    assert 1 <= lines.count() <= 5
    for line in lines.all():
        text = line.inner_text()
        assert "\n" not in text.strip() and len(text) <= 90, text  # date · kind · dataset, no note
        assert line.locator("time").count() == 1
        href = line.locator("a").get_attribute("href")
        assert re.fullmatch(r"whats-new/#change-[a-z0-9-]+-[0-9.]+", href), href
        target = page.request.get(base_url + lang + href.split("#")[0])
        assert target.ok and f'id="{href.split("#")[1]}"' in target.text(), href
    watched.clean()
