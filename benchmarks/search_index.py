"""What a phone downloads to search: each language's search/search_index.json, raw and gzipped.

    python benchmarks/search_index.py            # the site in site/ (run `build_site.py build` first)
    python benchmarks/search_index.py --site DIR

Prints per language the raw size, the gzipped size (gzip -9, as a server compressing on the fly; the build's own
precompressed .gz beside it when there is one), the number of entries and the five pages that weigh most, so
a page that brings its tables back into the index shows. tests/site/test_search_index_built.py holds the limit.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = {"ko": "", "en": "en/"}


def measure(site: Path) -> dict[str, dict]:
    """{lang: {raw, gzipped, precompressed, entries, heaviest}} of each language's search index under site."""
    found = {}
    for lang, root in LANGUAGES.items():
        path = site / root / "search" / "search_index.json"
        data = path.read_bytes()
        docs = json.loads(data)["docs"]
        pages = Counter()
        for doc in docs:
            pages[doc["location"].split("#")[0] or "(home)"] += len(json.dumps(doc, ensure_ascii=False).encode())
        precompressed = path.with_name(path.name + ".gz")
        found[lang] = {
            "raw": len(data),
            "gzipped": len(gzip.compress(data, compresslevel=9, mtime=0)),
            "precompressed": precompressed.stat().st_size if precompressed.is_file() else None,
            "entries": len(docs),
            "heaviest": pages.most_common(5),
        }
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    args = parser.parse_args(argv)
    if not (args.site / "search" / "search_index.json").is_file():
        print(f"no search index under {args.site}: run `build_site.py build` first", file=sys.stderr)
        return 1
    for lang, sizes in measure(args.site).items():
        pre = f", precompressed {sizes['precompressed'] / 1024:.1f} KiB" if sizes["precompressed"] else ""
        print(
            f"{lang}: {sizes['raw'] / 1024:.1f} KiB raw, {sizes['gzipped'] / 1024:.1f} KiB gzipped{pre},"
            f" {sizes['entries']} entries"
        )
        for page, size in sizes["heaviest"]:
            print(f"    {size / 1024:6.1f} KiB raw  {page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
