"""The output choices every layer shares: language, date style and the output formats.

A leaf: it imports nothing of the package, so that file formats (a plan file's ``style``),
renderers and the command line take their choices from one place.  Each renderer's format
lives here rather than in the renderer so that the command line can offer a renderer's
formats (``choices=get_args(PlanFormat)``) without importing the renderer, and with it the
working days and deadlines, before it knows which command runs; the renderer re-exports it.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = [
    "DATE_STYLES",
    "DOCUMENT_DATE_STYLE",
    "LANGS",
    "DateStyle",
    "EventsFormat",
    "FindingsFormat",
    "Lang",
    "ListingFormat",
    "LunarFormat",
    "PeriodStyle",
    "PlanFormat",
    "ScheduleFormat",
    "WorkdaysFormat",
]

#: The language of text for people: Vietnamese (the default everywhere) or English.
Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)

#: How a date is written.  Real documents use 3/2/1930, 03/02/1930 and 03/2/1930.  ``nd30``
#: is the form of Nghị định 30/2020/NĐ-CP (Phụ lục I, the issue line): a day under 10 and
#: the months 1 and 2 written with a leading zero, "03/02/1930", "30/4/1975", "05/01/2022";
#: it is what plan documents use by default.
DateStyle = Literal["d/m/yyyy", "dd/mm/yyyy", "dd/m/yyyy", "nd30"]
DATE_STYLES: tuple[DateStyle, ...] = get_args(DateStyle)
#: The date style of a plan document (Word and plan text) unless told otherwise.
DOCUMENT_DATE_STYLE: DateStyle = "nd30"

#: How a plan writes a đợt's period: "Từ 1/1/2022 đến 30/4/2022" (``den``) or
#: "Từ 1/1 - 30/4/2022" (``dash``).
PeriodStyle = Literal["den", "dash"]

# The formats of each renderer (:mod:`thidua_calendar.render`), one per subject.
#: A year's commemorations (:func:`~thidua_calendar.render.listing.render_listing`).
ListingFormat = Literal["text", "markdown", "json", "csv"]
#: A plan (:func:`~thidua_calendar.render.plan.render_plan`; Word is its own renderer).
PlanFormat = Literal["text", "markdown", "json"]
#: A deadline schedule (:func:`~thidua_calendar.render.deadlines.render_schedule`).
ScheduleFormat = Literal["text", "markdown", "json"]
#: A year's days off (:func:`~thidua_calendar.render.workdays.render_workdays`).
WorkdaysFormat = Literal["text", "json"]
#: What the checker found (:func:`~thidua_calendar.render.findings.render_findings`).
FindingsFormat = Literal["text", "json"]
#: A year's political events (:func:`~thidua_calendar.render.events.render_events`).
EventsFormat = Literal["text", "json"]
#: Lunar months and conversions (:mod:`thidua_calendar.render.lunar`).
LunarFormat = Literal["text", "json"]
