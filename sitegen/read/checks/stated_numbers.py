"""A number a package's own words state is a number of its data.

The description (both languages) and each chart's subtitle and note are read beside the figures, on the dataset
page, in the catalogue and under the chart; a number typed there and not changed with the data would contradict
the data on the same page. Each number there must be a value of data/observations.csv, or the total of a sum
written out in full ("1,761 + 1,228 + 468 + 169 + 71 = 3,697") whose terms are such values and which adds up.
Years, dates, ages and the other numbers hand-written pages may state (sitegen.read.checks.prose) are allowed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ...problems import Code, Problem
from ..views import declared
from . import prose

NUMBER_NOT_IN_DATA = Code(
    "number-not-in-data",
    "Number not in the data",
    'states "{number}", which is not a value of data/observations.csv',
    "state only the package's own figures (or a sum written out as a + b = c); check the number against the "
    "observations, and change the text with the data",
    "패키지 자체의 수치(또는 a + b = c처럼 다 적은 합)만 씁니다. observations와 대조하고, 데이터가 바뀌면 "
    "글도 함께 고칩니다",
    dict(file="datapackage.json", field="description_ko", number="3,967"),
)
SUM_DOES_NOT_ADD_UP = Code(
    "sum-does-not-add-up",
    "Written sum does not add up",
    'states "{written}", but the terms add up to {total}',
    "correct the sum or its terms against data/observations.csv",
    "합이나 더한 수를 data/observations.csv와 대조해 고칩니다",
    dict(file="datapackage.json", field="description", written="1,761 + 1,228 = 2,999", total="2,989"),
)

NUMBER = prose.NUMBER.pattern  # a number as the prose rule reads one, so a sum's total is one of typed_numbers'
SUM = re.compile(rf"({NUMBER}(?:\s*\+\s*{NUMBER})+)\s*=\s*({NUMBER})")


def check(dataset, config) -> Iterator[Problem]:
    path = str(dataset.folder / "datapackage.json")
    values = {float(v) for v in dataset.observations["value"].dropna()}  # a suppressed cell has no value
    for field, text in _texts(dataset):
        sums = list(SUM.finditer(text))
        for written in sums:
            terms = [_number(t) for t in written.group(1).split("+")]
            total = _number(written.group(2))
            if not math.isclose(sum(terms), total):
                yield SUM_DOES_NOT_ADD_UP.at(path, None, field, written=written.group(), total=f"{sum(terms):,g}")
        totals = {written.group(2) for written in sums}
        for _, number in prose.typed_numbers(text):
            if number not in totals and _number(number) not in values:
                yield NUMBER_NOT_IN_DATA.at(path, None, field, number=number)


def _texts(dataset) -> Iterator[tuple[str, str]]:
    """(field, text) of the package's own words a reader sees beside its figures (a malformed view is the views
    check's to report)."""
    for field in ("description", "description_ko"):
        if isinstance(dataset.descriptor.get(field), str):
            yield field, dataset.descriptor[field]
    for index, view in enumerate(declared(dataset)):
        spec = view.get("spec") if isinstance(view, dict) else None
        for part in ("subtitle", "note"):
            words = spec.get(part) if isinstance(spec, dict) else None
            if not isinstance(words, dict):
                continue
            for lang, text in words.items():
                if isinstance(text, str):
                    yield f"views[{index}].spec.{part}.{lang}", text


def _number(text: str) -> float:
    return float(text.strip().replace(",", ""))
