"""Every chart a reader can reach on its own (chart page, embed, image, link preview) carries a title and a summary
written for people: no field-name titles ("검거 인원 · 기간", "Persons detained · Period"), no nested brackets."""

import re

FIELD_NAME_TITLE = re.compile(r"· (기간|집단|Period|Group)\b")
NESTED = re.compile(r"\([^()]*\(")


def _texts(html: str) -> dict[str, str]:
    found = {}
    for name, pattern in {
        "title": r"<title>(.*?)</title>",
        "h1": r"<h1[^>]*>(.*?)</h1>",
        "description": r'<meta name="description" content="([^"]*)"',
        "og:title": r'<meta property="og:title" content="([^"]*)"',
        "summary": r'<p class="chart__summary"[^>]*>(.*?)</p>',
    }.items():
        match = re.search(pattern, html, re.S)
        if match:
            found[name] = re.sub(r"<[^>]+>", "", match.group(1))
    return found


def test_every_chart_page_and_embed_has_an_authored_title(built_site):
    pages = sorted(built_site.glob("charts/*/index.html")) + sorted(built_site.glob("en/charts/*/index.html"))
    pages += sorted(built_site.glob("embed/*/index.html")) + sorted(built_site.glob("en/embed/*/index.html"))
    assert len(pages) >= 4 * 15  # every declared chart, both languages, page and embed
    bad = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "chart-removed" in html or 'class="chart__static"' not in html:
            continue  # a removed chart's page says so, and has no chart
        for name, text in _texts(html).items():
            if FIELD_NAME_TITLE.search(text) or NESTED.search(text) or "--" in text:
                bad.append((page.relative_to(built_site).as_posix(), name, text))
    assert bad == []


def test_every_chart_image_has_an_authored_title(built_site):
    images = sorted(built_site.glob("**/charts/*/*.svg"))
    assert images
    for image in images:
        svg = image.read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", svg, re.S)
        text = title.group(1) if title else svg
        assert not FIELD_NAME_TITLE.search(text) and not NESTED.search(text), image


def test_the_check_fails_on_a_field_name_title():
    assert FIELD_NAME_TITLE.search("구속 인원 · 기간") and FIELD_NAME_TITLE.search("Persons detained · Period")
    assert NESTED.search("검거 인원 · 집단 (딥페이크 성범죄 집중단속 (2024.8.28.~2025.3.31.))")
    assert not FIELD_NAME_TITLE.search("집중단속 기간과 그 전의 검거 인원") and not NESTED.search(
        "Crackdown (28 Aug 2024)"
    )


def test_no_page_nests_brackets_in_its_text(built_site):
    """Citations, source lines and reports included: "(원자료: 더팩트 (2024-09-26))" is how it used to read."""
    import html as markup

    bad = []
    for page in sorted(built_site.rglob("index.html")):
        if page.relative_to(built_site).parts[-2:-1] == ("guide",):
            continue  # the maintainer's guide quotes code: spec(type(...))
        text = re.sub(r"<(script|style)\b.*?</\1>", "", page.read_text(encoding="utf-8"), flags=re.S)
        for line in markup.unescape(re.sub(r"<[^>]+>", "", text)).splitlines():
            if NESTED.search(line) or FIELD_NAME_TITLE.search(line):
                bad.append((page.relative_to(built_site).as_posix(), line.strip()[:120]))
    assert bad == []
