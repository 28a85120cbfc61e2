"""A long navigation section is split into groups (campaigns by year), so a pruned page embeds only its own group."""

from sitegen.publish.mkdocs_runner import FLAT_SECTION, _nav
from sitegen.render.pages import Page

ENTRIES = [{"section": "campaigns", "pages": "campaigns/*.md"}]
T = {"campaigns": "Campaigns", "nav_decade": "{decade}s"}


def _campaigns(count: int, per_year: int = 12) -> list[Page]:
    return [
        Page(f"campaigns/c-{index:04d}.md", {"en": f"Campaign {index}"}, group=str(1990 + index // per_year))
        for index in range(count)
    ]


def _paths(entries: list) -> list[str]:
    """Every page path of a navigation (sub-)tree, in order."""
    found = []
    for entry in entries:
        for value in entry.values():
            found += _paths(value) if isinstance(value, list) else [value]
    return found


def test_a_long_section_is_split_by_year_oldest_first_keeping_every_page():
    pages = _campaigns(FLAT_SECTION + 5)
    [section] = _nav(ENTRIES, pages, "en", T)
    years = section["Campaigns"]
    assert [next(iter(year)) for year in years] == ["1990", "1991", "1992"]
    assert years[0]["1990"][:2] == [{"Campaign 0": "campaigns/c-0000.md"}, {"Campaign 1": "campaigns/c-0001.md"}]
    assert _paths(years) == [page.path for page in pages]


def test_more_years_than_a_section_holds_are_split_by_decade():
    pages = _campaigns(12 * (FLAT_SECTION + 3))  # 1990 to 2012
    [section] = _nav(ENTRIES, pages, "en", T)
    decades = section["Campaigns"]
    assert [next(iter(decade)) for decade in decades] == ["1990s", "2000s", "2010s"]
    assert [next(iter(year)) for year in decades[2]["2010s"]] == ["2010", "2011", "2012"]
    assert _paths(decades) == [page.path for page in pages]


def test_the_navigation_on_the_way_to_a_campaign_has_21_entries_at_100_campaigns_and_27_at_500():
    def links_on_first_page(count: int) -> int:
        """Entries a pruned page shows: every item on the path to the first page, and their siblings."""
        [section] = _nav(ENTRIES, _campaigns(count), "en", T)
        level, shown = section["Campaigns"], 0
        while isinstance(level, list):
            shown += len(level)
            level = next(iter(level[0].values()))
        return shown

    at_100, at_500 = links_on_first_page(100), links_on_first_page(500)
    assert at_100 == 9 + 12  # 9 years, 12 campaigns of its own year
    assert at_500 == 5 + 10 + 12  # 5 decades, 10 years of its own decade, 12 campaigns of its own year


def test_a_short_section_stays_flat():
    pages = _campaigns(FLAT_SECTION)
    [section] = _nav(ENTRIES, pages, "en", T)
    assert section["Campaigns"] == [{page.title["en"]: page.path} for page in pages]
