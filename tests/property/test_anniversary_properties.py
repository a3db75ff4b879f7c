"""Properties of occurrences over the whole catalog and the whole supported range."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from thidua_calendar import builtin_catalog, occurrence, occurrences
from thidua_calendar.anniversaries import FIRST_YEAR, LAST_YEAR, milestone_of

CATALOG = builtin_catalog()
years = st.integers(min_value=FIRST_YEAR, max_value=LAST_YEAR)
entries = st.sampled_from(CATALOG.entries)


@given(entries, years)
def test_an_occurrence_lies_in_its_year_and_counts_from_the_origin(entry, year):
    occ = occurrence(entry, year)
    if occ is None:
        first = entry.observed_from
        assert (first is not None and year < first) or entry.origin.calendar == "lunar"
        return
    assert occ.date.year == year
    assert occ.date <= occ.end
    assert occ.end.year == year
    base = entry.origin.year
    if entry.count == "years":
        assert base is not None
        assert occ.count == ((year - base) or None)
    elif entry.count == "edition":
        assert base is not None
        assert occ.count == year - base + 1
    else:
        assert occ.count is None
    if entry.class_by == "calendar_year":
        assert occ.milestone == milestone_of(year)
    elif occ.count is not None:
        assert occ.milestone == milestone_of(occ.count)
    else:
        assert occ.milestone is None


@given(entries, years)
def test_solar_days_keep_their_day_and_month(entry, year):
    occ = occurrence(entry, year)
    origin = entry.origin
    if occ is None or origin.calendar != "solar" or origin.precision != "day":
        return
    if (origin.month, origin.day) == (2, 29):
        assert (occ.date.month, occ.date.day) in {(2, 29), (2, 28), (3, 1)}
    else:
        assert (occ.date.month, occ.date.day) == (origin.month, origin.day)


@given(years)
def test_a_year_list_is_sorted_and_complete(year):
    found = occurrences(CATALOG, year)
    assert [occ.date for occ in found] == sorted(occ.date for occ in found)
    assert len(found) == sum(1 for entry in CATALOG if occurrence(entry, year) is not None)


@given(entries, st.integers(min_value=FIRST_YEAR, max_value=LAST_YEAR - 1))
def test_counts_grow_by_one_a_year(entry, year):
    this, following = occurrence(entry, year), occurrence(entry, year + 1)
    if this is None or following is None or this.count is None:
        return
    assert following.count == this.count + 1
