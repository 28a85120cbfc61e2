"""A static file server on 127.0.0.1 that sends the build's .gz copies, as a production server would.

When the browser accepts gzip and name.gz exists beside name, the .gz bytes
are sent with Content-Encoding: gzip and the type of the original file.
Used by the browser tests and the Lighthouse benchmark.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        url = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(url))
        if path.is_dir():
            if not url.endswith("/"):
                return super().send_head()  # the parent redirects /page to /page/
            path = path / "index.html"
        packed = path.with_name(path.name + ".gz")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not packed.is_file():
            return super().send_head()
        handle = open(packed, "rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(os.fstat(handle.fileno()).st_size))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return handle

    def log_message(self, format, *args):  # noqa: A002 - the parent's signature
        pass


def start(directory: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """Serve directory on 127.0.0.1 in a background thread; port 0 picks a free one (server.server_port)."""
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
