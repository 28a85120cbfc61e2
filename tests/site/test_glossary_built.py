"""On the built home, topic and campaign pages, the first use of a glossary term links to the glossary's entry."""

import re

from sitegen.render.glossary import TERMS


def test_first_uses_link_to_the_glossary_entry(built_site):
    anchors = {
        lang: set(
            re.findall(
                r'id="([a-z0-9-]+)"', (built_site / root / "glossary" / "index.html").read_text(encoding="utf-8")
            )
        )
        for lang, root in (("ko", ""), ("en", "en"))
    }
    checked = 0
    for lang, root in (("ko", ""), ("en", "en")):
        pages = [
            built_site / root / "index.html",
            *sorted((built_site / root / "topics").glob("*/index.html")),
            *sorted((built_site / root / "campaigns").glob("*/index.html")),
        ]
        for page in pages:
            html = page.read_text(encoding="utf-8")
            article = html[html.find("<article") : html.find("</article>")]
            links = re.findall(r'<a class="term" href="[^"]*glossary/#([a-z0-9-]+)">([^<]+)</a>', article)
            for term_id, word in links:
                assert term_id in anchors[lang] and word == TERMS[term_id][lang], (page, term_id)
            assert len({term_id for term_id, _ in links}) == len(links), page  # the first use only
            prose = re.sub(r"<(a|h1|table)\b.*?</\1>", "", article, flags=re.S)
            for term_id, words in TERMS.items():
                if words[lang] in re.sub(r"<[^>]+>", "", prose):
                    assert term_id in dict(links), (page, words[lang])
                    checked += 1
    assert checked >= 15  # the scan found the terms it checks (18 on the shipped pages)
