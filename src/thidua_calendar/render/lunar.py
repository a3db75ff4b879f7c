"""The lunar calendar for people: a lunar year's months, and one day in both calendars.

Text in Vietnamese or English, or JSON for tools.  The JSON forms are contracts (see
``docs/cli.md``): a month is ``{"month", "leap", "first_day", "length"}``; a converted day
is ``{"solar", "lunar": {"year", "month", "day", "leap"}, "can_chi"}``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from thidua_calendar.lunar import LunarDate, LunarMonth, can_chi, can_chi_en, lunar_months
from thidua_calendar.render.lines import format_date, lunar_text, weekday_name
from thidua_calendar.styles import Lang, LunarFormat

__all__ = ["LunarFormat", "month_records", "render_conversion", "render_months"]


def month_records(months: Sequence[LunarMonth], /) -> list[dict[str, Any]]:
    """One JSON-ready object per month, in the order given."""
    return [{"month": m.month, "leap": m.leap, "first_day": m.first_day.isoformat(),
             "length": m.length} for m in months]


def render_months(lunar_year: int, /, *, format: LunarFormat = "text", lang: Lang = "vi") -> str:
    """The months of ``lunar_year``, leap month included, each with its first solar day and
    its length."""
    months = lunar_months(lunar_year)
    if format == "json":
        return json.dumps(month_records(months), ensure_ascii=False, indent=2) + "\n"
    if lang == "vi":
        rows = [f"Năm {can_chi(lunar_year)} ({lunar_year}) âm lịch"]
        for m in months:
            name = f"Tháng {m.month}" + (" nhuận" if m.leap else "")
            rows.append(f"{name:<16} {format_date(m.first_day):>10}  {m.length} ngày")
    else:
        rows = [f"Lunar year {lunar_year} ({can_chi_en(lunar_year)})"]
        for m in months:
            name = f"Month {m.month}" + (" (leap)" if m.leap else "")
            rows.append(f"{name:<16} {format_date(m.first_day):>10}  {m.length} days")
    return "\n".join(rows) + "\n"


def render_conversion(
    solar: date, moon: LunarDate, /, *, format: LunarFormat = "text", lang: Lang = "vi"
) -> str:
    """One day in both calendars: ``26/4/2026 (Chủ nhật) = … năm Bính Ngọ``."""
    if format == "json":
        record = {
            "solar": solar.isoformat(),
            "lunar": {"year": moon.year, "month": moon.month, "day": moon.day, "leap": moon.leap},
            "can_chi": can_chi(moon.year),
        }
        return json.dumps(record, ensure_ascii=False) + "\n"
    described = lunar_text(moon.month, moon.day, leap=moon.leap, lang=lang)
    weekday = weekday_name(solar, lang=lang)
    if lang == "vi":
        year_name = f"năm {can_chi(moon.year)}"
    else:
        year_name = f"of lunar year {moon.year} ({can_chi_en(moon.year)})"
    return f"{format_date(solar)} ({weekday}) = {described} {year_name}\n"
