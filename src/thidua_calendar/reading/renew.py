"""Renewing last year's plan: what changes in its text when it is moved to a new year.

Officers write this year's plan by copying last year's and editing it (see "How officers
really work" in the domain notes).  :func:`renew_document` does that editing and says what it
did: a list of :class:`Edit` (where, the old words, the new words, why), and a list of
:class:`Note` for what needs a person.  It updates:

- counts, with a range ("93 năm … (28/7/1929 - 28/7/2022)": the count and the range's end),
  with a lone base date, and without any date when the name is a catalog entry's
  ("95 năm Ngày thành lập Đảng Cộng sản Việt Nam");
- the can-chi of Tết ("Tết Nguyên đán Ất Tỵ" → "Bính Ngọ");
- edition numbers ("lần thứ 9 năm 2025", or a catalog campaign's "lần thứ N");
- the plan's year in titles and sentences, and school years ("năm học 2025 - 2026");
- the đợt: the same days and months in the new year; a đợt ending on a lunar commemoration
  follows it;
- lunar/solar pairs ("mùng 10 tháng 3 âm lịch, tức ngày 07/4/2025": the solar day is
  recomputed);
- weekday names next to a date ("Thứ Sáu, ngày 05/12/2025");
- deadlines: the same rule (the same day and month) on the new year's working days, marked
  "(dự kiến)" when the new year's days off are not announced yet.

It leaves alone citations of earlier documents ("Căn cứ …", "Công văn số 12/CV-CĐ ngày
15/12/2025"), base dates, terms ("nhiệm kỳ 2023 - 2028") and five-year plans.

Every edit stays within one line (one paragraph of a Word file), so a Word file's edits can be
tracked changes.  Pure: the catalog and the work calendar are passed in; no files, no clock.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from thidua_calendar import lunar
from thidua_calendar.anniversaries import Commemoration, milestone_of, occurrence
from thidua_calendar.errors import OutOfRangeError
from thidua_calendar.files.documents import Document
from thidua_calendar.reading.matching import CatalogNames
from thidua_calendar.reading.printed_plan import (
    TextDate,
    read_deadlines,
    read_items,
    read_lunar,
    read_phases,
    read_school_year,
    read_year,
)
from thidua_calendar.reading.slips import BARE_COUNT, CAN_CHI
from thidua_calendar.text import fold, roman_value
from thidua_calendar.workdays import WorkCalendar

__all__ = ["Edit", "Note", "Renewal", "renew_document"]

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True, kw_only=True)
class Edit:
    """One change: in line ``line`` (0-based), the characters ``start:end`` (``old``) become
    ``new``; ``reason`` says why (Vietnamese), ``reason_en`` in English."""

    line: int
    start: int
    end: int
    old: str
    new: str
    reason: str
    reason_en: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Note:
    """Something a person must look at: where (0-based line and column, or ``None`` for the
    plan as a whole), the words it is about, and why (Vietnamese and English)."""

    line: int | None
    column: int
    quote: str
    message: str
    message_en: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Renewal:
    """What renewing a plan changes (:attr:`edits`, in reading order, never overlapping) and
    what needs a person (:attr:`notes`)."""

    from_year: int
    to_year: int
    edits: tuple[Edit, ...]
    notes: tuple[Note, ...]

    def apply(self, lines: Sequence[str], /) -> list[str]:
        """The lines with every edit made."""
        out = list(lines)
        for edit in sorted(self.edits, key=lambda e: (e.line, e.start), reverse=True):
            text = out[edit.line]
            out[edit.line] = text[:edit.start] + edit.new + text[edit.end:]
        return out

    def by_line(self) -> dict[int, list[Edit]]:
        """The edits of each line, in order."""
        found: dict[int, list[Edit]] = {}
        for edit in self.edits:
            found.setdefault(edit.line, []).append(edit)
        return found


# -- the forms read ----------------------------------------------------------------------------

_YEAR4 = r"(?:19|20|21)\d{2}"
# A full date with its parts: "05/12/2025", "5.12.2025", "05-12-2025".
_FULL_DATE = re.compile(
    r"(?<![\d/.\-])(?P<day>\d{1,2})(?P<s1>[ ]?/{1,2}[ ]?|\.|-)(?P<month>\d{1,2})"
    r"(?P<s2>[ ]?/{1,2}[ ]?|\.|-)(?P<year>" + _YEAR4 + r")(?!\d)")
# A month and year: "12/2025" (not part of a full date).
_MONTH_YEAR = re.compile(r"(?<![\d/.\-])(?P<month>\d{1,2})(?P<s>/|\.|-)(?P<year>" + _YEAR4
                         + r")(?!\d)")
_YEAR_ALONE = re.compile(r"(?<![\d/.\-,])(?P<year>" + _YEAR4 + r")(?![\d/]|\.\d)")
_SCHOOL = re.compile(r"\bnăm học[ ]{1,3}(?P<a>" + _YEAR4 + r")[ ]{0,3}(?P<sep>[-–])[ ]{0,3}(?P<b>"
                     + _YEAR4 + r")\b", re.IGNORECASE)
# Terms and multi-year plans: left alone.
_TERM = re.compile(r"\b(?:nhiệm kỳ|giai đoạn|kế hoạch 5 năm|5 năm|thời kỳ|chiến lược)[ ]{0,3}"
                   r"\(?[ ]{0,3}" + _YEAR4 + r"[ ]{0,3}[-–][ ]{0,3}" + _YEAR4, re.IGNORECASE)
_YEAR_SPAN = re.compile(r"(?<![\d/.])(?P<a>" + _YEAR4 + r")[ ]{0,3}[-–][ ]{0,3}(?P<b>" + _YEAR4
                        + r")(?![\d/])")
# A citation: "số 12/CV-CĐ ngày 15/12/2025", "Số: 05/KH-LĐLĐ, ngày 10 tháng 01 năm 2025".
_CITATION = re.compile(
    r"\bsố:?[ ]{0,3}\d[\w./\-]{0,40}[ ]{0,3},?[ ]{0,3}(?:ngày|ban hành ngày)[ ]{1,3}"
    r"(?:\d{1,2}[ ]{0,2}(?:/|\.|-|tháng)[ ]{0,2}\d{1,2}[ ]{0,2}(?:/|\.|-|năm)[ ]{0,2}"
    + _YEAR4 + r")", re.IGNORECASE)
_GROUNDS = re.compile(r"^[ \t\-+*•>_]*căn cứ\b", re.IGNORECASE)
_EDITION = re.compile(r"\blần[ ]{1,3}thứ[ ]{1,3}(?P<n>\d{1,3}|[IVXLC]{1,7})\b"
                      r"(?P<year>[ ]{0,3},?[ ]{0,3}năm[ ]{1,3}" + _YEAR4 + r")?", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"(?P<name>\bthứ[ ]{1,3}(?:hai|ba|tư|năm|sáu|bảy|[2-7])\b|\bchủ[ ]{1,3}nhật\b)"
    r"(?P<gap>[ ]{0,3},?[ ]{0,3}(?:ngày[ ]{1,3})?)(?=\d)", re.IGNORECASE)
_WEEKDAY_WORDS = ("Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy")
#: Tags of days every plan may greet: sharing one says nothing about the plan's kind.
_COMMON_TAGS = frozenset({"nd145", "public_holiday", "state", "party", "culture", "defence",
                          "international"})
_ONE_OFF = re.compile(r"\b(?:đại hội|bầu cử|hội nghị|hội thao|hội diễn|hội thi|liên hoan|"
                      r"sáp nhập|tổng điều tra)\b", re.IGNORECASE)


class _Spans:
    """The spans of the text already claimed by an edit or protected from one."""

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start)
        if index and self.ends[index - 1] > start:
            return False
        return not (index < len(self.starts) and self.starts[index] < end)

    def claim(self, start: int, end: int) -> None:
        index = bisect.bisect_right(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)


class _Renewer:
    def __init__(self, document: Document, from_year: int, to_year: int,
                 catalog: Sequence[Commemoration], calendar: WorkCalendar | None) -> None:
        self.document = document
        self.text = document.text
        self.from_year = from_year
        self.to_year = to_year
        self.delta = to_year - from_year
        self.catalog = catalog
        self.calendar = calendar
        self.protected = _Spans()
        self.claimed = _Spans()
        self.edits: list[tuple[int, int, str, str, str]] = []
        self.notes: list[Note] = []
        self.new_dates: dict[int, date] = {}  # where a full date starts -> the date it becomes
        self.greeted: set[str] = set()
        self.names = CatalogNames(catalog)

    # -- bookkeeping

    def edit(self, start: int, end: int, new: str, reason: str, reason_en: str) -> bool:
        old = self.text[start:end]
        if (old == new or "\n" in old or not self.protected.free(start, end)
                or not self.claimed.free(start, end)):
            return False
        self.claimed.claim(start, end)
        self.edits.append((start, end, new, reason, reason_en))
        return True

    def note(self, offset: int | None, quote: str, message: str, message_en: str) -> None:
        if offset is None:
            self.notes.append(Note(line=None, column=0, quote=quote, message=message,
                                   message_en=message_en))
            return
        line, column = self.document.position(offset)
        self.notes.append(Note(line=line - 1, column=column - 1, quote=quote, message=message,
                               message_en=message_en))

    def match(self, name: str, day: TextDate | None = None) -> Commemoration | None:
        """The catalog entry a name names (one index of the catalog for the document)."""
        return self.names.best(name, day=day)

    def shift(self, year: int) -> int:
        return year + self.delta

    # -- the passes, in order: what is protected, then the most specific forms first

    def protect(self) -> None:
        text = self.text
        for index, line in enumerate(self.document.lines):
            if _GROUNDS.match(line):
                start = self.document.starts[index]
                self.protected.claim(start, start + len(line))
        for pattern in (_CITATION, _TERM):
            for match in pattern.finditer(text):
                if self.protected.free(match.start(), match.end()):
                    self.protected.claim(match.start(), match.end())
        for match in _YEAR_SPAN.finditer(text):
            first, second = int(match["a"]), int(match["b"])
            school = re.search(r"năm học[ ]{0,3}$", text[max(0, match.start() - 12):
                                                         match.start()], re.IGNORECASE)
            if second - first >= 2 and not school and self.protected.free(match.start(),
                                                                            match.end()):
                self.protected.claim(match.start(), match.end())

    def items(self) -> None:
        for item in read_items(self.text):
            entry = self.match(item.name, item.first)
            if entry is not None:
                self.greeted.add(entry.id)
            base_start = self.text.find(item.first.text, item.column)
            if base_start >= 0 and self.protected.free(base_start,
                                                       base_start + len(item.first.text)):
                self.protected.claim(base_start, base_start + len(item.first.text))
            search_from = base_start + len(item.first.text) if base_start >= 0 else item.column
            if item.second is not None:
                end_start = self.text.find(item.second.text, search_from)
                if end_start >= 0 and item.second.valid:
                    year_at = end_start + item.second.text.rfind(str(item.second.year))
                    new_end = self.shift(item.second.year)
                    if self.edit(year_at, year_at + 4, str(new_end),
                                 "năm cuối của khoảng thời gian", "the range's end year"):
                        end_date = item.second.to_date()
                        if end_date is not None and item.second.precision == "day":
                            self.new_dates[end_start] = _same_day(end_date, new_end)
            if item.count is None or item.shared_count:
                continue
            count_match = re.match(r"\d+", self.text[item.column:item.column + 5])
            if count_match is None:
                continue
            new_count = item.count + self.delta
            if self.edit(item.column, item.column + count_match.end(), str(new_count),
                         "số năm kỷ niệm", "the anniversary count"):
                quote = self.text[item.column:item.column + 120].split("(")[0].strip()
                if item.second is not None and item.second.year - item.first.year != item.count:
                    self.note(item.column, quote,
                              f"số năm {item.count} không khớp khoảng thời gian in kèm "
                              f"({item.first.text} - {item.second.text}); đã cộng "
                              f"{self.delta}, cần xem lại",
                              f"the count {item.count} does not match its printed range "
                              f"({item.first.text} - {item.second.text}); {self.delta} was "
                              "added, check it")
                self._one_off(item.column, quote, item.count, new_count)

    def _one_off(self, offset: int, quote: str, old: int, new: int) -> None:
        if milestone_of(old) != "nam_khac" and milestone_of(new) == "nam_khac":
            self.note(offset, quote,
                      f"năm {self.from_year} là năm tròn hoặc năm lẻ 5 ({old} năm); năm "
                      f"{self.to_year} là {new} năm: còn tổ chức chào mừng không?",
                      f"{self.from_year} was a round or half-round year ({old} years); "
                      f"{self.to_year} is {new} years: is it still greeted?")

    def bare_counts(self) -> None:
        """Counts printed with no date, for a catalog entry: "95 năm Ngày thành lập Đảng"."""
        for match in BARE_COUNT.finditer(self.text):
            start, end = match.span("count")
            if not self.claimed.free(start, end) or not self.protected.free(start, end):
                continue
            name = re.split(r"[,.]| và ", match["name"])[0].strip()
            if not name[:1].isupper() and not fold(name).startswith(("ngay", "tet", "chien")):
                continue
            entry = self.match(name)
            if entry is None or entry.count != "years" or entry.origin.year is None:
                continue
            count = int(match["count"])
            if count == self.from_year - 1 - entry.origin.year:
                continue  # last year's results, whose year stays too ("Năm 2024, … 94 năm")
            for lag in (0, 1):
                if count == self.from_year + lag - entry.origin.year:
                    new_count = self.to_year + lag - entry.origin.year
                    self.greeted.add(entry.id)
                    if self.edit(start, end, str(new_count), f"số năm kỷ niệm {entry.name}",
                                 f"the count of {entry.name_en}"):
                        self._one_off(start, f"{count} năm {name}", count, new_count)
                    break
            else:
                self.note(start, f"{count} năm {name}",
                          f"{entry.name} có từ {entry.origin.year}: {count} năm không phải số "
                          f"năm của {self.from_year}; không sửa",
                          f"{entry.name_en} dates from {entry.origin.year}: {count} years is "
                          f"not its count in {self.from_year}; left as it is")

    def can_chi(self) -> None:
        for match in CAN_CHI.finditer(self.text):
            old = match["can_chi"]
            folded = fold(old)
            if fold(lunar.can_chi(self.from_year - 1)) == folded:
                continue  # the Tết before the plan's year, in last year's results: it stays
            for lag in (0, 1):
                if fold(lunar.can_chi(self.from_year + lag)) == folded:
                    new = lunar.can_chi(self.to_year + lag)
                    if old.isupper():
                        new = new.upper()
                    self.edit(match.start("can_chi"), match.end("can_chi"), new,
                              f"can chi của năm âm lịch {self.to_year + lag}",
                              f"the can-chi of lunar year {self.to_year + lag}")
                    break
            else:
                self.note(match.start("can_chi"), match.group(0),
                          f"{old} không phải can chi của năm {self.from_year} hay năm kề nó; "
                          "không sửa",
                          f"{old} is not the can-chi of {self.from_year} or a year next to "
                          "it; left as it is")

    def editions(self) -> None:
        for match in _EDITION.finditer(self.text):
            start, end = match.span("n")
            written = match["n"]
            number = int(written) if written.isdigit() else roman_value(written.upper())
            before = self.text[max(0, match.start() - 100):match.start()]
            name = re.split(r"[;()\n]", before)[-1].strip(" ,:-")
            entry = self.match(name) if name else None
            new_number: int | None = None
            if entry is not None and entry.count == "edition":
                then, now = _edition(entry, self.from_year), _edition(entry, self.to_year)
                if then is not None and now is not None and then == number:
                    new_number = now
                    self.greeted.add(entry.id)
            year_text = match["year"]
            if new_number is None and year_text and int(year_text[-4:]) == self.from_year:
                new_number = number + self.delta
            if new_number is None:
                continue
            new = str(new_number) if written.isdigit() else _roman(new_number)
            self.edit(start, end, new, "lần tổ chức (lần thứ)", "the edition number")

    def school_years(self) -> None:
        for match in _SCHOOL.finditer(self.text):
            first, second = int(match["a"]), int(match["b"])
            if second != first + 1 or not (self.from_year - 1 <= first <= self.from_year):
                continue
            for group in ("a", "b"):
                year = int(match[group])
                self.edit(match.start(group), match.end(group), str(self.shift(year)),
                          "năm học", "the school year")

    def lunar_pairs(self) -> None:
        """"mùng 10 tháng 3 âm lịch, tức ngày 07/4/2025": the solar day of the new year."""
        for lunar_day in read_lunar(self.text):
            window = self.text[lunar_day.column:lunar_day.column + 80]
            solar = _FULL_DATE.search(window)
            if solar is None or re.search(r"[;\n]", window[:solar.start()]):
                continue
            start = lunar_day.column + solar.start()
            end = lunar_day.column + solar.end()
            try:
                old = date(int(solar["year"]), int(solar["month"]), int(solar["day"]))
                lunar_year = lunar.to_lunar(old).year
                new = lunar.to_solar(self.shift(lunar_year), lunar_day.month, lunar_day.day)
            except (ValueError, OutOfRangeError):
                self.note(start, solar.group(0),
                          f"không tính được ngày dương lịch của {lunar_day.day}/"
                          f"{lunar_day.month} âm lịch năm {self.to_year}",
                          f"could not compute the solar day of lunar {lunar_day.day}/"
                          f"{lunar_day.month} in {self.to_year}")
                continue
            if self.edit(start, end, _format_like(solar, new),
                         f"ngày dương lịch của {lunar_day.day}/{lunar_day.month} âm lịch năm "
                         f"{self.to_year}",
                         f"the solar day of lunar {lunar_day.day}/{lunar_day.month} in "
                         f"{self.to_year}"):
                self.new_dates[start] = new

    def phases(self) -> None:
        lunar_days = self._lunar_commemorations()
        moved_ends: dict[date, date] = {}  # a đợt's old end -> its new end, when it moved
        for phase in read_phases(self.text):
            self._phase_start(phase.column, phase.start_text, phase.start, moved_ends)
            if phase.end is None or phase.end_text is None or not phase.end.valid:
                continue
            end_start = self.text.find(phase.end_text, phase.column)
            solar = _FULL_DATE.match(self.text, end_start) if end_start >= 0 else None
            old_end = phase.end.to_date()
            if solar is None or old_end is None or phase.end.precision != "day":
                continue
            new_end = _same_day(old_end, self.shift(old_end.year))
            reason = f"{phase.label}: cùng ngày, tháng của năm {new_end.year}"
            reason_en = f"{phase.label}: the same day and month in {new_end.year}"
            followed = lunar_days.get(old_end)
            if followed is not None:
                moved = _occurrence_date(followed, new_end.year)
                if moved is not None:
                    new_end = moved
                    moved_ends[old_end] = moved
                    reason = f"{phase.label} kết thúc vào {followed.name}"
                    reason_en = f"{phase.label} ends on {followed.name_en}"
            if self.edit(solar.start(), solar.end(), _format_like(solar, new_end), reason,
                         reason_en):
                self.new_dates[solar.start()] = new_end

    def _phase_start(self, column: int, start_text: str, start: TextDate | None,
                     moved_ends: dict[date, date]) -> None:
        """A đợt starts on the same day (or month) of the new year; one starting the day
        after a đợt that followed a lunar day follows it too."""
        if start is None or not start.valid:
            return
        old_start = start.to_date()
        if old_start is None or start.precision != "day" or (
                old_start - _ONE_DAY not in moved_ends):
            where = self.text.find(start_text, column)
            year_at = start_text.rfind(str(start.year)) if start.year >= 1000 else -1
            if where >= 0 and year_at >= 0 and str(start.year) in start_text:
                self.edit(where + year_at, where + year_at + 4, str(self.shift(start.year)),
                          "đợt bắt đầu cùng ngày, tháng của năm mới",
                          "the đợt starts on the same day and month of the new year")
            return
        where = self.text.find(start_text, column)
        solar = _FULL_DATE.match(self.text, where) if where >= 0 else None
        if solar is None:
            return
        new_start = moved_ends[old_start - _ONE_DAY] + _ONE_DAY
        if self.edit(solar.start(), solar.end(), _format_like(solar, new_start),
                     "bắt đầu ngay sau đợt trước", "starts the day after the đợt before"):
            self.new_dates[solar.start()] = new_start

    def _lunar_commemorations(self) -> dict[date, Commemoration]:
        found: dict[date, Commemoration] = {}
        for entry in self.catalog:
            if entry.origin.calendar != "lunar":
                continue
            day = _occurrence_date(entry, self.from_year)
            if day is not None:
                found.setdefault(day, entry)
        return found

    def _deadline_dates(self) -> list[tuple[int, int, bool, TextDate, bool]]:
        """Each deadline: where its wording and its date start, whether it is "trước"
        without an hour (due the day before), its date, and whether its year is implied."""
        school = read_school_year(self.document.lines)
        found = []
        for deadline in read_deadlines(self.text, year=self.from_year, school_year=school):
            date_start = self.text.find(deadline.date.text.split(" ")[0], deadline.column)
            if date_start < 0:
                continue
            found.append((deadline.column, date_start,
                          deadline.wording == "truoc_ngay" and deadline.hour is None,
                          deadline.date,
                          deadline.year_implied))
        return sorted(found)

    def deadlines(self) -> None:
        for _column, date_start, before, printed, year_implied in self._deadline_dates():
            stated = printed.to_date()
            match = _FULL_DATE.match(self.text, date_start)
            short = re.compile(r"(?P<day>\d{1,2})(?P<s1>/|\.|-)(?P<month>\d{1,2})").match(
                self.text, date_start)
            if stated is None:
                self.note(date_start, printed.text,
                          f"{printed.text} không phải một ngày có thật; không sửa",
                          f"{printed.text} is not a real date; left as it is")
                continue
            if match is None and (short is None or not year_implied):
                continue
            last = stated - _ONE_DAY if before else stated
            new_last = _same_day(last, self.shift(last.year))
            estimated = False
            if self.calendar is not None:
                try:
                    new_last = self.calendar.roll(new_last, "previous")
                    estimated = not self.calendar.announced(new_last.year)
                except OutOfRangeError:
                    estimated = True
            new_printed = new_last + _ONE_DAY if before else new_last
            after = match.end() if match is not None else short.end() if short else 0
            following = self.text[after:after + 14]
            suffix = " (dự kiến)" if estimated and "dự kiến" not in following else ""
            if match is not None:
                new_text = _format_like(match, new_printed) + suffix
                span = match.span()
            elif short is not None and new_printed.year == stated.year + self.delta:
                new_text = _format_short(short, new_printed) + suffix
                span = short.span()
            else:
                continue
            due = f"{new_last:%d/%m/%Y}"
            if self.edit(span[0], span[1], new_text,
                         f"hạn: cùng quy tắc, hạn cuối là ngày làm việc {due}"
                         + (" (lịch nghỉ năm chưa công bố)" if estimated else ""),
                         f"deadline: the same rule, last day the working day {due}"
                         + (" (the year's days off are not announced)" if estimated else "")):
                self.new_dates[span[0]] = new_printed

    def dates(self) -> None:
        """Any other full date or month in the plan's year (or the next): the same day and
        month in the new year."""
        for match in _FULL_DATE.finditer(self.text):
            year = int(match["year"])
            if year not in (self.from_year, self.from_year + 1):
                continue
            try:
                old = date(year, int(match["month"]), int(match["day"]))
            except ValueError:
                self.note(match.start(), match.group(0),
                          f"{match.group(0)} không phải một ngày có thật; không sửa",
                          f"{match.group(0)} is not a real date; left as it is")
                continue
            new = _same_day(old, self.shift(year))
            if new.day != old.day:
                self.note(match.start(), match.group(0),
                          f"năm {self.shift(year)} không có ngày 29/02; đã đổi thành 28/02",
                          f"{self.shift(year)} has no 29 February; changed to 28 February")
            if self.edit(match.start(), match.end(), _format_like(match, new),
                         f"cùng ngày, tháng của năm {new.year}",
                         f"the same day and month in {new.year}"):
                self.new_dates[match.start()] = new
        for match in _MONTH_YEAR.finditer(self.text):
            year = int(match["year"])
            if year in (self.from_year, self.from_year + 1):
                self.edit(match.start("year"), match.end("year"), str(self.shift(year)),
                          f"cùng tháng của năm {self.shift(year)}",
                          f"the same month in {self.shift(year)}")

    def years(self) -> None:
        """The plan's year in titles and sentences: "năm 2025", "NĂM 2025", "Xuân 2025"."""
        for match in _YEAR_ALONE.finditer(self.text):
            year = int(match["year"])
            if year in (self.from_year, self.from_year + 1):
                self.edit(match.start(), match.end(), str(self.shift(year)),
                          f"năm của kế hoạch: {self.shift(year)}",
                          f"the plan's year: {self.shift(year)}")

    def weekdays(self) -> None:
        for match in _WEEKDAY.finditer(self.text):
            after = match.end()
            new = self.new_dates.get(after)
            if new is None:
                continue
            written = match["name"]
            self.edit(match.start("name"), match.end("name"), _weekday_like(written, new),
                      f"thứ của ngày {new:%d/%m/%Y}", f"the weekday of {new:%d/%m/%Y}")

    def unread(self) -> None:
        """What is left in last year: a one-off event, two-digit years."""
        for index, line in enumerate(self.document.lines):
            start = self.document.starts[index]
            if _GROUNDS.match(line):
                continue
            found = _ONE_OFF.search(line)
            if found is not None and re.search(rf"\b{self.from_year}\b", line):
                self.note(start + found.start(), line[found.start():found.start() + 80].strip(),
                          f"có vẻ là một sự kiện riêng của năm {self.from_year}: còn giữ không?",
                          f"looks like an event of {self.from_year} only: keep it?")
            for short in re.finditer(r"(?<![\d/.])\d{1,2}/\d{1,2}/\d{2}(?![\d/])", line):
                self.note(start + short.start(), short.group(0),
                          "năm viết hai chữ số: không sửa, cần xem",
                          "a two-digit year: left as it is, check it")

    def not_greeted(self) -> None:
        """The days of the plan's kind that are a năm tròn or năm lẻ 5 in the new year and
        that it does not greet: those Nghị định 145 lists, and those sharing a tag with a day
        the plan greets ("union", "education", "local"), the tags every plan shares aside."""
        greeted_tags = {tag for entry in self.catalog if entry.id in self.greeted
                        for tag in entry.tags} - _COMMON_TAGS
        for entry in self.catalog:
            if entry.id in self.greeted or entry.count == "none":
                continue
            if "nd145" not in entry.tags and not greeted_tags & set(entry.tags):
                continue
            try:
                found = occurrence(entry, self.to_year)
            except OutOfRangeError:
                continue
            if found is None or found.milestone not in ("nam_tron", "nam_le_5"):
                continue
            kind = "năm tròn" if found.milestone == "nam_tron" else "năm lẻ 5"
            kind_en = "a round year" if found.milestone == "nam_tron" else "a half-round year"
            count = found.count
            self.note(None, entry.name,
                      f"năm {self.to_year} là {kind} của {entry.name} ({count} năm, "
                      f"{found.date:%d/%m/%Y}) nhưng kế hoạch không chào mừng",
                      f"{self.to_year} is {kind_en} of {entry.name_en} ({count}, "
                      f"{found.date:%d/%m/%Y}) but the plan does not greet it")

    def result(self) -> Renewal:
        edits = []
        for start, end, new, reason, reason_en in sorted(self.edits):
            line, column = self.document.position(start)
            edits.append(Edit(line=line - 1, start=column - 1, end=column - 1 + end - start,
                              old=self.text[start:end], new=new, reason=reason,
                              reason_en=reason_en))
        notes = sorted(self.notes, key=lambda n: (n.line is None, n.line or 0, n.column))
        seen: set[tuple[str, str]] = set()
        first_mentions = []
        for note in notes:  # a plan names a day in its aims and again in its đợt: once
            if (note.quote, note.message) not in seen:
                seen.add((note.quote, note.message))
                first_mentions.append(note)
        notes = first_mentions
        return Renewal(from_year=self.from_year, to_year=self.to_year, edits=tuple(edits),
                       notes=tuple(notes))


def renew_document(
    document: Document,
    /,
    *,
    to_year: int,
    from_year: int | None = None,
    catalog: Iterable[Commemoration] = (),
    calendar: WorkCalendar | None = None,
) -> Renewal:
    """What changes when a plan's text is moved to ``to_year``.

    ``from_year`` is the plan's year (default: read from the text); ``catalog`` gives the
    counts and the days to greet; ``calendar`` the working days for the deadlines.  Raises
    :class:`ValueError` when the plan's year cannot be read.
    """
    year = from_year if from_year is not None else read_year(document.lines)
    if year is None:
        raise ValueError("cannot tell the plan's year; give it")
    renewer = _Renewer(document, year, to_year, list(catalog), calendar)
    renewer.protect()
    renewer.items()
    renewer.bare_counts()
    renewer.can_chi()
    renewer.editions()
    renewer.school_years()
    renewer.lunar_pairs()
    renewer.phases()
    renewer.deadlines()
    renewer.dates()
    renewer.years()
    renewer.weekdays()
    renewer.unread()
    renewer.not_greeted()
    return renewer.result()


# -- helpers -----------------------------------------------------------------------------------


def _same_day(day: date, year: int) -> date:
    """The same day and month in ``year`` (29 February becomes the 28th)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def _occurrence_date(entry: Commemoration, year: int) -> date | None:
    try:
        found = occurrence(entry, year)
    except OutOfRangeError:
        return None
    return found.date if found is not None else None


def _edition(entry: Commemoration, year: int) -> int | None:
    try:
        found = occurrence(entry, year)
    except OutOfRangeError:
        return None
    return found.edition if found is not None else None


def _pad(old: str, value: int) -> str:
    """``value`` padded as ``old`` was: "05" pads, "10" and "5" say nothing of padding."""
    return f"{value:02d}" if old.startswith("0") else str(value)


def _format_like(match: re.Match[str], day: date) -> str:
    """``day`` written as the matched date was: padding and separators kept."""
    return (_pad(match["day"], day.day) + match["s1"] + _pad(match["month"], day.month)
            + match["s2"] + str(day.year))


def _format_short(match: re.Match[str], day: date) -> str:
    return _pad(match["day"], day.day) + match["s1"] + _pad(match["month"], day.month)


def _weekday_like(written: str, day: date) -> str:
    """The weekday of ``day`` written as ``written`` was ("Thứ Sáu", "thứ 6", "Chủ nhật")."""
    weekday = day.weekday()  # Monday = 0
    words = written.split()
    digits = len(words) > 1 and words[1].isdigit()
    if weekday == 6:
        new = "Chủ nhật"
        if written.isupper():
            return new.upper()
        return new if written[:1].isupper() else new.lower()
    second = str(weekday + 2) if digits else _WEEKDAY_WORDS[weekday]
    if written.isupper():
        return f"{words[0]} {second.upper()}"
    if not digits and words[1][:1].islower():
        second = second.lower()
    return f"{words[0]} {second}"


_ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90),
          ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def _roman(number: int) -> str:
    out = []
    for letters, value in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)
