"""Material's script starts at the reader's first touch, swipe, key, wheel turn, mouse move or focus
(site_src/overrides/assets/js/md-start.js): not before, and then everything it does works, including what the
first touch asked for (a tap on the search button, the "/" key); a tap on a link only loads the next page."""

import re

from browsing import DESKTOP, PHONE, Watched
from playwright.sync_api import expect

BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
INDEX = re.compile(r"/search/search_index\.json$")
STARTED = "() => window.component$ !== undefined"  # Material's script sets window.component$ when it runs
SEARCH_BOX = "input.md-search__input"


def _requests(watched):
    seen: list[str] = []
    watched.context.on("request", lambda request: seen.append(request.url))
    return seen


def test_a_page_that_is_only_read_loads_neither_materials_script_nor_the_search_index(watched, base_url):
    seen = _requests(watched)
    page = watched.page()
    page.goto(base_url + "figures/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not any(BUNDLE.search(url) or INDEX.search(url) for url in seen), seen
    assert page.evaluate(STARTED) is False
    expect(page.locator("form#finder")).to_have_attribute("data-ready", "true")  # the page's own script ran
    page.mouse.wheel(0, 300)
    page.wait_for_function(STARTED)
    page.wait_for_load_state("networkidle")
    assert sum(bool(BUNDLE.search(url)) for url in seen) == 1
    assert any(INDEX.search(url) for url in seen)  # Material's search loaded its index
    watched.clean()


def test_a_tap_on_the_search_button_opens_the_search_with_the_keyboard_up(browser, base_url):
    """On a phone the search box must take the focus in the tap itself (that brings up the keyboard), before
    Material's script, which the tap only starts, is there; what is typed meanwhile is searched once it is."""
    phone = Watched(browser, viewport=PHONE, has_touch=True, is_mobile=True)
    page = phone.page()
    page.goto(base_url + "en/", wait_until="networkidle")
    assert page.evaluate(STARTED) is False
    page.locator("header label.md-header__button[for=__search]").tap()
    expect(page.locator(SEARCH_BOX)).to_be_focused()
    page.keyboard.type("1366")
    expect(page.locator(".md-search-result__item a[href*='/en/help/?']").first).to_be_attached(timeout=15000)
    phone.clean()
    phone.context.close()


def test_the_key_that_starts_materials_script_still_opens_the_search(watched, base_url):
    page = watched.page()
    page.goto(base_url + "topics/arrests/", wait_until="networkidle")
    assert page.evaluate(STARTED) is False
    page.keyboard.press("/")
    page.wait_for_function(STARTED)
    expect(page.locator(SEARCH_BOX)).to_be_focused()
    watched.clean()


def test_a_search_address_starts_materials_script_with_the_page(watched, base_url):
    page = watched.page()
    page.goto(base_url + "en/?q=1366", wait_until="networkidle")
    page.wait_for_function(STARTED)
    expect(page.locator(SEARCH_BOX)).to_have_value("1366")
    expect(page.locator(".md-search-result__item a[href*='/en/help/?']").first).to_be_attached(timeout=15000)
    watched.clean()


def _shown(page, selector) -> bool:
    """One of the elements is drawn where it stands: the point at its centre hits it (not in a box of no height
    that clips it)."""
    return page.locator(selector).evaluate_all(
        """es => es.some(e => { const r = e.getBoundingClientRect();
                  return r.height > 0 && e.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); })"""
    )


def test_the_navigation_and_contents_of_a_wide_screen_show_before_materials_script_starts(browser, base_url):
    desktop = Watched(browser, viewport=DESKTOP)
    page = desktop.page()
    page.goto(base_url + "methodology/", wait_until="networkidle")
    assert page.evaluate(STARTED) is False
    assert _shown(page, ".md-sidebar--primary .md-nav__link--active")
    assert _shown(page, ".md-sidebar--secondary .md-nav__link")
    page.mouse.move(10, 10)
    page.wait_for_function(STARTED)
    expect(page.locator("html")).to_have_attribute("data-md-started", "")
    page.wait_for_function("() => document.querySelector('.md-sidebar__scrollwrap').style.height !== ''")
    assert _shown(page, ".md-sidebar--primary .md-nav__link--active")
    assert _shown(page, ".md-sidebar--secondary .md-nav__link")
    desktop.clean()
    desktop.context.close()


def test_a_tap_on_a_link_loads_the_next_page_and_not_materials_script(browser, base_url):
    phone = Watched(browser, viewport=PHONE, has_touch=True, is_mobile=True)
    seen = _requests(phone)
    page = phone.page()
    page.goto(base_url, wait_until="networkidle")
    card = page.locator("a.key-figure").first  # on the first screen, so the tap is all there is
    target = card.evaluate("a => a.href")
    card.tap()
    expect(page).to_have_url(target)
    page.wait_for_load_state("networkidle")
    assert not any(BUNDLE.search(url) for url in seen), seen
    phone.clean()
    phone.context.close()


def test_a_touch_that_finds_no_connection_leaves_the_next_one_to_start_it(watched, base_url):
    failed = []

    def first_fails(route):
        if not failed:
            failed.append(route.request.url)
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page = watched.page()
    page.route(BUNDLE, first_fails)
    page.goto(base_url + "en/help/", wait_until="networkidle")
    page.mouse.move(10, 10)
    page.wait_for_function("() => !document.querySelector('script[src*=\"javascripts/bundle\"]')")  # given up
    assert len(failed) == 1 and page.evaluate(STARTED) is False
    page.mouse.move(20, 20)
    page.wait_for_function(STARTED)
    # the failed request, as the context records it (the request and the console's line), was the point
    watched.errors[:] = [e for e in watched.errors if "bundle" not in e and "ERR_INTERNET_DISCONNECTED" not in e]
    watched.clean()
