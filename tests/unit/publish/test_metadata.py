"""Machine-readable metadata: JSON-LD on dataset pages, the DCAT catalogue, the sitemap and robots.txt, CITATION.cff."""

import dataclasses
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from helpers import write_package
from lxml import etree

from sitegen.config import ROOT
from sitegen.publish.metadata import describe_release, link, write_sitemap
from sitegen.read.validation import check_datasets
from sitegen.util import i18n


def test_package_text_cannot_break_out_of_the_json_ld_script(tmp_path, config):
    hostile = '</script><script>alert("x")</script> & <!--'
    folder = write_package(tmp_path / "tiny")
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["title"] = descriptor["title_ko"] = hostile
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    problems, [dataset] = check_datasets(tmp_path, config)
    assert problems == []
    strings = i18n.load_strings(ROOT / "site_src" / "i18n")
    release = describe_release(dataset, config, strings)
    for lang in i18n.LANGUAGES:
        text = release.jsonld[lang]
        assert "<" not in text and ">" not in text and "&" not in text
        data = json.loads(text)
        assert data["name"] == hostile
        assert 50 <= len(data["description"]) <= 5000  # "A test package." is lengthened
    title = next(line for line in release.bibtex.splitlines() if line.startswith("  title = "))
    assert title == r'  title = {</script><script>alert("x")</script> \& <!--},'  # BibTeX specials are escaped


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


def test_the_sitemap_schema_rejects_a_relative_address_and_an_undeclared_element(tmp_path):
    """The validation above can fail: the XSD refuses what the protocol refuses."""
    schema = sitemap_schema()
    head = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
    good = (
        f'{head}<url><loc>https://example.org/a/</loc><xhtml:link rel="alternate" hreflang="en" '
        'href="https://example.org/en/a/"/></url></urlset>'
    )
    assert schema.validate(etree.fromstring(good))
    official = etree.XMLSchema(etree.parse(str(ROOT / "tests" / "standards" / "sitemaps" / "sitemap.xsd")))
    assert not official.validate(etree.fromstring(good))  # its ##other wildcard is strict: xhtml:link must be declared
    assert "strict wildcard" in str(official.error_log.last_error)
    for bad in (
        good.replace("https://example.org/a/</loc>", "a/</loc>"),  # shorter than any absolute address
        good.replace("xhtml:link", "xhtml:a"),
        good.replace(' hreflang="en"', ""),
    ):
        assert not schema.validate(etree.fromstring(bad)), bad


def test_with_a_site_url_the_sitemap_has_absolute_addresses(tmp_path, config):
    site = tmp_path / "site"
    for folder in ("", "about/", "en/", "en/about/"):
        (site / folder).mkdir(parents=True, exist_ok=True)
        (site / folder / "index.html").write_text("<html></html>", encoding="utf-8")
    for stale in ("en/sitemap.xml", "en/sitemap.xml.gz", "sitemap.xml.gz"):  # MkDocs' own
        (site / stale).write_text("old", encoding="utf-8")
    assert write_sitemap(site, dataclasses.replace(config, site_url="https://stats.example.org/"), 1744848000) == [
        site / "sitemap.xml",
        site / "en" / "sitemap.xml",
    ]
    urls = sitemap_urls(site / "sitemap.xml")
    assert urls["https://stats.example.org/about/"] == {
        "ko": "https://stats.example.org/about/",
        "en": "https://stats.example.org/en/about/",
        "x-default": "https://stats.example.org/about/",
    }
    assert len(urls) == 4 and set(sitemap_urls(site / "en" / "sitemap.xml")) == {
        "https://stats.example.org/en/",
        "https://stats.example.org/en/about/",
    }
    assert "<lastmod>2025-04-17</lastmod>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert not (site / "sitemap.xml.gz").exists() and not (site / "en" / "sitemap.xml.gz").exists()
    assert write_sitemap(site, config, 1744848000) == []  # no site_url: MkDocs' and earlier sitemaps are removed
    assert not list(site.rglob("sitemap*"))


def test_addresses_are_relative_to_the_document_without_a_site_url():
    assert link("data/x/1.0.0/x.zip", "en/data/x/", "") == "../../../data/x/1.0.0/x.zip"
    assert link("data/x/", "data/x/", "") == "./"
    assert link("", "data/", "") == "../"
    assert link("data/x/", "", "https://example.org/site/") == "https://example.org/site/data/x/"


def test_citation_cff_has_the_required_structure(config):
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["message"] and cff["title"] == config.site_name_en
    assert cff["type"] == "dataset" and cff["license"] == "CC-BY-4.0"
    assert cff["authors"] and all(a.get("name") or a.get("family-names") for a in cff["authors"])
    assert set(cff) <= {
        "cff-version",
        "message",
        "type",
        "title",
        "abstract",
        "authors",
        "license",
        "keywords",
        "version",
        "date-released",
        "url",
        "repository-code",
        "doi",
        "identifiers",
    }


def test_json_ld_dates_say_only_what_is_known(tmp_path, config):
    from helpers import OBSERVATIONS, PERIODS, SOURCES, obs

    sources = [
        SOURCES[0],
        dict(SOURCES[0], id="src-month", published="2022-11-01", published_precision="month"),
        dict(SOURCES[0], id="src-undated", published=""),
    ]
    periods = [
        *PERIODS,
        {
            "id": "asof-2023-12-31",
            "name_ko": "누적",
            "name_en": "To date",
            "start": "",
            "end": "2023-12-31",
            "kind": "snapshot",
            "comparable_to": "",
            "source_id": "src-a",
        },
    ]
    undated = obs("crackdown", "total", 100, role="alternative", source_id="src-undated")
    folder = write_package(tmp_path / "tiny", sources=sources, periods=periods, observations=[*OBSERVATIONS, undated])
    # a source without a date passes once a published release cites it (sitegen/read/checks/sources.py)
    (folder / "releases").mkdir()
    (folder / "releases" / "1.0.0.csv").write_bytes((folder / "data" / "observations.csv").read_bytes())
    problems, [dataset] = check_datasets(tmp_path, config)
    assert problems == []
    data = json.loads(describe_release(dataset, config, i18n.load_strings(ROOT / "site_src" / "i18n")).jsonld["en"])
    dates = {c["name"] + str(i): c.get("datePublished") for i, c in enumerate(data["citation"])}
    assert list(dates.values()) == ["2025-04-17", "2022-11", None]  # sorted by id: src-a, src-month, src-undated
    assert data["temporalCoverage"] == "2023-12-31/2025-03-31"  # a count as of a date covers at least that day
