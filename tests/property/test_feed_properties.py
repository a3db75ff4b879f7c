"""Feeds round-trip any Vietnamese text, and parsers nobody here wrote read back what was
written."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import icalendar
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from thidua_calendar.feeds.ics import write_calendar
from thidua_calendar.feeds.items import FeedItem

STAMP = datetime(2026, 11, 22, tzinfo=UTC)
# Vietnamese letters with their tone marks, the characters iCalendar must escape, and what
# text pasted from other programs brings: CR, CRLF, tabs, Word's vertical tab and form feed,
# a bell, an escape, DEL, NUL, and the Unicode line separators (which TEXT may hold).
VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợ"
CONTROLS = "\r\t\x00\x07\x0b\x0c\x1b\x1f\x7f\x85\u2028"
ALPHABET = VIETNAMESE + VIETNAMESE.upper() + " ,;:\\\n\"'“”-–()/0123456789" + CONTROLS


def expected(text: str) -> str:
    """What a parser must give back: RFC 5545 TEXT holds no control character but the tab,
    so a CR alone or a CRLF (and Word's vertical tab and form feed) is a line break, and
    the rest are dropped."""
    text = re.sub("\r\n|\r|\x0b|\x0c", "\n", text)
    return "".join(ch for ch in text if ch in "\t\n" or not (ch < " " or ch == "\x7f"))


TEXT = st.text(alphabet=ALPHABET, min_size=1, max_size=200).filter(
    lambda t: expected(t).strip())


@given(
    summaries=st.lists(TEXT, min_size=1, max_size=5),
    description=TEXT,
    name=TEXT,
    start=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 1)),
    length=st.integers(1, 40),
)
@settings(max_examples=150, deadline=None)
def test_vietnamese_text_round_trips_through_three_parsers(summaries, description, name,
                                                            start, length):
    items = [
        FeedItem(uid=f"item-{n}@test", kind="commemorations", summary=summary,
                 description=description, start=start, end=start + timedelta(days=length),
                 alarms=(7, 1) if n % 2 else ())
        for n, summary in enumerate(summaries)
    ]
    data = write_calendar(items, name=name, description=name, dtstamp=STAMP)
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    validated = vobject.readOne(data.decode("utf-8"), validate=True)
    lenient = icalendar.Calendar.from_ical(data)
    lenient_events = list(lenient.walk("VEVENT"))
    assert len(strict.events) == len(validated.vevent_list) == len(lenient_events) == len(items)
    # The calendar's name is on one line, whatever it was given.
    assert re.fullmatch(r"[^\x00-\x1f\x7f]+", str(lenient["NAME"]))
    assert str(lenient["X-WR-CALDESC"]) == str(lenient["NAME"])
    for item, event, checked, other in zip(items, strict.events, validated.vevent_list,
                                           lenient_events, strict=True):
        # Line breaks are written as \n; the parsers give back "\n".
        assert event.summary == checked.summary.value == expected(item.summary)
        assert event.description == checked.description.value == expected(item.description)
        assert str(other.get("summary")) == expected(item.summary)
        assert (event.dtstart, event.dtend) == (item.start, item.end)
        assert len(event.alarm) == len(item.alarms)


def _with_add(item: FeedItem) -> bytes:
    """The event as icalendar's add() builds it, inferring each value's type (the writer
    gives the types itself, which is faster; the bytes must not change)."""
    from thidua_calendar.feeds.ics import _Text, _trigger

    event = icalendar.Event()
    event.add("uid", item.uid)
    event["dtstamp"] = icalendar.vDatetime(STAMP)
    event.add("dtstart", item.start)
    event.add("dtend", item.end)
    event.add("summary", _Text(item.summary))
    if item.description:
        event.add("description", _Text(item.description))
    if item.categories:
        event.add("categories", [name.replace(",", " ") for name in item.categories])
    event.add("transp", "TRANSPARENT" if item.transparent else "OPAQUE")
    for days in dict.fromkeys(item.alarms):
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _Text(item.summary))
        alarm.add("trigger", _trigger(days))
        event.add_component(alarm)
    return event.to_ical()


@given(
    summary=TEXT,
    description=st.one_of(st.just(""), TEXT),
    start=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 1)),
    length=st.integers(1, 400),
    categories=st.lists(TEXT, max_size=3),
    alarms=st.lists(st.integers(0, 60), max_size=4),
    transparent=st.booleans(),
)
@settings(max_examples=100, deadline=None)
def test_the_writer_gives_the_bytes_icalendar_add_gives(summary, description, start, length,
                                                        categories, alarms, transparent):
    from thidua_calendar.feeds.ics import FeedWriter

    item = FeedItem(uid="item@test", kind="deadlines", summary=summary,
                    description=description, start=start, end=start + timedelta(days=length),
                    categories=tuple(categories), alarms=tuple(alarms), transparent=transparent)
    assert FeedWriter(dtstamp=STAMP).event(item) == _with_add(item)
