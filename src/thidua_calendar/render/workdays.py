"""A year's days off and swapped working days, as text or JSON, and how a day is labelled.

The JSON form is a contract: a list of objects with at least ``date``, ``kind``
(``holiday``, ``compensatory``, ``swapped_off``, ``swapped_work``), ``name`` and
``estimated``; keys are only ever added (see ``docs/cli.md``).
"""

from __future__ import annotations

import json
from typing import Any

from thidua_calendar.render.lines import format_date, weekday_name
from thidua_calendar.styles import DateStyle, Lang, WorkdaysFormat
from thidua_calendar.workdays import DayKind, DayOff, WorkCalendar

__all__ = [
    "KIND_LABELS",
    "WorkdaysFormat",
    "day_label",
    "day_off_reason",
    "render_workdays",
    "workday_records",
]

#: How each kind of day is called, in Vietnamese and in English.
KIND_LABELS: dict[Lang, dict[DayKind, str]] = {
    "vi": {
        "holiday": "nghỉ lễ",
        "compensatory": "nghỉ bù",
        "swapped_off": "nghỉ hoán đổi",
        "swapped_work": "làm bù",
    },
    "en": {
        "holiday": "holiday",
        "compensatory": "day in lieu",
        "swapped_off": "swapped day off",
        "swapped_work": "swapped work day",
    },
}


def _weekday_and_date(day: Any, lang: Lang, style: DateStyle) -> str:
    return f"{weekday_name(day, lang=lang)} {format_date(day, style=style)}"


def day_label(
    status: DayOff | None,
    /,
    *,
    working: bool,
    lang: Lang = "vi",
    date_style: DateStyle = "d/m/yyyy",
) -> str:
    """What a trace says of a day beside its weekday: ``"nghỉ"`` (a weekend),
    ``"nghỉ bù Giỗ Tổ Hùng Vương"``, ``"làm bù cho Thứ Sáu 2/5/2025"``… or ``""`` for an
    ordinary working day."""
    if status is None:
        if working:
            return ""
        return "nghỉ" if lang == "vi" else "day off"
    related = status.related
    if status.kind == "holiday":
        text = f"nghỉ {status.name}" if lang == "vi" else f"holiday: {status.name_en}"
    elif status.kind == "compensatory":
        name = status.name if lang == "vi" else status.name_en
        text = name[0].lower() + name[1:]
    elif status.kind == "swapped_off":
        assert related is not None
        when = _weekday_and_date(related, lang, date_style)
        text = (
            f"nghỉ hoán đổi, làm bù {when}" if lang == "vi"
            else f"swapped day off, worked on {when}"
        )
    else:
        assert related is not None
        when = _weekday_and_date(related, lang, date_style)
        text = f"làm bù cho {when}" if lang == "vi" else f"working day in exchange for {when}"
    if status.estimated:
        text += ", dự kiến" if lang == "vi" else ", estimated"
    return text


def day_off_reason(
    status: DayOff, /, *, lang: Lang = "vi", date_style: DateStyle = "d/m/yyyy"
) -> str:
    """Why the day has its status: the law and the announcement, or the day it trades with."""
    law = status.law if lang == "vi" else status.law_en
    if status.kind == "holiday":
        if status.estimated:
            note = (
                "chưa có thông báo ngày nghỉ cụ thể của năm" if lang == "vi"
                else "the year's days have not been announced"
            )
            return f"{law}; {note}"
        if status.announcement:
            return f"{law}; {status.announcement}"
        return law
    assert status.related is not None
    when = _weekday_and_date(status.related, lang, date_style)
    if status.kind == "compensatory":
        if lang == "vi":
            return f"{law}: ngày lễ rơi vào {when}, ngày nghỉ hằng tuần"
        return f"{law}: the holiday fell on {when}, a weekly rest day"
    if status.kind == "swapped_off":
        trade = f"làm bù vào {when}" if lang == "vi" else f"worked instead on {when}"
    else:
        trade = f"làm bù cho {when}" if lang == "vi" else f"worked instead of {when}"
    return f"{trade}; {status.announcement}" if status.announcement else trade


def workday_records(
    days: tuple[DayOff, ...], /, *, date_style: DateStyle = "d/m/yyyy"
) -> list[dict[str, Any]]:
    """One JSON-ready object per day, in date order."""
    return [
        {
            "date": status.date.isoformat(),
            "kind": status.kind,
            "name": status.name,
            "name_en": status.name_en,
            "estimated": status.estimated,
            "weekday": status.date.isoweekday(),
            "holiday": status.holiday,
            "related": status.related.isoformat() if status.related else None,
            "reason": day_off_reason(status, lang="vi", date_style=date_style),
            "reason_en": day_off_reason(status, lang="en", date_style=date_style),
        }
        for status in days
    ]


def render_workdays(
    calendar: WorkCalendar,
    year: int,
    /,
    *,
    format: WorkdaysFormat = "text",
    lang: Lang = "vi",
    date_style: DateStyle = "d/m/yyyy",
) -> str:
    """The days off and swapped working days of ``year`` under the calendar's policy."""
    days = calendar.days_off(year)
    if format == "json":
        records = workday_records(days, date_style=date_style)
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    policy = calendar.weekend
    if lang == "vi":
        rows = [f"Năm {year}: ngày nghỉ lễ, nghỉ bù và ngày hoán đổi "
                f"(nghỉ hằng tuần: {policy.name})"]
    else:
        rows = [f"{year}: public holidays, days in lieu and swapped days "
                f"(weekly rest: {policy.name_en})"]
    labels = KIND_LABELS[lang]
    dates = [format_date(status.date, style=date_style) for status in days]
    weekdays = [weekday_name(status.date, lang=lang) for status in days]
    width_date = max((len(text) for text in dates), default=0)
    width_weekday = max((len(text) for text in weekdays), default=0)
    width_kind = max(len(text) for text in labels.values())
    for status, shown, weekday in zip(days, dates, weekdays, strict=True):
        name = status.name if lang == "vi" else status.name_en
        if status.estimated:
            name += " (dự kiến)" if lang == "vi" else " (estimated)"
        reason = day_off_reason(status, lang=lang, date_style=date_style)
        rows.append(
            f"{weekday:<{width_weekday}} {shown:>{width_date}}  "
            f"{labels[status.kind]:<{width_kind}}  {name} ({reason})"
        )
    if any(status.estimated for status in days):
        rows.append(
            "(dự kiến) = chưa có thông báo của Chính phủ; thêm thông báo bằng --holidays FILE."
            if lang == "vi"
            else "(estimated) = not announced by the government yet; add the announcement "
            "with --holidays FILE."
        )
    return "\n".join(rows) + "\n"
