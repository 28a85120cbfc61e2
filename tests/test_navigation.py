"""A long navigation section is split into groups (campaigns by year), so a pruned page embeds only its own group."""

from sitegen.mkdocs_runner import FLAT_SECTION, _nav
from sitegen.pages import Page

ENTRIES = [{"section": "campaigns", "pages": "campaigns/*.md"}]
T = {"campaigns": "Campaigns"}


def _campaigns(count: int) -> list[Page]:
    return [Page(f"campaigns/c-{index:03d}.md", {"en": f"Campaign {index}"}, group=str(2000 + index // 12))
            for index in range(count)]


def test_a_long_section_is_split_by_year_oldest_first_keeping_every_page():
    pages = _campaigns(FLAT_SECTION + 5)
    [section] = _nav(ENTRIES, pages, "en", T)
    years = section["Campaigns"]
    assert [next(iter(year)) for year in years] == ["2000", "2001", "2002"]
    assert years[0]["2000"][:2] == [{"Campaign 0": "campaigns/c-000.md"}, {"Campaign 1": "campaigns/c-001.md"}]
    listed = [path for year in years for entries in year.values() for entry in entries for path in entry.values()]
    assert listed == [page.path for page in pages]


def test_a_short_section_stays_flat():
    pages = _campaigns(FLAT_SECTION)
    [section] = _nav(ENTRIES, pages, "en", T)
    assert section["Campaigns"] == [{page.title["en"]: page.path} for page in pages]
