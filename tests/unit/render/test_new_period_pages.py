"""Nothing stale on a new crackdown's page: after a 2025 crackdown and its window are added to the package of the
2024 crackdown (as a maintainer does, with `new-period`), the 2025 page shows only the charts and sources of its own
periods, and the 2024 page still shows its own (sitegen.render.campaigns.page). Rendered to Markdown, without
MkDocs: the pages' HTML blocks are what MkDocs passes on."""

import json
import re
import shutil

import pytest
from helpers import CRACKDOWN_2025, WINDOW_2025, add_crackdown_2025

from sitegen.build import check
from sitegen.config import ROOT
from sitegen.render.pages import render_pages
from sitegen.util import i18n

CRACKDOWN_2024, WINDOW_2024 = "crackdown-2024-08-28", "window-2024-01-01"
CHARTS_2024 = ("crackdown-2024-arrests-vs-before", "crackdown-2024-arrests-by-age", "crackdown-2024-detained-vs-before")
SOURCES_2024 = {"asiae-en-2025-04-16", "joongang-daily-2025-04-17", "vop-2025-04-17"}
SOURCE_2025 = f"source-{CRACKDOWN_2025}"  # the source stub new-period made, filled in
CHART_2025 = "crackdown-2025-arrests-vs-before"


@pytest.fixture(scope="module")
def docs(tmp_path_factory, config):
    """The Markdown of both languages, from the shipped data with the 2025 crackdown, its window (no detained
    figure) and a chart of its own that a maintainer declared."""
    tmp = tmp_path_factory.mktemp("new-period")
    shutil.copytree(ROOT / "datasets", tmp / "datasets")
    folder = add_crackdown_2025(tmp / "datasets")
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    view = json.loads(json.dumps(descriptor["views"][0]))  # the 2024 crackdown beside its window, for 2025
    view["name"], view["title"] = CHART_2025, "Persons apprehended: the 2025 crackdown and the months before it"
    view["spec"].update(periods=[WINDOW_2025, CRACKDOWN_2025], highlight=[CRACKDOWN_2025])
    view["spec"].pop("subtitle")
    descriptor["views"].append(view)
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    strings = i18n.load_strings(config.site_src / "i18n")
    problems, publications = check(tmp / "datasets", config, strings=strings)
    assert problems == []
    out = {lang: tmp / "docs" / lang for lang in i18n.LANGUAGES}
    render_pages(publications, strings, config.site_src, out)
    return out


def page(docs, lang, period) -> str:
    return (docs[lang] / "campaigns" / f"{period}.md").read_text(encoding="utf-8")


def listed_sources(text: str) -> set[str]:
    return set(re.findall(r'<li id="source-([^"]+)"', text))


def charts(text: str) -> set[str]:
    return set(re.findall(r'<figure class="chart chart--\w+" id="([^"]+)"', text))


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_new_crackdowns_page_shows_no_chart_and_no_source_of_the_2024_crackdown(docs, lang):
    text = page(docs, lang, CRACKDOWN_2025)
    assert "1,104" in text and "12,410" in text  # the page of the 2025 crackdown
    assert charts(text) == {CHART_2025}  # not the 2024 "persons detained" chart (8 → 59), though 2025's window has
    assert listed_sources(text) == {SOURCE_2025}  # no detained figure, nor any 2024 source
    assert CRACKDOWN_2024 not in text and WINDOW_2024 not in text
    for name in (*CHARTS_2024, *SOURCES_2024):
        assert name not in text


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_2024_crackdowns_page_still_shows_its_own(docs, lang):
    text = page(docs, lang, CRACKDOWN_2024)
    assert charts(text) == set(CHARTS_2024)
    assert listed_sources(text) == SOURCES_2024
    detained = text[text.index('id="crackdown-2024-detained-vs-before"') :]
    assert re.search(r"<td class=\"num\"[^>]*><a [^>]*>8</a></td>", detained) and re.search(r">59</a></td>", detained)
    assert CRACKDOWN_2025 not in text and CHART_2025 not in text and SOURCE_2025 not in text


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_source_a_campaign_page_links_to_is_on_it(docs, lang):
    pages = sorted((docs[lang] / "campaigns").glob("crackdown-*.md"))
    assert len(pages) == 4  # 2022, the two of 2024, 2025
    for path in pages:
        text = path.read_text(encoding="utf-8")
        linked = set(re.findall(r'href="#source-([^"]+)"', text))
        assert linked and linked <= listed_sources(text), path.name
