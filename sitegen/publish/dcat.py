"""The DCAT-AP 3 catalogue (data/catalog.jsonld): every package version and its files, and all the figures in one
file (sitegen.publish.all_figures), for data portals to harvest. Addresses follow sitegen.publish.metadata.link.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from ..config import Config
from ..read.catalog import Dataset
from ..read.standard import LICENSE
from ..util import i18n
from . import all_figures
from .downloads import Downloads
from .metadata import first_day, first_release, link, page_dir

CATALOG = "data/catalog.jsonld"
KOREA = "http://publications.europa.eu/resource/authority/country/KOR"
FINDER = "figures/"  # the landing page of all the figures: the figure finder

# DCAT-AP 3 names every value by a controlled vocabulary and types it with the property's range class (the
# release's range shapes check the typing in the data itself, loading no vocabulary).
EU = "http://publications.europa.eu/resource/authority/"
LANGUAGES = {"ko": EU + "language/KOR", "en": EU + "language/ENG"}
FILE_TYPES = {"csv": "CSV", "xlsx": "XLSX", "json": "JSON", "zip": "ZIP", "txt": "TXT", "": "TXT"}  # "": SHA256SUMS
THEME = EU + "data-theme/JUST"  # Justice, legal system and public safety
IANA = "http://www.iana.org/assignments/media-types/"
DATA_PACKAGE = "https://datapackage.org/standard/data-package/"
ADMS_LICENCE = "http://purl.org/adms/licencetype/"
LICENCE_TYPES = {
    "CC-BY-4.0": ["Attribution"],
    "CC-BY-SA-4.0": ["Attribution", "ViralEffect-ShareAlike"],
    "CC0-1.0": ["PublicDomain"],
}  # a licence not listed here is given without a type
LABELS = {
    "Attribution": "Attribution",
    "ViralEffect-ShareAlike": "Viral effect (a.k.a. Share-alike)",
    "PublicDomain": "Public domain",
}  # the vocabularies' own English labels
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "spdx": "http://spdx.org/rdf/terms#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcatap": "http://data.europa.eu/r5r/",
}


def typed(iri: str, kind: str, **more) -> dict:
    return {"@id": iri, "@type": kind, **more}


def concept(iri: str, label: str, **more) -> dict:
    return typed(iri, "skos:Concept", **{"skos:prefLabel": {"@value": label, "@language": "en"}}, **more)


def xsd_date(value: str) -> dict:
    return {"@value": value, "@type": "xsd:date"}


def licence(license: dict) -> dict:
    types = [concept(ADMS_LICENCE + name, LABELS[name]) for name in LICENCE_TYPES.get(license.get("name", ""), [])]
    return typed(license.get("path", ""), "dct:LicenseDocument", **({"dct:type": types} if types else {}))


def catalog(
    releases: list, datasets: list[Dataset], config: Config, strings: dict, every: Downloads | None = None
) -> dict:
    """A DCAT-AP 3 catalogue of every package version and its files, and of `every` figure in one file, as JSON-LD."""
    here = posixpath.dirname(CATALOG) + "/"

    def url(path: str) -> str:
        return link(path, here, config.site_url)

    def texts(dataset: Dataset, key: str) -> list[dict]:
        return [{"@value": dataset.text(key, lang), "@language": lang} for lang in i18n.LANGUAGES]

    def labels(key: str) -> list[dict]:
        return [{"@value": strings[lang][key], "@language": lang} for lang in i18n.LANGUAGES]

    publisher = {
        "@type": "foaf:Agent",
        "foaf:name": [
            {"@value": config.site_name_ko, "@language": "ko"},
            {"@value": config.site_name_en, "@language": "en"},
        ],
    }
    languages = [typed(LANGUAGES[lang], "dct:LinguisticSystem") for lang in i18n.LANGUAGES]
    korea = typed(KOREA, "dct:Location")
    themes = typed(
        EU + "data-theme", "skos:ConceptScheme", **{"dct:title": {"@value": "Data theme", "@language": "en"}}
    )
    theme = concept(THEME, "Justice, legal system and public safety", **{"skos:inScheme": {"@id": themes["@id"]}})
    stable = concept(EU + "planned-availability/STABLE", "stable")

    def distribution(files: Downloads, page: str) -> list[dict]:
        license = licence(files.license)
        return [
            {
                "@id": url(files.folder() + f.path),
                "@type": "dcat:Distribution",
                "dct:title": f.path,
                "dct:description": labels(f"dl_kind_{f.kind}"),
                "dcat:accessURL": {"@id": url(page)},
                "dcat:downloadURL": {"@id": url(files.folder() + f.path)},
                "dcat:mediaType": typed(IANA + f.media_type, "dct:MediaType"),
                "dct:format": typed(EU + "file-type/" + FILE_TYPES[f.extension], "dct:MediaTypeOrExtent"),
                "dcat:byteSize": {"@value": str(f.size), "@type": "xsd:nonNegativeInteger"},
                "spdx:checksum": {
                    "@type": "spdx:Checksum",
                    "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
                    "spdx:checksumValue": {"@value": f.sha256, "@type": "xsd:hexBinary"},
                },
                "dcatap:availability": stable,  # a version folder never changes
                "dct:license": license,
            }
            for f in files.files
        ]

    def entry(files: Downloads, title: list, about: list, keywords: list, issued: str, span: tuple, page: str):
        return {
            "@id": url(files.folder()),
            "@type": "dcat:Dataset",
            "dct:identifier": f"{files.name}/{files.version}",
            "dct:title": title,
            "dct:description": about,
            "dcat:keyword": keywords,
            "dcat:theme": theme,
            "dcat:version": files.version,
            **({"dct:issued": xsd_date(issued)} if issued else {}),
            "dct:modified": xsd_date(files.date),
            "dct:publisher": publisher,
            "dct:language": languages,
            "dct:license": licence(files.license),
            "dct:spatial": korea,
            "dct:temporal": {
                "@type": "dct:PeriodOfTime",
                "dcat:startDate": xsd_date(span[0]),
                "dcat:endDate": xsd_date(span[1]),
            },
            "dcat:landingPage": typed(url(page), "foaf:Document"),
            "dct:conformsTo": typed(DATA_PACKAGE, "dct:Standard"),
            "dcat:distribution": distribution(files, page),
        }

    entries = [
        entry(
            release.files,
            texts(dataset, "title"),
            texts(dataset, "description"),
            [str(k) for k in dataset.descriptor.get("keywords", [])],
            first_release(dataset),
            (first_day(dataset), max(dataset.periods["end"])),
            page_dir(dataset, "ko"),
        )
        for release, dataset in zip(releases, datasets)
    ]
    if every is not None:  # all the figures in one file: it spans every package
        entries.append(
            entry(
                every,
                [{"@value": all_figures.TITLE[lang], "@language": lang} for lang in i18n.LANGUAGES],
                [{"@value": all_figures.DESCRIPTION[lang], "@language": lang} for lang in i18n.LANGUAGES],
                sorted({str(k) for d in datasets for k in d.descriptor.get("keywords", [])}),
                min(filter(None, map(first_release, datasets)), default=""),
                (min(map(first_day, datasets)), max(max(d.periods["end"]) for d in datasets)),
                FINDER,
            )
        )
    dates = sorted(release.files.date for release in releases)
    return {
        "@context": CONTEXT,
        "@id": url(CATALOG),
        "@type": "dcat:Catalog",
        "dct:title": [
            {"@value": config.site_name_ko, "@language": "ko"},
            {"@value": config.site_name_en, "@language": "en"},
        ],
        "dct:description": [
            {"@value": "딥페이크 성범죄 단속 통계 데이터 패키지 목록", "@language": "ko"},
            {"@value": "Data packages of deepfake sex crime enforcement statistics", "@language": "en"},
        ],
        "dct:publisher": publisher,
        "dct:language": languages,
        "dct:license": licence(LICENSE),  # of the catalogue itself: the compilation's default licence
        "dct:spatial": korea,
        "dct:issued": xsd_date(dates[0]),
        "dct:modified": xsd_date(dates[-1]),
        "dcat:themeTaxonomy": themes,
        "foaf:homepage": typed(url(""), "foaf:Document"),
        "dcat:dataset": entries,
    }


def write_catalog(publications, site_root: Path, config: Config, strings: dict, every: Downloads) -> None:
    """The DCAT-AP catalogue of every package and of all the figures, into the Korean docs tree (the site root)."""
    data = catalog([p.release for p in publications], [p.dataset for p in publications], config, strings, every)
    path = site_root / CATALOG
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
