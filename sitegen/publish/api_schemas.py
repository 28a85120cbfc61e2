"""The JSON Schemas (draft 2020-12) of the API's documents (sitegen.publish.api), published at api/v1/schemas/.

A reader validates what they fetched; our tests validate every document of every build, so a document that loses a
member or changes its type fails there before anyone reads it. The schemas are strict: every member required
(null where a value may be missing), no member a schema does not name (additionalProperties false), except in
`view` of a chart-config, which is the maintainer's declaration as written. They are made from the same constants
as the documents (the register's columns, the chart types, the languages), so the two cannot drift apart.
"""

from __future__ import annotations

from ..derive import register
from ..read.views import KINDS as CHART_TYPES
from ..read.views import SPEC_TYPE
from ..util import i18n

VERSION = "v1"
BASE = f"api/{VERSION}/"
KINDS = ("index", "dataset", "chart", "chart-metadata", "chart-config", "figure")
META_SCHEMA = "https://json-schema.org/draft/2020-12/schema"

STRING = {"type": "string"}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
BOOLEAN = {"type": "boolean"}
MAYBE_NUMBER = {"type": ["number", "null"]}
MAYBE_INTEGER = {"type": ["integer", "null"]}
ID = {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]*$"}
FIGURE_ID = {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9][A-Za-z0-9_-]*){3}$"}
DATE = {"type": "string", "pattern": "^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?$"}  # "" where unknown, or to the month
# An address inside the site: from its root, with no scheme, no host and no leading slash.
PATH = {"type": "string", "pattern": "^(?![A-Za-z][A-Za-z0-9+.-]*:)(?!/)\\S+$"}
SHA256 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}


def schema_url(kind: str) -> str:
    return f"{BASE}schemas/{kind}.schema.json"


def obj(properties: dict) -> dict:
    """An object with exactly these members, every one required."""
    return {"type": "object", "properties": properties, "required": sorted(properties), "additionalProperties": False}


def array(items: dict) -> dict:
    return {"type": "array", "items": items}


def enum(*values: str) -> dict:
    return {"type": "string", "enum": list(values)}


TEXT = obj({lang: STRING for lang in i18n.LANGUAGES})  # a text in each language ("" where there is none)
LINK = obj({"id": ID, "url": PATH})
FIGURE_LINK = obj({"id": FIGURE_ID, "url": PATH})
CHART_LINK = obj({"id": ID, "package": ID, "url": PATH})
CHART_URLS = obj({"data": PATH, "metadata": PATH, "config": PATH})
PAGES = obj({lang: PATH for lang in i18n.LANGUAGES})
COLUMN_TYPES = {"string": STRING, "date": DATE, "integer": INTEGER, "number": MAYBE_NUMBER}


def document(kind: str, title: str, properties: dict) -> dict:
    """A document's schema: its `schema` member must name this very schema."""
    return {
        "$schema": META_SCHEMA,
        "title": f"{title} (api/{VERSION})",
        **obj({"schema": {"const": schema_url(kind)}, **properties}),
    }


def schemas() -> dict[str, dict]:
    """kind -> its schema."""
    return {
        "index": index(),
        "dataset": dataset(),
        "chart": chart(),
        "chart-metadata": chart_metadata(),
        "chart-config": chart_config(),
        "figure": figure(),
    }


def index() -> dict:
    return document(
        "index",
        "The API's index: every document and schema",
        {
            "version": {"const": VERSION},
            "schemas": obj({kind: {"const": schema_url(kind)} for kind in KINDS}),
            "datasets": array(obj({"name": ID, "version": STRING, "title": TEXT, "url": PATH})),
            "charts": array(obj({"id": ID, "package": ID, "title": TEXT, "urls": CHART_URLS})),
            "figures": array(FIGURE_LINK),
        },
    )


def dataset() -> dict:
    download = obj({"path": PATH, "latest": PATH, "media_type": STRING, "size": INTEGER, "sha256": SHA256})
    return document(
        "dataset",
        "A data package: its texts, licence, download files, charts and figures",
        {
            "name": ID,
            "version": STRING,
            "title": TEXT,
            "description": TEXT,
            "licence": obj({"name": STRING, "title": STRING, "path": STRING}),
            "pages": PAGES,
            "downloads": array(download),
            "earlier_versions": array(obj({"version": STRING, "files": array(PATH)})),
            "charts": array(CHART_LINK),
            "figures": array(FIGURE_LINK),
        },
    )


def chart() -> dict:
    value = obj({"category": ID, "value": MAYBE_NUMBER, "figure": FIGURE_ID})
    return document(
        "chart",
        "A chart's data: its categories and series, each value with the figure it is",
        {
            "id": ID,
            "package": ID,
            "type": enum(*CHART_TYPES),
            "categories": array(obj({"id": ID, "label": TEXT})),
            "series": array(obj({"key": STRING, "label": TEXT, "values": array(value)})),
        },
    )


def chart_metadata() -> dict:
    source = obj(
        {
            "id": ID,
            "publisher": STRING,
            "publisher_ko": STRING,
            "released_by": TEXT,
            "title": STRING,
            "url": STRING,
            "date": DATE,
            "date_precision": STRING,
        }
    )
    return document(
        "chart-metadata",
        "A chart's texts, sources, licence, figures and addresses",
        {
            "id": ID,
            "package": ID,
            **{key: TEXT for key in ("title", "subtitle", "summary", "note")},
            "sources": array(source),
            "licence": obj({"title": STRING, "path": STRING}),
            "figures": array(FIGURE_ID),
            "pages": PAGES,
            "csv": PATH,
            "urls": CHART_URLS,
            "dataset": PATH,
        },
    )


def chart_config() -> dict:
    """The view as declared: what sitegen.read.checks.views requires of it, and any other member a maintainer adds."""
    spec = {
        "type": "object",
        "properties": {
            "type": enum(*CHART_TYPES),
            "axis": enum("period", "group"),
            "series": array({"type": "object"}),
        },
        "required": ["type", "series", "title"],
    }
    view = {
        "type": "object",
        "properties": {"name": ID, "resources": array(STRING), "specType": {"const": SPEC_TYPE}, "spec": spec},
        "required": ["name", "resources", "specType", "spec"],
    }
    return document(
        "chart-config",
        "A chart's view, exactly as its datapackage.json declares it",
        {"id": ID, "package": ID, "view": view},
    )


def figure() -> dict:
    columns = {name: COLUMN_TYPES[kind] for name, kind, _, _ in register.COLUMNS}
    report = obj(
        {
            "value": NUMBER,
            "qualifier": STRING,
            "flag": STRING,
            "kind": enum("agrees", "conflict", "different"),
            "note": TEXT,
            "source_id": STRING,
            "source": obj({"publisher": STRING, "title": STRING, "url": STRING, "published": DATE}),
        }
    )
    change = obj(
        {
            "period_id": ID,
            "base_period_id": ID,
            "value": NUMBER,
            "base_value": NUMBER,
            "pct": NUMBER,
            "days": MAYBE_INTEGER,
            "base_days": MAYBE_INTEGER,
            "per_day_pct": MAYBE_NUMBER,
            "small_base": BOOLEAN,
            "year_on_year": BOOLEAN,
        }
    )
    share = obj({"group": ID, "of_group": ID, "value": NUMBER, "total": NUMBER, "pct": NUMBER})
    rate = obj({"value": NUMBER, "days": INTEGER, "per_day": NUMBER})
    step = obj(
        {
            "version": STRING,
            "date": DATE,
            "value": MAYBE_NUMBER,
            "qualifier": STRING,
            "status": STRING,
            "kind": enum("first", "changed", "same"),
            "reason": TEXT,
        }
    )
    return document(
        "figure",
        "A published figure: its register row, other reports, derived figures and history",
        {
            **columns,
            "id": FIGURE_ID,
            "url_ko": PATH,
            "url_en": PATH,
            "dataset": PATH,
            "charts": array(LINK),
            "reports": array(report),
            "derived": obj({"changes": array(change), "shares": array(share), "rates": array(rate)}),
            "history": array(step),
        },
    )
