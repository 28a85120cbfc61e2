"""Build time with the chart images, cold and from the cache, and the images' total size.

Usage: python benchmarks/chart_images.py [RUNS]
Builds the shipped data RUNS times (default 2) with an empty cache (cold: every PNG drawn) and, after each, once
more with that cache (warm: every PNG read from it), into temporary folders. Prints the whole build's seconds,
the image step's seconds, PNGs drawn and reused, and the images' total bytes. No test asserts a time.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sitegen import build
from sitegen.config import load_config
from sitegen.publish import images
from sitegen.util.cache import Cache

ROOT = Path(__file__).resolve().parent.parent
step: dict[str, float] = {}
original = images.write_chart_images


def timed(*args, **kwargs):
    started = time.perf_counter()
    renderer = original(*args, **kwargs)
    step.update(seconds=time.perf_counter() - started, drawn=renderer.drawn, reused=renderer.reused)
    return renderer


def run(out: Path, cache: Cache) -> tuple[float, dict]:
    started = time.perf_counter()
    assert build.build_site(ROOT / "datasets", out, load_config(ROOT), cache=cache) == []
    return time.perf_counter() - started, dict(step)


def sizes(site: Path) -> dict[str, int]:
    found = [p for p in site.glob("**/charts/*/*") if p.suffix in {".png", ".svg", ".gz"}]
    return {
        suffix: sum(p.stat().st_size for p in found if p.suffix == suffix) for suffix in (".png", ".svg", ".gz")
    } | {"files": sum(p.suffix in {".png", ".svg"} for p in found)}


def main(runs: int) -> None:
    images.write_chart_images = build.images.write_chart_images = timed
    print(f"{'build':<6}{'total s':>9}{'images s':>10}{'drawn':>7}{'reused':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for index in range(runs):
            cache = Cache(Path(folder) / f"cache-{index}", load_config(ROOT))
            for kind in ("cold", "warm"):
                total, image = run(Path(folder) / f"site-{index}-{kind}", cache)
                print(f"{kind:<6}{total:>9.2f}{image['seconds']:>10.2f}{image['drawn']:>7}{image['reused']:>8}")
        size = sizes(Path(folder) / "site-0-cold")
        print(
            f"{size['files']} files: PNG {size['.png'] / 1e6:.2f} MB, SVG {size['.svg'] / 1e6:.2f} MB "
            f"(gzip copies {size['.gz'] / 1e6:.2f} MB)"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
