"""Invisible characters: no text the site publishes may hold a character that is not seen but changes what is.

A bidirectional control (U+202A-U+202E embeddings and overrides, U+2066-U+2069 isolates, the marks U+200E, U+200F
and U+061C) reorders the text around it (after U+202E, "1366" shows as "6631"): a label can show one thing and say another
(the "Trojan Source" trick). The other invisible format characters (Unicode category Cf: zero-width space U+200B,
zero-width non-joiner and joiner U+200C and U+200D, word joiner U+2060, a byte order mark U+FEFF inside a text,
soft hyphen U+00AD, tag characters, ...) make two texts that look the same differ, so ids, searches and
comparisons go wrong; the line and paragraph separators U+2028 and U+2029 break lines no one sees; the Hangul
fillers (U+115F, U+1160, U+3164, U+FFA0) are letters that show as nothing. This data is Korean and English, which
need none of them (a script that needs the joiners, such as some Indic ones or emoji sequences, would need an
exception here), so every one is refused, wherever it is: in a data cell, in any string of datapackage.json, in
changelog.yml and removed-charts.yml, and in the hand-written pages and topics (site_src/pages/*/*.md,
site_src/topics/*/*.md.j2, the home page template: the files sitegen.read.checks.prose reads). A byte order mark
at the very start of a file is not in any text and is allowed. Ordinary spaces (U+00A0, U+3000) are visible gaps
and are allowed; control characters (U+0000-U+001F) are sitegen.read.checks.injection's.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

from ...problems import Code, Problem
from .parsing import leaves
from .prose import prose_files
from .tables import columns

INVISIBLE_CHARACTER = Code(
    "invisible-character",
    "Invisible character",
    "{text!r} holds {character}, {kind}",
    "delete it and retype the text around it (it usually comes with text copied from a web page, a PDF or a word "
    "processor)",
    "그 문자를 지우고 주변 글을 다시 입력합니다 (웹 페이지·PDF·워드프로세서에서 복사한 글에 흔히 섞여 들어옵니다)",
    dict(
        file="data/groups.csv",
        row=4,
        field="name_en",
        text="Teens \u202e91-01",
        character="U+202E RIGHT-TO-LEFT OVERRIDE",
        kind="a bidirectional control that changes the order in which the text is shown",
    ),
)
BIDI = frozenset(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]
)  # embeddings, overrides, isolates, marks
FILLERS = frozenset([0x115F, 0x1160, 0x3164, 0xFFA0])  # Hangul fillers: letters that show as nothing
SEPARATORS = ("Zl", "Zp")  # U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR


def first_invisible(text: str) -> str | None:
    """The first invisible character in text, or None. str.isprintable() is False for every category refused (and
    for tabs, newlines and unusual spaces), so a printable text without a Hangul filler needs no closer look."""
    if text.isprintable() and not any(chr(code) in text for code in FILLERS):
        return None
    for char in text:
        if ord(char) in FILLERS or unicodedata.category(char) in ("Cf", *SEPARATORS):
            return char
    return None


def problem(file, row: int | None, field: str | None, text: str, char: str) -> Problem:
    code = ord(char)
    if code in BIDI:
        kind = "a bidirectional control that changes the order in which the text is shown"
    elif code in FILLERS:
        kind = "a Hangul filler that shows as nothing"
    else:
        kind = "an invisible character that makes the text differ from what it shows"
    name = unicodedata.name(char, "FORMAT CHARACTER")
    return INVISIBLE_CHARACTER.at(
        file, row, field, text=_around(text, char), character=f"U+{code:04X} {name}", kind=kind
    )


def _around(text: str, char: str, width: int = 40) -> str:
    """The text around the first char, at most width characters."""
    start = max(0, text.index(char) - width // 2)
    return text[start : start + width]


def check(dataset, config) -> Iterator[Problem]:
    """Every cell of every table, every string of the descriptor and every line of the changelog."""
    for _, path, column, cells in columns(dataset):
        if cells.dtype != object and str(cells.dtype) not in ("str", "string"):
            continue  # a number (observations.value, read as one) holds no character
        found = {text: char for text in cells.unique() if isinstance(text, str) and (char := first_invisible(text))}
        if found:
            for index, text in cells[cells.isin(found)].items():
                yield problem(path, int(index) + 2, column, text, found[text])
    descriptor = dataset.folder / "datapackage.json"
    for where, text in leaves(dataset.descriptor):
        if isinstance(text, str) and (char := first_invisible(text)):
            yield problem(descriptor, None, where or None, text, char)
    yield from check_file(dataset.folder / "changelog.yml")


def check_file(path: Path, shown: str | None = None) -> list[Problem]:
    """Every line of a text file (a YAML file, a page) that holds an invisible character, by its line number; a
    byte order mark at the very start is not part of the text. A file that is missing or not UTF-8 is left to the
    check that reads it."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    if first_invisible(text.replace("\n", " ").replace("\t", " ").replace("\r", " ")) is None:
        return []
    problems = []
    for line, content in enumerate(text.split("\n"), 1):
        char = first_invisible(content.replace("\t", " ").replace("\r", " "))
        if char:
            problems.append(problem(shown or path, line, None, content, char))
    return problems


def check_pages(site_src: Path) -> list[Problem]:
    """The hand-written pages and topics, front matter included, named from the project folder."""
    return [
        problem
        for path in prose_files(site_src)
        for problem in check_file(path, path.relative_to(site_src.parent).as_posix())
    ]
