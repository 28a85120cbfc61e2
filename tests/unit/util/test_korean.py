"""Korean particles follow the sound of the word before them; counters follow the unit."""

import pytest

from sitegen.util import korean


@pytest.mark.parametrize(
    "word, pair, expected",
    [
        ("10대", "이/가", "10대가"),  # 대: no final consonant
        ("학생", "이/가", "학생이"),
        ("고등학교", "이/가", "고등학교가"),
        ("963명", "이/가", "963명이"),
        ("963", "이/가", "963이"),  # 구백육십삼: ㅁ
        ("1,202", "으로/로", "1,202로"),  # 천이백이: a vowel
        ("267", "을/를", "267을"),  # 이백육십칠: ㄹ
        ("7", "으로/로", "7로"),  # 칠: ㄹ takes 로
        ("서울", "으로/로", "서울로"),
        ("3", "으로/로", "3으로"),  # 삼
        ("10", "과/와", "10과"),  # 십
        ("100", "은/는", "100은"),  # 백
        ("1,000", "은/는", "1,000은"),  # 천
        ("20,000", "이/가", "20,000이"),  # 이만
        ("300,000", "이/가", "300,000이"),  # 삼십만
        ("100,000,000", "이/가", "100,000,000이"),  # 일억
        ("2", "을/를", "2를"),
        ("8.80", "으로/로", "8.80으로"),  # 팔 점 팔영: ㅇ
        ("35.2%", "이/가", "35.2%가"),  # 퍼센트
        ("KCSC", "을/를", "KCSC를"),  # 씨
        ("KNPA", "이/가", "KNPA가"),
        ("URL", "을/를", "URL을"),  # 엘
        ("Telegram", "과/와", "Telegram과"),  # 텔레그램
        ("10대(촉법소년 포함)", "이/가", "10대(촉법소년 포함)가"),  # the parenthesis is looked through
        ("'집중단속'", "은/는", "'집중단속'은"),
        ("2024.8.26.~2025.8.25.", "이/가", "2024.8.26.~2025.8.25.이"),  # 25일
    ],
)
def test_particle_follows_the_final_sound(word, pair, expected):
    assert korean.attach(word, pair) == expected


def test_unknown_pair_and_unreadable_word_are_refused():
    with pytest.raises(ValueError, match="unknown particle pair"):
        korean.particle("학생", "이(가)")
    with pytest.raises(ValueError, match="cannot tell"):
        korean.particle("★", "이/가")


def test_counter_follows_the_unit():
    assert korean.counter("persons") == "명"
    assert korean.counter("reports") == "건"
    with pytest.raises(ValueError, match="no Korean counter"):
        korean.counter("litres")
