"""Lighthouse (default mobile mode) on each page type of site/, served with gzip on 127.0.0.1.

Prints the four category scores per page and the bytes transferred for a
first visit (empty cache) to a chart page. Needs `make site` first (it also
installs Lighthouse from package-lock.json). Not part of `make test`: scores
and timings vary with the machine.

    .venv/bin/python benchmarks/lighthouse.py [--site site] [--runs 1]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitegen.commands import static_server  # noqa: E402  (after the path to the project is set)

PAGES = {
    "home (ko)": "",
    "home (en)": "en/",
    "topic page (ko)": "topics/arrests/",
    "topic page (en)": "en/topics/who/",
    "dataset page (ko)": "data/special-crackdown-2024/",
    "dataset page (en)": "en/data/special-crackdown-2024/",
    "chart page (ko)": "charts/arrests-2024-running-total/",
    "chart page (en)": "en/charts/crackdown-2024-arrests-by-age/",
    "embed (ko)": "embed/arrests-2024-running-total/",
    "embed (en)": "en/embed/crackdown-2024-arrests-by-age/",
    "text page (ko)": "methodology/",
    "help (en)": "en/help/",
    "crackdowns overview (ko)": "campaigns/",
    "crackdown page (en)": "en/campaigns/crackdown-2024-08-28/",
    "figure finder (ko)": "figures/",
    "figure finder (en)": "en/figures/",
    "figure page (ko)": "figures/crackdown-2024-running-totals/",
    "figure page (en)": "en/figures/special-crackdown-2024/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"


def run_lighthouse(url: str, out: Path) -> dict:
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        sys.exit(f"{binary}: not found - run `make site` (it installs the locked npm packages)")
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    subprocess.run(
        [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=" + ",".join(CATEGORIES),
        ],
        check=True,
        env=env,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is printed, and the range")
    parser.add_argument("--only", nargs="*", default=None, help="page names to run (default: all), e.g. 'embed (ko)'")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        sys.exit(f"{args.site}: no built site - run `make site` first")
    server = static_server.start(args.site)
    base = f"http://127.0.0.1:{server.server_port}/"
    print(f"{'page':<26} " + " ".join(f"{c:>14}" for c in CATEGORIES))
    transfer = None
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in PAGES.items():
            if args.only and name not in args.only:
                continue
            scores = {c: [] for c in CATEGORIES}
            for run in range(args.runs):
                report = run_lighthouse(base + path, Path(tmp) / f"{run}.json")
                for c in CATEGORIES:
                    scores[c].append(round(report["categories"][c]["score"] * 100))
                if name == "dataset page (ko)" and transfer is None:
                    items = report["audits"]["network-requests"]["details"]["items"]
                    transfer = (
                        sum(i.get("transferSize", 0) for i in items),
                        len(items),
                        sorted(((i.get("transferSize", 0), i["url"].replace(base, "/")) for i in items), reverse=True)[
                            :5
                        ],
                    )
            spread = (
                f"  (performance {min(scores['performance'])}-{max(scores['performance'])})" if args.runs > 1 else ""
            )
            print(
                f"{name:<26} " + " ".join(f"{statistics.median(scores[c]):>14.0f}" for c in CATEGORIES) + spread,
                flush=True,
            )
    server.shutdown()
    if transfer is None:
        return
    total, count, largest = transfer
    print(
        f"\nFirst visit to a dataset page with charts: {total / 1024:.0f} KiB transferred in {count} requests; largest:"
    )
    for size, url in largest:
        print(f"  {size / 1024:8.1f} KiB  {url}")


if __name__ == "__main__":
    main()
