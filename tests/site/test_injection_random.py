"""Package text never runs in a visitor's browser: pages, titles, navigation, search index, JSON blocks.

The end-to-end test builds tests/fixtures/hostile-metadata (scripts, event
handlers, javascript: links, Markdown links and attribute lists in every
title, label, description and quote) with MkDocs and scans the whole site.
The property test renders random text through the same templates and the
same Markdown extensions.
"""

import json

import markdown
import yaml
from helpers import write_package
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from inert import executable_injections

from sitegen.config import ROOT
from sitegen.derive.figures import compute_figures
from sitegen.publish.metadata import describe_release
from sitegen.read.catalog import load_dataset
from sitegen.render.charts import build_charts
from sitegen.render.pages import Publication, make_environment, render_pages
from sitegen.util import i18n


def test_script_json_filter_for_json_ld():
    env = make_environment(ROOT / "site_src" / "templates")
    data = {"@type": "Dataset", "name": "</script><script>alert(1)</script>"}
    out = env.from_string('<script type="application/ld+json">{{ d | script_json }}</script>').render(d=data)
    assert executable_injections(out) == []
    assert json.loads(out.split(">", 1)[1].rsplit("<", 1)[0]) == data


FRAGMENTS = [
    "<script>",
    "</script>",
    "javascript:",
    "JaVaScRiPt:",
    "&#106;avascript:",
    " onerror=",
    "onload=",
    '"',
    "'",
    "<",
    ">",
    "&",
    "[x](",
    ")",
    "{: ",
    "}",
    "\n",
    "\n\n",
    "`",
    "*",
    "alert(1)",
    "<img src=x ",
    "</p>",
    "</h1>",
    "<!--",
    "-->",
    "---",
    "<a href=",
    "<svg/onload=",
    "{{",
    "}}",
    "<details>",
    "\\",
]
# Control characters other than tab, LF and CR are refused by the check before anything is rendered
# (tests/unit/read/test_safety.py::test_a_control_character_is_a_problem_not_a_crash), so they never reach a page;
# lone surrogates cannot come out of a UTF-8 file.
REFUSED = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]))
hostile_text = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS), st.text(st.characters(exclude_characters=REFUSED, codec="utf-8"), max_size=5)
    ),
    max_size=12,
).map("".join)


def _html_pages(docs_dir):
    """Every generated page as MkDocs would make it: front matter title in <title> and nav, body via Markdown."""
    for page in sorted(docs_dir.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        meta = {}
        if text.startswith("---\n"):
            front, text = text[4:].split("\n---\n", 1)
            meta = yaml.safe_load(front) or {}
        body = markdown.markdown(text, extensions=["attr_list", "tables", "toc"])
        yield page, f"<title>{meta.get('title', '')}</title>{body}"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=hostile_text, description=hostile_text, label=hostile_text, quote=hostile_text)
@example(title="", description="", label="", quote="\x80")  # a C1 control once broke the JSON-LD front matter
def test_random_metadata_never_yields_executable_markup(tmp_path_factory, config, title, description, label, quote):
    folder = tmp_path_factory.mktemp("pkg") / "tiny"
    dataset = load_dataset(write_package(folder))
    dataset.descriptor.update(title=title, title_ko=title, description=description, description_ko=description)
    dataset.groups.loc[1, ["name_en", "name_ko"]] = label
    dataset.periods.loc[0, ["name_en", "name_ko"]] = label
    dataset.sources.loc[0, ["title", "quote", "publisher"]] = quote
    strings = i18n.load_strings(config.site_src / "i18n")
    figures = compute_figures(dataset)
    publication = Publication(
        dataset, figures, build_charts(dataset, figures, strings), describe_release(dataset, config, strings)
    )
    docs = {lang: folder.parent / "docs" / lang for lang in i18n.LANGUAGES}
    pages = render_pages([publication], strings, config.site_src, docs)
    for page, html in _html_pages(folder.parent / "docs"):
        assert executable_injections(html) == [], (page.name, html)
    for nav_title in (page.title[lang] for page in pages for lang in i18n.LANGUAGES):
        assert executable_injections(f"<a>{nav_title}</a>") == []
