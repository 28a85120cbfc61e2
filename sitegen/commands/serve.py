"""Local preview: build, serve on 127.0.0.1, rebuild when an input changes.

When a rebuild finds problems (or fails), the last good preview stays, the
problems are printed in the terminal and shown in a banner at the top of
every page (or on a page of their own if nothing was ever built), until the
next rebuild succeeds.
"""

from __future__ import annotations

import functools
import html
import http.server
import io
import re
import threading
import time
import traceback
from pathlib import Path

from .. import SiteError
from ..build import build_site
from ..config import Config
from ..util.cache import default_cache

POLL_SECONDS = 0.5
_BODY = re.compile(rb"<body[^>]*>")


class Preview:
    """What the server shows besides the files: the problems of the last rebuild."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def banner(self) -> bytes:
        items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in self.problems)
        count = len(self.problems)
        return (
            f'<div id="preview-problems" role="alert" style="background:#fff3cd;color:#000;border:3px solid #b00020;'
            f'padding:1em;margin:0;font:14px/1.4 sans-serif;position:relative;z-index:10">'
            f"<strong>{count} problem{'' if count == 1 else 's'}: this preview shows the last good build.</strong>"
            f"<ol>{items}</ol></div>"
        ).encode()


class Handler(http.server.SimpleHTTPRequestHandler):
    preview: Preview

    def log_message(self, format, *args):  # requests are noise in the maintainer's terminal
        pass

    def send_head(self):
        if not self.preview.problems:
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            page = path.read_bytes()
            match = _BODY.search(page)
            at = match.end() if match else 0
            return self._send(page[:at] + self.preview.banner() + page[at:])
        if not path.exists() and (path.suffix == ".html" or self.path.endswith("/")):
            return self._send(
                b"<!doctype html><meta charset=utf-8><title>Problems</title><body>" + self.preview.banner()
            )
        return super().send_head()

    def _send(self, body: bytes):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)


def serve(datasets_dir: Path, port: int, config: Config) -> None:
    out = config.root / "build" / "preview"
    watched = [datasets_dir, config.site_src, config.mkdocs_yml]
    preview = Preview()
    _rebuild(datasets_dir, out, config, preview)
    handler = functools.partial(type("PreviewHandler", (Handler,), {"preview": preview}), directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)  # out is re-read on every request
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving on http://127.0.0.1:{port}/ - press Ctrl+C to stop.", flush=True)
    seen = _snapshot(watched)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            now = _snapshot(watched)
            if now != seen:
                seen = now
                _rebuild(datasets_dir, out, config, preview)
    finally:
        server.shutdown()


def _rebuild(datasets_dir: Path, out: Path, config: Config, preview: Preview) -> None:
    started = time.monotonic()
    try:
        lines = [str(problem) for problem in build_site(datasets_dir, out, config, cache=default_cache(config))]
    except SiteError as error:
        lines = [f"error: {error}"]
    except Exception as error:  # a half-edited template must not stop the preview
        lines = [f"error: {type(error).__name__}: {error}"]
        traceback.print_exc()
    preview.problems = lines
    for line in lines:
        print(line, flush=True)
    state = f"{len(lines)} problem{'' if len(lines) == 1 else 's'}, previous preview kept" if lines else "rebuilt"
    print(f"{state} in {time.monotonic() - started:.1f}s", flush=True)


def _snapshot(paths: list[Path]) -> dict[str, float]:
    files = {}
    for path in paths:
        for file in [path] if path.is_file() else path.rglob("*"):
            try:
                if file.is_file():
                    files[str(file)] = file.stat().st_mtime_ns
            except OSError:  # an editor's temporary file, gone already
                pass
    return files
