"""A static, versioned JSON API under api/v1/: every package, chart and figure as a document a program can fetch.

A journalist's script, a fact-checker's spreadsheet or another site reads the same numbers the pages show without
scraping HTML. The API is files, built with the site: no server, nothing to keep running. The layout:

    api/v1/index.json                                      what there is: every document below and each schema
    api/v1/datasets/<name>.json                            a package: titles, licence, download files, charts, figures
    api/v1/charts/<id>.json                                a chart's data: categories, series, each value's figure id
    api/v1/charts/<id>.metadata.json                       its texts, sources, licence, figures, page and CSV
    api/v1/charts/<id>.config.json                         its view, exactly as datapackage.json declares it
    api/v1/figures/<package>/<period>/<measure>/<group>.json   a figure: its register row (the columns of
                                                           data/all-figures.csv), other reports, derived figures, history
    api/v1/schemas/<kind>.schema.json                      a JSON Schema (draft 2020-12) for each kind of document
                                                           (sitegen.publish.api_schemas)

(the three chart documents follow Our World in Data's chart API). Every document names its schema in a `schema`
member, not `$schema`: in JSON Schema `$schema` names a meta-schema, so a validator could mistake a document for a
schema. Every address in a document (`schema`, `url`, pages, files) is a path from the site root with no host, so
the documents stay right wherever the site is hosted and the site makes no request to another host. A figure's
values are the register's (sitegen.derive.register), so the API, all-figures.csv and the pages agree by construction.

v1 is a promise: within it, documents only gain members (with their schemas, published beside them); a member
renamed, removed or retyped makes api/v2/, written beside v1 for as long as readers need it. The output is
deterministic (sorted keys, sorted lists, no timestamps): two builds of the same data are byte-identical.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..config import Config
from ..derive import register
from ..derive.conflicts import for_figure
from ..read.standard import LICENSE
from ..read.views import declared
from ..util import i18n
from .api_schemas import BASE, KINDS, VERSION, schema_url, schemas

SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")  # one part of a document's path: no "/", no "..", no dot file


def write_api(publications, root: Path, config: Config) -> list[str]:
    """Every document and schema under root/api/v1/; returns their paths from the site root, sorted. Addresses are
    written without config.site_url on purpose (see the module's docstring)."""
    written = documents(publications)
    for path, document in sorted(written.items()):
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dump(document), encoding="utf-8")
    return sorted(written)


def dump(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1, allow_nan=False) + "\n"


def documents(publications) -> dict[str, dict]:
    """path from the site root -> document: the index, every package's, chart's and figure's, and the schemas."""
    found: dict[str, dict] = {schema_url(kind): schema for kind, schema in schemas().items()}
    index = {"schema": schema_url("index"), "version": VERSION, "datasets": [], "charts": [], "figures": []}
    index["schemas"] = {kind: schema_url(kind) for kind in KINDS}
    for publication in sorted(publications, key=lambda p: p.dataset.name):
        dataset = publication.dataset
        rows = publication.rows
        found[dataset_url(dataset.name)] = dataset_document(publication, rows)
        index["datasets"].append(
            {
                "name": dataset.name,
                "version": dataset.version,
                "title": described(dataset, "title"),
                "url": dataset_url(dataset.name),
            }
        )
        views = {view["name"]: view for view in declared(dataset)}
        for chart in publication.charts:
            urls = chart_urls(chart.id)
            found[urls["data"]] = chart_data(chart)
            found[urls["metadata"]] = chart_metadata(chart, dataset)
            found[urls["config"]] = {"schema": schema_url("chart-config"), **_chart(chart), "view": views[chart.id]}
            index["charts"].append({**_chart(chart), "title": texts(chart.title), "urls": urls})
        for row in rows:
            found[figure_url(row["id"])] = figure_document(publication, row)
            index["figures"].append(_figure(row["id"]))
    for key, sort_by in (("datasets", "name"), ("charts", "id"), ("figures", "id")):
        index[key].sort(key=lambda entry: entry[sort_by])
    found[BASE + "index.json"] = index
    return found


def dataset_url(name: str) -> str:
    return f"{BASE}datasets/{_segments(name)}.json"


def chart_urls(chart_id: str) -> dict[str, str]:
    stem = f"{BASE}charts/{_segments(chart_id)}"
    return {"data": f"{stem}.json", "metadata": f"{stem}.metadata.json", "config": f"{stem}.config.json"}


def figure_url(figure_id: str) -> str:
    return f"{BASE}figures/{_segments(figure_id)}.json"


def _segments(path: str) -> str:
    """A path of ids, refused if any part could step outside the API's folder (the checks allow none such)."""
    if not all(SEGMENT.match(part) for part in path.split("/")):
        raise ValueError(f"{path!r} is not a path of ids")
    return path


def _chart(chart) -> dict:
    return {"id": chart.id, "package": chart.package}


def _figure(figure_id: str) -> dict:
    return {"id": figure_id, "url": figure_url(figure_id)}


def texts(text: dict | None) -> dict[str, str]:
    """A text in both languages, "" in a language it has none in (a chart without a note, a step without a reason)."""
    return {lang: str((text or {}).get(lang, "")) for lang in i18n.LANGUAGES}


def described(dataset, key: str) -> dict[str, str]:
    return {lang: dataset.text(key, lang) for lang in i18n.LANGUAGES}


def number(value) -> int | float | None:
    """963.0 -> 963 (a count reads as one), 8.8 stays, None (suppressed) stays None."""
    if value is None:
        return None
    value = float(value)
    return int(value) if value.is_integer() else value


def dataset_document(publication, rows: list[dict]) -> dict:
    dataset, files = publication.dataset, publication.release.files
    licence = (dataset.descriptor.get("licenses") or [LICENSE])[0]
    return {
        "schema": schema_url("dataset"),
        "name": dataset.name,
        "version": dataset.version,
        "title": described(dataset, "title"),
        "description": described(dataset, "description"),
        "licence": {key: str(licence.get(key, "")) for key in ("name", "title", "path")},
        "pages": {lang: f"{i18n.ROOTS[lang]}data/{dataset.name}/" for lang in i18n.LANGUAGES},
        "downloads": [
            {
                "path": files.folder() + file.path,
                "latest": files.folder("latest") + file.path,
                "media_type": file.media_type,
                "size": file.size,
                "sha256": file.sha256,
            }
            for file in files.files
        ],
        "earlier_versions": [
            {"version": version, "files": sorted(files.folder(version) + file.path for file in earlier)}
            for version, earlier in files.earlier
        ],
        "charts": sorted(({**_chart(c), "url": chart_urls(c.id)["data"]} for c in publication.charts), key=_by_id),
        "figures": [_figure(row["id"]) for row in rows],
    }


def _by_id(entry: dict) -> str:
    return entry["id"]


def chart_data(chart) -> dict:
    model = chart.model
    return {
        "schema": schema_url("chart"),
        **_chart(chart),
        "type": model.kind,
        "categories": [
            {"id": category, "label": {lang: model.labels[lang][i] for lang in i18n.LANGUAGES}}
            for i, category in enumerate(model.categories)
        ],
        "series": [
            {
                "key": series.key,
                "label": texts(series.label),
                "values": [
                    {
                        "category": category,
                        "value": number(value),
                        "figure": register.figure_id(chart.package, *chart.figure_keys[i][column]),
                    }
                    for i, (category, value) in enumerate(zip(model.categories, series.values))
                ],
            }
            for column, series in enumerate(model.series)
        ],
    }


def chart_figures(chart) -> list[str]:
    """The ids of the figures a chart draws, series by series, each once."""
    keys = [row[column] for column in range(len(chart.model.series)) for row in chart.figure_keys]
    return list(dict.fromkeys(register.figure_id(chart.package, *key) for key in keys))


def chart_metadata(chart, dataset) -> dict:
    sources = dataset.sources.set_index("id")
    credits = dict(zip(chart.sources, chart.credits))
    return {
        "schema": schema_url("chart-metadata"),
        **_chart(chart),
        **{key: texts(getattr(chart, key)) for key in ("title", "subtitle", "summary", "note")},
        "sources": [
            {
                "id": source_id,
                "publisher": credit.publisher,
                "publisher_ko": credit.publisher_ko,
                "released_by": texts(credit.released_by),
                "title": str(sources.loc[source_id, "title"]),
                "url": credit.url,
                "date": credit.published,
                "date_precision": credit.precision,
            }
            for source_id, credit in sorted(credits.items())
        ],
        "licence": {"title": chart.licence[0], "path": chart.licence[1]},
        "figures": chart_figures(chart),
        "pages": {lang: f"{i18n.ROOTS[lang]}charts/{chart.id}/" for lang in i18n.LANGUAGES},
        "csv": f"downloads/charts/{chart.csv_name}",
        "urls": chart_urls(chart.id),
        "dataset": dataset_url(chart.package),
    }


def figure_document(publication, row: dict) -> dict:
    """The register row, then what else is known of the figure: other reports, derived figures, its history."""
    key = (row["period_id"], row["measure"], row["group"])
    period, measure, group = key
    figures, sources = publication.figures, publication.dataset.sources.set_index("id")
    drawn_by = [c for c in publication.charts if row["id"] in chart_figures(c)]
    return {
        **row,
        "schema": schema_url("figure"),
        "value": number(row["value"]),
        "dataset": dataset_url(row["package"]),
        "charts": sorted(({"id": c.id, "url": chart_urls(c.id)["data"]} for c in drawn_by), key=_by_id),
        "reports": [
            {
                "value": number(report.value),
                "qualifier": report.qualifier,
                "flag": report.flag,
                "kind": report.kind,
                "note": {"ko": report.note_ko, "en": report.note_en},
                "source_id": report.source_id,
                "source": {
                    field: str(sources.loc[report.source_id, field]) if report.source_id in sources.index else ""
                    for field in ("publisher", "title", "url", "published")
                },
            }
            for report in for_figure(figures.reports, *key)
        ],
        "derived": {
            "changes": [
                {
                    "period_id": c.period_id,
                    "base_period_id": c.base_period_id,
                    "value": number(c.value),
                    "base_value": number(c.base_value),
                    "pct": c.pct,
                    "days": c.days,
                    "base_days": c.base_days,
                    "per_day_pct": c.per_day_pct,
                    "small_base": c.small_base,
                    "year_on_year": c.year_on_year,
                }
                for c in figures.changes
                if (c.measure, c.group) == (measure, group) and period in (c.period_id, c.base_period_id)
            ],
            "shares": [
                {
                    "group": s.group,
                    "of_group": s.of_group,
                    "value": number(s.value),
                    "total": number(s.total),
                    "pct": s.pct,
                }
                for s in figures.shares
                if (s.measure, s.period_id) == (measure, period) and group in (s.group, s.of_group)
            ],
            "rates": [
                {"value": number(r.value), "days": r.days, "per_day": r.per_day}
                for r in figures.rates
                if (r.measure, r.period_id) == (measure, period) and group == "total"
            ],
        },
        "history": [
            {
                "version": step.version,
                "date": step.date,
                "value": number(step.value),
                "qualifier": step.qualifier,
                "status": step.status,
                "kind": step.kind,
                "reason": texts(step.reason),
            }
            for step in publication.history.get(key, [])
        ],
    }
