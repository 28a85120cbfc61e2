"""A page of its own for every chart, an embeddable copy of it, and pages for charts that were removed.

`charts/<id>/` (and `/en/charts/<id>/`) shows one chart with its summary,
table, notes, sources, licence, citation, the CSV of its data, the images and
the <iframe> snippet that embeds it. `embed/<id>/` is the chart alone (no site
chrome, the same Content-Security-Policy, readable with JavaScript off), with
its source line, licence and a link back. A chart id is its address: it must
not change while the chart exists (sitegen.read.chart_addresses); a removed
chart keeps a page at its address saying so and where its data went.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..util import i18n
from .pages import Page, Publication, make_environment

EMBED_WIDTH = 640  # the widest the embed snippet lets the chart be, in CSS pixels
EMBED_NARROWEST = 360  # the narrowest column it is made for: its written height fits there, so at any wider one too


def chart_index(publications: list[Publication]) -> dict[str, tuple]:
    """Every chart id -> (chart, its publication)."""
    return {chart.id: (chart, p) for p in publications for chart in p.charts}


def render(
    publications: list[Publication], strings: dict, config, docs: dict[str, Path], removed: list[dict]
) -> list[Page]:
    """The Markdown of every chart page and removed-chart page (removed_charts()), per language."""
    env = make_environment(config.site_src / "templates")
    charts = chart_index(publications)
    for lang, docs_dir in docs.items():
        common = {
            "lang": lang,
            "t": strings[lang],
            "i18n": i18n,
            "root": "../../",
            "site_root": "../../" if lang == "ko" else "../../../",
        }
        for chart_id, (chart, publication) in charts.items():
            _write(
                docs_dir / "charts" / f"{chart_id}.md",
                env.get_template("chart_page.md.j2").render(
                    **common,
                    chart=chart,
                    p=publication,
                    embed=embed_snippet(chart, lang, config, strings[lang]),
                    chart_page=True,
                    citation=citation(chart, publication, lang, config),
                ),
            )
        for entry in removed:
            _write(
                docs_dir / "charts" / f"{entry['id']}.md",
                env.get_template("chart_removed.md.j2").render(
                    **common,
                    entry=entry,
                    dataset=next((p.dataset for p in publications if p.dataset.name == entry["dataset"]), None),
                ),
            )
    return []  # reached from the charts they show, not from the navigation


def write_embeds(publications: list[Publication], strings: dict, config, lang: str, site_dir: Path) -> None:
    """embed/<id>/index.html of one language's site: the chart without the site around it."""
    env = make_environment(config.site_src / "templates")
    up = "../../" if lang == "ko" else "../../../"
    for chart_id, (chart, publication) in chart_index(publications).items():
        canonical = f"{_base(config)}{'' if lang == 'ko' else 'en/'}charts/{chart_id}/" if config.site_url else ""
        html = env.get_template("embed.html.j2").render(
            lang=lang,
            t=strings[lang],
            i18n=i18n,
            chart=chart,
            p=publication,
            root=up,
            site_root=up,
            site_name=_site_name(config, lang),
            chart_page=True,
            embedded=True,
            source_names=embed_sources(chart, lang),
            canonical=canonical,
        )
        _write(site_dir / "embed" / chart_id / "index.html", html)


def embed_sources(chart, lang: str) -> list[str]:
    """Who released the chart's figures (else who reported them), each once, in the order of its sources: the embed's
    one-line source names the first of them ("경찰청 외" / "KNPA and others")."""
    names = [c.released_by[lang] or c.outlet(lang) for c in chart.credits]
    return list(dict.fromkeys(name for name in names if name))


def embed_height(chart, lang: str, t: dict, width: int = EMBED_NARROWEST) -> int:
    """The height in CSS pixels that the embedded chart needs in a column `width` wide: the drawing's own heights,
    read from the drawing made at build time (so a change in how charts are drawn changes it too), and its texts at
    the sizes charts.css gives them in body.embed, counted generously (tests/browser/test_phone_layout.py loads every
    embed at 360 and 640 px and checks that it fits)."""
    width -= 32  # the body's padding
    height = 24.0  # the body's padding
    height += _text(chart.title[lang], 18, width, bold=True) + 12
    if chart.subtitle:
        height += _text(chart.subtitle[lang], 14, width)
    height += _drawing_height(str(chart.drawing[lang]), width)
    height += _text(chart.summary[lang], 15, width) + 13
    if chart.note:
        height += _text(f"{t['chart_note']}: {chart.note[lang]}", 13, width) + 8
    names = embed_sources(chart, lang)
    source = t["embed_source_more"].format(name=names[0]) if len(names) > 1 else "".join(names)
    height += _text(f"{t['source_label']}: {source} · {t['chart_licence']}: {chart.licence[0]}", 13, width) + 8
    height += 30  # the data table's summary line
    height += _text(t["chart_embed_back"].format(site="x" * 40), 13, width) + 8  # the link back, with the site's name
    return int(height) + 16  # and a little room, so that no scroll bar appears


_SVG = re.compile(r"<(/?)svg\b([^>]*)>")
_HEIGHT = re.compile(r'\bheight="([\d.]+)"')


def _drawing_height(markup: str, width: float) -> float:
    """The drawing's height: its outermost <svg>s at the heights they are drawn at, the label above each row of bars
    and the legend (both HTML text that wraps)."""
    height, depth = 0.0, 0
    for tag in _SVG.finditer(markup):
        if tag.group(1):
            depth -= 1
            continue
        if depth == 0 and "chart__key" not in tag.group(2):
            found = _HEIGHT.search(tag.group(2))
            height += float(found.group(1)) if found else 0
        depth += 0 if tag.group(2).rstrip().endswith("/") else 1
    for label in re.findall(r'class="chart__label"[^>]*>([^<]*)<', markup):
        height += _text(html.unescape(label), 14, width, 1.3) + 12  # a row's margins
    legend = re.search(r'<ul class="chart__legend">(.*?)</ul>', markup, re.S)
    if legend:
        items = [re.sub(r"<[^>]+>", "", item) for item in re.findall(r"<li>(.*?)</li>", legend.group(1), re.S)]
        lines, used = 1, 0.0
        for item in items:
            size = 28 + _advance(html.unescape(item), 14) + 16  # the key, the name, the gap
            if used and used + size > width:
                lines, used = lines + 1, 0.0
            used += size
        height += lines * 14 * 1.5 + (lines - 1) * 5 + 8
    return height


def _advance(text: str, size: float, bold: bool = False) -> float:
    """A generous width of a text: wide characters (Hangul) the font size, others 0.58 of it (0.62 bold)."""
    narrow = 0.62 if bold else 0.58
    return sum(size if ord(ch) > 0x2E7F else size * narrow for ch in text)


def _text(text: str, size: float, width: float, line_height: float = 1.5, bold: bool = False) -> float:
    """The height of a paragraph: its lines, counting a tenth of each line lost where it breaks between words."""
    lines = max(1, -(-_advance(text, size, bold) // (width * 0.9)))
    return lines * size * line_height


def embed_snippet(chart, lang: str, config, t: dict) -> str:
    """The code to copy: the <iframe>, with a title for screen readers and the height the chart needs in a 360 px
    column, and the site's script that fits that height to the column the chart is in (embed-host.js)."""
    src = f"{_base(config)}{'' if lang == 'ko' else 'en/'}embed/{chart.id}/"
    title = chart.title[lang].replace('"', "&quot;")
    return (
        f'<iframe src="{src}" title="{title}" width="100%" height="{embed_height(chart, lang, t)}" '
        f'style="border:0;max-width:{EMBED_WIDTH}px" loading="lazy"></iframe>\n'
        f'<script src="{_base(config)}assets/js/embed-host.js" async></script>'
    )


def citation(chart, publication: Publication, lang: str, config) -> str:
    """A citation of the chart: the site, the chart title, the dataset and its version, the chart's address and the
    original releases (outlet and date in the reader's language), with no bracket inside another."""
    page = f"{_base(config)}{'' if lang == 'ko' else 'en/'}charts/{chart.id}/"
    site, dataset = _site_name(config, lang), publication.dataset
    sources = "; ".join(
        ", ".join(filter(None, [c.outlet(lang), i18n.source_date(c.published, c.precision, lang)]))
        for c in chart.credits
    )
    if lang == "ko":
        return f"{site}, 「{chart.title['ko']}」, 데이터 「{dataset.text('title', 'ko')}」 {dataset.version}판. {page}. 원자료: {sources}."
    return (
        f'{site}, "{chart.title["en"]}", data "{dataset.text("title", "en")}" version {dataset.version}. {page}. '
        f"Original releases: {sources}."
    )


def _base(config) -> str:
    """The site's address, or a placeholder a reader replaces when the site has no site_url yet."""
    return config.site_url.rstrip("/") + "/" if config.site_url else "/"


def _site_name(config, lang: str) -> str:
    return config.site_name_ko if lang == "ko" else config.site_name_en


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
