"""Charts a maintainer declares: the `views` of a data package, as they are declared.

A view is a Frictionless Data Package view (name, title, resources, specType,
spec) in datapackage.json. Its spec says which figures the chart shows and how:

    {"name": "arrests-by-year", "title": "...", "resources": ["observations"], "specType": "sitegen-chart",
     "spec": {"type": "line",                        # line | bar | grouped-bar | stacked-bar
              "axis": "period",                      # the categories are periods (or "group": groups)
              "periods": ["year-2021", "year-2024"], # axis period: the categories; axis group: one period
              "groups": ["total"],                   # axis group: the categories; axis period: one group
              "series": [{"measure": "arrested"}, {"measure": "cases_reported", "group": "total"}],
              "title": {"ko": "...", "en": "..."}, "subtitle": {...}, "note": {...},
              "annotations": [{"date": "2024-08-28", "label": {"ko": "...", "en": "..."}}],
              "highlight": ["age_10_19"]}}

sitegen.read.checks.views checks every spec before a build; sitegen.render.views turns a checked view into a
chart model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .catalog import DESCRIPTOR, Dataset

KINDS = ("line", "bar", "grouped-bar", "stacked-bar")  # the chart types a spec may name
SPEC_TYPE = "sitegen-chart"


@dataclass(frozen=True)
class Cell:
    """Where one drawn value comes from: a category of the axis crossed with a series."""

    period_id: str
    measure: str
    group: str


def declared(dataset: Dataset) -> list[dict]:
    return list(dataset.descriptor.get("views") or [])


def declared_names(folder: Path) -> list[str]:
    """The names of the views a package folder declares, read without loading the package (an unreadable
    descriptor declares none: check reports it)."""
    try:
        descriptor = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError, RecursionError, MemoryError):  # whatever breaks the parser: check names the file
        return []
    found = descriptor.get("views") if isinstance(descriptor, dict) else None
    return [view["name"] for view in found or [] if isinstance(view, dict) and isinstance(view.get("name"), str)]


def drawn_periods(view: dict) -> set[str]:
    """The periods a declared view draws; none for a view the check refuses."""
    try:
        return {cell.period_id for series in cells(view["spec"]) for cell in series}
    except (KeyError, TypeError, IndexError, AttributeError):
        return set()


def cells(spec: dict) -> list[list[Cell]]:
    """The figure behind every value: one list per series, one cell per category."""
    by_period = spec.get("axis", "period") == "period"
    categories = spec["periods"] if by_period else spec["groups"]
    result = []
    for series in spec["series"]:
        if by_period:
            group = series.get("group") or (spec.get("groups") or ["total"])[0]
            result.append([Cell(c, series["measure"], group) for c in categories])
        else:
            period = series.get("period") or spec["periods"][0]
            result.append([Cell(period, series["measure"], c) for c in categories])
    return result


def published_cells(dataset: Dataset) -> dict[tuple[str, str, str], tuple]:
    """(period, measure, group) -> (value, status, source id) of every published figure, suppressed ones too."""
    obs = dataset.observations[dataset.observations["role"] == "published"]
    return dict(
        zip(zip(obs["period_id"], obs["measure"], obs["group"]), zip(obs["value"], obs["status"], obs["source_id"]))
    )
