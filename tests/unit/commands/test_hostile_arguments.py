"""Arguments that look like options: nothing from the command line becomes an option of another program (git)."""

import subprocess

import pytest
from helpers import write_package

from sitegen.commands.cli import EXIT_ERROR, main

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main"]


@pytest.fixture
def datasets(tmp_path, monkeypatch):
    """A tiny package committed in a git repository of its own, the working folder being an empty one beside it."""
    folder = tmp_path / "datasets"
    write_package(folder / "tiny")
    subprocess.run([*GIT, "init", "-q", str(folder)], check=True)
    subprocess.run([*GIT, "-C", str(folder), "add", "."], check=True)
    subprocess.run([*GIT, "-C", str(folder), "commit", "-qm", "data"], check=True)
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    return folder


def files(folder):
    return sorted(p for p in folder.rglob("*") if ".git" not in p.parts)


def refused(datasets, against, capsys):
    """Run diff --against=<against>; assert it fails with one line that names the value and what to pass."""
    before = files(datasets.parent)
    assert main(["diff", "--datasets", str(datasets), f"--against={against}"]) == EXIT_ERROR
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.count("\n") == 1, out.err
    assert out.err.startswith(f"error: --against {against!r}: neither a folder nor a git ref")
    assert "pass an existing datasets folder, a tag, a branch or a commit" in out.err
    assert "Traceback" not in out.err
    assert files(datasets.parent) == before  # git wrote nothing


def test_against_that_looks_like_a_git_option_is_refused(datasets, tmp_path, capsys):
    target = tmp_path / "written-by-git"
    refused(datasets, f"--output={target}", capsys)
    assert not target.exists()


def test_against_that_names_an_upload_pack_program_is_refused(datasets, capsys):
    refused(datasets, "--upload-pack=touch pwned", capsys)


def test_against_that_is_a_short_git_option_is_refused(datasets, capsys):
    refused(datasets, "-c", capsys)


@pytest.mark.parametrize("against", ["a..b", "HEAD:secret", "two words", ".hidden", "x.lock", "@", "a@{1}"])
def test_against_that_git_would_not_take_as_a_ref_is_refused(datasets, against, capsys):
    refused(datasets, against, capsys)


@pytest.mark.parametrize("against", ["HEAD", "main", "HEAD~0", "HEAD^0"])
def test_against_a_real_ref_still_compares(datasets, against, capsys):
    assert main(["diff", "--datasets", str(datasets), "--against", against]) == 0
    assert f"tiny: 0 changes since {against}" in capsys.readouterr().out


def test_against_a_commit_hash_still_compares(datasets, capsys):
    commit = subprocess.run(
        ["git", "-C", str(datasets), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert main(["diff", "--datasets", str(datasets), "--against", commit[:12]]) == 0
    assert "tiny: 0 changes since" in capsys.readouterr().out


def test_against_an_unknown_but_well_formed_ref_says_so(datasets, capsys):
    assert main(["diff", "--datasets", str(datasets), "--against", "no-such-tag"]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("error: --against no-such-tag: neither a folder nor a git ref") and err.count("\n") == 1


def test_against_a_folder_whose_table_cannot_be_read_is_one_line(datasets, tmp_path, capsys):
    broken = tmp_path / "broken" / "tiny" / "data" / "observations.csv"
    broken.parent.mkdir(parents=True)
    for text, says in (('a,b\n"x\n', "cannot be read as a table"), ("a,b\n1,2\n", 'has no column "value"')):
        broken.write_text(text, encoding="utf-8")
        assert main(["diff", "--datasets", str(datasets), "--against", str(tmp_path / "broken")]) == EXIT_ERROR
        err = capsys.readouterr().err
        assert err.startswith(f"error: {broken}: {says}") and err.count("\n") == 1, err
        assert "compare with" in err
