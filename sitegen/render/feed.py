"""The What's new page and the Atom feed, per language, from the packages' changelogs.

Both are made from the same records (sitegen/read/changes.py). Entry ids are tag:
URIs made of the configured prefix, the package name, the version and the
language, so they never change; every timestamp is an entry's date (KST
midnight), never the clock, so builds stay byte-identical.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..read.changes import Entry, changelog_entries
from ..util import i18n
from .pages import Page, Publication, make_environment

ATOM = "http://www.w3.org/2005/Atom"
PAGE = "whats-new.md"
FEED = "feed.xml"


@dataclass(frozen=True)
class Item:
    entry: Entry
    publication: Publication

    @property
    def name(self) -> str:
        return self.publication.dataset.name

    def link(self, lang: str) -> str:
        """From the language root to the package's changelog."""
        return f"data/{self.name}/#changelog"

    def title(self, lang: str, t: dict) -> str:
        return (
            f"{self.publication.dataset.text('title', lang)} (v{self.entry.version}): {t['change_' + self.entry.kind]}"
        )


def items(publications: list[Publication]) -> list[Item]:
    """Every changelog entry of every package, newest first."""
    found = [Item(entry, p) for p in publications for entry in changelog_entries(p.dataset)]
    return sorted(found, key=lambda item: (item.entry.date, item.name, item.entry.version), reverse=True)


def render(publications: list[Publication], strings: dict, config: Config, docs: dict[str, Path]) -> list[Page]:
    env = make_environment(config.site_src / "templates")
    every = items(publications)
    for lang, docs_dir in docs.items():
        t = strings[lang]
        (docs_dir / PAGE).write_text(
            env.get_template("whats-new.md.j2").render(lang=lang, t=t, i18n=i18n, items=every, feed=FEED),
            encoding="utf-8",
        )
        (docs_dir / FEED).write_bytes(atom(every, lang, t, config))
    return [Page(PAGE, {lang: strings[lang]["whats_new"] for lang in docs})]


def atom(every: list[Item], lang: str, t: dict, config: Config) -> bytes:
    """A valid Atom 1.0 document (RFC 4287) for one language."""
    base = config.site_url.rstrip("/") + "/" + i18n.ROOTS[lang] if config.site_url else ""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    _text(feed, "id", f"{config.feed_id_prefix}feed/{lang}")
    _text(feed, "title", config.site_name_ko if lang == "ko" else config.site_name_en)
    _text(feed, "subtitle", t["whats_new_intro"])
    _text(feed, "updated", _timestamp(every[0].entry.date) if every else "1970-01-01T00:00:00Z")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", config.site_name_ko if lang == "ko" else config.site_name_en)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": base + FEED})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": base + "whats-new/"})
    for item in every:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", f"{config.feed_id_prefix}{item.name}/{item.entry.version}/{lang}")
        _text(entry, "title", item.title(lang, t))
        _text(entry, "updated", _timestamp(item.entry.date))
        _text(entry, "published", _timestamp(item.entry.date))
        ET.SubElement(
            entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": base + item.link(lang)}
        )
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": item.entry.kind, "label": t["change_" + item.entry.kind]})
        _text(entry, "summary", item.entry.reason[lang])
    ET.indent(feed)
    return (
        b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False) + b"\n"
    )


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text


def _timestamp(date: str) -> str:
    return f"{date}T00:00:00+09:00"
