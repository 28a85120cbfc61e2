"""new-period: add a campaign period (and the window it is compared with), their empty figures, a source stub and a
draft changelog entry.

One announcement is one call: a crackdown and its comparison window from the same release (--window-start ...)
share one source stub, one draft release entry and one new version. Everything the maintainer still has to fill in
is left empty on purpose, so that `check` lists each of those cells until it is filled (a source without publisher,
date and language; a figure without value; an entry without date and reasons). What the scaffold cannot do is
said, not done: which package it chose and why, and the package texts that name a period (a title "..., 28 Aug
2024 - 31 Mar 2025" now holding a 2025 crackdown too).
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
from ..read.views import drawn_periods

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
TEXTS = ("title", "title_ko", "description", "description_ko")  # the package texts the pages show


@dataclass(frozen=True)
class Window:
    """The period a new crackdown is compared with, announced with it."""

    id: str
    start: str
    end: str
    name_ko: str
    name_en: str


@dataclass
class Scaffolded:
    package: Path
    period_id: str
    version: str
    source_id: str
    why: str = ""  # why this package: the maintainer chose it, or it is the only one holding the kind
    window_id: str = ""
    todo: list[str] = field(default_factory=list)  # "file:row: what to fill in"
    also: list[str] = field(default_factory=list)  # what else to look at, the scaffold cannot decide it


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
    window: Window | None = None,
) -> Scaffolded:
    folder, why = choose_package(datasets_dir, package, kind)
    periods = read_table(folder / "data" / "periods.csv")
    charts = _charts_of_the_last(folder, periods, kind, [period_id] + ([window.id] if window else []))
    _check_request(folder, periods, period_id, start, end, compare_to)
    if window:
        _check_window(folder, periods, window, period_id, start, compare_to)
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
    done = Scaffolded(folder, period_id, version, source_id, why, window.id if window else "")

    row = _append(folder / "data" / "sources.csv", [{"id": source_id}])
    done.todo.append(
        f"{folder / 'data' / 'sources.csv'}:{row}: publisher, publisher_ko, title, url, published, language, quote "
        "of the release, and released_by_en, released_by_ko when it names who released the figures"
    )
    new = [(period_id, name_ko, name_en, start, end, kind, window.id if window else compare_to or "")]
    if window:
        new.append((window.id, window.name_ko, window.name_en, window.start, window.end, "comparison", ""))
    columns = ("id", "name_ko", "name_en", "start", "end", "kind", "comparable_to")
    _append(folder / "data" / "periods.csv", [dict(zip(columns, row), source_id=source_id) for row in new])
    cells = [(period_id, cell) for cell in _cells_like_last_period(folder, periods, kind)]
    if window:
        cells += [(window.id, cell) for cell in _cells_like_last_period(folder, periods, "comparison")]
    first = _append(
        folder / "data" / "observations.csv",
        [
            {
                "period_id": period,
                "measure": measure,
                "group": group,
                "qualifier": "exact",
                "role": "published",
                "source_id": source_id,
            }
            for period, (measure, group) in cells
        ],
    )
    done.todo.append(
        f"{folder / 'data' / 'observations.csv'}:{first}-{first + len(cells) - 1}: value of each figure "
        "(or c in status if it is suppressed; delete rows the release does not give)"
    )
    line = _add_draft_entry(folder / CHANGELOG, version, [row[0] for row in new])
    done.todo.append(f"{folder / CHANGELOG}:{line}: date and reason_en, reason_ko of release {version}")
    _set_version(folder / DESCRIPTOR, version)
    done.also += _texts_naming_a_period(folder) + charts
    return done


def choose_package(datasets_dir: Path, name: str | None, kind: str) -> tuple[Path, str]:
    """--package, or else the one package that already holds periods of this kind; and why, in words.

    Where several packages hold that kind, the choice is the maintainer's (which crackdown is the new one like?), so
    the refusal describes each candidate well enough to choose without opening it: its latest period of the kind and
    what that period counts.
    """
    folders = find_packages(datasets_dir)
    names = [f.name for f in folders]
    if name:
        if name not in names:
            raise SiteError(
                f"--package {name}: no such package in {datasets_dir} - choose one of: {', '.join(names) or 'none'}"
            )
        return datasets_dir / name, "chosen with --package"
    holding = [f for f in folders if kind in set(read_table(f / "data" / "periods.csv")["kind"])]
    if len(holding) == 1:
        return holding[0], f"the only package holding {kind} periods"
    if not holding:
        choices = ", ".join(names) or "none"
        raise SiteError(f"no package holds {kind} periods - pass --package NAME (choices: {choices})")
    described = "".join(f"\n  {_describe(folder, kind)}" for folder in holding)
    raise SiteError(
        f"several packages hold {kind} periods - pass --package NAME (choices: {', '.join(f.name for f in holding)}); "
        f"choose the one whose latest {kind} the new one continues (same measures and groups):{described}"
    )


def _describe(folder: Path, kind: str) -> str:
    """ "special-crackdown-2024: latest crackdown-2024-08-28 (2024-08-28 to 2025-03-31), counts arrested (7 groups),
    detained (1 group), takedown_requests (1 group)"."""
    latest = _latest(read_table(folder / "data" / "periods.csv"), kind)
    obs = read_table(folder / "data" / "observations.csv")
    rows = obs[(obs["period_id"] == latest["id"]) & (obs["role"] == "published")]
    counts = rows.groupby("measure", sort=False)["group"].nunique()
    measures = ", ".join(f"{m} ({n} group{'' if n == 1 else 's'})" for m, n in counts.items()) or "no figures yet"
    return f"{folder.name}: latest {latest['id']} ({latest['start'] or '?'} to {latest['end']}), counts {measures}"


def _latest(periods, kind: str):
    """The row of the period of this kind that ends last (by id among those ending the same day), or None."""
    same = periods[periods["kind"] == kind].sort_values(["end", "id"])
    return same.iloc[-1] if len(same) else None


def _charts_of_the_last(folder: Path, periods, kind: str, new: list[str]) -> list[str]:
    """The charts (views) that draw only the last period of this kind (and the period it is compared with): the
    new period's page shows none of them, so its own charts are to be written, after their example."""
    last = _latest(periods, kind)
    if last is None:
        return []
    old = [last["id"]] + ([last["comparable_to"]] if last["comparable_to"] else [])
    views = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8")).get("views") or []
    names = [view["name"] for view in views if (drawn := drawn_periods(view)) and drawn <= set(old)]
    if not names:
        return []
    return [
        f"{folder / DESCRIPTOR}: the views {', '.join(names)} draw {' and '.join(old)} only, so the page of "
        f"{new[0]} has no chart yet - copy each with a new name and the periods {' and '.join(new)}, and write its "
        "title and subtitle for the new period (the guide's Charts)"
    ]


def _texts_naming_a_period(folder: Path) -> list[str]:
    """The package texts that name a year: they may describe only the periods it held before."""
    descriptor = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))
    named = [key for key in TEXTS if YEAR.search(str(descriptor.get(key, "")))]
    if not named:
        return []
    title = descriptor.get("title", "")
    return [
        f'{folder / DESCRIPTOR}: {", ".join(named)} name a period ("{title}") - reword them to cover the new '
        "period too, in both languages (What's new, the feed and the campaign page show them; the package's name "
        "and addresses do not change)"
    ]


def _check_request(
    folder: Path, periods, period_id: str, start: str, end: str, compare_to: str | None, option: str = "--"
) -> None:
    """The new period's id and dates; option names the command-line options in the messages (--window-...)."""
    where = folder / "data" / "periods.csv"
    if not ID.match(period_id):
        raise SiteError(
            f'{option}id "{period_id}": use lower-case letters, digits and hyphens, e.g. crackdown-2025-11-17'
        )
    ids = list(periods["id"])
    if period_id in ids:
        raise SiteError(
            f"{option}id {period_id}: {where}:{ids.index(period_id) + 2} already has this period - choose a new id "
            "(to change that period, edit the row and record a revision or correction)"
        )
    days = {}
    for name, value in ((f"{option}start", start), (f"{option}end", end)):
        try:
            days[name] = dt.date.fromisoformat(value)
        except ValueError:
            raise SiteError(f'{name} "{value}": not a date - write YYYY-MM-DD, e.g. 2025-11-17') from None
    if days[f"{option}end"] < days[f"{option}start"]:
        raise SiteError(
            f"{option}end {end} is before {option}start {start} - the last day cannot come before the first"
        )
    if compare_to and compare_to not in ids:
        raise SiteError(
            f"--compare-to {compare_to}: no such period in {where} - choose one of: {', '.join(ids)}; a window "
            "announced with the new period is added in the same call with --window-start, --window-end, "
            "--window-name-ko and --window-name-en"
        )


def _check_window(folder: Path, periods, window: Window, period_id: str, start: str, compare_to: str | None) -> None:
    """The comparison window announced with the period: a new id of its own, real dates, over before it starts."""
    if compare_to:
        raise SiteError(
            f"--compare-to {compare_to} and --window-start: give one - --compare-to for a window already in the "
            "package, --window-start, --window-end (and names) for one announced with the new period"
        )
    if window.id == period_id:
        raise SiteError(f"--window-id {window.id}: the same id as --id - give the window an id of its own")
    _check_request(folder, periods, window.id, window.start, window.end, None, option="--window-")
    if window.end >= start:  # both are YYYY-MM-DD by now
        raise SiteError(
            f"--window-end {window.end} is not before --start {start} - the comparison window ends before the "
            "period it is compared with begins"
        )


def _free_id(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


def _cells_like_last_period(folder: Path, periods, kind: str) -> list[tuple[str, str]]:
    """The measure/group cells that the latest period of the same kind published; else each measure for the top groups."""
    observations = read_table(folder / "data" / "observations.csv")
    last = _latest(periods, kind)
    if last is not None:
        rows = observations[(observations["period_id"] == last["id"]) & (observations["role"] == "published")]
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


def _add_draft_entry(path: Path, version: str, period_ids: list[str]) -> int:
    """Insert a draft release entry of the new periods above the newest one, keeping the file's comments; returns
    its line."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("- "))
    draft = [
        f"- version: {version}\n",
        "  date:\n",
        "  kind: release\n",
        "  reason_en:\n",
        "  reason_ko:\n",
        "  figures: [" + ", ".join(f'"{period_id}/*/*"' for period_id in period_ids) + "]\n",
    ]
    path.write_text("".join(lines[:at] + draft + lines[at:]), encoding="utf-8")
    return at + 1


def _set_version(path: Path, version: str) -> None:
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["version"] = version
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
