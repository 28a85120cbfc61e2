"""Static assets: the site's own files, the plotly.js bundle, and gzip copies of text files.

plotly.js comes from the npm package plotly.js-basic-dist-min (bar, scatter
and pie traces: all the charts need), locked in package-lock.json and
installed by `make site` (npm ci). It must be the plotly.js version that the
pinned plotly.py writes figures for.
"""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

from .. import SiteError

PLOTLY_PACKAGE = Path("node_modules") / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
PLOTLY_TARGET = Path("js") / "plotly-basic.min.js"  # inside assets/; charts.js loads it from beside itself
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".csv", ".txt"}
MIN_BYTES = 512  # smaller files gain nothing from gzip


def copy_assets(source: Path, target: Path, root: Path) -> None:
    """site_src/assets -> target, plus the plotly.js bundle from node_modules."""
    shutil.copytree(source, target)
    bundle = plotly_bundle(root)
    shutil.copyfile(bundle, target / PLOTLY_TARGET)


def plotly_bundle(root: Path) -> Path:
    """The installed plotly.js basic bundle; SiteError if it is missing or not plotly.py's version."""
    import plotly.offline

    bundle = root / PLOTLY_PACKAGE
    if not bundle.is_file():
        raise SiteError(f"{bundle}: not found - run `make site` (it installs the locked npm packages with `npm ci`)")
    wanted = plotly.offline.get_plotlyjs_version()
    header = bundle.read_text(encoding="utf-8", errors="replace")[:200]
    found = re.search(r"plotly\.js \(basic - minified\) v(\S+)", header)
    if not found or found.group(1) != wanted:
        have = found.group(1) if found else "unknown"
        raise SiteError(
            f"{bundle}: plotly.js {have}, but plotly {plotly.__version__} writes figures for plotly.js "
            f"{wanted} - set plotly.js-basic-dist-min to {wanted} in package.json, then `npm install`"
        )
    return bundle


def precompress(site_dir: Path) -> None:
    """Write name.gz beside every text file worth compressing, byte-identical from build to build."""
    for path in sorted(site_dir.rglob("*")):
        if not (
            path.parent / "SHA256SUMS"
        ).exists():  # a download folder: its files are listed and checksummed as they are
            compress(path)


def compress(path: Path) -> None:
    """path.gz beside a text file worth compressing (nothing for other files)."""
    if path.suffix not in COMPRESSIBLE or not path.is_file() or path.stat().st_size < MIN_BYTES:
        return
    data = path.read_bytes()
    with open(path.with_name(path.name + ".gz"), "wb") as raw:
        # No file name and mtime 0 in the header: the same input gives the same bytes.
        with gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out:
            out.write(data)
