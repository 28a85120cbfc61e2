"""Measure SVG -> PNG renderers on the site's chart images: speed, identical bytes, and which font they set.

Usage: python benchmarks/image_renderers.py SITE_DIR
SITE_DIR is a built site (its charts/*/*.svg are the input). Each renderer that is installed in the running
Python is tried: resvg-py (the one the build uses), vl-convert-python and cairosvg (install them into a
scratch environment to compare: they are not dependencies of the project). For each it prints the
milliseconds per image, whether two renderings give the same bytes, the total PNG size, and whether the
Korean text was set in Pretendard (the font the build ships): the share of pixels that differ from resvg's
rendering with only the Pretendard files. Nothing here is a pass/fail test.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONT_DIR = ROOT / "node_modules" / "pretendard" / "dist" / "public" / "static"
FONTS = [str(FONT_DIR / "Pretendard-Regular.otf"), str(FONT_DIR / "Pretendard-Bold.otf")]


def resvg_py(svg: str) -> bytes:
    import resvg_py as r

    return bytes(
        r.svg_to_bytes(
            svg_string=svg,
            font_files=FONTS,
            skip_system_fonts=True,
            font_family="Pretendard",
            sans_serif_family="Pretendard",
        )
    )


def vl_convert(svg: str) -> bytes:
    import vl_convert as vlc

    if not getattr(vl_convert, "registered", False):
        vlc.register_font_directory(str(FONT_DIR))  # added to the system fonts, which it also reads
        vl_convert.registered = True
    return vlc.svg_to_png(svg)


def cairosvg(svg: str) -> bytes:
    import cairosvg as c  # no way to give it a font file: cairo asks fontconfig for the family by name

    return c.svg2png(bytestring=svg.encode("utf-8"))


def pixels(png: bytes):
    """Grey pixel values, if Pillow is installed (for comparing renderings); else None."""
    try:
        from PIL import Image
    except ImportError:
        return None
    return Image.open(io.BytesIO(png)).convert("L").tobytes()


def main(site: Path) -> None:
    svgs = sorted(site.glob("charts/*/*.svg")) + sorted(site.glob("en/charts/*/*.svg"))
    if not svgs:
        sys.exit(f"{site}: no charts/*/*.svg - build the site first")
    texts = [path.read_text(encoding="utf-8") for path in svgs]
    reference = [resvg_py(svg) for svg in texts[:10]]
    print(f"{len(texts)} SVGs from {site}")
    print(f"{'renderer':<18}{'ms/image':>10}{'same bytes':>12}{'PNG total':>12}{'differs from Pretendard':>26}")
    for render in (resvg_py, vl_convert, cairosvg):
        try:
            render(texts[0])
        except ImportError:
            print(f"{render.__name__:<18}not installed")
            continue
        times, outputs = [], []
        for svg in texts:
            started = time.perf_counter()
            outputs.append(render(svg))
            times.append((time.perf_counter() - started) * 1000)
        same = all(render(svg) == png for svg, png in zip(texts[:10], outputs))
        differ = "n/a (no Pillow)"
        a, b = pixels(outputs[0]), pixels(reference[0])
        if a is not None:
            differ = f"{sum(1 for x, y in zip(a, b) if abs(x - y) > 32) / len(a):.2%}"
        print(
            f"{render.__name__:<18}{statistics.median(times):>10.1f}{str(same):>12}"
            f"{sum(map(len, outputs)) / 1e6:>10.2f}MB{differ:>26}"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
