"""A MkDocs hook (registered by sitegen.publish.mkdocs_runner) that keeps tables out of the search index.

A phone downloads each language's whole search index before the first result shows; most of it was the figure
tables of the data and crackdown pages (every observation, source and field, as numbers and codes nobody types into
a search box). Material's search skips an element marked `data-search-exclude` and then removes the mark from the
page, so the published HTML is unchanged: pages stay findable by their titles, headings and prose.
"""

from __future__ import annotations

import re

TABLE = re.compile(r"<table(?=[\s>])")
MARK = '<table data-search-exclude="true"'  # Material strips data-search-* attributes that have a value


def on_page_content(html: str, **_) -> str:
    return TABLE.sub(MARK, html)
