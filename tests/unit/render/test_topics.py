"""Topic pages: figures in prose come from the data (fig, change, share, per_day, chart), never typed by hand."""

import dataclasses
import shutil
from pathlib import Path

import pytest

from sitegen import SiteError
from sitegen.build import publication as publish
from sitegen.config import ROOT
from sitegen.read.catalog import find_packages, load_dataset
from sitegen.read.checks.prose import check_prose, typed_numbers
from sitegen.read.validation import check_datasets
from sitegen.render.pages import render_pages
from sitegen.render.topics import topic_slugs
from sitegen.util import i18n


def render(datasets: Path, config, site_src: Path, tmp_path: Path) -> dict[str, Path]:
    """The Markdown of both languages, rendered from the packages under `datasets` (no checks: a test may change
    a figure without a changelog entry)."""
    strings = i18n.load_strings(site_src / "i18n")
    publications = [publish(load_dataset(folder), config, strings) for folder in find_packages(datasets)]
    docs = {lang: tmp_path / "docs" / lang for lang in i18n.LANGUAGES}
    render_pages(publications, strings, site_src, docs)
    return docs


@pytest.fixture(scope="module")
def shipped_publications(config) -> list:
    """The shipped packages' publications as render() makes them, made once for the tests that render them unchanged."""
    strings = i18n.load_strings(config.site_src / "i18n")
    return [publish(load_dataset(folder), config, strings) for folder in find_packages(ROOT / "datasets")]


def copied_site_src(tmp_path: Path) -> Path:
    target = tmp_path / "root" / "site_src"
    shutil.copytree(ROOT / "site_src", target)
    return target


def test_five_topics_first_in_the_navigation_in_both_languages(config):
    slugs = topic_slugs(config.site_src)
    assert slugs == ["arrests", "who", "takedowns", "schools", "victims"]
    for lang in i18n.LANGUAGES:
        for slug in slugs:
            assert (config.site_src / "topics" / lang / f"{slug}.md.j2").is_file()


def test_a_changed_figure_changes_in_every_sentence_that_uses_it(shipped, config, tmp_path):
    before = render(shipped, config, config.site_src, tmp_path / "before")
    csv = shipped / "cases-by-year" / "data" / "observations.csv"
    text = csv.read_text(encoding="utf-8")
    assert "year-2024,arrested,total,682," in text
    csv.write_text(text.replace("year-2024,arrested,total,682,", "year-2024,arrested,total,683,"), encoding="utf-8")
    after = render(shipped, config, config.site_src, tmp_path / "after")
    pages = ["topics/arrests.md", "topics/who.md", "index.md"]
    for page in pages:
        old = (before["ko"] / page).read_text(encoding="utf-8")
        new = (after["ko"] / page).read_text(encoding="utf-8")
        assert "682명</a>" in old and "682명</a>" not in new, page
        assert new.count("683명</a>") == old.count("682명</a>"), page
    english = (after["en"] / "topics" / "arrests.md").read_text(encoding="utf-8")
    assert ">683</a> people" in english and ">682</a>" not in english
    # the computed share follows: 548 teenagers of 683 is 80.2% (of 682 it was 80.4%)
    who = (after["ko"] / "topics" / "who.md").read_text(encoding="utf-8")
    assert "80.2%" in who and "80.4%" not in who


def test_typed_number_in_a_topic_page_fails_check_with_file_and_line(shipped, config, tmp_path):
    site_src = copied_site_src(tmp_path)
    page = site_src / "topics" / "ko" / "arrests.md.j2"
    lines = page.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.startswith('<h2 id="main-points">'))
    lines.insert(line, "<p>지난해에는 1,234명이 검거됐습니다.</p>")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy(ROOT / "pyproject.toml", site_src.parent / "pyproject.toml")
    problems, _ = check_datasets(shipped, dataclasses.replace(config, root=site_src.parent))
    found = [p for p in problems if p.code == "typed-number"]
    assert [(p.file, p.row) for p in found] == [("site_src/topics/ko/arrests.md.j2", line + 1)]
    assert '"1,234"' in found[0].message and "fig(" in found[0].hint


def test_the_shipped_pages_type_no_number(config):
    assert check_prose(config.site_src) == []


@pytest.mark.parametrize(
    "text",
    [
        "2024년 8월 28일",
        "2024.8.28.~2025.3.31.",
        "28 Aug 2024",
        "25 September 2024",
        "Aug 2024",
        "10대",
        "14세 미만",
        "10~13세",
        "aged 10–13",
        "aged 10 to 13",
        "under 14",
        "20s",
        "teens",
        "1. First",
        "2차",
        "Q1 2021",
        "112",
        "1366",
        "1377",
        "02-735-8994",
        "24시간",
        "24 hours",
        "UTF-8",
        "CP949",
        "A count of 0 is published.",
        "2024, 2025 and 2021–2023",
        "1–25 Aug 2024",
        "<script>alert(1)</script><style>.x { width: 3px }</style>",  # code, not prose
    ],
)
def test_allowed_numbers(text):
    assert typed_numbers(text) == []


@pytest.mark.parametrize(
    "text, number",
    [
        ("1,234명이 검거됐습니다", "1,234"),
        ("963 people", "963"),
        ("69.5%", "69.5"),
        ("+260%", "260"),
        ("10,535건", "10,535"),
        ("1113", "1113"),
        ("2,024", "2,024"),
        ("about 8 months", "8"),
        ("<script>x()</script> 17 <b>people</b>", "17"),  # after a script element, prose again
    ],
)
def test_typed_numbers(text, number):
    assert [n for _, n in typed_numbers(text)] == [number]


def test_jinja_and_html_are_not_prose():
    text = '{{ fig("a", "year-2024", "arrested") }} <a href="x/963">y</a> [z](https://e.x/1234) `k = 5`\n{# 42 #}'
    assert typed_numbers(text) == []


@pytest.mark.parametrize(
    "call, says",
    [
        ('fig("no-such-package", "year-2024", "arrested")', "no data package named 'no-such-package'"),
        ('fig("cases-by-year", "year-2099", "arrested")', "has no period 'year-2099'"),
        ('fig("cases-by-year", "year-2024", "no_measure")', "has no measure 'no_measure'"),
        ('fig("cases-by-year", "year-2024", "arrested", "no_group")', "has no group 'no_group'"),
        ('fig("cases-by-year", "year-2023", "detained")', "publishes no figure for year-2023 / detained / total"),
        ('change("cases-by-year", "year-2024", "year-2022", "detained")', "publishes no figure"),
        ('chart("no-such-chart")', "no chart has the id 'no-such-chart'"),
    ],
)
def test_an_unknown_reference_fails_the_build_naming_template_and_line(shipped_publications, tmp_path, call, says):
    site_src = copied_site_src(tmp_path)
    page = site_src / "topics" / "en" / "schools.md.j2"
    lines = page.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.startswith('<h2 id="limits">'))
    lines.insert(line - 1, f"<p>{{{{ {call} }}}}</p>")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = {lang: tmp_path / "docs" / lang for lang in i18n.LANGUAGES}
    with pytest.raises(SiteError) as error:  # render() of the shipped packages (made once) with the changed copy
        render_pages(shipped_publications, i18n.load_strings(site_src / "i18n"), site_src, docs)
    assert f"site_src/topics/en/schools.md.j2:{line}:" in str(error.value)
    assert says in str(error.value)


def test_a_build_of_other_packages_leaves_the_topics_out(config, tmp_path):
    """A fixture holds none of the packages the topics cite: the topic pages are left out, the rest builds."""
    from helpers import write_package

    datasets = tmp_path / "datasets"
    write_package(datasets / "tiny")
    docs = render(datasets, config, config.site_src, tmp_path)
    assert not (docs["ko"] / "topics").exists()
    assert "topic-list" not in (docs["ko"] / "index.md").read_text(encoding="utf-8")
