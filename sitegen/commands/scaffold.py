"""new-period: add a campaign period, its empty figures, a source stub and a draft changelog entry.

Everything the maintainer still has to fill in is left empty on purpose, so
that `check` lists each of those cells until it is filled (a source without
publisher, date and language; a figure without value; an entry without date
and reasons).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import SiteError
from ..read.catalog import DESCRIPTOR, find_packages, read_table
from ..read.changes import CHANGELOG, bump, read_changelog
from ..read.checks.parsing import Broken, screen_yaml

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass
class Scaffolded:
    package: Path
    period_id: str
    version: str
    source_id: str
    todo: list[str] = field(default_factory=list)  # "file:row: what to fill in"


def new_period(
    datasets_dir: Path,
    period_id: str,
    start: str,
    end: str,
    name_ko: str,
    name_en: str,
    kind: str = "crackdown",
    compare_to: str | None = None,
    package: str | None = None,
) -> Scaffolded:
    folder = choose_package(datasets_dir, package, kind)
    periods = read_table(folder / "data" / "periods.csv")
    _check_request(folder, periods, period_id, start, end, compare_to)
    try:  # read only a changelog that loads safely: a YAML bomb or deep nesting is one line, not a traceback
        screen_yaml((folder / CHANGELOG).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, Broken) as error:
        reason = error.note if isinstance(error, Broken) else error
        raise SiteError(
            f"{folder / CHANGELOG}: cannot be read ({reason}) - fix it first (python build_site.py check)"
        ) from None
    entries, problems = read_changelog(folder)
    if problems:
        raise SiteError(f"{problems[0]} - fix the changelog first (python build_site.py check lists every problem)")
    version = bump(entries[0].version, "release")
    sources = read_table(folder / "data" / "sources.csv")
    source_id = _free_id(f"source-{period_id}", set(sources["id"]))
    done = Scaffolded(folder, period_id, version, source_id)

    row = _append(folder / "data" / "sources.csv", [{"id": source_id}])
    done.todo.append(
        f"{folder / 'data' / 'sources.csv'}:{row}: publisher, title, url, published, language, quote of the release"
    )
    _append(
        folder / "data" / "periods.csv",
        [
            {
                "id": period_id,
                "name_ko": name_ko,
                "name_en": name_en,
                "start": start,
                "end": end,
                "kind": kind,
                "comparable_to": compare_to or "",
                "source_id": source_id,
            }
        ],
    )
    cells = _cells_like_last_period(folder, periods, kind)
    first = _append(
        folder / "data" / "observations.csv",
        [
            {
                "period_id": period_id,
                "measure": measure,
                "group": group,
                "qualifier": "exact",
                "role": "published",
                "source_id": source_id,
            }
            for measure, group in cells
        ],
    )
    done.todo.append(
        f"{folder / 'data' / 'observations.csv'}:{first}-{first + len(cells) - 1}: value of each figure "
        "(or c in status if it is suppressed; delete rows the release does not give)"
    )
    line = _add_draft_entry(folder / CHANGELOG, version, period_id)
    done.todo.append(f"{folder / CHANGELOG}:{line}: date and reason_en, reason_ko of release {version}")
    _set_version(folder / DESCRIPTOR, version)
    return done


def choose_package(datasets_dir: Path, name: str | None, kind: str) -> Path:
    """--package, or else the one package that already holds periods of this kind."""
    folders = find_packages(datasets_dir)
    names = [f.name for f in folders]
    if name:
        if name not in names:
            raise SiteError(
                f"--package {name}: no such package in {datasets_dir} - choose one of: {', '.join(names) or 'none'}"
            )
        return datasets_dir / name
    holding = [f for f in folders if kind in set(read_table(f / "data" / "periods.csv")["kind"])]
    if len(holding) == 1:
        return holding[0]
    found = "several packages hold" if holding else "no package holds"
    choices = ", ".join(f.name for f in (holding or folders)) or "none"
    raise SiteError(f"{found} {kind} periods - pass --package NAME (choices: {choices})")


def _check_request(folder: Path, periods, period_id: str, start: str, end: str, compare_to: str | None) -> None:
    where = folder / "data" / "periods.csv"
    if not ID.match(period_id):
        raise SiteError(f'--id "{period_id}": use lower-case letters, digits and hyphens, e.g. crackdown-2025-11-17')
    ids = list(periods["id"])
    if period_id in ids:
        raise SiteError(
            f"--id {period_id}: {where}:{ids.index(period_id) + 2} already has this period - choose a new id "
            "(to change that period, edit the row and record a revision or correction)"
        )
    days = {}
    for option, value in (("--start", start), ("--end", end)):
        try:
            days[option] = dt.date.fromisoformat(value)
        except ValueError:
            raise SiteError(f'{option} "{value}": not a date - write YYYY-MM-DD, e.g. 2025-11-17') from None
    if days["--end"] < days["--start"]:
        raise SiteError(f"--end {end} is before --start {start} - the last day cannot come before the first")
    if compare_to and compare_to not in ids:
        raise SiteError(f"--compare-to {compare_to}: no such period in {where} - choose one of: {', '.join(ids)}")


def _free_id(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


def _cells_like_last_period(folder: Path, periods, kind: str) -> list[tuple[str, str]]:
    """The measure/group cells that the latest period of the same kind published; else each measure for the top groups."""
    observations = read_table(folder / "data" / "observations.csv")
    same = periods[periods["kind"] == kind].sort_values(["end", "id"])
    if len(same):
        last = same["id"].iloc[-1]
        rows = observations[(observations["period_id"] == last) & (observations["role"] == "published")]
        if len(rows):
            return list(dict.fromkeys(zip(rows["measure"], rows["group"])))
    measures = read_table(folder / "data" / "measures.csv")["id"]
    groups = read_table(folder / "data" / "groups.csv")
    tops = groups[groups["parent"] == ""]["id"]
    return [(m, g) for m in measures for g in tops]


def _append(path: Path, rows: list[dict]) -> int:
    """Append rows (missing columns empty) in the file's own column order; returns the file row of the first."""
    text = path.read_text(encoding="utf-8-sig")
    header = next(csv.reader([text.splitlines()[0]]))
    first = len(list(csv.reader(text.splitlines()))) + 1
    with open(path, "a", encoding="utf-8", newline="") as handle:
        if text and not text.endswith("\n"):
            handle.write("\n")
        writer = csv.DictWriter(handle, header, lineterminator="\n", restval="")
        writer.writerows(rows)
    return first


def _add_draft_entry(path: Path, version: str, period_id: str) -> int:
    """Insert a draft release entry above the newest one, keeping the file's comments; returns its line."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("- "))
    draft = [
        f"- version: {version}\n",
        "  date:\n",
        "  kind: release\n",
        "  reason_en:\n",
        "  reason_ko:\n",
        f'  figures: ["{period_id}/*/*"]\n',
    ]
    path.write_text("".join(lines[:at] + draft + lines[at:]), encoding="utf-8")
    return at + 1


def _set_version(path: Path, version: str) -> None:
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["version"] = version
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
