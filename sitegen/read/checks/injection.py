"""Formula injection: no text cell may start like a spreadsheet formula.

A cell that starts with =, +, -, @, a tab or a carriage return runs as a
formula when a journalist opens the CSV or XLSX download in a spreadsheet.
Every text cell of every resource is screened, and the package's own titles
and descriptions too. (Fields the schema types as numbers or dates were validated as such and cannot hold a formula.)
A control character (other than tab, line feed and carriage return) is refused
anywhere in a text: it cannot be shown, and a spreadsheet file cannot hold it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from ...problems import Code, Problem
from .tables import columns, matching

FORMULA_START = r"^[=+\-@\t\r]"
CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
FORMULA_INJECTION = Code(
    "formula-injection",
    "Text that runs as a formula",
    "{cell!r} starts with {first!r}, which a spreadsheet runs as a formula",
    "remove the leading {first!r} (write a minus sign as − or put the text in words)",
    "맨 앞의 {first!r}를 지웁니다 (빼기 기호는 −로 쓰거나 말로 풀어 씁니다)",
    dict(file="data/groups.csv", row=5, field="name_en", cell="=HYPERLINK(...)", first="="),
)
CONTROL_CHARACTER = Code(
    "control-character",
    "Invisible control character",
    "{cell!r} holds the control character U+{codepoint:04X}, which cannot be shown or written to a spreadsheet",
    "delete it (it usually comes from copying text out of another program)",
    "보이지 않는 제어 문자를 지웁니다 (다른 프로그램에서 복사한 글에 흔히 섞여 들어옵니다)",
    dict(file="data/sources.csv", row=3, field="quote", cell="a\x08b", codepoint=8),
)
DESCRIPTOR_TEXTS = ("title", "title_ko", "description", "description_ko", "name", "version")


def check(dataset, config) -> Iterator[Problem]:
    for resource, path, column, cells in columns(dataset):
        text_fields = {
            f["name"] for f in resource.get("schema", {}).get("fields", []) if f.get("type", "string") == "string"
        }
        if column not in text_fields:
            continue
        cells = cells.astype(str)
        distinct = pd.Series(cells.unique(), dtype=object)
        for index, cell in matching(cells, distinct, FORMULA_START).items():
            yield _problem(path, int(index) + 2, column, cell)
        for index, cell in matching(cells, distinct, CONTROL).items():
            yield _control(path, int(index) + 2, column, cell)
    for key in DESCRIPTOR_TEXTS:
        text = dataset.descriptor.get(key)
        if isinstance(text, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
            yield _problem(str(dataset.folder / "datapackage.json"), None, key, text)
        if isinstance(text, str) and re.search(CONTROL, text):
            yield _control(str(dataset.folder / "datapackage.json"), None, key, text)


def _problem(path: str, row: int | None, field: str, cell: str) -> Problem:
    return FORMULA_INJECTION.at(path, row, field, cell=cell[:40], first=cell[:1])


def _control(path: str, row: int | None, field: str, cell: str) -> Problem:
    return CONTROL_CHARACTER.at(path, row, field, cell=cell[:40], codepoint=ord(re.search(CONTROL, cell).group()))
