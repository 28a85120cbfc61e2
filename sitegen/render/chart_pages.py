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

from pathlib import Path

from ..util import i18n
from .pages import Page, Publication, make_environment

EMBED_WIDTH = 640  # the width the embed snippet is drawn for, in CSS pixels; its height is computed for it


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
            canonical=canonical,
        )
        _write(site_dir / "embed" / chart_id / "index.html", html)


def embed_height(chart, lang: str, t: dict) -> int:
    """The height in CSS pixels that the embedded chart needs at EMBED_WIDTH, from the sizes in charts.css (body.embed)
    and the length of its texts (tests/browser/test_browser.py loads every embed and checks that it fits)."""
    width = EMBED_WIDTH - 32
    model = chart.model
    height = 24.0  # the body's padding
    height += (
        _text(chart.title[lang], 18, width) + 12 + (_text(chart.subtitle[lang], 14, width) if chart.subtitle else 0)
    )
    if model.kind == "line":
        height += min(width, 480) * 300 / 480
    else:
        bars = 24 * (len(model.series) if model.kind == "grouped-bar" else 1) + 2
        height += sum(_text(label, 14, width, 1.3) + bars + 12 for label in model.labels[lang])
    if len(model.series) > 1:
        height += 34  # the legend
    height += 44  # the "interactive chart" button
    height += _text(chart.summary[lang], 15, width) + 13
    if chart.note:
        height += _text(f"{t['chart_note']}: {chart.note[lang]}", 13, width) + 8
    credits = "; ".join(
        (
            t["released_and_reported"].format(released=c.released_by[lang], outlet=c.outlet(lang))
            if c.released_by[lang]
            else t["reported_only"].format(outlet=c.outlet(lang))
        )
        + f" ({i18n.source_date(c.published, c.precision, lang)})"
        for c in chart.credits
    )
    height += _text(f"{t['source_label']}: {credits}. {t['chart_licence']}: {chart.licence[0]}", 13, width) + 8
    height += 30 + _text(t["chart_embed_back"], 13, width) + 8  # the table's summary line, the link back
    return int(height) + 8  # and a little room, so that no scroll bar appears


def _text(text: str, size: float, width: float, line_height: float = 1.5) -> float:
    """The height of a paragraph: wide characters (Hangul) take about the font size, others about half of it."""
    advance = sum(size if ord(ch) > 0x2E7F else size * 0.56 for ch in text)
    lines = max(1, -(-advance // width))
    return lines * size * line_height


def embed_snippet(chart, lang: str, config, t: dict) -> str:
    """The <iframe> to copy: a title for screen readers and the height the chart needs."""
    src = f"{_base(config)}{'' if lang == 'ko' else 'en/'}embed/{chart.id}/"
    title = chart.title[lang].replace('"', "&quot;")
    return (
        f'<iframe src="{src}" title="{title}" width="100%" height="{embed_height(chart, lang, t)}" '
        f'style="border:0;max-width:{EMBED_WIDTH}px" loading="lazy"></iframe>'
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
