"""Every chart as a picture that travels alone: an SVG and a PNG of 1200×630 per language.

The picture is drawn from the chart's model with the page's own geometry (sitegen.render.drawing: bars run
horizontally and take BAR_SPACE of the width for the longest, a line uses `line_axis`, `nice_ticks` and
the placing of texts of chart_layout, the Okabe-Ito palette), and it carries its provenance in it: title, subtitle, the source
line (publishers and dates), the licence, the site's name and address. 1200×630 is the Open Graph size, so
the same PNG is the page's link preview.

Text is set in Pretendard (SIL Open Font License), from the npm package `pretendard` that `make site`
installs: the SVG names the family, the PNG renderer (resvg, from the PyPI package resvg-py) loads exactly
these font files and no system font, and text is measured with the same files (fontTools) to wrap titles
and fit labels. The same chart gives the same bytes on any machine. A PNG is cached under build/cache by a
hash of its SVG, the font files and the renderer's version, so an unchanged chart is not drawn again.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import tempfile
from pathlib import Path

from markupsafe import escape

from .. import SiteError
from ..config import Config
from ..render import chart_layout as layout
from ..render import drawing
from ..util import i18n, parallel
from . import assets

WIDTH, HEIGHT = 1200, 630
MARGIN = 56
FONT_DIR = Path("node_modules") / "pretendard" / "dist" / "public" / "static"
FONTS = {400: "Pretendard-Regular.otf", 700: "Pretendard-Bold.otf"}
FAMILY = "Pretendard, 'Noto Sans KR', 'Apple SD Gothic Neo', sans-serif"
INK, MUTED, FAINT, RULE = "#1a1a1a", "#4d4d4d", "#767676", "#d9d9d9"
RENDERER = "resvg-py"
PREVIEW_CHART = "deepfake-crimes-by-year"  # the picture of a shared link to a page without a chart of its own
FOLDERS = {"ko": Path("charts"), "en": Path("en") / "charts"}  # inside the site, beside each chart's page


# --- where the pictures are ---------------------------------------------------------------------------------------


def image_path(chart_id: str, lang: str, suffix: str = "png") -> str:
    """A chart's picture relative to the site root, e.g. "en/charts/<id>/<id>.png"."""
    return (FOLDERS[lang] / chart_id / f"{chart_id}.{suffix}").as_posix()


def page_image(chart_id: str, suffix: str = "png") -> str:
    """The same picture relative to its language's root (what a page of that language links): "charts/<id>/<id>.png"."""
    return f"charts/{chart_id}/{chart_id}.{suffix}"


def site_preview(publications, strings: dict, lang: str) -> dict:
    """The link preview of a page that has no chart of its own: the home page's headline chart (PREVIEW_CHART, or
    the first chart if there is no such chart), its title as the image's text alternative, the site's description."""
    charts = [chart for publication in publications for chart in publication.charts]
    chart = next((c for c in charts if c.id == PREVIEW_CHART), charts[0] if charts else None)
    preview = {"description": strings[lang]["preview_description"], "width": WIDTH, "height": HEIGHT}
    if chart:
        preview.update(image=page_image(chart.id), alt=chart.title[lang])
    return preview


def write_chart_images(publications, out_root: Path, config: Config, cache_folder: Path | None = None) -> Renderer:
    """Write the SVG (and its gzip copy) and the PNG of every chart in both languages into the built site at
    out_root; a PNG is taken from cache_folder when its SVG, fonts and renderer are unchanged. Returns the
    renderer, which counts the PNGs drawn and reused."""
    strings = i18n.load_strings(config.site_src / "i18n")
    renderer = Renderer(font_files(config.root), cache_folder)

    def draw(chart) -> tuple[int, int]:
        before = renderer.drawn, renderer.reused
        for lang in i18n.LANGUAGES:
            svg = chart_svg(chart, lang, strings[lang], config)
            svg_file = out_root / image_path(chart.id, lang, "svg")
            svg_file.parent.mkdir(parents=True, exist_ok=True)
            svg_file.write_text(svg, encoding="utf-8")
            assets.compress(svg_file)
            svg_file.with_suffix(".png").write_bytes(renderer.png(svg))
        return renderer.drawn - before[0], renderer.reused - before[1]

    counts = parallel.run(draw, [chart for publication in publications for chart in publication.charts])
    renderer.drawn, renderer.reused = sum(c[0] for c in counts), sum(c[1] for c in counts)
    return renderer


# --- fonts and text -------------------------------------------------------------------------------------------------


def font_files(root: Path) -> list[Path]:
    files = [root / FONT_DIR / name for name in FONTS.values()]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise SiteError(
            f"{missing[0]}: not found - run `make site` (it installs the locked npm packages, among them "
            f"the font pretendard, with `npm ci`)"
        )
    return files


@functools.cache
def _metrics(path: str) -> tuple[dict[int, int], int]:
    """A font's advance width per character, in font units, and its units per em."""
    from fontTools.ttLib import TTFont

    font = TTFont(path, lazy=True)
    hmtx, cmap = font["hmtx"], font.getBestCmap()
    widths = {code: hmtx[name][0] for code, name in cmap.items()}
    return widths, font["head"].unitsPerEm


class Text:
    """Measures and wraps text as the renderer will set it."""

    def __init__(self, root: Path):
        self.fonts = {weight: str(root / FONT_DIR / name) for weight, name in FONTS.items()}

    def width(self, text: str, size: float, weight: int = 400) -> float:
        widths, em = _metrics(self.fonts[weight])
        fallback = widths.get(ord("가"), em)
        return sum(widths.get(ord(c), fallback) for c in text) * size / em

    def wrap(self, text: str, size: float, width: float, lines: int, weight: int = 400) -> list[str]:
        """Up to `lines` lines no wider than `width`, broken between words (inside a word only when one word is
        wider than a line); what does not fit ends in an ellipsis."""
        pieces = [piece for word in text.split() for piece in self._pieces(word, size, width, weight)]
        out, current = [], ""
        for piece in pieces:
            trial = f"{current} {piece}" if current else piece
            if current and self.width(trial, size, weight) > width:
                out.append(current)
                trial = piece
            current = trial
        if current:
            out.append(current)
        if len(out) > lines:
            out = out[: lines - 1] + [self.clip(" ".join(out[lines - 1 :]), size, width, weight)]
        return out

    def _pieces(self, word: str, size: float, width: float, weight: int) -> list[str]:
        pieces = []
        while self.width(word, size, weight) > width and len(word) > 1:
            cut = 1
            while cut < len(word) and self.width(word[: cut + 1], size, weight) <= width:
                cut += 1
            pieces.append(word[:cut])
            word = word[cut:]
        return pieces + [word]

    def clip(self, text: str, size: float, width: float, weight: int = 400) -> str:
        """text, shortened to end in "…" if it is wider than width."""
        if self.width(text, size, weight) <= width:
            return text
        while text and self.width(text.rstrip() + "…", size, weight) > width:
            text = text[:-1]
        return text.rstrip(" ,·") + "…"


# --- the picture --------------------------------------------------------------------------------------------------


def chart_svg(chart, lang: str, t: dict, config: Config) -> str:
    """The chart as a standalone SVG of WIDTH×HEIGHT: header, chart, footer with source, licence and site."""
    text = Text(config.root)
    inner = WIDTH - 2 * MARGIN
    parts = [
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<rect width="{WIDTH}" height="8" fill="{drawing.PALETTE[0]}"/>',
    ]
    y = 92
    for line in text.wrap(chart.title[lang], 42, inner, 2, 700):
        parts.append(_text(MARGIN, y, line, 42, INK, 700))
        y += 52
    subtitle = chart.subtitle.get(lang, "")
    if subtitle:
        y -= 8
        for line in text.wrap(subtitle, 25, inner, 2):
            parts.append(_text(MARGIN, y, line, 25, MUTED))
            y += 34
    footer, footer_top = _footer(chart, lang, t, config, text)
    parts += footer
    top, bottom = y - 6, footer_top - 26
    if len(chart.model.series) > 1:
        legend, end = _legend(chart.model, lang, text, top)
        parts += legend
        if chart.model.kind == "line":  # the value axis' title goes on the legend's row
            parts.append(_text(WIDTH - MARGIN, top + 20, chart.model.axis_title[lang], 19, FAINT, 400, "end"))
        top += 40
    model = chart.model
    parts += _line(model, lang, text, top, bottom) if model.kind == "line" else _bars(model, lang, text, top, bottom)
    title = escape(chart.title[lang])
    desc = escape(chart.summary.get(lang, ""))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'xml:lang="{lang}" font-family="{FAMILY}" role="img">'
        f"<title>{title}</title><desc>{desc}</desc>{''.join(parts)}</svg>\n"
    )


def _text(x: float, y: float, content: str, size: float, fill: str, weight: int = 400, anchor: str = "start") -> str:
    bold = f' font-weight="{weight}"' if weight != 400 else ""
    align = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return f'<text x="{x:g}" y="{y:g}" font-size="{size:g}" fill="{fill}"{bold}{align}>{escape(content)}</text>'


def _footer(chart, lang: str, t: dict, config: Config, text: Text) -> tuple[list[str], float]:
    """A rule; the source line across the whole width (up to three lines); at the bottom the licence on the left
    and the site's name on the right, with the chart page's address above the name when there is a site_url.
    Returns the parts and the rule's height."""
    size, step, inner = 19, 27, WIDTH - 2 * MARGIN
    name = config.site_name_ko if lang == "ko" else config.site_name_en
    address = chart_address(config, chart.id, lang)
    credits = ", ".join(
        credit.outlet(lang)
        + (f" ({i18n.source_date(credit.published, credit.precision, lang)})" if credit.published else "")
        for credit in chart.credits
    )
    sources = text.wrap(f"{t['source_label']}: {credits}", size, inner, 3) if credits else []
    licence = (
        text.clip(f"{t['chart_licence']}: {chart.licence[0]}", size, inner - text.width(name, size, 700) - 40)
        if chart.licence[0]
        else ""
    )
    rows = sources + ([""] if address else []) + [licence]  # the address has a row of its own, on the right
    baseline = HEIGHT - 26 - step * (len(rows) - 1)
    top = min(baseline - 41, HEIGHT - 112)
    parts = [f'<rect x="{MARGIN}" y="{top:g}" width="{inner}" height="1.5" fill="{RULE}"/>']
    for line in rows:
        if line:
            parts.append(_text(MARGIN, baseline, line, size, MUTED))
        baseline += step
    parts.append(_text(WIDTH - MARGIN, HEIGHT - 26, name, size, INK, 700, "end"))
    if address:
        parts.append(
            _text(WIDTH - MARGIN, HEIGHT - 26 - step, text.clip(address, size, inner), size, FAINT, 400, "end")
        )
    return parts, top


def chart_address(config: Config, chart_id: str, lang: str) -> str:
    """The chart page's address without its scheme ("example.org/charts/<id>/"), or "" without a site_url."""
    if not config.site_url:
        return ""
    base = config.site_url.split("://", 1)[-1].rstrip("/")
    return f"{base}/{FOLDERS[lang].as_posix()}/{chart_id}/"


def _legend(model: drawing.Model, lang: str, text: Text, top: float) -> tuple[list[str], float]:
    parts, x = [], MARGIN
    for s in model.series:
        colour = drawing.PALETTE[s.colour]
        if model.kind == "line":  # a stretch of line, dashed for a subset (as on the page)
            dash = ' stroke-dasharray="7 4"' if s.subset_of else ""
            parts.append(
                f'<line x1="{x}" x2="{x + 18}" y1="{top + 13:g}" y2="{top + 13:g}" stroke="{colour}" '
                f'stroke-width="4"{dash}/>'
            )
        else:
            parts.append(f'<rect x="{x}" y="{top + 4:g}" width="18" height="18" rx="3" fill="{colour}"/>')
        parts.append(_text(x + 26, top + 20, s.name(lang), 21, INK))
        x += 26 + text.width(s.name(lang), 21) + 32
    return parts, x


def _bars(model: drawing.Model, lang: str, text: Text, top: float, bottom: float) -> list[str]:
    """Horizontal bars as on the page: one row per category, the longest bar BAR_SPACE of the bar area."""
    stacked, grouped = model.kind == "stacked-bar", model.kind == "grouped-bar"
    per_row = len(model.series) if grouped else 1
    row = min((bottom - top) / len(model.categories), 48.0 * per_row + 44)
    top += (bottom - top - row * len(model.categories)) / 2  # a short list of bars sits in the middle
    bar = min(40.0, (row - 14) / per_row) if per_row > 1 else min(48.0, row * 0.62)
    size = max(14.0, min(22.0, bar * 0.75 if per_row > 1 else row * 0.45))
    labels = model.labels[lang]
    label_width = min(max(text.width(label, size) for label in labels), (WIDTH - 2 * MARGIN) * 0.42)
    x0 = MARGIN + label_width + 18
    totals = [sum(v or 0 for v in column) for column in zip(*(s.values for s in model.series))]
    largest = max(totals if stacked else [v for s in model.series for v in s.values if v is not None], default=0) or 1
    scale = (WIDTH - MARGIN - x0) * drawing.BAR_SPACE / 100 / largest
    suppressed = model.suppressed.get(lang, "")
    parts = [f'<rect x="{x0 - 1:g}" y="{top:g}" width="1.5" height="{row * len(model.categories):g}" fill="{RULE}"/>']
    for index, (category, label) in enumerate(zip(model.categories, labels)):
        row_top = top + row * index
        lines = text.wrap(label, size, label_width, 2 if row >= size * 2.3 else 1)
        first = row_top + row / 2 + size * 0.36 - (len(lines) - 1) * size * 0.6
        for number, line in enumerate(lines):
            parts.append(_text(x0 - 14, first + number * size * 1.2, line, size, INK, 400, "end"))
        y = row_top + (row - bar * per_row) / 2
        if stacked:
            x = x0
            for s in model.series:
                v = s.values[index]
                if v is not None:
                    parts.append(_bar(x, y, v * scale, bar, s.colour))
                    x += v * scale
            parts.append(
                _text(x + 10, y + bar / 2 + size * 0.36, drawing.value_text(totals[index], lang), size, INK, 700)
            )
            continue
        for s in model.series:
            v = s.values[index]
            baseline = y + bar / 2 + size * 0.36
            if v is None:
                parts.append(_text(x0 + 8, baseline, suppressed, size, FAINT))
            else:
                parts.append(_bar(x0, y, v * scale, bar, model.colour_of(s, category)))
                parts.append(_text(x0 + v * scale + 10, baseline, s.text(index, lang), size, INK, 700))
            y += bar
    return parts


def _bar(x: float, y: float, width: float, height: float, colour: int) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" height="{height - 3:.1f}" rx="3" '
        f'fill="{drawing.PALETTE[colour]}"/>'
    )


def _line(model: drawing.Model, lang: str, text: Text, top: float, bottom: float) -> list[str]:
    """A line over time with the page's axis, rules for its texts (chart_layout) and colours, at the picture's size."""
    axis = drawing.line_axis(model, lang)
    size, value_size = 19, 21
    ticks = [i18n.number(tick, lang) for tick in axis["y_ticks"]]
    left = MARGIN + max(text.width(tick, size) for tick in ticks) + 14
    # With several lines the value axis' title is on the legend's row and each line's last value is at its end.
    several = len(model.series) > 1
    ends = [t for s in model.series for t in drawing.line_labels(model, s, lang) if t]
    right = WIDTH - MARGIN - (max(layout.text_width(t, value_size) for t in ends) + 2 * layout.GAP if several else 28)
    parts = [] if several else [_text(MARGIN, top + 16, model.axis_title[lang], size, FAINT)]
    plot_top = top + (0 if several else 30) + (30 if model.annotations else 0) + 24
    plot = layout.Plot(axis["y_max"], plot_top, bottom - 34, HEIGHT, value_size)
    row = plot_top - 34
    drawn = layout.line_layout(model, lang, plot, (right - left,), WIDTH - MARGIN - right, row)

    def x_of(fx: float) -> float:
        return round(left + fx * (right - left), 1)

    for x0, x1 in drawn["bands"]:
        parts.append(
            f'<rect x="{x_of(x0):g}" y="{row - size:g}" width="{x_of(x1) - x_of(x0):g}" '
            f'height="{plot.bottom - row + size:g}" fill="#767676" fill-opacity="0.14"/>'
        )
    for tick, label in zip(axis["y_ticks"], ticks):
        y = plot.y(tick)
        parts.append(
            f'<rect x="{left:g}" y="{y - 0.75:g}" width="{right - left:g}" height="1.5" '
            f'fill="{RULE if tick else "#9e9e9e"}"/>'
        )
        parts.append(_text(left - 12, y + 6, label, size, MUTED, 400, "end"))
    for position, label in axis["x_ticks"]:
        parts.append(_text(x_of(position), plot.bottom + 30, label, size, MUTED, 400, "middle"))
    for rule in drawn["rules"]:
        x = x_of(rule.fx)
        parts.append(
            f'<line x1="{x:g}" x2="{x:g}" y1="{rule.y0:g}" y2="{rule.y1:g}" stroke="{FAINT}" '
            f'stroke-width="2" stroke-dasharray="6 5"/>'
        )
    for note in drawn["notes"]:
        parts.append(_text(x_of(note.fx) + note.dx, note.y, note.text, size, MUTED, 400, note.anchor))
    for s, points in zip(model.series, drawn["lines"]):
        colour = drawing.PALETTE[s.colour]
        path = " ".join(f"{x_of(p[0]):g},{p[1]:g}" for p in points if p)
        dash = ' stroke-dasharray="12 8"' if s.subset_of else ""
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="4"{dash} '
            f'stroke-linejoin="round" stroke-linecap="round"/>'
        )
        for p in points:
            if p:
                parts.append(
                    f'<circle cx="{x_of(p[0]):g}" cy="{p[1]:g}" r="7" fill="{colour}" stroke="#ffffff" stroke-width="2"/>'
                )
    for value in drawn["values"]:
        parts.append(_text(x_of(value.fx) + value.dx, value.y, value.text, value_size, INK, 700, value.anchor))
    return parts


# --- the PNG --------------------------------------------------------------------------------------------------------


class Renderer:
    """SVG -> PNG with resvg and only the given font files; each PNG cached by its inputs where a folder is given."""

    def __init__(self, fonts: list[Path], cache_folder: Path | None = None):
        self.fonts = [str(f) for f in fonts]
        self.cache_folder = cache_folder
        digest = hashlib.sha256(f"{RENDERER}={importlib.metadata.version(RENDERER)}".encode())
        for font in fonts:
            digest.update(font.read_bytes())
        self.salt = digest.digest()
        self.drawn = 0
        self.reused = 0

    def png(self, svg: str) -> bytes:
        path = None
        if self.cache_folder:
            key = hashlib.sha256(self.salt + svg.encode("utf-8")).hexdigest()
            path = self.cache_folder / f"image-{key}.png"
            try:
                data = path.read_bytes()
                os.utime(path)  # keeps it from the cache's weekly pruning
                self.reused += 1
                return data
            except OSError:
                pass
        import resvg_py

        data = bytes(
            resvg_py.svg_to_bytes(
                svg_string=svg,
                font_files=self.fonts,
                skip_system_fonts=True,
                font_family="Pretendard",
                sans_serif_family="Pretendard",
            )
        )
        self.drawn += 1
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        return data
