"""What the browser tests share: Debian's Chromium driven by Playwright, a context that records errors and
requests to other hosts, pages visited side by side, axe-core, screenshots (test-artifacts/screenshots/).
The fixtures that use them are in conftest.py beside this file."""

import queue
import re
import threading
from urllib.parse import urlparse

from playwright.sync_api import expect, sync_playwright

from sitegen.config import ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


class Watched:
    """A browser context that records console errors, failed requests and requests to other hosts."""

    def __init__(self, browser, **options):
        self.context = browser.new_context(**options)
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.context.route("**/*", self._route)
        self.context.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.context.on("weberror", lambda e: self.errors.append(f"page error: {e.error}"))
        self.context.on("requestfailed", self._failed)
        self.context.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status}: {r.url}"))

    def _route(self, route):
        if urlparse(route.request.url).hostname == "127.0.0.1" or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.foreign.append(route.request.url)
            route.abort()

    def _failed(self, request):
        """A request that failed, unless the browser dropped it because the page it belonged to went away (a link
        followed, the next page loaded): Chromium reports those as net::ERR_ABORTED. A missing file is an HTTP error
        (recorded above), a blocked one a console error."""
        if request.failure != "net::ERR_ABORTED":
            self.errors.append(f"failed: {request.url} {request.failure}")

    def page(self):
        self.last = self.context.new_page()
        return self.last

    def clean(self):
        self.last.wait_for_load_state("networkidle")  # a request cut off by the next page is no failure
        assert self.errors == [] and self.foreign == [], "\n".join(self.errors + self.foreign)


SIDE_BY_SIDE = 4  # pages loaded at once by the tests that visit every page


def side_by_side(paths: list[str], visit, **options) -> dict:
    """{path: visit(page, path)} for every path, SIDE_BY_SIDE pages at a time: each thread runs its own Chromium
    (Playwright's objects belong to the thread that made them) with one Watched context (options as for Watched)
    and one page, and takes the next path when its page is done. Each context must end clean and without a cookie.
    An error in any thread fails the test, after the others have stopped."""
    todo: queue.Queue[str] = queue.Queue()
    for path in paths:
        todo.put(path)
    results: dict = {}
    errors: list[BaseException] = []

    def worker():
        try:
            with sync_playwright() as playwright:
                chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
                context = Watched(chromium, **options)
                page = context.page()
                while not errors:
                    try:
                        path = todo.get_nowait()
                    except queue.Empty:
                        break
                    results[path] = visit(page, path)
                assert context.context.cookies() == []
                context.clean()
                context.context.close()
                chromium.close()
        except BaseException as error:  # noqa: BLE001 - raised again in the test's own thread
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(min(SIDE_BY_SIDE, len(paths)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    assert sorted(results) == sorted(paths)  # every page was visited
    return results


def site_pages(built_site) -> list[str]:
    """Every page's path relative to the site root: "", "about/", "en/data/x/", ..."""
    paths = (p.parent.relative_to(built_site).as_posix() for p in built_site.rglob("index.html"))
    return sorted("" if path == "." else path + "/" for path in paths)


def checked_pages(built_site) -> list[str]:
    """Every page, but of the pages that only show one chart (charts/<id>/, embed/<id>/, made by one template each)
    the first two of each language: one page of every kind is what axe and the console checks need."""
    pages, seen = [], {}
    for path in site_pages(built_site):
        kind = re.match(r"^(en/)?(charts|embed)/", path)
        if kind:
            seen[kind.group()] = seen.get(kind.group(), 0) + 1
            if seen[kind.group()] > 2:
                continue
        pages.append(path)
    return pages


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""() => axe.run(document, {
        runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]})""")
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]
    ]


def screenshot(page, path: str, width: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = (path.strip("/").replace("/", "_") or "home") + f"-{width}.png"
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def wait_for_charts(page) -> None:
    """Every chart shows the drawing made at build time (no script needed)."""
    plots = page.locator(".chart__plot")
    for i in range(plots.count()):
        expect(plots.nth(i).locator(".chart__static .chart__mark").first).to_be_attached()


def make_interactive(chart) -> None:
    """Press "Interactive chart": plotly.js is fetched and draws the Plotly figure in place of the static bars."""
    button = chart.locator("button.chart__interactive")
    expect(button).to_be_visible()
    button.click()
    expect(chart.locator(".chart__plot svg.main-svg").first).to_be_attached(timeout=15000)
    expect(button).to_be_hidden()
