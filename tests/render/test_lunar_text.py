"""The lunar calendar for people (``thidua-calendar lunar``)."""

from __future__ import annotations

import json
from datetime import date

from thidua_calendar.lunar import LunarDate, lunar_months, to_lunar
from thidua_calendar.render.lunar import month_records, render_conversion, render_months


def test_months_of_a_year_with_a_leap_month():
    text = render_months(2023)
    lines = text.splitlines()
    assert lines[0] == "Năm Quý Mão (2023) âm lịch"
    assert lines[3] == "Tháng 2 nhuận     22/3/2023  29 ngày"
    assert len(lines) == 1 + 13
    english = render_months(2023, lang="en").splitlines()
    assert english[0] == "Lunar year 2023 (Water Cat)"
    assert english[3].startswith("Month 2 (leap)")


def test_months_json_is_the_records():
    assert json.loads(render_months(2023, format="json")) == month_records(lunar_months(2023))


def test_a_day_in_both_calendars():
    solar = date(2026, 4, 26)
    moon = to_lunar(solar)
    assert render_conversion(solar, moon) == (
        "26/4/2026 (Chủ nhật) = mùng 10 tháng 3 âm lịch năm Bính Ngọ\n")
    assert json.loads(render_conversion(solar, moon, format="json")) == {
        "solar": "2026-04-26", "lunar": {"year": 2026, "month": 3, "day": 10, "leap": False},
        "can_chi": "Bính Ngọ"}
    leap = LunarDate(year=2023, month=2, day=15, leap=True)
    assert render_conversion(date(2023, 4, 5), leap, lang="en") == (
        "5/4/2023 (Wednesday) = 15th day of the leap 2nd lunar month of lunar year 2023 "
        "(Water Cat)\n")
