"""serve: previews on 127.0.0.1 and rebuilds when a dataset changes."""

import json
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT
from helpers import write_package


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


def test_serve_rebuilds_after_a_dataset_changes(tmp_path):
    shipped = tmp_path / "datasets"  # a tiny package: each rebuild takes a second, and the behaviour is the same
    write_package(shipped / "tiny")
    port = free_port()
    url = f"http://127.0.0.1:{port}/en/"
    process = subprocess.Popen([sys.executable, "build_site.py", "serve", "--datasets", str(shipped), "--port", str(port)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert wait_for(lambda: "tiny title" in fetch(url)), "preview never came up"
        descriptor = shipped / "tiny" / "datapackage.json"
        data = json.loads(descriptor.read_text(encoding="utf-8"))
        data["title"] = "Renamed crackdown"
        descriptor.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        assert wait_for(lambda: "Renamed crackdown" in fetch(url)), "preview was not rebuilt"
    finally:
        process.terminate()
        process.wait(timeout=10)
