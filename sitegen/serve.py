"""Local preview: build, serve on 127.0.0.1, rebuild when an input changes."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

from .build import build_site
from .config import Config

POLL_SECONDS = 0.5


def serve(datasets_dir: Path, port: int, config: Config) -> None:
    out = config.root / "build" / "preview"
    watched = [datasets_dir, config.site_src, config.mkdocs_yml]
    _rebuild(datasets_dir, out, config)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)  # out is re-read on every request
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving on http://127.0.0.1:{port}/ - press Ctrl+C to stop.")
    seen = _snapshot(watched)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            now = _snapshot(watched)
            if now != seen:
                seen = now
                _rebuild(datasets_dir, out, config)
    finally:
        server.shutdown()


def _rebuild(datasets_dir: Path, out: Path, config: Config) -> None:
    started = time.monotonic()
    problems = build_site(datasets_dir, out, config)
    for problem in problems:
        print(problem)
    state = f"{len(problems)} problems, previous preview kept" if problems else "rebuilt"
    print(f"{state} in {time.monotonic() - started:.1f}s")


def _snapshot(paths: list[Path]) -> dict[str, float]:
    files = {}
    for path in paths:
        candidates = [path] if path.is_file() else path.rglob("*")
        files.update({str(f): f.stat().st_mtime for f in candidates if f.is_file()})
    return files

