"""The JSON API (sitegen.publish.api) built from the shipped data: every document valid against its schema, the
schemas strict enough to catch a lost or mistyped member, the figures equal to the register's rows, the charts to
their models, the index complete, and two writes byte-identical."""

import copy
import json

import pytest
from jsonschema import Draft202012Validator

from sitegen.build import publication
from sitegen.config import ROOT
from sitegen.derive import register
from sitegen.publish import api
from sitegen.read.catalog import find_packages, load_dataset
from sitegen.read.views import declared
from sitegen.util import i18n


@pytest.fixture(scope="module")
def publications(config):
    """Every shipped package, derived as sitegen.build.derive derives it."""
    strings = i18n.load_strings(config.site_src / "i18n")
    return [publication(load_dataset(folder), config, strings) for folder in find_packages(ROOT / "datasets")]


@pytest.fixture(scope="module")
def written(publications, config, tmp_path_factory):
    """The API as write_api writes it: path from the site root -> its bytes."""
    root = tmp_path_factory.mktemp("api-site")
    api.write_api(publications, root, config)
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def docs(written):
    return {path: json.loads(data) for path, data in written.items()}


@pytest.fixture(scope="module")
def validators(docs):
    return {kind: Draft202012Validator(docs[api.schema_url(kind)]) for kind in api.KINDS}


def kind_of(document: dict) -> str:
    return next(kind for kind in api.KINDS if document["schema"] == api.schema_url(kind))


def errors(validators, document: dict, kind: str = "") -> list[str]:
    """What the schema of kind (by default the one the document names) finds wrong with the document."""
    validator = validators[kind or kind_of(document)]
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def test_every_schema_is_a_draft_2020_12_schema(docs):
    for kind in api.KINDS:
        schema = docs[api.schema_url(kind)]
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        Draft202012Validator.check_schema(schema)


def test_every_document_validates_against_the_schema_it_names(docs, validators):
    kinds = {kind_of(d) for path, d in docs.items() if "/schemas/" not in path}
    assert kinds == set(api.KINDS)
    invalid = {path: errors(validators, d) for path, d in docs.items() if "/schemas/" not in path}
    assert {path: found for path, found in invalid.items() if found} == {}


def mistyped(value):
    """A value of another JSON type than value's."""
    if isinstance(value, bool) or value is None:
        return "yes"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return 12
    return {} if isinstance(value, list) else []


def samples(docs) -> dict[str, dict]:
    """One document of each kind, the fullest (a figure with reports and history, a chart with several series)."""
    found = {}
    for path, d in sorted(docs.items()):
        if "/schemas/" not in path:
            kind = kind_of(d)
            if kind not in found or len(json.dumps(d)) > len(json.dumps(found[kind])):
                found[kind] = d
    return found


def test_a_document_missing_a_member_or_with_one_mistyped_fails(docs, validators):
    for kind, sample in samples(docs).items():
        assert errors(validators, sample) == [], kind
        for key in sample:
            removed = {k: v for k, v in sample.items() if k != key}
            assert errors(validators, removed, kind), f"{kind} without {key} passed"
            if key == "schema" or (kind == "chart-config" and key == "view"):
                continue
            changed = dict(sample, **{key: mistyped(sample[key])})
            assert errors(validators, changed, kind), f"{kind} with {key} = {changed[key]!r} passed"
        assert errors(validators, dict(sample, extra="member"), kind), f"{kind} with an unknown member passed"


@pytest.mark.parametrize(
    ("kind", "spoil"),
    [
        ("figure", lambda d: d.update(value="963")),  # a number written as text
        ("figure", lambda d: d.update(url_ko="https://example.org/figures/x/")),  # an address with a host
        ("figure", lambda d: d["history"][0].pop("version")),
        ("figure", lambda d: d["reports"][0].update(kind="corroborates")),  # not one of the kinds
        ("figure", lambda d: d["derived"]["changes"][0].update(pct=None)),
        ("figure", lambda d: d["derived"].pop("rates")),
        ("chart", lambda d: d["series"][0]["values"][0].update(value="548")),
        ("chart", lambda d: d["series"][0]["values"][0].pop("figure")),
        ("chart", lambda d: d["series"][0]["label"].pop("en")),
        ("chart", lambda d: d.update(type="pie")),
        ("chart-metadata", lambda d: d["sources"][0].pop("url")),
        ("chart-metadata", lambda d: d["title"].update(ko=None)),
        ("chart-config", lambda d: d["view"]["spec"].update(type="pie")),
        ("chart-config", lambda d: d["view"].pop("spec")),
        ("dataset", lambda d: d["downloads"][0].update(size="18 KB")),
        ("dataset", lambda d: d["downloads"][0].update(path="/data/x.csv")),  # from the host's root, not the site's
        ("index", lambda d: d["figures"][0].pop("url")),
        ("index", lambda d: d.update(version="v2")),
    ],
)
def test_a_nested_member_spoiled_fails(docs, validators, kind, spoil):
    full = [d for path, d in docs.items() if "/schemas/" not in path and kind_of(d) == kind]
    if kind == "figure":  # one with other reports, changes and rates
        full = [d for d in full if d["reports"] and d["derived"]["changes"] and d["derived"]["rates"]]
    document = copy.deepcopy(full[0])
    assert errors(validators, document) == []
    spoil(document)
    assert errors(validators, document)


def test_every_register_row_has_exactly_one_document_equal_to_it(publications, docs):
    rows = [row for p in publications for row in register.rows(p.dataset)]
    figures = {path: d for path, d in docs.items() if path.startswith("api/v1/figures/")}
    assert sorted(figures) == sorted(api.figure_url(row["id"]) for row in rows)
    assert len(rows) == len({row["id"] for row in rows})
    for row in rows:
        document = figures[api.figure_url(row["id"])]
        assert {name: document[name] for name in register.NAMES if name != "value"} == {
            name: row[name] for name in register.NAMES if name != "value"
        }
        assert document["value"] == row["value"] and type(document["value"]) is not str, row["id"]
        assert (document["value"] is None) == (row["value"] is None), row["id"]
        assert [step["value"] for step in document["history"]][-1:] in ([], [row["value"]]), row["id"]


def test_every_chart_holds_its_model_values_and_the_figures_behind_them(publications, docs):
    values = {row["id"]: row["value"] for p in publications for row in register.rows(p.dataset)}
    for chart in (chart for p in publications for chart in p.charts):
        data = docs[api.chart_urls(chart.id)["data"]]
        assert [c["id"] for c in data["categories"]] == list(chart.model.categories)
        assert [s["key"] for s in data["series"]] == [s.key for s in chart.model.series]
        for series, drawn in zip(data["series"], chart.model.series, strict=True):
            assert [v["value"] for v in series["values"]] == list(drawn.values), chart.id
            assert series["label"] == {lang: drawn.label[lang] for lang in i18n.LANGUAGES}
            assert all(values[v["figure"]] == v["value"] for v in series["values"]), chart.id
        metadata = docs[api.chart_urls(chart.id)["metadata"]]
        assert set(metadata["figures"]) == {v["figure"] for s in data["series"] for v in s["values"]}
        assert metadata["title"] == chart.title and metadata["csv"] == f"downloads/charts/{chart.id}.csv"


def test_every_chart_config_is_its_view_exactly_as_declared(publications, docs):
    for p in publications:
        for view in declared(p.dataset):
            assert docs[api.chart_urls(view["name"])["config"]]["view"] == view


def test_the_index_lists_every_document_written_and_nothing_else(docs):
    index = docs["api/v1/index.json"]
    assert all(d["url"] == api.dataset_url(d["name"]) for d in index["datasets"])
    listed = [d["url"] for d in index["datasets"]] + [url for c in index["charts"] for url in c["urls"].values()]
    listed += [figure["url"] for figure in index["figures"]] + list(index["schemas"].values())
    assert len(listed) == len(set(listed))
    assert sorted(listed + ["api/v1/index.json"]) == sorted(docs)


def test_two_writes_are_byte_identical_whatever_the_order_of_the_packages(publications, config, written, tmp_path):
    api.write_api(list(reversed(publications)), tmp_path, config)
    again = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}
    assert again == written


def test_documents_are_sorted_indented_utf8_json_with_no_host(written):
    for path, data in written.items():
        text = data.decode("utf-8")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, indent=1) + "\n", path
    assert (
        "검거 인원"
        in written["api/v1/figures/special-crackdown-2024/crackdown-2024-08-28/arrested/total.json"].decode()
    )


@pytest.mark.parametrize("bad", ["../etc/passwd", "a/../b", ".hidden", "a b", ""])
def test_a_path_that_could_leave_the_api_folder_is_refused(bad):
    with pytest.raises(ValueError, match="not a path of ids"):
        api.figure_url(bad)
