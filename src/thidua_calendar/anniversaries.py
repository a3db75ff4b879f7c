"""Commemorations and their yearly occurrences: the date, the count and the class.

The count of an anniversary is ``year - base year``: "93 năm Ngày thành lập Công đoàn Việt
Nam (28/7/1929 - 28/7/2022)".  Every official list checked (2012-2026) follows this rule.

The class follows Nghị định 145/2013/NĐ-CP, Điều 3, and is decided on the count (the
"lần thứ"), not on the calendar year:

* năm tròn (``"nam_tron"``): the count ends in 0;
* năm lẻ 5 (``"nam_le_5"``): the count ends in 5;
* năm khác (``"nam_khac"``): any other count.

Giỗ Tổ Hùng Vương has no base year; the same article classes it by the solar calendar year
itself (2020 was năm tròn).  The catalog says so per entry (``class_by: calendar_year``).

This module is pure: it reads no file and no clock.  Catalog files are read by
:mod:`thidua_calendar.files.catalog`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from thidua_calendar import lunar
from thidua_calendar.dates import FIRST_YEAR, LAST_YEAR, Precision, check_year, days_in_month
from thidua_calendar.errors import BilingualValueError, OccurrenceError, OutOfRangeError

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "Alternative",
    "ClassBy",
    "Commemoration",
    "CountStyle",
    "Duration",
    "LeapDay",
    "Milestone",
    "Occurrence",
    "Origin",
    "Precision",
    "PrintedWith",
    "Source",
    "days_in_month",
    "milestone_of",
    "occurrence",
    "occurrence_in",
    "occurrences",
    "occurrences_between",
]

CountStyle = Literal["years", "edition", "none"]
Duration = Literal["day", "month"]
ClassBy = Literal["count", "calendar_year"]
Milestone = Literal["nam_tron", "nam_le_5", "nam_khac"]
LeapDay = Literal["feb28", "mar1"]

_SOLAR_FORMS = (
    (re.compile(r"(\d{1,4})-(\d{2})-(\d{2})"), "day"),
    (re.compile(r"(\d{1,4})-(\d{2})"), "month"),
    (re.compile(r"(\d{1,4})"), "year"),
)
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
_RECURRING_SOLAR = re.compile(r"--(\d{2})-(\d{2})")
_LUNAR = re.compile(r"AL (?:(\d{1,4})-)?(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True, kw_only=True)
class Origin:
    """Where an anniversary counts from.

    A solar origin has a base year and a precision (day, month or year), or no base year
    (a day kept every year, like Tết Dương lịch).  A lunar origin has a lunar month and
    day, and optionally a base lunar year.
    """

    calendar: Literal["solar", "lunar"]
    year: int | None
    month: int | None
    day: int | None

    @classmethod
    def parse(cls, text: str, /) -> Origin:
        """Read the catalog form of an origin.

        ``"1929-07-28"`` (day), ``"1972-12"`` (month), ``"1943"`` (year), ``"--01-01"``
        (a solar day without base year), ``"AL 03-10"`` or ``"AL 1930-01-10"`` (lunar).
        Raises :class:`ValueError` naming the problem.
        """
        text = text.strip()
        if match := _LUNAR.fullmatch(text):
            base, month, day = match.groups()
            origin = cls(
                calendar="lunar",
                year=int(base) if base else None,
                month=int(month),
                day=int(day),
            )
        elif match := _RECURRING_SOLAR.fullmatch(text):
            origin = cls(calendar="solar", year=None, month=int(match[1]), day=int(match[2]))
        else:
            for pattern, precision in _SOLAR_FORMS:
                if match := pattern.fullmatch(text):
                    parts = [int(part) for part in match.groups()]
                    origin = cls(
                        calendar="solar",
                        year=parts[0],
                        month=parts[1] if precision != "year" else None,
                        day=parts[2] if precision == "day" else None,
                    )
                    break
            else:
                raise BilingualValueError(
                    f"origin {text!r} is not one of the forms YYYY-MM-DD, YYYY-MM, YYYY, "
                    "--MM-DD, 'AL MM-DD' or 'AL YYYY-MM-DD'",
                    vi=f"mốc “{text}” không theo một trong các dạng YYYY-MM-DD, YYYY-MM, YYYY, "
                       "--MM-DD, 'AL MM-DD' hoặc 'AL YYYY-MM-DD'",
                )
        origin._check(text)
        return origin

    def _check(self, text: str) -> None:
        if self.year is not None and self.year < 1:
            raise BilingualValueError(f"origin {text!r} has year 0; years start at 1",
                                      vi=f"mốc “{text}” có năm 0; năm bắt đầu từ 1")
        if self.month is not None and not 1 <= self.month <= 12:
            raise BilingualValueError(
                f"origin {text!r} has month {self.month}; months run from 1 to 12",
                vi=f"mốc “{text}” có tháng {self.month}; tháng từ 1 đến 12")
        if self.day is None or self.month is None:
            return
        if self.calendar == "lunar":
            if not 1 <= self.day <= 30:
                raise BilingualValueError(
                    f"origin {text!r} has lunar day {self.day}; lunar days run 1-30",
                    vi=f"mốc “{text}” có ngày âm lịch {self.day}; ngày âm lịch từ 1 đến 30")
            return
        # A recurring day is checked against a leap year so that --02-29 is allowed.
        year = self.year if self.year is not None else 2000
        last = days_in_month(year, self.month)
        if not 1 <= self.day <= last:
            raise BilingualValueError(
                f"origin {text!r} is not a real date: {_MONTH_NAMES[self.month - 1]} "
                f"{year} has {last} days",
                vi=f"mốc “{text}” không phải ngày có thật: tháng {self.month}/{year} có {last} "
                   "ngày",
            )

    @property
    def precision(self) -> Precision:
        """How much of the origin is known: ``"day"``, ``"month"`` or ``"year"``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def __str__(self) -> str:
        """The catalog (and JSON) form: ``"1929-07-28"``, ``"1972-12"``, ``"AL 03-10"``."""
        if self.calendar == "lunar":
            base = f"{self.year}-" if self.year is not None else ""
            return f"AL {base}{self.month:02d}-{self.day:02d}"
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{self.year}-{self.month:02d}"
        return f"{self.year}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """A document or page a fact was found in."""

    title: str
    url: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Alternative:
    """A base that other sources use; the catalog records it but follows its own origin."""

    origin: Origin
    note: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PrintedWith:
    """Official lists print one entry followed by another on the same line."""

    id: str
    joiner: str = "và"
    joiner_en: str = "and"


@dataclass(frozen=True, slots=True, kw_only=True)
class Commemoration:
    """One entry of a catalog: a day (or a month-long campaign) that plans greet."""

    id: str
    name: str
    name_en: str
    origin: Origin
    count: CountStyle
    duration: Duration = "day"
    first_year: int | None = None
    class_by: ClassBy = "count"
    tags: tuple[str, ...] = ()
    printed_with: PrintedWith | None = None
    with_can_chi: bool = False
    leap_day: LeapDay = "feb28"
    note: str | None = None
    sources: tuple[Source, ...] = ()
    alternatives: tuple[Alternative, ...] = ()

    @property
    def observed_from(self) -> int | None:
        """The first year with an occurrence, or ``None`` when every year has one."""
        if self.first_year is not None:
            return self.first_year
        if self.origin.year is None:
            return None
        # The founding year itself is the event, not an anniversary of it.
        return self.origin.year + 1 if self.count == "years" else self.origin.year


@dataclass(frozen=True, slots=True, kw_only=True)
class Occurrence:
    """A commemoration as it falls in one solar year.

    ``date`` is the solar date in that year; for month and year precision it is the first
    day of the month or year, and ``precision`` says so.  ``end`` is the last day the
    observance covers (the end of the month for a month-long campaign).
    """

    commemoration: Commemoration
    year: int
    date: datetime.date
    end: datetime.date
    count: int | None
    milestone: Milestone | None
    lunar_date: lunar.LunarDate | None = None

    @property
    def id(self) -> str:
        return self.commemoration.id

    @property
    def precision(self) -> Precision:
        return self.commemoration.origin.precision

    @property
    def years(self) -> int | None:
        """The number of years since the origin, for a counted anniversary."""
        return self.count if self.commemoration.count == "years" else None

    @property
    def edition(self) -> int | None:
        """The "lần thứ N" of a numbered campaign."""
        return self.count if self.commemoration.count == "edition" else None


def milestone_of(number: int, /) -> Milestone:
    """The class of Nghị định 145/2013 Điều 3 for a count (or a calendar year)."""
    if number % 10 == 0:
        return "nam_tron"
    if number % 10 == 5:
        return "nam_le_5"
    return "nam_khac"


def occurrence(commemoration: Commemoration, year: int, /) -> Occurrence | None:
    """The occurrence of ``commemoration`` in solar ``year``, or ``None`` if it has none.

    There is none before the first year of observance, and none for a lunar day of month
    11 or 12 that falls outside the solar year.  Raises :class:`OutOfRangeError` for a year
    outside ``FIRST_YEAR..LAST_YEAR``.
    """
    check_year(year)
    first = commemoration.observed_from
    if first is not None and year < first:
        return None
    origin = commemoration.origin
    lunar_date = None
    counted_year = year
    if origin.calendar == "lunar":
        found = _lunar_day_in(year, origin)
        if found is None:
            return None
        start, lunar_date = found
        end = start
        # A lunar anniversary counts lunar years: 23 tháng Chạp in January of `year`
        # belongs to lunar year `year - 1`.
        counted_year = lunar_date.year
    else:
        start, end = _solar_span(commemoration, year)
        counted_year = year
    return Occurrence(
        commemoration=commemoration,
        year=year,
        date=start,
        end=end,
        count=_count(commemoration, counted_year),
        milestone=_milestone(commemoration, year, counted_year),
        lunar_date=lunar_date,
    )


def occurrences_between(
    commemoration: Commemoration, first: datetime.date, last: datetime.date, /
) -> tuple[Occurrence, ...]:
    """Every occurrence of ``commemoration`` whose day falls from ``first`` to ``last``
    (both included), in date order."""
    found = []
    for year in range(first.year, last.year + 1):
        occ = occurrence(commemoration, year)
        if occ is not None and first <= occ.date <= last:
            found.append(occ)
    return tuple(found)


def occurrence_in(
    commemoration: Commemoration,
    first: datetime.date,
    last: datetime.date,
    /,
    *,
    year: int | None = None,
) -> Occurrence:
    """The one occurrence of ``commemoration`` from ``first`` to ``last``, or, when ``year``
    is given (``anniversary:ID@YEAR``), its occurrence in that year wherever it falls.

    This is the one answer to "which occurrence" for phases, splits and deadlines alike; an
    open period passes its horizon as ``last`` (:attr:`~thidua_calendar.phases.Period.horizon`).
    Raises :class:`OccurrenceError` when there is none or more than one, and
    :class:`OutOfRangeError` for years outside the supported range.
    """
    if year is not None:
        found = occurrence(commemoration, year)
        if found is None:
            raise OccurrenceError(
                f"{commemoration.name} does not occur in {year}", count=0,
                vi=f"“{commemoration.name}” không có trong năm {year}")
        return found
    within = occurrences_between(commemoration, first, last)
    if len(within) == 1:
        return within[0]
    name = commemoration.name
    if not within:
        raise OccurrenceError(f"{name} does not occur in the plan's period", count=0,
                              vi=f"“{name}” không rơi vào thời gian của kế hoạch")
    raise OccurrenceError(
        f"{name} occurs {len(within)} times in the plan's period; "
        f"write anniversary:{commemoration.id}@YEAR", count=len(within),
        vi=f"“{name}” rơi vào thời gian của kế hoạch {len(within)} lần; hãy ghi rõ năm: "
           f"anniversary:{commemoration.id}@NĂM")


def occurrences(
    commemorations: Iterable[Commemoration],
    year: int,
    /,
    *,
    tags: Iterable[str] | None = None,
    milestones: Iterable[Milestone] | None = None,
) -> tuple[Occurrence, ...]:
    """Every occurrence in ``year``, sorted by date (ties keep catalog order).

    ``tags`` keeps entries that carry any of them; ``milestones`` keeps occurrences of
    those classes.
    """
    check_year(year)
    wanted_tags = frozenset(tags) if tags is not None else None
    wanted_classes = frozenset(milestones) if milestones is not None else None
    found = []
    for entry in commemorations:
        if wanted_tags is not None and wanted_tags.isdisjoint(entry.tags):
            continue
        occ = occurrence(entry, year)
        if occ is None:
            continue
        if wanted_classes is not None and occ.milestone not in wanted_classes:
            continue
        found.append(occ)
    found.sort(key=lambda occ: occ.date)
    return tuple(found)


def _count(commemoration: Commemoration, year: int) -> int | None:
    base = commemoration.origin.year
    if base is None or commemoration.count == "none":
        return None
    if commemoration.count == "edition":
        return year - base + 1
    # A day first observed in its founding year has no count that year ("0 năm").
    return (year - base) or None


def _milestone(commemoration: Commemoration, year: int, counted_year: int) -> Milestone | None:
    if commemoration.class_by == "calendar_year":
        return milestone_of(year)
    count = _count(commemoration, counted_year)
    return milestone_of(count) if count is not None else None


def _solar_span(commemoration: Commemoration, year: int) -> tuple[datetime.date, datetime.date]:
    origin = commemoration.origin
    if origin.month is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    last_of_month = days_in_month(year, origin.month)
    if origin.day is None:
        start = datetime.date(year, origin.month, 1)
        return start, datetime.date(year, origin.month, last_of_month)
    if origin.month == 2 and origin.day == 29 and last_of_month == 28:
        feb28 = commemoration.leap_day == "feb28"
        start = datetime.date(year, 2, 28) if feb28 else datetime.date(year, 3, 1)
    else:
        start = datetime.date(year, origin.month, origin.day)
    if commemoration.duration == "month":
        return start, datetime.date(year, origin.month, last_of_month)
    return start, start


def _lunar_day_in(year: int, origin: Origin) -> tuple[datetime.date, lunar.LunarDate] | None:
    """The solar date in ``year`` of a lunar month and day (never in a leap month).

    A lunar month that has no day 30 that year keeps the day on its 29th, the custom for
    anniversaries.  Months 11 and 12 may fall in the next solar year; then the one of the
    previous lunar year is taken if it falls in ``year``.  When both fall in ``year`` (a day
    early in month 12 can), the one of lunar year ``year`` is returned.
    """
    assert origin.month is not None and origin.day is not None
    for lunar_year in (year, year - 1):
        try:
            months = lunar.lunar_months(lunar_year)
        except OutOfRangeError:
            continue
        month = next(m for m in months if m.month == origin.month and not m.leap)
        day = min(origin.day, month.length)
        solar = datetime.date.fromordinal(month.first_day.toordinal() + day - 1)
        if solar.year == year:
            return solar, lunar.LunarDate(year=lunar_year, month=origin.month, day=day)
    return None
