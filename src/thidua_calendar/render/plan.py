"""A built plan's calendar sections, the way plans are written, as text, Markdown or JSON.

The sections (:func:`plan_sections`) are what every format shows: the title, the preamble
sentence listing the năm tròn anniversaries of the plan's years, "Các đợt thi đua" with each
đợt's dates, theme and what it greets, and the table of deadlines (what, who, as worded, the
working day it falls on, with its weekday)::

    Đợt 1: Từ nay đến 30/6/2022: Tổ chức các phong trào thi đua chào mừng kỷ niệm 47 năm
    Ngày Giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2022); …

The Word form (:mod:`thidua_calendar.render.docx`) lays out the same sections.  The JSON
form is a contract (see ``docs/cli.md``); keys are only ever added.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from thidua_calendar.anniversaries import Occurrence
from thidua_calendar.deadlines import Deadline
from thidua_calendar.plan import Event, PlanPhase, PlanResult, PlanWarning
from thidua_calendar.render.deadlines import (
    conflict_text,
    deadline_phrase,
    level_name,
    trace_text,
)
from thidua_calendar.render.lines import (
    format_date,
    group_lines,
    occurrence_text,
    weekday_name,
)
from thidua_calendar.styles import DateStyle, Lang, PeriodStyle, PlanFormat

if TYPE_CHECKING:
    from thidua_calendar.provinces import ProvinceKind

__all__ = [
    "PeriodStyle",
    "PlanFormat",
    "PlanSections",
    "phase_paragraph",
    "plan_records",
    "plan_sections",
    "render_plan",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanSections:
    """The text of a plan's calendar sections, ready for any layout."""

    heading: str
    title: str
    organisation: str
    issued: str
    implements: str | None
    preamble: tuple[str, ...]
    phases_heading: str
    phases: tuple[str, ...]
    deadlines_heading: str
    deadline_columns: tuple[str, ...]
    deadline_rows: tuple[tuple[str, ...], ...]
    warnings_heading: str
    warnings: tuple[str, ...]


def _join(items: Sequence[str], lang: Lang) -> str:
    if len(items) <= 1:
        return "".join(items)
    last = " và " if lang == "vi" else " and "
    return ", ".join(items[:-1]) + last + items[-1]


def _period_text(
    phase_start: date,
    phase_end: date | None,
    *,
    start_text: str | None,
    end_text: str | None,
    lang: Lang,
    date_style: DateStyle,
    period_style: PeriodStyle,
) -> str:
    vi = lang == "vi"
    if start_text == "nay":
        start = "Từ nay" if vi else "From now"
    elif start_text is not None and start_text.startswith("tháng "):
        month = start_text.removeprefix("tháng ")
        start = f"Từ tháng {month}" if vi else f"From {month}"
    else:
        shown = format_date(phase_start, style=date_style)
        if (period_style == "dash" and phase_end is not None
                and phase_end.year == phase_start.year):
            shown = shown.rsplit("/", 1)[0]  # "1/7 - 31/12/2022"
        start = f"Từ {shown}" if vi else f"From {shown}"
    if phase_end is None:
        if end_text:
            return f"{start} đến {end_text}" if vi else f"{start} until {end_text}"
        return start
    end = format_date(phase_end, style=date_style)
    plain_start = start_text is None
    if period_style == "dash" and plain_start:
        return f"{start} - {end}"
    return f"{start} đến {end}" if vi else f"{start} to {end}"


def _items(occurrences: Sequence[Occurrence], lang: Lang, date_style: DateStyle) -> list[str]:
    return [line.text for line in group_lines(occurrences, lang=lang, date_style=date_style)]


def phase_paragraph(
    item: PlanPhase,
    /,
    *,
    lang: Lang = "vi",
    date_style: DateStyle = "d/m/yyyy",
    period_style: PeriodStyle = "den",
    period_date_style: DateStyle | None = None,
) -> str:
    """One đợt as plans write it: its name, dates, theme and what it greets.

    ``date_style`` writes the dates of what it greets, ``period_date_style`` (default: the
    same) the đợt's own dates: seed 000 writes "Từ 1/7 - 31/12/2022" but "(01/5/1886 - …)".
    """
    phase = item.phase
    vi = lang == "vi"
    name = phase.name if vi else phase.name_en
    end_text = phase.end_text if vi else (phase.end_text_en or phase.end_text)
    period = _period_text(
        phase.start, phase.end, start_text=phase.start_text, end_text=end_text,
        lang=lang, date_style=period_date_style or date_style, period_style=period_style,
    )
    parts = [f"{name}: {period}"]
    theme = phase.theme if vi else (phase.theme_en or phase.theme)
    theme = theme.strip() if theme else None
    also = phase.also if vi else (phase.also_en if phase.also_en is not None else phase.also)
    sentences = []
    if theme:
        sentences.append(f"Với chủ đề “{theme}”." if vi else f"Theme: “{theme}”.")
    greeted = _items(item.occurrences, lang, date_style)
    events = [event.name if vi else event.name_en for event in item.events
              if event.greeting is None]
    clauses = []
    if greeted:
        clauses.append(("chào mừng kỷ niệm " if vi else "greeting the ") + "; ".join(greeted))
    if events:
        clauses.append(("chào mừng " if vi else "greeting ") + _join(events, lang))
    clauses += [event.greeting if vi else (event.greeting_en or event.greeting)
                for event in item.events if event.greeting is not None]
    if clauses:
        lead = "Tổ chức các phong trào thi đua " if vi else "Emulation movements "
        sentences.append(lead + "; ".join([*clauses, *also]) + ".")
    elif also:  # nothing greeted: what the phase strives for stands on its own
        text = "; ".join(also)
        sentences.append(text[:1].upper() + text[1:] + ".")
    if sentences:
        return f"{parts[0]}: " + " ".join(sentences)
    return parts[0] + "."


def _preamble(result: PlanResult, lang: Lang, date_style: DateStyle) -> tuple[str, ...]:
    sentences = []
    for year in result.years:
        items = [occ for occ in result.preamble if occ.date.year == year]
        if not items:
            continue
        texts = [occurrence_text(occ, lang=lang, date_style=date_style) for occ in items]
        if lang == "vi":
            sentences.append(f"Năm {year} là năm kỷ niệm {_join(texts, lang)}.")
        else:
            sentences.append(f"{year} marks the {_join(texts, lang)}.")
    return tuple(sentences)


def _who(deadline: Deadline, lang: Lang, kind: ProvinceKind) -> str:
    if deadline.audience is not None:
        return deadline.audience.name if lang == "vi" else deadline.audience.name_en
    level = deadline.rule.level
    if level is None:
        return ""
    return level_name(level, lang=lang, kind=kind, on=deadline.due)


def _due(deadline: Deadline, lang: Lang, date_style: DateStyle) -> str:
    text = f"{weekday_name(deadline.due, lang=lang)}, {format_date(deadline.due, style=date_style)}"
    if deadline.estimated:
        text += " (dự kiến)" if lang == "vi" else " (estimated)"
    return text


def _warning_text(warning: PlanWarning, result: PlanResult, lang: Lang,
                  date_style: DateStyle) -> str:
    vi = lang == "vi"
    if warning.kind == "no_theme":
        phase = next(p.phase for p in result.phases if p.phase.id == warning.subject)
        return (f"{phase.name} chưa có chủ đề" if vi else f"{phase.name_en} has no theme")
    if warning.kind == "unnamed":
        return f"{warning.subject} chưa có tên" if vi else f"{warning.subject} has no name"
    day = format_date(warning.day, style=date_style) if warning.day else ""
    name = (warning.name if vi else warning.name_en or warning.name) or warning.subject
    return (f"{name} ({day}) không thuộc đợt nào" if vi else f"{name} ({day}) falls in no phase")


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
#: What stands for a part of the issue line not yet known: the day a plan is signed, a place
#: the plan file does not give.  Seed 000 prints "Bắc Kạn, ngày     tháng 02 năm 2022".
_BLANK_DAY = "   "
_BLANK_PLACE = "……"


def issue_line(place: str | None, issued: date, precision: str = "day", /, *,
               lang: Lang = "vi") -> str:
    """The địa danh and date line of Nghị định 30/2020/NĐ-CP (Phụ lục I): "Bắc Kạn, ngày 05
    tháng 01 năm 2022", a day below 10 and the months 1 and 2 written with a leading zero; a
    part not known (the day of a plan issued "2/2022") left blank for the signature."""
    where = place or _BLANK_PLACE
    if lang == "en":
        if precision == "year":
            return f"{where}, {issued.year}"
        if precision == "month":
            return f"{where}, {_MONTHS_EN[issued.month - 1]} {issued.year}"
        return f"{where}, {issued.day} {_MONTHS_EN[issued.month - 1]} {issued.year}"
    day = f"{issued.day:02d}" if precision == "day" else _BLANK_DAY
    month = (f"{issued.month:02d}" if issued.month <= 2 else str(issued.month)) if (
        precision != "year") else _BLANK_DAY
    return f"{where}, ngày {day} tháng {month} năm {issued.year}"


def plan_sections(
    result: PlanResult,
    /,
    *,
    lang: Lang = "vi",
    date_style: DateStyle = "d/m/yyyy",
    period_style: PeriodStyle = "den",
    period_date_style: DateStyle | None = None,
) -> PlanSections:
    """The calendar sections of a built plan, in Vietnamese (default) or English."""
    plan = result.plan
    vi = lang == "vi"
    deadlines = sorted(result.schedule.deadlines, key=lambda d: d.due)
    province = plan.organisation.province
    kind: ProvinceKind = province.kind if province is not None else "tinh"
    rows = tuple(
        (
            deadline.rule.name if vi else deadline.rule.name_en,
            _who(deadline, lang, kind),
            deadline_phrase(deadline, lang=lang, date_style=date_style),
            _due(deadline, lang, date_style),
            trace_text(deadline, lang=lang, date_style=date_style),
        )
        for deadline in deadlines
    )
    warnings = [
        *(conflict_text(c, lang=lang, date_style=date_style)
          for c in result.schedule.conflicts),
        *(_warning_text(w, result, lang, date_style) for w in result.warnings),
    ]
    return PlanSections(
        heading="KẾ HOẠCH" if vi else "PLAN",
        title=plan.title if vi else (plan.title_en or plan.title),
        organisation=plan.organisation.name,
        issued=issue_line(plan.organisation.place, plan.issued, plan.issued_precision,
                          lang=lang),
        implements=plan.implements,
        preamble=_preamble(result, lang, date_style),
        phases_heading="Các đợt thi đua" if vi else "Phases",
        phases=tuple(
            phase_paragraph(item, lang=lang, date_style=date_style, period_style=period_style,
                            period_date_style=period_date_style)
            for item in result.phases
        ),
        deadlines_heading="Các mốc thời gian" if vi else "Deadlines",
        deadline_columns=(
            ("Việc", "Đối tượng", "Hạn ghi trong kế hoạch", "Hạn (ngày làm việc)", "Cách tính")
            if vi else ("Task", "Who", "Deadline as worded", "Due (working day)",
                        "How it was found")
        ),
        deadline_rows=rows,
        warnings_heading="Cần xem lại" if vi else "To check",
        warnings=tuple(warnings),
    )


def _event_record(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "name": event.name,
        "name_en": event.name_en,
        "date": event.date.isoformat() if event.date else None,
        "precision": event.precision if event.date else None,
        "end": event.end.isoformat() if event.end else None,
        "kind": event.kind,
        "status": event.status,
    }


def plan_records(
    result: PlanResult, /, *, date_style: DateStyle = "d/m/yyyy",
    period_style: PeriodStyle = "den", period_date_style: DateStyle | None = None,
) -> dict[str, Any]:
    """The JSON-ready form of a built plan."""
    plan = result.plan
    phases = []
    for item in result.phases:
        phase = item.phase
        lines = {(occ.id, occ.date): line.text
                 for line in group_lines(item.occurrences, date_style=date_style)
                 for occ in line.occurrences}
        phases.append({
            "id": phase.id,
            "name": phase.name,
            "name_en": phase.name_en,
            "start": phase.start.isoformat(),
            "end": phase.end.isoformat() if phase.end else None,
            "theme": phase.theme,
            "commemorations": [
                {
                    "id": occ.id,
                    "date": occ.date.isoformat(),
                    "years": occ.years,
                    "class": occ.milestone,
                    "text": occurrence_text(occ, date_style=date_style),
                    "line": lines.get((occ.id, occ.date)),
                    # "month" for "50 năm … (12/1972 - 12/2022)": date is its first day.
                    "precision": occ.precision,
                    # "lần thứ N" of a numbered campaign (its class counts N, not years).
                    "edition": occ.edition,
                }
                for occ in item.occurrences
            ],
            "events": [_event_record(event) for event in item.events],
            "text": phase_paragraph(item, date_style=date_style, period_style=period_style,
                                    period_date_style=period_date_style),
            "text_en": phase_paragraph(item, lang="en", date_style=date_style,
                                       period_style=period_style,
                                       period_date_style=period_date_style),
        })
    deadlines = [
        {
            "id": d.rule.id,
            "name": d.rule.name,
            "name_en": d.rule.name_en,
            "audience": d.audience.id if d.audience else None,
            "audience_name": d.audience.name if d.audience else None,
            "level": d.rule.level,
            "text": deadline_phrase(d, date_style=date_style),
            "stated": d.stated.isoformat(),
            "due": d.due.isoformat(),
            "weekday": d.due.isoweekday(),
            "estimated": d.estimated,
            "trace": trace_text(d, date_style=date_style),
            "trace_en": trace_text(d, lang="en", date_style=date_style),
        }
        for d in sorted(result.schedule.deadlines, key=lambda d: d.due)
    ]
    sections = plan_sections(result, date_style=date_style, period_style=period_style,
                             period_date_style=period_date_style)
    return {
        "title": plan.title,
        "organisation": plan.organisation.name,
        "level": plan.organisation.level,
        "province": (plan.organisation.province.id
                     if plan.organisation.province is not None else None),
        "issued": plan.issued.isoformat(),
        "issued_precision": plan.issued_precision,
        "place": plan.organisation.place,
        "period": {
            "start": plan.period.start.isoformat(),
            "end": plan.period.end.isoformat() if plan.period.end else None,
        },
        "preamble": [
            {"id": occ.id, "date": occ.date.isoformat(), "years": occ.years,
             "text": occurrence_text(occ, date_style=date_style)}
            for occ in result.preamble
        ],
        "phases": phases,
        "deadlines": deadlines,
        "conflicts": [conflict_text(c, date_style=date_style)
                      for c in result.schedule.conflicts],
        "warnings": [
            {"kind": w.kind, "subject": w.subject,
             "date": w.day.isoformat() if w.day else None,
             "text": _warning_text(w, result, "vi", date_style)}
            for w in result.warnings
        ],
        "preamble_text": list(sections.preamble),
    }


def render_plan(
    result: PlanResult,
    /,
    *,
    format: PlanFormat = "text",
    lang: Lang = "vi",
    date_style: DateStyle = "d/m/yyyy",
    period_style: PeriodStyle = "den",
    period_date_style: DateStyle | None = None,
) -> str:
    """The plan's calendar sections as text or Markdown, or its JSON form."""
    if format == "json":
        records = plan_records(result, date_style=date_style, period_style=period_style,
                               period_date_style=period_date_style)
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    sections = plan_sections(result, lang=lang, date_style=date_style,
                             period_style=period_style, period_date_style=period_date_style)
    markdown = format == "markdown"
    rows: list[str] = []
    if markdown:
        rows += [f"# {sections.heading}", "", f"**{sections.title}**", ""]
        rows += [f"{sections.organisation} · {sections.issued}", ""]
    else:
        rows += [sections.heading, sections.title, "",
                 f"{sections.organisation} · {sections.issued}", ""]
    if sections.implements:
        rows += [sections.implements, ""]
    for sentence in sections.preamble:
        rows += [sentence, ""]
    rows += [f"## {sections.phases_heading}" if markdown else sections.phases_heading.upper(),
             ""]
    for paragraph in sections.phases:
        rows += [f"- {paragraph}", ""]
    if sections.deadline_rows:
        heading = sections.deadlines_heading
        rows += [f"## {heading}" if markdown else heading.upper(), ""]
        if markdown:
            rows.append("| " + " | ".join(sections.deadline_columns[:4]) + " |")
            rows.append("|" + "---|" * 4)
            rows += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row[:4]) + " |"
                     for row in sections.deadline_rows]
            rows.append("")
        else:
            for name, who, worded, due, trace in sections.deadline_rows:
                audience = f" ({who})" if who else ""
                rows += [f"- {name}{audience}: {worded} → {due}", f"    {trace}"]
            rows.append("")
    if sections.warnings:
        heading = sections.warnings_heading
        rows += [f"## {heading}" if markdown else heading.upper(), ""]
        rows += [f"- {warning}" for warning in sections.warnings]
        rows.append("")
    return "\n".join(rows).rstrip("\n") + "\n"
