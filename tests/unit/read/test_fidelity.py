"""Figure-by-figure fidelity of the shipped packages to ../shared/sources (FIGURES.md and the seed article)."""

import re
from pathlib import Path

import yaml

from sitegen.build import check
from sitegen.config import ROOT
from sitegen.derive.conflicts import other_reports
from sitegen.derive.figures import quoted_figures
from sitegen.read.catalog import find_packages, load_dataset
from sitegen.read.checks import quoted as quoted_check
from sitegen.read.validation import check_datasets

SOURCES_DIR = (
    Path("/work/shared/sources") if Path("/work/shared/sources").is_dir() else ROOT.parent / "shared" / "sources"
)
LIST = yaml.safe_load((ROOT / "tests" / "figures_md.yml").read_text(encoding="utf-8"))


def datasets():
    return [load_dataset(folder) for folder in find_packages(ROOT / "datasets")]


def sections() -> dict[str, str]:
    text = (SOURCES_DIR / "FIGURES.md").read_text(encoding="utf-8")
    parts = re.split(r"^## (S\d+)\.", text, flags=re.M)
    found = {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}
    found["S0"] += (SOURCES_DIR / "seed-article-2025-04-17.txt").read_text(encoding="utf-8")
    return found


def spellings(value: str) -> set[str]:
    number = float(value)
    if number.is_integer():
        return {f"{int(number):,}", str(int(number))}
    return {value, f"{number:g}"}


def published_rows():
    for d in datasets():
        for _, o in d.observations.iterrows():
            value = o["value"]
            text = "" if value is None or str(value) == "<NA>" else f"{float(value):g}"
            yield d, o, text


def test_every_package_validates(config):
    problems, found = check_datasets(ROOT / "datasets", config)
    assert problems == []
    assert len(found) == 9


def test_every_published_number_is_in_the_figures_list_with_the_same_source_and_period():
    listed = {(p, per, m, g, s, r): (f"{float(v):g}", q) for p, per, m, g, v, q, s, r in LIST["observations"]}
    missing = []
    for d, o, value in published_rows():
        key = (d.name, o["period_id"], o["measure"], o["group"], o["source_id"], o["role"])
        if listed.get(key) != (value, o["qualifier"]):
            missing.append((key, value, o["qualifier"], listed.get(key)))
    assert missing == []
    assert len(listed) == sum(1 for _ in published_rows())


def appears(value: str, source_id: str, text: dict[str, str]) -> bool:
    """The number, as a whole number token (20 does not match 2024 or 1.20), in one of its source's sections."""
    return any(
        re.search(rf"(?<![\d,.]){re.escape(s)}(?![\d]|[,.]\d)", text[section])
        for section in LIST["sources"][source_id]["sections"]
        for s in spellings(value)
    )


def test_every_listed_number_appears_in_its_section_of_figures_md():
    text = sections()
    absent = [row for row in LIST["observations"] if not appears(row[4], row[6], text)]
    absent += [row for row in LIST["quoted"] if not appears(row[2], row[3], text)]
    assert absent == []


def test_a_typo_in_the_list_is_caught():
    text = sections()
    assert appears("387", "joongang-daily-2024-09-26", text)
    assert not appears("3871", "joongang-daily-2024-09-26", text) and not appears(
        "38", "joongang-daily-2024-09-26", text
    )


ADDRESS = re.compile(r"\b[a-z0-9][a-z0-9.-]*\.(?:kr|com|net|org)/[^\s,)\"]*[^\s,)\".:]")


def figures_md_addresses() -> set[str]:
    """Every address FIGURES.md gives for a release (host and path, without a scheme)."""
    return set(ADDRESS.findall((SOURCES_DIR / "FIGURES.md").read_text(encoding="utf-8")))


def source_rows():
    for d in datasets():
        for _, source in d.sources.iterrows():
            yield d.name, source


def url_problems(rows, addresses: set[str]) -> list[tuple]:
    """Sources whose url is not the one FIGURES.md gives, and addresses FIGURES.md gives that no source carries."""
    wrong, used = [], set()
    for package, source in rows:
        listed = LIST["sources"][source["id"]]
        url = source["url"]
        if listed["url"] is None:
            ok = url == "" and listed["no_url"] == "FIGURES.md gives no URL for this source"
        else:
            ok = url == "https://" + listed["url"] and listed["url"] in addresses
            used.add(listed["url"])
        if not ok:
            wrong.append((package, source["id"], url))
    not_used = {a["address"] for a in LIST["addresses_not_used"]}
    wrong += [("FIGURES.md", address, "no source carries it") for address in sorted(addresses - used - not_used)]
    return wrong


def test_every_source_has_the_url_figures_md_gives_and_every_address_is_used():
    assert url_problems(source_rows(), figures_md_addresses()) == []


def test_a_source_without_the_address_figures_md_gives_fails():
    rows = list(source_rows())
    addresses = figures_md_addresses()
    assert (
        "koreajoongangdaily.joins.com/news/2025-04-17/national/socialAffairs/Police-arrest-nearly-1000-in-deepfake-sex-crime-crackdown/2287233"
        in addresses
    )
    seed = [(package, source.copy()) for package, source in rows]
    for _, source in seed:
        if source["id"] == "joongang-daily-2025-04-17":
            source["url"] = ""
    assert ("special-crackdown-2024", "joongang-daily-2025-04-17", "") in url_problems(seed, addresses)
    # and when the list also forgets the address, the address itself is reported as carried by no source
    listed = LIST["sources"]["joongang-daily-2025-04-17"]
    LIST["sources"]["joongang-daily-2025-04-17"] = {
        **listed,
        "url": None,
        "no_url": "FIGURES.md gives no URL for this source",
    }
    try:
        assert ("FIGURES.md", listed["url"], "no source carries it") in url_problems(seed, addresses)
    finally:
        LIST["sources"]["joongang-daily-2025-04-17"] = listed


def test_every_cell_resolves_to_a_listed_source():
    unknown = [
        (d.name, o["source_id"])
        for d in datasets()
        for _, o in d.observations.iterrows()
        if o["source_id"] not in LIST["sources"] or o["source_id"] not in set(d.sources["id"])
    ]
    assert unknown == []


def test_released_by_is_the_body_figures_md_names():
    text = (SOURCES_DIR / "FIGURES.md").read_text(encoding="utf-8") + (
        SOURCES_DIR / "seed-article-2025-04-17.txt"
    ).read_text(encoding="utf-8")
    wrong = []
    for package, source in source_rows():
        listed = LIST["sources"][source["id"]]
        expected = listed["released_by"] or ""
        if source["released_by_en"] != expected or bool(source["released_by_ko"]) != bool(expected):
            wrong.append((package, source["id"], source["released_by_en"], expected))
        wrong += [
            (package, source["id"], "basis not in FIGURES.md", words)
            for words in listed.get("basis", [])
            if words not in text
        ]
        if expected and not listed.get("basis"):
            wrong.append((package, source["id"], "no basis", expected))
    assert wrong == []


def test_quoted_derived_figures_match_ours(config):
    checked = [q for d in datasets() for q in quoted_figures(d)]
    assert sorted((q.id, q.matches) for q in checked) == sorted((row[1], True) for row in LIST["quoted"])
    assert [p for d in datasets() for p in quoted_check.check(d, config)] == []


def test_a_quoted_figure_that_does_not_match_fails_naming_both_values_and_the_source(shipped, config):
    path = shipped / "special-crackdown-2024" / "data" / "quoted_figures.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",93.1,", ",95.1,"), encoding="utf-8")
    problems, _ = check(shipped, config)  # the quoted figures are judged in the pass after the figures
    assert [(p.code, p.row, p.field) for p in problems] == [("quoted-figure-mismatch", 3, "value")]
    assert "95.1" in problems[0].message and "93.15" in problems[0].message
    assert "Korea JoongAng Daily" in problems[0].message


def test_260_percent_is_checked_at_the_release_rounding(shipped, config):
    path = shipped / "special-crackdown-2024" / "data" / "quoted_figures.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",260,-1,", ",260,0,"), encoding="utf-8")
    problems, _ = check(shipped, config)
    assert [p.code for p in problems] == ["quoted-figure-mismatch"]


CONFLICTS = {
    ("asof-2024-07-31", "arrested", 146.0),
    ("year-2023", "correction_requests", 7178.0),
    ("window-2024-01-01", "cases_reported", 476.0),
    ("year-2024", "women_share", 99.6),
}


def test_conflicts_and_corroborations_are_computed():
    reports = [r for d in datasets() for r in other_reports(d)]
    assert {(r.period_id, r.measure, r.value) for r in reports if r.kind == "conflict"} == CONFLICTS
    assert {(r.period_id, r.measure, r.value, r.source_id) for r in reports if r.kind == "different"} == {
        ("since-2024-10", "information_provided", 1000.0, "korea-bizwire")
    }
    agreeing = {(r.period_id, r.measure, r.value, r.qualifier) for r in reports if r.agrees}
    assert ("crackdown-2024-08-28", "arrested", 963.0, "exact") in agreeing
    assert ("crackdown-2024-08-28", "takedown_requests", 10000.0, "at_least") in agreeing


def test_counts_from_1_to_4_name_their_release_as_disclosure_exemption():
    small = [
        (d.name, o["period_id"], o["group"], o["disclosure_exemption"], o["source_id"])
        for d, o, value in published_rows()
        if value
        and 1 <= float(value) <= 4
        and d.measures.set_index("id").loc[o["measure"], "unit"] not in ("percent", "per_day")
    ]
    assert small and all(exemption == source for *_, exemption, source in small)


def test_a_period_id_means_the_same_dates_in_every_package():
    seen = {}
    for d in datasets():
        for _, p in d.periods.iterrows():
            seen.setdefault(p["id"], set()).add((p["start"], p["end"], p["kind"]))
    assert {pid: dates for pid, dates in seen.items() if len(dates) > 1} == {}
