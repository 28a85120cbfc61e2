"""Command line: check, build, serve. The only place that prints problems and exits."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .. import SiteError
from ..config import load_config
from ..problems import Problem
from ..util.oserror import describe

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2
PRINTED_PROBLEMS = 200  # text on a terminal lists this many; --output FILE and --format json give every one


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except SiteError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # the reader stopped reading (`check | head`): nothing more to say, and no one to say it to
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except OSError as error:  # the file system failed where no stage said more: still one line, with the path
        print(
            f"error: {describe(error, 'read or write')} - check that the folder exists, is writable and has space",
            file=sys.stderr,
        )
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build_site.py",
        description="Check the data packages and build the deepfake sex crime statistics site.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate every data package and list every problem",
        description="Validate every data package under --datasets and list every problem "
        "as file:row:field: [code] what is wrong - what to do. "
        "Exit status 1 if there is any problem, 0 otherwise.",
    )
    _datasets_option(check)
    check.add_argument(
        "--format", choices=["text", "json"], default="text", help="text for people (default), json for CI and tools"
    )
    check.add_argument(
        "--output",
        type=Path,
        metavar="FILE",
        help=f"write every problem to FILE (text lists only the first {PRINTED_PROBLEMS} on the screen)",
    )
    check.set_defaults(run=run_check)

    build = commands.add_parser(
        "build",
        help="check, then build the site into --out",
        description="Check the data packages, then generate the pages and build the site "
        "with MkDocs Material into --out. The previous site in --out is replaced "
        "only if the whole build succeeds.",
    )
    _datasets_option(build)
    build.add_argument(
        "--out", type=Path, default=Path("site"), metavar="DIR", help="folder for the built site (default: site)"
    )
    _progress_options(build)
    build.add_argument(
        "--no-cache",
        action="store_true",
        help="recompute everything instead of reusing unchanged packages' results from build/cache",
    )
    build.set_defaults(run=run_build)

    serve = commands.add_parser(
        "serve",
        help="preview the site on 127.0.0.1 and rebuild on changes",
        description="Build the site into build/preview, serve it on http://127.0.0.1:PORT/ "
        "and rebuild when a dataset, template, page or asset changes.",
    )
    _datasets_option(serve)
    serve.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    serve.set_defaults(run=run_serve)
    _release_commands(commands)
    return parser


def _progress_options(parser: argparse.ArgumentParser) -> None:
    volume = parser.add_mutually_exclusive_group()
    volume.add_argument("--quiet", "-q", action="store_true", help="print nothing but problems and errors")
    volume.add_argument("--verbose", "-v", action="store_true", help="also print what each stage did")


def _release_commands(commands) -> None:
    from ..read.standard import PERIOD_KINDS

    new = commands.add_parser(
        "new-period",
        help="add a campaign period (and its comparison window) with empty figures and a source to fill in",
        description="Add a period to the package that holds periods of --kind (or --package), "
        "with one empty figure per measure and group of the last such period, a source "
        "stub, a draft release entry in changelog.yml and the new version. A comparison window "
        "announced with it (--window-start ...) goes in the same call: one source, one entry, "
        "one version. Then fill in what `check` lists.",
    )
    _datasets_option(new)
    new.add_argument("--id", required=True, help="id of the new period, e.g. crackdown-2025-11-17")
    new.add_argument("--start", required=True, metavar="DATE", help="first day, YYYY-MM-DD")
    new.add_argument(
        "--end", required=True, metavar="DATE", help="last day (for a snapshot: the as-of date), YYYY-MM-DD"
    )
    new.add_argument("--name-ko", required=True, help="name of the period in Korean")
    new.add_argument("--name-en", required=True, help="name of the period in English")
    new.add_argument("--kind", choices=PERIOD_KINDS, default="crackdown", help="kind of period (default: crackdown)")
    new.add_argument("--compare-to", metavar="ID", help="id of a period already in the package to compare with")
    window = new.add_argument_group(
        "comparison window", "the period before, announced with the new one (all four options, or none)"
    )
    window.add_argument("--window-start", metavar="DATE", help="its first day, YYYY-MM-DD")
    window.add_argument("--window-end", metavar="DATE", help="its last day, YYYY-MM-DD")
    window.add_argument("--window-name-ko", metavar="NAME", help="its name in Korean")
    window.add_argument("--window-name-en", metavar="NAME", help="its name in English")
    window.add_argument("--window-id", metavar="ID", help="its id (default: window-START)")
    new.add_argument("--package", metavar="NAME", help="package to add it to (default: the one holding --kind periods)")
    new.set_defaults(run=run_new_period)

    diff = commands.add_parser(
        "diff",
        help="list the figures added, removed or changed since the last release",
        description="Compare every package's figures with the last published release "
        "(releases/<version>.csv in the package), or with --against, cell by cell: "
        "period, measure, group, old and new value and source.",
    )
    _datasets_option(diff)
    diff.add_argument(
        "--against",
        metavar="DIR_OR_GIT_REF",
        help="a datasets folder or a git ref (tag, branch, commit) to compare with",
    )
    diff.set_defaults(run=run_diff)

    release = commands.add_parser(
        "release",
        help="record the published figures as the baseline of the next diff",
        description="After a successful build: for every package whose version has no "
        "releases/<version>.csv yet, record its observations there. Commit the "
        "files with the data; the next diff and build compare with them.",
    )
    _datasets_option(release)
    release.set_defaults(run=run_release)


def _datasets_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--datasets",
        type=Path,
        default=Path("datasets"),
        metavar="DIR",
        help="folder that holds the data packages (default: datasets)",
    )


def report(problems: list[Problem], fmt: str = "text", output: Path | None = None) -> None:
    """The problems on stdout: every one as JSON, the first PRINTED_PROBLEMS as text; or every one into output.
    The count (and, when some were left out, how to get them all) goes to stderr."""
    if output is not None:
        try:
            with open(output, "w", encoding="utf-8") as stream:
                _write(problems, fmt, stream, len(problems))
        except OSError as error:
            raise SiteError(f"{describe(error)} - pass --output a file in a folder you can write to") from error
    else:
        _write(problems, fmt, sys.stdout, PRINTED_PROBLEMS if fmt == "text" else len(problems))
    if not problems or fmt == "json" and output is None:
        return
    found = f"{len(problems):,} problem{'s' if len(problems) != 1 else ''} found"
    if output is not None:
        print(f"{found}; every one is in {output}.", file=sys.stderr)
    elif len(problems) > PRINTED_PROBLEMS:
        print(
            f"{found}; only the first {PRINTED_PROBLEMS} are listed above - run `python build_site.py check "
            "--output problems.txt` (or `--format json`) to get every one.",
            file=sys.stderr,
        )
    else:
        print(f"{found}.", file=sys.stderr)


def _write(problems: list[Problem], fmt: str, stream, limit: int) -> None:
    if fmt == "json":
        report = {"problems": [p.as_dict() for p in problems], "count": len(problems)}
        json.dump(report, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return
    stream.writelines(f"{problem}\n" for problem in problems[:limit])


def run_check(args) -> int:
    from ..build import check

    problems, publications = check(args.datasets, load_config())
    report(problems, args.format, args.output)
    if not problems and args.format == "text":
        print(f"{len(publications)} data package{'s' if len(publications) != 1 else ''} checked: no problems.")
    return EXIT_PROBLEMS if problems else EXIT_OK


def run_build(args) -> int:
    from ..build import build_site
    from ..read.catalog import find_packages
    from ..util.progress import NORMAL, QUIET, VERBOSE, Progress

    progress = Progress(QUIET if args.quiet else VERBOSE if args.verbose else NORMAL)
    from ..util.cache import default_cache

    config = load_config()
    problems = build_site(args.datasets, args.out, config, progress, None if args.no_cache else default_cache(config))
    progress.summary(args.out, len(find_packages(args.datasets)), len(problems))
    if problems:
        report(problems)
        print(f"Nothing was published; {args.out} is unchanged.", file=sys.stderr)
        return EXIT_PROBLEMS
    if not args.quiet:
        print(f"Site built in {args.out}/")
    return EXIT_OK


def run_serve(args) -> int:
    from .serve import serve

    serve(args.datasets, args.port, load_config())
    return EXIT_OK


def run_new_period(args) -> int:
    from .scaffold import new_period

    done = new_period(
        args.datasets,
        args.id,
        args.start,
        args.end,
        args.name_ko,
        args.name_en,
        args.kind,
        args.compare_to,
        args.package,
        _window(args),
    )
    added = f"period {done.period_id}" + (f" and its comparison window {done.window_id}" if done.window_id else "")
    print(f"Added {added} to {done.package} ({done.why}), version {done.version}. Fill in:")
    for line in done.todo:
        print(f"  {line}")
    if done.also:
        print("Also look at:")
        for line in done.also:
            print(f"  {line}")
    print("Then run: python build_site.py check")
    return EXIT_OK


def _window(args):
    """The comparison window of new-period's options, or None; all four of its options or none."""
    from .scaffold import Window

    given = {
        "--window-start": args.window_start,
        "--window-end": args.window_end,
        "--window-name-ko": args.window_name_ko,
        "--window-name-en": args.window_name_en,
    }
    if not any(given.values()) and not args.window_id:
        return None
    missing = [option for option, value in given.items() if not value]
    if missing:
        raise SiteError(f"{', '.join(missing)}: missing - a comparison window needs its start, end and both names")
    return Window(
        args.window_id or f"window-{args.window_start}",
        args.window_start,
        args.window_end,
        args.window_name_ko,
        args.window_name_en,
    )


def run_diff(args) -> int:
    from ..read import changes, records
    from ..read.catalog import find_packages, read_table

    total = 0
    for folder in find_packages(args.datasets):
        old = records.baseline(folder, args.against)
        since = args.against or records.latest_snapshot(folder)[0] or "nothing (no release recorded yet)"
        found = changes.diff(old, read_table(folder / "data" / "observations.csv"))
        print(f"{folder.name}: {len(found)} change{'' if len(found) == 1 else 's'} since {since}")
        for change in found:
            print(f"  {change}")
        total += len(found)
    if total:
        print("Each change needs a changelog entry; `python build_site.py check` lists the ones without.")
    return EXIT_OK


def run_release(args) -> int:
    from ..build import check
    from ..publish import all_figures
    from ..publish.downloads import record_version
    from ..read import changes, records
    from ..read.catalog import find_packages
    from ..read.chart_addresses import PUBLISHED, record_published

    for folder in find_packages(args.datasets):  # first the versions published without a record, from git
        entries, _ = changes.read_changelog(folder)
        for entry in records.unrecorded(folder, entries):
            commit, observations = records.recover(folder, entry.version)
            path = records.write_snapshot(folder, entry.version, observations)
            print(
                f"{folder.name} {entry.version}: recorded {path} (from commit {commit[:7]}, its last at {entry.version})"
            )
    problems, publications = check(args.datasets, load_config())
    if problems:
        report(problems)
        print("Nothing more was recorded: fix the problems first.", file=sys.stderr)
        return EXIT_PROBLEMS
    for publication in publications:
        dataset = publication.dataset
        observations = (dataset.folder / "data" / "observations.csv").read_bytes()
        path = records.write_snapshot(dataset.folder, dataset.version, observations)
        whole = dataset.folder / records.RELEASES / dataset.version  # its files, for its folder once it is earlier
        recorded = [str(p) for p in (path, whole if record_version(dataset, whole) else None) if p]
        print(
            f"{dataset.name} {dataset.version}: "
            + (f"recorded {', '.join(recorded)}" if recorded else "already recorded")
        )
    every = all_figures.downloads(publications, load_config().site_url)
    kept = all_figures.record(every, args.datasets / all_figures.NAME)
    print(f"{all_figures.NAME} {every.version}: " + (f"recorded {kept}" if kept else "already recorded"))
    new = record_published([chart.id for p in publications for chart in p.charts], args.datasets)
    print(f"charts: {new} new chart address(es) recorded in {args.datasets / PUBLISHED}")
    return EXIT_OK
