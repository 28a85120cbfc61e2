"""UI strings exist in both languages; number and date formats."""

import pytest
import yaml

from sitegen import SiteError
from sitegen.config import ROOT
from sitegen.util import i18n


def test_every_key_exists_in_both_languages():
    strings = i18n.load_strings(ROOT / "site_src" / "i18n")
    assert set(strings["ko"]) == set(strings["en"])
    assert all(strings["ko"][k].strip() or k == "persons_unit" for k in strings["ko"])


def test_a_missing_key_fails(tmp_path):
    for lang in i18n.LANGUAGES:
        (tmp_path / lang).mkdir()
    (tmp_path / "ko" / "a.yml").write_text(yaml.safe_dump({"x": "엑스", "y": "와이"}, allow_unicode=True))
    (tmp_path / "en" / "a.yml").write_text(yaml.safe_dump({"x": "ex"}))
    with pytest.raises(SiteError, match="missing keys y"):
        i18n.load_strings(tmp_path)


def test_formats():
    assert i18n.number(10535.0, "ko") == "10,535"
    assert i18n.number(1.85, "en") == "1.85"
    assert i18n.percent(260.674, signed=True) == "+260.7%"
    assert i18n.date("2025-03-31", "ko") == "2025년 3월 31일"
    assert i18n.date("2025-03-31", "en") == "31 Mar 2025"
