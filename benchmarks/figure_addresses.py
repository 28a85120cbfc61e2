"""What every figure's address costs: the build time and the weight of the pages, files and API it adds.

    python benchmarks/figure_addresses.py [--runs 3] [--before REF]

Builds the shipped data cold (no cache) `--runs` times and prints each build's stages, then what a reader downloads:
the finder and the heaviest figure page, raw and gzipped (the build's own .gz beside each file), the all-figures
files and the API (documents, bytes). With --before REF it first builds the same data with the generator as it was at
the git ref REF (a worktree in a temporary folder), so the two build times sit side by side. Timings vary with the
machine; no test asserts one.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGE = re.compile(r"^\s+(\w+)\s+([\d.]+)s$")


def build(root: Path, out: Path) -> tuple[float, dict[str, float], int]:
    """Seconds of one cold build of root's datasets with root's generator, its stages, and the pages it made."""
    code = (
        "import sys, time; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from sitegen.build import build_site; from sitegen.config import load_config;"
        "from sitegen.util.progress import Progress;"
        "root = Path(sys.argv[1]); started = time.perf_counter();"
        "problems = build_site(root / 'datasets', Path(sys.argv[2]), load_config(root), Progress());"
        "assert problems == [], problems; print(f'total {time.perf_counter() - started:.3f}')"
    )
    env = dict(os.environ, PYTHONPATH=str(root))
    done = subprocess.run([sys.executable, "-c", code, str(root), str(out)], capture_output=True, text=True, env=env)
    if done.returncode:
        sys.exit(f"the build with {root} failed:\n{done.stderr}")
    stages = {m.group(1): float(m.group(2)) for m in map(STAGE.match, done.stderr.splitlines()) if m}
    total = float(done.stdout.split()[-1])
    pages = sum(1 for _ in out.rglob("index.html"))
    return total, stages, pages


def weights(site: Path) -> list[tuple[str, int, int]]:
    """(what, raw bytes, gzipped bytes) of the pages and files a reader of the figures downloads."""

    def sized(path: Path) -> tuple[int, int]:
        gz = path.with_name(path.name + ".gz")
        return path.stat().st_size, gz.stat().st_size if gz.is_file() else 0

    rows = []
    for lang in ("", "en/"):
        rows.append((f"finder ({lang or 'ko/'})", *sized(site / lang / "figures" / "index.html")))
        pages = sorted((site / lang / "figures").glob("*/index.html"), key=lambda p: p.stat().st_size)
        rows.append((f"heaviest figure page ({lang}figures/{pages[-1].parent.name}/)", *sized(pages[-1])))
        rows.append((f"lightest figure page ({lang}figures/{pages[0].parent.name}/)", *sized(pages[0])))
        rows.append(
            (
                f"dataset page ({lang}data/special-crackdown-2024/)",
                *sized(site / lang / "data" / "special-crackdown-2024" / "index.html"),
            )
        )
    for extension in ("csv", "json", "xlsx"):
        rows.append((f"data/all-figures.{extension}", *sized(site / "data" / f"all-figures.{extension}")))
    api = [p for p in (site / "api" / "v1").rglob("*.json")]
    rows.append((f"api/v1/ ({len(api)} documents)", sum(p.stat().st_size for p in api), 0))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", help="a git ref to build the same data with, for comparison")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        roots = {"now": ROOT}
        if args.before:
            worktree = Path(folder) / "before"
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(worktree), args.before],
                check=True,
                capture_output=True,
            )
            (worktree / "node_modules").symlink_to(ROOT / "node_modules")  # the browser assets the site ships
            roots = {args.before: worktree, "now": ROOT}
        try:
            for name, root in roots.items():
                totals = []
                for run in range(args.runs):
                    out = Path(folder) / f"site-{name.replace('/', '-')}-{run}"
                    total, stages, pages = build(root, out)
                    totals.append(total)
                    shown = " ".join(f"{stage} {seconds:.2f}" for stage, seconds in stages.items())
                    print(f"{name}: run {run + 1}: {total:.2f} s, {pages} pages ({shown})")
                print(f"{name}: median {statistics.median(totals):.2f} s over {args.runs} runs")
            print()
            print(f"{'what':<58} {'raw':>10} {'gzipped':>10}")
            for what, raw, gz in weights(out):
                print(f"{what:<58} {raw:>10,} {gz or '':>10}")
        finally:
            if args.before:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)], check=False)


if __name__ == "__main__":
    main()
