"""The clock: the only place in the package that reads it.

"This year" and "the plan's year" are decided here, in Vietnam's time, and handed to the
library as plain numbers.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

__all__ = ["VIETNAM_TIME", "now", "plan_year", "this_year"]

#: Vietnam keeps UTC+7 all year (no daylight saving time).
VIETNAM_TIME = timezone(timedelta(hours=7), "ICT")


def _now() -> datetime:
    """The time in Vietnam: the CLI's only reading of the clock."""
    return datetime.now(VIETNAM_TIME)


def now() -> datetime:
    """The time now in Vietnam (stamped on tracked changes, for instance)."""
    return _now()


def this_year() -> int:
    """The current year in Vietnam."""
    return _now().year


def plan_year() -> int:
    """The year a plan written today is for: the coming one from October, when units draft
    next year's plans, else this one."""
    now = _now()
    return now.year + 1 if now.month >= 10 else now.year
