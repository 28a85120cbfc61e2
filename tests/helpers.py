"""Tiny data packages written from inline rows, for unit tests."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from sitegen.read.standard import SCHEMAS, descriptor_resources

SOURCES = [
    {
        "id": "src-a",
        "publisher": "Agency",
        "title": "Release",
        "url": "https://example.org/a",
        "published": "2025-04-17",
        "language": "en",
        "quote": "",
    }
]
PERIODS = [
    {
        "id": "crackdown",
        "name_ko": "단속",
        "name_en": "Crackdown",
        "start": "2024-08-28",
        "end": "2025-03-31",
        "kind": "crackdown",
        "comparable_to": "before",
        "source_id": "src-a",
    },
    {
        "id": "before",
        "name_ko": "단속 전",
        "name_en": "Before",
        "start": "2024-01-01",
        "end": "2024-08-27",
        "kind": "comparison",
        "comparable_to": "",
        "source_id": "src-a",
    },
]
MEASURES = [
    {
        "id": "arrested",
        "unit": "persons",
        "name_ko": "검거 인원",
        "name_en": "Persons apprehended",
        "definition_ko": "검거된 사람 수",
        "definition_en": "People apprehended",
        "at_most": "",
    }
]
GROUPS = [
    {"id": "total", "parent": "", "name_ko": "전체", "name_en": "All", "parts_sum": ""},
    {"id": "age_10_19", "parent": "total", "name_ko": "10대", "name_en": "Teens", "parts_sum": ""},
    {"id": "age_20_29", "parent": "total", "name_ko": "20대", "name_en": "20s", "parts_sum": ""},
]


def obs(period_id, group, value, measure="arrested", qualifier="exact", status="", role="published", source_id="src-a"):
    return {
        "period_id": period_id,
        "measure": measure,
        "group": group,
        "value": value,
        "qualifier": qualifier,
        "status": status,
        "role": role,
        "source_id": source_id,
        "disclosure_exemption": "",
        "flag": "",
    }


OBSERVATIONS = [
    obs("crackdown", "total", 100),
    obs("crackdown", "age_10_19", 60),
    obs("crackdown", "age_20_29", 40),
    obs("before", "total", 50),
]


# Two declared charts of the tiny package: its crackdown by age, and the crackdown beside the period before it.
VIEWS = [
    {
        "name": "tiny-by-age",
        "title": "Tiny by age",
        "resources": ["observations"],
        "specType": "sitegen-chart",
        "spec": {
            "type": "bar",
            "axis": "group",
            "periods": ["crackdown"],
            "groups": ["age_10_19", "age_20_29"],
            "series": [{"measure": "arrested"}],
            "title": {"ko": "단속 검거 인원의 나이", "en": "Age in the crackdown"},
        },
    },
    {
        "name": "tiny-before-and-during",
        "title": "Tiny before and during",
        "resources": ["observations"],
        "specType": "sitegen-chart",
        "spec": {
            "type": "bar",
            "axis": "period",
            "periods": ["before", "crackdown"],
            "series": [{"measure": "arrested"}],
            "title": {"ko": "단속 전과 단속 중 검거 인원", "en": "Apprehended before and during the crackdown"},
        },
    },
]


def write_package(folder: Path, name: str = "tiny", views: list | None = None, **tables) -> Path:
    """Write a valid package; pass sources=..., observations=... (lists of dicts) to change a table, views=[...] to
    declare charts (VIEWS: the two charts of the default tables)."""
    defaults = {
        "sources": SOURCES,
        "periods": PERIODS,
        "measures": MEASURES,
        "groups": GROUPS,
        "observations": OBSERVATIONS,
        "quoted_figures": [],
    }
    defaults.update(tables)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "data").mkdir(exist_ok=True)
    for resource, rows in defaults.items():
        fields = [f["name"] for f in SCHEMAS[resource]["fields"]]
        with open(folder / "data" / f"{resource}.csv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    descriptor = {
        "name": name,
        "title": f"{name} title",
        "title_ko": f"{name} 제목",
        "description": "A test package.",
        "description_ko": "시험용 패키지.",
        "version": "1.0.0",
        "resources": descriptor_resources(),
    }
    if views:
        descriptor["views"] = views
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    (folder / "changelog.yml").write_text(CHANGELOG, encoding="utf-8")
    return folder


CHANGELOG = """- version: 1.0.0
  date: 2025-04-17
  kind: release
  reason_en: First release.
  reason_ko: 첫 공개.
"""


def read_rows(path) -> list[dict]:
    """A CSV table as a list of dicts, one per row (for a test to change and write back)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path, table: list[dict]) -> None:
    """Write rows read by read_rows back, in their column order, with LF line ends."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(table[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)


def tree(folder) -> dict[str, bytes]:
    """Every file under a folder, by its path relative to it, with its bytes: two trees compare equal only if identical."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# The new period both release tests add: the cyber sexual violence crackdown, into the 2024 crackdown's package.
NEW_PERIOD, NEW_PERIOD_PACKAGE = "crackdown-2024-11-01", "special-crackdown-2024"


def new_period(datasets, *extra, package=NEW_PERIOD_PACKAGE) -> int:
    """`build_site.py new-period` for NEW_PERIOD, with the extra arguments given."""
    from sitegen.commands.cli import main

    names = [
        "--name-ko",
        "사이버성폭력 집중단속 (2024.11.1.~2025.10.31.)",
        "--name-en",
        "Cyber sexual violence crackdown (1 Nov 2024 – 31 Oct 2025)",
    ]
    package_args = ["--package", package] if package else []
    return main(
        [
            "new-period",
            "--datasets",
            str(datasets),
            "--id",
            NEW_PERIOD,
            "--start",
            "2024-11-01",
            "--end",
            "2025-10-31",
            *names,
            *package_args,
            *extra,
        ]
    )


# The site_url the deployed test site is built with (conftest.deployed_site).
SITE_URL = "https://stats.example.org/deepfake/"


def build_notes(site: Path) -> list[str]:
    """What the build of a site made by conftest.build_once noted for its summary (Progress.notes)."""
    return json.loads((site.parent / "notes.json").read_text(encoding="utf-8"))


# A crackdown of 2025 and its comparison window, announced together and added to the 2024 crackdown's package as a
# maintainer does (the rehearsal of 2026-12; test_new_period_pages.py and _built.py, test_citations.py): its window has no detained
# figure.
CRACKDOWN_2025, WINDOW_2025 = "crackdown-2025-04-01", "window-2025-01-01"
CRACKDOWN_2025_FIGURES = {
    (CRACKDOWN_2025, "arrested", "total"): "1104",
    (CRACKDOWN_2025, "arrested", "age_10_19"): "702",
    (CRACKDOWN_2025, "arrested", "age_10_13"): "88",
    (CRACKDOWN_2025, "arrested", "age_20_29"): "291",
    (CRACKDOWN_2025, "arrested", "age_30_39"): "83",
    (CRACKDOWN_2025, "arrested", "age_40_49"): "21",
    (CRACKDOWN_2025, "arrested", "age_50_plus"): "7",
    (CRACKDOWN_2025, "detained", "total"): "71",
    (CRACKDOWN_2025, "takedown_requests", "total"): "12410",
    (WINDOW_2025, "arrested", "total"): "301",
}


# The command-line arguments of `new-period` for CRACKDOWN_2025 and its window, after --datasets and --package.
CRACKDOWN_2025_ARGS = [
    "--id",
    CRACKDOWN_2025,
    "--start",
    "2025-04-01",
    "--end",
    "2025-10-31",
    "--name-ko",
    "딥페이크 성범죄 집중단속 (2025.4.1.~10.31.)",
    "--name-en",
    "Deepfake sex crime crackdown (1 Apr – 31 Oct 2025)",
]
WINDOW_2025_ARGS = [
    "--window-start",
    "2025-01-01",
    "--window-end",
    "2025-03-31",
    "--window-name-ko",
    "단속 전 비교 기간 (2025.1.1.~3.31.)",
    "--window-name-en",
    "Comparison window before the crackdown (1 Jan – 31 Mar 2025)",
]


def add_crackdown_2025(datasets: Path) -> Path:
    """`build_site.py new-period` for CRACKDOWN_2025 with its window into NEW_PERIOD_PACKAGE, then the source, the
    figures (the window's detained row deleted: the release does not give it) and the changelog entry filled in.
    Returns the package folder."""
    from sitegen.commands.cli import main

    folder = datasets / NEW_PERIOD_PACKAGE
    arguments = ["new-period", "--datasets", str(datasets), "--package", NEW_PERIOD_PACKAGE, *CRACKDOWN_2025_ARGS]
    assert main([*arguments, *WINDOW_2025_ARGS]) == 0
    fill_in_release(
        folder,
        CRACKDOWN_2025_FIGURES,
        date="2026-12-07",
        reason_en="Results of the crackdown of 1 April to 31 October 2025.",
        reason_ko="2025년 4월 1일~10월 31일 집중단속 결과.",
    )
    return folder


def fill_in_release(folder: Path, figures: dict, date: str, reason_en: str, reason_ko: str, **source) -> None:
    """What a maintainer fills in after `new-period`: the source stub (an invented Example Daily article unless
    given), the new periods' figures (period, measure, group -> value; a row the release does not give is deleted)
    and the draft changelog entry's date and reasons."""
    sources = read_rows(folder / "data" / "sources.csv")
    sources[-1].update(
        dict(
            publisher="Example Daily",
            url="https://example.org/news/crackdown",
            published="2025-11-21",
            language="ko",
            quote="경찰은 7개월간 1104명을 검거해 71명을 구속했다.",
            released_by_en="KNPA",
            released_by_ko="경찰청",
        ),
        **source,
    )
    write_rows(folder / "data" / "sources.csv", sources)
    new = {period for period, _, _ in figures}
    observations = [
        dict(o, value=figures[key]) if o["period_id"] in new else o
        for o in read_rows(folder / "data" / "observations.csv")
        if o["period_id"] not in new or (key := (o["period_id"], o["measure"], o["group"])) in figures
    ]
    assert sum(o["period_id"] in new for o in observations) == len(figures), "a figure new-period gave no row for"
    write_rows(folder / "data" / "observations.csv", observations)
    changelog = folder / "changelog.yml"
    changelog.write_text(
        changelog.read_text(encoding="utf-8")
        .replace("  date:\n", f"  date: {date}\n", 1)
        .replace("  reason_en:\n", f"  reason_en: {reason_en}\n", 1)
        .replace("  reason_ko:\n", f"  reason_ko: {reason_ko}\n", 1),
        encoding="utf-8",
    )


def correction_in_progress(folder: Path) -> None:
    """Version 1.0.3 of a shipped package at 1.0.2 and its changelog entry, a correction of any figure: the
    maintainer's way to change published figures, so the only problems left are those a test is about."""
    descriptor = folder / "datapackage.json"
    descriptor.write_text(descriptor.read_text(encoding="utf-8").replace('"version": "1.0.2"', '"version": "1.0.3"'))
    changelog = folder / "changelog.yml"
    head, entries = changelog.read_text(encoding="utf-8").split("- version: 1.0.2", 1)
    entry = (
        "- version: 1.0.3\n  date: 2026-12-08\n  kind: correction\n"
        '  reason_en: "Figures typed again from the release."\n  reason_ko: "발표 원문에서 수치를 다시 옮겼습니다."\n'
        '  figures: ["*/*/*"]\n'
    )
    changelog.write_text(head + entry + "- version: 1.0.2" + entries, encoding="utf-8")
