"""The fact-check corrections of 2026-11-29 as rules: who released a figure and who reported it, notes beside
figures and periods, differently defined reports, and the changelog entries that record them."""

import re

import pytest


def page(site, lang_root, path):
    return (site / lang_root / path / "index.html").read_text(encoding="utf-8")


def cell(html, needle):
    """The table row holding needle."""
    start = html.rindex("<tr", 0, html.index(needle))
    return html[start : html.index("</tr>", start)]


@pytest.mark.parametrize(
    "lang_root, released, reported, outlet",
    [
        ("en/", "Released by KNPA, reported by ", "Reported by", "Voice of the People"),
        ("", "경찰청 발표, ", " 보도", "민중의소리"),
    ],
)
def test_pages_say_who_released_and_who_reported(built_site, lang_root, released, reported, outlet):
    crackdown = page(built_site, lang_root, "data/special-crackdown-2024")
    assert re.search(re.escape(released) + r'<a href="https://vop\.co\.kr/A00001669823\.html"', crackdown)
    campaign = page(built_site, lang_root, "campaigns/crackdown-2024-08-28")
    assert re.search(re.escape(released) + r'<a href="#source-vop-2025-04-17">' + outlet, campaign)
    assert "Announced by" not in campaign
    # the sources list says it too
    assert re.search(r'<li id="source-vop-2025-04-17">' + re.escape(released), crackdown)
    # no releasing body recorded: only who reported it (a table row links, short, to its entry in the sources list)
    telegram = page(built_site, lang_root, "data/telegram-cooperation")
    videos = cell(telegram, ">25<")
    source = re.search(r'<a class="cite" href="#(source-[^"]+)"', videos).group(1)
    entry = telegram[telegram.index(f'<li id="{source}">') :]
    entry = entry[: entry.index("</li>")]
    assert reported in entry and "KNPA" not in entry and "경찰청" not in entry


@pytest.mark.parametrize(
    "lang_root, label, reason",
    [
        ("en/", "Differently defined report", "Counts case files, not pieces of information"),
        ("", "정의가 다른 보도", "정보 건수가 아니라 사건 파일을 센 수치입니다"),
    ],
)
def test_a_differently_defined_report_is_not_shown_as_a_conflict(built_site, lang_root, label, reason):
    row = cell(page(built_site, lang_root, "data/telegram-cooperation"), 'href="#source-korea-bizwire"')
    assert "report--different" in row and label in row and reason in row
    assert "report--conflict" not in row and "report--agrees" not in row


@pytest.mark.parametrize(
    "lang_root, flag, reason",
    [
        ("en/", "lower confidence", "may be a transcription slip"),
        ("", "신뢰도 낮음", "옮겨 적는 과정의 오류일 수 있으며"),
    ],
)
def test_10305_reviewed_is_flagged_with_its_reason_beside_it(built_site, lang_root, flag, reason):
    html = page(built_site, lang_root, "data/kcsc-correction-requests")
    row = cell(html[html.index('<h3 id="jan-sep-2024"') :], "10,305")
    assert "badge--flag" in row and flag in row and reason in row


@pytest.mark.parametrize(
    "lang_root, words",
    [("en/", "the report does not say what the share is taken of"), ("", "이 비율의 기준을 밝히지 않았습니다")],
)
def test_64_3_percent_says_its_base_is_unknown(built_site, lang_root, words):
    figure = "../../figures/crackdown-2022/#crackdown-2022-03-01/teen_share/age_10_19"
    row = cell(
        page(built_site, lang_root, "data/crackdown-2022"),
        f'<td class="num figures__value"><a class="fig" href="{figure}">64.3%',
    )
    assert words in row and "badge--flag" in row


@pytest.mark.parametrize(
    "lang_root, inferred, opening",
    [
        ("en/", "Dates inferred", "The centre opened in April 2018"),
        ("", "추정한 날짜입니다", "센터는 2018년 4월에 문을 열었고"),
    ],
)
def test_inferred_and_unknown_dates_are_said_beside_the_period(built_site, lang_root, inferred, opening):
    cyber = page(built_site, lang_root, "data/cyber-sexual-violence-crackdown-2024-25")
    meta = cyber[cyber.index('<h3 id="year-before-2024-11-01"') :]
    assert inferred in meta[: meta.index("</p>")]
    victims = page(built_site, lang_root, "data/victim-support")
    meta = victims[victims.index('<h3 id="year-2018"') :]
    assert opening in meta[: meta.index("</p>")]


@pytest.mark.parametrize("lang_root", ["", "en/"])
def test_whats_new_and_the_feed_show_the_corrections(built_site, lang_root):
    whats_new = page(built_site, lang_root, "whats-new")
    feed = (built_site / lang_root / "feed.xml").read_text(encoding="utf-8")
    words = "Hundreds of case files" if lang_root else "수백 건의 사건 파일"
    assert words in whats_new and words in feed
