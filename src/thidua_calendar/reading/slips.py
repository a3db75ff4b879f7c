"""The slips a plan copied from last year's carries, found in its text.

Officers write this year's plan by editing last year's; what they forget to edit shows here
(see "How officers really work" in the domain notes).  :func:`find_slips` reports, each with
the exact words it is about (``start:end`` in the text) and which part is wrong:

- a count printed without a date, for a catalog entry, that is not its count in the plan's
  year ("95 năm Ngày thành lập Đảng Cộng sản Việt Nam" in 2026: last year's);
- the can-chi of Tết that is not the plan's year's ("đón Tết Nguyên đán Ất Tỵ" in 2026);
- the edition of a catalog campaign ("Tháng hành động … lần thứ 9 năm 2026": the 10th);
- a lunar day and the solar day printed with it that disagree ("mùng 10 tháng 3 âm lịch,
  tức ngày 25/4/2026": 26/4);
- a weekday name next to a date that is another day ("Thứ Sáu, ngày 05/12/2026");
- a date that does not exist, anywhere ("Công văn số 12/CV-CĐ ngày 29/02/2025");
- a year written with two digits ("trước ngày 15/3/26").

Pure: the catalog is passed in; no files, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from thidua_calendar import lunar
from thidua_calendar.anniversaries import occurrence
from thidua_calendar.errors import OutOfRangeError
from thidua_calendar.reading.matching import CatalogNames
from thidua_calendar.reading.printed_plan import LunarText, read_lunar
from thidua_calendar.text import fold, roman_value

__all__ = ["Slip", "find_slips"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Slip:
    """One slip: the words ``start:end`` of the text, how serious, which check, why."""

    start: int
    end: int
    level: Literal["error", "warning", "info"]
    code: str
    #: Why, in Vietnamese (for the officer who drafts the plan) and in English.
    message: str
    message_en: str


_YEAR4 = r"(?:1\d|2[01])\d{2}"
# Any date with a four-digit year, "/", "." or "-" inside; not a part of a longer number.
_ANY_DATE = re.compile(r"(?<![\d/.\-])(?P<day>\d{1,2})(?P<s>/|\.|-)(?P<month>\d{1,2})(?P=s)"
                       r"(?P<year>" + _YEAR4 + r")(?![\d/])")
# Only the dates that may not exist: a day of 29 to 31 or of 0 or over 31, a month of 0 or
# over 12 (a plan prints thousands of dates; each is looked at only when it is one of these).
_SUSPECT_DATE = re.compile(
    r"(?<![\d/.\-])(?:(?:3\d|29|0?0|[4-9]\d)(?P<s>/|\.|-)\d{1,2}"
    r"|\d{1,2}(?P<t>/|\.|-)(?:1[3-9]|[2-9]\d|0?0))(?:(?P=s)|(?P=t))" + _YEAR4 + r"(?![\d/])")
_TWO_DIGIT = re.compile(r"(?<![\d/.\-])(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{2})"
                        r"(?![\d/]|\.\d|[-\w])")
_NUMBER_BEFORE = re.compile(r"\bsố:?[ ]{0,3}$", re.IGNORECASE)
#: "Tết Nguyên đán Bính Ngọ", "Xuân Ất Tỵ": a can-chi as plans name the year (renew uses it too).
CAN_CHI = re.compile(
    r"\b(?:tết|xuân)(?:[ ]{1,3}nguyên[ ]{1,3}đán)?[ ]{1,3}(?P<can_chi>(?:"
    + "|".join(lunar.STEMS) + r")[ ]{1,3}(?:" + "|".join(lunar.BRANCHES) + r"))\b",
    re.IGNORECASE)
_EDITION = re.compile(r"\blần[ ]{1,3}thứ[ ]{1,3}(?P<n>\d{1,3}|[IVXLC]{1,7})\b", re.IGNORECASE)
#: "95 năm Ngày thành lập …": a count printed without its range (renew uses it too).
BARE_COUNT = re.compile(r"(?<![\d/.,])(?P<count>\d{1,4})[ ]{1,3}năm[ ]{1,3}(?P<name>"
                        r"[^\d(\n;:]{4,120})", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"(?P<name>\bthứ[ ]{1,3}(?P<word>hai|ba|tư|năm|sáu|bảy|[2-7])\b|\bchủ[ ]{1,3}nhật\b)"
    r"[ ]{0,3},?[ ]{0,3}(?:ngày[ ]{1,3})?(?P<date>\d{1,2}(?P<s>/|\.|-)\d{1,2}(?P=s)"
    + _YEAR4 + r")(?!\d)", re.IGNORECASE)
_WEEKDAY_NUMBER = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5}
_WEEKDAY_NAME = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
_WEEKDAY_EN = ("a Monday", "a Tuesday", "a Wednesday", "a Thursday", "a Friday", "a Saturday",
               "a Sunday")
_ORDINAL = {1: "st", 2: "nd", 3: "rd"}


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else _ORDINAL.get(number % 10, "th")
    return f"{number}{suffix}"


def find_slips(
    text: str,
    /,
    *,
    plan_year: int | None,
    names: CatalogNames | None = None,
    counted: Iterable[int] = (),
    lunar_days: Sequence[LunarText] | None = None,
) -> list[Slip]:
    """The slips of a plan's text, in reading order.

    ``plan_year`` is the plan's year (the checks against it are skipped without it);
    ``names`` the catalog, indexed for matching names (the checks of counts and editions
    need it); ``counted`` the offsets where a count printed with its dates stands (checked
    against those dates elsewhere); ``lunar_days`` what :func:`read_lunar` gives, when the
    caller has read it already.
    """
    slips: list[Slip] = []
    if plan_year is not None:
        if names is not None:
            _counts(text, plan_year, set(counted), names, slips)
            _editions(text, plan_year, names, slips)
        _can_chi(text, plan_year, slips)
    _lunar_pairs(text, read_lunar(text) if lunar_days is None else lunar_days, slips)
    _weekdays(text, slips)
    _impossible(text, slips)
    _two_digit_years(text, plan_year, slips)
    return sorted(slips, key=lambda slip: slip.start)


def _counts(text: str, plan_year: int, skip: set[int], names: CatalogNames,
            slips: list[Slip]) -> None:
    for match in BARE_COUNT.finditer(text):
        if match.start() in skip:
            continue
        name = re.split(r"[,.]| và ", match["name"])[0].strip()
        if not name[:1].isupper() and not fold(name).startswith(("ngay", "tet", "chien")):
            continue
        # A count with a date after it in the same clause is checked against that date.
        rest = text[match.end("name"):match.end("name") + 3]
        if rest.startswith("("):
            continue
        # Only a name that surely names the entry: a count is called wrong on no less.
        entry = next((found for found in names.strong(name)
                      if found.count == "years" and found.origin.year is not None), None)
        if entry is None or entry.origin.year is None:
            continue
        count = int(match["count"])
        right = plan_year - entry.origin.year
        if count in (right, right + 1):
            continue
        if entry.origin.year + count in _years_said(text, match.start()):
            continue  # "Năm 2025, tổ chức kỷ niệm 95 năm …": the year its sentence names
        if count == right - 1:
            why, why_vi = "last year's count", "số năm của năm trước"
        else:
            why = f"the count of {entry.origin.year + count}" + (
                ", a later year" if count > right else "")
            why_vi = f"số năm của năm {entry.origin.year + count}"
        slips.append(Slip(
            start=match.start(), end=match.start() + len(f"{match['count']} năm {name}"),
            level="error", code="count-year",
            message=f"“{count} năm” là {why_vi}: {entry.name} tính từ năm "
                    f"{entry.origin.year}, nên năm {plan_year} là {right} năm",
            message_en=f"{count} năm is {why}: {entry.name} dates from {entry.origin.year}, so "
                       f"in {plan_year} it is {right} năm"))


_SENTENCE_END = re.compile(r"[.!?;]\s|\n")
_YEAR_SAID = re.compile(r"\b(?:năm|xuân|tết)[ ]{1,3}(?P<year>" + _YEAR4 + r")\b|"
                        r"(?<![\d/.])(?P<bare>" + _YEAR4 + r")(?![\d/])", re.IGNORECASE)


def _years_said(text: str, start: int, *, after: int | None = None) -> set[int]:
    """The years the sentence around ``start`` names ("Năm 2025, …"), up to ``after`` (or
    ``start``) and a few words beyond."""
    window = text[max(0, start - 200):start]
    cuts = [cut.end() for cut in _SENTENCE_END.finditer(window)]
    before = window[cuts[-1]:] if cuts else window
    end = after if after is not None else start
    beyond = re.split(r"[.;\n]", text[end:end + 12], maxsplit=1)[0]
    return {int(found["year"] or found["bare"])
            for found in _YEAR_SAID.finditer(before + " " + beyond)}


def _can_chi(text: str, plan_year: int, slips: list[Slip]) -> None:
    near = {fold(lunar.can_chi(year)): year for year in range(plan_year + 3, plan_year - 4, -1)}
    allowed = {fold(lunar.can_chi(plan_year)), fold(lunar.can_chi(plan_year + 1))}
    for match in CAN_CHI.finditer(text):
        written = fold(match["can_chi"])
        if written in allowed:
            continue
        which = near.get(written)
        if which is not None and which in _years_said(text, match.start(), after=match.end()):
            continue  # "Tết Ất Tỵ 2025", "năm 2025 … đón Tết Ất Tỵ": the year it names
        part = ("last year's can-chi" if which == plan_year - 1 else
                f"the can-chi of {which}" if which is not None else "not a can-chi near it")
        part_vi = ("can chi của năm trước" if which == plan_year - 1 else
                   f"can chi của năm {which}" if which is not None else
                   "không phải can chi của năm nào gần đó")
        slips.append(Slip(
            start=match.start(), end=match.end(), level="error", code="can-chi",
            message=f"“{match['can_chi']}” là {part_vi}: năm âm lịch {plan_year} là "
                    f"{lunar.can_chi(plan_year)}",
            message_en=f"{match['can_chi']} is {part}: the lunar year {plan_year} is "
                       f"{lunar.can_chi(plan_year)}"))


def _editions(text: str, plan_year: int, names: CatalogNames, slips: list[Slip]) -> None:
    for match in _EDITION.finditer(text):
        before = text[max(0, match.start() - 100):match.start()]
        name = re.split(r"[;()\n]", before)[-1].strip(" ,:-")
        if not name:
            continue
        entry = names.best(name)
        if entry is None or entry.count != "edition":
            continue
        # The year the edition is of: printed after it ("lần thứ 9 năm 2026") or the plan's.
        after = re.match(r"[ ]{0,3},?[ ]{0,3}năm[ ]{1,3}(?P<year>" + _YEAR4 + r")",
                         text[match.end():match.end() + 16])
        year = int(after["year"]) if after else plan_year
        try:
            found = occurrence(entry, year)
        except OutOfRangeError:
            continue
        if found is None or found.edition is None:
            continue
        written = match["n"]
        number = int(written) if written.isdigit() else roman_value(written.upper())
        if number == found.edition:
            continue
        last = " (last year's)" if number == found.edition - 1 else ""
        last_vi = " (của năm trước)" if number == found.edition - 1 else ""
        slips.append(Slip(
            start=match.start(), end=match.end() + (after.end() if after else 0),
            level="error", code="edition",
            message=f"{entry.name} năm {year} là lần thứ {found.edition}, không phải lần thứ "
                    f"{written}{last_vi}",
            message_en=f"{entry.name} in {year} is the {_ordinal(found.edition)} (lần thứ "
                       f"{found.edition}), not the {_ordinal(number)}{last}"))


def _lunar_pairs(text: str, lunar_days: Sequence[LunarText], slips: list[Slip]) -> None:
    for lunar_day in lunar_days:
        window = text[lunar_day.column:lunar_day.column + 80]
        solar = _ANY_DATE.search(window)
        if solar is None or re.search(r"[;\n]", window[:solar.start()]):
            continue
        try:
            printed = date(int(solar["year"]), int(solar["month"]), int(solar["day"]))
        except ValueError:
            continue  # reported as an impossible date
        candidates = []
        for year in (printed.year - 1, printed.year):
            try:
                candidates.append(lunar.to_solar(year, lunar_day.month, lunar_day.day))
            except (ValueError, OutOfRangeError):
                continue
        if not candidates or printed in candidates:
            continue
        right = min(candidates, key=lambda day: abs((day - printed).days))
        if abs((right - printed).days) > 60:
            continue  # not a pair: a date in the same clause
        try:
            before = lunar.to_solar(lunar.to_lunar(right).year - 1, lunar_day.month,
                                    lunar_day.day)
        except (ValueError, OutOfRangeError):
            before = None
        last_year = before is not None and (before.day, before.month) == (printed.day,
                                                                          printed.month)
        why = ("last year's day and month with this year's year" if last_year
               else "the solar day is wrong")
        why_vi = ("ngày tháng của năm trước, chỉ sửa năm" if last_year
                  else "ngày dương lịch sai")
        start = lunar_day.column + solar.start()
        slips.append(Slip(
            start=start, end=lunar_day.column + solar.end(), level="error", code="lunar-solar",
            message=f"ngày {lunar_day.day}/{lunar_day.month} âm lịch là ngày "
                    f"{right.day}/{right.month}/{right.year}, không phải “{solar.group(0)}”: "
                    f"{why_vi}",
            message_en=f"{lunar_day.day}/{lunar_day.month} of the lunar calendar is "
                       f"{right:%d/%m/%Y}, not {solar.group(0)}: {why}"))


def _weekdays(text: str, slips: list[Slip]) -> None:
    for match in _WEEKDAY.finditer(text):
        parts = re.findall(r"\d+", match["date"])
        try:
            day = date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            continue
        word = (match["word"] or "").lower()
        written = 6 if word == "" else (int(word) - 2 if word.isdigit()
                                        else _WEEKDAY_NUMBER[word])
        if written == day.weekday():
            continue
        slips.append(Slip(
            start=match.start(), end=match.end(), level="error", code="weekday",
            message=f"ngày {match['date']} là {_WEEKDAY_NAME[day.weekday()]}, không phải "
                    f"“{match['name']}”",
            message_en=f"{match['date']} is {_WEEKDAY_EN[day.weekday()]} "
                       f"({_WEEKDAY_NAME[day.weekday()]}), not {match['name']}"))


def _impossible(text: str, slips: list[Slip]) -> None:
    for suspect in _SUSPECT_DATE.finditer(text):
        match = _ANY_DATE.match(text, suspect.start())
        if match is None:
            continue
        day, month, year = int(match["day"]), int(match["month"]), int(match["year"])
        if not 1 <= month <= 12:
            if match["s"] == ".":
                continue  # "1.15.2025" is likely a numbering, not a date
            part, part_vi = "the month", "tháng"
        else:
            try:
                date(year, month, day)
                continue
            except ValueError:
                leap = (day, month) == (29, 2)
                part = "29 February, in a common year" if leap else "the day"
                part_vi = "29 tháng 2 của năm không nhuận" if leap else "ngày"
        slips.append(Slip(
            start=match.start(), end=match.end(), level="error", code="impossible-date",
            message=f"ngày “{match.group(0)}” không có thật ({part_vi})",
            message_en=f"{match.group(0)} is not a real date ({part})"))


def _two_digit_years(text: str, plan_year: int | None, slips: list[Slip]) -> None:
    for match in _TWO_DIGIT.finditer(text):
        if _NUMBER_BEFORE.search(text[max(0, match.start() - 8):match.start()]):
            continue  # a document number ("số 12/3/25")
        day, month = int(match["day"]), int(match["month"])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        century = (plan_year or 2000) // 100 * 100
        slips.append(Slip(
            start=match.start(), end=match.end(), level="warning", code="two-digit-year",
            message=f"“{match.group(0)}” viết năm bằng hai chữ số: "
                    f"{day}/{month}/{century + int(match['year'])}?",
            message_en=f"{match.group(0)} writes its year with two digits: "
                       f"{day}/{month}/{century + int(match['year'])}?"))
