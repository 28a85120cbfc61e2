"""Package text never runs in a visitor's browser: pages, titles, navigation, search index, JSON blocks.

The end-to-end test builds tests/fixtures/hostile-metadata (scripts, event
handlers, javascript: links, Markdown links and attribute lists in every
title, label, description and quote) with MkDocs and scans the whole site.
The property test renders random text through the same templates and the
same Markdown extensions.
"""

import json
import re

from inert import scan_site

from sitegen.build import build_site
from sitegen.config import ROOT

HOSTILE = ROOT / "tests" / "fixtures" / "hostile-metadata"


def test_hostile_metadata_builds_into_an_inert_site(tmp_path, config):
    out = tmp_path / "site"
    assert build_site(HOSTILE, out, config) == []
    assert scan_site(out) == {}
    page = (out / "en" / "data" / "special-crackdown-2024" / "index.html").read_text(encoding="utf-8")
    # The text is shown, as text.
    assert "<title>Hostile &lt;/title&gt;&lt;script&gt;alert(10)&lt;/script&gt;" in page
    assert "[click](javascript:alert(3))" in page and "{{ 7*7 }}" in page
    for index in (out / "search" / "search_index.json", out / "en" / "search" / "search_index.json"):
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        assert any("alert(1)" in d["text"] for d in docs)
        assert not any("<script" in d["title"] + d["text"] for d in docs)
    navigation = re.findall(r'<a href="[^"]*data/special-crackdown-2024/"[^>]*>(.*?)</a>', page, re.S)
    assert navigation and all("<script" not in link for link in navigation)


def test_json_ld_and_chart_data_cannot_end_their_script_element(built_site):
    for page in built_site.rglob("*.html"):
        for kind, body in re.findall(
            r'<script type="(application/(?:ld\+)?json)"[^>]*>(.*?)</script>', page.read_text(encoding="utf-8"), re.S
        ):
            json.loads(body)
            assert "<" not in body and ">" not in body, (page, kind)


def test_shipped_site_runs_only_its_own_script_files(built_site):
    assert scan_site(built_site) == {}
