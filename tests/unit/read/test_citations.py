"""The ids the hand-written pages cite (sitegen.read.checks.citations): a typo'd one fails `check` with its file,
line and argument; after a new crackdown, the citations of an older one of the same package are listed for the
build's notes."""

import ast
import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from helpers import CRACKDOWN_2025, NEW_PERIOD_PACKAGE, PERIODS, VIEWS, add_crackdown_2025, write_package

from sitegen.commands import cli
from sitegen.config import ROOT
from sitegen.read.catalog import find_packages, load_dataset
from sitegen.read.checks.citations import SIGNATURES, check_citations, references, stale_notes
from sitegen.read.validation import check_datasets

PAGE = "site_src/topics/en/arrests.md.j2"
TYPO = "crackdown-2024-08-82"


def copied_site_src(tmp_path: Path) -> Path:
    """A copy of site_src/ in a project folder of its own (with the configuration `check` reads, no datasets/)."""
    target = tmp_path / "root" / "site_src"
    shutil.copytree(ROOT / "site_src", target)
    shutil.copy(ROOT / "pyproject.toml", target.parent / "pyproject.toml")
    return target


def typo_in_a_period(site_src: Path) -> int:
    """Change the period id of one fig() of the English arrests page into TYPO; returns the line."""
    page = site_src.parent / PAGE
    lines = page.read_text(encoding="utf-8").splitlines()
    line = next(
        i
        for i, text in enumerate(lines)
        if text.count('"crackdown-2024-08-28"') == 1 and 'fig("special-crackdown-2024", "crackdown-2024-08-28"' in text
    )
    lines[line] = lines[line].replace('"crackdown-2024-08-28"', f'"{TYPO}"')
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return line + 1


def test_the_functions_are_read_with_the_arguments_the_pages_call_them_with():
    # as sitegen.render.topics.References defines them (read from its source: a decorator hides the signatures)
    tree = ast.parse((ROOT / "sitegen" / "render" / "topics.py").read_text(encoding="utf-8"))
    (references_class,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "References"]
    defined = {
        n.name: tuple(a.arg for a in n.args.args[2:])  # after self and the template context
        for n in references_class.body
        if isinstance(n, ast.FunctionDef) and n.name in SIGNATURES
    }
    assert defined == SIGNATURES


def test_a_typo_in_a_period_id_is_one_problem_with_file_line_and_argument(shipped, config, tmp_path):
    site_src = copied_site_src(tmp_path)
    line = typo_in_a_period(site_src)
    problems, _ = check_datasets(shipped, dataclasses.replace(config, root=site_src.parent))
    assert [(p.code, p.file, p.row, p.field) for p in problems] == [("unknown-reference", PAGE, line, "period")]
    problem = problems[0]
    assert problem.message == f'fig(): no period "{TYPO}" in special-crackdown-2024'
    assert problem.hint == (
        'correct the period argument (did you mean "crackdown-2024-08-28"?); the periods in special-crackdown-2024 '
        "are: crackdown-2024-08-28, window-2024-01-01"
    )
    assert '"crackdown-2024-08-28"인가요?' in problem.hint_ko and "special-crackdown-2024의 기간" in problem.hint_ko


def test_check_exits_1_on_a_typo_that_only_build_found_before(shipped, config, tmp_path, monkeypatch, capsys):
    site_src = copied_site_src(tmp_path)
    line = typo_in_a_period(site_src)
    monkeypatch.setattr(cli, "load_config", lambda: dataclasses.replace(config, root=site_src.parent))
    assert cli.main(["check", "--datasets", str(shipped)]) == 1
    out = capsys.readouterr().out
    assert f'{PAGE}:{line}:period: [unknown-reference] fig(): no period "{TYPO}" in special-crackdown-2024' in out


def test_the_shipped_pages_cite_only_ids_that_exist(config):
    folders = find_packages(ROOT / "datasets")
    assert check_citations(config.site_src, [load_dataset(folder) for folder in folders], folders) == []
    cited = references(config.site_src)
    assert len(cited) > 100 and {ref.function for ref in cited} == set(SIGNATURES)  # not a vacuous pass


PAGE_TEXT = """\
{{ fig("tiny", "crackdown", "arrested") }} {{ fig("tiny", "crackdwn", "arrested") }}
{{ fig("tny", "crackdown", "arrested") }}
{{ share("tiny", "crackdown", "arrested", "age_10_91", of_group="totl") }}
{{ change("tiny", "crackdown", "befor", "arrested", signed=False)|josa("으로/로") }}
{{ fig(name, "nope", "arrested") }} {{ fig("tiny", period, "arested") }} {{ fig("tiny", "before", "arrested", source="src-b") }}
{{ chart("tiny-by-ag") }} {{ chart(chart_id) }} {{ chart("tiny-by-age") }}
{% raw %}{{ fig("nothing", "at", "all") }}{% endraw %}
{{ fig("absent", "any", "thing") }} {{ chart("absent-chart") }} {{ fig("broken", "any", "thing") }}
{% set v = view(p) %}{{ v.share("a", "b", "c") }}
"""


def test_each_constant_argument_is_compared_and_a_computed_one_is_left_to_the_build(tmp_path):
    root = tmp_path / "root"
    (root / "site_src" / "pages" / "en").mkdir(parents=True)
    (root / "site_src" / "pages" / "en" / "about.md").write_text(PAGE_TEXT, encoding="utf-8")
    (root / "site_src" / "templates").mkdir()
    (root / "site_src" / "templates" / "broken.md.j2").write_text("{{ fig( }}", encoding="utf-8")  # build says why
    tiny = load_dataset(write_package(tmp_path / "datasets" / "tiny", views=VIEWS))
    absent = root / "datasets" / "absent"  # a package of the project that this check leaves out
    absent.mkdir(parents=True)
    (absent / "datapackage.json").write_text(json.dumps({"views": [{"name": "absent-chart"}]}), encoding="utf-8")
    problems = check_citations(root / "site_src", [tiny], [tiny.folder])
    found = [(p.row, p.field, p.message) for p in problems]
    assert found == [
        (1, "period", 'fig(): no period "crackdwn" in tiny'),
        (2, "package", 'fig(): no package "tny"'),
        (3, "group", 'share(): no group "age_10_91" in tiny'),
        (3, "of_group", 'share(): no group "totl" in tiny'),
        (4, "base_period", 'change(): no period "befor" in tiny'),
        (5, "measure", 'fig(): no measure "arested" in tiny'),
        (5, "source", 'fig(): no source "src-b" in tiny'),
        (6, "chart_id", 'chart(): no chart "tiny-by-ag"'),
        (8, "package", 'fig(): no package "broken"'),
    ]
    assert {p.file for p in problems} == {"site_src/pages/en/about.md"}
    assert problems[1].hint == 'correct the package argument (did you mean "tiny"?); the packages are: tiny'
    assert problems[-2].hint == (
        'correct the chart_id argument (did you mean "tiny-by-age"?); the charts are: tiny-before-and-during, '
        "tiny-by-age"
    )
    # a package with problems of its own is not loaded: its ids are not compared, nor any chart (it may declare it)
    broken = tmp_path / "datasets" / "broken"
    with_broken = check_citations(root / "site_src", [tiny], [tiny.folder, broken])
    assert [(p.row, p.field) for p in with_broken] == [(row, field) for row, field, _ in found[:-2]]


def test_a_newer_crackdown_lists_the_citations_of_an_older_one(tmp_path):
    newer = dict(PERIODS[0], id="crackdown-2", start="2025-04-01", end="2025-10-31", comparable_to="")
    tiny = load_dataset(write_package(tmp_path / "datasets" / "tiny", periods=[*PERIODS, newer]))
    site_src = tmp_path / "site_src"
    (site_src / "topics" / "en").mkdir(parents=True)
    (site_src / "topics" / "en" / "a.md.j2").write_text(
        '{{ fig("tiny", "crackdown", "arrested") }}\n'  # the older crackdown: listed
        '{{ fig("tiny", "crackdown-2", "arrested") }} {{ fig("tiny", "before", "arrested") }}\n'  # newest; no crackdown
        '{{ change("tiny", "crackdown-2", "crackdown", "arrested") }}\n'  # names the newest too: up to date
        '{{ per_day("tiny", "crackdown", "arrested")|josa("이/가") }} {{ fig("other", "crackdown", "arrested") }}\n',
        encoding="utf-8",
    )
    assert stale_notes(site_src, [tiny]) == [
        "tiny now holds a newer crackdown, crackdown-2, but these pages cite an older one - cite the newer one where "
        "a page means the latest crackdown, or leave them:",
        '  site_src/topics/en/a.md.j2:1: fig("tiny", "crackdown", "arrested")',
        '  site_src/topics/en/a.md.j2:4: per_day("tiny", "crackdown", "arrested")',
    ]


def test_the_shipped_pages_cite_no_older_crackdown_of_a_package(config):
    # each package holds one crackdown (2022, the special one of 2024, the cyber one of 2024-25): nothing to note
    datasets = [load_dataset(folder) for folder in find_packages(ROOT / "datasets")]
    assert stale_notes(config.site_src, datasets) == []


def test_after_a_2025_crackdown_the_shipped_pages_citing_the_2024_one_are_listed(shipped, config):
    add_crackdown_2025(shipped)
    notes = stale_notes(config.site_src, [load_dataset(folder) for folder in find_packages(shipped)])
    assert notes[0].startswith(f"{NEW_PERIOD_PACKAGE} now holds a newer crackdown, {CRACKDOWN_2025}, ")
    assert sum(note.endswith(":") for note in notes) == 1  # one package with a newer crackdown: one heading
    for lang in ("ko", "en"):
        page = f"site_src/topics/{lang}/arrests.md.j2"
        for call in (
            'per_day("special-crackdown-2024", "crackdown-2024-08-28", "arrested")',
            'chart("crackdown-2024-arrests-vs-before")',
        ):
            lines = (ROOT / page).read_text(encoding="utf-8").splitlines()
            line = next(i for i, text in enumerate(lines, 1) if call in text)
            drew = " (draws crackdown-2024-08-28)" if call.startswith("chart") else ""
            assert f"  {page}:{line}: {call}{drew}" in notes
        assert any(note.startswith(f"  site_src/pages/{lang}/methodology.md:") for note in notes)
    assert all("special-crackdown-2024" in note or "(draws crackdown-2024-08-28)" in note for note in notes)


@pytest.mark.parametrize(
    "text",
    ["{{ fig('tiny', 'crackdown', 'arrested') }}", "{{ fig(package='tiny', period='crackdown', measure='arrested') }}"],
)
def test_keywords_and_single_quotes_are_read_too(tmp_path, text):
    site_src = tmp_path / "site_src"
    (site_src / "pages" / "en").mkdir(parents=True)
    (site_src / "pages" / "en" / "a.md").write_text(text, encoding="utf-8")
    (ref,) = references(site_src)
    assert ref.args == {"package": "tiny", "period": "crackdown", "measure": "arrested"}
