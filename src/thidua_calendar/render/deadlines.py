"""Deadlines as documents word them, and the trace of how each date was found.

Vietnamese (the default)::

    trước ngày 12/4/2022 (Thứ Ba) → hạn cuối 11/4/2022 (Thứ Hai, nghỉ bù Giỗ Tổ Hùng Vương)
    → lùi về 8/4/2022 (Thứ Sáu)
    kết thúc Đợt 1: 30/6/2022 + 15 ngày = 15/7/2022 (Thứ Sáu)

English::

    before 12/4/2022 (Tuesday) → last day 11/4/2022 (Monday, day in lieu of Hung Kings'
    Commemoration Day) → moved back to 8/4/2022 (Friday)

The JSON form of a schedule is a contract (see ``docs/cli.md``); keys are only ever added.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from thidua_calendar.deadlines import (
    PERIOD_MONTHS,
    Conflict,
    Day,
    Deadline,
    Recurring,
    Schedule,
    Step,
    Wording,
)
from thidua_calendar.render.lines import format_date, weekday_name
from thidua_calendar.render.workdays import day_label
from thidua_calendar.styles import DateStyle, Lang, ScheduleFormat
from thidua_calendar.workdays import WeekendPolicy

if TYPE_CHECKING:
    from thidua_calendar.provinces import ProvinceKind

__all__ = [
    "WORDING_TEXT",
    "ScheduleFormat",
    "conflict_text",
    "day_text",
    "deadline_phrase",
    "level_name",
    "recurring_phrase",
    "render_schedule",
    "schedule_records",
    "schedule_title",
    "trace_text",
]

#: How documents word each kind of deadline.
WORDING_TEXT: dict[Lang, dict[Wording, str]] = {
    "vi": {
        "truoc_ngay": "trước ngày",
        "cham_nhat": "chậm nhất ngày",
        "den_het_ngay": "đến hết ngày",
        "ngay": "ngày",
    },
    "en": {
        "truoc_ngay": "before",
        "cham_nhat": "no later than",
        "den_het_ngay": "by the end of",
        "ngay": "on",
    },
}

def level_name(level: str, /, *, lang: Lang = "vi", kind: ProvinceKind = "tinh",
               on: date | None = None) -> str:
    """``"cdcs"`` -> ``"CĐCS"`` (``"grassroots unions"``); ``"tinh"`` -> ``"LĐLĐ thành phố"``
    for a centrally-run city (``kind="thanh_pho"``).  The labels are the union structure's
    of ``on`` (``data/union_levels.yaml``); a level it does not know prints as written."""
    from thidua_calendar.files.union_levels import builtin_union_levels

    return builtin_union_levels().label(level, lang=lang, kind=kind, on=on)


def day_text(day: Day, /, *, lang: Lang = "vi", date_style: DateStyle = "d/m/yyyy") -> str:
    """``"16/7/2022 (Thứ Bảy, nghỉ)"``: a date with its weekday and, if any, its status."""
    label = day_label(day.status, working=day.working, lang=lang, date_style=date_style)
    weekday = weekday_name(day.date, lang=lang)
    inner = f"{weekday}, {label}" if label else weekday
    return f"{format_date(day.date, style=date_style)} ({inner})"


def deadline_phrase(
    deadline: Deadline, /, *, lang: Lang = "vi", date_style: DateStyle = "d/m/yyyy"
) -> str:
    """The deadline the way the document says it: ``"trước ngày 12/4/2022"``."""
    end = format_date(deadline.stated, style=date_style)
    window = _window_step(deadline)
    if window is not None and window.start is not None:
        begin = format_date(window.start.date, style=date_style)
        return _window_text(begin, end, deadline.rule.wording, lang)
    return f"{WORDING_TEXT[lang][deadline.rule.wording]} {end}"


#: How a window's end is worded: "đến trước ngày B" ends the day before B.
_WINDOW_END: dict[Lang, dict[Wording, str]] = {
    "vi": {"truoc_ngay": "đến trước ngày", "den_het_ngay": "đến hết ngày",
           "cham_nhat": "đến ngày", "ngay": "đến ngày"},
    "en": {"truoc_ngay": "to before", "den_het_ngay": "to the end of",
           "cham_nhat": "to", "ngay": "to"},
}


def _window_text(begin: str, end: str, wording: Wording, lang: Lang) -> str:
    start = "từ ngày" if lang == "vi" else "from"
    return f"{start} {begin} {_WINDOW_END[lang][wording]} {end}"


def _window_step(deadline: Deadline) -> Step | None:
    for step in deadline.steps:
        if step.kind == "window":
            return step
    return None


def trace_text(
    deadline: Deadline, /, *, lang: Lang = "vi", date_style: DateStyle = "d/m/yyyy"
) -> str:
    """How the due date was found, step by step, every date with its weekday."""
    parts: list[str] = []
    prefix = ""
    previous: Step | None = None
    for step in deadline.steps:
        text = _step_text(step, previous, lang=lang, date_style=date_style)
        previous = step
        if step.kind == "anchor":
            name = step.name if lang == "vi" else step.name_en
            if step.anchor_kind == "deadline":
                name = f"hạn “{name}”" if lang == "vi" else f"deadline “{name}”"
            prefix = f"{name}: "
            continue
        if text is None:
            continue
        parts.append(prefix + text)
        prefix = ""
    if prefix:  # an anchor used as it is (a window's end)
        parts.append(prefix.rstrip(": "))
    return " → ".join(parts)


_ROMAN = ("I", "II", "III", "IV")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
#: "hằng quý" / "every quarter": how plans name each reporting period.
_EVERY = {"vi": {"month": "hằng tháng", "quarter": "hằng quý", "half_year": "6 tháng một lần",
                 "year": "hằng năm"},
          "en": {"month": "every month", "quarter": "every quarter",
                 "half_year": "every six months", "year": "every year"}}


def recurring_phrase(when: Recurring, wording: Wording, /, *, lang: Lang = "vi") -> str:
    """A recurring report's rule as plans word it: ``"trước ngày 15 của tháng cuối quý
    (tháng 3, 6, 9 và 12)"``, ``"chậm nhất ngày 25 hằng tháng"``."""
    vi = lang == "vi"
    said = WORDING_TEXT[lang][wording]
    if when.day == -1:
        day = "ngày cuối cùng" if vi else "the last day"
        said = (said.removesuffix("ngày").rstrip() if vi else said) or ("vào" if vi else said)
    else:
        day = str(when.day) if vi else _ordinal_en(when.day)
    head = f"{said} {day}" if vi else f"{said} the {day}" if when.day != -1 else f"{said} {day}"
    length = PERIOD_MONTHS[when.frequency]
    months = when.months
    if vi:
        listed = ", ".join(str(m) for m in months[:-1]) + f" và {months[-1]}" if len(
            months) > 1 else str(months[0])
    else:
        names = [_MONTHS_EN[m - 1] for m in months]
        listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
    if when.frequency == "month":
        return f"{head} {_EVERY[lang]['month']}"
    if when.frequency == "year":
        return (f"{head} tháng {months[0]} hằng năm" if vi
                else f"{head} of {listed} every year")
    index = when.month if when.month > 0 else length + when.month + 1
    span = "quý" if when.frequency == "quarter" else "kỳ 6 tháng"
    if vi:
        position = ("tháng đầu" if index == 1 else "tháng cuối" if index == length
                    else f"tháng thứ {index} của")
        return f"{head} của {position} {span} (tháng {listed})"
    return f"{head} of {listed} ({_EVERY[lang][when.frequency]})"


def _period_name(when: Recurring, day: date, lang: Lang) -> str:
    """The period a report of ``day`` covers: "quý III/2022", "tháng 9/2022"."""
    vi = lang == "vi"
    length = PERIOD_MONTHS[when.frequency]
    number = (day.month - 1) // length + 1
    if when.frequency == "month":
        return f"tháng {day.month}/{day.year}" if vi else f"{_MONTHS_EN[day.month - 1]} {day.year}"
    if when.frequency == "quarter":
        return f"quý {_ROMAN[number - 1]}/{day.year}" if vi else f"Q{number} {day.year}"
    if when.frequency == "half_year":
        if vi:
            return f"6 tháng {'đầu' if number == 1 else 'cuối'} năm {day.year}"
        return f"{'first' if number == 1 else 'second'} half of {day.year}"
    return f"năm {day.year}" if vi else str(day.year)


def _ordinal_en(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
        number % 10, "th"
    )
    return f"{number}{suffix}"


def _step_text(
    step: Step, previous: Step | None, *, lang: Lang, date_style: DateStyle
) -> str | None:
    def full(day: Day) -> str:
        return day_text(day, lang=lang, date_style=date_style)

    vi = lang == "vi"
    if step.kind == "offset":
        assert step.start is not None
        sign = "+" if step.direction == "after" else "-"
        if step.unit == "working_days":
            unit = "ngày làm việc" if vi else ("working day" if step.amount == 1
                                               else "working days")
        else:
            unit = "ngày" if vi else ("day" if step.amount == 1 else "days")
        start = format_date(step.start.date, style=date_style)
        return f"{start} {sign} {step.amount} {unit} = {full(step.day)}"
    if step.kind == "nth":
        month = f"{step.day.date.month}/{step.day.date.year}"
        if vi:
            if step.n > 0:
                which = f"ngày làm việc thứ {step.n} của tháng {month}"
            elif step.n == -1:
                which = f"ngày làm việc cuối cùng của tháng {month}"
            else:
                which = f"ngày làm việc thứ {-step.n} tính từ cuối tháng {month}"
        elif step.n > 0:
            which = f"{_ordinal_en(step.n)} working day of {month}"
        elif step.n == -1:
            which = f"last working day of {month}"
        else:
            which = f"{_ordinal_en(-step.n)} working day from the end of {month}"
        return f"{which} = {full(step.day)}"
    if step.kind == "recurring":
        assert step.recurring is not None
        period = _period_name(step.recurring, step.day.date, lang)
        said = WORDING_TEXT[lang][step.wording]
        return (f"báo cáo {period}: {said} {full(step.day)}" if vi
                else f"report for {period}: {said} {full(step.day)}")
    if step.kind == "window":
        assert step.start is not None
        return _window_text(full(step.start), full(step.day), step.wording, lang)
    if step.kind == "stated":
        computed = previous is not None and previous.kind in ("offset", "nth")
        if computed and step.wording != "truoc_ngay":
            return None  # the computed date is already shown with its weekday
        return f"{WORDING_TEXT[lang][step.wording]} {full(step.day)}"
    if step.kind == "last_day":
        return f"hạn cuối {full(step.day)}" if vi else f"last day {full(step.day)}"
    if step.kind == "window_start":
        return f"mở từ {full(step.day)}" if vi else f"opens {full(step.day)}"
    if step.kind == "roll":
        back = step.direction == "previous"
        if vi:
            verb = "lùi về" if back else "dời sang"
            other = "dời sang" if back else "lùi về"
            guard = f" (vì {other} sẽ vượt qua mốc tính)" if step.guarded else ""
        else:
            verb = "moved back to" if back else "moved forward to"
            other = "moving forward" if back else "moving back"
            guard = f" ({other} would cross the anchor)" if step.guarded else ""
        return f"{verb} {full(step.day)}{guard}"
    if step.kind == "no_roll":
        return "giữ nguyên dù là ngày nghỉ" if vi else "kept although it is a day off"
    return None


def conflict_text(
    conflict: Conflict, /, *, lang: Lang = "vi", date_style: DateStyle = "d/m/yyyy"
) -> str:
    """One sentence on a cascade problem."""
    child, parent = conflict.child, conflict.parent
    child_name = _name(child, lang)
    parent_name = _name(parent, lang)
    child_day = _day_with_weekday(child.due, lang, date_style)
    parent_day = _day_with_weekday(parent.due, lang, date_style)
    if child.due > parent.due:
        if lang == "vi":
            return (f"{child_name}: hạn {child_day} muộn hơn hạn cấp trên {parent_name} "
                    f"({parent_day}) mà nó phục vụ")
        return (f"{child_name}: due {child_day}, after {parent_name} ({parent_day}), "
                "which it feeds")
    if lang == "vi":
        return (f"{child_name}: hạn {child_day} chỉ cách hạn cấp trên {parent_name} "
                f"({parent_day}) {conflict.available} ngày làm việc, cần "
                f"{conflict.lead_working_days}")
    return (f"{child_name}: due {child_day}, only {conflict.available} working day(s) before "
            f"{parent_name} ({parent_day}); it needs {conflict.lead_working_days}")


def _day_with_weekday(day: Any, lang: Lang, date_style: DateStyle) -> str:
    return f"{weekday_name(day, lang=lang)} {format_date(day, style=date_style)}"


def _name(deadline: Deadline, lang: Lang) -> str:
    name = deadline.rule.name if lang == "vi" else deadline.rule.name_en
    if deadline.audience is not None:
        audience = deadline.audience.name if lang == "vi" else deadline.audience.name_en
        name += f" ({audience})"
    return f"“{name}”"


def schedule_records(
    schedule: Schedule, /, *, date_style: DateStyle = "d/m/yyyy"
) -> dict[str, list[dict[str, Any]]]:
    """The JSON-ready form of a schedule: ``deadlines`` and ``conflicts``."""
    deadlines = []
    for deadline in _by_due(schedule):
        rule = deadline.rule
        audience = deadline.audience
        deadlines.append(
            {
                "id": rule.id,
                "name": rule.name,
                "name_en": rule.name_en,
                "audience": audience.id if audience else None,
                "audience_name": audience.name if audience else None,
                "level": rule.level,
                "wording": rule.wording,
                "roll": rule.roll,
                "text": deadline_phrase(deadline, lang="vi", date_style=date_style),
                "text_en": deadline_phrase(deadline, lang="en", date_style=date_style),
                "stated": deadline.stated.isoformat(),
                "last_day": deadline.last_day.isoformat(),
                "due": deadline.due.isoformat(),
                "weekday": deadline.due.isoweekday(),
                "start": deadline.start.isoformat() if deadline.start else None,
                "rolled": deadline.rolled,
                "guarded": deadline.guarded,
                "estimated": deadline.estimated,
                "feeds": rule.feeds,
                # A recurring report's occurrence (its report date), else null.
                "occurrence": (deadline.occurrence.isoformat() if deadline.occurrence
                               else None),
                "trace": trace_text(deadline, lang="vi", date_style=date_style),
                "trace_en": trace_text(deadline, lang="en", date_style=date_style),
            }
        )
    conflicts = [
        {
            "deadline": conflict.child.rule.id,
            "audience": conflict.child.audience.id if conflict.child.audience else None,
            "due": conflict.child.due.isoformat(),
            "feeds": conflict.parent.rule.id,
            "feeds_audience": (
                conflict.parent.audience.id if conflict.parent.audience else None
            ),
            "feeds_due": conflict.parent.due.isoformat(),
            "lead_working_days": conflict.lead_working_days,
            "available_working_days": conflict.available,
            "text": conflict_text(conflict, lang="vi", date_style=date_style),
            "text_en": conflict_text(conflict, lang="en", date_style=date_style),
        }
        for conflict in schedule.conflicts
    ]
    return {"deadlines": deadlines, "conflicts": conflicts}


def _by_due(schedule: Schedule) -> list[Deadline]:
    return sorted(schedule.deadlines, key=lambda deadline: deadline.due)


def schedule_title(source: str, /, *, weekend: WeekendPolicy, lang: Lang = "vi") -> str:
    """The heading of a rules file's schedule: the file, and the weekly rest it was counted
    with (the same rules give other days under another policy)."""
    if lang == "vi":
        return f"Các hạn của {source} (nghỉ hằng tuần: {weekend.name})"
    return f"Deadlines of {source} (weekly rest: {weekend.name_en})"


def render_schedule(
    schedule: Schedule,
    /,
    *,
    format: ScheduleFormat = "text",
    lang: Lang = "vi",
    date_style: DateStyle = "d/m/yyyy",
    title: str | None = None,
) -> str:
    """The schedule in due-date order, each deadline with its trace, then the conflicts."""
    if format == "json":
        records = schedule_records(schedule, date_style=date_style)
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    vi = lang == "vi"
    rows: list[str] = []
    if title:
        rows.extend([f"# {title}" if format == "markdown" else title, ""])
    if format == "markdown":
        rows.append("| Hạn | Việc | Văn bản ghi | Cách tính |" if vi
                    else "| Due | Task | As worded | How it was found |")
        rows.append("|---|---|---|---|")
    for deadline in _by_due(schedule):
        due = _day_with_weekday(deadline.due, lang, date_style)
        if deadline.estimated:
            due += " (dự kiến)" if vi else " (estimated)"
        name = _name(deadline, lang).strip("“”")
        phrase = deadline_phrase(deadline, lang=lang, date_style=date_style)
        trace = trace_text(deadline, lang=lang, date_style=date_style)
        if format == "markdown":
            cells = [due, name, phrase, trace]
            rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
        else:
            rows.append(f"{due}  {name}: {phrase}")
            rows.append(f"    {trace}")
    if schedule.conflicts:
        heading = "Cảnh báo" if vi else "Warnings"
        rows.extend(["", f"## {heading}" if format == "markdown" else f"{heading}:"])
        rows.extend(
            f"- {conflict_text(conflict, lang=lang, date_style=date_style)}"
            for conflict in schedule.conflicts
        )
    return "\n".join(rows) + "\n"
