"""Every chart has an address of its own in both languages, an embeddable copy, and keeps its address."""

import dataclasses
import html
import re

from sitegen.build import build_site
from sitegen.config import ROOT
from sitegen.derive.figures import compute_figures
from sitegen.read import chart_addresses
from sitegen.read.catalog import find_packages, load_dataset
from sitegen.render import chart_pages
from sitegen.render.charts import build_charts
from sitegen.util import i18n


def _chart_ids(config) -> list[str]:
    strings = i18n.load_strings(config.site_src / "i18n")
    ids = []
    for folder in find_packages(ROOT / "datasets"):
        dataset = load_dataset(folder)
        ids += [chart.id for chart in build_charts(dataset, compute_figures(dataset), strings)]
    return ids


def test_every_chart_has_a_page_and_an_embed_in_both_languages(built_site, config):
    ids = _chart_ids(config)
    assert len(ids) == len(set(ids)) > 10
    for chart_id in ids:
        for root in ("", "en/"):
            page = (built_site / root / "charts" / chart_id / "index.html").read_text(encoding="utf-8")
            assert f'id="{chart_id}"' in page and "&lt;iframe " in page and 'class="chart__source"' in page
            embed = (built_site / root / "embed" / chart_id / "index.html").read_text(encoding="utf-8")
            assert "Content-Security-Policy" in embed and "script-src 'self'" in embed
            assert "md-header" not in embed and "md-sidebar" not in embed  # no site chrome
            assert 'class="chart__source"' in embed and 'rel="license"' in embed
            assert f'charts/{chart_id}/" target="_top"' in embed  # the way back to the chart's page
            assert '<meta name="description"' in embed and 'rel="icon"' in embed
            assert 'rel="canonical"' not in embed  # only with a site_url: a canonical address must be absolute
            assert re.search(r'<html lang="' + ("en" if root else "ko") + '"', embed)


def test_every_chart_elsewhere_links_to_its_page(built_site):
    linked = 0
    for page in [*built_site.glob("data/*/index.html"), *built_site.glob("en/data/*/index.html")]:
        html = page.read_text(encoding="utf-8")
        for chart_id in re.findall(r'<figure class="chart[^"]*" id="([^"]+)"', html):
            assert f'href="../../charts/{chart_id}/"' in html, (page, chart_id)
            linked += 1
    assert linked > 20


def test_the_embed_snippet_has_a_title_and_the_chart_height(built_site, config):
    page = (built_site / "en" / "charts" / "arrests-2024-running-total" / "index.html").read_text(encoding="utf-8")
    snippet = html.unescape(re.search(r"&lt;iframe (.*?)&gt;&lt;/iframe&gt;", page).group(1))
    assert 'src="/en/embed/arrests-2024-running-total/"' in snippet  # made absolute by the page (no site_url)
    assert 'title="Persons apprehended for deepfake sex crimes in 2024, running total"' in snippet
    assert re.search(r'height="(\d+)"', snippet)
    with_url = chart_pages.embed_snippet(
        _chart(config, "arrests-2024-running-total"),
        "en",
        dataclasses.replace(config, site_url="https://example.org/stats/"),
        i18n.load_strings(config.site_src / "i18n")["en"],
    )
    assert 'src="https://example.org/stats/en/embed/arrests-2024-running-total/"' in with_url


def _chart(config, chart_id):
    strings = i18n.load_strings(config.site_src / "i18n")
    for folder in find_packages(ROOT / "datasets"):
        dataset = load_dataset(folder)
        for chart in build_charts(dataset, compute_figures(dataset), strings):
            if chart.id == chart_id:
                return chart
    raise AssertionError(chart_id)


def test_a_published_chart_that_is_gone_stops_the_build_until_its_removal_is_recorded(tmp_path, config, shipped):
    (shipped / chart_addresses.PUBLISHED).write_text("# published\nold-chart\n", encoding="utf-8")
    out = tmp_path / "site"
    problems = build_site(shipped, out, config)
    assert [(p.file, p.row, p.code) for p in problems] == [(str(shipped / chart_addresses.PUBLISHED), 2, "chart-gone")]
    assert not out.exists()  # nothing was built
    (shipped / chart_addresses.REMOVED).write_text(
        "- id: old-chart\n  removed: 2026-11-29\n  dataset: cases-by-year\n"
        "  reason_ko: 두 차트를 하나로 합쳤습니다.\n  reason_en: Two charts were merged into one.\n",
        encoding="utf-8",
    )
    assert build_site(shipped, out, config) == []
    page = (out / "en" / "charts" / "old-chart" / "index.html").read_text(encoding="utf-8")
    assert "removed on 29 Nov 2026" in page and "Two charts were merged into one." in page
    assert 'href="../../data/cases-by-year/"' in page  # where its data went
