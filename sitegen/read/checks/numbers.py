"""Every number is finite: no infinity and no NaN in any numeric field, nor in datapackage.json.

Python, pandas and frictionless read "inf", "-inf", "Infinity", "nan" and "NaN" (in any case, with a sign) as
numbers, and a number too big for a float ("1e999") as infinity. frictionless lets +inf through a minimum of 0
(the site would publish "∞ persons") and reads NaN as below the minimum; "sNaN" even crashes its constraint
check. So every cell of a field typed number or integer is screened here before frictionless reads the tables
(sitegen.read.validation), and the numbers of the descriptor when it is read (sitegen.read.checks.structure).
"""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path

from ...problems import Code, Problem
from .parsing import leaves

NOT_FINITE = Code(
    "not-a-finite-number",
    "Infinity or NaN",
    '"{cell}" reads as {what}, not as a finite number',
    "write the figure in digits, e.g. 1234; a figure that is unknown or suppressed stays empty (with c in status "
    "for a suppressed one)",
    "수치를 1234처럼 숫자로 씁니다. 모르거나 비공개인 수치는 칸을 비워 둡니다 (비공개이면 status에 c)",
    dict(file="data/observations.csv", row=7, field="value", cell="inf", what="infinity"),
)
NUMERIC_TYPES = ("number", "integer")
_NAMED = re.compile(r"(?i)\s*([+-]?)(inf|infinity|s?nan)\s*")
_ANYWHERE = re.compile(r"(?i)nan|inf|[\d.]e|\d{300}")  # a file without these has no non-finite cell below its header
_SUSPECT = re.compile(r"(?i)[aein]|\d{300}")  # a non-finite cell holds one of these letters, or 300 digits


def what(cell: str) -> str | None:
    """What a cell is if it is a number but not a finite one ("infinity", "not a number (NaN)", ...), else None."""
    if not _SUSPECT.search(cell):
        return None
    named = _NAMED.fullmatch(cell)
    if named:
        sign, word = named.groups()
        if "nan" in word.lower():
            return "NaN (not a number)"
        return "minus infinity" if sign == "-" else "infinity"
    try:
        value = float(cell)
    except ValueError:
        return None
    return "infinity (it is too large for a number)" if math.isinf(value) else None


def check_table(folder: Path, resource: dict) -> list[Problem]:
    """The non-finite cells of the numeric fields of one resource's CSV (read as text, before frictionless)."""
    path = folder / resource["path"]
    numeric = {
        f.get("name")
        for f in resource.get("schema", {}).get("fields", [])
        if isinstance(f, dict) and f.get("type") in NUMERIC_TYPES
    }
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []  # reported by the file checks
    if not numeric or not _ANYWHERE.search(text, text.find("\n") + 1):
        return []
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    columns = [(index, name) for index, name in enumerate(header) if name in numeric]
    problems = []
    for row, cells in enumerate(reader, 2):
        for index, name in columns:
            cell = cells[index] if index < len(cells) else ""
            found = what(cell)
            if found:
                problems.append(NOT_FINITE.at(str(path), row, name, cell=cell.strip(), what=found))
    return problems


def check_descriptor(descriptor: dict, path: Path) -> list[Problem]:
    """The infinities and NaNs of a descriptor (JSON has neither, but Python reads NaN, Infinity and 1e999)."""
    return [
        NOT_FINITE.at(str(path), None, where, cell=_json(value), what=what(_json(value)) or "infinity")
        for where, value in leaves(descriptor)
        if isinstance(value, float) and not math.isfinite(value)
    ]


def _json(value: float) -> str:
    return "NaN" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"
