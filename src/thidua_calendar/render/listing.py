"""The year's list of commemorations as text, Markdown, JSON or CSV.

The JSON form is a contract other tools rely on: a list of objects with at least ``id``,
``name``, ``date``, ``years``, ``class``, ``precision``, ``origin`` and ``text`` (see
``docs/cli.md``).  Keys are only ever added.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from thidua_calendar import lunar
from thidua_calendar.anniversaries import Occurrence
from thidua_calendar.render.lines import (
    format_date,
    group_lines,
    milestone_label,
    occurrence_text,
    weekday_name,
)
from thidua_calendar.styles import DateStyle, Lang, ListingFormat

if TYPE_CHECKING:
    from thidua_calendar.anniversaries import Milestone
    from thidua_calendar.catalog import Catalog

__all__ = ["ListingFormat", "ListingGroup", "listing_records", "render_ids", "render_listing",
           "year_listing"]

_CSV_COLUMNS = ("date", "id", "years", "edition", "class", "precision", "origin", "text")

#: A group of a grouped list: its heading (Vietnamese, English; ``None`` for "the others")
#: and its occurrences in date order.
ListingGroup = tuple[tuple[str, str] | None, Sequence[Occurrence]]


def listing_records(
    occurrences: Sequence[Occurrence], /, *, date_style: DateStyle = "d/m/yyyy",
    kinds: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """One JSON-ready object per occurrence, in the order given; ``kinds`` maps an id to its
    kind's tag (``kind`` is ``null`` without one)."""
    lines_vi = group_lines(occurrences, lang="vi", date_style=date_style)
    lines_en = group_lines(occurrences, lang="en", date_style=date_style)
    line_of = {occ.id: (vi.text, en.text) for vi, en in zip(lines_vi, lines_en, strict=True)
               for occ in vi.occurrences}
    # An entry printed alone is its own line: its text is already written.
    alone = {line.occurrences[0].id for line in lines_vi if len(line.occurrences) == 1}
    records = []
    for occ in occurrences:
        entry = occ.commemoration
        lunar_date = occ.lunar_date
        records.append(
            {
                "id": occ.id,
                "name": entry.name,
                "name_en": entry.name_en,
                "date": occ.date.isoformat(),
                "end": occ.end.isoformat(),
                "years": occ.years,
                "edition": occ.edition,
                "class": occ.milestone,
                "precision": occ.precision,
                "calendar": entry.origin.calendar,
                "origin": str(entry.origin),
                "lunar": (
                    {
                        "year": lunar_date.year,
                        "month": lunar_date.month,
                        "day": lunar_date.day,
                        "leap": lunar_date.leap,
                    }
                    if lunar_date is not None
                    else None
                ),
                "tags": list(entry.tags),
                "kind": (kinds or {}).get(occ.id),
                "text": line_of[occ.id][0] if occ.id in alone else occurrence_text(
                    occ, lang="vi", date_style=date_style),
                "text_en": line_of[occ.id][1] if occ.id in alone else occurrence_text(
                    occ, lang="en", date_style=date_style),
                "line": line_of[occ.id][0],
                "line_en": line_of[occ.id][1],
            }
        )
    return records


def render_listing(
    occurrences: Sequence[Occurrence],
    /,
    *,
    year: int,
    format: ListingFormat = "text",
    lang: Lang = "vi",
    date_style: DateStyle = "d/m/yyyy",
    show_solar: bool = False,
    kinds: Mapping[str, str] | None = None,
    groups: Sequence[ListingGroup] | None = None,
) -> str:
    """The whole list in one of the formats, ending with a newline.

    ``kinds`` (id -> kind tag) fills the JSON's ``kind``; ``groups`` prints the text and
    Markdown forms under one heading per group (JSON and CSV stay flat lists).
    """
    if format == "json":
        # One object a line: readable, and written by json's C encoder (indent= is not).
        records = listing_records(occurrences, date_style=date_style, kinds=kinds)
        encoded = [json.dumps(record, ensure_ascii=False) for record in records]
        return "[\n" + ",\n".join(encoded) + "\n]\n" if encoded else "[]\n"
    if format == "csv":
        return _csv(occurrences, lang=lang, date_style=date_style, show_solar=show_solar)
    title = _title(year, lang=lang, count=len(occurrences))
    markdown = format == "markdown"
    rows = [f"# {title}" if markdown else title]
    for heading, items in groups if groups is not None else [(None, occurrences)]:
        rows.append("")
        if groups is not None:
            name = (heading[0] if lang == "vi" else heading[1]) if heading else (
                "Các ngày kỷ niệm của địa phương, đơn vị" if lang == "vi"
                else "Local and unit days")
            rows += [f"## {name}" if markdown else name.upper(), ""]
        lines = group_lines(items, lang=lang, date_style=date_style, show_solar=show_solar)
        if markdown:
            head = (("Ngày", "Nội dung", "Loại") if lang == "vi"
                    else ("Date", "Commemoration", "Class"))
            rows += [f"| {' | '.join(head)} |", "|---|---|---|"]
        for line in lines:
            when = _when(line.occurrences[0], lang, date_style)
            label = _classes(line.occurrences, lang)
            if markdown:
                text = line.text.replace("|", "\\|")
                rows.append(f"| {when} | {text} | {label} |")
            else:
                suffix = f"  [{label}]" if label else ""
                rows.append(f"{when:<24} {line.text}{suffix}")
    return "\n".join(rows) + "\n"


def render_ids(
    occurrences: Sequence[Occurrence], /, *, lang: Lang = "vi", date_style: DateStyle = "d/m/yyyy"
) -> str:
    """The ids as a YAML list, each with its text as a comment: what goes under a plan
    file's ``greet: - ids:``."""
    rows = [f"- {occ.id}  # {occurrence_text(occ, lang=lang, date_style=date_style)}"
            for occ in occurrences]
    return "\n".join(rows) + "\n" if rows else ""


def _title(year: int, *, lang: Lang, count: int) -> str:
    if lang == "vi":
        return f"Các ngày kỷ niệm năm {year} ({lunar.can_chi(year)}): {count} mục"
    return f"Commemorations in {year} (lunar year {lunar.can_chi_en(year)}): {count} items"


def _when(occ: Occurrence, lang: Lang, date_style: DateStyle) -> str:
    if occ.commemoration.duration == "month" or occ.precision != "day":
        return format_date(occ.date, style=date_style, precision=occ.precision)
    day = format_date(occ.date, style=date_style)
    return f"{day} ({weekday_name(occ.date, lang=lang)})"


def _classes(occurrences: Sequence[Occurrence], lang: Lang) -> str:
    labels = []
    for occ in occurrences:
        if occ.milestone is not None:
            label = milestone_label(occ.milestone, lang=lang)
            if label not in labels:
                labels.append(label)
    return ", ".join(labels)


def _csv(
    occurrences: Sequence[Occurrence], *, lang: Lang, date_style: DateStyle, show_solar: bool
) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for occ in occurrences:
        writer.writerow(
            (
                occ.date.isoformat(),
                occ.id,
                "" if occ.years is None else occ.years,
                "" if occ.edition is None else occ.edition,
                occ.milestone or "",
                occ.precision,
                str(occ.commemoration.origin),
                occurrence_text(occ, lang=lang, date_style=date_style, show_solar=show_solar),
            )
        )
    return buffer.getvalue()


def year_listing(
    catalog: Catalog,
    year: int,
    /,
    *,
    tags: Sequence[str] | None = None,
    milestones: Sequence[Milestone] | None = None,
    show_all: bool = False,
    group: bool = False,
    format: ListingFormat = "text",
    lang: Lang = "vi",
    date_style: DateStyle = "d/m/yyyy",
    show_solar: bool = False,
) -> str:
    """The year's list as ``thidua-calendar anniversaries`` prints it: the catalog's
    occurrences with those tags and classes, the kinds shown by default unless ``show_all``,
    each with its kind, grouped by kind when ``group``.  The one path from a catalog to the
    list, for the command line and the web app alike."""
    from thidua_calendar.anniversaries import occurrences

    found = occurrences(catalog, year, tags=tags, milestones=milestones)
    if not show_all:
        found = catalog.shown_by_default(found)
    kinds = {occ.id: kind.tag for occ in found
             if (kind := catalog.kind_of(occ.commemoration)) is not None}
    groups = None
    if group:
        groups = [((kind.name, kind.name_en) if kind else None, items)
                  for kind, items in catalog.by_kind(found)]
    return render_listing(found, year=year, format=format, lang=lang, date_style=date_style,
                          show_solar=show_solar, kinds=kinds, groups=groups)
