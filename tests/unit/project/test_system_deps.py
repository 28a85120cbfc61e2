"""`make test` on a fresh machine: .ci/system-deps installs Chromium, the Korean fonts, Java and Node.js
from Debian's packages as root, and otherwise stops with one line that says what to install.

The machine without them is arranged: PATH holds only stand-ins for the programs the script asks about
(`id`, `fc-list`, `apt-get`, `java`, `node`, `npm`), and SYSTEM_DEPS_CHROMIUM points at a path that
does not exist until the stand-in apt-get "installs" it.
"""

import os
import shutil
import subprocess
from pathlib import Path

from sitegen.config import ROOT

SCRIPT = ROOT / ".ci" / "system-deps"
BASH = shutil.which("bash")


def _program(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!{BASH}\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


def _machine(tmp_path: Path, *, uid: int, apt: bool, apt_installs: bool = True) -> dict:
    """A machine with Java and Node.js but no Chromium and no Korean font, as user `uid`."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    chromium = tmp_path / "usr-bin" / "chromium"
    fonts = tmp_path / "fonts-installed"
    log = tmp_path / "apt.log"
    _program(bin_dir, "id", f'[ "$1" = -u ] && echo {uid}')
    _program(bin_dir, "fc-list", f'[ -e "{fonts}" ] && echo "Noto Sans CJK KR"; exit 0')
    for name in ("java", "node", "npm"):
        _program(bin_dir, name, "exit 0")
    if apt:
        tools = {name: shutil.which(name) for name in ("mkdir", "chmod", "touch")}
        install = (
            (
                f'{tools["mkdir"]} -p "{chromium.parent}"; printf "#!/bin/sh\\n" > "{chromium}"; '
                f'{tools["chmod"]} +x "{chromium}"; {tools["touch"]} "{fonts}"'
            )
            if apt_installs
            else ":"
        )
        _program(bin_dir, "apt-get", f'echo "$*" >> "{log}"\n[ "$1" = install ] && {{ {install}; }}\nexit 0')
    env = {"PATH": str(bin_dir), "SYSTEM_DEPS_CHROMIUM": str(chromium), "HOME": str(tmp_path)}
    return {"env": env, "chromium": chromium, "log": log}


def _run(machine: dict | None, *groups: str) -> subprocess.CompletedProcess:
    env = machine["env"] if machine else dict(os.environ)
    return subprocess.run([BASH, str(SCRIPT), *groups], env=env, capture_output=True, text=True, timeout=600)


def test_as_root_with_apt_get_it_installs_chromium_and_the_korean_fonts(tmp_path):
    machine = _machine(tmp_path, uid=0, apt=True)
    result = _run(machine, "node", "browser", "java")
    assert result.returncode == 0, result.stderr
    assert machine["log"].read_text().splitlines() == ["update -qq", "install -y -qq chromium fonts-noto-cjk"]
    assert os.access(machine["chromium"], os.X_OK)
    assert result.stdout == ""
    again = _run(machine, "node", "browser", "java")  # idempotent: now present, nothing more happens
    assert (again.returncode, again.stderr) == (0, "")
    assert len(machine["log"].read_text().splitlines()) == 2


def _one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_without_apt_get_it_stops_with_one_line_naming_what_to_install(tmp_path):
    machine = _machine(tmp_path, uid=0, apt=False)
    line = _one_line(_run(machine, "node", "browser", "java"))
    assert "sudo apt-get install chromium fonts-noto-cjk " in line
    assert f"Chromium at {machine['chromium']}" in line and "Noto Sans CJK KR" in line
    assert "Java" not in line and "Node.js" not in line  # only what is missing


def test_not_root_it_does_not_call_apt_get_and_stops_with_one_line(tmp_path):
    machine = _machine(tmp_path, uid=1000, apt=True)
    line = _one_line(_run(machine, "browser"))
    assert "sudo apt-get install chromium fonts-noto-cjk " in line
    assert not machine["log"].exists()
    assert not machine["chromium"].exists()


def test_missing_java_and_node_are_named_by_their_debian_packages(tmp_path):
    machine = _machine(tmp_path, uid=1000, apt=False)
    for name in ("java", "node", "npm"):
        (Path(machine["env"]["PATH"]) / name).unlink()
    line = _one_line(_run(machine, "java", "node"))
    assert "sudo apt-get install default-jre-headless nodejs npm " in line
    assert "Java 11 or later" in line and "chromium" not in line


def test_without_fontconfig_it_is_installed_with_the_fonts(tmp_path):
    machine = _machine(tmp_path, uid=1000, apt=False)
    (Path(machine["env"]["PATH"]) / "fc-list").unlink()
    line = _one_line(_run(machine, "browser"))
    assert "sudo apt-get install chromium fontconfig fonts-noto-cjk " in line


def test_check_only_never_installs(tmp_path):
    machine = _machine(tmp_path, uid=0, apt=True)
    line = _one_line(_run(machine, "--check", "browser"))
    assert "chromium fonts-noto-cjk" in line
    assert not machine["log"].exists()


def test_an_install_that_leaves_something_missing_fails_with_one_line(tmp_path):
    machine = _machine(tmp_path, uid=0, apt=True, apt_installs=False)
    result = _run(machine, "browser")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "system-deps: installing chromium fonts-noto-cjk from Debian's packages"
    assert "sudo apt-get install chromium fonts-noto-cjk " in result.stderr.splitlines()[-1]
    assert len(result.stderr.splitlines()) == 2


def test_make_test_runs_the_install_step_before_anything_else_and_ci_shares_it():
    # as `make test` itself runs this test, the outer make's variables are left out (they make make name directories)
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    planned = subprocess.run(
        ["make", "--no-print-directory", "-n", "-B", "test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    commands = planned.stdout.splitlines()
    assert commands[0] == ".ci/system-deps node browser java", commands
    assert any(line.startswith("npm ci") for line in commands)
    assert commands[-1].endswith("-m pytest -n auto --dist worksteal")  # every test, one worker per core
    for path in (ROOT / ".ci" / "run", ROOT / ".github" / "workflows" / "publish.yml"):
        text = path.read_text(encoding="utf-8")
        assert "make test" in text and "apt-get install" not in text, path  # one install step, not two
