"""A build killed mid-way (SIGKILL: no clean-up runs): its workers end with it, and the next build removes the work
folder it left and publishes a complete site. Every wait polls with a time limit; no timing is asserted."""

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from trees import digest, leftovers

from sitegen.config import ROOT

MARK = "SITEGEN_KILLED_BUILD_TEST"  # set in the build's environment, so inherited by every worker it forks


def marked(token: str) -> set[int]:
    """The live processes (not zombies) whose environment holds MARK=token."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                continue
            if f"{MARK}={token}".encode() in (entry / "environ").read_bytes().split(b"\0"):
                found.add(int(entry.name))
        except (OSError, IndexError):
            continue  # ended meanwhile, or not ours to read
    return found


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError(f"not within {seconds} s: {what}")


def test_a_killed_build_leaves_no_staging_or_workers_after_the_next_build(built_site, tmp_path):
    out = tmp_path / "site"
    shutil.copytree(built_site, out, symlinks=True)
    before = digest(out)
    token = uuid.uuid4().hex
    env = os.environ | {MARK: token, "SITEGEN_JOBS": "2"}  # workers even on one core
    command = [sys.executable, "build_site.py", "build", "-q", "--out", str(out)]
    build = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        workers = wait_for(
            lambda: leftovers(tmp_path, out) and marked(token) - {build.pid},
            300,
            "the build's work folder and its workers",
        )
    finally:
        build.send_signal(signal.SIGKILL)
        build.wait()
    assert workers
    wait_for(lambda: not marked(token), 30, f"the workers {sorted(workers)} of the killed build ending")
    assert [name for name in leftovers(tmp_path, out) if "-build-" in name]  # SIGKILL: nothing cleaned up
    assert digest(out) == before  # the killed build never reached the swap

    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert leftovers(tmp_path, out) == []
    assert digest(out) == before  # complete: the same inputs give the same site, byte for byte
