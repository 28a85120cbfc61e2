"""The colour-scheme toggle (site_src/overrides/assets/js/md-palette.js, in place of Material's palette component):
the system's scheme until the reader chooses, the choice kept across pages, the browser's own colours following,
and the scheme set before the page's content is parsed, so the page is never restyled for it once drawn."""

from browsing import PHONE, Watched
from playwright.sync_api import expect

PAGE = "figures/"
SCHEME = "document.body.getAttribute('data-md-color-scheme')"


def visible_toggle(page):
    return page.locator("form[data-palette] label:visible")


def test_the_system_scheme_holds_until_the_reader_chooses(browser, base_url):
    dark = Watched(browser, viewport=PHONE, color_scheme="dark")
    page = dark.page()
    page.goto(base_url + PAGE)
    assert page.evaluate(SCHEME) == "slate"
    assert page.locator('meta[name="color-scheme"]').get_attribute("content") == "dark"
    assert page.locator('meta[name="theme-color"]').get_attribute("content").startswith("#")
    expect(visible_toggle(page)).to_have_count(1)
    expect(visible_toggle(page)).to_have_attribute("title", "밝은 화면으로 전환")
    page.emulate_media(color_scheme="light")  # the system changes while the page is open: the page follows
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    expect(visible_toggle(page)).to_have_attribute("title", "어두운 화면으로 전환")
    dark.clean()
    dark.context.close()


def test_a_chosen_scheme_is_kept_across_pages_and_languages_of_the_site(browser, base_url):
    light = Watched(browser, viewport=PHONE, color_scheme="light")
    page = light.page()
    page.goto(base_url + PAGE)
    assert page.evaluate(SCHEME) == "default"
    visible_toggle(page).click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert page.locator('meta[name="color-scheme"]').get_attribute("content") == "dark"
    page.goto(base_url + "topics/arrests/")
    assert page.evaluate(SCHEME) == "slate"
    page.emulate_media(color_scheme="light")  # a chosen scheme does not follow the system
    page.reload()
    assert page.evaluate(SCHEME) == "slate"
    visible_toggle(page).click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    light.clean()
    light.context.close()


def test_the_scheme_is_set_before_the_content_is_parsed(browser, base_url):
    """Checked from inside the page: when the content's first element is parsed, <body> already carries the
    system's scheme and <html> the classes Material's script would add, so its start-up changes neither."""
    dark = Watched(browser, viewport=PHONE, color_scheme="dark")
    page = dark.page()
    page.add_init_script(
        """new MutationObserver((records, observer) => {
             if (!document.querySelector("article")) return;
             window.__atContent = [document.body.getAttribute("data-md-color-scheme"),
                                   document.documentElement.className];
             observer.disconnect();
           }).observe(document, {childList: true, subtree: true});"""
    )
    page.goto(base_url + PAGE)
    scheme, classes = page.evaluate("window.__atContent")
    assert scheme == "slate"
    assert set(classes.split()) == {"js", "js-focus-visible"}
    assert page.evaluate("document.documentElement.className.split(' ').sort()") == ["js", "js-focus-visible"]
    assert page.locator("[data-md-component=palette]").count() == 0  # Material's own palette is not started
    dark.clean()
    dark.context.close()
