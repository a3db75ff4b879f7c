"""Checking a draft plan the way a careful reviewer reads it.

:func:`check_document` reads a plan's text (:mod:`thidua_calendar.reading.printed_plan`) and
reports,
each at its line and column with one reason:

- **errors**: an impossible date; a count that does not match its dates; the two ends of a
  range that disagree on the day or the month; a base date that contradicts the catalog for
  a commemoration it surely names (the names differ only in words like "hoàn toàn"); a count
  that does not match, when only the base date is given, the year that date falls in its
  đợt (else the plan's year or the next); đợt that overlap or end before they start (a đợt
  named again later is its first mention); a deadline on a date that does not exist;
- **warnings**: đợt that leave a gap or are numbered out of order; a deadline whose last day
  is a day off (with the working day it falls back to); a deadline more than 60 days after
  the plan's period; in a đợt's paragraph, a registration due after the đợt ends or another
  deadline due more than a month after (a date printed without its year is read in the year
  it falls in that đợt);
- **info**: a commemoration greeted by a đợt that ends before it (a lead-up, or a slip).

Pure: the catalog and the work calendar are passed in; no files, no clock.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, NamedTuple, Protocol

from thidua_calendar.anniversaries import Commemoration
from thidua_calendar.dates import month_end, vi_date
from thidua_calendar.errors import OutOfRangeError
from thidua_calendar.files.documents import Document
from thidua_calendar.reading.matching import CatalogNames, origin_text, same_origin
from thidua_calendar.reading.printed_plan import (
    AnniversaryText,
    DeadlineText,
    LunarText,
    PhaseText,
    TextDate,
    read_deadlines,
    read_items,
    read_lunar,
    read_phases,
    read_school_year,
    read_year,
)
from thidua_calendar.reading.slips import find_slips
from thidua_calendar.text import fold
from thidua_calendar.workdays import WorkCalendar

__all__ = ["LEVELS", "Finding", "Level", "check_document"]

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")
_ONE_DAY = timedelta(days=1)
#: How far past a plan's period a deadline may fall before it looks like a slip: a tổng kết's
#: papers are often due in the first weeks of the next year.
_LATE = timedelta(days=60)
#: The longest a đợt's paragraph runs, in characters, before what follows is not its own.
_PARAGRAPH = 4000


class _Add(Protocol):
    """How the checks report: offset in the text, level, code, the reason in Vietnamese and
    in English, and where the words it is about end (default: the end of their clause)."""

    def __call__(self, offset: int, level: Level, code: str, vi: str, en: str, /,
                 end: int | None = None) -> None: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One thing found: where (1-based line and column), how serious, which check, why, and
    the exact words it is about (``quote``, as printed).

    ``message`` is the reason in Vietnamese (the text is for the officer who drafts the plan),
    ``message_en`` in English.
    """

    line: int
    column: int
    level: Level
    code: str
    message: str
    message_en: str = ""
    quote: str = ""

    def text(self, lang: str = "vi") -> str:
        """The reason in ``lang`` ("vi" or "en")."""
        return self.message_en if lang == "en" and self.message_en else self.message


def _show(day: TextDate) -> str:
    return day.text


def _d(day: date) -> str:
    """A date the way Vietnamese documents write it in messages (30/4/2026)."""
    return vi_date(day)


def check_document(
    document: Document,
    /,
    *,
    catalog: Iterable[Commemoration] = (),
    calendar: WorkCalendar | None = None,
    year: int | None = None,
) -> list[Finding]:
    """Everything wrong with a plan's text, in reading order.

    ``year`` is the plan's year (default: read from the text); ``catalog`` gives the base
    dates of known commemorations; ``calendar`` the days off for the deadlines.
    """
    entries = CatalogNames(catalog)
    mentions = read_phases(document.text)
    phases = _first_mentions(mentions)
    plan_year = year if year is not None else (read_year(document.lines)
                                               or _year_of_phases(phases))
    findings: list[Finding] = []

    def add(offset: int, level: Level, code: str, vi: str, en: str, /,
            end: int | None = None) -> None:
        line, column = document.position(offset)
        findings.append(Finding(line=line, column=column, level=level, code=code,
                                message=vi, message_en=en,
                                quote=_quote(document.text, offset, end)))

    items = read_items(document.text)
    holders = _Holders(mentions)  # a paragraph belongs to the đợt last named before it
    for item in items:
        _check_item(item, entries, _years_allowed(item, holders.of(item.column), plan_year),
                    plan_year, add)
    lunar_days = read_lunar(document.text)
    slips = find_slips(document.text, plan_year=plan_year, names=entries,
                       counted=[item.column for item in items], lunar_days=lunar_days)
    for lunar_day in lunar_days:
        _check_lunar(lunar_day, entries, add)
    _check_phases(phases, plan_year, add)
    _check_greetings(document, holders, items, add)
    deadlines = read_deadlines(document.text, year=plan_year,
                               school_year=read_school_year(document.lines))
    _check_deadlines(document, deadlines, phases, holders, plan_year, calendar, add)
    reported = [(f.line, f.quote) for f in findings if f.code == "impossible-date"]
    for slip in slips:
        line, _ = document.position(slip.start)
        words = document.text[slip.start:slip.end]
        if slip.code == "impossible-date" and any(
                line == where and words in quote for where, quote in reported):
            continue  # the date of a count, a đợt or a deadline, reported with it
        add(slip.start, slip.level, slip.code, slip.message, slip.message_en, slip.end)
    return sorted(findings, key=lambda f: (f.line, f.column, LEVELS.index(f.level)))


def _last_year_end(plan_year: int) -> date:
    """Before this, a deadline is last year's: a plan for a year is often issued in the
    December before, with deadlines in that December."""
    return date(plan_year - 1, 12, 1)


def _quote(text: str, start: int, end: int | None) -> str:
    """The words a finding is about: ``start:end``, or up to the end of their clause (a
    closing parenthesis included; a semicolon, a line's end or a sentence's excluded)."""
    if end is None:
        clause = re.search(r"\)|[;\n]|[.,](?:\s|$)", text[start:start + 200])
        end = start + (clause.end() if clause and clause.group(0) == ")" else
                       clause.start() if clause else min(len(text) - start, 200))
    return " ".join(text[start:end].split())


# -- counted anniversaries ---------------------------------------------------------------------


class _Years(NamedTuple):
    """The years a lone base date may be counted to, and why those (vi, en)."""

    years: list[int]
    why: str
    why_en: str


def _years_allowed(item: AnniversaryText, holder: PhaseText | None,
                   plan_year: int | None) -> _Years:
    """The years a lone base date may be counted to: the year its day falls in the đợt that
    holds it, else the plan's year or the next (a school year, a plan written late in the
    year for the next)."""
    if item.second is not None or not item.first.valid:
        return _Years([], "", "")
    first = item.first
    if holder is not None:
        start, end = _bounds(holder)
        if start is not None and end is not None and end >= start:
            years = []
            for candidate in range(start.year, end.year + 1):
                first_day = date(candidate, first.month or 1, 1)
                last_day = (date(candidate, 12, 31) if first.month is None
                            else month_end(first_day))
                if first.day is not None and first.month is not None:
                    try:
                        first_day = last_day = date(candidate, first.month, first.day)
                    except ValueError:  # 29 February in a common year
                        first_day = last_day = date(candidate, 3, 1)
                if first_day <= end and last_day >= start:
                    years.append(candidate)
            if years:
                return _Years(years, f"năm mà ngày ấy rơi vào {holder.label}",
                              f"the year its day falls in {holder.label}")
    return _Years([] if plan_year is None else [plan_year, plan_year + 1],
                  "năm của kế hoạch", "the plan's year")


def _check_item(item: AnniversaryText, entries: CatalogNames, allowed: _Years,
                plan_year: int | None, add: _Add) -> None:
    where = item.column
    for end in (item.first, item.second):
        if end is not None and not end.valid:
            add(where, "error", "impossible-date", f"ngày “{_show(end)}” không có thật",
                f"{_show(end)} is not a real date")
            return
    first, second = item.first, item.second
    if second is not None and first.year > second.year:
        add(where, "error", "range-reversed",
            f"“({_show(first)} - {_show(second)})” chạy ngược: năm đầu, {first.year}, sau năm "
            "cuối; gõ nhầm năm gốc?",
            f"({_show(first)} - {_show(second)}) runs backwards: the first year, {first.year}, "
            f"is after the second; a mistyped base year?")
        return
    if plan_year is not None and first.year > plan_year + 1:
        add(where, "error", "base-year-future",
            f"năm gốc {first.year} của “({_show(first)})” sau năm của kế hoạch, {plan_year}: "
            "gõ nhầm năm?",
            f"the base year {first.year} of ({_show(first)}) is after the plan's year, "
            f"{plan_year}: a mistyped year?")
        return
    if second is not None:
        if first.precision == second.precision and (
            (first.day is not None and first.day != second.day)
            or (first.month is not None and first.month != second.month)
        ):
            add(where, "error", "range-ends-disagree",
                f"hai đầu của “({_show(first)} - {_show(second)})” không cùng ngày tháng",
                f"the two ends of ({_show(first)} - {_show(second)}) are not the same day of "
                "the year")
            return
        if item.count is not None and second.year - first.year != item.count:
            hint = hint_vi = ""
            for entry in entries.strong(item.name):
                if entry.origin.year == second.year - item.count:
                    hint = (f"; {entry.name} dates from {origin_text(entry)}, so the count is "
                            "right and the first date is not")
                    hint_vi = (f"; {entry.name} tính từ {origin_text(entry)}, nên số năm đúng "
                               "mà ngày đầu sai")
                    break
            if not hint and plan_year is not None and second.year == plan_year - 1 and (
                    plan_year - first.year == item.count):
                hint = (f"; the count is right for {plan_year} and the end year is last "
                        "year's")
                hint_vi = f"; số năm đúng cho năm {plan_year}, còn năm cuối là năm trước"
            elif not hint and plan_year is not None and second.year == plan_year and (
                    second.year - first.year == item.count + 1):
                hint = "; the end year is this year's and the count is last year's"
                hint_vi = "; năm cuối là năm nay, còn số năm là của năm trước"
            add(where, "error", "count-mismatch",
                f"“{item.count} năm” không khớp với “({_show(first)} - {_show(second)})”: "
                f"khoảng ấy là {second.year - first.year} năm{hint_vi}",
                f"{item.count} năm does not match ({_show(first)} - {_show(second)}): that is "
                f"{second.year - first.year} years{hint}")
            return
    elif item.count is not None and allowed.years and all(
        year - first.year != item.count for year in allowed.years
    ):
        year = allowed.years[0]
        add(where, "error", "count-year",
            f"“{item.count} năm” tính từ {_show(first)} là {year - first.year} năm vào năm "
            f"{year}, {allowed.why}",
            f"{item.count} năm from {_show(first)} is {year - first.year} years in {year}, "
            f"{allowed.why_en}")
        return
    _check_catalog(item, entries, add)


def _check_catalog(item: AnniversaryText, entries: CatalogNames, add: _Add) -> None:
    """The base date agrees with the catalog's for the commemoration the name surely names
    (:meth:`~thidua_calendar.reading.matching.CatalogNames.strong`); a looser match is never
    called wrong."""
    first = item.first
    strong = [entry for entry in entries.strong(item.name) if entry.origin.year is not None]
    if not strong:
        return
    if any(same_origin(first, entry) for _, entry in entries.matches(item.name)) or any(
            same_origin(first, entry) for entry in strong):
        return
    best = strong[0]
    add(item.column, "error", "catalog-date",
        f"“{best.name}” tính từ {origin_text(best)}, không phải “{_show(first)}”",
        f"{best.name} dates from {origin_text(best)}, not {_show(first)}")


def _check_lunar(lunar_day: LunarText, entries: CatalogNames, add: _Add) -> None:
    """A lunar day exists (a month has at most 30 days) and, for a known commemoration,
    is the catalog's ("Giỗ Tổ Hùng Vương (mùng 10 tháng 3 âm lịch)")."""
    if not (1 <= lunar_day.month <= 12 and 1 <= lunar_day.day <= 30):
        add(lunar_day.column, "error", "impossible-date",
            f"“{lunar_day.day}/{lunar_day.month}” không phải là một ngày âm lịch",
            f"{lunar_day.day}/{lunar_day.month} is not a day of the lunar calendar")
        return
    if not lunar_day.name or not lunar_day.attached:
        return
    # The name surely names the entry, or ends with its name ("Dâng hương tưởng niệm Giỗ Tổ
    # Hùng Vương ngày 11/3 âm lịch").
    folded = fold(lunar_day.name)
    lunar_matches = [entry for entry in entries.strong(lunar_day.name)
                     if entry.origin.calendar == "lunar"] + [
        entry for entry, _, name in entries.entries
        if entry.origin.calendar == "lunar" and f" {folded}".endswith(f" {name}")]
    if not lunar_matches:
        return
    if any(entry.origin.month == lunar_day.month and entry.origin.day == lunar_day.day
           for entry in lunar_matches):
        return
    best = lunar_matches[0]
    add(lunar_day.column, "error", "catalog-date",
        f"“{best.name}” là ngày {best.origin.day}/{best.origin.month} âm lịch, không phải "
        f"{lunar_day.day}/{lunar_day.month}",
        f"{best.name} is on {best.origin.day}/{best.origin.month} of the lunar calendar, not "
        f"{lunar_day.day}/{lunar_day.month}")


# -- đợt ----------------------------------------------------------------------------------


def _bounds(phase: PhaseText) -> tuple[date | None, date | None]:
    start = phase.start.to_date() if phase.start is not None else None
    end = phase.end.to_date() if phase.end is not None else None
    if end is not None and phase.end is not None and phase.end.precision == "month":
        end = month_end(end)
    return start, end



def _first_mentions(phases: Sequence[PhaseText]) -> list[PhaseText]:
    """The đợt as first stated: a plan often names them in its aims and again in its body,
    and a number seen before (or the same dates) is the same đợt."""
    seen: set[object] = set()
    kept = []
    for phase in phases:
        key: object = (phase.number if phase.number is not None
                       else (phase.start_text.lower(), (phase.end_text or "").lower()))
        if key in seen:
            continue
        seen.add(key)
        kept.append(phase)
    return kept


def _year_of_phases(phases: Sequence[PhaseText]) -> int | None:
    """The plan's year when the text never says "năm YYYY": the year most đợt end in."""
    years = [phase.end.year for phase in phases if phase.end is not None]
    return max(sorted(set(years)), key=years.count) if years else None


class _Holders:
    """The đợt whose paragraph holds a place in the text (the last one stated before it)."""

    __slots__ = ("columns", "ordered")

    def __init__(self, phases: Sequence[PhaseText]) -> None:
        self.ordered = sorted(phases, key=lambda phase: phase.column)
        self.columns = [phase.column for phase in self.ordered]

    def of(self, column: int) -> PhaseText | None:
        index = bisect.bisect_right(self.columns, column) - 1
        return self.ordered[index] if index >= 0 else None


def _check_phases(phases: Sequence[PhaseText], plan_year: int | None, add: _Add) -> None:
    dated: list[tuple[PhaseText, date | None, date | None]] = []
    numbers = [phase.number for phase in phases if phase.number is not None]
    for phase in phases:
        for written in (phase.start, phase.end):
            if written is not None and not written.valid:
                add(phase.column, "error", "impossible-date",
                    f"ngày “{_show(written)}” không có thật ({phase.label})",
                    f"{_show(written)} is not a real date ({phase.label})")
                break
        else:
            start, end = _bounds(phase)
            if start is not None and end is not None and end < start:
                add(phase.column, "error", "phase-reversed",
                    f"“{phase.label}” kết thúc ngày {_d(end)}, trước ngày bắt đầu {_d(start)}",
                    f"{phase.label} ends on {end:%d/%m/%Y}, before it starts on "
                    f"{start:%d/%m/%Y}")
                continue
            if plan_year is not None and end is not None and end.year < plan_year:
                add(phase.column, "error", "phase-last-year",
                    f"“{phase.label}” kết thúc ngày {_d(end)}: năm cuối là "
                    f"{'năm trước' if end.year == plan_year - 1 else f'năm {end.year}'}, "
                    f"còn kế hoạch là của năm {plan_year}",
                    f"{phase.label} ends on {end:%d/%m/%Y}: the end year is "
                    f"{'last year' if end.year == plan_year - 1 else str(end.year)}'s, and "
                    f"the plan is for {plan_year}")
                continue  # its overlap with this year's đợt says nothing more
            dated.append((phase, start, end))
    if numbers != sorted(numbers):
        phase = phases[0]
        add(phase.column, "warning", "phase-order",
            "các đợt đánh số không theo thứ tự: " + ", ".join(str(n) for n in numbers),
            "the đợt are numbered out of order: " + ", ".join(str(n) for n in numbers))
    for (earlier, _, end), (later, start, _) in itertools.pairwise(dated):
        if end is None or start is None:
            continue
        if start <= end:
            add(later.column, "error", "phase-overlap",
                f"“{later.label}” bắt đầu ngày {_d(start)}, trước khi “{earlier.label}” kết "
                f"thúc ngày {_d(end)}",
                f"{later.label} starts on {start:%d/%m/%Y}, before {earlier.label} ends on "
                f"{end:%d/%m/%Y}")
        elif start > end + _ONE_DAY:
            add(later.column, "warning", "phase-gap",
                f"không đợt nào có từ {_d(end + _ONE_DAY)} đến {_d(start - _ONE_DAY)}, giữa "
                f"“{earlier.label}” và “{later.label}”",
                f"no đợt covers {end + _ONE_DAY:%d/%m/%Y} to {start - _ONE_DAY:%d/%m/%Y}, "
                f"between {earlier.label} and {later.label}")


def _check_greetings(document: Document, holders: _Holders, items: Sequence[AnniversaryText],
                     add: _Add) -> None:
    """An item printed in a đợt's paragraph, on a day after that đợt ends: a lead-up, or a
    slip worth a look."""
    for item in items:
        if item.second is None or not item.second.valid:
            continue
        holder = _paragraph_holder(document, holders, item.column)
        if holder is None:
            continue
        _, end = _bounds(holder)
        day = item.second.to_date()
        if end is None or day is None or day <= end:
            continue
        add(item.column, "info", "greeted-after-phase",
            f"“{holder.label}” kết thúc ngày {_d(end)}, {(day - end).days} ngày trước ngày "
            f"{_d(day)}: đợt hướng tới ngày ấy, hay nhầm đợt?",
            f"{holder.label} ends on {end:%d/%m/%Y}, {(day - end).days} days before "
            f"{day:%d/%m/%Y}: a lead-up, or the wrong đợt?")


def _paragraph_holder(document: Document, holders: _Holders, column: int) -> PhaseText | None:
    """The đợt whose own paragraph a place is in: the last đợt named before it, unless a
    blank line (or a long run of text) stands between."""
    holder = holders.of(column)
    if holder is None or column - holder.column > _PARAGRAPH:
        return None
    text = document.text[holder.column: column]
    if "\n\n\n" in text or ("\n\n" in text.strip("\n") and len(text) > 600):
        return None
    if _HEADING.search(text):  # a new section ("II. KHEN THƯỞNG"), as Word files have no
        return None            # blank lines to end a paragraph
    return holder


# -- deadlines ----------------------------------------------------------------------------------

#: How long after its đợt a report or a dossier may be due: a month.  A registration is due
#: within the đợt.
_AFTER_PHASE = timedelta(days=31)
_REGISTRATION = re.compile(r"\bdang ky\b")
#: Words of a report or a dossier, due after what it reports on even when it mentions the
#: registration ("báo cáo kết quả đăng ký thi đua").
_REPORT = re.compile(r"\b(?:bao cao|ket qua|ho so|khen thuong|so ket|tong ket|danh gia)\b")
#: A section heading on its own line: "II. KHEN THƯỞNG", "3. Tổ chức thực hiện", or a line
#: in capitals.
_HEADING = re.compile(r"\n[ \t]*(?:[IVX]{1,4}|\d{1,2})[.)][ \t]+[A-ZĐÀ-Ỹ]"
                      r"|\n[ \t]*[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ,.:]{7,}\n")


def _in_phase_year(deadline: DeadlineText, holder: PhaseText | None) -> DeadlineText:
    """A deadline printed without its year, read in the year its day falls in its đợt (or
    within a month after it), when that đợt is known."""
    if not deadline.year_implied or holder is None or deadline.date.month is None:
        return deadline
    start, end = _bounds(holder)
    if start is None or end is None or end < start:
        return deadline
    for year in range(start.year, end.year + 2):
        written = TextDate(text=deadline.date.text, year=year, month=deadline.date.month,
                           day=deadline.date.day)
        day = written.to_date()
        if day is not None and start <= day <= end + _AFTER_PHASE:
            return dataclasses.replace(deadline, date=written)
    return deadline


def _check_deadlines(
    document: Document,
    deadlines: Sequence[DeadlineText],
    phases: Sequence[PhaseText],
    holders: _Holders,
    plan_year: int | None,
    calendar: WorkCalendar | None,
    add: _Add,
) -> None:
    ends = [end for phase in phases if (end := _bounds(phase)[1]) is not None]
    period_end = max([*ends, *([date(plan_year, 12, 31)] if plan_year else [])], default=None)
    for printed in deadlines:
        holder = _paragraph_holder(document, holders, printed.column)
        deadline = _in_phase_year(printed, holder)
        date_text = printed.date.text.split(" ")[0]
        words_end = document.text.find(date_text, printed.column) + len(date_text)
        stated = deadline.date.to_date()
        if stated is None and deadline.year_implied and (
                deadline.date.month, deadline.date.day) == (2, 29):
            continue  # the year it was read in is a guess: 29/02 exists in some year
        if stated is None:
            add(deadline.column, "error", "impossible-date",
                f"ngày “{_show(deadline.date)}” không có thật",
                f"{_show(deadline.date)} is not a real date", end=words_end)
            continue
        if plan_year is not None and stated < _last_year_end(plan_year):
            add(deadline.column, "error", "deadline-last-year",
                f"hạn “{_show(deadline.date)}” rơi vào "
                f"{'năm trước' if stated.year == plan_year - 1 else f'năm {stated.year}'}, "
                f"trước năm của kế hoạch {plan_year}: quên sửa năm?",
                f"the deadline {_show(deadline.date)} is in "
                f"{'last year' if stated.year == plan_year - 1 else str(stated.year)}, "
                f"before the plan's year {plan_year}: the year was not updated?", end=words_end)
            continue
        # "trước ngày X" is due the day before X; "trước 17h00 ngày X" on X, before 17:00.
        before = deadline.wording == "truoc_ngay" and deadline.hour is None
        last = stated - _ONE_DAY if before else stated
        who = f" ({deadline.audience})" if deadline.audience else ""
        if period_end is not None and last > period_end + _LATE:
            add(deadline.column, "warning", "deadline-after-period",
                f"hạn{who} rơi sau thời gian của kế hoạch, kết thúc ngày {_d(period_end)}",
                f"the deadline{who} falls after the plan's period, which ends on "
                f"{period_end:%d/%m/%Y}", end=words_end)
        elif holder is not None and (phase_end := _bounds(holder)[1]) is not None:
            clause = fold(re.split(r"[.;\n]", deadline.task)[-1])
            registration = bool(_REGISTRATION.search(clause)) and not _REPORT.search(clause)
            if last > phase_end + (timedelta(0) if registration else _AFTER_PHASE):
                add(deadline.column, "warning", "deadline-after-phase",
                    f"{'hạn đăng ký' if registration else 'hạn'}{who}, {_d(last)}, rơi "
                    f"{(last - phase_end).days} ngày sau khi “{holder.label}” kết thúc ngày "
                    f"{_d(phase_end)}"
                    + ("; đăng ký thi đua phải trong đợt" if registration else
                       "; báo cáo của một đợt nộp trong vòng một tháng sau khi đợt kết thúc"),
                    f"the {'registration' if registration else 'deadline'}{who}, "
                    f"{last:%d/%m/%Y}, falls {(last - phase_end).days} days after "
                    f"{holder.label} ends on {phase_end:%d/%m/%Y}"
                    + ("; one registers within the đợt" if registration else
                       "; a đợt's reports are due within a month of its end"), end=words_end)
        if calendar is None:
            continue
        try:
            if calendar.is_working_day(last):
                continue
            status = calendar.day_off(last)
            due = calendar.roll(last, "previous")
        except OutOfRangeError:
            continue
        reason = status.name if status is not None else "a weekend day"
        reason_vi = status.name if status is not None else "ngày nghỉ cuối tuần"
        wording = ("the last day allowed" if before else
                   f"the date (due before {deadline.hour})" if deadline.hour else "the date")
        wording_vi = ("ngày cuối cùng được nộp" if before else
                      f"hạn (trước {deadline.hour})" if deadline.hour else "hạn")
        add(deadline.column, "warning", "deadline-day-off",
            f"{wording_vi}{who}, {_d(last)}, là ngày nghỉ ({reason_vi}); hồ sơ phải nộp vào "
            f"ngày làm việc trước đó, {_d(due)}",
            f"{wording}{who}, {last:%d/%m/%Y}, is a day off ({reason}); papers are due on "
            f"the working day before, {due:%d/%m/%Y}", end=words_end)

