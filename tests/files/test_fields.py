"""The one reader of dates in plan and deadline files: ISO and the Vietnamese dd/mm/yyyy."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua_calendar.files.fields import parse_date, parse_partial_date


@pytest.mark.parametrize(
    ("text", "day", "precision"),
    [
        ("2027-12-15", date(2027, 12, 15), "day"),
        ("15/12/2027", date(2027, 12, 15), "day"),
        ("05/01/2022", date(2022, 1, 5), "day"),
        ("5/1/2022", date(2022, 1, 5), "day"),
        ("30/4/1975", date(1975, 4, 30), "day"),
        ("2022-02", date(2022, 2, 1), "month"),
        ("02/2022", date(2022, 2, 1), "month"),
        ("2/2022", date(2022, 2, 1), "month"),
        ("2022", date(2022, 1, 1), "year"),
    ],
)
def test_both_forms(text, day, precision):
    assert parse_partial_date(text) == (day, precision)


@pytest.mark.parametrize("text", ["31/2/2022", "2022-02-30", "29/02/2023", "0/1/2022"])
def test_impossible_days_are_refused(text):
    with pytest.raises(ValueError, match="is not a real date"):
        parse_date(text)


@pytest.mark.parametrize("text", ["15.12.2027", "2027/12/15", "15-12-2027", "tomorrow", "12/2027"])
def test_the_error_gives_both_forms(text):
    with pytest.raises(ValueError, match=r"YYYY-MM-DD or DD/MM/YYYY, such as 2027-12-15 or "
                                         r"15/12/2027"):
        parse_date(text)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_the_two_forms_agree(day):
    iso = day.isoformat()
    vietnamese = f"{day.day}/{day.month}/{day.year}"
    padded = f"{day.day:02d}/{day.month:02d}/{day.year}"
    assert parse_date(iso) == parse_date(vietnamese) == parse_date(padded) == day
    assert parse_date(vietnamese) + timedelta(days=1) > day
