"""The province map as text or JSON (``thidua-calendar provinces``).

The JSON form is a contract: a list of objects with at least the keys ``id``, ``name``,
``from``, ``until`` and ``merged_into`` (``from``/``until`` as ``YYYY-MM-DD``, ``from`` as
``YYYY`` when only the year is sourced, ``null`` when not known or not ended); keys are only
ever added (``kind`` is one).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal

from thidua_calendar.provinces import Province, ProvinceMap
from thidua_calendar.render.lines import format_date
from thidua_calendar.styles import DateStyle, Lang

__all__ = ["ProvincesFormat", "province_records", "render_provinces"]

ProvincesFormat = Literal["text", "json"]


def _start(province: Province) -> str | None:
    if province.start is None:
        return None
    if province.start_precision == "year":
        return str(province.start.year)
    return province.start.isoformat()


def province_records(provinces: Sequence[Province], /) -> list[dict[str, Any]]:
    """One JSON object per unit, in the given order."""
    return [
        {"id": p.id, "name": p.name, "from": _start(p),
         "until": p.until.isoformat() if p.until is not None else None,
         "merged_into": p.merged_into, "kind": p.kind}
        for p in provinces
    ]


def render_provinces(
    provinces: Sequence[Province], /, *, every: ProvinceMap, format: ProvincesFormat = "text",
    lang: Lang = "vi", date_style: DateStyle = "d/m/yyyy",
) -> str:
    """``provinces`` (a selection of ``every``) as an aligned text table or JSON."""
    if format == "json":
        return json.dumps(province_records(provinces), ensure_ascii=False, indent=2) + "\n"
    vi = lang == "vi"
    rows = []
    for p in provinces:
        start = "" if p.start is None else (
            str(p.start.year) if p.start_precision == "year"
            else format_date(p.start, style=date_style))
        end = format_date(p.until, style=date_style) if p.until is not None else ""
        span = f"{start} – {end}" if end else (f"{'từ' if vi else 'from'} {start}"
                                               if start else "")
        merged = ""
        if p.merged_into is not None and p.merged_into in every:
            heir = every.get(p.merged_into)
            merged = (f"→ {heir.title()} ({heir.id})" if vi
                      else f"→ {heir.title(lang='en')} ({heir.id})")
        rows.append((p.id, p.title(lang=lang), span, merged))
    if not rows:
        return ("Không có tỉnh, thành phố nào.\n" if vi else "No province or city.\n")
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        "  ".join([row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].ljust(widths[2]),
                   row[3]]).rstrip()
        for row in rows
    ]
    total = (f"{len(rows)} tỉnh, thành phố" if vi else f"{len(rows)} provinces and cities")
    return "\n".join([*lines, "", total]) + "\n"
