"""Korean that reads as an editor writes it: particles chosen by the sound before them, counters by unit.

A particle pair such as 이/가 depends on whether the word before it ends in a
consonant (받침) when read aloud: 10대가, 고등학교가, 20대가 but 학생이, 963명이.
Numbers are read as Sino-Korean (1,202 -> 천이백이: no final consonant; 963 -> 구백육십삼: ㅁ),
Latin letters by their names (KCSC -> 케이씨에스씨), and a closing parenthesis is
looked through (10대(촉법소년 포함)가). 으로/로 also takes 로 after ㄹ (서울로, 7로).
"""

from __future__ import annotations

import re
import unicodedata

# The particle pairs: (after a final consonant, after a vowel).
PAIRS = {
    "이/가": ("이", "가"),
    "은/는": ("은", "는"),
    "을/를": ("을", "를"),
    "과/와": ("과", "와"),
    "으로/로": ("으로", "로"),
    "이나/나": ("이나", "나"),
    "이다/다": ("이다", "다"),
    "이에요/예요": ("이에요", "예요"),
    "아/야": ("아", "야"),
    "이라/라": ("이라", "라"),
}
RIEUL = 8  # index of ㄹ among the final consonants of a Hangul syllable
# How a digit ends when read: None = a vowel, else the final consonant's index (ㄱ 1, ㄴ 4, ㄹ 8, ㅁ 16, ㅂ 17, ㅇ 21).
DIGIT_FINAL = {"0": 21, "1": RIEUL, "2": None, "3": 16, "4": None, "5": None, "6": 1, "7": RIEUL, "8": RIEUL, "9": None}
# How a whole number ending in zeros is read: 10 십 (ㅂ), 100 백 (ㄱ), 1000 천 (ㄴ); from 10^4 the number ends in
# 만 (ㄴ: 20,000 이만, 300,000 삼십만), from 10^8 in 억 (ㄱ), from 10^12 in 조 (a vowel).
ZEROS_FINAL = {1: 17, 2: 1, 3: 4}
UNIT_FINAL = ((12, None), (8, 1), (4, 4))
# Latin letters read by name: L 엘, M 엠, N 엔, R 알 end in a consonant; the others (에이, 비, 씨, ...) in a vowel.
LETTER_FINAL = {"L": RIEUL, "M": 16, "N": 4, "R": RIEUL}
# Latin words by their final sounds: -ng/-m/-n/-l end in a consonant as they are read in Korean (텔레그램, 엑셀).
WORD_ENDINGS = (("ng", 21), ("m", 16), ("n", 4), ("l", RIEUL), ("ck", 1), ("k", 1), ("p", 17), ("t", 19))
TRAILING = re.compile(r"[\s\"'’”」』]+$")
PARENTHESIS = re.compile(r"\s*\([^()]*\)$")
DOTTED_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.$")

# Counting words after a number, by the measure's unit.
COUNTERS = {
    "persons": "명",
    "victims": "명",
    "cases": "건",
    "reports": "건",
    "items": "건",
    "services": "건",
    "percent": "%",
    "per_day": "건",
}


def final(word: str) -> int | None:
    """The final consonant (0 < index < 28) that `word` ends with when read aloud, None after a vowel."""
    text = str(word)
    while True:
        stripped = PARENTHESIS.sub("", TRAILING.sub("", text))
        if stripped == text:
            break
        text = stripped
    if not text:
        raise ValueError(f"no word to attach a particle to: {word!r}")
    if DOTTED_DATE.search(text):
        return RIEUL  # 2025.8.25. is read 2025년 8월 25일
    last = text[-1]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28 or None
    if last == "%":
        return None  # 퍼센트
    if last in "0123456789":
        return _number_final(text)
    if unicodedata.numeric(last, None) is not None and float(unicodedata.numeric(last)).is_integer():
        return _number_final(str(int(unicodedata.numeric(last))))  # circled numbers: ① is read 일
    if last.isascii() and last.isalpha():
        letters = re.search(r"[A-Za-z]+$", text).group()
        if letters.isupper():
            return LETTER_FINAL.get(letters[-1])
        return next((index for ending, index in WORD_ENDINGS if letters.lower().endswith(ending)), None)
    raise ValueError(f"cannot tell how {word!r} ends when read aloud: add the particle by hand")


def _number_final(text: str) -> int | None:
    digits = re.search(r"[\d,.]+$", text).group().replace(",", "")
    if "." in digits:
        return DIGIT_FINAL[digits[-1]]  # decimals are read digit by digit: 8.80 -> 팔 점 팔영
    whole = digits.lstrip("0") or "0"
    if whole == "0" or whole[-1] != "0":
        return DIGIT_FINAL[whole[-1]]
    zeros = len(whole) - len(whole.rstrip("0"))
    if zeros in ZEROS_FINAL:
        return ZEROS_FINAL[zeros]
    return next(ending for power, ending in UNIT_FINAL if zeros >= power)


def particle(word: str, pair: str) -> str:
    """The particle of `pair` ("이/가", "을/를", "으로/로", ...) that follows `word`."""
    try:
        after_consonant, after_vowel = PAIRS[pair]
    except KeyError:
        raise ValueError(f"unknown particle pair {pair!r}; known: {', '.join(PAIRS)}") from None
    ending = final(word)
    if pair == "으로/로" and ending == RIEUL:
        return after_vowel
    return after_consonant if ending else after_vowel


def attach(word: str, pair: str) -> str:
    """`word` followed by the right particle: attach("10대", "이/가") -> "10대가"."""
    return f"{word}{particle(word, pair)}"


def counter(unit: str) -> str:
    """The counting word that follows a number of `unit` (명 for people, 건 for cases and requests)."""
    try:
        return COUNTERS[unit]
    except KeyError:
        raise ValueError(f"no Korean counter for unit {unit!r}; add it to sitegen.util.korean.COUNTERS") from None
