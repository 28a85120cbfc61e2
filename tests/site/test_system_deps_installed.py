"""`make test` on a fresh machine: .ci/system-deps installs Chromium, the Korean fonts, Java and Node.js
from Debian's packages as root, and otherwise stops with one line that says what to install.

The machine without them is arranged: PATH holds only stand-ins for the programs the script asks about
(`id`, `fc-list`, `apt-get`, `java`, `node`, `npm`), and SYSTEM_DEPS_CHROMIUM points at a path that
does not exist until the stand-in apt-get "installs" it.
"""

import os
import shutil
import subprocess
import sys

from sitegen.config import ROOT

SCRIPT = ROOT / ".ci" / "system-deps"
BASH = shutil.which("bash")


def _run(machine: dict | None, *groups: str) -> subprocess.CompletedProcess:
    env = machine["env"] if machine else dict(os.environ)
    return subprocess.run([BASH, str(SCRIPT), *groups], env=env, capture_output=True, text=True, timeout=600)


def test_everything_present_installs_nothing_and_prints_nothing():
    # On this machine the make target has already run it; a second run must be silent and do nothing.
    result = _run(None, "node", "browser", "java")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_pytest_on_its_own_stops_before_the_browser_tests_with_the_same_line(tmp_path):
    env = dict(os.environ, SYSTEM_DEPS_CHROMIUM=str(tmp_path / "no-chromium"))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/browser/test_csp.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 1
    assert "Missing system packages: chromium. Install them with: sudo apt-get install chromium " in result.stdout
    assert "no tests ran" in result.stdout and "error" not in result.stdout.lower()


def test_make_stops_at_once_for_a_user_who_cannot_install(tmp_path):
    # The real id and apt-get: as root, the command runs as the user nobody.
    command = ["make", "-s", "test-deps"]
    if os.geteuid() == 0:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    env = dict(os.environ, SYSTEM_DEPS_CHROMIUM=str(tmp_path / "no-chromium"))
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode != 0
    first = result.stderr.splitlines()[0]
    assert first.startswith("Missing system packages: chromium. Install them with: sudo apt-get install chromium "), (
        result.stderr
    )
