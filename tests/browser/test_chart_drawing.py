"""The charts drawn at build time, as a reader's browser lays them out: on a phone (390 px) and a laptop (1366 px),
in Korean and English, on the home page and every topic page, every text of every static chart is at least 12 CSS
pixels high, no two texts overlap, no annotation's rule runs through a text, and a line chart fills its column."""

import json

import pytest
from browsing import ARGS, CHROMIUM, Watched, wait_for_charts
from playwright.sync_api import sync_playwright

PAGES = ["", "topics/arrests/", "topics/who/", "topics/takedowns/", "topics/schools/", "topics/victims/"]
WIDTHS = [390, 1366]

# Every text's box, its font size as drawn (computed size x the scale of its SVG), every annotation rule's box,
# and each line chart's width beside its column's.
MEASURE = """() => [...document.querySelectorAll('.chart__static')].map((chart, number) => {
  const box = r => [r.left, r.top, r.right, r.bottom];
  const texts = [...chart.querySelectorAll('svg text')].filter(t => t.textContent.trim()).map(t => {
    const m = t.ownerSVGElement.getScreenCTM();
    return {text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * Math.sqrt(Math.abs(m.a * m.d)),
            box: box(t.getBoundingClientRect())};
  });
  const html = [...chart.querySelectorAll('.chart__label')].map(
    l => ({text: l.textContent, size: parseFloat(getComputedStyle(l).fontSize), box: box(l.getBoundingClientRect())}));
  const rules = [...chart.querySelectorAll('line.chart__annotation')].map(l => box(l.getBoundingClientRect()));
  const svg = chart.querySelector('.chart__svg');
  return {number, texts, html, rules, line: !!svg,
          width: svg ? svg.parentElement.getBoundingClientRect().width : 0,
          column: chart.closest('figure').parentElement.getBoundingClientRect().width};
})"""


def _overlap(a, b, slack=0.5):
    return a[0] + slack < b[2] and b[0] + slack < a[2] and a[1] + slack < b[3] and b[1] + slack < a[3]


def _problems(charts: list[dict]) -> list:
    problems = []
    for chart in charts:
        texts = chart["texts"] + chart["html"]
        problems += [(chart["number"], t["text"], round(t["size"], 1)) for t in texts if t["size"] < 12 - 0.01]
        boxes = chart["texts"]
        for i, a in enumerate(boxes):
            problems += [
                (chart["number"], a["text"], "overlaps", b["text"])
                for b in boxes[i + 1 :]
                if _overlap(a["box"], b["box"])
            ]
            problems += [
                (chart["number"], a["text"], "crossed by a rule") for r in chart["rules"] if _overlap(a["box"], r)
            ]
        if chart["line"] and chart["width"] < chart["column"] - 1:
            problems.append(
                (chart["number"], "line chart", chart["width"], "narrower than its column", chart["column"])
            )
    return problems


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["", "en/"])
def test_static_charts_read_at_12_px_and_no_text_covers_another(base_url, width, lang):
    found = {}
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        context = Watched(chromium, viewport={"width": width, "height": 900}, is_mobile=width < 500)
        page = context.page()
        for path in PAGES:
            page.goto(base_url + lang + path, wait_until="networkidle")
            wait_for_charts(page)
            charts = page.evaluate(MEASURE)
            assert charts and all(len(c["texts"]) >= 5 for c in charts if c["line"]), path
            found[lang + path] = _problems(charts)
            if path == "":
                assert any(c["line"] for c in charts)  # the home page's headline chart is a line
        context.clean()
        context.context.close()
        chromium.close()
    problems = {path: p for path, p in found.items() if p}
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)


def test_the_embedded_line_chart_reads_at_12_px(browser, base_url):
    """The embeddable copy (body.embed), on a phone."""
    context = Watched(browser, viewport={"width": 390, "height": 900}, is_mobile=True)
    page = context.page()
    for lang in ("", "en/"):
        for chart_id in ("deepfake-crimes-by-year", "arrests-by-age-2024-running-total"):
            page.goto(f"{base_url}{lang}embed/{chart_id}/", wait_until="networkidle")
            charts = page.evaluate(MEASURE)
            assert charts and charts[0]["line"]
            assert _problems(charts) == [], (lang, chart_id)
    context.clean()
    context.context.close()
