"""Each figure's page (sitegen.render.figure_pages): "cited on" comes from the pages' own links to the figure, so a
topic page that cites another figure moves in the list of both; the cards follow the register, and a figure's value
reads as it was released."""

import dataclasses
import re
import shutil

import pytest

from sitegen.build import publication
from sitegen.config import ROOT
from sitegen.read.catalog import find_packages, load_dataset
from sitegen.render import figure_pages
from sitegen.render.pages import render_pages
from sitegen.util import i18n

BEFORE = 'fig("crackdown-2022", "crackdown-2022-03-01", "deepfake_cases")'
AFTER = 'fig("school-incidents", "asof-2024-08-27", "reports")'
OLD, NEW = "crackdown-2022/crackdown-2022-03-01/deepfake_cases/total", "school-incidents/asof-2024-08-27/reports/total"


@pytest.fixture(scope="module")
def publications(config):
    """Every shipped package, derived once for the module (the tests change only the page sources)."""
    strings = i18n.load_strings(config.site_src / "i18n")
    return [publication(load_dataset(folder), config, strings) for folder in find_packages(ROOT / "datasets")]


@pytest.fixture
def project(tmp_path, config):
    """A copy of the project's page sources that a test may change."""
    shutil.copytree(ROOT / "site_src", tmp_path / "site_src")
    return dataclasses.replace(config, root=tmp_path)


def rendered(config, publications, lang="ko") -> tuple[dict, object]:
    """Every page of one language rendered to Markdown, then the figure pages; their cited-on lists."""
    strings = i18n.load_strings(config.site_src / "i18n")
    docs = {lang: config.root / "docs" / lang}
    shutil.rmtree(docs[lang], ignore_errors=True)
    render_pages(publications, strings, config.site_src, docs)
    figure_pages.render(publications, strings, config, docs)
    return figure_pages.cited_on(docs[lang]), docs[lang]


def cited(citations, figure) -> set[str]:
    return {c.url for c in citations.get(figure, [])}


def test_changing_a_topic_pages_fig_call_changes_cited_on(project, publications):
    template = project.site_src / "topics" / "ko" / "arrests.md.j2"
    text = template.read_text(encoding="utf-8")
    assert text.count(BEFORE) == 1
    citations, docs = rendered(project, publications)
    assert "topics/arrests/" in cited(citations, OLD) and "topics/arrests/" not in cited(citations, NEW)
    card = (docs / "figures" / "crackdown-2022.md").read_text(encoding="utf-8")
    assert re.search(r'id="crackdown-2022-03-01/deepfake_cases/total".*?href="\.\./\.\./topics/arrests/"', card, re.S)

    template.write_text(text.replace(BEFORE, AFTER), encoding="utf-8")
    citations, docs = rendered(project, publications)
    assert "topics/arrests/" not in cited(citations, OLD) and "topics/arrests/" in cited(citations, NEW)
    assert "data/crackdown-2022/" in cited(citations, OLD)  # its dataset's table still shows it
    card = (docs / "figures" / "school-incidents.md").read_text(encoding="utf-8")
    block = card[card.index('id="asof-2024-08-27/reports/total"') :]
    block = block[: block.index("</article>")]
    assert 'href="../../topics/arrests/"' in block


def test_every_published_figure_has_one_card(project, publications):
    _, docs = rendered(project, publications, "en")
    for dataset in (p.dataset for p in publications):
        obs = dataset.observations[dataset.observations["role"] == "published"]
        card = (docs / "figures" / f"{dataset.name}.md").read_text(encoding="utf-8")
        anchors = re.findall(r'<article class="figure-card" id="([^"]+)"', card)
        assert sorted(anchors) == sorted(
            f"{p}/{m}/{g}" for p, m, g in zip(obs["period_id"], obs["measure"], obs["group"])
        )


@pytest.mark.parametrize(
    "row,lang,expected",
    [
        ({"value": 963.0, "qualifier": "exact", "unit": "persons"}, "ko", "963명"),
        ({"value": 963.0, "qualifier": "exact", "unit": "persons"}, "en", "963"),
        ({"value": 10000.0, "qualifier": "at_least", "unit": "cases"}, "ko", "10,000건 이상"),
        ({"value": 1100.0, "qualifier": "approximately", "unit": "items"}, "en", "about 1,100"),
        ({"value": 8.8, "qualifier": "exact", "unit": "percent"}, "en", "8.80%"),
        ({"value": None, "qualifier": "exact", "unit": "persons"}, "ko", "비공개"),
    ],
)
def test_a_value_reads_as_released(row, lang, expected):
    strings = i18n.load_strings(ROOT / "site_src" / "i18n")
    decimals = 2 if row["unit"] == "percent" else 0
    assert figure_pages.value_text(row, decimals, lang, strings[lang]) == expected
