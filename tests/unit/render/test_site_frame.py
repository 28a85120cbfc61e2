"""The frame around the data: help page, footer, content note, hreflang, home page cards."""

from sitegen.config import ROOT


def test_hand_written_pages_exist_in_both_languages_with_the_same_names():
    names = {lang: sorted(p.name for p in (ROOT / "site_src" / "pages" / lang).glob("*.md")) for lang in ("ko", "en")}
    assert names["ko"] == names["en"] and "help.md" in names["ko"]
