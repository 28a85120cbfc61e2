"""The published metadata read as RDF, with the standards' own rules and offline:
the DCAT-AP 3.0.1 SHACL shapes (pySHACL) on data/catalog.jsonld, and the schema.org Dataset of every dataset page
expanded with the schema.org context (rdflib's JSON-LD parser) and checked for Google's Dataset properties."""

import json
import re
import socket
from pathlib import Path

import pytest
import rdflib.plugins.shared.jsonld.context as jsonld_context
from pyshacl import validate
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from sitegen.config import ROOT

# Plain namespaces: rdflib's closed ones warn whenever pytest looks at a module attribute they lack.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SH = Namespace("http://www.w3.org/ns/shacl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

# rdflib 7.6's own JSON-LD parser still uses its deprecated ConjunctiveGraph internally
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

STANDARDS = ROOT / "tests" / "standards"
SHAPES = ("shapes.ttl", "shapes_recommended.ttl", "range.ttl")  # mandatory, recommended and range shapes
SCHEMA = Namespace("http://schema.org/")
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)

# Recommended properties (severity Warning) the project has no true value for; every other result fails.
NOT_KNOWN = {
    (DCAT.Dataset, DCAT.contactPoint): "the site publishes no contact address",
    (FOAF.Agent, DCTERMS.type): "the publisher's kind (ADMS publisher type) is not stated anywhere",
    (DCTERMS.Location, DCAT.bbox): "no source gives coordinates for South Korea",
    (DCTERMS.Location, DCAT.centroid): "no source gives coordinates for South Korea",
}


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    """Any attempt to open a connection fails the test: vocabularies and contexts come from tests/standards."""

    def refuse(self, address, *args):
        raise AssertionError(f"the test tried to reach {address}: everything it needs is in tests/standards")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


def shapes() -> Graph:
    graph = Graph()
    for name in SHAPES:
        graph.parse(STANDARDS / "dcat-ap-3.0.1" / name, format="turtle")
    return graph


def shacl_results(data: Graph) -> list[dict]:
    conforms, report, _ = validate(data, shacl_graph=shapes(), inference="none", advanced=True, allow_warnings=False)
    results = [
        {
            "severity": report.value(r, SH.resultSeverity).split("#")[1],
            "focus": report.value(r, SH.focusNode),
            "path": report.value(r, SH.resultPath),
            "message": str(report.value(r, SH.resultMessage)),
            "classes": set(data.objects(report.value(r, SH.focusNode), RDF.type)),
        }
        for r in report.subjects(RDF.type, SH.ValidationResult)
    ]
    assert conforms == (not results)
    return results


def unexpected(results: list[dict]) -> list[str]:
    """Every violation, and every warning not in NOT_KNOWN, as "severity focus path: message"."""
    return sorted(
        f"{r['severity']} {r['focus']} {r['path']}: {r['message']}"
        for r in results
        if r["severity"] != "Warning" or not any((c, r["path"]) in NOT_KNOWN for c in r["classes"])
    )


@pytest.mark.parametrize("site", ["built_site", "deployed_site"])  # relative addresses, then absolute ones
def test_the_catalogue_passes_the_dcat_ap_3_shapes(site, request):
    path = request.getfixturevalue(site) / "data" / "catalog.jsonld"
    data = Graph().parse(path, format="json-ld")
    packages = len(list((ROOT / "datasets").glob("*/datapackage.json")))
    assert len(set(data.subjects(RDF.type, DCAT.Dataset))) == packages + 1  # and all the figures in one file
    results = shacl_results(data)
    problems = unexpected(results)
    assert not problems, f"{len(problems)} results of the DCAT-AP 3.0.1 shapes:\n" + "\n".join(problems)
    assert {(c, r["path"]) for r in results for c in r["classes"]} & set(NOT_KNOWN)  # the warnings are read
    checksums = list(data.objects(None, URIRef("http://spdx.org/rdf/terms#checksumValue")))
    assert checksums and all(c.datatype == XSD.hexBinary for c in checksums)
    media = set(data.objects(None, DCAT.mediaType))
    assert URIRef("http://www.iana.org/assignments/media-types/text/csv") in media
    assert all((m, RDF.type, DCTERMS.MediaType) in data for m in media)
    assert set(data.objects(None, DCTERMS.language)) == {
        URIRef("http://publications.europa.eu/resource/authority/language/KOR"),
        URIRef("http://publications.europa.eu/resource/authority/language/ENG"),
    }


def test_the_shapes_find_what_the_catalogue_is_checked_for(built_site):
    """The same validation fails on the faults it exists to catch: an untyped checksum, an untyped licence."""
    data = Graph().parse(built_site / "data" / "catalog.jsonld", format="json-ld")
    spdx = Namespace("http://spdx.org/rdf/terms#")
    checksum = next(data.subjects(spdx.checksumValue, None))
    value = data.value(checksum, spdx.checksumValue)
    data.set((checksum, spdx.checksumValue, Literal(str(value))))
    licence = next(data.objects(None, DCTERMS.license))
    data.remove((licence, RDF.type, DCTERMS.LicenseDocument))
    found = {(str(r["path"]), r["severity"]) for r in shacl_results(data)}
    assert {(str(spdx.checksumValue), "Violation"), (str(DCTERMS.license), "Violation")} <= found


@pytest.fixture
def schema_org_context(monkeypatch) -> list[str]:
    """rdflib's JSON-LD parser loads https://schema.org/ from tests/standards; any other context fails the test.
    Returns the contexts it asked for."""
    context = json.loads((STANDARDS / "schema.org" / "schemaorgcontext-30.0.jsonld").read_text(encoding="utf-8"))
    asked = []

    def load(source, *args, **kwargs):
        asked.append(str(source))
        if str(source) not in ("https://schema.org/", "http://schema.org/"):
            raise AssertionError(f"JSON-LD context {source} is not served offline")
        return context, None

    monkeypatch.setattr(jsonld_context, "source_to_json", load)
    return asked


def schema_terms() -> set[URIRef]:
    context = json.loads((STANDARDS / "schema.org" / "schemaorgcontext-30.0.jsonld").read_text(encoding="utf-8"))
    return {SCHEMA[term] for term in context["@context"] if not term.startswith("@") and ":" not in term}


def dataset_graph(page: Path) -> tuple[Graph, URIRef]:
    [block] = JSONLD.findall(page.read_text(encoding="utf-8"))
    graph = Graph().parse(data=block, format="json-ld", base=page.parent.as_uri() + "/")
    # the page's own data set; the other one is what it is part of: all the figures in one file
    [dataset] = set(graph.subjects(RDF.type, SCHEMA.Dataset)) - set(graph.objects(None, SCHEMA.isPartOf))
    return graph, dataset


# Google's Dataset search: required, then the recommended properties that apply to these data sets
# (no funder is known; isPartOf names all the figures in one file, data/all-figures.csv).
REQUIRED = ("name", "description")
RECOMMENDED = (
    "alternateName",
    "url",
    "sameAs",
    "identifier",
    "version",
    "datePublished",
    "dateModified",
    "license",
    "creator",
    "publisher",
    "keywords",
    "isAccessibleForFree",
    "temporalCoverage",
    "spatialCoverage",
    "variableMeasured",
    "citation",
    "inLanguage",
    "includedInDataCatalog",
    "isPartOf",
    "distribution",
)


def test_every_dataset_page_carries_googles_dataset_properties_after_expansion(built_site, schema_org_context):
    terms = schema_terms()
    pages = sorted(built_site.glob("data/*/index.html")) + sorted(built_site.glob("en/data/*/index.html"))
    assert len(pages) == 2 * len(list((ROOT / "datasets").glob("*/datapackage.json")))
    for page in pages:
        graph, dataset = dataset_graph(page)
        where = page.relative_to(built_site)
        assert not {p for p in graph.predicates() if p != RDF.type} - terms, (where, "terms schema.org does not define")
        assert not {o for o in graph.objects(None, RDF.type)} - terms, (where, "types schema.org does not define")
        for name in REQUIRED + RECOMMENDED:
            values = list(graph.objects(dataset, SCHEMA[name]))
            assert values and all(str(v).strip() for v in values), (where, name)
        assert 50 <= len(str(graph.value(dataset, SCHEMA.description))) <= 5000
        assert graph.value(dataset, SCHEMA.isAccessibleForFree) == Literal(True)
        assert graph.value(dataset, SCHEMA.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", str(graph.value(dataset, SCHEMA.datePublished)))
        assert graph.value(dataset, SCHEMA.url) == URIRef(page.parent.as_uri() + "/")
        assert (graph.value(dataset, SCHEMA.sameAs), RDF.type, None) not in graph  # a page address, not a node
        assert Path(str(graph.value(dataset, SCHEMA.sameAs)).removeprefix("file://"), "index.html").is_file()
        place = graph.value(dataset, SCHEMA.spatialCoverage)
        assert (place, RDF.type, SCHEMA.Place) in graph
        assert graph.value(graph.value(place, SCHEMA.address), SCHEMA.addressCountry) == Literal("KR")
        creator = graph.value(dataset, SCHEMA.creator)
        assert (creator, RDF.type, SCHEMA.Organization) in graph and graph.value(creator, SCHEMA.name)
        catalog = graph.value(dataset, SCHEMA.includedInDataCatalog)
        assert (catalog, RDF.type, SCHEMA.DataCatalog) in graph and graph.value(catalog, SCHEMA.url)
        downloads = list(graph.objects(dataset, SCHEMA.distribution))
        for download in downloads:
            assert (download, RDF.type, SCHEMA.DataDownload) in graph
            assert graph.value(download, SCHEMA.encodingFormat)
            target = Path(str(graph.value(download, SCHEMA.contentUrl)).removeprefix("file://"))
            assert target.is_file(), (where, target)
        assert {str(graph.value(d, SCHEMA.encodingFormat)) for d in downloads} >= {"text/csv", "application/zip"}
        for citation in graph.objects(dataset, SCHEMA.citation):
            assert (citation, RDF.type, SCHEMA.CreativeWork) in graph and graph.value(citation, SCHEMA.name)
        for variable in graph.objects(dataset, SCHEMA.variableMeasured):
            assert (variable, RDF.type, SCHEMA.PropertyValue) in graph and graph.value(variable, SCHEMA.name)
    assert set(schema_org_context) == {"https://schema.org/"}  # the page's context, loaded from tests/standards


def test_a_misspelt_term_or_a_wrong_context_fails_after_expansion(built_site, schema_org_context, tmp_path):
    page = next(iter(sorted(built_site.glob("data/*/index.html"))))
    text = page.read_text(encoding="utf-8")
    misspelt = tmp_path / "misspelt" / "index.html"
    misspelt.parent.mkdir()
    misspelt.write_text(text.replace('"license":', '"licence":', 1), encoding="utf-8")
    graph, dataset = dataset_graph(misspelt)
    assert graph.value(dataset, SCHEMA.license) is None and set(graph.predicates()) - schema_terms()
    wrong = tmp_path / "wrong" / "index.html"
    wrong.parent.mkdir()
    wrong.write_text(
        text.replace('"@context":"https://schema.org/"', '"@context":"https://example.org/"', 1).replace(
            '"@context": "https://schema.org/"', '"@context": "https://example.org/"', 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(AssertionError, match="not served offline"):
        dataset_graph(wrong)
