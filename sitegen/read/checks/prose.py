"""Hand-written pages state no figure by hand: a number in their prose must be a reference to the data.

Topic pages (site_src/topics/*/*.md.j2), the home page (site_src/templates/index.md.j2) and the pages in
site_src/pages/*/*.md (rendered by Jinja too) cite figures with fig(), change(), share() and per_day() (sitegen.render.topics), so a figure
changed in a CSV changes in every sentence. `check` lists every other number with its file and line, except:

- years: four digits from 1900 to 2099 (2024);
- dates: 2024-08-28, 2024.8.28., 8월 28일, 2024년 8월, 28 Aug, 1–25 Aug, Aug 2024, Q1;
- ages and durations: a number followed by 대, 세, 살, 개월, 시간 (10대, 14세 미만, 10~13세, 24시간) or by "hours";
  after "aged", "age", "ages" or "under" (aged 10–13, under 14); touching a letter (20s, 4th, UTF-8);
- numbering: a Markdown list number at the start of a line (1. ...) and 1차, 2차; and zero (0);
- the phone numbers of the help page: 112, 1366, 1377, 1388, 117, 02-735-8994 (and the text numbers #1388, #0117).

Jinja tags, HTML tags, the code of script and style elements, link targets and code spans are not prose and are
not read.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...problems import Code, Problem

TYPED_NUMBER = Code(
    "typed-number",
    "Number typed by hand",
    'states the number "{number}" by hand',
    'refer to the figure instead: {{{{ fig("package", "period", "measure") }}}} (or change(), share(), per_day()); '
    "a year, date, age, list number or help-line number is allowed as it is",
    '수치를 직접 쓰지 말고 {{{{ fig("패키지", "기간", "측정") }}}}(또는 change(), share(), per_day())로 '
    "가리킵니다. 연도·날짜·나이·목록 번호·상담 전화번호는 그대로 써도 됩니다",
    dict(file="site_src/topics/ko/arrests.md.j2", row=12, number="1,234"),
)

PHONES = ("02-735-8994", "1366", "1377", "1388", "0117", "117", "112")
MONTHS = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
# Not prose: Jinja, HTML tags (and the code a script or style element holds), Markdown link targets and code, web
# addresses. Each is blanked out, lines kept.
NOT_PROSE = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|<(script|style)\b.*?</\1\s*>|<[^>]*>|\]\([^)]*\)|`[^`]*`|https?://\S+|&#?\w+;",
    re.S,
)
ALLOWED = re.compile(
    r"\d{4}-\d{2}-\d{2}|\d{4}\.\d{1,2}\.(?:\d{1,2}\.?)?"  # dates 2024-08-28, 2024.8.28.
    rf"|(?<![\d,.])(?:{'|'.join(re.escape(p) for p in PHONES)})(?![\d,])"  # the help lines
    r"|(?<!\d)(?<!\d[,.])(?:19|20)\d\d(?!\d|,\d)"  # years
    r"|\d+\s*[~–-]\s*(?=\d+\s*(?:세|살|대|월|일))"  # the first number of a range of ages or dates: 10~13세, 1~7월
    r"|\d+\s*(?:년|월|일|분기|대|세|살|개월|시간|차)"  # 2024년 8월 28일, 1분기, 10대, 14세, 7개월, 24시간, 2차
    rf"|\d+\s*[–-]\s*(?=\d+\s+{MONTHS}\b)"  # the first day of a range of dates: 1–25 Aug
    rf"|\d+\s+(?:{MONTHS})\b|\b(?:{MONTHS})\.?\s+\d+"  # 28 Aug, Aug 2024
    r"|\b(?:aged|age|ages|under)\s+\d+(?:\s*(?:[–-]|to)\s*\d+)?"  # aged 10–13, aged 10 to 13, under 14
    r"|\d+\s+hours?\b"  # 24 hours
    r"|[A-Za-z]\d+|\d+[A-Za-z]"  # touching a letter: Q1, UTF-8 (8 after -), CP949, 20s, 4th
    r"|-\d+(?!\d)"  # UTF-8, a hyphenated name
    r"|(?<![\d,.])0(?!\d|[,.]\d)"  # zero: nothing to cite
    r"|^\s*\d+[.)]\s",
    re.M,
)  # a Markdown list number
NUMBER = re.compile(r"\d+(?:[,.]\d+)*")


def prose_files(site_src: Path) -> list[Path]:
    """The hand-written pages the rule applies to."""
    return sorted(
        [*site_src.glob("topics/*/*.md.j2"), site_src / "templates" / "index.md.j2", *site_src.glob("pages/*/*.md")]
    )


def check_prose(site_src: Path) -> list[Problem]:
    problems = []
    for path in prose_files(site_src):
        if not path.is_file():
            continue
        shown = path.relative_to(site_src.parent).as_posix()
        problems += [
            TYPED_NUMBER.at(shown, line, number=number)
            for line, number in typed_numbers(path.read_text(encoding="utf-8"))
        ]
    return problems


def typed_numbers(text: str) -> list[tuple[int, str]]:
    """(line, number) of every number in the prose of `text` that the rule does not allow."""
    blank = NOT_PROSE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    blank = ALLOWED.sub(lambda m: " " * len(m.group()), blank)
    return [(blank.count("\n", 0, m.start()) + 1, m.group()) for m in NUMBER.finditer(blank)]
