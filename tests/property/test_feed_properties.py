"""Feeds round-trip any Vietnamese text, and parsers nobody here wrote read back what was
written."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from thidua_calendar.feeds.ics import write_calendar
from thidua_calendar.feeds.items import FeedItem

STAMP = datetime(2026, 11, 22, tzinfo=UTC)
# Vietnamese letters with their tone marks, and the characters iCalendar must escape.
VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợ"
ALPHABET = VIETNAMESE + VIETNAMESE.upper() + " ,;:\\\n\"'“”-–()/0123456789"
TEXT = st.text(alphabet=ALPHABET, min_size=1, max_size=200).filter(lambda t: t.strip())


@given(
    summaries=st.lists(TEXT, min_size=1, max_size=5),
    description=TEXT,
    start=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 1)),
    length=st.integers(1, 40),
)
@settings(max_examples=150, deadline=None)
def test_vietnamese_text_round_trips_through_two_parsers(summaries, description, start, length):
    items = [
        FeedItem(uid=f"item-{n}@test", kind="commemorations", summary=summary,
                 description=description, start=start, end=start + timedelta(days=length),
                 alarms=(7, 1) if n % 2 else ())
        for n, summary in enumerate(summaries)
    ]
    data = write_calendar(items, name="Thử", dtstamp=STAMP)
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    lenient = icalendar.Calendar.from_ical(data)
    lenient_events = list(lenient.walk("VEVENT"))
    assert len(strict.events) == len(lenient_events) == len(items)
    for item, event, other in zip(items, strict.events, lenient_events, strict=True):
        # Line breaks are written as \n; the parsers give back "\n" (a CR alone does not
        # survive RFC 5545's text form, and the alphabet has none).
        assert event.summary == item.summary
        assert event.description == item.description
        assert str(other.get("summary")) == item.summary
        assert (event.dtstart, event.dtend) == (item.start, item.end)
        assert len(event.alarm) == len(item.alarms)
