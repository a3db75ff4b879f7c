"""Which catalog day a printed name names (thidua_calendar.reading.matching)."""

from __future__ import annotations

import pytest

from thidua_calendar.files.catalog import builtin_catalog
from thidua_calendar.reading.matching import (
    CatalogNames,
    contradicts,
    match_entry,
    match_partner,
    origin_text,
    same_origin,
)
from thidua_calendar.reading.printed_plan import TextDate


@pytest.fixture(scope="module")
def catalog():
    return builtin_catalog()


def _entry(catalog, entry_id):
    return next(entry for entry in catalog if entry.id == entry_id)


def test_names_match_the_catalog_despite_wording(catalog):
    assert match_entry("Ngày giải phóng hoàn toàn miền Nam, thống nhất đất nước",
                       catalog).id == "giai_phong_mien_nam"
    assert match_entry("ngày Quốc tế lao động", catalog).id == "quoc_te_lao_dong"
    pair = "Cách mạng tháng Tám và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert match_entry(pair, catalog, day=TextDate.parse("02/9/1945")).id == "quoc_khanh"
    assert match_entry(pair, catalog, day=TextDate.parse("19/8/1945")).id == (
        "cach_mang_thang_tam")
    assert match_entry("Ngày thành lập Công đoàn Giáo dục Việt Nam", catalog).id == (
        "cong_doan_giao_duc_vn")
    assert match_entry("Ngày thành lập tỉnh Bắc Kạn", catalog) is None


def test_strong_matches_differ_only_in_filler_words(catalog):
    names = CatalogNames(catalog)
    strong = names.strong("Ngày Giải phóng hoàn toàn miền Nam, thống nhất đất nước")
    assert [entry.id for entry in strong] == ["giai_phong_mien_nam"]
    assert names.strong("Ngày thành lập tỉnh Bắc Kạn") == []


def test_base_dates_compare_as_precisely_as_printed(catalog):
    quoc_khanh = _entry(catalog, "quoc_khanh")
    assert origin_text(quoc_khanh) == "2/9/1945"
    assert same_origin(TextDate.parse("02/9/1945"), quoc_khanh)
    assert same_origin(TextDate.parse("9/1945"), quoc_khanh)
    assert not same_origin(TextDate.parse("03/9/1945"), quoc_khanh)
    assert contradicts(TextDate.parse("03/9/1945"), quoc_khanh)
    assert not contradicts(TextDate.parse("1945"), quoc_khanh)


def test_the_partner_of_a_pair_shares_the_base_year(catalog):
    assert match_partner("Cách mạng tháng Tám", catalog, 1945).id == "cach_mang_thang_tam"
    assert match_partner("Cách mạng tháng Tám", catalog, 1930) is None
    assert match_partner("Cách mạng tháng Tám", catalog, None) is None
