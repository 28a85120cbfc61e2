"""The built site in a real browser: Debian's Chromium driven by Playwright, served on 127.0.0.1.

Every page is loaded once (console errors, failed requests, requests to other
hosts, axe-core WCAG 2.1 A/AA); charts, the language switch, search, downloads,
light/dark, instant navigation and JavaScript-off are checked on the pages
that have them. Screenshots at phone and desktop width go to test-artifacts/.
"""

import csv
import dataclasses
import html
import io
import json
import re
import socket
import zipfile
from urllib.parse import urlparse

import openpyxl
import pytest
from browsing import (
    ARTIFACTS,
    DESKTOP,
    PHONE,
    axe_violations,
    checked_pages,
    make_interactive,
    screenshot,
    side_by_side,
    site_pages,
    wait_for_charts,
)
from playwright.sync_api import expect

from sitegen.build import build_site
from sitegen.commands import static_server
from sitegen.config import ROOT
from sitegen.derive import register
from sitegen.read.standard import SCHEMAS

CHART_PAGE = "data/special-crackdown-2024/"
LINE_PAGE = "data/cases-by-year/"  # a line chart with a dated annotation


def test_the_built_site_has_every_page_type(built_site):
    pages = site_pages(built_site)
    for path in ["", "en/", CHART_PAGE, "en/" + CHART_PAGE, "about/", "en/about/", "help/", "en/help/"]:
        assert path in pages


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_every_page_loads_cleanly_and_passes_axe(base_url, built_site, width):
    # axe is injected as an inline script, which the site's Content-Security-Policy rightly blocks:
    # this context lets the test's own script in (tests/site/test_injection_built.py proves the policy holds).
    def visit(page, path):
        page.goto(base_url + path, wait_until="networkidle")
        wait_for_charts(page)
        expect(page.locator("html")).to_have_attribute("lang", "en" if path.startswith("en/") else "ko")
        violations = axe_violations(page)
        screenshot(page, path, width)
        return violations

    found = side_by_side(
        checked_pages(built_site),
        visit,
        viewport=DESKTOP if width == "desktop" else PHONE,
        is_mobile=width == "phone",
        has_touch=width == "phone",
        bypass_csp=True,
    )
    problems = {path: violations for path, violations in sorted(found.items()) if violations}
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)


@pytest.mark.parametrize(
    "path", [CHART_PAGE, "en/" + CHART_PAGE, LINE_PAGE, "en/" + LINE_PAGE, "topics/arrests/", "en/topics/who/"]
)
def test_the_drawn_and_the_interactive_chart_agree(watched, base_url, path):
    """The chart drawn at build time and the Plotly chart of the same model: the same kind, orientation, number of
    marks, order of labels and colours."""
    page = watched.page()
    page.goto(base_url + path, wait_until="networkidle")
    charts = page.locator("figure.chart")
    assert charts.count() >= 2
    kinds = set()
    for i in range(charts.count()):
        chart = charts.nth(i)
        static = chart.locator(".chart__static")
        kind, orientation = static.get_attribute("data-kind"), static.get_attribute("data-orientation")
        kinds.add(kind)
        marks = static.locator(".chart__mark")
        count = marks.count()
        assert count == int(static.get_attribute("data-marks")) >= 2
        fills = sorted(marks.evaluate_all("ms => ms.map(m => getComputedStyle(m).fill)"))
        labels = static.locator(".chart__label").all_inner_texts()
        if orientation == "h":  # the bars' labels in the table's order
            assert labels == [t.strip() for t in chart.locator("table tbody th").all_text_contents()]
        make_interactive(chart)
        plot = chart.locator(".chart__plot")
        expect(plot.locator(".point")).to_have_count(count, timeout=15000)
        drawn = plot.evaluate("p => ({o: p.data[0].orientation || 'v', t: p.data[0].type})")
        assert drawn["o"] == orientation and drawn["t"] == ("scatter" if kind == "line" else "bar")
        selector = "g.point path" if kind != "line" else "path.point"
        assert sorted(plot.locator(selector).evaluate_all("ps => ps.map(p => getComputedStyle(p).fill)")) == fills
        if orientation == "h":  # top to bottom in the same order
            ticks = plot.locator(".ytick text").evaluate_all(
                "ts => ts.map(t => [t.getBoundingClientRect().top, t.textContent])"
            )
            assert [text for _, text in sorted(ticks)] == labels
        assert plot.get_attribute("role") == "img"
        name = page.locator("#" + plot.get_attribute("aria-labelledby")).inner_text()
        assert name.strip() and name == chart.locator(".chart__title").inner_text()
        assert chart.locator(".chart__source a").count() >= 1  # the source line links its releases
    if path.endswith(LINE_PAGE):
        assert "line" in kinds
    watched.clean()


@pytest.fixture(scope="module")
def deployed_url(tmp_path_factory, config):
    """The site built with its site_url, as deployed: Material's instant navigation needs it (sitemap.xml)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    out = tmp_path_factory.mktemp("deployed") / "site"
    assert build_site(ROOT / "datasets", out, dataclasses.replace(config, site_url=url)) == []
    server = static_server.start(out, port)
    yield url
    server.shutdown()
    server.server_close()


def test_charts_render_after_instant_navigation_and_follow_the_colour_scheme(watched, deployed_url):
    page = watched.page()
    page.goto(deployed_url, wait_until="networkidle")
    page.mouse.move(10, 10)  # a reader's first move starts Material's script (md-start.js), its instant navigation
    page.wait_for_function("() => window.component$ !== undefined")
    page.evaluate("window.__sameDocument = true")
    page.locator('.topic-list a[href$="topics/arrests/"]').click()  # the home page leads to the topic pages
    expect(page).to_have_url(re.compile(re.escape("topics/arrests/") + "$"))
    assert page.evaluate("window.__sameDocument") is True  # Material swapped the page without a reload
    wait_for_charts(page)
    make_interactive(page.locator("figure.chart").first)
    expect(page.locator(".chart__plot .point").first).to_be_attached()
    static_bar = page.locator("figure.chart").nth(1).locator("rect.chart__mark.chart-c0").first
    static_before = static_bar.evaluate("e => getComputedStyle(e).fill")

    def axis_colour():
        return page.locator(".chart__plot .ytick text").first.evaluate("e => getComputedStyle(e).fill")

    before = axis_colour()
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-palette] label:visible").first.click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme)
    page.wait_for_function(
        "c => getComputedStyle(document.querySelector('.chart__plot .ytick text')).fill !== c", arg=before
    )
    assert axis_colour() != before
    assert static_bar.evaluate("e => getComputedStyle(e).fill") != static_before  # the static bars follow it too
    assert page.evaluate("window.__sameDocument") is True
    watched.clean()


def test_the_data_table_sorts_by_a_column(watched, base_url):
    page = watched.page()
    page.goto(base_url + "en/" + CHART_PAGE, wait_until="networkidle")
    chart = page.locator("figure.chart").first
    chart.locator("summary").click()

    def values():
        # the first column of figures (a chart of unequal periods has a column of daily averages beside it)
        return [int(v.replace(",", "")) for v in chart.locator("tbody tr td:nth-of-type(1)").all_inner_texts()]

    button = chart.locator("thead th").nth(1).locator("button")
    button.click()
    assert values() == sorted(values())
    expect(chart.locator("thead th").nth(1)).to_have_attribute("aria-sort", "ascending")
    button.click()
    assert values() == sorted(values(), reverse=True)
    expect(chart.locator("thead th").nth(1)).to_have_attribute("aria-sort", "descending")
    watched.clean()


@pytest.mark.parametrize("path", ["", "en/", CHART_PAGE, "en/" + CHART_PAGE, "help/", "en/help/"])
def test_the_language_switch_keeps_the_page(watched, base_url, path):
    page = watched.page()
    page.goto(base_url + path, wait_until="networkidle")
    other = "ko" if path.startswith("en/") else "en"
    page.locator(".md-header__option .md-select button").hover()
    page.locator(f'a.md-select__link[hreflang="{other}"]').click()
    target = path[3:] if path.startswith("en/") else "en/" + path
    expect(page).to_have_url(base_url + target)
    expect(page.locator("html")).to_have_attribute("lang", other)
    page.wait_for_load_state("networkidle")
    back = page.locator(f'a.md-select__link[hreflang="{"en" if other == "ko" else "ko"}"]')
    assert back.get_attribute("href").endswith(path[3:] if path.startswith("en/") else path)
    watched.clean()


@pytest.mark.parametrize(
    "lang,term,expected",
    [
        ("", "촉법소년", CHART_PAGE),  # appears with particles ("촉법소년은", ...) in Korean text
        ("", "디지털성범죄피해자지원센터", "help/"),
        ("en/", "apprehended", CHART_PAGE),
        ("en/", "1366", "help/"),
    ],
)
def test_search_finds_a_term(watched, base_url, lang, term, expected):
    page = watched.page()
    page.goto(base_url + lang, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(term)
    box.press("End")  # Material searches on key events; fill() alone types no key
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_attached(timeout=15000)
    hrefs = results.evaluate_all("as => as.map(a => a.href)")
    assert any(urlparse(h).path.endswith("/" + lang + expected) for h in hrefs), hrefs
    watched.clean()


def test_every_download_link_returns_its_file(base_url, built_site):
    def visit(page, path):
        checked = 0
        page.goto(base_url + path, wait_until="networkidle")
        earlier = set(page.locator("a.earlier-version").evaluate_all("as => as.map(a => a.href)"))
        for href in page.locator("a[download], a[href*='/downloads/']").evaluate_all("as => as.map(a => a.href)"):
            response = page.request.get(href)
            assert response.status == 200, href
            name = urlparse(href).path.rsplit("/", 1)[-1]
            if "/downloads/charts/" in href:  # exactly the data of one chart
                header, *rows = list(csv.reader(io.StringIO(response.text())))
                assert header[0] in ("period", "period_id", "group") and len(rows) >= 2, href  # a category, then values
                values = [cell for row in rows for cell, name in zip(row[1:], header[1:]) if name != "status"]
                assert values and all(v == "" or float(v) >= 0 for v in values), href
            elif href in earlier:  # the observations as an earlier version published them, in that version's columns
                header = next(csv.reader(io.StringIO(response.text())))
                assert header[:4] == ["period_id", "measure", "group", "value"], href
            elif name == "all-figures.csv":  # every figure in one file, with the columns of its dictionary
                assert next(csv.reader(io.StringIO(response.text()))) == list(register.NAMES), href
            elif name.endswith(".csv"):  # a resource of a data package, with the columns of its schema
                header = next(csv.reader(io.StringIO(response.text())))
                assert header == [f["name"] for f in SCHEMAS[name.removesuffix(".csv")]["fields"]], href
            elif name.endswith(".xlsx"):
                assert "README" in openpyxl.load_workbook(io.BytesIO(response.body()), read_only=True).sheetnames, href
            elif name.endswith(".zip"):
                with zipfile.ZipFile(io.BytesIO(response.body())) as archive:
                    assert archive.testzip() is None and "datapackage.json" in archive.namelist(), href
            elif name.endswith(".json"):
                json.loads(response.text())
            checked += 1
        return checked

    assert sum(side_by_side(site_pages(built_site), visit, viewport=DESKTOP).values()) >= 6


def test_summary_and_table_show_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "en/" + CHART_PAGE)
    chart = page.locator("figure.chart").first
    expect(chart.locator(".chart__summary")).to_be_visible()
    assert re.search(r"\d", chart.locator(".chart__summary").inner_text())
    chart.locator("summary").click()  # <details> opens without script
    expect(chart.locator("table")).to_be_visible()
    screenshot(page, "en/" + CHART_PAGE + "no-js", "phone")
    context.close()


def test_every_page_shows_help_contacts_in_its_footer(base_url, built_site):
    def visit(page, path):
        page.goto(base_url + path, wait_until="networkidle")
        footer = page.locator("footer .site-help")
        expect(footer).to_contain_text("1366")
        footer.locator("a.site-help__page").click()
        expect(page).to_have_url(base_url + ("en/" if path.startswith("en/") else "") + "help/")
        page.wait_for_load_state("networkidle")

    side_by_side(
        [p for p in checked_pages(built_site) if "embed/" not in p],
        visit,  # an embed has no site frame
        viewport=DESKTOP,
    )


@pytest.fixture(scope="module")
def other_origin(tmp_path_factory):
    """A second local web server: a page there stands for an article that embeds a chart."""
    folder = tmp_path_factory.mktemp("article")
    server = static_server.start(folder)
    yield folder, f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_embed_snippet_renders_on_another_origin_and_fits(watched, base_url, built_site, other_origin, lang):
    folder, article_url = other_origin
    assert article_url != base_url
    page = watched.page()
    page.set_viewport_size({"width": 700, "height": 900})
    heights = []
    page.goto(f"{base_url}{lang}charts/arrests-2024-running-total/", wait_until="networkidle")
    shown = page.locator("pre.chart-embed code").inner_text()  # as a reader copies it: the page made it absolute
    assert shown.startswith(f'<iframe src="{base_url}{lang}embed/arrests-2024-running-total/"'), shown
    for chart_page in sorted((built_site / lang / "charts").glob("*/index.html")):
        chart_id = chart_page.parent.name
        written = html.unescape(
            re.search(
                r'<pre class="chart-embed"[^>]*><code[^>]*>(.*?)</code>', chart_page.read_text(encoding="utf-8"), re.S
            ).group(1)
        )
        snippet = written.replace('src="/', f'src="{base_url}')
        assert snippet.startswith(f'<iframe src="{base_url}{lang}embed/{chart_id}/"'), snippet
        (folder / f"{chart_id}.html").write_text(
            f'<!doctype html><html lang="en"><title>Article</title><body><p>An article.</p>{snippet}</body></html>',
            encoding="utf-8",
        )
        page.goto(f"{article_url}{chart_id}.html", wait_until="load")
        frame = page.frame_locator("iframe")
        expect(frame.locator(".chart__static .chart__mark").first).to_be_attached()
        expect(frame.locator(".chart__source")).to_be_visible()
        assert page.locator("iframe").get_attribute("title")
        embedded = next(f for f in page.frames if f.url.startswith(base_url))  # another origin: asked from inside
        needed = embedded.evaluate("Math.ceil(document.body.getBoundingClientRect().height)")
        # the code's script (embed-host.js) fits the frame to the chart; tests/browser/test_phone_layout.py checks
        # the code at 360 and 640 px, with and without it
        page.wait_for_function(
            "h => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 1", arg=needed
        )
        height = page.locator("iframe").evaluate("f => f.getBoundingClientRect().height")
        heights.append((chart_id, needed, height))
    # every chart fits without a scroll bar, and without a large gap below it
    assert [h for h in heights if not h[1] <= h[2] <= h[1] + 160] == []
    watched.clean()


def test_a_chart_page_opens_on_its_table_and_the_language_switch_keeps_the_view(watched, base_url):
    page = watched.page()
    page.goto(base_url + "charts/deepfake-crimes-by-year/#table", wait_until="networkidle")
    expect(page.locator("figure.chart details.chart__table")).to_have_attribute("open", "")
    expect(page.locator("figure.chart table")).to_be_visible()
    page.goto(base_url + "charts/deepfake-crimes-by-year/#chart", wait_until="networkidle")
    expect(page.locator("figure.chart details.chart__table")).not_to_have_attribute("open", "")
    page.goto(base_url + "charts/deepfake-crimes-by-year/#table", wait_until="networkidle")
    page.locator(".md-header__option .md-select button").first.hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    expect(page).to_have_url(re.compile(r"/en/charts/deepfake-crimes-by-year/#table$"))
    expect(page.locator("figure.chart details.chart__table")).to_have_attribute("open", "")
    watched.clean()


TOPIC_PAGES = ["topics/arrests/", "topics/who/", "topics/takedowns/", "topics/schools/", "topics/victims/"]
# (page, stable screenshot name) for the README: the home page and two topic pages, in Korean and English
README_SHOTS = [
    ("", "home-ko"),
    ("en/", "home-en"),
    ("topics/arrests/", "topic-arrests-ko"),
    ("en/topics/arrests/", "topic-arrests-en"),
    ("topics/who/", "topic-who-ko"),
    ("en/topics/who/", "topic-who-en"),
]


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_topic_pages_and_home_load_cleanly_pass_axe_and_are_photographed(base_url, width):
    shots = dict(README_SHOTS)

    def visit(page, path):
        page.goto(base_url + path, wait_until="networkidle")
        wait_for_charts(page)
        expect(page.locator("h1").first).to_be_visible()
        assert page.locator("figure.chart").count() >= 1, path
        if path in shots:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"{shots[path]}-{width}.png"))  # what a reader meets first
        return axe_violations(page)

    found = side_by_side(
        ["", "en/"] + [lang + topic for lang in ["", "en/"] for topic in TOPIC_PAGES],
        visit,
        viewport=DESKTOP if width == "desktop" else PHONE,
        is_mobile=width == "phone",
        has_touch=width == "phone",
        bypass_csp=True,
    )
    problems = {path: violations for path, violations in sorted(found.items()) if violations}
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)
    for _, name in README_SHOTS:
        assert (ARTIFACTS / f"{name}-{width}.png").stat().st_size > 10_000


@pytest.mark.parametrize("path", ["", "topics/arrests/", "en/topics/who/", "topics/victims/"])
def test_topic_pages_and_home_read_without_javascript(browser, base_url, path):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + path)
    expect(page.locator("h1").first).to_be_visible()
    chart = page.locator("figure.chart").first
    expect(chart.locator(".chart__static .chart__mark").first).to_be_visible()  # the chart drawn at build time
    expect(chart.locator(".chart__summary")).to_be_visible()
    if path.startswith(("topics/", "en/topics/")):
        expect(page.locator("#main-points + ul a.fig").first).to_be_visible()  # figures, linked to their sources
        expect(page.locator("#limits")).to_be_visible()
    else:
        expect(page.locator(".topic-list a.topic-list__question")).to_have_count(5)
    if path == "topics/victims/":
        expect(page.locator(".content-note")).to_be_visible()
    context.close()
