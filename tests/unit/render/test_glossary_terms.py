"""The first use of a glossary term on a page links to the glossary; headings, links, tags and tables are left alone."""

from sitegen.render.glossary import link_terms


def test_the_first_prose_use_links_and_later_uses_do_not():
    text = (
        "---\ntitle: 검거\n---\n<h1>검거는 얼마나 늘었나요?</h1>\n"
        '<p class="lead">검거된 사람은 <a class="fig" href="x">963명</a>이고, 구속은 59명입니다. 다시 검거.</p>\n'
    )
    out = link_terms(text, "ko", "../../")
    assert out.startswith(
        "---\ntitle: 검거\n---\n<h1>검거는 얼마나 늘었나요?</h1>"
    )  # front matter and heading untouched
    assert '<a class="term" href="../../glossary/#apprehended">검거</a>된 사람은' in out
    assert '<a class="term" href="../../glossary/#detained">구속</a>은' in out
    assert out.count('class="term"') == 2 and out.endswith("다시 검거.</p>\n")


def test_link_texts_tables_and_markdown_headings_are_not_prose():
    text = (
        '## Apprehended\n<a href="y">people apprehended</a>\n<table><tr><th>apprehended</th></tr></table>\n'
        "<p>They were apprehended.</p>\n"
    )
    out = link_terms(text, "en", "")
    assert out.count('class="term"') == 1
    assert '<p>They were <a class="term" href="glossary/#apprehended">apprehended</a>.</p>' in out


def test_every_term_has_its_anchor_in_both_glossaries(config):
    from sitegen.render.glossary import TERMS

    for lang in ("ko", "en"):
        glossary = (config.site_src / "pages" / lang / "glossary.md").read_text(encoding="utf-8")
        for term_id in TERMS:
            assert f"{{ #{term_id} }}" in glossary, (lang, term_id)
