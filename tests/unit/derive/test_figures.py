"""Derived figures are computed from the data, and only between comparable periods."""

import pytest
from helpers import PERIODS, obs, write_package

from sitegen.derive.figures import compute_figures
from sitegen.read.catalog import load_dataset


def test_change_against_the_comparison_window(tmp_path):
    figures = compute_figures(load_dataset(write_package(tmp_path / "p")))
    [change] = figures.changes
    assert (change.period_id, change.base_period_id, change.value, change.base_value) == (
        "crackdown",
        "before",
        100,
        50,
    )
    assert change.pct == pytest.approx(100.0)


def test_shipped_crackdown_change_is_260_7_percent(shipped):
    figures = compute_figures(load_dataset(shipped / "special-crackdown-2024"))
    change = figures.change("arrested", "crackdown-2024-08-28")
    assert (change.value, change.base_value) == (963, 267)
    assert round(change.pct, 1) == 260.7


def test_no_change_between_periods_not_declared_comparable(tmp_path):
    periods = [dict(PERIODS[0], comparable_to=""), PERIODS[1]]
    figures = compute_figures(load_dataset(write_package(tmp_path / "p", periods=periods)))
    assert figures.changes == []


def test_bounds_and_alternatives_are_never_used_in_arithmetic(tmp_path):
    rows = [
        obs("crackdown", "total", 100, qualifier="at_least"),
        obs("before", "total", 50),
        obs("crackdown", "age_10_19", 60, role="alternative"),
    ]
    figures = compute_figures(load_dataset(write_package(tmp_path / "p", observations=rows)))
    assert figures.changes == [] and figures.shares == []


def test_shares_of_the_parent_group(tmp_path):
    figures = compute_figures(load_dataset(write_package(tmp_path / "p")))
    share = figures.share("arrested", "crackdown", "age_10_19")
    assert (share.value, share.total, share.pct) == (60, 100, 60.0)
