"""Dates as plans write them: the supported years, precision, and month arithmetic.

A leaf (it imports only the exception tree): every layer takes the year range, the
``Precision`` type and the month arithmetic from here, so that they cannot drift apart.
"""

from __future__ import annotations

import datetime
from typing import Literal

from thidua_calendar.errors import OutOfRangeError

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "Precision",
    "check_year",
    "days_in_month",
    "month_end",
    "month_start",
    "next_month",
    "vi_date",
]

#: The years the library computes: the range of the generated lunar table (docs/lunar.md).
FIRST_YEAR = 1900
LAST_YEAR = 2100

#: How much of a date is known and printed: "28/7/1929", "12/1972" or "1943".
Precision = Literal["day", "month", "year"]


def check_year(year: int, /) -> None:
    """:class:`OutOfRangeError` for a year outside ``FIRST_YEAR..LAST_YEAR``."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise OutOfRangeError(
            f"year {year} is outside the supported range {FIRST_YEAR}-{LAST_YEAR}",
            vi=f"năm {year} nằm ngoài khoảng được hỗ trợ {FIRST_YEAR}-{LAST_YEAR}",
        )


def days_in_month(year: int, month: int, /) -> int:
    """The number of days of a month of the Gregorian calendar."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def month_start(day: datetime.date, /) -> datetime.date:
    """The first day of ``day``'s month."""
    return day.replace(day=1)


def month_end(day: datetime.date, /) -> datetime.date:
    """The last day of ``day``'s month (inclusive)."""
    return day.replace(day=days_in_month(day.year, day.month))


def next_month(day: datetime.date, /) -> datetime.date:
    """The first day of the month after ``day``'s (an exclusive month end)."""
    if day.month == 12:
        return datetime.date(day.year + 1, 1, 1)
    return datetime.date(day.year, day.month + 1, 1)


def vi_date(day: datetime.date, /) -> str:
    """A date the way Vietnamese messages write it: ``30/4/2026``."""
    return f"{day.day}/{day.month}/{day.year}"
