"""Figure-by-figure fidelity of the shipped packages to ../shared/sources (FIGURES.md and the seed article)."""

import re

import pytest


@pytest.mark.parametrize("lang_root", ["", "en/"])
def test_pages_show_conflicts_bounds_and_flags_next_to_the_figure(built_site, lang_root):
    page = (built_site / lang_root / "data" / "crackdown-2024-running-totals" / "index.html").read_text(
        encoding="utf-8"
    )
    table = page[page.index('<h3 id="asof-2024-07-31"') :]
    row = table[: table.index("</tr>", table.index("178"))]
    assert "report--conflict" in row and re.search(
        r'<strong><a class="fig" href="[^"]+/#asof-2024-07-31/arrested/total">146</a></strong>', row
    )
    crackdown = (built_site / lang_root / "data" / "special-crackdown-2024" / "index.html").read_text(encoding="utf-8")
    assert "10,000+" in crackdown and "report--agrees" in crackdown
    assert "10,000<" not in crackdown
    cyber = (built_site / lang_root / "data" / "cyber-sexual-violence-crackdown-2024-25" / "index.html").read_text(
        encoding="utf-8"
    )
    assert cyber.count("badge--flag") >= 6


@pytest.mark.parametrize("lang_root", ["", "en/"])
def test_a_page_per_crackdown_period_and_a_glossary(built_site, lang_root):
    for period in ("crackdown-2022-03-01", "crackdown-2024-08-28", "crackdown-2024-11-01"):
        page = (built_site / lang_root / "campaigns" / period / "index.html").read_text(encoding="utf-8")
        assert f'id="{period}"' in page
    assert "260" in (built_site / lang_root / "campaigns" / "crackdown-2024-08-28" / "index.html").read_text(
        encoding="utf-8"
    )
    glossary = (built_site / lang_root / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "촉법소년" in glossary and "구속" in glossary
