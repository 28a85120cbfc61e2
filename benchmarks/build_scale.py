"""How the build scales: synthetic packages with N campaign periods, built cold, rebuilt warm, compared with MkDocs.

    python benchmarks/build_scale.py                 # N = 10, 100, 500 and the 100,000-row check
    python benchmarks/build_scale.py --sizes 10 --check-rows 500   # the small mode `make test` runs

For each N it generates synthetic packages (titles say so; written to a
temporary folder only) and prints: the wall time of a cold build (empty cache)
and its stages, the peak memory of the build process and of its largest
worker, the page count, the size of one campaign page, the time of a plain
`mkdocs build` of the same generated Markdown with the same configuration
(both languages one after the other, and both at once), and the time of a
rebuild after one CSV cell changed (warm cache). Then the rows per second of our `check` and of
`frictionless validate` on one package. Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import generate, rows_per_period  # noqa: E402

BIN = Path(sys.executable).parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 500], help="campaign periods to build")
    parser.add_argument("--check-rows", type=int, default=100_000, help="observation rows of the check benchmark")
    parser.add_argument("--child", choices=["build", "check"], help=argparse.SUPPRESS)
    parser.add_argument("--datasets", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--keep-docs", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args)
    with tempfile.TemporaryDirectory(prefix="build-scale-") as tmp:
        rows = [measure_build(Path(tmp), n) for n in args.sizes]
        check = measure_check(Path(tmp), args.check_rows)
    print_table(rows, check)
    return 0


# -- the parent: generate, run, time ----------------------------------------------------------------


def measure_build(tmp: Path, n: int) -> dict:
    data, out, cache, kept = (tmp / f"{name}-{n}" for name in ("data", "site", "cache", "docs"))
    generate(data, n)
    cold = _run_child("build", data, out, cache, kept)
    bare = bare_mkdocs(kept, tmp / f"bare-{n}")
    _change_one_cell(data)
    warm = _run_child("build", data, out, cache, None)
    pages = sorted(out.rglob("*.html"))
    first = out / "campaigns" / "synthetic-0001-01" / "index.html"
    return {"n": n, "cold": cold, "warm": warm, "bare": bare, "pages": len(pages), "page_bytes": first.stat().st_size}


def measure_check(tmp: Path, rows: int) -> dict:
    periods = math.ceil(rows / rows_per_period())
    data = tmp / "check-data"
    folder = generate(data, periods, per_package=periods)[0]
    count = sum(1 for _ in open(folder / "data" / "observations.csv", encoding="utf-8")) - 1
    ours = _run_child("check", data, None, None, None)
    started = time.perf_counter()
    result = subprocess.run(
        [str(BIN / "frictionless"), "validate", "--json", "datapackage.json"],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    theirs = time.perf_counter() - started
    valid = json.loads(result.stdout).get("valid") if result.stdout.strip().startswith("{") else None
    if not valid:
        raise SystemExit(
            f"frictionless validate failed on the synthetic package: {result.stdout[:2000]} {result.stderr[:2000]}"
        )
    return {"rows": count, "ours": ours["wall"], "frictionless": theirs}


def _run_child(kind: str, data: Path, out: Path | None, cache: Path | None, kept: Path | None) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--datasets", str(data)]
    for flag, value in (("--out", out), ("--cache", cache), ("--keep-docs", kept)):
        if value:
            command += [flag, str(value)]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]), wall=wall)


def bare_mkdocs(kept: Path, site: Path) -> dict:
    """Plain `mkdocs build` of the Markdown our build generated, with the configuration it generated: the two
    languages one after the other (as MkDocs builds), and both at once (as our build runs them)."""
    import yaml

    commands = {}
    for lang in ("ko", "en"):
        config_file = kept / f"mkdocs-{lang}.yml"
        settings = yaml.safe_load(config_file.read_text(encoding="utf-8"))
        settings["docs_dir"] = str(kept / "docs" / lang)
        settings["site_dir"] = str(site / lang)
        config_file.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
        commands[lang] = [str(BIN / "mkdocs"), "build", "--quiet", "--config-file", str(config_file)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    for command in commands.values():
        subprocess.run(command, check=True, env=env)
    sequential = time.perf_counter() - started
    started = time.perf_counter()
    running = [subprocess.Popen(command, env=env) for command in commands.values()]
    if any(process.wait() for process in running):
        raise SystemExit("a bare mkdocs build failed")
    return {"sequential": sequential, "together": time.perf_counter() - started}


def _change_one_cell(data: Path) -> None:
    """One figure of the first package changes (persons detained in its first crackdown), as in a correction."""
    path = data / "synthetic-0001" / "data" / "observations.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    for index, line in enumerate(lines):
        cells = line.split(",")
        if cells[:3] == ["synthetic-0001-01", "detained", "total"]:
            cells[3] = str(int(cells[3]) + 1)
            lines[index] = ",".join(cells)
            break
    path.write_text("\n".join(lines), encoding="utf-8")


# -- the child: one build or check in a fresh process ----------------------------------------------


def _child(args) -> int:
    from sitegen.build import build_site
    from sitegen.config import load_config
    from sitegen.publish import mkdocs_runner
    from sitegen.read.validation import check_datasets
    from sitegen.util.cache import Cache
    from sitegen.util.progress import QUIET, Progress

    config = load_config()
    if args.child == "check":
        problems, _ = check_datasets(args.datasets, config)
        _done(problems, {})
        return 0
    if args.keep_docs:
        original = mkdocs_runner.build

        def build_and_keep(config, lang, docs_dir, *rest):  # runs in a worker; writes files only
            original(config, lang, docs_dir, *rest)
            shutil.copytree(docs_dir, args.keep_docs / "docs" / lang)
            shutil.copyfile(docs_dir.parent / f"mkdocs-{lang}.yml", args.keep_docs / f"mkdocs-{lang}.yml")

        mkdocs_runner.build = build_and_keep
    stages: dict[str, float] = {}

    class Recording(Progress):
        def end(self):
            if self._stage:
                stages[self._stage[0]] = time.monotonic() - self._stage[1]
            self._stage = None

    problems = build_site(args.datasets, args.out, config, Recording(QUIET), Cache(args.cache, config))
    _done(problems, stages)
    return 0


def _done(problems, stages: dict) -> None:
    if problems:
        raise SystemExit("\n".join(str(p) for p in problems[:20]))
    print(
        json.dumps(
            {
                "stages": stages,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            }
        )
    )


# -- the table -------------------------------------------------------------------------------------


def print_table(rows: list[dict], check: dict) -> None:
    stages = list(rows[0]["cold"]["stages"])
    print("Build scale (synthetic data; seconds unless stated)\n")
    header = [
        "N",
        "pages",
        "page KB",
        "cold",
        *stages,
        "main MB",
        "worker MB",
        "bare mkdocs",
        "bare x2",
        "cold/bare",
        "cold/bare x2",
        "1-CSV rebuild",
        "rebuild/bare",
        "rebuild/bare x2",
    ]
    lines = [header]
    for row in rows:
        cold, warm, bare = row["cold"], row["warm"], row["bare"]
        lines.append(
            [
                str(row["n"]),
                str(row["pages"]),
                f"{row['page_bytes'] / 1024:.1f}",
                f"{cold['wall']:.2f}",
                *(f"{cold['stages'].get(s, 0):.2f}" for s in stages),
                f"{cold['peak_mb']:.0f}",
                f"{cold['worker_mb']:.0f}",
                f"{bare['sequential']:.2f}",
                f"{bare['together']:.2f}",
                f"{cold['wall'] / bare['sequential']:.2f}",
                f"{cold['wall'] / bare['together']:.2f}",
                f"{warm['wall']:.2f}",
                f"{warm['wall'] / bare['sequential']:.2f}",
                f"{warm['wall'] / bare['together']:.2f}",
            ]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        print("  ".join(cell.rjust(width) for cell, width in zip(line, widths)))
    by_n = {row["n"]: row["cold"]["wall"] for row in rows}
    for small, large in ((100, 500), (10, 100)):
        if small in by_n and large in by_n:
            print(f"\ntime(N={large}) / time(N={small}) = {by_n[large] / by_n[small]:.2f}")
    ours, theirs = check["rows"] / check["ours"], check["rows"] / check["frictionless"]
    print(
        f"\ncheck on one package of {check['rows']:,} observation rows: ours {check['ours']:.2f}s ({ours:,.0f} rows/s), "
        f"frictionless validate {check['frictionless']:.2f}s ({theirs:,.0f} rows/s), ratio {ours / theirs:.2f}"
    )


if __name__ == "__main__":
    sys.exit(main())
