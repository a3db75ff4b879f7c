"""The slips of a plan copied from last year's: known answers from the calendar and the
catalog, what must not be flagged, and properties."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua_calendar import lunar
from thidua_calendar.files.catalog import builtin_catalog
from thidua_calendar.reading.matching import CatalogNames
from thidua_calendar.reading.slips import find_slips

CATALOG = builtin_catalog()


NAMES = CatalogNames(CATALOG)


def _slips(text, year=2026):
    return [(slip.code, text[slip.start:slip.end], slip.message_en)
            for slip in find_slips(text, plan_year=year, names=NAMES)]


@pytest.mark.parametrize(("text", "code", "quote", "message"), [
    ("Năm 2026 kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam", "count-year",
     "95 năm Ngày thành lập Đảng Cộng sản Việt Nam",
     "95 năm is last year's count: Ngày thành lập Đảng Cộng sản Việt Nam dates from 1930, so "
     "in 2026 it is 96 năm"),
    ("135 năm Ngày sinh Chủ tịch Hồ Chí Minh", "count-year",
     "135 năm Ngày sinh Chủ tịch Hồ Chí Minh",
     "135 năm is last year's count: Ngày sinh Chủ tịch Hồ Chí Minh dates from 1890, so in "
     "2026 it is 136 năm"),
    ("và đón Tết Nguyên đán Ất Tỵ", "can-chi", "Tết Nguyên đán Ất Tỵ",
     "Ất Tỵ is last year's can-chi: the lunar year 2026 is Bính Ngọ"),
    ("Tháng hành động về an toàn, vệ sinh lao động lần thứ 9 năm 2026", "edition",
     "lần thứ 9 năm 2026",
     "Tháng hành động về an toàn, vệ sinh lao động in 2026 is the 10th (lần thứ 10), not the "
     "9th (last year's)"),
    ("Giỗ Tổ Hùng Vương (mùng 10 tháng 3 âm lịch, tức ngày 25/4/2026)", "lunar-solar",
     "25/4/2026", "10/3 of the lunar calendar is 26/04/2026, not 25/4/2026: the solar day is "
                  "wrong"),
    ("Giỗ Tổ Hùng Vương (mùng 10 tháng 3 âm lịch, tức ngày 07/4/2026)", "lunar-solar",
     "07/4/2026", "10/3 of the lunar calendar is 26/04/2026, not 07/4/2026: last year's day "
                  "and month with this year's year"),
    ("chậm nhất vào Thứ Sáu, ngày 05/12/2026", "weekday", "Thứ Sáu, ngày 05/12/2026",
     "05/12/2026 is a Saturday (Thứ Bảy), not Thứ Sáu"),
    ("Căn cứ Công văn số 12/CV-CĐ ngày 29/02/2025", "impossible-date", "29/02/2025",
     "29/02/2025 is not a real date (29 February, in a common year)"),
    ("Hồ sơ gửi trước ngày 31/4/2026", "impossible-date", "31/4/2026",
     "31/4/2026 is not a real date (the day)"),
    ("Đăng ký trước ngày 15/3/26", "two-digit-year", "15/3/26",
     "15/3/26 writes its year with two digits: 15/3/2026?"),
])
def test_each_slip_is_found_with_its_words_and_the_part_that_is_wrong(text, code, quote,
                                                                      message):
    assert _slips(text) == [(code, quote, message)]


@pytest.mark.parametrize("text", [
    "Năm 2026 kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam và đón Tết Nguyên đán Bính "
    "Ngọ",
    "đón Tết Nguyên đán Đinh Mùi năm 2027",  # the next Tết, at the end of a 2026 plan
    "Tháng hành động về an toàn, vệ sinh lao động lần thứ 10 năm 2026",
    "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",  # not a yearly campaign
    "Giỗ Tổ Hùng Vương (mùng 10 tháng 3 âm lịch, tức ngày 26/4/2026)",
    "Thứ Bảy, ngày 05/12/2026; thứ 6, ngày 04/12/2026; Chủ nhật, ngày 06/12/2026",
    "nhiệm kỳ 2023 - 2028; năm học 2025 - 2026; kế hoạch 5 năm 2021 - 2025",
    "3 năm chương trình hợp tác; trong 5 năm qua; thời hạn 2 năm kể từ ngày 01/01/2026",
    "Quyết định số 12/3/25 của Ủy ban",  # a document number
    "96 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2026)",
    "Mục 1.15.2025 của hướng dẫn",  # a numbering, not a date
    # Last year's results, in their own words: the count and the can-chi of the year named.
    "Năm 2025, đơn vị tổ chức thành công kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam",
    "Kết quả năm 2025: đón Tết Nguyên đán Ất Tỵ an toàn, tiết kiệm",
    "mừng xuân Ất Tỵ 2025",
])
def test_no_false_alarm(text):
    assert _slips(text) == []


def test_messages_are_vietnamese_first():
    text = "Năm 2026 kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam; đón Tết Nguyên đán Ất Tỵ"
    assert [slip.message for slip in find_slips(text, plan_year=2026, names=NAMES)] == [
        "“95 năm” là số năm của năm trước: Ngày thành lập Đảng Cộng sản Việt Nam tính từ năm "
        "1930, nên năm 2026 là 96 năm",
        "“Ất Tỵ” là can chi của năm trước: năm âm lịch 2026 là Bính Ngọ"]


def test_a_count_printed_with_its_dates_is_left_to_the_range_checks():
    text = "95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025)"
    assert _slips(text) == []


@settings(max_examples=80, deadline=None)
@given(year=st.integers(1990, 2090),
       entry_id=st.sampled_from(["thanh_lap_dang", "sinh_nhat_ho_chi_minh",
                                 "thanh_lap_cong_doan_vn", "nha_giao_viet_nam"]))
def test_this_year_s_count_passes_and_last_year_s_is_caught(year, entry_id):
    (entry,) = [e for e in CATALOG if e.id == entry_id]
    right = year - entry.origin.year
    assert _slips(f"kỷ niệm {right} năm {entry.name}", year) == []
    (slip,) = _slips(f"kỷ niệm {right - 1} năm {entry.name}", year)
    assert slip[0] == "count-year"
    assert "last year's count" in slip[2]


@settings(max_examples=80, deadline=None)
@given(day=st.dates(date(1950, 1, 1), date(2150, 12, 31)), wrong=st.integers(1, 6))
def test_weekday_names(day, wrong):
    names = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
    printed = f"{day.day:02d}/{day.month:02d}/{day.year}"
    assert _slips(f"vào {names[day.weekday()]}, ngày {printed}", day.year) == []
    other = names[(day.weekday() + wrong) % 7]
    assert [code for code, *_ in _slips(f"vào {other}, ngày {printed}", day.year)] == [
        "weekday"]


@settings(max_examples=60, deadline=None)
@given(year=st.integers(1950, 2100), month=st.integers(1, 12), day=st.integers(1, 29),
       shift=st.integers(1, 20))
def test_lunar_solar_pairs(year, month, day, shift):
    try:
        solar = lunar.to_solar(year, month, day)
    except ValueError:
        return
    text = f"ngày {day} tháng {month} âm lịch, tức ngày {solar:%d/%m/%Y}"
    assert _slips(text, solar.year) == []
    wrong = solar + timedelta(days=shift)
    text = f"ngày {day} tháng {month} âm lịch, tức ngày {wrong:%d/%m/%Y}"
    assert [code for code, *_ in _slips(text, wrong.year)] == ["lunar-solar"]
