import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitegen.config import load_config


@pytest.fixture(scope="session")
def config():
    return load_config(ROOT)


@pytest.fixture
def shipped(tmp_path) -> Path:
    """A copy of the shipped datasets/ folder that a test may change."""
    target = tmp_path / "datasets"
    shutil.copytree(ROOT / "datasets", target)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, config) -> Path:
    """The site built once from the shipped data, shared by read-only tests."""
    from sitegen.build import build_site

    out = tmp_path_factory.mktemp("built") / "site"
    assert build_site(ROOT / "datasets", out, config) == []
    return out


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

    groups = sorted({SYSTEM_DEPS[name] for item in items for name in getattr(item, "fixturenames", ())
                     if name in SYSTEM_DEPS} | {"browser" for item in items if item.get_closest_marker("browser")})
    if not groups:
        return
    check = subprocess.run(["bash", str(ROOT / ".ci" / "system-deps"), "--check", *groups], capture_output=True,
                           text=True)
    if check.returncode != 0:
        pytest.exit(check.stderr.strip(), returncode=check.returncode)


SITE_URL = "https://stats.example.org/deepfake/"


@pytest.fixture(scope="session")
def deployed_site(tmp_path_factory, config) -> Path:
    """The site built once from the shipped data with a site_url (SITE_URL), as it is published."""
    import dataclasses

    from sitegen.build import build_site

    out = tmp_path_factory.mktemp("deployed") / "site"
    assert build_site(ROOT / "datasets", out, dataclasses.replace(config, site_url=SITE_URL)) == []
    return out
