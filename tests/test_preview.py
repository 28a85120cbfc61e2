"""serve: problems appear in the terminal and on the page while the last good preview stays."""

import subprocess
import sys
import threading
import time

from conftest import ROOT
from helpers import write_package
from test_serve import fetch, free_port, wait_for


def test_problems_show_in_the_terminal_and_on_the_page_and_the_preview_stays(tmp_path):
    shipped = tmp_path / "datasets"  # a tiny package: each rebuild takes a second, and the behaviour is the same
    write_package(shipped / "tiny")
    port = free_port()
    url = f"http://127.0.0.1:{port}/en/"
    process = subprocess.Popen([sys.executable, "build_site.py", "serve", "--datasets", str(shipped), "--port", str(port)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output: list[str] = []
    threading.Thread(target=lambda: output.extend(process.stdout), daemon=True).start()
    try:
        assert wait_for(lambda: "tiny title" in fetch(url)), "preview never came up"
        observations = shipped / "tiny" / "data" / "observations.csv"
        good = observations.read_text(encoding="utf-8")
        observations.write_text(good.replace(",100,", ",lots,", 1), encoding="utf-8")
        changed = time.monotonic()
        assert wait_for(lambda: 'id="preview-problems"' in fetch(url)), "problems never shown on the page"
        print(f"problems shown {time.monotonic() - changed:.1f}s after the change")
        page = fetch(url)
        assert "observations.csv:2:value: [type-error] &quot;lots&quot; is not a number" in page
        assert "tiny title" in page  # the last good preview is still there
        assert wait_for(lambda: any("[type-error]" in line for line in output)), "problems never printed"
        assert process.poll() is None  # still serving
        observations.write_text(good, encoding="utf-8")
        assert wait_for(lambda: 'id="preview-problems"' not in fetch(url)), "banner stayed after the fix"
    finally:
        process.terminate()
        process.wait(timeout=10)
