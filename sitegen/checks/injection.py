"""Formula injection: no text cell may start like a spreadsheet formula.

A cell that starts with =, +, -, @, a tab or a carriage return runs as a
formula when a journalist opens the CSV or XLSX download in a spreadsheet.
Every text cell of every resource is screened, and the package's own titles
and descriptions too. (Fields the schema types as numbers or dates were validated as such and cannot hold a formula.)
"""

from __future__ import annotations

from collections.abc import Iterator

from ..problems import Problem

FORMULA_START = r"^[=+\-@\t\r]"
DESCRIPTOR_TEXTS = ("title", "title_ko", "description", "description_ko", "name", "version")


def check(dataset, config) -> Iterator[Problem]:
    for resource in dataset.descriptor["resources"]:
        name = resource["name"]
        frame = dataset.tables.get(name)
        if frame is None:
            continue
        path = str(dataset.folder / resource["path"])
        text_fields = {f["name"] for f in resource.get("schema", {}).get("fields", []) if f.get("type", "string") == "string"}
        for column in [c for c in frame.columns if c in text_fields]:
            cells = frame[column].astype(str)
            for index, cell in cells[cells.str.contains(FORMULA_START, regex=True)].items():
                yield _problem(path, int(index) + 2, column, cell)
    for key in DESCRIPTOR_TEXTS:
        text = dataset.descriptor.get(key)
        if isinstance(text, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
            yield _problem(str(dataset.folder / "datapackage.json"), None, key, text)


def _problem(path: str, row: int | None, field: str, cell: str) -> Problem:
    return Problem(path, row, field, "formula-injection",
                   f"{cell[:40]!r} starts with {cell[:1]!r}, which a spreadsheet runs as a formula",
                   "remove the leading character (write a minus sign as − or put the text in words)")
