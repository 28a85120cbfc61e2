"""Command line: check, build, serve. The only place that prints problems and exits."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import SiteError
from .config import load_config
from .problems import Problem

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except SiteError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build_site.py",
        description="Check the data packages and build the deepfake sex crime statistics site.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate every data package and list every problem",
                                description="Validate every data package under --datasets and list every problem "
                                            "as file:row:field: [code] what is wrong - what to do. "
                                            "Exit status 1 if there is any problem, 0 otherwise.")
    _datasets_option(check)
    check.add_argument("--format", choices=["text", "json"], default="text",
                       help="text for people (default), json for CI and tools")
    check.set_defaults(run=run_check)

    build = commands.add_parser("build", help="check, then build the site into --out",
                                description="Check the data packages, then generate the pages and build the site "
                                            "with MkDocs Material into --out. The previous site in --out is replaced "
                                            "only if the whole build succeeds.")
    _datasets_option(build)
    build.add_argument("--out", type=Path, default=Path("site"), metavar="DIR",
                       help="folder for the built site (default: site)")
    build.set_defaults(run=run_build)

    serve = commands.add_parser("serve", help="preview the site on 127.0.0.1 and rebuild on changes",
                                description="Build the site into build/preview, serve it on http://127.0.0.1:PORT/ "
                                            "and rebuild when a dataset, template, page or asset changes.")
    _datasets_option(serve)
    serve.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    serve.set_defaults(run=run_serve)
    return parser


def _datasets_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--datasets", type=Path, default=Path("datasets"), metavar="DIR",
                        help="folder that holds the data packages (default: datasets)")


def report(problems: list[Problem], fmt: str = "text") -> None:
    if fmt == "json":
        json.dump({"problems": [p.as_dict() for p in problems], "count": len(problems)}, sys.stdout,
                  ensure_ascii=False, indent=2)
        print()
        return
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", file=sys.stderr)


def run_check(args) -> int:
    from .validation import check_datasets

    problems, datasets = check_datasets(args.datasets, load_config())
    report(problems, args.format)
    if not problems and args.format == "text":
        print(f"{len(datasets)} data package{'s' if len(datasets) != 1 else ''} checked: no problems.")
    return EXIT_PROBLEMS if problems else EXIT_OK


def run_build(args) -> int:
    from .build import build_site

    problems = build_site(args.datasets, args.out, load_config())
    if problems:
        report(problems)
        print(f"Nothing was published; {args.out} is unchanged.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Site built in {args.out}/")
    return EXIT_OK


def run_serve(args) -> int:
    from .serve import serve

    serve(args.datasets, args.port, load_config())
    return EXIT_OK
