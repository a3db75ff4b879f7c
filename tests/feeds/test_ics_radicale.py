"""Feeds read back through a real CalDAV server nobody here wrote: Radicale, in-process through
its WSGI application, storing in a temporary folder.

Each feed is PUT whole to a collection URL (which makes it a calendar collection, one item per
UID), then read back three ways: GET of the collection, a PROPFIND listing its items and a
CalDAV REPORT (``calendar-query``, also with a ``time-range``, so Radicale's own reading of the
``VALUE=DATE`` bounds is checked).  The text Radicale sends back is parsed with icalendar and
vobject and compared with the :class:`~thidua_calendar.feeds.items.FeedItem` list the feed was
written from, not with our own output.

What Radicale does with a feed (none of it a defect of the feed):

- it keeps events, their properties and their VALARMs, but of the calendar's own properties
  only ``X-WR-CALNAME`` (it becomes the collection's ``displayname``) and ``X-WR-CALDESC``,
  written back with ``;VALUE=TEXT``; ``NAME``, ``CALSCALE``, ``REFRESH-INTERVAL``,
  ``X-PUBLISHED-TTL`` and ``X-WR-TIMEZONE`` are not stored, and ``PRODID`` is vobject's
  (on GET of the collection) or its own (in a REPORT);
- a PUT of a calendar holding one UID twice is a ``400`` ("Multiple main components");
- events come back in its storage order, not the feed's;
- it refolds lines where it likes (e.g. between a ``\\`` and the ``,`` it escapes);
- with ``[auth] type = none`` a client still has to log in (HTTP Basic, any password):
  without credentials it is anonymous, no principal collection ``/user/`` is made for it, and
  a PUT below that answers ``409 Conflict``.  Radicale makes ``/user/`` on the first
  authenticated request.
"""

from __future__ import annotations

import base64
import io
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote

import icalendar
import pytest
import radicale
import radicale.config
import vobject

from thidua_calendar.feeds.ics import write_calendar
from thidua_calendar.feeds.items import FeedItem, plan_items
from thidua_calendar.files.catalog import builtin_catalog
from thidua_calendar.files.plan import load_plan_file
from thidua_calendar.files.workdays import load_work_calendar
from thidua_calendar.plan import PlanResult, build_plan, default_plan

REPO = Path(__file__).resolve().parents[2]
DTSTAMP = datetime(2022, 3, 1, tzinfo=UTC)
USER = "tester"
DAV = "{DAV:}"
CALDAV = "{urn:ietf:params:xml:ns:caldav}"


# -- a few lines of WSGI client ----------------------------------------------------------------


class Response:
    def __init__(self, status: str, headers: list[tuple[str, str]], body: bytes) -> None:
        self.code = int(status.split()[0])
        self.status = status
        self.headers = {name.lower(): value for name, value in headers}
        self.body = body

    def text(self) -> str:
        return self.body.decode("utf-8")


class Client:
    """Calls a WSGI application as ``USER`` (HTTP Basic, any password)."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app
        token = base64.b64encode(f"{USER}:secret".encode()).decode()
        self.auth = f"Basic {token}"

    def __call__(self, method: str, path: str, body: bytes = b"", **headers: str) -> Response:
        environ = {
            "REQUEST_METHOD": method,
            "SCRIPT_NAME": "",
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "5232",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
            "HTTP_AUTHORIZATION": self.auth,
        }
        for name, value in headers.items():
            key = name.upper()
            environ[key if key == "CONTENT_TYPE" else "HTTP_" + key] = value
        started: list[tuple[str, list[tuple[str, str]]]] = []

        def start_response(status: str, response_headers: list[tuple[str, str]],
                           exc_info: object = None) -> Callable[[bytes], object]:
            started.append((status, response_headers))
            return lambda data: None

        chunks = self.app(environ, start_response)
        try:
            body = b"".join(chunks)
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()
        status, response_headers = started[-1]
        return Response(status, response_headers, body)


@pytest.fixture(scope="module")
def dav(tmp_path_factory: pytest.TempPathFactory) -> Client:
    folder = tmp_path_factory.mktemp("radicale")
    configuration = radicale.config.load()
    configuration.update({
        "storage": {"filesystem_folder": str(folder / "collections")},
        "auth": {"type": "none"},
        "rights": {"type": "owner_only"},
    }, "test", privileged=True)
    client = Client(radicale.Application(configuration))
    response = client("PROPFIND", f"/{USER}/", DEPTH="0")  # the principal collection exists
    assert response.code == 207, response.status
    return client


# -- the feeds ---------------------------------------------------------------------------------


def _seed(name: str) -> PlanResult:
    return load_plan_file(REPO / "examples" / "seeds" / f"{name}.yaml").build(
        calendar=load_work_calendar())


def _default_2027() -> PlanResult:
    calendar = load_work_calendar()
    return build_plan(default_plan(2027, calendar=calendar), catalog=builtin_catalog(),
                      calendar=calendar)


FEEDS: dict[str, Callable[[], PlanResult]] = {
    "seed-001": lambda: _seed("001"),
    "seed-004": lambda: _seed("004"),
    "default-2027": _default_2027,
}


def _feed(name: str) -> tuple[list[FeedItem], bytes]:
    items = list(plan_items(FEEDS[name]()))
    data = write_calendar(items, name=f"Feed {name}", dtstamp=DTSTAMP)
    return items, data


def _put(dav: Client, name: str, data: bytes) -> str:
    path = f"/{USER}/{name}/"
    response = dav("PUT", path, data, CONTENT_TYPE="text/calendar; charset=utf-8")
    assert response.code == 201, (response.status, response.body[:500])
    return path


def _trigger(days: int) -> timedelta:
    """09:00 on the day ``days`` days before an all-day event, relative to its 00:00 start."""
    return timedelta(hours=9) - timedelta(days=days)


def _events_by_uid(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    events = list(calendar.walk("VEVENT"))
    by_uid = {str(event["UID"]): event for event in events}
    assert len(by_uid) == len(events), "duplicate UIDs"
    return by_uid


def _assert_event_matches(event: icalendar.Event, item: FeedItem) -> None:
    assert str(event["SUMMARY"]) == item.summary
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert type(start) is date
    assert type(end) is date
    assert (start, end) == (item.start, item.end)
    assert event["DTSTART"].params.get("VALUE") == "DATE"
    if item.description:
        assert str(event["DESCRIPTION"]) == item.description
    assert str(event["TRANSP"]) == ("TRANSPARENT" if item.transparent else "OPAQUE")
    assert event.decoded("DTSTAMP") == DTSTAMP
    alarms = [component for component in event.subcomponents if component.name == "VALARM"]
    assert len(alarms) == len(item.alarms)
    assert sorted(alarm.decoded("TRIGGER") for alarm in alarms) == sorted(
        _trigger(days) for days in item.alarms)
    for alarm in alarms:
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert str(alarm["DESCRIPTION"])


# -- the tests ---------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=sorted(FEEDS))
def stored(request: pytest.FixtureRequest, dav: Client) -> tuple[str, list[FeedItem], bytes]:
    name = request.param
    items, data = _feed(name)
    assert items, name
    return _put(dav, name, data), items, data


def test_feed_reads_back_event_for_event(dav, stored):
    path, items, _ = stored
    response = dav("GET", path)
    assert response.code == 200, response.status
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.text())
    by_uid = _events_by_uid(calendar)
    assert len(by_uid) == len(items)
    assert set(by_uid) == {item.uid for item in items}
    for item in items:
        _assert_event_matches(by_uid[item.uid], item)


def test_deadlines_keep_their_alarms(dav, stored):
    path, items, _ = stored
    with_alarms = {item.uid: item for item in items if item.alarms}
    kinds = {item.kind for item in items}
    if "deadlines" in kinds:
        assert with_alarms, "a plan with deadlines has alarms"
    assert all(item.kind == "deadlines" for item in with_alarms.values())
    by_uid = _events_by_uid(icalendar.Calendar.from_ical(dav("GET", path).text()))
    for uid, item in with_alarms.items():
        triggers = sorted(alarm.decoded("TRIGGER") for alarm in by_uid[uid].walk("VALARM"))
        assert triggers == sorted(_trigger(days) for days in item.alarms)
    for uid in set(by_uid) - set(with_alarms):
        assert not by_uid[uid].walk("VALARM")


def test_vobject_validates_what_radicale_returns(dav, stored):
    path, items, _ = stored
    parsed = vobject.readOne(dav("GET", path).text(), validate=True)
    events = {event.uid.value: event for event in parsed.vevent_list}
    assert len(events) == len(items)
    for item in items:
        event = events[item.uid]
        assert event.summary.value == item.summary
        assert event.dtstart.value == item.start
        assert event.dtend.value == item.end
        assert len(getattr(event, "valarm_list", [])) == len(item.alarms)


def test_collection_is_a_calendar_named_after_the_feed(dav, stored):
    path, items, _ = stored
    body = (b'<?xml version="1.0" encoding="utf-8"?><propfind xmlns="DAV:"><prop>'
            b"<resourcetype/><displayname/><getetag/></prop></propfind>")
    response = dav("PROPFIND", path, body, DEPTH="1", CONTENT_TYPE="application/xml")
    assert response.code == 207, response.status
    tree = ET.fromstring(response.body)
    hrefs = {}
    for entry in tree.iter(f"{DAV}response"):
        href = unquote(entry.findtext(f"{DAV}href") or "")
        hrefs[href] = entry
    collection = hrefs.pop(path)
    assert collection.find(f".//{DAV}resourcetype/{CALDAV}calendar") is not None
    assert collection.findtext(f".//{DAV}displayname") == f"Feed {path.split('/')[2]}"
    # One stored item per UID, named after it.
    assert set(hrefs) == {f"{path}{item.uid}.ics" for item in items}


def test_calendar_query_returns_each_event_alone(dav, stored):
    path, items, _ = stored
    response = dav("REPORT", path, _calendar_query(), DEPTH="1",
                   CONTENT_TYPE="application/xml")
    assert response.code == 207, response.status
    found = _report_events(response.body)
    assert set(found) == {item.uid for item in items}
    for item in items:
        _assert_event_matches(found[item.uid], item)


def test_time_range_query_reads_all_day_bounds_as_we_meant(dav, stored):
    """Radicale's own reading of ``DTSTART;VALUE=DATE``/exclusive ``DTEND``: the items that
    overlap a window are exactly those it returns (floating dates are compared as UTC)."""
    path, items, _ = stored
    one_day = timedelta(days=1)
    starts = sorted({item.start for item in items})
    ends = sorted({item.end for item in items})
    middle = starts[len(starts) // 2]
    windows = [
        (starts[0], starts[0] + one_day),  # the first day of the earliest item
        (middle, middle + one_day),
        (ends[0], ends[0] + one_day),  # the day after an item: DTEND is exclusive
        (starts[-1] - 31 * one_day, starts[-1]),  # up to, not into, the latest start
        (starts[0] - 400 * one_day, starts[0]),  # before everything
    ]
    for first, stop in windows:
        query = _calendar_query((_utc(first), _utc(stop)))
        response = dav("REPORT", path, query, DEPTH="1", CONTENT_TYPE="application/xml")
        assert response.code == 207, response.status
        expected = {item.uid for item in items if item.start < stop and item.end > first}
        assert set(_report_events(response.body)) == expected, (first, stop)


def test_putting_the_rebuilt_feed_changes_nothing(dav, stored):
    """A rebuild of unchanged data is byte-identical, so the collection's ETag stays."""
    path, _, data = stored
    before = dav("GET", path)
    name = path.split("/")[2]
    _, again = _feed(name)
    assert again == data
    _put(dav, name, again)
    after = dav("GET", path)
    assert after.headers["etag"] == before.headers["etag"]
    assert after.body == before.body


def test_a_feed_with_a_duplicate_uid_is_refused(dav):
    """The server notices what icalendar does not: the same UID twice in one calendar
    (Radicale: "Multiple main components", 400)."""
    items, _ = _feed("seed-001")
    data = write_calendar([*items, items[0]], name="Duplicate", dtstamp=DTSTAMP)
    response = dav("PUT", f"/{USER}/duplicate/", data,
                   CONTENT_TYPE="text/calendar; charset=utf-8")
    assert response.code == 400, response.status
    assert dav("GET", f"/{USER}/duplicate/").code == 404


# -- helpers for REPORT ------------------------------------------------------------------------


def _utc(day: date) -> str:
    return datetime(day.year, day.month, day.day, tzinfo=UTC).strftime("%Y%m%dT%H%M%SZ")


def _calendar_query(time_range: tuple[str, str] | None = None) -> bytes:
    event_filter = ('<C:comp-filter name="VEVENT"/>' if time_range is None else
                    f'<C:comp-filter name="VEVENT"><C:time-range start="{time_range[0]}"'
                    f' end="{time_range[1]}"/></C:comp-filter>')
    return ('<?xml version="1.0" encoding="utf-8"?>'
            '<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
            "<D:prop><D:getetag/><C:calendar-data/></D:prop>"
            f'<C:filter><C:comp-filter name="VCALENDAR">{event_filter}</C:comp-filter>'
            "</C:filter></C:calendar-query>").encode()


def _report_events(body: bytes) -> dict[str, icalendar.Event]:
    """The events of a REPORT's answer, by UID; each ``calendar-data`` holds exactly one."""
    found: dict[str, icalendar.Event] = {}
    for entry in ET.fromstring(body).iter(f"{DAV}response"):
        text = entry.findtext(f".//{CALDAV}calendar-data")
        assert text, ET.tostring(entry)
        events = list(icalendar.Calendar.from_ical(text).walk("VEVENT"))
        assert len(events) == 1
        uid = str(events[0]["UID"])
        assert uid not in found
        href = unquote(entry.findtext(f"{DAV}href") or "")
        assert href.endswith(f"/{uid}.ics")
        found[uid] = events[0]
    return found
