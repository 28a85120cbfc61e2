"""The frame around the data: help page, footer, content note, hreflang, home page cards."""

import re

from helpers import SITE_URL


def test_help_page_lists_the_official_contacts_in_both_languages(built_site):
    for lang in ("", "en/"):
        html = (built_site / lang / "help" / "index.html").read_text(encoding="utf-8")
        for contact in (
            'href="tel:112"',
            'href="tel:1366"',
            'href="tel:02-735-8994"',
            'href="tel:1377"',
            'href="https://d4u.stop.or.kr"',
        ):
            assert contact in html, (lang, contact)


def test_every_page_footer_links_to_help_in_its_own_language(built_site):
    # embed/<id>/ is a chart without the site around it, to sit inside another site's page (tests/site/test_chart_pages_built.py)
    pages = [p for p in built_site.rglob("index.html") if "embed" not in p.relative_to(built_site).parts]
    assert len(pages) >= 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        footer = html[html.index('<footer class="md-footer">') :]
        href = re.search(r'class="site-help__page" href="([^"]+)"', footer).group(1)
        target = (page.parent / href).resolve() / "index.html"
        english = page.relative_to(built_site).parts[0] == "en"
        assert target == (built_site / ("en" if english else "") / "help" / "index.html").resolve(), page
        assert 'href="tel:1366"' in footer


def test_pages_about_victims_carry_the_content_note(built_site):
    note = 'class="content-note" role="note"'
    for lang in ("", "en/"):
        assert note in (built_site / lang / "data" / "special-crackdown-2024" / "index.html").read_text(
            encoding="utf-8"
        )
        assert note not in (built_site / lang / "methodology" / "index.html").read_text(encoding="utf-8")


def test_home_cards_link_to_the_figures_they_show(built_site):
    html = (built_site / "en" / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<a class="key-figure" href="([^"]+)"><span class="key-figure__value">([^<]+)</span>', html)
    figure = "figures/special-crackdown-2024/#crackdown-2024-08-28/"
    assert cards == [  # each card links to the permalink of the figure its number is or is computed from
        (figure + "arrested/total", "963"),
        (figure + "arrested/total", "4 times"),
        (figure + "arrested/age_10_19", "69.5%"),
        (figure + "takedown_requests/total", "10,535"),
    ]
    page = (built_site / "en" / "figures" / "special-crackdown-2024" / "index.html").read_text(encoding="utf-8")
    for href, _ in cards:
        assert f'id="{href.split("#")[1]}"' in page
    assert "669 of 963" in html and "Latest updates" in html


def test_without_a_site_url_no_relative_hreflang_is_written(built_site):
    for page in built_site.rglob("index.html"):
        assert 'rel="alternate"' not in page.read_text(encoding="utf-8"), page


def test_with_a_site_url_hreflang_pairs_every_page_with_its_translation(deployed_site):
    assert SITE_URL == "https://stats.example.org/deepfake/"  # deployed_site is built with it
    home = (deployed_site / "about" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" href="https://stats.example.org/deepfake/en/" hreflang="en">' in home
    sitemap = (deployed_site / "sitemap.xml").read_text(encoding="utf-8")
    entry = sitemap[sitemap.index("<loc>https://stats.example.org/deepfake/about/</loc>") :].split("</url>")[0]
    assert 'hreflang="en" href="https://stats.example.org/deepfake/en/about/"' in entry
    assert 'hreflang="ko" href="https://stats.example.org/deepfake/about/"' in entry
