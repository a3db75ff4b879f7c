"""The feed's name: one function for ``ics`` and the site."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from thidua_calendar.feeds.items import calendar_description, calendar_title, plan_years
from thidua_calendar.files.workdays import load_work_calendar
from thidua_calendar.phases import Period
from thidua_calendar.plan import default_plan as _default_plan

CALENDAR = load_work_calendar()


def default_plan(year: int):
    return _default_plan(year, calendar=CALENDAR)


def _plan(start: date, end: date | None):
    plan = default_plan(start.year)
    return dataclasses.replace(plan, period=Period(start=start, end=end))


@pytest.mark.parametrize(
    ("periods", "years"),
    [
        ([(date(2026, 1, 1), date(2026, 12, 31))], "2026"),
        ([(date(2019, 11, 1), date(2020, 12, 31))], "2019-2020"),  # seed 004
        ([(date(2022, 8, 1), None)], "2022"),  # open: the end is not known
        ([(date(2025, 1, 1), date(2025, 12, 31)), (date(2027, 1, 1), date(2027, 12, 31))],
         "2025-2027"),
        ([(date(2026, 1, 1), date(2026, 12, 31)), (date(2024, 9, 1), None)], "2024-2026"),
    ],
)
def test_plan_years_span_every_period(periods, years):
    assert plan_years([_plan(start, end) for start, end in periods]) == years


def test_a_calendar_names_at_least_one_plan():
    with pytest.raises(ValueError, match="at least one plan"):
        calendar_title([])


def test_the_title_says_the_kinds_when_not_all_of_them():
    plans = [_plan(date(2019, 11, 1), date(2020, 12, 31))]
    org = plans[0].organisation.name
    assert calendar_title(plans) == f"{org} - 2019-2020"
    assert calendar_title(plans, kinds=("deadlines",)) == f"{org} - 2019-2020 (hạn nộp)"
    assert (calendar_title(plans, kinds=("phases", "commemorations"), lang="en")
            == f"{org} - 2019-2020 (phases, commemorations)")


def test_the_description_is_the_title_or_the_years():
    one = [default_plan(2026)]
    assert calendar_description(one) == one[0].title
    assert calendar_description(one, lang="en") == one[0].title_en
    two = [default_plan(2026), default_plan(2027)]
    assert calendar_description(two) == "Lịch thi đua 2026-2027"
    assert calendar_description(two, lang="en") == "Emulation calendar 2026-2027"
