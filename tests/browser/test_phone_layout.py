"""Pages that read on a phone and embeds that fit: tables at 390 px, the embed code at 360 and 640 px.

- Every page with a table, at 390 px, is no wider than the screen: a figure table becomes stacked rows, any other
  wide table scrolls inside its own box (document.scrollWidth <= 390).
- The embed code of every chart, as the chart page gives it, on another origin, in both languages, in a column
  360 and 640 px wide, shows the whole chart, its source line and the link back: the <iframe> is at least as tall
  as what it holds, with the site's script (fitted to it) and without it (the height written in the code).
- A data table sorts by the numbers the build wrote (data-sort), not by the words of a cell.
"""

import html
import re

import pytest
from browsing import PHONE, site_pages, wait_for_charts
from playwright.sync_api import expect

from sitegen.commands import static_server

WIDTHS = (360, 640)


def table_pages(built_site) -> list[str]:
    return [
        path
        for path in site_pages(built_site)
        if not re.match(r"^(en/)?embed/", path) and "<table" in (built_site / path / "index.html").read_text("utf-8")
    ]


def test_no_page_with_a_table_is_wider_than_a_phone(browser, base_url, built_site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    wide = {}
    paths = table_pages(built_site)
    assert any(p.startswith("campaigns/") for p in paths) and any(p.startswith("en/data/") for p in paths)
    for path in paths:
        page.goto(base_url + path, wait_until="load")
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")  # the data tables too
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[path] = width
    context.close()
    assert wide == {}


@pytest.mark.parametrize("lang", ["", "en/"])
def test_a_figure_row_on_a_phone_is_a_card_with_a_short_source(browser, base_url, lang):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{base_url}{lang}campaigns/crackdown-2024-08-28/", wait_until="load")
    row = page.locator("table.figures tbody tr").first
    expect(row).to_be_visible()
    assert row.evaluate("r => getComputedStyle(r).display") == "block"
    measure = row.locator("td.figures__measure")
    # a label keeps its words whole: "검거 인원" is one or two lines, never a syllable a line
    lines = measure.evaluate(
        "td => Math.round(td.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight))"
    )
    assert lines <= 2, measure.inner_text()
    source = row.locator("td.figures__source a.cite")
    assert source.get_attribute("href").startswith("#source-")
    assert page.locator(source.get_attribute("href")).count() == 1  # the full entry, below
    assert len(source.inner_text()) < 40
    context.close()


@pytest.fixture(scope="module")
def article_server(tmp_path_factory):
    """Another origin: a page there stands for an article that embeds a chart."""
    folder = tmp_path_factory.mktemp("articles")
    server = static_server.start(folder)
    yield folder, f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def embed_codes(built_site, lang: str) -> dict[str, str]:
    """Every chart's embed code as its page gives it (the page's script makes the addresses absolute)."""
    codes = {}
    for chart_page in sorted((built_site / lang / "charts").glob("*/index.html")):
        found = re.search(r'<pre class="chart-embed"[^>]*><code[^>]*>(.*?)</code>', chart_page.read_text("utf-8"), re.S)
        if found:  # a removed chart's page has no embed
            codes[chart_page.parent.name] = html.unescape(found.group(1))
    return codes


def fits(page, frame_url_start: str, scripted: bool) -> list[tuple]:
    """(width, iframe height, content height, back-link bottom) of each iframe that does not show all it holds."""
    cut = []
    iframes = page.locator("iframe")
    for i in range(iframes.count()):
        iframe = iframes.nth(i)
        frame = iframe.element_handle().content_frame()
        expect(frame.locator(".chart__static .chart__mark").first).to_be_attached()
        expect(frame.locator(".chart__source")).to_be_visible()
        frame.evaluate("() => document.fonts.ready.then(() => true)")  # measured in its own fonts, not a fallback's
        needed = frame.evaluate(
            "() => { const b = document.body, s = getComputedStyle(b);"
            " return Math.ceil(b.getBoundingClientRect().height + parseFloat(s.marginTop) + parseFloat(s.marginBottom)); }"
        )
        if scripted:  # the host script fits the frame to the height the chart reports
            page.wait_for_function(
                "([el, h]) => Math.abs(el.getBoundingClientRect().height - h) <= 1",
                arg=[iframe.element_handle(), needed],
                timeout=5000,
            )
        height = iframe.evaluate("f => f.clientHeight")
        width = iframe.evaluate("f => f.clientWidth")
        back = frame.evaluate("() => Math.ceil(document.querySelector('.embed__back').getBoundingClientRect().bottom)")
        if needed > height or back > height:
            cut.append((width, height, needed, back))
    return cut


@pytest.mark.parametrize("scripted", [True, False], ids=["with-script", "without-script"])
@pytest.mark.parametrize("lang", ["", "en/"])
def test_every_embed_code_shows_the_whole_chart_at_360_and_640(
    watched, base_url, built_site, article_server, lang, scripted
):
    folder, article_url = article_server
    page = watched.page()
    page.set_viewport_size({"width": 1300, "height": 3000})  # both columns on the screen: no lazy frame waits
    codes = embed_codes(built_site, lang)
    assert len(codes) >= 15
    cut = {}
    for chart_id, code in codes.items():
        code = code.replace('src="/', f'src="{base_url}')  # as the page shows it (no site_url in a test build)
        assert code.startswith(f'<iframe src="{base_url}{lang}embed/{chart_id}/"'), code
        assert f'<script src="{base_url}assets/js/embed-host.js" async></script>' in code
        if not scripted:  # a host that strips scripts keeps the <iframe> alone, at its written height
            code = code.split("<script")[0]
        columns = "".join(f'<div style="width:{w}px;margin:0 0 24px">{code}</div>' for w in WIDTHS)
        name = f"{lang.strip('/') or 'ko'}-{chart_id}-{'s' if scripted else 'n'}.html"
        (folder / name).write_text(
            f'<!doctype html><html lang="en"><title>Article</title><body style="margin:0">'
            f'<div style="display:flex;gap:24px;align-items:flex-start">{columns}</div></body></html>',
            encoding="utf-8",
        )
        page.goto(article_url + name, wait_until="load")
        assert page.locator("iframe").evaluate_all("fs => fs.map(f => f.clientWidth)") == list(WIDTHS)
        found = fits(page, base_url, scripted)
        if found:
            cut[chart_id] = found
    assert cut == {}
    watched.clean()


def test_a_data_table_sorts_by_its_numbers_not_its_words(watched, base_url):
    """The daily averages of 8 in 240 days ("약 30일에 1명") and 59 in 216 ("약 4일에 1명"): going up, 30 days first."""
    page = watched.page()
    page.goto(base_url + "charts/crackdown-2024-detained-vs-before/", wait_until="networkidle")
    wait_for_charts(page)
    chart = page.locator("figure.chart").first
    chart.locator("summary").click()
    headers = chart.locator("thead th")
    last = headers.nth(headers.count() - 1)
    cells = chart.locator("tbody tr td:last-child")
    assert all(v is not None for v in cells.evaluate_all("cs => cs.map(c => c.getAttribute('data-sort'))"))

    def keys():
        return [float(v) for v in cells.evaluate_all("cs => cs.map(c => c.getAttribute('data-sort'))")]

    last.locator("button").click()
    expect(last).to_have_attribute("aria-sort", "ascending")
    assert keys() == sorted(keys())
    assert "30일" in cells.first.inner_text()
    last.locator("button").click()
    expect(last).to_have_attribute("aria-sort", "descending")
    assert keys() == sorted(keys(), reverse=True)
    assert "4일" in cells.first.inner_text()
    # the first column goes back to the chart's own order (periods in time), not the alphabet
    first = headers.nth(0)
    first.locator("button").click()
    order = chart.locator("tbody th").evaluate_all("hs => hs.map(h => Number(h.getAttribute('data-sort')))")
    assert order == sorted(order)
    watched.clean()
