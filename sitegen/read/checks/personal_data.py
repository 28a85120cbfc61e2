"""Personal data: no column or cell may look like it identifies a person.

Field names are screened before the tables are read (sitegen.read.checks.files calls
`field_problems`); cell values here. Identifiers (resident registration
numbers, phone numbers, e-mail addresses, messenger handles and links) are
rejected everywhere, the sources' titles and quotes included. Names, street
addresses, birth dates and school names are rejected in every resource but
sources, whose titles and quotes are the only free text a package may hold
(their length is bounded by the schema).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy as np

from ...codes import Code
from ...problems import Problem
from .tables import columns

CODES = {
    "personal-data-field": Code('data/observations.csv:1:suspect_phone: column "suspect_phone" looks like it holds personal data',
                                "Remove the column: the site publishes aggregate counts only.",
                                "그 열을 지웁니다. 사이트는 집계된 건수만 공개합니다."),
    "resident-registration-number": Code('data/sources.csv:4:quote: "900101-1234567" looks like a resident registration number',
                                         "Remove it (checked in every resource, the sources' titles and quotes included).", "지웁니다 (출처의 제목·인용문을 포함해 모든 리소스를 검사합니다)."),
    "phone-number": Code('data/sources.csv:4:quote: "010-1234-5678" looks like a phone number', "Remove it (checked in every resource, the sources' titles and quotes included).", "지웁니다 (출처의 제목·인용문을 포함해 모든 리소스를 검사합니다)."),
    "email-address": Code('data/sources.csv:4:quote: "victim@example.com" looks like an e-mail address', "Remove it (checked in every resource, the sources' titles and quotes included).",
                          "지웁니다 (출처의 제목·인용문을 포함해 모든 리소스를 검사합니다)."),
    "messenger-handle": Code('data/sources.csv:4:url: "t.me/" looks like a messenger handle or link', "Remove it (checked in every resource, the sources' titles and quotes included).",
                             "지웁니다 (출처의 제목·인용문을 포함해 모든 리소스를 검사합니다)."),
    "person-name": Code('data/groups.csv:3:name_ko: "김철수 씨" looks like a person\'s name', "Remove it (checked in every resource but the sources' titles and quotes).", "지웁니다 (출처의 제목·인용문을 뺀 모든 리소스를 검사합니다)."),
    "street-address": Code('data/groups.csv:3:name_ko: "중구 세종대로 110" looks like a street address', "Remove it (checked in every resource but the sources' titles and quotes).",
                           "지웁니다 (출처의 제목·인용문을 뺀 모든 리소스를 검사합니다)."),
    "birth-date": Code('data/groups.csv:3:name_en: "date of birth" looks like a birth date', "Remove it (checked in every resource but the sources' titles and quotes).", "지웁니다 (출처의 제목·인용문을 뺀 모든 리소스를 검사합니다)."),
    "school-name": Code('data/groups.csv:3:name_ko: "서울중앙중학교" looks like a school or university name', "Remove it (checked in every resource but the sources' titles and quotes).",
                        "지웁니다 (출처의 제목·인용문을 뺀 모든 리소스를 검사합니다)."),
}

# Column names that only personal data would need (English and Korean).
PERSONAL_FIELD = re.compile(
    r"(?i)(^|_)(full_?name|first_?name|last_?name|surname|person|rrn|resident|jumin|ssn|phone|mobile|tel|"
    r"e_?mail|address|addr|street|birth|birthday|dob|school|university|telegram|kakao|handle|account|"
    r"username|user_?id|nickname)($|_)|이름|성명|주민|전화|휴대|연락처|이메일|주소|생년|생일|학교|계정|아이디|닉네임")

EVERYWHERE = {
    "resident-registration-number": (r"(?<!\d)\d{6}\s?-\s?[1-8]\d{6}(?!\d)", "a resident registration number"),
    "phone-number": (r"(?<![\d-])(?:\+82[-.\s]?|0)1[016789][-.\s]?\d{3,4}[-.\s]?\d{4}(?![\d-])"
                     r"|(?<![\d-])0(?:2|[3-6][1-5])[-.)\s]\d{3,4}[-.\s]\d{4}(?![\d-])", "a phone number"),
    "email-address": (r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", "an e-mail address"),
    "messenger-handle": (r"(?i)(?:t\.me|telegram\.(?:me|dog)|open\.kakao\.com|discord\.gg|discord\.com/invite|line\.me)/"
                         r"|(?<![\w.@])@[A-Za-z0-9_]{3,}", "a messenger handle or link"),
}
LABELS_ONLY = {
    "person-name": (r"(?<![가-힣])[가-힣]{2,4}\s?(?:씨|님)(?![가-힣])|(?<![가-힣])[가-힣]{2,4}\s?\(\d{1,2}세?\)"
                    r"|\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s[A-Z][a-z]+|\b[A-Z][a-z]+ [A-Z][a-z]+, (?:aged? )?\d{1,2}\b",
                    "a person's name"),
    "street-address": (r"[가-힣]+(?:시|도|구|군)\s[가-힣0-9]+(?:로|길)\s?\d+|\d+동\s?\d+호"
                       r"|[가-힣]+(?:아파트|빌라|오피스텔)\s?\d+|\b[A-Z][a-z]+-(?:ro|gil|daero)\s?\d+"
                       r"|\b\d{1,5}\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\s(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln)\b",
                       "a street address"),
    "birth-date": (r"(?i)생년월일|출생일|생일|date of birth|\bdob\b|birth ?date|born on", "a birth date"),
    "school-name": (r"[가-힣]{2,}(?:초등학교|중학교|고등학교|대학교)|\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\s"
                    r"(?:Elementary|Middle|High|Girls'?|Boys'?)\sSchool\b|\b[A-Z][a-z]+\sUniversity\b"
                    r"|\bUniversity of [A-Z]", "a school or university name"),
}
FREE_TEXT_RESOURCES = {"sources"}
# What each pattern cannot match without (a part every alternative of it holds; IGNORECASE folds b and d to
# nothing else): a text without it is not searched, which skips most ids, dates and numbers.
NEEDS = {
    "resident-registration-number": r"\d{6}\s?-",
    "phone-number": r"1[016789]|0(?:2|[3-6][1-5])[-.)\s]",
    "email-address": "@",
    "messenger-handle": "[/@]",
    "person-name": "[가-힣A-Z]",
    "street-address": "[가-힣A-Z]",
    "birth-date": "[가-힣bBdD]",
    "school-name": "[가-힣A-Z]",
}


def field_problems(path: str, names: list[str]) -> list[Problem]:
    """Columns (from a CSV header or a schema) whose names look like personal data."""
    return [Problem(path, 1, name, "personal-data-field", f'column "{name}" looks like it holds personal data',
                    "remove the column: the site publishes aggregate counts only, never data about a person")
            for name in names if isinstance(name, str) and PERSONAL_FIELD.search(name)]


def check(dataset, config) -> Iterator[Problem]:
    screened = []  # (path, column, its cells, the patterns that apply), in resource and column order
    for resource, path, column, cells in columns(dataset):
        if cells.dtype != object and str(cells.dtype) not in ("str", "string"):
            continue
        patterns = dict(EVERYWHERE) if resource["name"] in FREE_TEXT_RESOURCES else {**EVERYWHERE, **LABELS_ONLY}
        screened.append((path, column, cells.astype(str), patterns))
    hits = _hits(screened)
    for path, column, cells, patterns in screened:
        for code, (pattern, what) in patterns.items():
            if not hits[code]:
                continue
            for index, cell in cells[cells.isin(hits[code])].items():
                match = re.search(pattern, cell).group(0)
                yield Problem(path, int(index) + 2, column, code, f'"{match}" looks like {what}',
                              "remove it: publish counts, never details that identify a person, a school or "
                              "an account")


def _hits(screened) -> dict[str, set[str]]:
    """For each code, the texts its pattern matches: every distinct text is searched once per pattern, although
    the same ids fill many rows and several columns and tables."""
    texts: dict[tuple[str, ...], set[str]] = {}  # the texts each set of patterns applies to
    for _, _, cells, patterns in screened:
        texts.setdefault(tuple(patterns), set()).update(cells.tolist())
    hits = {}
    for code, (pattern, _) in {**EVERYWHERE, **LABELS_ONLY}.items():
        candidates = set().union(*(found for codes, found in texts.items() if code in codes))
        search = re.compile(pattern).search
        hits[code] = {text for text in _containing(list(candidates), NEEDS[code]) if search(text)}
    return hits


def _containing(texts: list[str], need: str) -> set[str]:
    """The texts in which need matches, found in one scan of all texts joined by NUL (which need cannot match)."""
    if not texts:
        return set()
    starts = np.cumsum([0] + [len(text) + 1 for text in texts[:-1]])
    found = [m.start() for m in re.finditer(f"(?:{need})[^\\x00]*", "\x00".join(texts))]
    return {texts[i] for i in np.searchsorted(starts, found, side="right") - 1}
