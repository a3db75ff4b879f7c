"""thidua-calendar: the year's commemorations, computed right, for Vietnamese emulation plans.

The public surface is what ``__all__`` lists; see ``docs/api.md``.  The library never
reads the clock: every function takes the year or date it works on.

Every public name is imported on first use, from the one table below (``_PUBLIC``): a command
that lists a year's commemorations does not pay for working days, deadlines, file formats or
feeds.  The ``TYPE_CHECKING`` block repeats the table for type checkers and readers, and a
test (tests/test_public.py) holds the two equal and ``__all__`` equal to the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.2.0"

#: Each public name, by the module that defines it.
_PUBLIC: dict[str, tuple[str, ...]] = {
    "thidua_calendar.errors": (
        "AnnouncementError", "CatalogError", "DeadlineError", "DocumentError", "EventFileError",
        "InputError", "LunarDateError", "OccurrenceError", "OutOfRangeError", "PhaseError",
        "PlanError", "ThiduaCalendarError", "UnknownEntryError", "UsageError",
    ),
    "thidua_calendar.lunar": (
        "LunarDate", "LunarMonth", "can_chi", "lunar_months", "to_lunar", "to_solar",
    ),
    "thidua_calendar.anniversaries": (
        "Commemoration", "Milestone", "Occurrence", "Origin", "milestone_of", "occurrence",
        "occurrence_in", "occurrences", "occurrences_between",
    ),
    "thidua_calendar.catalog": ("Catalog", "Kind"),
    "thidua_calendar.events": ("EventCatalog", "PoliticalEvent"),
    "thidua_calendar.workdays": ("DayOff", "WorkCalendar"),
    "thidua_calendar.phases": ("Period", "Phase", "split_period"),
    "thidua_calendar.deadlines": (
        "Anchor", "Audience", "Conflict", "Deadline", "NamedDate", "NthWorkingDay", "OnDate",
        "Recurring", "Relative", "Rule", "Schedule", "Variant", "Window",
    ),
    "thidua_calendar.scheduling": ("schedule",),
    "thidua_calendar.plan": ("Plan", "PlanResult", "PlanWarning", "build_plan", "default_plan"),
    "thidua_calendar.files.catalog": ("builtin_catalog", "load_catalog"),
    "thidua_calendar.files.events": ("builtin_events", "load_events"),
    "thidua_calendar.files.workdays": ("load_work_calendar",),
    "thidua_calendar.files.deadlines": ("DeadlineFile", "load_deadline_file"),
    "thidua_calendar.files.plan": ("PlanFile", "load_plan_file"),
    "thidua_calendar.files.documents": ("read_document",),
    "thidua_calendar.reading.check": ("Finding", "check_document"),
    "thidua_calendar.reading.extract": ("extract_plan",),
    "thidua_calendar.reading.renew": ("renew_document",),
    "thidua_calendar.render.lines": ("format_date", "group_lines", "occurrence_text"),
    "thidua_calendar.render.listing": ("listing_records", "render_listing"),
    "thidua_calendar.render.workdays": ("render_workdays",),
    "thidua_calendar.render.deadlines": ("deadline_phrase", "render_schedule", "trace_text"),
    "thidua_calendar.render.plan": ("plan_sections", "render_plan"),
    "thidua_calendar.feeds.items": ("plan_items",),
    "thidua_calendar.feeds.ics": ("write_calendar",),
    "thidua_calendar.feeds.site": ("build_site",),
}
_MODULE_OF = {name: module for module, names in _PUBLIC.items() for name in names}

__all__ = sorted(_MODULE_OF)

if TYPE_CHECKING:
    from thidua_calendar.anniversaries import (
        Commemoration,
        Milestone,
        Occurrence,
        Origin,
        milestone_of,
        occurrence,
        occurrence_in,
        occurrences,
        occurrences_between,
    )
    from thidua_calendar.catalog import Catalog, Kind
    from thidua_calendar.deadlines import (
        Anchor,
        Audience,
        Conflict,
        Deadline,
        NamedDate,
        NthWorkingDay,
        OnDate,
        Recurring,
        Relative,
        Rule,
        Schedule,
        Variant,
        Window,
    )
    from thidua_calendar.errors import (
        AnnouncementError,
        CatalogError,
        DeadlineError,
        DocumentError,
        EventFileError,
        InputError,
        LunarDateError,
        OccurrenceError,
        OutOfRangeError,
        PhaseError,
        PlanError,
        ThiduaCalendarError,
        UnknownEntryError,
        UsageError,
    )
    from thidua_calendar.events import EventCatalog, PoliticalEvent
    from thidua_calendar.feeds.ics import write_calendar
    from thidua_calendar.feeds.items import plan_items
    from thidua_calendar.feeds.site import build_site
    from thidua_calendar.files.catalog import builtin_catalog, load_catalog
    from thidua_calendar.files.deadlines import DeadlineFile, load_deadline_file
    from thidua_calendar.files.documents import read_document
    from thidua_calendar.files.events import builtin_events, load_events
    from thidua_calendar.files.plan import PlanFile, load_plan_file
    from thidua_calendar.files.workdays import load_work_calendar
    from thidua_calendar.lunar import (
        LunarDate,
        LunarMonth,
        can_chi,
        lunar_months,
        to_lunar,
        to_solar,
    )
    from thidua_calendar.phases import Period, Phase, split_period
    from thidua_calendar.plan import Plan, PlanResult, PlanWarning, build_plan, default_plan
    from thidua_calendar.reading.check import Finding, check_document
    from thidua_calendar.reading.extract import extract_plan
    from thidua_calendar.reading.renew import renew_document
    from thidua_calendar.render.deadlines import deadline_phrase, render_schedule, trace_text
    from thidua_calendar.render.lines import format_date, group_lines, occurrence_text
    from thidua_calendar.render.listing import listing_records, render_listing
    from thidua_calendar.render.plan import plan_sections, render_plan
    from thidua_calendar.render.workdays import render_workdays
    from thidua_calendar.scheduling import schedule
    from thidua_calendar.workdays import DayOff, WorkCalendar


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'thidua_calendar' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next access costs nothing
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
