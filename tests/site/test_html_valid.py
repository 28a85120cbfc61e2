"""Valid HTML: the Nu Html Checker (vnu-jar, locked in package-lock.json, on Debian's Java) finds no error
in any built page, in one Java run over every *.html of both languages, so new kinds of page are covered
as soon as the build writes them.

The only errors allowed are the theme's own (see THEME_OWN and the README); any other error fails, named
by page, line and column.
"""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from sitegen.config import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material's base.html writes autocomplete="off" on its two checkbox toggles (navigation drawer and search),
# where HTML allows it only on text-like inputs; it keeps Firefox from restoring an open drawer on reload.
# They sit outside every block and partial, so only a copy of the whole base template could change them.
AUTOCOMPLETE = "Attribute “autocomplete” is only allowed when the input type is "
THEME_OWN = [
    (
        AUTOCOMPLETE,
        f'<input class="md-toggle" data-md-toggle="{toggle}" type="checkbox" id="__{toggle}" autocomplete="off">',
    )
    for toggle in ("drawer", "search")
]


def _theme_own(message: dict) -> bool:
    """Whether the message is one of THEME_OWN: its text, and exactly that element highlighted (or, where vnu cut
    its extract short, which it does at the edge of its read buffer in a run over many files, on the message's line)."""
    start, length = message.get("hiliteStart", 0), message.get("hiliteLength", 0)
    element = message.get("extract", "")[start : start + length]
    if element not in {tag for _, tag in THEME_OWN}:
        element = _source_line(message)
    return any(message.get("message", "").startswith(text) and element == tag for text, tag in THEME_OWN)


def _source_line(message: dict) -> str:
    """The line of the checked file the message ends on, without its indentation ("" when there is none)."""
    path, line = Path(unquote(urlparse(message.get("url", "")).path)), message.get("lastLine", 0)
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return lines[line - 1].strip() if 0 < line <= len(lines) else ""


@pytest.fixture(scope="session")
def vnu():
    """Checks the given HTML files in one Java run: (the files it read, its errors and document errors)."""
    assert VNU.is_file(), f"{VNU} is missing: run npm ci (make test does)"
    java = shutil.which("java")

    def check(folder: Path, pages: list[Path]) -> tuple[list[Path], list[dict]]:
        result = subprocess.run(
            [
                java,
                "-jar",
                str(VNU),
                "--format",
                "json",
                "--errors-only",
                "--verbose",
                *(str(page.relative_to(folder)) for page in pages),
            ],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode in (0, 1), result.stderr
        read = [folder / line for line in result.stdout.splitlines() if line]
        report = [line for line in result.stderr.splitlines() if line.startswith("{")]  # past any JVM notice
        assert len(report) == 1, result.stderr
        messages = json.loads(report[0])["messages"]
        for message in messages:
            message["page"] = Path(unquote(urlparse(message.get("url", "")).path)).relative_to(folder).as_posix()
        return read, messages

    return check


def _report(messages: list[dict]) -> list[str]:
    return [
        f"{m['page']}:{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}: "
        f"[{m['type']}] {m['message']}"
        for m in messages
    ]


def test_every_built_page_is_valid_html(built_site, vnu):
    pages = sorted(built_site.rglob("*.html"))
    assert built_site / "index.html" in pages and built_site / "en" / "404.html" in pages
    read, messages = vnu(built_site, pages)
    assert sorted(read) == pages  # every page was checked
    assert _report([m for m in messages if not _theme_own(m)]) == []


def test_an_error_of_our_own_markup_fails_and_only_the_themes_two_pass(tmp_path, vnu):
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>\n'
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n'
        '<input type="checkbox" id="mine" autocomplete="off">\n'
        "<table><caption>c</caption><tr><td>1</td></tr></table><span><div>block in a span</div></span>\n"
        '<p id="twice">a</p><p id="twice">b</p></body></html>\n',
        encoding="utf-8",
    )
    read, messages = vnu(tmp_path, [page])
    assert read == [page]
    assert len([m for m in messages if _theme_own(m)]) == 2  # the allowance matches what vnu says today
    ours = _report([m for m in messages if not _theme_own(m)])
    assert any(line.startswith("page.html:4:") and AUTOCOMPLETE in line for line in ours), ours
    assert any(
        line.startswith("page.html:5:") and "“div” not allowed as child of element “span”" in line for line in ours
    ), ours
    assert any(line.startswith("page.html:6:") and "Duplicate ID “twice”" in line for line in ours), ours
