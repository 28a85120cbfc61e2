"""The JSON API in the built site (api/v1/): every document valid against the schema it names, and its figures the
same as data/all-figures.csv and as the numbers the figures pages show."""

import functools
import json
import re
from pathlib import Path

import lxml.html
import pandas as pd
from jsonschema import Draft202012Validator

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def documents(site: Path) -> dict[str, dict]:
    """Every JSON document of the API (not the schemas): path from the site root -> document."""
    folder = site / "api" / "v1"
    return {
        path.relative_to(site).as_posix(): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.rglob("*.json"))
        if "schemas" not in path.relative_to(folder).parts
    }


def figures(site: Path) -> dict[str, dict]:
    """figure id -> its API document, from the index."""
    index = json.loads((site / "api" / "v1" / "index.json").read_text(encoding="utf-8"))
    return {f["id"]: json.loads((site / f["url"]).read_text(encoding="utf-8")) for f in index["figures"]}


def test_every_api_document_validates_against_the_schema_it_names(built_site):
    schemas = sorted((built_site / "api" / "v1" / "schemas").glob("*.schema.json"))
    assert len(schemas) == 6
    for path in schemas:
        Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))
    validators = {}
    found = documents(built_site)
    assert len(found) > 100
    invalid = {}
    for path, document in found.items():
        named = document["schema"]
        assert (built_site / named).is_file(), f"{path} names {named}, which the site does not have"
        if named not in validators:
            validators[named] = Draft202012Validator(json.loads((built_site / named).read_text(encoding="utf-8")))
        problems = [f"{list(e.absolute_path)}: {e.message}" for e in validators[named].iter_errors(document)]
        if problems:
            invalid[path] = problems
    assert invalid == {}


def test_every_address_in_the_api_is_a_file_or_page_of_the_site(built_site):
    """The addresses are from the site root, with no host: each one is there in the built site."""
    missing = set()
    for path, document in documents(built_site).items():
        for address in addresses(document):
            target = built_site / address.partition("#")[0]
            if not (target / "index.html" if address.endswith("/") or "#" in address else target).is_file():
                missing.add(f"{path}: {address}")
    assert missing == set()


def addresses(value):
    """Every site address in a document: the strings of its url, urls, path, latest, files, pages, csv, dataset,
    schema and url_ko/url_en members."""
    keys = {"url", "path", "latest", "csv", "dataset", "schema", "url_ko", "url_en"}
    if isinstance(value, dict):
        for key, item in value.items():
            if key in keys and isinstance(item, str):
                yield item
            elif key in ("urls", "pages", "files"):
                yield from item.values() if isinstance(item, dict) else item
            elif key not in ("source", "sources", "licence", "view"):  # addresses on other hosts, or as declared
                yield from addresses(item)
    elif isinstance(value, list):
        for item in value:
            yield from addresses(item)


def test_api_figures_are_the_figures_of_all_figures_csv(built_site):
    table = pd.read_csv(built_site / "data" / "all-figures.csv", dtype=str, keep_default_na=False)
    api = figures(built_site)
    assert sorted(table["id"]) == sorted(api)
    for row in table.to_dict("records"):
        document = api[row["id"]]
        shown = None if row["value"] == "" else float(row["value"])
        assert document["value"] == shown, row["id"]
        assert (document["qualifier"], document["package_version"]) == (row["qualifier"], row["package_version"])


@functools.cache
def page(path: Path):
    return lxml.html.fromstring(path.read_bytes())


def test_api_figure_values_are_the_numbers_on_the_figures_pages(built_site):
    """Each figure's card on its package's figures page (the anchor of its url_ko) shows the API's value."""
    for figure_id, document in figures(built_site).items():
        address, _, anchor = document["url_ko"].partition("#")
        assert address == f"figures/{document['package']}/" and anchor == figure_id.split("/", 1)[1]
        cards = page(built_site / address / "index.html").xpath(f'//*[@id="{anchor}"]')
        assert len(cards) == 1, f"{figure_id}: {len(cards)} elements with id {anchor} on {address}"
        shown = cards[0].find_class("figure-card__value")
        assert len(shown) == 1, f"{figure_id}: no .figure-card__value"
        text = shown[0].text_content()
        numbers = NUMBER.findall(text)
        if document["value"] is None:
            assert numbers == [], f"{figure_id}: suppressed, yet the page shows {text!r}"
            continue
        assert numbers, f"{figure_id}: the page shows no number ({text!r}) for {document['value']}"
        decimals = len(numbers[0].partition(".")[2])
        assert abs(float(numbers[0].replace(",", "")) - document["value"]) <= 0.5 * 10**-decimals, (
            f"{figure_id}: the page shows {text!r}, the API {document['value']}"
        )
