"""The scale benchmark runs in its small mode and prints its table (timings are printed, never asserted)."""

import re
import subprocess
import sys

from sitegen.config import ROOT


def test_the_benchmark_prints_its_table():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "build_scale.py"), "--sizes", "10", "--check-rows", "500"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.lstrip().startswith("N "))
    for column in (
        "pages",
        "page KB",
        "cold",
        "check",
        "main MB",
        "worker MB",
        "bare mkdocs",
        "bare x2",
        "cold/bare",
        "1-CSV rebuild",
        "rebuild/bare x2",
    ):
        assert column in header
    row = lines[lines.index(header) + 1].split()
    assert row[0] == "10" and int(row[1]) > 20  # both languages' pages of 10 campaigns, the data page and the rest
    assert re.search(
        r"check on one package of [\d,]+ observation rows: ours [\d.]+s .* frictionless validate", result.stdout
    )
