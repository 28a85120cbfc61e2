"""In Chromium: the Content-Security-Policy blocks an injected inline script while charts still draw."""

import functools
import http.server
import shutil
import threading

import pytest
from playwright.sync_api import sync_playwright

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGE = "data/special-crackdown-2024/"


@pytest.fixture(scope="module")
def served(built_site, tmp_path_factory):
    """A copy of the built site, with one page carrying markup that escaped escaping, served on 127.0.0.1."""
    site = tmp_path_factory.mktemp("csp") / "site"
    shutil.copytree(built_site, site)
    page = site / "en" / PAGE / "index.html"
    html = page.read_text(encoding="utf-8")
    injected = (
        '<script>window.__injected = 1</script><img src="x" onerror="window.__handler = 1">'
        '<a id="js-link" href="javascript:window.__link = 1">x</a>'
    )
    page.write_text(html.replace("<h1", injected + "<h1", 1), encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        yield browser
        browser.close()


def _open(browser, url):
    page = browser.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, console


def test_charts_draw_and_the_theme_works_under_the_policy(browser, served):
    for url in (served + PAGE, served + "en/" + PAGE):
        page, console = _open(browser, url)
        buttons = page.locator("button.chart__interactive")
        for i in range(buttons.count()):  # plotly.js loads from the site itself and draws under the policy
            buttons.nth(i).click()
        page.wait_for_function(
            "n => document.querySelectorAll('.chart__plot .main-svg').length >= n",
            arg=page.locator(".chart__plot").count(),
            timeout=15000,
        )
        assert page.locator(".chart__plot .main-svg").count() >= page.locator(".chart__plot").count() > 0
        assert page.evaluate("typeof __md_get") == "function"  # the theme's start-up script ran from its file
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert "script-src 'self';" in policy
        if "/en/" not in url:  # the English page is the one carrying injected markup (see `served`)
            assert [line for line in console if "Content Security Policy" in line] == []
        page.close()


def test_injected_inline_script_handler_and_link_do_not_run(browser, served):
    page, console = _open(browser, served + "en/" + PAGE)
    page.click("#js-link")
    page.wait_for_timeout(200)
    assert page.evaluate("[window.__injected, window.__handler, window.__link]") == [None, None, None]
    violations = [line for line in console if "Content Security Policy" in line]
    assert len(violations) >= 3, console
    page.locator("button.chart__interactive").first.click()
    page.wait_for_selector(".chart__plot .main-svg", timeout=15000)
    page.close()
