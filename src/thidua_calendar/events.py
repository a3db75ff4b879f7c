"""One-off political events plans greet: congresses, elections, emulation congresses.

Not anniversaries: each happens once, on a day, over a span of days, or at a time known only
to the month or the year (``precision``, as in :mod:`thidua_calendar.dates`).  ``status`` says
whether the event was held or is still planned (as of the sources the data cites).  The
shipped list is ``data/events.yaml``, read by :mod:`thidua_calendar.files.events`.

Pure: no files, no clock.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from thidua_calendar.anniversaries import Source
from thidua_calendar.dates import Precision, check_year, month_end
from thidua_calendar.errors import UnknownEntryError

__all__ = ["EventCatalog", "EventStatus", "PoliticalEvent"]

#: Whether the event took place, or was only planned when the sources were read.
EventStatus = Literal["planned", "held"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PoliticalEvent:
    """A congress, an election or another one-off event of the political year.

    ``date`` is the first day (for month or year precision, the first day of that month or
    year); ``end`` the last day when known.  ``kind`` (``party_congress``, ``election``…) and
    ``level`` (``national``, ``provincial``) are words of the data file.  ``greeting`` is the
    wording a plan was found to use ("chào mừng Đại hội …"), when the data records one.
    """

    id: str
    name: str
    name_en: str
    date: datetime.date
    end: datetime.date | None = None
    precision: Precision = "day"
    kind: str
    level: str
    status: EventStatus
    greeting: str | None = None
    note: str | None = None
    sources: tuple[Source, ...] = ()

    @property
    def last(self) -> datetime.date:
        """The last day the event may cover: ``end``, else the end of its day, month or
        year."""
        if self.end is not None:
            return self.end
        if self.precision == "year":
            return datetime.date(self.date.year, 12, 31)
        if self.precision == "month":
            return month_end(self.date)
        return self.date

    def overlaps(self, first: datetime.date, last: datetime.date, /) -> bool:
        """Whether the event's span meets the days from ``first`` to ``last`` (inclusive)."""
        return self.date <= last and self.last >= first


@dataclass(frozen=True, slots=True)
class EventCatalog:
    """An ordered, read-only collection of events with lookup by id."""

    entries: tuple[PoliticalEvent, ...]
    _by_id: Mapping[str, PoliticalEvent] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {event.id: event for event in self.entries})

    def __iter__(self) -> Iterator[PoliticalEvent]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._by_id

    def get(self, event_id: str, /) -> PoliticalEvent:
        """The event with this id; :class:`UnknownEntryError` names close ids if none."""
        try:
            return self._by_id[event_id]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(event_id, self._by_id, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            hint_vi = f"; có phải là {', '.join(close)}?" if close else ""
            raise UnknownEntryError(f"no event has the id {event_id!r}{hint}",
                                    vi=f"không có sự kiện nào có mã “{event_id}”{hint_vi}",
                                    ) from None

    def in_year(self, year: int, /) -> tuple[PoliticalEvent, ...]:
        """The events whose span meets ``year``, by first day (ties keep file order)."""
        check_year(year)
        return self.between(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    def between(
        self, first: datetime.date, last: datetime.date, /
    ) -> tuple[PoliticalEvent, ...]:
        """The events whose span meets the days from ``first`` to ``last``, by first day."""
        found = [event for event in self.entries if event.overlaps(first, last)]
        return tuple(sorted(found, key=lambda event: event.date))
