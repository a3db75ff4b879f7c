"""Occurrences, counts and classes against what real plans and official guides print."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from thidua_calendar import (
    OutOfRangeError,
    builtin_catalog,
    load_catalog,
    occurrence,
    occurrence_text,
    occurrences,
)
from thidua_calendar.anniversaries import Commemoration, Origin, milestone_of

LOCAL_DAYS = Path(__file__).parent.parent / "examples" / "catalogs" / "local-days.yaml"

# (year, id, count the document prints, the line it prints, date style it uses, where).
# The seeds are the five real plans in ../shared/seeds; the lines are copied from them
# (names as the catalog spells them; the counts and date ranges are the documents').
PRINTED = [
    (2022, "thanh_lap_cong_doan_vn", 93,
     "93 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2022)", "d/m/yyyy", "seed 000"),
    (2022, "giai_phong_mien_nam", 47, "(30/4/1975 - 30/4/2022)", "d/m/yyyy", "seed 000"),
    (2022, "quoc_te_lao_dong", 136, "(01/5/1886 - 01/5/2022)", "dd/m/yyyy", "seed 000"),
    (2022, "sinh_nhat_ho_chi_minh", 132, "(19/5/1890 - 19/5/2022)", "d/m/yyyy", "seed 000"),
    (2022, "cach_mang_thang_tam", 77, "(19/8/1945 - 19/8/2022)", "d/m/yyyy", "seed 000"),
    (2022, "ha_noi_dbp_tren_khong", 50, "(12/1972 - 12/2022)", "d/m/yyyy", "seed 000"),
    (2022, "thanh_lap_dang", 92, "(03/02/1930 - 03/02/2022)", "dd/mm/yyyy", "seed 002"),
    (2022, "nha_giao_viet_nam", 40, "(20/11/1982 - 20/11/2022)", "d/m/yyyy",
     "official count; seed 002 prints 20/11/1983, which contradicts its own 40"),
    (2020, "thanh_lap_dang", 90, "(03/02/1930 - 03/02/2020)", "dd/mm/yyyy", "seed 004"),
    (2020, "sinh_nhat_ho_chi_minh", 130, "(19/5/1890 - 19/5/2020)", "d/m/yyyy", "seed 004"),
    (2020, "giai_phong_mien_nam", 45, "(30/4/1975 - 30/4/2020)", "d/m/yyyy", "seed 004"),
    (2020, "cach_mang_thang_tam", 75, "(19/8/1945 - 19/8/2020)", "d/m/yyyy", "seed 004"),
    (2020, "quoc_khanh", 75, "(02/9/1945 - 02/9/2020)", "dd/m/yyyy", "seed 004"),
    (2024, "thanh_lap_cong_doan_vn", 95, "(28/7/1929 - 28/7/2024)", "d/m/yyyy",
     "Ban Tuyên giáo Trung ương, HD 156-HD/BTGTW"),
    (2023, "de_cuong_van_hoa", 80, "80 năm Đề cương về văn hóa Việt Nam (1943 - 2023)",
     "d/m/yyyy", "DOMAIN.md, year precision"),
    (2022, "thanh_lap_hoi_lhpn", 92, "(20/10/1930 - 20/10/2022)", "d/m/yyyy", "DOMAIN.md"),
    (2022, "ngay_phu_nu_viet_nam", 12, "(20/10/2010 - 20/10/2022)", "d/m/yyyy", "DOMAIN.md"),
    (2025, "thanh_lap_qdnd", 81, "(22/12/1944 - 22/12/2025)", "d/m/yyyy", "80 năm in 2024"),
]


@pytest.mark.parametrize(("year", "entry_id", "count", "printed", "style", "where"), PRINTED)
def test_counts_and_ranges_as_printed(year, entry_id, count, printed, style, where):
    occ = occurrence(builtin_catalog().get(entry_id), year)
    assert occ is not None
    assert occ.years == count
    assert printed in occurrence_text(occ, date_style=style), where


@pytest.mark.parametrize(
    ("year", "edition", "text"),
    [
        (2022, 6, "Tháng hành động về an toàn, vệ sinh lao động lần thứ 6 năm 2022"),
        (2018, 2, "Tháng hành động về an toàn, vệ sinh lao động lần thứ 2 năm 2018"),
        (2017, 1, "Tháng hành động về an toàn, vệ sinh lao động lần thứ 1 năm 2017"),
    ],
)
def test_atvsld_month_is_numbered_from_2017(year, edition, text):
    occ = occurrence(builtin_catalog().get("thang_hanh_dong_atvsld"), year)
    assert occ is not None
    assert occ.edition == edition
    assert occ.years is None
    assert (occ.date, occ.end) == (date(year, 5, 1), date(year, 5, 31))
    assert occurrence_text(occ) == text


def test_workers_month_is_a_month_without_count():
    catalog = builtin_catalog()
    occ = occurrence(catalog.get("thang_cong_nhan"), 2022)
    assert occ is not None
    assert (occ.date, occ.end, occ.count, occ.milestone) == (
        date(2022, 5, 1), date(2022, 5, 31), None, None)
    assert occurrence_text(occ) == "Tháng Công nhân năm 2022"
    assert occurrence(catalog.get("thang_cong_nhan"), 2011) is None


@pytest.mark.parametrize(
    ("year", "solar"),
    [(2020, date(2020, 4, 2)), (2021, date(2021, 4, 21)), (2022, date(2022, 4, 10)),
     (2023, date(2023, 4, 29)), (2024, date(2024, 4, 18)), (2025, date(2025, 4, 7)),
     (2026, date(2026, 4, 26))],
)
def test_gio_to_falls_on_the_published_solar_dates(year, solar):
    occ = occurrence(builtin_catalog().get("gio_to_hung_vuong"), year)
    assert occ is not None
    assert occ.date == solar
    assert occ.count is None
    assert occurrence_text(occ) == "Giỗ Tổ Hùng Vương (mùng 10 tháng 3 âm lịch)"


@pytest.mark.parametrize(
    ("year", "milestone"),
    [(2020, "nam_tron"), (2025, "nam_le_5"), (2026, "nam_khac"), (2030, "nam_tron")],
)
def test_gio_to_is_classed_by_the_calendar_year(year, milestone):
    """Nghị định 145/2013 Điều 3: 2020 was năm tròn, held at national level."""
    occ = occurrence(builtin_catalog().get("gio_to_hung_vuong"), year)
    assert occ is not None
    assert occ.milestone == milestone


@pytest.mark.parametrize(
    ("year", "milestone"),
    [(2020, "nam_tron"), (2025, "nam_le_5"), (2022, "nam_khac"), (2030, "nam_tron")],
)
def test_party_day_is_classed_by_its_count(year, milestone):
    occ = occurrence(builtin_catalog().get("thanh_lap_dang"), year)
    assert occ is not None
    assert occ.milestone == milestone


def test_tet_carries_the_can_chi_of_its_lunar_year():
    occ = occurrence(builtin_catalog().get("tet_nguyen_dan"), 2022)
    assert occ is not None
    assert occ.date == date(2022, 2, 1)
    assert occurrence_text(occ).startswith("Tết Nguyên đán Nhâm Dần (mùng 1 tháng Giêng âm lịch")
    assert occurrence_text(occ, show_solar=True).endswith("tức 1/2/2022)")


@pytest.mark.parametrize(
    ("year", "entry_id", "count", "text"),
    [
        (2020, "thanh_lap_tinh_bac_kan", 120,
         "120 năm Ngày thành lập tỉnh Bắc Kạn (11/4/1900 - 11/4/2020)"),
        (2022, "thanh_lap_truong_chinh_tri_lai_chau", 16, "(08/6/2006 - 08/6/2022)"),
    ],
)
def test_local_days_from_a_user_catalog(year, entry_id, count, text):
    """Seed 004 greets the province's 120th anniversary; seed 002 the school's 16th."""
    catalog = load_catalog(LOCAL_DAYS)
    occ = occurrence(catalog.get(entry_id), year)
    assert occ is not None
    assert occ.years == count
    assert text in occurrence_text(occ, date_style="dd/m/yyyy" if count == 16 else "d/m/yyyy")


def _entry(origin: str, **options: object) -> Commemoration:
    return Commemoration(
        id="test", name="Ngày thử", name_en="Test day", origin=Origin.parse(origin),
        count="years", **options,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("leap_day", "year", "expected"),
    [
        ("feb28", 2001, date(2001, 2, 28)),
        ("feb28", 2004, date(2004, 2, 29)),
        ("mar1", 2001, date(2001, 3, 1)),
        ("mar1", 2100, date(2100, 3, 1)),  # 2100 is not a leap year
        ("feb28", 2000, None),  # the founding year itself has no anniversary
    ],
)
def test_29_february_origin(leap_day, year, expected):
    occ = occurrence(_entry("2000-02-29", leap_day=leap_day), year)
    assert (occ.date if occ else None) == expected


def test_no_occurrence_before_the_first_year_of_observance():
    catalog = builtin_catalog()
    law_day = catalog.get("ngay_phap_luat")
    assert occurrence(law_day, 2012) is None
    first = occurrence(law_day, law_day.observed_from or 0)
    assert first is not None
    assert occurrence(catalog.get("thanh_lap_cong_doan_vn"), 1929) is None


@pytest.mark.parametrize("year", [1899, 2101, 0, -5])
def test_years_outside_the_range_are_refused(year):
    with pytest.raises(OutOfRangeError, match=f"year {year} is outside the supported range"):
        occurrences(builtin_catalog(), year)


def test_filters_by_tag_and_class():
    catalog = builtin_catalog()
    nd145 = occurrences(catalog, 2025, tags=["nd145"])
    assert {occ.id for occ in nd145} >= {
        "tet_nguyen_dan", "thanh_lap_dang", "gio_to_hung_vuong", "giai_phong_mien_nam",
        "chien_thang_dien_bien_phu", "sinh_nhat_ho_chi_minh", "cach_mang_thang_tam",
        "quoc_khanh",
    }
    assert all("nd145" in occ.commemoration.tags for occ in nd145)
    round_years = occurrences(catalog, 2025, milestones=["nam_tron"])
    assert round_years
    assert all(occ.count is not None and occ.count % 10 == 0 for occ in round_years
               if occ.commemoration.class_by == "count")
    # 2025: 50 years since 30/4/1975, 80 since 2/9/1945, 95 since 3/2/1930.
    assert "giai_phong_mien_nam" in {occ.id for occ in round_years}
    assert "quoc_khanh" in {occ.id for occ in round_years}
    assert "thanh_lap_dang" not in {occ.id for occ in round_years}


def test_a_year_lists_every_entry_that_occurs_sorted_by_date():
    catalog = builtin_catalog()
    found = occurrences(catalog, 2026)
    expected = [entry.id for entry in catalog if occurrence(entry, 2026) is not None]
    assert sorted(occ.id for occ in found) == sorted(expected)
    assert [occ.date for occ in found] == sorted(occ.date for occ in found)


@pytest.mark.parametrize(
    ("count", "milestone"),
    [(90, "nam_tron"), (10, "nam_tron"), (75, "nam_le_5"), (5, "nam_le_5"), (93, "nam_khac"),
     (1, "nam_khac"), (2020, "nam_tron"), (2025, "nam_le_5")],
)
def test_milestone_of(count, milestone):
    assert milestone_of(count) == milestone


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1929-02-30", "not a real date"),
        ("1929-13", "month 13"),
        ("AL 03-31", "lunar day 31"),
        ("28/7/1929", "is not one of the forms"),
        ("0000", "year 0"),
    ],
)
def test_bad_origins_are_refused_with_a_reason(text, message):
    with pytest.raises(ValueError, match=message):
        Origin.parse(text)


@pytest.mark.parametrize(
    "text", ["1929-07-28", "1972-12", "1943", "40", "--01-01", "--02-29", "AL 03-10",
             "AL 1930-01-10"],
)
def test_origin_round_trips_through_its_catalog_form(text):
    assert str(Origin.parse(text)) == text


@pytest.mark.parametrize(
    ("year", "entry_id", "vi", "en"),
    [
        (2001, "gia_dinh_viet_nam", "Ngày Gia đình Việt Nam (28/6/2001)",
         "Vietnamese Family Day (28/6/2001)"),
        (2002, "gia_dinh_viet_nam", "1 năm Ngày Gia đình Việt Nam (28/6/2001 - 28/6/2002)",
         "Vietnamese Family Day: 1st anniversary (28/6/2001 - 28/6/2002)"),
    ],
)
def test_the_first_year_of_observance_prints_no_count(year, entry_id, vi, en):
    occ = occurrence(builtin_catalog().get(entry_id), year)
    assert occ is not None
    assert (occ.count, occ.milestone) == ((None, None) if year == 2001 else (1, "nam_khac"))
    assert occurrence_text(occ) == vi
    assert occurrence_text(occ, lang="en") == en


def test_culture_day_starts_in_2026():
    culture_day = builtin_catalog().get("ngay_van_hoa_viet_nam")
    assert occurrence(culture_day, 2025) is None
    occ = occurrence(culture_day, 2026)
    assert occ is not None
    assert occ.date == date(2026, 11, 24)


def _lunar_entry(origin: str) -> Commemoration:
    return Commemoration(
        id="ong_tao", name="Ông Công Ông Táo", name_en="Kitchen Gods' Day",
        origin=Origin.parse(origin), count="years" if origin[3:5] == "19" else "none",
    )


def test_a_lunar_anniversary_counts_lunar_years():
    """23 tháng Chạp of lunar 2021 falls on 25/1/2022: 71 lunar years after 1950."""
    occ = occurrence(_lunar_entry("AL 1950-12-23"), 2022)
    assert occ is not None
    assert occ.date == date(2022, 1, 25)
    assert occ.lunar_date is not None
    assert occ.lunar_date.year == 2021
    assert occ.years == 71
    assert occurrence_text(occ) == "71 năm Ông Công Ông Táo (23/12/1950 - 23/12/2021 âm lịch)"


def test_a_lunar_day_30_of_a_short_month_prints_the_29th():
    """Month 12 of Tân Sửu (2021) has 29 days; its last day is 31/1/2022."""
    occ = occurrence(_lunar_entry("AL 12-30"), 2022)
    assert occ is not None
    assert occ.date == date(2022, 1, 31)
    assert occurrence_text(occ, show_solar=True) == (
        "Ông Công Ông Táo (ngày 29 tháng Chạp âm lịch, tức 31/1/2022)")
