"""Chart images: an SVG and a PNG of 1200×630 per chart and language, with their provenance, the Korean text set
in the shipped font, the same bytes every time, and a PNG drawn again only when its chart changed."""

import dataclasses
import struct
from types import SimpleNamespace

import pytest
from markupsafe import escape

from sitegen.build import publication as publish
from sitegen.config import ROOT
from sitegen.publish import images
from sitegen.read.validation import check_datasets
from sitegen.util import i18n


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def publications(config):
    problems, datasets = check_datasets(ROOT / "datasets", config, None)
    assert problems == []
    strings = i18n.load_strings(config.site_src / "i18n")
    return [publish(dataset, config=config, strings=strings) for dataset in datasets]


def test_every_chart_has_an_svg_and_a_png_in_both_languages(built_site, publications):
    charts = [chart for publication in publications for chart in publication.charts]
    assert len(charts) >= 15  # every declared view of the shipped packages
    for chart in charts:
        for lang in i18n.LANGUAGES:
            png = built_site / images.image_path(chart.id, lang, "png")
            svg = built_site / images.image_path(chart.id, lang, "svg")
            assert png.is_file() and svg.is_file(), f"{chart.id} ({lang}): no image"
            assert png_size(png.read_bytes()) == (1200, 630), png
            text = svg.read_text(encoding="utf-8")
            assert text.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"')
            assert "Pretendard" in text  # the SVG names the font the PNG was set in
    assert (built_site / "charts/deepfake-crimes-by-year/deepfake-crimes-by-year.png").is_file()
    assert (built_site / "en/charts/deepfake-crimes-by-year/deepfake-crimes-by-year.png").is_file()


def test_an_image_carries_title_subtitle_source_licence_and_site(publications, config):
    strings = i18n.load_strings(config.site_src / "i18n")
    chart = next(c for p in publications for c in p.charts if c.id == "crackdown-2024-arrests-by-age")
    for lang, site in (("ko", config.site_name_ko), ("en", config.site_name_en)):
        svg = images.chart_svg(chart, lang, strings[lang], config)
        for text in (
            chart.title[lang],
            chart.subtitle[lang],
            strings[lang]["source_label"],
            chart.credits[0].outlet(lang),
            i18n.source_date(chart.credits[0].published, chart.credits[0].precision, lang),
            chart.licence[0],
            site,
            *chart.model.labels[lang],
        ):
            assert str(escape(text)) in svg, f"{lang}: {text!r} missing"
    with_url = dataclasses.replace(config, site_url="https://example.org/stats/")
    svg = images.chart_svg(chart, "en", strings["en"], with_url)
    assert ">example.org/stats/en/charts/crackdown-2024-arrests-by-age/<" in svg


def test_package_text_is_escaped_in_the_svg(publications, config):
    strings = i18n.load_strings(config.site_src / "i18n")
    chart = publications[0].charts[0]
    evil = dataclasses.replace(chart, title={"ko": "<script>x</script> & 제목", "en": "<b>t</b>"})
    svg = images.chart_svg(evil, "ko", strings["ko"], config)
    assert "<script>" not in svg and "&lt;script&gt;x&lt;/script&gt; &amp; 제목" in svg


def test_korean_text_is_drawn_with_the_shipped_font(config, tmp_path):
    renderer = images.Renderer(images.font_files(config.root))

    def drawn(text: str) -> bytes:
        return renderer.png(
            f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="45" '
            f'font-family="{images.FAMILY}" font-size="40">{text}</text></svg>'
        )

    blank, ga, na = drawn(""), drawn("가"), drawn("나")
    assert ga != blank and na != blank  # a glyph is drawn (no system font is read: it is the shipped one)
    assert ga != na  # and they are different glyphs, not the same missing-glyph box


def test_images_are_identical_and_cached_until_their_chart_changes(publications, config, tmp_path):
    charts = [
        c for p in publications for c in p.charts if c.id in {"deepfake-crimes-by-year", "school-reports-by-level"}
    ]
    cache = tmp_path / "cache"
    first = images.write_chart_images([SimpleNamespace(charts=charts)], tmp_path / "a", config, cache)
    assert (first.drawn, first.reused) == (4, 0)
    again = images.write_chart_images([SimpleNamespace(charts=charts)], tmp_path / "b", config, cache)
    assert (again.drawn, again.reused) == (0, 4)
    fresh = images.write_chart_images([SimpleNamespace(charts=charts)], tmp_path / "c", config, None)
    assert fresh.drawn == 4
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert len(files) == 4 * 2 + 4  # PNG, SVG and the SVG's gzip copy; a small SVG may have none
    for name in files:
        assert (
            (tmp_path / "a" / name).read_bytes()
            == (tmp_path / "b" / name).read_bytes()
            == (tmp_path / "c" / name).read_bytes()
        ), name
    retitled = [dataclasses.replace(charts[0], title=dict(charts[0].title, en="A new title")), charts[1]]
    changed = images.write_chart_images([SimpleNamespace(charts=retitled)], tmp_path / "d", config, cache)
    assert (changed.drawn, changed.reused) == (1, 3)  # only the English picture of the retitled chart


def test_long_text_wraps_between_words_and_ends_in_an_ellipsis(config):
    text = images.Text(config.root)
    lines = text.wrap("하나 둘 셋 넷 다섯 여섯 일곱 여덟 아홉 열 " * 6, 25, 300, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(text.width(line, 25) <= 300 for line in lines)
    assert text.wrap("짧은 제목", 25, 300, 2) == ["짧은 제목"]
