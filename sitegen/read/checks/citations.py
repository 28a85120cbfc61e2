"""The figures the hand-written pages cite exist: a typo'd id fails `check`, not only `build`.

Topic pages, the home page, the hand-written pages and the page templates (every Jinja file under site_src/) cite
figures and charts by id with fig(), change(), ratio(), share(), per_day() and chart() (sitegen.render.topics, which
stops the build on an unknown id). Each file is parsed with Jinja's own parser, and every call of those functions is
compared with the loaded packages, one argument at a time: the package, its periods (period, base_period), measures,
groups (group, of_group) and sources, and the charts the packages declare (chart_id). Only an argument written as
a constant is compared; one the template computes (`fig(p.dataset.name, period.id, ...)`) is left to the build. A
problem names the file, the line of the call and the argument, with the closest id ("did you mean") and the valid
ones.

A package of the project that this check does not load is not compared: one left out (a check of a test fixture,
whose build leaves the pages that cite it out too) or one with problems of its own (listed already). Chart ids are
compared only when every package of the check loaded (one with problems may be the one declaring the chart).

`stale_notes` is no check: after a new crackdown, it lists the citations of these pages that still name an older
crackdown of a package that now holds a newer one (a crackdown with a later start), for the build's notes. The page
may mean the older one ("in the 2024 crackdown"): the maintainer decides, so it is a note, not a problem.
"""

from __future__ import annotations

import difflib
import functools
import json
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import nodes

from ...problems import Code, Problem
from ..catalog import Dataset, find_packages
from ..views import declared, declared_names, drawn_periods
from .prose import prose_files

# The citing functions and their arguments in order, as sitegen.render.topics.References defines them (after the
# template context); tests/unit/read/test_citations.py keeps the two the same.
SIGNATURES = {
    "fig": ("package", "period", "measure", "group", "source"),
    "change": ("package", "period", "base_period", "measure", "group", "signed"),
    "ratio": ("package", "period", "base_period", "measure", "group", "per_day"),
    "share": ("package", "period", "measure", "group", "of_group"),
    "per_day": ("package", "period", "measure"),
    "chart": ("chart_id",),
}
# argument -> the kind of id it names, and the table of the package that holds those ids
KINDS = {
    "period": "period",
    "base_period": "period",
    "measure": "measure",
    "group": "group",
    "of_group": "group",
    "source": "source",
}
TABLES = {"period": "periods", "measure": "measures", "group": "groups", "source": "sources"}
KINDS_KO = {
    "package": "패키지",
    "period": "기간",
    "measure": "측정",
    "group": "집단",
    "source": "출처",
    "chart": "차트",
}
CRACKDOWN = "crackdown"

UNKNOWN_REFERENCE = Code(
    "unknown-reference",
    "Page cites an unknown id",
    '{function}(): no {kind} "{value}"{scope}',
    "correct the {field} argument{guess}; the {kind}s{scope} are: {valid}",
    "{field} 인자를 고칩니다{guess_ko}. {scope_ko}{kind_ko}: {valid}",
    dict(
        file="site_src/topics/en/arrests.md.j2",
        row=17,
        field="period",
        function="fig",
        kind="period",
        value="crackdown-2025-04-10",
        scope=" in special-crackdown-2024",
        scope_ko="special-crackdown-2024의 ",
        kind_ko="기간",
        guess=' (did you mean "crackdown-2025-04-01"?)',
        guess_ko=' ("crackdown-2025-04-01"인가요?)',
        valid="crackdown-2024-08-28, crackdown-2025-04-01, window-2024-01-01, window-2025-01-01",
    ),
)


@dataclass(frozen=True)
class Reference:
    """One call of a citing function in a page: where, which, and its constant arguments by name."""

    file: str  # from the project folder on: site_src/topics/en/arrests.md.j2
    line: int
    function: str
    args: dict  # argument name -> its constant value; an argument the template computes is absent
    text: str  # the call as written, a computed argument as …: fig("special-crackdown-2024", "crackdown-...", ...)


def page_files(site_src: Path) -> list[Path]:
    """Every file Jinja renders under site_src: the hand-written pages and topics, and the page templates."""
    return sorted(set(prose_files(site_src)) | set(site_src.glob("templates/**/*.j2")))


def references(site_src: Path) -> list[Reference]:
    """Every call of a citing function in the pages, in file and line order. A file that cannot be read or parsed
    has none here (its build fails with Jinja's own message)."""
    found = []
    for path in page_files(site_src):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        found += _file_references(path.relative_to(site_src.parent).as_posix(), text)
    return sorted(found, key=lambda r: (r.file, r.line))


@functools.lru_cache(maxsize=256)
def _file_references(shown: str, text: str) -> tuple[Reference, ...]:
    """The calls in one file's text (parsed once per text: `check`, the build's notes and the preview's rebuilds
    read the same files)."""
    try:
        tree = jinja2.Environment().parse(text)
    except jinja2.TemplateSyntaxError:
        return ()
    return tuple(
        _reference(shown, call)
        for call in tree.find_all(nodes.Call)
        if isinstance(call.node, nodes.Name) and call.node.name in SIGNATURES
    )


def _reference(file: str, call: nodes.Call) -> Reference:
    names = SIGNATURES[call.node.name]
    args = {}
    for name, value in zip(names, call.args):
        if isinstance(value, nodes.Const):
            args[name] = value.value
    for keyword in call.kwargs:
        if keyword.key in names and isinstance(keyword.value, nodes.Const):
            args[keyword.key] = keyword.value.value
    shown = [_shown(value) for value in call.args] + [f"{k.key}={_shown(k.value)}" for k in call.kwargs]
    return Reference(file, call.lineno, call.node.name, args, f"{call.node.name}({', '.join(shown)})")


def _shown(value: nodes.Expr) -> str:
    if not isinstance(value, nodes.Const):
        return "…"
    return json.dumps(value.value, ensure_ascii=False) if isinstance(value.value, str) else repr(value.value)


def check_citations(site_src: Path, datasets: list[Dataset], folders: list[Path]) -> list[Problem]:
    """A problem for every constant id a page cites that the packages do not have. `datasets` are the packages
    loaded without problems, `folders` every package folder of the check (those with problems included)."""
    loaded = {dataset.name: dataset for dataset in datasets}
    project = site_src.parent / "datasets"
    others = [f for f in [*folders, *(find_packages(project) if project.is_dir() else [])] if f.name not in loaded]
    unchecked = {folder.name for folder in others}  # left out of this check, or with problems of their own
    unchecked_charts = {name for folder in others for name in declared_names(folder)}
    charts = {view["name"] for dataset in datasets for view in declared(dataset) if "name" in view}
    every_package = len(datasets) == len(folders)  # else a chart may be one a package with problems declares
    problems = []
    for ref in references(site_src):
        if ref.function == "chart":
            chart = ref.args.get("chart_id")
            if every_package and isinstance(chart, str) and chart not in charts | unchecked_charts:
                problems.append(_unknown(ref, "chart_id", "chart", chart, sorted(charts)))
            continue
        package = ref.args.get("package")
        if not isinstance(package, str) or package in unchecked:
            continue
        if package not in loaded:
            problems.append(_unknown(ref, "package", "package", package, sorted(loaded)))
            continue
        dataset = loaded[package]
        for field, kind in KINDS.items():
            value = ref.args.get(field)
            if value is None:
                continue
            known = sorted(str(i) for i in dataset.tables[TABLES[kind]]["id"])
            if str(value) not in known:
                problems.append(_unknown(ref, field, kind, value, known, package))
    return problems


def _unknown(ref: Reference, field: str, kind: str, value, valid: list[str], package: str = "") -> Problem:
    close = difflib.get_close_matches(str(value), valid, n=1)
    return UNKNOWN_REFERENCE.at(
        ref.file,
        ref.line,
        field,
        function=ref.function,
        kind=kind,
        value=value,
        scope=f" in {package}" if package else "",
        scope_ko=f"{package}의 " if package else "",
        kind_ko=KINDS_KO[kind],
        guess=f' (did you mean "{close[0]}"?)' if close else "",
        guess_ko=f' ("{close[0]}"인가요?)' if close else "",
        valid=", ".join(valid) or "none",
    )


def stale_notes(site_src: Path, datasets: list[Dataset]) -> list[str]:
    """The build's notes on the citations that name an older crackdown of a package holding a newer one: for each
    such package a heading naming its newest crackdown, then one line per citation (file:line: the call); [] when
    there is none. A citation that names the newest crackdown too (a change from the older one) is up to date."""
    starts = {}  # package -> crackdown id -> (start, id)
    drawn = {}  # chart id -> (package, the periods it draws)
    for dataset in datasets:
        periods = dataset.periods[dataset.periods["kind"] == CRACKDOWN]
        starts[dataset.name] = {p: (s, p) for p, s in zip(periods["id"], periods["start"])}
        for view in declared(dataset):
            drawn[view.get("name")] = (dataset.name, drawn_periods(view))
    stale: dict[str, list[str]] = {}  # package -> the lines of its citations
    for ref in references(site_src):
        if ref.function == "chart":
            package, cited = drawn.get(ref.args.get("chart_id"), ("", set()))
        else:
            package = ref.args.get("package")
            cited = {ref.args.get(name) for name in ("period", "base_period")}
        crackdowns = starts.get(package, {}) if isinstance(package, str) else {}
        latest = max((crackdowns[p] for p in cited if p in crackdowns), default=None)
        if latest is not None and latest < max(crackdowns.values()):
            drew = f" (draws {latest[1]})" if ref.function == "chart" else ""
            stale.setdefault(package, []).append(f"  {ref.file}:{ref.line}: {ref.text}{drew}")
    notes = []
    for package, lines in sorted(stale.items()):
        newest = max(starts[package].values())[1]
        notes.append(
            f"{package} now holds a newer crackdown, {newest}, but these pages cite an older one - cite the newer "
            "one where a page means the latest crackdown, or leave them:"
        )
        notes += lines
    return notes
