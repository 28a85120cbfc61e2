"""The register of published figures (sitegen.derive.register): one row per published figure, with an id made of
package, period, measure and group (never a row number), and every column of its data dictionary."""

import pandas as pd
import pytest

from sitegen.derive import register
from sitegen.read.catalog import find_packages, load_dataset


@pytest.fixture
def packages(shipped):
    return {folder.name: folder for folder in find_packages(shipped)}


def test_one_row_per_published_figure_with_every_column(packages):
    for folder in packages.values():
        dataset = load_dataset(folder)
        rows = register.rows(dataset)
        published = dataset.observations[dataset.observations["role"] == "published"]
        assert len(rows) == len(published) and rows
        assert all(tuple(row) == register.NAMES for row in rows)
        assert len({row["id"] for row in rows}) == len(rows), "an id names one figure"
        for row, (_, o) in zip(rows, published.iterrows()):
            assert row["id"] == f"{dataset.name}/{o['period_id']}/{o['measure']}/{o['group']}"
            assert row["value"] == (None if pd.isna(o["value"]) else float(o["value"]))
            assert row["url_ko"] == f"figures/{dataset.name}/#{o['period_id']}/{o['measure']}/{o['group']}"
            assert row["url_en"] == "en/" + row["url_ko"]
            assert row["year"] == int(row["period_end"][:4])


def test_an_id_and_its_address_do_not_depend_on_the_row_order(packages):
    folder = packages["special-crackdown-2024"]
    before = {row["id"]: row for row in register.rows(load_dataset(folder))}
    path = folder / "data" / "observations.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(lines[0] + "".join(reversed(lines[1:])), encoding="utf-8")
    after = {row["id"]: row for row in register.rows(load_dataset(folder))}
    assert after == before


def test_other_reports_are_counted_beside_the_figure(packages):
    rows = {row["id"]: row for row in register.rows(load_dataset(packages["special-crackdown-2024"]))}
    assert rows["special-crackdown-2024/crackdown-2024-08-28/arrested/total"]["other_reports"] == 1
    assert rows["special-crackdown-2024/crackdown-2024-08-28/arrested/age_10_19"]["other_reports"] == 0


def test_with_a_site_url_the_addresses_are_absolute(packages):
    row = register.addressed(register.rows(load_dataset(packages["cases-by-year"]))[0], "https://example.org/stats/")
    assert row["url_ko"].startswith("https://example.org/stats/figures/cases-by-year/#")
    assert row["url_en"].startswith("https://example.org/stats/en/figures/cases-by-year/#")
