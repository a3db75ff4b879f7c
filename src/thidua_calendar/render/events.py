"""The year's political events as text or JSON.

The JSON form is a contract (``docs/cli.md``): a list of objects with at least ``id``,
``name``, ``date`` (ISO, the first day), ``end``, ``precision``, ``kind`` and ``sources``.
Keys are only ever added.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from thidua_calendar.events import PoliticalEvent
from thidua_calendar.render.lines import format_date
from thidua_calendar.styles import DateStyle, EventsFormat, Lang

__all__ = ["EventsFormat", "event_records", "event_when", "render_events"]

_STATUS = {"held": ("đã diễn ra", "held"), "planned": ("dự kiến", "planned")}


def event_records(events: Sequence[PoliticalEvent], /) -> list[dict[str, Any]]:
    """One JSON-ready object per event, in the order given."""
    return [
        {
            "id": event.id,
            "name": event.name,
            "name_en": event.name_en,
            "date": event.date.isoformat(),
            "end": event.end.isoformat() if event.end else None,
            "precision": event.precision,
            "kind": event.kind,
            "level": event.level,
            "status": event.status,
            "greeting": event.greeting,
            "sources": [{"title": s.title, "url": s.url} for s in event.sources],
        }
        for event in events
    ]


def event_when(event: PoliticalEvent, /, *, date_style: DateStyle = "d/m/yyyy") -> str:
    """``19/1/2026 - 23/1/2026``, ``6/2026``, ``2026``: the event's day or span as written."""
    first = format_date(event.date, style=date_style, precision=event.precision)
    if event.end is None or (event.precision == "day" and event.end == event.date):
        return first
    return f"{first} - {format_date(event.end, style=date_style)}"


def render_events(
    events: Sequence[PoliticalEvent],
    /,
    *,
    year: int,
    format: EventsFormat = "text",
    lang: Lang = "vi",
    date_style: DateStyle = "d/m/yyyy",
) -> str:
    """The list in one of the formats, ending with a newline."""
    if format == "json":
        encoded = [json.dumps(record, ensure_ascii=False) for record in event_records(events)]
        return "[\n" + ",\n".join(encoded) + "\n]\n" if encoded else "[]\n"
    vi = lang == "vi"
    title = (f"Các sự kiện chính trị năm {year}: {len(events)} mục" if vi
             else f"Political events in {year}: {len(events)} items")
    rows = [title, ""]
    for event in events:
        status = _STATUS[event.status][0 if vi else 1]
        name = event.name if vi else event.name_en
        rows.append(f"{event_when(event, date_style=date_style):<24} {name}  [{status}]")
    if not events:
        rows.append("(không có sự kiện nào trong danh sách)" if vi
                    else "(no event in the list)")
    return "\n".join(rows) + "\n"
