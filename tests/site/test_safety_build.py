"""Hostile packages: a build that meets one changes nothing of the site already built."""

from helpers import tree

from sitegen.config import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
# case -> the code its check gives (tests/unit/read/test_safety.py checks the place as well)
CODES = {
    "recoverable-suppression": "recoverable-suppression",
    "encoding-cp949": "not-utf8",
    "path-traversal": "unsafe-path",
}


def test_build_with_a_hostile_package_leaves_the_previous_site_untouched(tmp_path, built_site, config):
    import shutil

    from sitegen.build import build_site

    out = tmp_path / "site"
    shutil.copytree(built_site, out)  # the previous site: the shipped data's, as built once for the run
    before = tree(out)
    for case in ("recoverable-suppression", "encoding-cp949", "path-traversal"):
        datasets = tmp_path / case
        shutil.copytree(FIXTURES / case, datasets, symlinks=True)
        problems = build_site(datasets, out, config)
        assert [p.code for p in problems] == [CODES[case]]
        assert tree(out) == before
