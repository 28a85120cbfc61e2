"""A MkDocs hook (registered by sitegen.publish.mkdocs_runner) that keeps tables out of the search index.

A phone downloads each language's whole search index before the first result shows; most of it was the figure
tables of the data and crackdown pages (every observation, source and field, as numbers and codes nobody types into
a search box). Material's search skips an element marked `data-search-exclude` and then removes the mark from the
page, so the published HTML is unchanged: pages stay findable by their titles, headings and prose.

After the build, the index is written again in UTF-8: MkDocs writes every non-ASCII character as a six-byte
\\uXXXX escape, which made the Korean index 286 KB for 177 KB of text (the same data, parsed on the phone's main
thread on every page's first visit).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

TABLE = re.compile(r"<table(?=[\s>])")
MARK = '<table data-search-exclude="true"'  # Material strips data-search-* attributes that have a value


def on_page_content(html: str, **_) -> str:
    return TABLE.sub(MARK, html)


def on_post_build(config, **_) -> None:
    """Runs after the search plugin's own on_post_build (MkDocs calls hooks after the configured plugins)."""
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
