"""Daily rates, combined shares, quoted-figure tolerance and computed conflicts, on tiny packages."""

import pytest
from helpers import obs, write_package

from sitegen.derive.conflicts import consistent
from sitegen.derive.figures import compute_figures
from sitegen.read.catalog import load_dataset


def quoted(id_, kind, value, decimals, group="total", base="", of_group="", period="crackdown"):
    return {
        "id": id_,
        "kind": kind,
        "period_id": period,
        "base_period_id": base,
        "measure": "arrested",
        "group": group,
        "of_group": of_group,
        "value": value,
        "decimals": decimals,
        "source_id": "src-a",
    }


def test_daily_rate_counts_both_ends_of_the_period(tmp_path):
    figures = compute_figures(load_dataset(write_package(tmp_path / "p")))
    rate = next(r for r in figures.rates if r.period_id == "crackdown")
    assert rate.days == 216 and rate.per_day == pytest.approx(100 / 216)


def test_combined_share_change_and_rate_against_quotes(tmp_path):
    rows = [
        quoted("both", "share", 100, 0, group="age_10_19+age_20_29", of_group="total"),
        quoted("change", "change", 100, -1, base="before"),
        quoted("off", "change", 90, 0, base="before"),
        quoted("rate", "daily_rate", 0.46, 2),
    ]
    figures = compute_figures(load_dataset(write_package(tmp_path / "p", quoted_figures=rows)))
    result = {q.id: (q.ours, q.matches) for q in figures.quoted}
    assert result["both"] == (100.0, True)
    assert result["change"] == (100.0, True)
    assert result["off"] == (100.0, False)
    assert result["rate"][0] == pytest.approx(0.46296, abs=1e-4) and result["rate"][1]


def test_quote_without_inputs_is_not_computable(tmp_path, config):
    from sitegen.build import check

    write_package(tmp_path / "p", quoted_figures=[quoted("x", "share", 50, 0, group="age_20_29", period="before")])
    problems, _ = check(tmp_path, config)
    assert [(p.code, p.row) for p in problems] == [("quoted-figure-not-computable", 2)]


@pytest.mark.parametrize(
    "a, b, agree",
    [
        ((963, "exact"), (963, "exact"), True),
        ((146, "exact"), (178, "exact"), False),
        ((10535, "exact"), (10000, "at_least"), True),
        ((9000, "exact"), (10000, "at_least"), False),
        ((1000, "at_least"), (1000, "fewer_than"), False),
        ((999, "exact"), (1000, "fewer_than"), True),
        ((1100, "approximately"), (1050, "exact"), True),
        ((1100, "approximately"), (1300, "exact"), False),
    ],
)
def test_consistency_of_two_reports(a, b, agree):
    assert consistent(a, b) is agree and consistent(b, a) is agree


def test_bounds_never_enter_rates(tmp_path):
    figures = compute_figures(
        load_dataset(
            write_package(
                tmp_path / "p",
                observations=[obs("crackdown", "total", 100, qualifier="at_least"), obs("before", "total", 50)],
            )
        )
    )
    assert [r.period_id for r in figures.rates] == ["before"]
