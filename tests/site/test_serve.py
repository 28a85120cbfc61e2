"""serve: previews on 127.0.0.1, rebuilds when a dataset changes, and shows problems while the last good preview stays."""

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request

from helpers import write_package

from sitegen.config import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@contextlib.contextmanager
def serving(tmp_path):
    """`serve` on a tiny package (each rebuild takes a second; the behaviour is the same): (folder, url, output)."""
    datasets = tmp_path / "datasets"
    write_package(datasets / "tiny")
    port = free_port()
    url = f"http://127.0.0.1:{port}/en/"
    process = subprocess.Popen(
        [sys.executable, "build_site.py", "serve", "--datasets", str(datasets), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output: list[str] = []
    threading.Thread(target=lambda: output.extend(process.stdout), daemon=True).start()
    try:
        assert wait_for(lambda: "tiny title" in fetch(url)), "preview never came up"
        yield datasets / "tiny", url, output
        assert process.poll() is None  # still serving
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_rebuilds_after_a_dataset_changes(tmp_path):
    with serving(tmp_path) as (package, url, _):
        descriptor = package / "datapackage.json"
        data = json.loads(descriptor.read_text(encoding="utf-8"))
        data["title"] = "Renamed crackdown"
        descriptor.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        assert wait_for(lambda: "Renamed crackdown" in fetch(url)), "preview was not rebuilt"


def test_problems_show_in_the_terminal_and_on_the_page_and_the_preview_stays(tmp_path):
    with serving(tmp_path) as (package, url, output):
        observations = package / "data" / "observations.csv"
        good = observations.read_text(encoding="utf-8")
        observations.write_text(good.replace(",100,", ",lots,", 1), encoding="utf-8")
        changed = time.monotonic()
        assert wait_for(lambda: 'id="preview-problems"' in fetch(url)), "problems never shown on the page"
        print(f"problems shown {time.monotonic() - changed:.1f}s after the change")
        page = fetch(url)
        assert "observations.csv:2:value: [type-error] &quot;lots&quot; is not a number" in page
        assert "tiny title" in page  # the last good preview is still there
        assert wait_for(lambda: any("[type-error]" in line for line in output)), "problems never printed"
        observations.write_text(good, encoding="utf-8")
        assert wait_for(lambda: 'id="preview-problems"' not in fetch(url)), "banner stayed after the fix"
