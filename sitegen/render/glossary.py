"""The first use of a glossary term on a page links to its explanation in the glossary.

A reader meets 검거, 구속, 시정요구 and 촉법소년 (apprehended, detained, correction request, aged 10–13) on the
home, topic and campaign pages; the first time a page uses one in its prose, the word links to the glossary's
heading for it (site_src/pages/<lang>/glossary.md, `{ #id }` after each heading). Only prose is touched: not
front matter, headings, link texts, tags, scripts or tables.
"""

from __future__ import annotations

import re

# term id (the glossary heading's anchor) -> the word in each language, in the order pages are scanned
TERMS = {
    "apprehended": {"ko": "검거", "en": "apprehended"},
    "detained": {"ko": "구속", "en": "detained"},
    "correction-request": {"ko": "시정요구", "en": "correction request"},
    "under-14": {"ko": "촉법소년", "en": "aged 10–13"},
}
SKIPPED = ("a", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "summary", "title", "table", "button")
TAG = re.compile(r"<(/?)([a-zA-Z0-9]+)[^>]*>")


def link_terms(text: str, lang: str, root: str) -> str:
    """text (a page's Markdown with HTML blocks) with the first prose use of each term linked to the glossary."""
    head, body = _front_matter(text)
    pending = {term_id: words[lang] for term_id, words in TERMS.items()}
    out, depth, position = [], 0, 0
    for tag in TAG.finditer(body):
        prose = body[position : tag.start()]
        out.append(prose if depth else _link(prose, pending, root))
        closing, name = tag.group(1), tag.group(2).lower()
        if name in SKIPPED:
            depth = max(depth - 1, 0) if closing else depth + 1
        out.append(tag.group(0))
        position = tag.end()
    rest = body[position:]
    out.append(rest if depth else _link(rest, pending, root))
    return head + "".join(out)


def _link(prose: str, pending: dict[str, str], root: str) -> str:
    for term_id, word in list(pending.items()):
        at = prose.find(word)
        if at < 0 or _markdown_heading(prose, at):
            continue
        link = f'<a class="term" href="{root}glossary/#{term_id}">{word}</a>'
        prose = prose[:at] + link + prose[at + len(word) :]
        del pending[term_id]
    return prose


def _markdown_heading(prose: str, at: int) -> bool:
    line_start = prose.rfind("\n", 0, at) + 1
    return prose[line_start:at].lstrip().startswith("#")


def _front_matter(text: str) -> tuple[str, str]:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[: end + 5], text[end + 5 :]
    return "", text
