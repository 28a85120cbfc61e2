"""Find markup that a browser would run: reusable by any test that builds pages from untrusted text.

`executable_injections(html)` lists every script element that is neither a
JSON data block nor a same-site file, every on...= attribute, every
javascript:/vbscript:/data: URL and every frame or plug-in element. JSON data
blocks (application/json, application/ld+json) must parse as JSON, so text
that escaped from one is found as well. `scan_site(folder)` runs it over
every page and every search index of a built site.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

DATA_SCRIPTS = {"application/json", "application/ld+json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc", "background"}
FORBIDDEN_TAGS = {"iframe", "frame", "object", "embed", "applet", "base"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = [(name.lower(), value or "") for name, value in attrs]
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>: event handler attribute")
            squeezed = "".join(value.split()).lower()
            if name in URL_ATTRIBUTES and squeezed.startswith(BAD_SCHEMES):
                self.found.append(f"<{tag} {name}={value[:40]!r}>: script URL")
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>: frame or plug-in element")
        if tag == "meta" and dict(attrs).get("http-equiv", "").lower() == "refresh":
            self.found.append("<meta http-equiv=refresh>")
        if tag == "script":
            self._script = dict(attrs)
            self._script["_text"] = ""

    def handle_data(self, data):
        if self._script is not None:
            self._script["_text"] += data

    def handle_endtag(self, tag):
        if tag != "script" or self._script is None:
            return
        script, self._script = self._script, None
        kind = script.get("type", "").lower()
        if kind in DATA_SCRIPTS:
            try:
                json.loads(script["_text"])
            except ValueError:
                self.found.append(f"<script type={kind}> whose content is not JSON: {script['_text'][:60]!r}")
        elif "src" not in script:
            self.found.append(f"inline script: {script['_text'][:60]!r}")
        elif "//" in script["src"].split("?")[0][:8]:
            self.found.append(f"script from another host: {script['src']}")


def executable_injections(html: str) -> list[str]:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.found


def scan_site(site: Path) -> dict[str, list[str]]:
    """{file: [what would run]} for every HTML page and every search index entry (rendered as HTML by the theme)."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        hits = executable_injections(page.read_text(encoding="utf-8"))
        if hits:
            found[str(page.relative_to(site))] = hits
    for index in sorted(site.rglob("search_index.json")):
        for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
            hits = executable_injections(doc.get("title", "")) + executable_injections(doc.get("text", ""))
            if doc.get("location", "").lower().startswith(BAD_SCHEMES):
                hits.append(f"location {doc['location']}")
            if hits:
                found[f"{index.relative_to(site)}#{doc.get('location')}"] = hits
    return found
