import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers import SITE_URL  # noqa: E402

from sitegen.config import load_config  # noqa: E402  (after the project is on the path)


@pytest.fixture(scope="session")
def config():
    return load_config(ROOT)


@pytest.fixture
def shipped(tmp_path) -> Path:
    """A copy of the shipped datasets/ folder that a test may change."""
    target = tmp_path / "datasets"
    shutil.copytree(ROOT / "datasets", target)
    return target


def build_once(tmp_path_factory, name: str, config) -> Path:
    """The shipped data built once per run into <run's temporary folder>/name/site: with pytest-xdist, the first
    worker to ask builds it while the others wait on a lock, then all read the same site."""
    import fcntl

    from sitegen.build import build_site
    from sitegen.util.progress import Progress

    folder = tmp_path_factory.getbasetemp()
    if "PYTEST_XDIST_WORKER" in os.environ:
        folder = folder.parent  # each worker's folder is inside the run's
    out, done = folder / name / "site", folder / name / "built"
    (folder / name).mkdir(exist_ok=True)
    with open(folder / name / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            progress = Progress(stream=io.StringIO())  # what it prints is dropped; what it notes is kept
            assert build_site(ROOT / "datasets", out, config, progress) == []
            (folder / name / "notes.json").write_text(json.dumps(progress.notes), encoding="utf-8")
            done.touch()
    return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, config) -> Path:
    """The site built once from the shipped data, shared by read-only tests. Built with two workers (SITEGEN_JOBS=2),
    whatever the machine: tests/site/test_build.py compares it with a build without workers."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITEGEN_JOBS", "2")
        return build_once(tmp_path_factory, "built", config)


# The folders under tests/, each a marker of the same name (registered in pyproject.toml): `pytest -m unit`.
FOLDERS = ("unit", "site", "browser")
# Tests that need a system program, by the fixture they use, and the .ci/system-deps group that brings it.
SYSTEM_DEPS = {"browser": "browser", "vnu": "java"}


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """Mark each test by its folder, before -m selects; then, of the tests selected, those that need Chromium or
    Java stop the run before any test runs, without them, with the one line that says what to install (`make test`
    installs them first; this is for pytest run on its own), not one set-up error per test."""
    tests = Path(__file__).resolve().parent
    for item in items:
        path = item.path.resolve()
        if path.is_relative_to(tests) and path.relative_to(tests).parts[0] in FOLDERS:
            item.add_marker(path.relative_to(tests).parts[0])
    result = yield  # -m and -k deselect here
    _stop_without_system_deps(items)
    return result


def _stop_without_system_deps(items):
    import subprocess

    groups = sorted(
        {SYSTEM_DEPS[name] for item in items for name in getattr(item, "fixturenames", ()) if name in SYSTEM_DEPS}
        | {"browser" for item in items if item.get_closest_marker("browser")}
    )
    if not groups:
        return
    check = subprocess.run(
        ["bash", str(ROOT / ".ci" / "system-deps"), "--check", *groups], capture_output=True, text=True
    )
    if check.returncode != 0:
        pytest.exit(check.stderr.strip(), returncode=check.returncode)


@pytest.fixture(scope="session")
def deployed_site(tmp_path_factory, config) -> Path:
    """The site built once from the shipped data with a site_url (SITE_URL), as it is published."""
    import dataclasses

    return build_once(tmp_path_factory, "deployed", dataclasses.replace(config, site_url=SITE_URL))
