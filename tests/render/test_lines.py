"""Lines in Vietnamese administrative style and in English."""

from __future__ import annotations

from datetime import date

import pytest

from thidua_calendar import builtin_catalog, group_lines, occurrences
from thidua_calendar.render.lines import format_date, lunar_text, weekday_name


@pytest.mark.parametrize(
    ("day", "style", "precision", "text"),
    [
        (date(1930, 2, 3), "d/m/yyyy", "day", "3/2/1930"),
        (date(1930, 2, 3), "dd/mm/yyyy", "day", "03/02/1930"),
        (date(1886, 5, 1), "dd/m/yyyy", "day", "01/5/1886"),
        (date(1972, 12, 1), "d/m/yyyy", "month", "12/1972"),
        (date(1930, 2, 1), "dd/mm/yyyy", "month", "02/1930"),
        (date(1943, 1, 1), "dd/mm/yyyy", "year", "1943"),
        # Nghị định 30/2020's form, as seed 002 (Lai Châu, 05/01/2022) prints its dates:
        # "(03/02/1930 - 03/02/2022)", "(30/4/1975 - 30/4/2022)", "(01/5/1886 - 01/5/2022)",
        # "(08/6/2006 - 08/6/2022)", "(02/9/1945 - 02/9/2022)".
        (date(1930, 2, 3), "nd30", "day", "03/02/1930"),
        (date(1975, 4, 30), "nd30", "day", "30/4/1975"),
        (date(1886, 5, 1), "nd30", "day", "01/5/1886"),
        (date(2006, 6, 8), "nd30", "day", "08/6/2006"),
        (date(1945, 9, 2), "nd30", "day", "02/9/1945"),
        (date(2022, 1, 5), "nd30", "day", "05/01/2022"),
        (date(1929, 7, 28), "nd30", "day", "28/7/1929"),
        (date(2022, 11, 20), "nd30", "day", "20/11/2022"),
        (date(1972, 12, 1), "nd30", "month", "12/1972"),
        (date(2022, 1, 1), "nd30", "month", "01/2022"),
    ],
)
def test_format_date(day, style, precision, text):
    assert format_date(day, style=style, precision=precision) == text


@pytest.mark.parametrize(
    ("month", "day", "leap", "vi", "en"),
    [
        (3, 10, False, "mùng 10 tháng 3 âm lịch", "10th day of the 3rd lunar month"),
        (1, 1, False, "mùng 1 tháng Giêng âm lịch", "1st day of the 1st lunar month"),
        (12, 23, False, "ngày 23 tháng Chạp âm lịch", "23rd day of the 12th lunar month"),
        (4, 15, True, "ngày 15 tháng 4 nhuận âm lịch", "15th day of the leap 4th lunar month"),
    ],
)
def test_lunar_text(month, day, leap, vi, en):
    assert lunar_text(month, day, leap=leap) == vi
    assert lunar_text(month, day, leap=leap, lang="en") == en


def test_weekday_names():
    assert weekday_name(date(2026, 4, 26)) == "Chủ nhật"
    assert weekday_name(date(2022, 7, 28)) == "Thứ Năm"
    assert weekday_name(date(2022, 7, 28), lang="en") == "Thursday"


def _line(year: int, entry_id: str, *, lang: str = "vi", style: str = "d/m/yyyy") -> str:
    lines = group_lines(occurrences(builtin_catalog(), year), lang=lang, date_style=style)
    return next(line.text for line in lines if line.occurrences[0].id == entry_id)


def test_august_revolution_and_national_day_share_a_line():
    """Seed 000: "77 năm Ngày Cách mạng Tháng Tám thành công (19/8/1945 - 19/8/2022) và
    Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 - 02/9/2022)"."""
    text = _line(2022, "cach_mang_thang_tam", style="dd/m/yyyy")
    assert text.startswith("77 năm Ngày Cách mạng Tháng Tám thành công (19/8/1945 - 19/8/2022) và ")
    assert text.endswith("Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam "
                         "(02/9/1945 - 02/9/2022)")
    assert text.count("77 năm") == 1


def test_two_counts_on_one_day():
    text = _line(2022, "thanh_lap_hoi_lhpn")
    assert text == (
        "92 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930 - 20/10/2022) và "
        "12 năm Ngày Phụ nữ Việt Nam (20/10/2010 - 20/10/2022)"
    )


@pytest.mark.parametrize(("year", "can_chi"), [(2022, "Nhâm Dần"), (2026, "Bính Ngọ")])
def test_party_day_with_the_coming_tet(year, can_chi):
    text = _line(year, "thanh_lap_dang")
    assert text.startswith(f"{year - 1930} năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - "
                           f"3/2/{year})")
    assert text.endswith(f" và đón Tết Nguyên đán {can_chi}")


def test_a_follower_stands_on_its_own_when_filtered_out_of_the_pair():
    catalog = builtin_catalog()
    found = occurrences([catalog.get("quoc_khanh")], 2022)
    (line,) = group_lines(found)
    assert line.text.startswith("77 năm ")


def test_every_occurrence_is_on_exactly_one_line():
    found = occurrences(builtin_catalog(), 2026)
    lines = group_lines(found)
    on_lines = [occ.id for line in lines for occ in line.occurrences]
    assert sorted(on_lines) == sorted(occ.id for occ in found)


def test_english_lines():
    text = _line(2022, "thanh_lap_cong_doan_vn", lang="en")
    assert text.endswith(": 93rd anniversary (28/7/1929 - 28/7/2022)")
    assert _line(2022, "thang_hanh_dong_atvsld", lang="en").endswith(", 6th edition (2022)")
    assert "10th day of the 3rd lunar month" in _line(2026, "gio_to_hung_vuong", lang="en")
    assert _line(2011, "thanh_lap_cong_doan_vn", lang="en").endswith(
        "82nd anniversary (28/7/1929 - 28/7/2011)")


def test_a_printed_with_cycle_keeps_every_entry():
    """The loader refuses cycles; hand-made entries may still have one."""
    from thidua_calendar import occurrence
    from thidua_calendar.anniversaries import Commemoration, Origin, PrintedWith

    def day(entry_id: str, partner: str) -> Commemoration:
        return Commemoration(
            id=entry_id, name=f"Ngày {entry_id}", name_en=entry_id,
            origin=Origin.parse("2000-03-01"), count="years",
            printed_with=PrintedWith(id=partner),
        )

    found = [occurrence(day("a", "b"), 2022), occurrence(day("b", "a"), 2022)]
    lines = group_lines([occ for occ in found if occ is not None])
    assert [occ.id for line in lines for occ in line.occurrences] == ["a", "b"]
    assert lines[0].text == "22 năm Ngày a (1/3/2000 - 1/3/2022) và Ngày b (1/3/2000 - 1/3/2022)"


@pytest.mark.parametrize("day", [date(2022, m, d) for m in range(1, 13) for d in (1, 9, 10, 28)])
def test_nd30_pads_days_under_10_and_months_1_and_2(day):
    day_text, month_text, year_text = format_date(day, style="nd30").split("/")
    assert day_text == f"{day.day:02d}"
    assert month_text == (f"{day.month:02d}" if day.month <= 2 else str(day.month))
    assert int(year_text) == day.year
