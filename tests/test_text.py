"""Vietnamese folding and slugs: known answers and properties (thidua_calendar.text)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua_calendar import plan
from thidua_calendar.text import fold, one_line, slug, upper_first


@pytest.mark.parametrize(("text", "folded"), [
    ("Ngày Giải phóng hoàn toàn miền Nam", "ngay giai phong hoan toan mien nam"),
    ("Đảng Cộng sản Việt Nam", "dang cong san viet nam"),
    ("ĐỘC LẬP – TỰ DO – HẠNH PHÚC", "doc lap tu do hanh phuc"),
    ("Quốc khánh 2/9", "quoc khanh 2 9"),
    ("  Tết  Nguyên\nđán. ", "tet nguyen dan"),
    ("", ""),
    ("“…”", ""),
])
def test_fold_known_answers(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(("text", "kwargs", "expected"), [
    ("LĐLĐ tỉnh Bắc Kạn", {}, "ldld-tinh-bac-kan"),
    ("Liên đoàn Lao động tỉnh Bắc Kạn", {}, "lien-doan-lao-dong-tinh-bac-kan"),
    ("Công đoàn ngành Giáo dục, năm 2022", {}, "cong-doan-nganh-giao-duc-nam-2022"),
    ("…", {}, "plan"),
    ("Nộp hồ sơ khen thưởng", {"separator": "_"}, "nop_ho_so_khen_thuong"),
    ("…", {"separator": "_", "fallback": "han"}, "han"),
    ("một hai ba", {"separator": "_", "limit": 7}, "mot_hai"),
    ("mộthaibamốnnăm", {"separator": "_", "limit": 5, "fallback": ""}, ""),
])
def test_slug_known_answers(text, kwargs, expected):
    assert slug(text, **kwargs) == expected


def test_the_plan_key_slug_is_this_one():
    # Feed keys and UIDs are made with thidua_calendar.plan.slug: one function, one answer.
    assert plan.slug is slug


def test_one_line():
    assert one_line(" a\n b\t\tc  ") == "a b c"


def test_upper_first_keeps_the_rest():
    assert upper_first("ngày Quốc tế Lao động") == "Ngày Quốc tế Lao động"
    assert upper_first("") == ""


@given(st.text())
def test_fold_is_ascii_words_and_idempotent(text):
    folded = fold(text)
    assert folded.isascii()
    assert re.fullmatch(r"(?:[a-z0-9]+(?: [a-z0-9]+)*)?", folded)
    assert fold(folded) == folded


@given(st.text(), st.sampled_from(["-", "_"]), st.none() | st.integers(1, 80))
def test_slug_is_a_plain_id(text, separator, limit):
    result = slug(text, separator=separator, fallback="x", limit=limit)
    assert re.fullmatch(rf"[a-z0-9{separator}]+", result)
    assert limit is None or result == "x" or len(result) <= limit
    assert result == "x" or result.split(separator) == fold(text).split()[
        : len(result.split(separator))]


@given(st.text())
def test_slug_keeps_the_words_of_the_text(text):
    assert slug(text, separator="_", fallback="") == "_".join(fold(text).split())


@pytest.mark.parametrize(("numeral", "number"), [
    ("I", 1), ("IV", 4), ("IX", 9), ("XII", 12), ("XIII", 13), ("XIV", 14), ("XL", 40),
    ("XC", 90), ("CXXXVI", 136)])
def test_roman_numerals_as_congresses_are_numbered(numeral, number):
    from thidua_calendar.text import roman_value

    assert roman_value(numeral) == number
