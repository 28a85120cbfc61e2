"""The personal-data screen skips a text only when it lacks a part every match of the pattern holds (NEEDS)."""

import re

import pandas as pd

from sitegen.read.checks.personal_data import (
    EVERYWHERE,
    LABELS_ONLY,
    NEEDS,
    PHONE_NUMBER,
    SCHOOL_NAME,
    _containing,
    _hits,
)

# At least one example per alternative of every pattern.
EXAMPLES = {
    "resident-registration-number": ["900101-1234567", "900101 - 2234567"],
    "phone-number": ["010-1234-5678", "+82 10 1234 5678", "01012345678", "02-123-4567", "031)123-4567"],
    "email-address": ["victim@example.com"],
    "messenger-handle": ["t.me/abc", "T.ME/abc", "open.kakao.com/o/x", "discord.gg/x", "line.me/x", "ask @someone"],
    "person-name": ["김철수 씨", "김철수님", "김철수(15세)", "Mr. Smith", "Dr Jones", "John Smith, aged 15"],
    "street-address": ["중구 세종대로 110", "101동 202호", "한빛아파트 3", "Sejong-daero 110", "12 Baker Street"],
    "birth-date": ["생년월일", "출생일", "생일", "DATE OF BIRTH", "dob", "Birthdate", "born on"],
    "school-name": ["서울중앙중학교", "Seoul Central Middle School", "Yonsei University", "University of Seoul"],
}


def test_every_example_matches_its_pattern_and_holds_what_the_pattern_needs():
    patterns = {code.code: pattern for code, pattern in {**EVERYWHERE, **LABELS_ONLY}.items()}
    needs = {code.code: need for code, need in NEEDS.items()}
    assert set(EXAMPLES) == set(patterns) == set(needs)
    for code, texts in EXAMPLES.items():
        for text in texts:
            assert re.search(patterns[code], text), (code, text)
            assert re.search(needs[code], text), (code, text)


def test_the_joined_scan_finds_each_text_that_holds_the_part_and_no_other():
    texts = ["window-0001", "a@b", "", "x\x00@y", "@", "plain", "tail@"]
    assert _containing(texts, "@") == {"a@b", "x\x00@y", "@", "tail@"}
    assert _containing([], "@") == set()


def test_hits_among_many_plain_ids_are_the_same_as_searching_every_text():
    plain = [f"synthetic-{i:04d}-01" for i in range(2000)] + ["2025-04-17", "123.5"]
    mixed = plain + [text for texts in EXAMPLES.values() for text in texts]
    frame = pd.Series(mixed, dtype=object)
    patterns = {**EVERYWHERE, **LABELS_ONLY}
    hits = _hits([("f.csv", "name", frame, patterns)])
    for code, pattern in patterns.items():
        assert hits[code] == {text for text in mixed if re.search(pattern, text)}, code
    assert hits[PHONE_NUMBER] and hits[SCHOOL_NAME]
