"""Properties of thidua_calendar.lunar over its whole range (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from thidua_calendar.lunar import (
    MAX_DATE,
    MIN_DATE,
    LunarDate,
    can_chi,
    can_chi_en,
    leap_month,
    lunar_months,
    to_lunar,
    to_solar,
)

solar_days = st.dates(min_value=MIN_DATE, max_value=MAX_DATE)
lunar_years = st.integers(min_value=1899, max_value=2100)


@st.composite
def lunar_dates(draw: st.DrawFn) -> LunarDate:
    """Any lunar date that exists, drawn from the months of a year."""
    year = draw(lunar_years)
    month = draw(st.sampled_from(lunar_months(year)))
    day = draw(st.integers(min_value=1, max_value=month.length))
    return LunarDate(year=year, month=month.month, day=day, leap=month.leap)


@given(solar_days)
def test_solar_lunar_solar_round_trip(day: date) -> None:
    lunar = to_lunar(day)
    assert to_solar(lunar.year, lunar.month, lunar.day, leap=lunar.leap) == day


@given(lunar_dates())
def test_lunar_solar_lunar_round_trip(lunar: LunarDate) -> None:
    assert to_lunar(to_solar(lunar.year, lunar.month, lunar.day, leap=lunar.leap)) == lunar


@given(st.dates(min_value=MIN_DATE, max_value=MAX_DATE - timedelta(days=1)))
def test_next_day_advances_by_one_or_starts_a_month(day: date) -> None:
    today, tomorrow = to_lunar(day), to_lunar(day + timedelta(days=1))
    if tomorrow.day == 1:
        assert today.day in (29, 30)
        month = next(
            m for m in lunar_months(today.year) if (m.month, m.leap) == (today.month, today.leap)
        )
        assert month.length == today.day
        if tomorrow.leap:
            assert (tomorrow.year, tomorrow.month) == (today.year, today.month)
        elif tomorrow.month == 1:
            assert (tomorrow.year, today.month) == (today.year + 1, 12)
        else:
            assert (tomorrow.year, tomorrow.month) == (today.year, today.month + 1)
    else:
        assert tomorrow == LunarDate(
            year=today.year, month=today.month, day=today.day + 1, leap=today.leap
        )


@given(lunar_years)
def test_year_structure(year: int) -> None:
    months = lunar_months(year)
    assert len(months) in (12, 13)
    assert all(m.length in (29, 30) for m in months)
    assert all(m.year == year for m in months)
    leaps = [m for m in months if m.leap]
    if len(months) == 13:
        assert len(leaps) == 1
        assert leap_month(year) == leaps[0].month
        index = months.index(leaps[0])
        assert (months[index - 1].month, months[index - 1].leap) == (leaps[0].month, False)
    else:
        assert leaps == []
        assert leap_month(year) is None
    assert [m.month for m in months if not m.leap] == list(range(1, 13))
    assert months[0].first_day == to_solar(year, 1, 1)
    # A lunar year lasts 353-355 days, or 383-385 with a leap month.
    days = sum(m.length for m in months)
    assert days in ((353, 354, 355) if len(months) == 12 else (383, 384, 385))


@given(lunar_years)
def test_tet_falls_between_21_january_and_20_february(year: int) -> None:
    assert date(year, 1, 21) <= to_solar(year, 1, 1) <= date(year, 2, 20)


@given(st.integers(min_value=-10_000, max_value=10_000))
def test_can_chi_has_period_60(year: int) -> None:
    assert can_chi(year) == can_chi(year + 60)
    assert can_chi_en(year) == can_chi_en(year + 60)
    assert len({can_chi(year + offset) for offset in range(60)}) == 60
