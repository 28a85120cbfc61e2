"""A file system that fails during the build: one line naming the path and the cause, the previous site exactly as it
was, no work folder left behind."""

import errno
import os
import pathlib
import re
import shutil

from trees import digest, leftovers

from sitegen.commands.cli import EXIT_ERROR, main
from sitegen.config import ROOT


def test_a_full_disk_during_the_build_leaves_the_old_site_and_no_staging(built_site, tmp_path, monkeypatch, capsys):
    out = tmp_path / "site"
    shutil.copytree(built_site, out, symlinks=True)
    before = digest(out)
    write_bytes = pathlib.Path.write_bytes

    def full_disk(self, data):
        if self.suffix == ".png" and f".{out.name}-build-" in str(self):  # the chart images, late in the build
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return write_bytes(self, data)

    monkeypatch.setattr(pathlib.Path, "write_bytes", full_disk)  # the forked workers inherit it
    monkeypatch.chdir(ROOT)
    assert main(["build", "--out", str(out)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, err
    assert re.fullmatch(
        rf"error: cannot write {re.escape(str(tmp_path))}/\.site-build-[^/]+/site/\S+\.png: No space left on device"
        rf" \(errno 28\) - free space or choose another --out; {re.escape(str(out))} is unchanged",
        errors[0],
    ), errors[0]
    assert digest(out) == before  # byte for byte
    assert leftovers(tmp_path, out) == []


def test_a_folder_that_cannot_be_written_is_one_line(tmp_path, monkeypatch, capsys):
    from helpers import write_package

    write_package(tmp_path / "datasets" / "tiny")
    out = tmp_path / "site"
    copyfile = shutil.copyfile

    def denied(source, target, *args, **kwargs):
        if f".{out.name}-build-" in str(target):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))
        return copyfile(source, target, *args, **kwargs)

    monkeypatch.setattr(shutil, "copyfile", denied)
    monkeypatch.chdir(ROOT)
    assert main(["build", "-q", "--datasets", str(tmp_path / "datasets"), "--out", str(out)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: cannot write ") and "Traceback" not in err
    assert "Permission denied (errno 13) - make the folder writable or choose another --out" in err
    assert not out.exists() and leftovers(tmp_path, out) == []
