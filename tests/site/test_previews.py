"""Link previews: every page type has Open Graph and Twitter card metadata in both languages, and its image exists
at 1200×630; with a site_url the addresses are absolute, without one relative."""

import dataclasses
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import VIEWS, write_package

from sitegen.build import build_site

# One page of each type, relative to a language's root; a chart page is checked where the site has one.
PAGES = {
    "home": "index.html",
    "dataset": "data/special-crackdown-2024/index.html",
    "campaign": "campaigns/crackdown-2024-08-28/index.html",
    "hand-written": "about/index.html",
    "data": "downloads/index.html",
    "guide": "guide/index.html",
}
LOCALES = {"": ("ko_KR", "en_US"), "en/": ("en_US", "ko_KR")}


class Meta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.values: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = attrs.get("property") or attrs.get("name")
        if tag == "meta" and key and (key.startswith("og:") or key.startswith("twitter:")):
            self.values.setdefault(key, []).append(attrs.get("content", ""))


def metadata(page: Path) -> dict[str, str]:
    parser = Meta()
    parser.feed(page.read_text(encoding="utf-8"))
    repeated = [key for key, values in parser.values.items() if len(values) > 1]
    assert not repeated, f"{page}: {repeated} given more than once"
    return {key: values[0] for key, values in parser.values.items()}


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    return struct.unpack(">II", data[16:24])


def pages_of(site: Path) -> list[tuple[str, Path]]:
    found = [(f"{kind} ({root or 'ko/'})", site / root / path) for root in LOCALES for kind, path in PAGES.items()]
    charts = sorted((site / "charts").glob("*/index.html"))
    if charts:  # chart pages, once the site has them
        found += [("chart (ko/)", charts[0]), ("chart (en/)", site / "en" / charts[0].relative_to(site))]
    return found


def test_every_page_type_has_a_preview_whose_image_exists_at_1200_by_630(built_site):
    for kind, page in pages_of(built_site):
        meta = metadata(page)
        for key in (
            "og:title",
            "og:description",
            "og:image",
            "og:image:alt",
            "og:site_name",
            "twitter:title",
            "twitter:description",
            "twitter:image",
        ):
            assert meta.get(key, "").strip(), f"{kind}: no {key}"
        assert meta["twitter:card"] == "summary_large_image", kind
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630"), kind
        lang_root = "en/" if "/en/" in f"/{page.relative_to(built_site).as_posix()}" else ""
        assert (meta["og:locale"], meta["og:locale:alternate"]) == LOCALES[lang_root], kind
        assert "og:url" not in meta, f"{kind}: og:url without a site_url"
        image = (page.parent / meta["og:image"]).resolve()
        assert not meta["og:image"].startswith(("/", "http")), f"{kind}: {meta['og:image']} is not relative"
        assert image.is_file(), f"{kind}: {meta['og:image']} does not exist"
        assert png_size(image) == (1200, 630), f"{kind}: {image}"
        assert meta["twitter:image"] == meta["og:image"]


def test_a_page_with_charts_previews_its_own_chart_in_its_own_language(built_site):
    dataset = metadata(built_site / PAGES["dataset"])
    assert dataset["og:image"] == "../../charts/crackdown-2024-arrests-vs-before/crackdown-2024-arrests-vs-before.png"
    assert dataset["og:image:alt"] == "집중단속 기간과 그 전의 검거 인원"
    english = metadata(built_site / "en" / PAGES["dataset"])
    assert english["og:image"] == dataset["og:image"]  # relative to /en/: the English picture
    assert english["og:image:alt"].startswith("Persons apprehended")
    home = metadata(built_site / "index.html")
    assert home["og:image"].endswith("charts/deepfake-crimes-by-year/deepfake-crimes-by-year.png")


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory, config):
    folder = tmp_path_factory.mktemp("url")
    datasets = folder / "datasets"
    write_package(datasets / "tiny", views=VIEWS)  # charts, whose images are the link previews
    out = folder / "site"
    assert build_site(datasets, out, dataclasses.replace(config, site_url="https://example.org/stats/")) == []
    return out


def test_with_a_site_url_the_addresses_are_absolute(site_with_url):
    for root, lang_url in (("", "https://example.org/stats/"), ("en/", "https://example.org/stats/en/")):
        for path in ("index.html", "data/tiny/index.html", "about/index.html"):
            meta = metadata(site_with_url / root / path)
            assert meta["og:url"] == lang_url + path.removesuffix("index.html"), path
            assert meta["og:image"].startswith(lang_url + "charts/"), meta["og:image"]
            image = site_with_url / root / meta["og:image"].removeprefix(lang_url)
            assert png_size(image) == (1200, 630), image
