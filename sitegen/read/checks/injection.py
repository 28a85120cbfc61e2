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

from ...codes import Code
from ...problems import Problem
from .tables import columns, matching

FORMULA_START = r"^[=+\-@\t\r]"
CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
CODES = {
    "formula-injection": Code("data/groups.csv:5:name_en: '=HYPERLINK(...)' starts with '=', which a spreadsheet runs as a formula",
                              "Remove the leading =, +, -, @, tab or carriage return (write a minus sign as −).",
                              "맨 앞의 =, +, -, @, 탭, 캐리지 리턴을 지웁니다 (빼기 기호는 −로 씁니다)."),
    "control-character": Code("data/sources.csv:3:quote: 'a\\x08b' holds the control character U+0008",
                              "Delete the invisible character; it usually comes from copying text out of another program.",
                              "보이지 않는 제어 문자를 지웁니다. 다른 프로그램에서 복사한 글에 흔히 섞여 들어옵니다."),
}
DESCRIPTOR_TEXTS = ("title", "title_ko", "description", "description_ko", "name", "version")


def check(dataset, config) -> Iterator[Problem]:
    for resource, path, column, cells in columns(dataset):
        text_fields = {f["name"] for f in resource.get("schema", {}).get("fields", []) if f.get("type", "string") == "string"}
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
    return Problem(path, row, field, "formula-injection",
                   f"{cell[:40]!r} starts with {cell[:1]!r}, which a spreadsheet runs as a formula",
                   "remove the leading character (write a minus sign as − or put the text in words)")


def _control(path: str, row: int | None, field: str, cell: str) -> Problem:
    char = re.search(CONTROL, cell).group()
    return Problem(path, row, field, "control-character",
                   f"{cell[:40]!r} holds the control character U+{ord(char):04X}, which cannot be shown or written to a "
                   "spreadsheet", "delete it (it usually comes from copying text out of another program)")
