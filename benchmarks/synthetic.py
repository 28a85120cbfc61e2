"""Synthetic data packages for the scale benchmark: NOT real figures.

Every package and period title says it is synthetic. The packages have the
shape of the real crackdown packages (datasets/special-crackdown-2024 and
crackdown-2024-running-totals): a comparison window and crackdown periods,
persons apprehended by age group, persons detained, takedown requests with an
alternative report, quoted derived figures, sources and a changelog. Counts
are 5 or more except one small count per period that carries a disclosure
exemption, so every check of the real pipeline passes and runs.

Write them only to a temporary folder, never to datasets/.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
from pathlib import Path

from sitegen.read.standard import descriptor_resources

TOP_GROUPS = ["age_10_19", "age_20_29", "age_30_39", "age_40_49", "age_50_plus"]
GROUPS = [
    ("total", "", "전체", "All ages"),
    ("age_10_19", "total", "10대", "Teens (10–19)"),
    ("age_10_13", "age_10_19", "촉법소년 (10~13세)", "Children aged 10–13"),
    ("age_20_29", "total", "20대", "20s"),
    ("age_30_39", "total", "30대", "30s"),
    ("age_40_49", "total", "40대", "40s"),
    ("age_50_plus", "total", "50대 이상", "50 or older"),
]
MEASURES = [
    ("arrested", "persons", "검거 인원 (합성)", "Persons apprehended (synthetic)", "합성 데이터.", "Synthetic data."),
    ("detained", "persons", "구속 인원 (합성)", "Persons detained (synthetic)", "합성 데이터.", "Synthetic data."),
    (
        "takedown_requests",
        "items",
        "삭제·차단 요청 (합성)",
        "Takedown requests (synthetic)",
        "합성 데이터.",
        "Synthetic data.",
    ),
]
FIRST_DAY = dt.date(2000, 1, 1)
LENGTH = 30  # days in a synthetic crackdown


def generate(root: Path, periods: int, per_package: int = 10, seed: int = 1) -> list[Path]:
    """`periods` crackdown periods in packages of `per_package`; returns the package folders."""
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    folders, done, number = [], 0, 0
    while done < periods:
        number += 1
        count = min(per_package, periods - done)
        folders.append(_package(root / f"synthetic-{number:04d}", number, done, count, rng))
        done += count
    return folders


def rows_per_period() -> int:
    """Observation rows each crackdown period adds (for sizing a package by rows)."""
    return len(GROUPS) + 1 + 1 + 1 + 1  # groups, alternative total, detained, takedowns and their alternative


def _package(folder: Path, number: int, offset: int, count: int, rng: random.Random) -> Path:
    start = FIRST_DAY + dt.timedelta(days=(offset + number - 1) * (LENGTH + 1))
    window = {"id": f"window-{number:04d}", "start": start, "end": start + dt.timedelta(days=LENGTH - 1)}
    periods, sources, observations, quoted = [], [], [], []
    base_id, base_total = window["id"], rng.randint(100, 900)
    window_source = f"synthetic-source-{number:04d}-0"
    sources.append(_source(window_source, window["end"], f"window {number}"))
    periods.append(
        _period(
            window["id"],
            f"합성 비교 기간 {number}",
            f"Synthetic comparison window {number}",
            window["start"],
            window["end"],
            "comparison",
            "",
            window_source,
        )
    )
    observations += [
        _obs(window["id"], "arrested", "total", base_total, window_source),
        _obs(window["id"], "detained", "total", max(5, base_total // 20), window_source),
    ]
    for index in range(count):
        first = start + dt.timedelta(days=(index + 1) * (LENGTH + 1))
        last = first + dt.timedelta(days=LENGTH - 1)
        pid = f"synthetic-{number:04d}-{index + 1:02d}"
        source, other = f"synthetic-source-{number:04d}-{index + 1}", f"synthetic-report-{number:04d}-{index + 1}"
        sources += [_source(source, last, pid), _source(other, last, f"{pid} (second report)")]
        periods.append(
            _period(
                pid,
                f"합성 집중단속 {number}-{index + 1} (합성 데이터)",
                f"Synthetic crackdown {number}-{index + 1} (synthetic data)",
                first,
                last,
                "crackdown",
                base_id,
                source,
            )
        )
        ages = {group: rng.randint(5, 400) for group in TOP_GROUPS[:-1]}
        ages["age_50_plus"] = 3  # a small count an official release printed: published under an exemption
        ages["age_10_13"] = rng.randint(5, ages["age_10_19"])
        total = sum(ages[g] for g in TOP_GROUPS)
        observations.append(_obs(pid, "arrested", "total", total, source))
        observations.append(_obs(pid, "arrested", "total", total, other, role="alternative"))
        for group, _, _, _ in GROUPS[1:]:
            observations.append(
                _obs(pid, "arrested", group, ages[group], source, exemption=source if ages[group] < 5 else "")
            )
        observations.append(_obs(pid, "detained", "total", max(5, total // 15), source))
        takedowns = rng.randint(1000, 20000)
        observations.append(_obs(pid, "takedown_requests", "total", takedowns, source))
        observations.append(
            _obs(
                pid,
                "takedown_requests",
                "total",
                takedowns // 1000 * 1000,
                other,
                qualifier="at_least",
                role="alternative",
            )
        )
        change = (total - base_total) / base_total * 100
        share = (ages["age_10_19"] + ages["age_20_29"]) / total * 100
        quoted.append(
            {
                "id": f"{pid}-change",
                "kind": "change",
                "period_id": pid,
                "base_period_id": base_id,
                "measure": "arrested",
                "group": "total",
                "of_group": "",
                "value": f"{round(change, 1)}",
                "decimals": "1",
                "source_id": source,
            }
        )
        quoted.append(
            {
                "id": f"{pid}-share",
                "kind": "share",
                "period_id": pid,
                "base_period_id": "",
                "measure": "arrested",
                "group": "age_10_19+age_20_29",
                "of_group": "total",
                "value": f"{round(share, 1)}",
                "decimals": "1",
                "source_id": source,
            }
        )
        base_id, base_total = pid, total
    newest = max(s["published"] for s in sources)
    _write_package(
        folder,
        number,
        newest,
        {
            "sources": sources,
            "periods": periods,
            "observations": observations,
            "quoted_figures": quoted,
            "measures": [
                dict(zip(["id", "unit", "name_ko", "name_en", "definition_ko", "definition_en"], m)) for m in MEASURES
            ],
            "groups": [dict(zip(["id", "parent", "name_ko", "name_en"], g)) for g in GROUPS],
        },
    )
    return folder


def _source(sid: str, last: dt.date, what: str) -> dict:
    return {
        "id": sid,
        "publisher": "Synthetic publisher (benchmark)",
        "title": f"Synthetic release for {what}",
        "url": f"https://example.org/synthetic/{sid}",  # a new source gives its address (or its quote)
        "published": (last + dt.timedelta(days=5)).isoformat(),
        "language": "en",
        "quote": "",
        "published_precision": "",
    }


def _period(pid, name_ko, name_en, start, end, kind, comparable_to, source) -> dict:
    return {
        "id": pid,
        "name_ko": name_ko,
        "name_en": name_en,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "kind": kind,
        "comparable_to": comparable_to,
        "source_id": source,
    }


def _obs(pid, measure, group, value, source, qualifier="exact", role="published", exemption="") -> dict:
    return {
        "period_id": pid,
        "measure": measure,
        "group": group,
        "value": str(value),
        "qualifier": qualifier,
        "status": "",
        "role": role,
        "source_id": source,
        "disclosure_exemption": exemption,
        "flag": "",
    }


def _write_package(folder: Path, number: int, newest: str, tables: dict[str, list[dict]]) -> None:
    (folder / "data").mkdir(parents=True, exist_ok=True)
    resources = descriptor_resources()
    for resource in resources:
        fields = [f["name"] for f in resource["schema"]["fields"]]
        with open(folder / resource["path"], "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(tables[resource["name"]])
    descriptor = {
        "name": f"synthetic-{number:04d}",
        "title": f"SYNTHETIC benchmark package {number} (not real figures)",
        "title_ko": f"합성 벤치마크 패키지 {number} (실제 수치 아님)",
        "description": "Synthetic data generated by benchmarks/build_scale.py to measure the build. Not real figures.",
        "description_ko": "빌드 속도를 재기 위해 benchmarks/build_scale.py가 만든 합성 데이터. 실제 수치가 아니다.",
        "version": "1.0.0",
        "resources": resources,
    }
    (folder / "datapackage.json").write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (folder / "changelog.yml").write_text(
        f"- version: 1.0.0\n  date: {newest}\n  kind: release\n"
        '  reason_en: "Synthetic benchmark data (not real figures)."\n'
        '  reason_ko: "합성 벤치마크 데이터 (실제 수치 아님)."\n',
        encoding="utf-8",
    )
