"""End to end: the shipped data builds; builds are byte-identical; a failed build changes nothing."""

import filecmp
import re
import shutil

from helpers import tree, write_package

from sitegen.build import build_site
from sitegen.config import ROOT


def test_home_page_shows_the_key_figures(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<span class="key-figure__value">963</span>' in html
    assert "267명 → 963명" in html
    # periods of unequal length (240 and 216 days): the card compares daily averages, the totals are its small print
    assert '<span class="key-figure__value">4배</span>' in html and "+260.7%" not in html
    assert "하루 1.1명 → 하루 4.5명. 합계 267명 → 963명(240일과 216일)" in html
    english = (built_site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and "Persons apprehended" in english


def test_every_dataset_has_a_page_in_both_languages(built_site):
    for package in (ROOT / "datasets").glob("*/datapackage.json"):
        name = package.parent.name
        assert (built_site / "data" / name / "index.html").is_file()
        assert (built_site / "en" / "data" / name / "index.html").is_file()


def test_plotly_is_self_hosted_and_loaded_only_where_charts_are(built_site):
    assert (built_site / "assets" / "js" / "plotly-basic.min.js").is_file()
    chart_page = (built_site / "data" / "special-crackdown-2024" / "index.html").read_text(encoding="utf-8")
    assert 'class="chart__plot"' in chart_page
    for page in built_site.rglob("*.html"):
        assert "plotly-basic.min.js" not in page.read_text(encoding="utf-8"), f"{page} loads plotly.js eagerly"


def test_no_request_to_another_host(built_site):
    pattern = re.compile(r"""(?:src|href)=["'](?:https?:)?//""")
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for match in pattern.finditer(text):
            tag = text[text.rfind("<", 0, match.start()) : match.end() + 80]
            assert tag.startswith("<a "), f"{page.relative_to(built_site)} loads from another host: {tag}"
    css = "".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_two_builds_are_byte_identical_with_workers_or_without(tmp_path, config, built_site, monkeypatch):
    # built_site is the build with two workers (SITEGEN_JOBS=2, tests/conftest.py)
    monkeypatch.setenv("SITEGEN_JOBS", "1")  # everything in this process
    assert build_site(ROOT / "datasets", tmp_path / "b", config) == []
    assert tree(tmp_path / "b") == tree(built_site)
    comparison = filecmp.dircmp(built_site, tmp_path / "b")
    assert not comparison.diff_files and not comparison.left_only and not comparison.right_only


# The two tests below are about the swap at the end of a build, not about the data: a tiny package builds in a second.
def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path, config):
    datasets = tmp_path / "datasets"
    observations = write_package(datasets / "tiny") / "data" / "observations.csv"
    out = tmp_path / "site"
    assert build_site(datasets, out, config) == []
    before = tree(out)
    observations.write_text(observations.read_text(encoding="utf-8").replace(",100,", ",lots,", 1), encoding="utf-8")
    problems = build_site(datasets, out, config)
    assert [p.code for p in problems] == ["type-error"]
    assert tree(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no work folder left behind


def test_a_crash_inside_mkdocs_leaves_the_previous_site_untouched(tmp_path, config, monkeypatch):
    import pytest

    from sitegen import SiteError
    from sitegen.publish import mkdocs_runner

    datasets = tmp_path / "datasets"
    write_package(datasets / "tiny")
    out = tmp_path / "site"
    assert build_site(datasets, out, config) == []
    before = tree(out)

    def broken(*args, **kwargs):
        raise SiteError("MkDocs failed")

    monkeypatch.setattr(mkdocs_runner, "build", broken)
    with pytest.raises(SiteError):
        build_site(datasets, out, config)
    assert tree(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_does_not_depend_on_the_datasets_folder_location(tmp_path, shipped, config, built_site):
    moved = tmp_path / "elsewhere" / "datasets"
    shutil.copytree(shipped, moved)
    assert build_site(moved, tmp_path / "b", config) == []  # built_site was built from ROOT / "datasets"
    assert tree(built_site) == tree(tmp_path / "b")
