"""The browser tests' fixtures: the built site served on 127.0.0.1, one Chromium per module, a watched context."""

import pytest
from browsing import ARGS, CHROMIUM, DESKTOP, Watched
from playwright.sync_api import sync_playwright

from sitegen.commands import static_server


@pytest.fixture(scope="module")
def base_url(built_site):
    server = static_server.start(built_site)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def watched(browser):
    context = Watched(browser, viewport=DESKTOP)
    yield context
    context.context.close()
