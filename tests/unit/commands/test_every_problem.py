"""Every problem at scale: text lists the first PRINTED_PROBLEMS and says how many there were in all and how to get
them all; --output FILE and --format json give every one, however many."""

import json

from helpers import obs, write_package

from sitegen.commands.cli import EXIT_PROBLEMS, PRINTED_PROBLEMS, main, report
from sitegen.config import ROOT
from sitegen.problems import Problem

MANY = 300_000
SOME = 5_000  # enough to show that nothing is cut, few enough to write as JSON in a moment


def problems(n):
    return [
        Problem("d/data/observations.csv", row, "value", "type-error", f'"x{row}" is not a number', "fix it")
        for row in range(2, n + 2)
    ]


def test_check_prints_the_first_problems_and_says_how_many_in_all(capsys):
    report(problems(MANY))
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert len(lines) == PRINTED_PROBLEMS
    assert lines[0] == 'd/data/observations.csv:2:value: [type-error] "x2" is not a number - fix it'
    assert out.err.splitlines() == [
        f"300,000 problems found; only the first {PRINTED_PROBLEMS} are listed above - run `python build_site.py check"
        " --output problems.txt` (or `--format json`) to get every one."
    ]


def test_a_few_problems_are_all_printed_with_their_count(capsys):
    report(problems(PRINTED_PROBLEMS))
    out = capsys.readouterr()
    assert len(out.out.splitlines()) == PRINTED_PROBLEMS
    assert out.err == f"{PRINTED_PROBLEMS} problems found.\n"


def test_json_on_stdout_holds_every_problem(capsys):
    report(problems(SOME), "json")
    written = json.loads(capsys.readouterr().out)
    assert written["count"] == SOME == len(written["problems"])


def test_output_file_holds_every_problem_as_text_or_json(tmp_path, capsys):
    report(problems(MANY), "text", tmp_path / "all.txt")
    assert capsys.readouterr() == ("", f"300,000 problems found; every one is in {tmp_path / 'all.txt'}.\n")
    assert len((tmp_path / "all.txt").read_text(encoding="utf-8").splitlines()) == MANY
    report(problems(SOME), "json", tmp_path / "all.json")
    assert json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["count"] == SOME


def test_an_output_file_that_cannot_be_written_is_one_line(tmp_path, capsys):
    from sitegen.commands.cli import EXIT_ERROR

    write_package(tmp_path / "d" / "tiny", observations=[obs("crackdown", "total", "x")])
    target = tmp_path / "no" / "such" / "folder" / "all.txt"
    assert main(["check", "--datasets", str(tmp_path / "d"), "--output", str(target)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert (
        err == f"error: cannot write {target}: No such file or directory (errno 2) - pass --output a file in a"
        " folder you can write to\n"
    )


def test_check_on_a_package_with_many_bad_rows_finds_every_one(tmp_path, capsys, monkeypatch):
    rows = 600  # two problems a row: more than frictionless's own limit of 1,000 errors, which used to cut the list
    write_package(tmp_path / "d" / "tiny", observations=[obs("crackdown", "total", f"x{i}") for i in range(rows)])
    monkeypatch.chdir(ROOT)
    command = ["check", "--datasets", str(tmp_path / "d")]
    assert main(command) == EXIT_PROBLEMS
    shown = capsys.readouterr()
    assert len(shown.out.splitlines()) == PRINTED_PROBLEMS
    total = int(shown.err.split(" problems found")[0].replace(",", ""))
    assert total > 1000 and f"only the first {PRINTED_PROBLEMS} are listed above" in shown.err
    assert main([*command, "--format", "json"]) == EXIT_PROBLEMS
    found = json.loads(capsys.readouterr().out)["problems"]
    assert len(found) == total
    assert {p["row"] for p in found if p["code"] == "type-error"} == set(range(2, rows + 2))  # every bad row
