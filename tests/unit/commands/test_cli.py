"""The command line: exit codes, the exact messages for bad input, help for every command."""

import json
import subprocess
import sys

import pytest

from sitegen.commands.cli import main, make_parser
from sitegen.config import ROOT

FIXTURES = "tests/fixtures"

EXPECTED = {
    "text-in-count": f'{FIXTURES}/text-in-count/crackdown/data/observations.csv:6:value: [type-error] "228명" is not a number'
    " - write the number as the schema reads it: numbers and integers in digits only, e.g. 1234 (no"
    " commas, units, % or ~; a suppressed cell stays empty, with c in status); dates as YYYY-MM-DD, e.g."
    " 2025-04-17",
    "missing-column": f"{FIXTURES}/missing-column/crackdown/data/observations.csv:1:qualifier: [missing-column] has no column"
    ' "qualifier" - add the column "qualifier" to the header (columns: period_id, measure, group, value,'
    " qualifier, status, role, source_id, disclosure_exemption, flag, note_en, note_ko)",
    "unresolved-source": f"{FIXTURES}/unresolved-source/crackdown/data/observations.csv:11:source_id: [foreign-key]"
    ' "asiae-2025-04-16" is not an id in the sources resource: did you mean "asiae-en-2025-04-16"? - use one of the'
    " ids in data/sources.csv (asiae-en-2025-04-16, joongang-daily-2025-04-17, vop-2025-04-17), or, if"
    ' "asiae-2025-04-16" is new, add a row with id "asiae-2025-04-16" to data/sources.csv',
    "invalid-json": f"{FIXTURES}/invalid-json/crackdown/datapackage.json:8:3: [invalid-json] is not valid JSON: Expecting ','"
    " delimiter (line 8, column 3) - fix the JSON at that place (a missing comma, quote or bracket is the"
    ' usual cause); the file is one object, "{ ... }", that describes the data package',
}


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_bad_fixture_gives_exit_1_and_the_exact_message(case, capsys):
    assert main(["check", "--datasets", f"{FIXTURES}/{case}"]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines() == [EXPECTED[case]]
    assert "1 problem found." in out.err
    assert "Traceback" not in out.out + out.err


def test_shipped_data_checks_clean(capsys):
    assert main(["check"]) == 0
    assert "no problems" in capsys.readouterr().out


def test_json_format_for_ci(capsys):
    assert main(["check", "--datasets", f"{FIXTURES}/unresolved-source", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["count"] == 1
    assert report["problems"][0] | {"message": "", "hint": ""} == {
        "file": f"{FIXTURES}/unresolved-source/crackdown/data/observations.csv",
        "row": 11,
        "field": "source_id",
        "code": "foreign-key",
        "message": "",
        "hint": "",
    }


def test_build_with_bad_data_exits_1_and_says_nothing_was_published(tmp_path, capsys):
    assert main(["build", "--datasets", f"{FIXTURES}/text-in-count", "--out", str(tmp_path / "out")]) == 1
    assert "Nothing was published" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_missing_datasets_folder_is_a_one_line_error(capsys):
    assert main(["check", "--datasets", "no/such/folder"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: no/such/folder: no such folder - pass --datasets")
    assert "Traceback" not in err


def test_refuses_to_overwrite_a_folder_that_is_not_a_site(tmp_path, capsys):
    (tmp_path / "precious.txt").write_text("keep me")
    assert main(["build", "--out", str(tmp_path)]) == 2
    assert "is not a built site" in capsys.readouterr().err
    assert (tmp_path / "precious.txt").read_text() == "keep me"


def _commands():
    parser = make_parser()
    return parser._subparsers._group_actions[0].choices


@pytest.mark.parametrize("command", sorted(_commands()))
def test_every_command_has_help_and_is_documented_in_the_readme(command):
    help_text = _commands()[command].format_help()
    assert len(help_text.splitlines()) > 3
    assert f"build_site.py {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_entry_point_runs_as_a_script():
    result = subprocess.run([sys.executable, "build_site.py", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0
    assert "check" in result.stdout and "build" in result.stdout and "serve" in result.stdout
