"""iCalendar (RFC 5545, RFC 7986) feeds people subscribe to, written with ``icalendar``.

What a subscribed feed must get right (see ``../shared/FEEDS.md`` and ``docs/feeds.md``):

- the same data gives the same bytes: UIDs come from the items, ``DTSTAMP`` from an argument
  (the data's revision time), nothing from the clock, and dates stay ``VALUE=DATE`` so no
  time zone can move them;
- the calendar says ``NAME``/``X-WR-CALNAME``, ``X-WR-TIMEZONE``, and asks to be refreshed
  daily (``REFRESH-INTERVAL;VALUE=DURATION:P1D``, ``X-PUBLISHED-TTL:P1D``); no ``METHOD``;
- all-day events have an exclusive ``DTEND`` after ``DTSTART`` and are ``TRANSPARENT``;
  deadlines carry display alarms at 09:00 a number of days before.

A TEXT value may hold no control character but the tab (RFC 5545 §3.3.11, ``TSAFE-CHAR``),
and a line break only escaped as ``\\n``: a CR alone, a CRLF, and the vertical tab and form
feed Word writes for a line or page break become ``\\n``; any other control character
(``\\x07``, ``\\x1b``, ``\\x7f``…) is dropped (:func:`feed_text`).

icalendar writes ``NAME`` and ``X-WR-*`` values without escaping, so the names are cleaned of
``, ; \\``, line breaks and control characters first; it writes ``REFRESH-INTERVAL`` without
its required ``VALUE=DURATION``, so the parameter is given; and it takes a backslash
followed by ``N`` in a text for an escaped line break (``"a\\Nb"`` comes back from any parser
as ``"a"``, a line break and ``"b"``), so texts are escaped here, as RFC 5545 §3.3.11 says
(:class:`_Text`).
This is the only module of the package that imports icalendar.

:class:`FeedWriter` keeps each event's bytes once written: a batch of feeds that share the
national catalog's events serializes each of them once.  For large batches, write the shared
events with :meth:`FeedWriter.remember` and the feeds with ``remember=False``, so that the
events each feed has alone are not kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

import icalendar

from thidua_calendar.feeds.items import FeedItem

__all__ = ["PRODID", "FeedWriter", "calendar_name", "feed_text", "write_calendar"]

PRODID = "-//thidua-calendar//Lịch thi đua//VI"
_END = b"END:VCALENDAR\r\n"
_UNSAFE_IN_NAMES = str.maketrans({",": " -", ";": " -", "\\": "/", "\n": " ", "\r": " "})
# Control characters TEXT cannot hold (all but HTAB and the LF a line break is written as).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_LINE_BREAK = re.compile("\r\n?|[\x0b\x0c]")


def feed_text(text: str, /) -> str:
    """What a feed can hold of ``text``: line breaks (CRLF, a CR alone, a vertical tab or a
    form feed) as ``"\\n"``, the tab kept, every other control character dropped."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub("", _LINE_BREAK.sub("\n", text))


def calendar_name(text: str, /) -> str:
    """A calendar name safe to write unescaped (icalendar does not escape ``NAME``): on one
    line, without ``, ; \\`` or control characters."""
    return " ".join(feed_text(text).translate(_UNSAFE_IN_NAMES).split())


class _Text(icalendar.vText):
    """A TEXT value escaped exactly as RFC 5545 §3.3.11 says: control characters cleaned
    (:func:`feed_text`), then ``\\`` first, ``;``, ``,`` and line breaks (icalendar leaves a
    backslash before ``N`` unescaped, and control characters as they are)."""

    def to_ical(self) -> bytes:
        text = feed_text(str(self))
        escaped = (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                   .replace("\n", "\\n"))
        return escaped.encode("utf-8")


def _date(day: date) -> icalendar.vDDDTypes:
    """A ``VALUE=DATE`` value: a date stays a date, so no time zone can move it."""
    value = icalendar.vDDDTypes(day)
    value.params["VALUE"] = "DATE"
    return value


def _trigger(days: int) -> timedelta:
    """09:00 local time ``days`` days before an all-day event (which starts at 00:00)."""
    if days <= 0:
        return timedelta(hours=9)
    return -timedelta(days=days - 1, hours=15)


class FeedWriter:
    """Writes feeds with one ``DTSTAMP``; remembers every event it has serialized."""

    __slots__ = ("_events", "_stamp", "dtstamp")

    def __init__(self, *, dtstamp: datetime) -> None:
        if dtstamp.tzinfo is None or dtstamp.utcoffset() is None:
            raise ValueError("dtstamp must be an aware datetime (UTC), not a naive one")
        self.dtstamp = dtstamp.astimezone(UTC)
        self._stamp = icalendar.vDatetime(self.dtstamp)
        self._events: dict[FeedItem, bytes] = {}

    def remember(self, items: Iterable[FeedItem], /) -> None:
        """Serialize ``items`` now and keep them: the events many feeds share."""
        for item in items:
            self.event(item)

    def event(self, item: FeedItem, /, *, remember: bool = True) -> bytes:
        """The ``VEVENT`` of an item, folded, CRLF-terminated (kept unless ``remember`` is
        false)."""
        cached = self._events.get(item)
        if cached is not None:
            return cached
        if item.end <= item.start:
            raise ValueError(f"{item.uid}: the event must end after it starts")
        if any(days < 0 for days in item.alarms):
            raise ValueError(f"{item.uid}: reminders are days before the event (0 or more), "
                             f"not {item.alarms!r}")
        # The values are given as icalendar's own types: add() would infer the same types
        # and parameters (the same bytes) at a tenth of the cost of the whole feed.
        event = icalendar.Event()
        event["uid"] = icalendar.vText(item.uid)
        event["dtstamp"] = self._stamp
        event["dtstart"] = _date(item.start)
        event["dtend"] = _date(item.end)
        event["summary"] = _Text(item.summary)
        if item.description:
            event["description"] = _Text(item.description)
        if item.categories:
            event["categories"] = icalendar.vCategory(
                [name.replace(",", " ") for name in item.categories])
        event["transp"] = icalendar.vText("TRANSPARENT" if item.transparent else "OPAQUE")
        for days in dict.fromkeys(item.alarms):  # two reminders alike would show twice
            alarm = icalendar.Alarm()
            alarm["action"] = icalendar.vText("DISPLAY")
            alarm["description"] = _Text(item.summary)
            alarm["trigger"] = icalendar.vDuration(_trigger(days))
            event.add_component(alarm)
        data: bytes = event.to_ical()
        if remember:
            self._events[item] = data
        return data

    def calendar(
        self,
        items: Iterable[FeedItem],
        /,
        *,
        name: str,
        description: str | None = None,
        remember: bool = True,
    ) -> bytes:
        """A whole ``VCALENDAR`` with these items, in the order given; ``remember=False``
        keeps none of the events not already kept."""
        cal = icalendar.Calendar()
        cal.add("prodid", PRODID)
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        safe = calendar_name(name)
        cal.add("name", safe)
        cal.add("x-wr-calname", safe)
        if description:
            cal.add("x-wr-caldesc", calendar_name(description))
        cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
        cal.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", "P1D")
        head: bytes = cal.to_ical()
        assert head.endswith(_END)
        body = b"".join(self.event(item, remember=remember) for item in items)
        return head[: -len(_END)] + body + _END


def write_calendar(
    items: Iterable[FeedItem],
    /,
    *,
    name: str,
    dtstamp: datetime,
    description: str | None = None,
) -> bytes:
    """One feed: ``items`` as a calendar called ``name``, stamped ``dtstamp`` (UTC)."""
    return FeedWriter(dtstamp=dtstamp).calendar(items, name=name, description=description)
