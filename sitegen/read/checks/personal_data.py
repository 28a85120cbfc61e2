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

from ...problems import Code, Problem
from .tables import columns

PERSONAL_DATA_FIELD = Code(
    "personal-data-field",
    "Column for personal data",
    'column "{field}" looks like it holds personal data',
    "remove the column: the site publishes aggregate counts only, never data about a person",
    "그 열을 지웁니다. 사이트는 집계된 건수만 공개하고, 사람에 관한 데이터는 공개하지 않습니다",
    dict(file="data/observations.csv", row=1, field="suspect_phone"),
)

# A cell that looks like personal data: the fix says where the pattern is looked for.
_REMOVE = "remove it: publish counts, never details that identify a person, a school or an account"
_REMOVE_KO = "지웁니다. 건수만 공개하고 사람·학교·계정을 알아볼 수 있는 내용은 공개하지 않습니다"
_EVERYWHERE_EN = f"{_REMOVE} (checked in every resource, the sources' titles and quotes included)"
_EVERYWHERE_KO = f"{_REMOVE_KO} (출처의 제목·인용문을 포함해 모든 리소스를 검사합니다)"
_LABELS_EN = f"{_REMOVE} (checked in every resource but the sources' titles and quotes)"
_LABELS_KO = f"{_REMOVE_KO} (출처의 제목·인용문을 뺀 모든 리소스를 검사합니다)"


RESIDENT_REGISTRATION_NUMBER = Code(
    "resident-registration-number",
    "Resident registration number",
    '"{match}" looks like a resident registration number',
    _EVERYWHERE_EN,
    _EVERYWHERE_KO,
    dict(file="data/sources.csv", row=4, field="quote", match="900101-1234567"),
)
PHONE_NUMBER = Code(
    "phone-number",
    "Phone number",
    '"{match}" looks like a phone number',
    _EVERYWHERE_EN,
    _EVERYWHERE_KO,
    dict(file="data/sources.csv", row=4, field="quote", match="010-1234-5678"),
)
EMAIL_ADDRESS = Code(
    "email-address",
    "E-mail address",
    '"{match}" looks like an e-mail address',
    _EVERYWHERE_EN,
    _EVERYWHERE_KO,
    dict(file="data/sources.csv", row=4, field="quote", match="victim@example.com"),
)
MESSENGER_HANDLE = Code(
    "messenger-handle",
    "Messenger handle",
    '"{match}" looks like a messenger handle or link',
    _EVERYWHERE_EN,
    _EVERYWHERE_KO,
    dict(file="data/sources.csv", row=4, field="url", match="t.me/"),
)
PERSON_NAME = Code(
    "person-name",
    "Person's name",
    '"{match}" looks like a person\'s name',
    _LABELS_EN,
    _LABELS_KO,
    dict(file="data/groups.csv", row=3, field="name_ko", match="김철수 씨"),
)
STREET_ADDRESS = Code(
    "street-address",
    "Street address",
    '"{match}" looks like a street address',
    _LABELS_EN,
    _LABELS_KO,
    dict(file="data/groups.csv", row=3, field="name_ko", match="중구 세종대로 110"),
)
BIRTH_DATE = Code(
    "birth-date",
    "Birth date",
    '"{match}" looks like a birth date',
    _LABELS_EN,
    _LABELS_KO,
    dict(file="data/groups.csv", row=3, field="name_en", match="date of birth"),
)
SCHOOL_NAME = Code(
    "school-name",
    "School name",
    '"{match}" looks like a school or university name',
    _LABELS_EN,
    _LABELS_KO,
    dict(file="data/groups.csv", row=3, field="name_ko", match="서울중앙중학교"),
)

# Column names that only personal data would need (English and Korean).
PERSONAL_FIELD = re.compile(
    r"(?i)(^|_)(full_?name|first_?name|last_?name|surname|person|rrn|resident|jumin|ssn|phone|mobile|tel|"
    r"e_?mail|address|addr|street|birth|birthday|dob|school|university|telegram|kakao|handle|account|"
    r"username|user_?id|nickname)($|_)|이름|성명|주민|전화|휴대|연락처|이메일|주소|생년|생일|학교|계정|아이디|닉네임"
)

# The pattern each kind of personal data is found by.
EVERYWHERE = {
    RESIDENT_REGISTRATION_NUMBER: r"(?<!\d)\d{6}\s?-\s?[1-8]\d{6}(?!\d)",
    PHONE_NUMBER: r"(?<![\d-])(?:\+82[-.\s]?|0)1[016789][-.\s]?\d{3,4}[-.\s]?\d{4}(?![\d-])"
    r"|(?<![\d-])0(?:2|[3-6][1-5])[-.)\s]\d{3,4}[-.\s]\d{4}(?![\d-])",
    EMAIL_ADDRESS: r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}",
    MESSENGER_HANDLE: r"(?i)(?:t\.me|telegram\.(?:me|dog)|open\.kakao\.com|discord\.gg|discord\.com/invite|line\.me)/"
    r"|(?<![\w.@])@[A-Za-z0-9_]{3,}",
}
LABELS_ONLY = {
    PERSON_NAME: r"(?<![가-힣])[가-힣]{2,4}\s?(?:씨|님)(?![가-힣])|(?<![가-힣])[가-힣]{2,4}\s?\(\d{1,2}세?\)"
    r"|\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s[A-Z][a-z]+|\b[A-Z][a-z]+ [A-Z][a-z]+, (?:aged? )?\d{1,2}\b",
    STREET_ADDRESS: r"[가-힣]+(?:시|도|구|군)\s[가-힣0-9]+(?:로|길)\s?\d+|\d+동\s?\d+호"
    r"|[가-힣]+(?:아파트|빌라|오피스텔)\s?\d+|\b[A-Z][a-z]+-(?:ro|gil|daero)\s?\d+"
    r"|\b\d{1,5}\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\s(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln)\b",
    BIRTH_DATE: r"(?i)생년월일|출생일|생일|date of birth|\bdob\b|birth ?date|born on",
    SCHOOL_NAME: r"[가-힣]{2,}(?:초등학교|중학교|고등학교|대학교)|\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\s"
    r"(?:Elementary|Middle|High|Girls'?|Boys'?)\sSchool\b|\b[A-Z][a-z]+\sUniversity\b"
    r"|\bUniversity of [A-Z]",
}
FREE_TEXT_RESOURCES = {"sources"}
# What each pattern cannot match without (a part every alternative of it holds; IGNORECASE folds b and d to
# nothing else): a text without it is not searched, which skips most ids, dates and numbers.
NEEDS = {
    RESIDENT_REGISTRATION_NUMBER: r"\d{6}\s?-",
    PHONE_NUMBER: r"1[016789]|0(?:2|[3-6][1-5])[-.)\s]",
    EMAIL_ADDRESS: "@",
    MESSENGER_HANDLE: "[/@]",
    PERSON_NAME: "[가-힣A-Z]",
    STREET_ADDRESS: "[가-힣A-Z]",
    BIRTH_DATE: "[가-힣bBdD]",
    SCHOOL_NAME: "[가-힣A-Z]",
}


def field_problems(path: str, names: list[str]) -> list[Problem]:
    """Columns (from a CSV header or a schema) whose names look like personal data."""
    return [
        PERSONAL_DATA_FIELD.at(path, 1, name) for name in names if isinstance(name, str) and PERSONAL_FIELD.search(name)
    ]


def check(dataset, config) -> Iterator[Problem]:
    screened = []  # (path, column, its cells, the patterns that apply), in resource and column order
    for resource, path, column, cells in columns(dataset):
        if cells.dtype != object and str(cells.dtype) not in ("str", "string"):
            continue
        patterns = dict(EVERYWHERE) if resource["name"] in FREE_TEXT_RESOURCES else {**EVERYWHERE, **LABELS_ONLY}
        screened.append((path, column, cells.astype(str), patterns))
    hits = _hits(screened)
    for path, column, cells, patterns in screened:
        for code, pattern in patterns.items():
            if not hits[code]:
                continue
            for index, cell in cells[cells.isin(hits[code])].items():
                yield code.at(path, int(index) + 2, column, match=re.search(pattern, cell).group(0))


def _hits(screened) -> dict[Code, set[str]]:
    """For each code, the texts its pattern matches: every distinct text is searched once per pattern, although
    the same ids fill many rows and several columns and tables."""
    texts: dict[tuple[Code, ...], set[str]] = {}  # the texts each set of patterns applies to
    for _, _, cells, patterns in screened:
        texts.setdefault(tuple(patterns), set()).update(cells.tolist())
    hits = {}
    for code, pattern in {**EVERYWHERE, **LABELS_ONLY}.items():
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
