"""After a new crackdown, the build says which hand-written and topic pages still cite an older crackdown of the
same package, and the new crackdown's page, built, shows nothing of the older one. The pages themselves are tested
without MkDocs in tests/unit/render/test_new_period_pages.py; this is the build around them, run once."""

import io
import re
import shutil

from helpers import CRACKDOWN_2025, NEW_PERIOD_PACKAGE, add_crackdown_2025, build_notes

from sitegen.build import build_site
from sitegen.config import ROOT
from sitegen.util.progress import Progress

NEWER = "now holds a newer crackdown"


def test_a_build_after_a_new_crackdown_notes_the_pages_citing_the_older_one(config, tmp_path):
    shutil.copytree(ROOT / "datasets", tmp_path / "datasets")
    add_crackdown_2025(tmp_path / "datasets")
    stream = io.StringIO()
    progress = Progress(stream=stream)
    assert build_site(tmp_path / "datasets", tmp_path / "site", config, progress) == []
    progress.summary(tmp_path / "site", 9, 0)
    printed = stream.getvalue()
    assert f"{NEW_PERIOD_PACKAGE} {NEWER}, {CRACKDOWN_2025}, but these pages cite an older one" in printed
    for lang in ("ko", "en"):
        assert re.search(
            rf'^  site_src/topics/{lang}/who\.md\.j2:\d+: share\("special-crackdown-2024", "crackdown-2024-08-28", '
            r'"arrested", "age_10_19"\)$',
            printed,
            re.M,
        )
        # the new crackdown's page as published: none of the 2024 crackdown's charts, sources or periods
        html = tmp_path / "site" / ("en/" if lang == "en" else "") / "campaigns" / CRACKDOWN_2025 / "index.html"
        text = html.read_text(encoding="utf-8")
        assert "1,104" in text
        for name in ("crackdown-2024-detained-vs-before", "asiae-en-2025-04-16", "vop-2025-04-17", "window-2024-01-01"):
            assert name not in text, name


def test_the_shipped_build_notes_no_page_citing_an_older_crackdown(built_site):
    assert not [note for note in build_notes(built_site) if NEWER in note]
