"""The political events: spans, years, lookup."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua_calendar.errors import UnknownEntryError
from thidua_calendar.events import EventCatalog, PoliticalEvent


def _event(event_id: str, first: date, *, end: date | None = None,
           precision: str = "day") -> PoliticalEvent:
    return PoliticalEvent(id=event_id, name=event_id, name_en=event_id, date=first, end=end,
                          precision=precision, kind="party_congress",  # type: ignore[arg-type]
                          level="national", status="held")


def test_the_last_day_follows_the_precision():
    assert _event("a", date(2026, 6, 1), precision="month").last == date(2026, 6, 30)
    assert _event("b", date(2026, 1, 1), precision="year").last == date(2026, 12, 31)
    assert _event("c", date(2026, 1, 19), end=date(2026, 1, 23)).last == date(2026, 1, 23)
    assert _event("d", date(2026, 3, 15)).last == date(2026, 3, 15)
    # A year known only to the year, but finished on a day the sources give.
    assert _event("e", date(2020, 1, 1), end=date(2020, 10, 29), precision="year").last == (
        date(2020, 10, 29))


def test_a_year_holds_the_events_that_meet_it_in_date_order():
    catalog = EventCatalog((
        _event("later", date(2026, 3, 15)),
        _event("crossing", date(2025, 12, 26), end=date(2026, 1, 2)),
        _event("before", date(2025, 12, 26), end=date(2025, 12, 27)),
        _event("month", date(2026, 6, 1), precision="month"),
    ))
    assert [e.id for e in catalog.in_year(2026)] == ["crossing", "later", "month"]
    assert [e.id for e in catalog.in_year(2025)] == ["crossing", "before"]
    assert "later" in catalog
    assert len(catalog) == 4


def test_unknown_ids_name_close_ones():
    catalog = EventCatalog((_event("dai_hoi_dang_xiv", date(2026, 1, 19)),))
    with pytest.raises(UnknownEntryError, match="did you mean dai_hoi_dang_xiv"):
        catalog.get("dai_hoi_dang_xv")


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
       st.integers(min_value=0, max_value=800), st.integers(min_value=1950, max_value=2090))
def test_an_event_is_in_exactly_the_years_its_span_meets(first, length, year):
    event = _event("x", first, end=first + timedelta(days=length))
    expected = first.year <= year <= event.last.year
    assert (event in EventCatalog((event,)).in_year(year)) is expected
