"""Machine-readable metadata: JSON-LD on dataset pages, the DCAT catalogue, the sitemap and robots.txt, CITATION.cff."""

import gzip
import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from helpers import SITE_URL, build_notes
from lxml import etree

from sitegen.config import ROOT
from sitegen.publish.metadata import NO_SITEMAP
from sitegen.util.progress import Progress

NAMES = sorted(p.parent.name for p in (ROOT / "datasets").glob("*/datapackage.json"))
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
REQUIRED = {
    "@context",
    "@type",
    "name",
    "description",
    "url",
    "version",
    "dateModified",
    "license",
    "creator",
    "temporalCoverage",
    "spatialCoverage",
    "variableMeasured",
    "keywords",
    "isAccessibleForFree",
    "citation",
    "distribution",
    "includedInDataCatalog",
}


def jsonld_blocks(page: Path) -> list[dict]:
    return [json.loads(block) for block in JSONLD.findall(page.read_text(encoding="utf-8"))]


def test_every_dataset_page_has_a_complete_schema_org_dataset(built_site):
    for name in NAMES:
        for page in (built_site / "data" / name / "index.html", built_site / "en" / "data" / name / "index.html"):
            [data] = jsonld_blocks(page)
            assert REQUIRED <= set(data), REQUIRED - set(data)
            assert data["@type"] == "Dataset" and data["isAccessibleForFree"] is True
            assert 50 <= len(data["description"]) <= 5000
            assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
            assert re.fullmatch(r"\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d", data["temporalCoverage"])
            assert data["variableMeasured"] and all(v["name"] and v["unitText"] for v in data["variableMeasured"])
            assert data["keywords"] and data["citation"] and data["creator"]["name"]
            assert (page.parent / data["url"]).resolve() == page.parent.resolve()
            formats = set()
            for distribution in data["distribution"]:
                target = (page.parent / distribution["contentUrl"]).resolve()
                assert target.is_file(), distribution["contentUrl"]
                assert hashlib.sha256(target.read_bytes()).hexdigest() == distribution["sha256"]
                formats.add(distribution["encodingFormat"])
            part = data["isPartOf"]  # all the figures in one file, with the finder
            assert (page.parent / part["url"] / "index.html").resolve().is_file(), part["url"]
            assert {(page.parent / d["contentUrl"]).resolve().name for d in part["distribution"]} == {
                "all-figures.csv",
                "all-figures.json",
                "all-figures.xlsx",
            }
            assert all((page.parent / d["contentUrl"]).resolve().is_file() for d in part["distribution"])
            assert {
                "text/csv",
                "application/zip",
                "application/json",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            } <= formats


def test_catalogue_lists_every_dataset_and_every_distribution_resolves(built_site):
    path = built_site / "data" / "catalog.jsonld"
    catalogue = json.loads(path.read_text(encoding="utf-8"))
    assert catalogue["@type"] == "dcat:Catalog"
    assert set(catalogue["@context"]) >= {"dcat", "dct", "foaf", "spdx", "xsd"}
    datasets = catalogue["dcat:dataset"]
    assert sorted(d["dct:identifier"].split("/")[0] for d in datasets) == sorted(NAMES + ["all-figures"])
    for dataset in datasets:
        for key in (
            "dct:title",
            "dct:description",
            "dct:publisher",
            "dct:license",
            "dcat:landingPage",
            "dct:temporal",
            "dct:spatial",
            "dcat:version",
            "dct:modified",
        ):
            assert dataset[key], key
        assert {t["@language"] for t in dataset["dct:title"]} == {"ko", "en"}
        assert (path.parent / dataset["dcat:landingPage"]["@id"] / "index.html").resolve().is_file()
        folder = (path.parent / dataset["@id"]).resolve()
        assert {(path.parent / d["dcat:downloadURL"]["@id"]).resolve() for d in dataset["dcat:distribution"]} == set(
            folder.iterdir()
        )
        for distribution in dataset["dcat:distribution"]:
            target = (path.parent / distribution["dcat:downloadURL"]["@id"]).resolve()
            assert int(distribution["dcat:byteSize"]["@value"]) == target.stat().st_size
            assert distribution["spdx:checksum"]["spdx:checksumValue"] == {
                "@value": hashlib.sha256(target.read_bytes()).hexdigest(),
                "@type": "xsd:hexBinary",
            }
            assert distribution["dcat:mediaType"]["@id"].startswith("http://www.iana.org/assignments/media-types/")


def sitemap_urls(path: Path) -> dict[str, dict[str, str]]:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    return {
        url.find("s:loc", ns).text: {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        for url in ET.parse(path).getroot().findall("s:url", ns)
    }


def sitemap_schema():
    """The sitemaps.org XSD as published, with a declaration of the hreflang <xhtml:link> that its strict
    ##other wildcard demands (tests/standards/sitemaps/README.md)."""
    folder = ROOT / "tests" / "standards" / "sitemaps"
    return etree.XMLSchema(etree.parse(str(folder / "sitemap-with-xhtml-links.xsd")))


def test_without_a_site_url_there_is_no_sitemap_and_robots_txt_names_none(built_site):
    assert sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("sitemap*")) == []
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert robots == "User-agent: *\nDisallow:\n" and "sitemap" not in robots.lower()
    # Material's instant navigation reads sitemap.xml: it is off, or every page would ask for the missing file
    assert '"navigation.instant"' not in (built_site / "index.html").read_text(encoding="utf-8")


def test_without_a_site_url_the_build_summary_says_there_is_no_sitemap(built_site):
    stream = io.StringIO()
    progress = Progress(stream=stream)
    progress.notes = build_notes(built_site)  # what the build of built_site noted (tests/conftest.py)
    progress.summary(built_site, len(NAMES), 0)
    assert stream.getvalue().splitlines()[-1] == NO_SITEMAP


def test_with_a_site_url_the_sitemaps_are_valid_and_list_every_page_by_its_absolute_address(deployed_site):
    schema = sitemap_schema()
    for path in (deployed_site / "sitemap.xml", deployed_site / "en" / "sitemap.xml"):
        document = etree.parse(str(path))
        assert schema.validate(document), [f"{path.name}:{e.line}: {e.message}" for e in schema.error_log]
        for loc in document.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
            assert loc.text.startswith(SITE_URL) and urlsplit(loc.text).netloc, loc.text
    assert (
        gzip.decompress((deployed_site / "sitemap.xml.gz").read_bytes()) == (deployed_site / "sitemap.xml").read_bytes()
    )
    pages = {
        ("" if p.parent == deployed_site else p.parent.relative_to(deployed_site).as_posix() + "/")
        for p in deployed_site.rglob("index.html")
    }
    urls = sitemap_urls(deployed_site / "sitemap.xml")
    assert {loc.removeprefix(SITE_URL) for loc in urls} == pages
    for loc, alternates in urls.items():
        assert set(alternates) == {"ko", "en", "x-default"}, loc
        assert alternates["en"] == SITE_URL + "en/" + alternates["ko"].removeprefix(SITE_URL)
        assert alternates["x-default"] == alternates["ko"]
    english = sitemap_urls(deployed_site / "en" / "sitemap.xml")  # instant navigation on English pages reads it
    assert set(english) == {loc for loc in urls if loc.startswith(SITE_URL + "en/")}
    assert '"navigation.instant"' in (deployed_site / "en" / "index.html").read_text(encoding="utf-8")
    assert (deployed_site / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nDisallow:\nSitemap: {SITE_URL}sitemap.xml\n"
    )
