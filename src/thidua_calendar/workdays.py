"""Vietnam's working days: public holidays, compensatory days off, swapped days, weekends.

The rules, as data (``data/workdays.yaml``, read by :mod:`thidua_calendar.files.workdays_schema`):

- **Public holidays** of the labour code (Bộ luật Lao động 2019, Điều 112 khoản 1; before
  2021 Bộ luật Lao động 2012, Điều 115): fixed solar days, Giỗ Tổ Hùng Vương on 10/3 of
  the lunar calendar, and days the Prime Minister fixes each year (which five days make
  Tết Âm lịch, which day beside 2/9 makes Quốc khánh's second day).
- **Announcements**, one per year: the days the Prime Minister fixed and the swapped days
  (a weekday off, a Saturday worked instead) for the public sector.  A year whose
  announcement is missing, or does not fix a holiday, gets an *estimate* for it, flagged
  ``estimated=True``; it is never a silent guess.
- **Compensatory days** (nghỉ bù) follow Điều 111 khoản 3: a holiday on a weekly rest day
  gives a day off on the next working day.  Which days are weekly rest days depends on the
  :class:`WeekendPolicy`: Saturday and Sunday in the public sector (the default), Sunday
  only in many firms.  Swaps are announced for the public sector and apply only to
  policies that say so.

Pure: no files, no clock.  A :class:`WorkCalendar` answers for every day of
``first_year``..``last_year`` and raises :class:`~thidua_calendar.errors.OutOfRangeError`
outside them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from thidua_calendar import lunar
from thidua_calendar.anniversaries import Source
from thidua_calendar.dates import vi_date
from thidua_calendar.errors import AnnouncementError, OutOfRangeError, UnknownEntryError

__all__ = [
    "WEEKDAY_KEYS",
    "Announcement",
    "DayKind",
    "DayOff",
    "Holiday",
    "HolidayRules",
    "LabourCode",
    "RollPolicy",
    "Swap",
    "WeekendPolicy",
    "WorkCalendar",
    "check_swap",
    "validate_announcement",
]

DayKind = Literal["holiday", "compensatory", "swapped_off", "swapped_work"]
RollPolicy = Literal["previous", "next", "none"]
#: Weekday keys as the data writes them, Monday first (``date.weekday()`` order).
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_ONE_DAY = timedelta(days=1)
_Date = date  # for annotations in classes with a field named ``date``


@dataclass(frozen=True, slots=True, kw_only=True)
class LabourCode:
    """The labour code in force for a span of years, and the articles the rules come from."""

    name: str
    name_en: str
    holidays_article: str
    holidays_article_en: str
    compensatory_article: str
    compensatory_article_en: str
    first_year: int
    last_year: int | None = None
    sources: tuple[Source, ...] = ()

    def in_force(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


@dataclass(frozen=True, slots=True, kw_only=True)
class Holiday:
    """A public holiday of the labour code.

    ``month``/``day`` give its day (``calendar="lunar"`` for Giỗ Tổ).  When ``announced``,
    the Prime Minister fixes the exact ``days`` each year around that reference day, and
    ``estimate`` gives the offsets (in days from the reference day) used while no
    announcement has fixed them, keyed by the reference day's weekday (``"mon"``…) or
    ``"any"``.  ``allowed_offsets``, when given, are the only offsets an announced day may
    take (Quốc khánh's second day is the day before or after 2/9: ``(-1, 1)``); otherwise an
    announced day is within a week of the reference day.  ``law`` names the legal basis
    when it is not the labour code's list, and ``compensated`` says whether Điều 111 khoản 3
    gives a day off when it falls on a weekly rest day.
    """

    id: str
    name: str
    name_en: str
    calendar: Literal["solar", "lunar"] = "solar"
    month: int
    day: int
    days: int = 1
    announced: bool = False
    estimate: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    allowed_offsets: tuple[int, ...] = ()
    first_year: int | None = None
    last_year: int | None = None
    law: str | None = None
    law_en: str | None = None
    compensated: bool = True
    sources: tuple[Source, ...] = ()

    def in_force(self, year: int) -> bool:
        return (self.first_year is None or self.first_year <= year) and (
            self.last_year is None or year <= self.last_year
        )

    def reference(self, year: int) -> date:
        """The holiday's reference day in ``year`` (mùng 1 Tết, 2/9, 10/3 âm lịch…)."""
        if self.calendar == "lunar":
            return lunar.to_solar(year, self.month, self.day)
        return date(year, self.month, self.day)

    def estimated_days(self, year: int) -> tuple[date, ...]:
        """The days this holiday is expected to take in ``year`` before it is announced."""
        reference = self.reference(year)
        offsets = self.estimate.get(WEEKDAY_KEYS[reference.weekday()], self.estimate.get("any"))
        if offsets is None:
            offsets = tuple(range(self.days))
        return tuple(reference + timedelta(days=offset) for offset in offsets)


@dataclass(frozen=True, slots=True, kw_only=True)
class Swap:
    """A weekday given off in exchange for a weekend day worked (hoán đổi ngày làm việc)."""

    off: date
    work: date
    document: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Announcement:
    """What the government announced for one year.

    ``days`` maps a holiday id to the days fixed for it; ``compensatory`` lists the
    compensatory days the announcement states (a check on the rule, not an input to it).
    """

    year: int
    title: str
    days: Mapping[str, tuple[date, ...]] = field(default_factory=dict)
    swaps: tuple[Swap, ...] = ()
    compensatory: tuple[date, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class WeekendPolicy:
    """Which weekdays are weekly rest days, and whether announced swaps apply."""

    id: str
    name: str
    name_en: str
    rest_days: frozenset[int]
    swaps: bool
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class HolidayRules:
    """Everything a work calendar is computed from: codes, holidays, policies, announcements."""

    codes: tuple[LabourCode, ...]
    holidays: tuple[Holiday, ...]
    weekends: tuple[WeekendPolicy, ...]
    announcements: tuple[Announcement, ...]
    first_year: int
    last_year: int

    def weekend(self, policy_id: str, /) -> WeekendPolicy:
        for policy in self.weekends:
            if policy.id == policy_id:
                return policy
        choices = ", ".join(policy.id for policy in self.weekends)
        raise UnknownEntryError(f"no weekend policy {policy_id!r}; choose one of {choices}",
                                vi=f"không có chế độ nghỉ hằng tuần “{policy_id}”; chọn một "
                                   f"trong: {choices}")

    def code(self, year: int, /) -> LabourCode:
        for code in self.codes:
            if code.in_force(year):
                return code
        raise OutOfRangeError(f"no labour code is recorded for {year}",
                              vi=f"chưa có Bộ luật Lao động nào được ghi cho năm {year}")

    def announcement(self, year: int, /) -> Announcement | None:
        for item in self.announcements:
            if item.year == year:
                return item
        return None

    def with_announcements(self, added: Sequence[Announcement], /) -> HolidayRules:
        """These rules with ``added`` replacing or extending the announcements by year."""
        by_year = {item.year: item for item in self.announcements}
        by_year.update({item.year: item for item in added})
        return HolidayRules(
            codes=self.codes,
            holidays=self.holidays,
            weekends=self.weekends,
            announcements=tuple(by_year[year] for year in sorted(by_year)),
            first_year=self.first_year,
            last_year=self.last_year,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class DayOff:
    """A day whose status is not the weekday's usual one.

    ``kind`` is ``holiday``, ``compensatory`` (nghỉ bù), ``swapped_off`` (a weekday off by
    a swap) or ``swapped_work`` (a weekend day worked by a swap: the one kind that is a
    working day).  ``holiday`` is the id of the holiday concerned (for compensatory days,
    the one compensated); ``related`` the other day of a swap, or the compensated holiday.
    """

    date: _Date
    kind: DayKind
    name: str
    name_en: str
    holiday: str | None = None
    related: _Date | None = None
    law: str = ""
    law_en: str = ""
    announcement: str | None = None
    estimated: bool = False

    @property
    def is_working_day(self) -> bool:
        return self.kind == "swapped_work"


class WorkCalendar:
    """Working days under a weekend policy: which days are off, counting, rolling.

    >>> from thidua_calendar.files.workdays import builtin_holiday_rules
    >>> calendar = WorkCalendar(builtin_holiday_rules())
    >>> calendar.is_working_day(date(2025, 4, 26))   # a Saturday worked for Friday 2/5
    True
    >>> calendar.day_off(date(2026, 4, 27)).name     # Giỗ Tổ fell on Sunday 26/4
    'Nghỉ bù Giỗ Tổ Hùng Vương'
    """

    __slots__ = ("_tables", "rules", "weekend")

    def __init__(self, rules: HolidayRules, /, *, weekend: str = "sat-sun") -> None:
        self.rules = rules
        self.weekend = rules.weekend(weekend)
        self._tables: dict[int, dict[date, DayOff]] = {}

    @property
    def first_year(self) -> int:
        return self.rules.first_year

    @property
    def last_year(self) -> int:
        return self.rules.last_year

    def days_off(self, year: int, /) -> tuple[DayOff, ...]:
        """Holidays, compensatory days and both days of each swap in ``year``, by date."""
        table = self._table(year)
        return tuple(table[day] for day in sorted(table))

    def day_off(self, day: date, /) -> DayOff | None:
        """The special status of ``day`` (a :class:`DayOff`), or ``None`` for an ordinary day."""
        return self._table(day.year).get(day)

    def is_rest_day(self, day: date, /) -> bool:
        """Whether ``day`` is a weekly rest day under the policy (swaps aside)."""
        return day.weekday() in self.weekend.rest_days

    def is_working_day(self, day: date, /) -> bool:
        status = self._table(day.year).get(day)
        if status is not None:
            return status.kind == "swapped_work"
        return day.weekday() not in self.weekend.rest_days

    def is_estimated(self, day: date, /) -> bool:
        """Whether the status of ``day`` rests on an estimate (an unannounced holiday)."""
        status = self._table(day.year).get(day)
        return status is not None and status.estimated

    def estimated_between(self, first: date, last: date, /) -> bool:
        """Whether any day from ``first`` to ``last`` (either order) rests on an estimate."""
        low, high = min(first, last), max(first, last)
        for year in range(low.year, high.year + 1):
            for day, status in self._table(year).items():
                if status.estimated and low <= day <= high:
                    return True
        return False

    def roll(self, day: date, /, policy: RollPolicy) -> date:
        """``day`` itself if it is a working day, else the previous or next one (or ``day``
        unchanged when ``policy`` is ``"none"``)."""
        self._check_year(day.year)
        if policy == "none":
            return day
        step = -_ONE_DAY if policy == "previous" else _ONE_DAY
        while not self.is_working_day(day):
            day = self._step(day, step)
        return day

    def add_working_days(self, day: date, count: int, /) -> date:
        """The ``count``-th working day after ``day`` (before it when ``count`` is negative).

        ``day`` itself is not counted; ``count == 0`` returns ``day``.
        """
        self._check_year(day.year)
        step = _ONE_DAY if count >= 0 else -_ONE_DAY
        remaining = abs(count)
        while remaining:
            day = self._step(day, step)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date, /) -> int:
        """How many working days ``end`` lies after ``start``: those after ``start`` up to
        and including ``end``; when ``end`` is earlier, minus those from ``end`` up to but
        not including ``start``.  The inverse of :meth:`add_working_days`."""
        self._check_year(start.year)
        self._check_year(end.year)
        if end < start:
            count = 0
            day = start
            while day > end:
                day = self._step(day, -_ONE_DAY)
                count -= self.is_working_day(day)
            return count
        count = 0
        day = start
        while day < end:
            day = self._step(day, _ONE_DAY)
            count += self.is_working_day(day)
        return count

    def nth_working_day(self, year: int, month: int, n: int, /) -> date:
        """The ``n``-th working day of a month; ``n = -1`` is the last one, ``-2`` the one
        before it."""
        if n == 0:
            raise ValueError(
                "n = 0 names no day; count working days from 1 (the first) or from -1 (the last)"
            )
        if n > 0:
            day = date(year, month, 1)
            count = 0
            while day.month == month:
                if self.is_working_day(day):
                    count += 1
                    if count == n:
                        return day
                day += _ONE_DAY
        else:
            day = date(year + month // 12, month % 12 + 1, 1) - _ONE_DAY
            count = 0
            while day.month == month:
                if self.is_working_day(day):
                    count -= 1
                    if count == n:
                        return day
                day -= _ONE_DAY
        raise ValueError(
            f"{month}/{year} has fewer than {abs(n)} working days (it has {abs(count)})"
        )

    def announced(self, year: int, /) -> bool:
        """Whether every holiday of ``year`` is fixed by an announcement (nothing estimated)."""
        return not any(status.estimated for status in self.days_off(year))

    # -- building one year's table -------------------------------------------------------

    def _step(self, day: date, step: timedelta) -> date:
        following = day + step
        if not self.first_year <= following.year <= self.last_year:
            self._check_year(following.year)
        return following

    def _check_year(self, year: int) -> None:
        if not self.first_year <= year <= self.last_year:
            raise OutOfRangeError(
                f"working days are known from {self.first_year} to {self.last_year}; "
                f"{year} is outside that range",
                vi=f"ngày làm việc được biết từ năm {self.first_year} đến {self.last_year}; "
                   f"năm {year} nằm ngoài khoảng đó",
            )

    def _table(self, year: int) -> dict[date, DayOff]:
        table = self._tables.get(year)
        if table is None:
            self._check_year(year)
            table = self._tables[year] = self._build(year)
        return table

    def _build(self, year: int) -> dict[date, DayOff]:
        rules = self.rules
        code = rules.code(year)
        announcement = rules.announcement(year)
        law = f"{code.name}, {code.holidays_article}"
        law_en = f"{code.name_en}, {code.holidays_article_en}"
        table: dict[date, DayOff] = {}
        for holiday in rules.holidays:
            if not holiday.in_force(year):
                continue
            fixed = announcement.days.get(holiday.id) if announcement is not None else None
            if holiday.announced and fixed is not None:
                days, estimated = fixed, False
            elif holiday.announced:
                days, estimated = holiday.estimated_days(year), True
            else:
                days, estimated = (holiday.reference(year),), False
            for day in days:
                if day in table:  # two holidays on one day: one day off, both names
                    first = table[day]
                    table[day] = dataclasses.replace(
                        first,
                        name=f"{first.name}; {holiday.name}",
                        name_en=f"{first.name_en}; {holiday.name_en}",
                        estimated=first.estimated or estimated,
                    )
                    continue
                table[day] = DayOff(
                    date=day,
                    kind="holiday",
                    name=holiday.name,
                    name_en=holiday.name_en,
                    holiday=holiday.id,
                    law=holiday.law or law,
                    law_en=holiday.law_en or law_en,
                    announcement=(
                        announcement.title if holiday.announced and not estimated and announcement
                        else None
                    ),
                    estimated=estimated,
                )
        swapped = self._swaps(year, table) if self.weekend.swaps else {}
        uncompensated = {h.id for h in rules.holidays if not h.compensated}
        self._add_compensatory(table, code, swapped, uncompensated)
        table.update(swapped)
        return table

    def _add_compensatory(
        self,
        table: dict[date, DayOff],
        code: LabourCode,
        swapped: Mapping[date, DayOff],
        uncompensated: set[str],
    ) -> None:
        rest = self.weekend.rest_days
        for day in sorted(table):
            holiday = table[day]
            if (
                holiday.kind != "holiday"
                or day.weekday() not in rest
                or holiday.holiday in uncompensated
            ):
                continue
            # The day in lieu rests on an estimate when the holiday does, and when an
            # estimated day it skips decides where it falls.
            estimated = holiday.estimated
            following = day + _ONE_DAY
            while following.weekday() in rest or following in table or following in swapped:
                skipped = table.get(following)
                estimated = estimated or (skipped is not None and skipped.estimated)
                following += _ONE_DAY
            table[following] = DayOff(
                date=following,
                kind="compensatory",
                name=f"Nghỉ bù {holiday.name}",
                name_en=f"Day off in lieu of {holiday.name_en}",
                holiday=holiday.holiday,
                related=day,
                law=f"{code.name}, {code.compensatory_article}",
                law_en=f"{code.name_en}, {code.compensatory_article_en}",
                estimated=estimated,
            )

    def _swaps(self, year: int, holidays: Mapping[date, DayOff]) -> dict[date, DayOff]:
        table: dict[date, DayOff] = {}
        # Every swapped day of every announcement (a swap may reach into the next or the
        # previous year): a day is swapped once.
        taken: dict[date, tuple[Announcement, int, Swap]] = {}
        for announcement in self.rules.announcements:
            for position, swap in enumerate(announcement.swaps):
                for day, role in ((swap.off, "day off"), (swap.work, "day worked")):
                    earlier = taken.get(day)
                    if earlier is not None:
                        previous, other_position, other_swap = earlier
                        partner = (
                            f"worked on {other_swap.work.isoformat()}" if day == other_swap.off
                            else f"off on {other_swap.off.isoformat()}"
                        )
                        role_vi = "ngày nghỉ" if role == "day off" else "ngày làm bù"
                        raise AnnouncementError(
                            f"the {role} {day.isoformat()} is already swapped "
                            f"(swaps.{other_position} of the announcement for {previous.year}, "
                            f"{partner}); a day is swapped once",
                            vi=f"{role_vi} {vi_date(day)} đã được hoán đổi (swaps."
                               f"{other_position} của thông báo năm {previous.year}); mỗi ngày "
                               "chỉ hoán đổi một lần",
                            entry_id=str(announcement.year), field=f"swaps.{position}",
                        )
                    taken[day] = (announcement, position, swap)
                for day, role in ((swap.off, "day off"), (swap.work, "day worked")):
                    clash = holidays.get(day) if day.year == year else None
                    if clash is not None:
                        role_vi = "ngày nghỉ" if role == "day off" else "ngày làm bù"
                        raise AnnouncementError(
                            f"the swap's {role}, {day.isoformat()}, is a holiday "
                            f"({clash.name_en}); a swap trades an ordinary weekday for an "
                            "ordinary weekend day",
                            vi=f"{role_vi} hoán đổi {vi_date(day)} là ngày lễ “{clash.name}”; "
                               "hoán đổi chỉ đổi một ngày thường lấy một ngày cuối tuần",
                            entry_id=str(announcement.year), field=f"swaps.{position}",
                        )
                title = swap.document or announcement.title
                sides: tuple[tuple[date, DayKind, date], ...] = (
                    (swap.off, "swapped_off", swap.work),
                    (swap.work, "swapped_work", swap.off),
                )
                for day, kind, other in sides:
                    if day.year != year:
                        continue
                    name, name_en = _SWAP_NAMES[kind]
                    table[day] = DayOff(date=day, kind=kind, name=name, name_en=name_en,
                                        related=other, announcement=title)
        return table


def check_swap(swap: Swap, /, *, lang: str = "en") -> str | None:
    """Why a swap cannot be right, or ``None``: the day worked must be a Saturday or Sunday
    and the day off a weekday, in the same year or the two next to each other."""
    if lang == "vi":
        if swap.work.weekday() < 5:
            return (f"ngày làm bù {vi_date(swap.work)} là {_WEEKDAYS_VI[swap.work.weekday()]}, "
                    "không phải ngày cuối tuần; hoán đổi lấy một ngày thường để nghỉ và làm "
                    "bù vào thứ Bảy hoặc Chủ nhật")
        if swap.off.weekday() >= 5:
            return (f"ngày nghỉ {vi_date(swap.off)} là {_WEEKDAYS_VI[swap.off.weekday()]}, đã "
                    "là ngày nghỉ; hoán đổi cho nghỉ một ngày thường")
        if abs((swap.off - swap.work).days) > 60:
            return (f"ngày nghỉ {vi_date(swap.off)} và ngày làm bù {vi_date(swap.work)} cách "
                    "nhau hơn 60 ngày")
        return None
    if swap.work.weekday() < 5:
        return (
            f"the day worked, {swap.work.isoformat()}, is a {_WEEKDAYS[swap.work.weekday()]}, "
            "not a weekend day; a swap trades a weekday off for a Saturday or Sunday worked"
        )
    if swap.off.weekday() >= 5:
        return (
            f"the day off, {swap.off.isoformat()}, is a {_WEEKDAYS[swap.off.weekday()]}, "
            "already a day off; a swap gives a weekday off"
        )
    if abs((swap.off - swap.work).days) > 60:
        return (
            f"the day off {swap.off.isoformat()} and the day worked {swap.work.isoformat()} "
            "are more than 60 days apart"
        )
    return None


_SWAP_NAMES: dict[DayKind, tuple[str, str]] = {
    "swapped_off": ("Nghỉ hoán đổi", "Swapped day off"),
    "swapped_work": ("Làm bù", "Swapped working day"),
}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def validate_announcement(announcement: Announcement, holidays: Sequence[Holiday]) -> None:
    """Raise :class:`AnnouncementError` (with the field) if the announcement contradicts
    the rules: an unknown holiday, the wrong number of days, a day far from the holiday's
    own, a swap that does not trade a weekday for a weekend day."""
    by_id = {holiday.id: holiday for holiday in holidays}
    for holiday_id, days in announcement.days.items():
        holiday = by_id.get(holiday_id)
        field_name = f"days.{holiday_id}"
        if holiday is None or not holiday.announced:
            choices = ", ".join(h.id for h in holidays if h.announced)
            raise AnnouncementError(
                f"{holiday_id!r} is not a holiday whose days are announced; choose {choices}",
                vi=f"“{holiday_id}” không phải ngày lễ được thông báo ngày nghỉ; chọn {choices}",
                entry_id=str(announcement.year), field=field_name,
            )
        if not holiday.in_force(announcement.year):
            raise AnnouncementError(
                f"{holiday_id!r} is not a holiday in {announcement.year}",
                vi=f"“{holiday_id}” không phải ngày lễ trong năm {announcement.year}",
                entry_id=str(announcement.year), field=field_name,
            )
        if len(days) != holiday.days or len(set(days)) != len(days):
            raise AnnouncementError(
                f"{holiday.name} takes {holiday.days} different day(s), not {len(days)}",
                vi=f"{holiday.name} được nghỉ {holiday.days} ngày khác nhau, không phải "
                   f"{len(days)}",
                entry_id=str(announcement.year), field=field_name,
            )
        reference = holiday.reference(announcement.year)
        for day in days:
            if holiday.allowed_offsets and (day - reference).days not in holiday.allowed_offsets:
                allowed = " or ".join(
                    (reference + timedelta(days=offset)).isoformat()
                    for offset in sorted(holiday.allowed_offsets)
                )
                allowed_vi = " hoặc ".join(
                    vi_date(reference + timedelta(days=offset))
                    for offset in sorted(holiday.allowed_offsets)
                )
                raise AnnouncementError(
                    f"{holiday.name} falls on {allowed}, not {day.isoformat()}",
                    vi=f"{holiday.name} rơi vào {allowed_vi}, không phải {vi_date(day)}",
                    entry_id=str(announcement.year), field=field_name,
                )
            if abs((day - reference).days) > 7:
                raise AnnouncementError(
                    f"{day.isoformat()} is more than a week from {holiday.name} "
                    f"({reference.isoformat()})",
                    vi=f"ngày {vi_date(day)} cách {holiday.name} ({vi_date(reference)}) hơn "
                       "một tuần",
                    entry_id=str(announcement.year), field=field_name,
                )
    for position, swap in enumerate(announcement.swaps):
        reason = check_swap(swap)
        if reason is not None:
            raise AnnouncementError(
                reason, vi=check_swap(swap, lang="vi"), entry_id=str(announcement.year),
                field=f"swaps.{position}",
            )
