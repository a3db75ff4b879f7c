"""thidua-calendar: the year's commemorations, computed right, for Vietnamese emulation plans.

The public surface is what ``__all__`` lists; see ``docs/api.md``.  The library never
reads the clock: every function takes the year or date it works on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from thidua_calendar.anniversaries import (
    Commemoration,
    Milestone,
    Occurrence,
    Origin,
    milestone_of,
    occurrence,
    occurrences,
)
from thidua_calendar.catalog import Catalog
from thidua_calendar.errors import (
    AnnouncementError,
    CatalogError,
    DeadlineError,
    InputError,
    LunarDateError,
    OutOfRangeError,
    PhaseError,
    PlanError,
    ThiduaCalendarError,
    UnknownEntryError,
)
from thidua_calendar.files.catalog import builtin_catalog, load_catalog
from thidua_calendar.lunar import LunarDate, LunarMonth, can_chi, lunar_months, to_lunar, to_solar
from thidua_calendar.render.lines import format_date, group_lines, occurrence_text
from thidua_calendar.render.listing import listing_records, render_listing

if TYPE_CHECKING:
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
        schedule,
    )
    from thidua_calendar.files.deadlines import DeadlineFile
    from thidua_calendar.files.plan import PlanFile
    from thidua_calendar.phases import Period, Phase, split_period
    from thidua_calendar.plan import Plan, PlanResult, build_plan, default_plan
    from thidua_calendar.render.deadlines import deadline_phrase, render_schedule, trace_text
    from thidua_calendar.render.plan import plan_sections, render_plan
    from thidua_calendar.render.workdays import render_workdays
    from thidua_calendar.workdays import DayOff, WorkCalendar

#: Names imported on first use: working days and deadlines are not needed to list a year's
#: commemorations, and defining their classes would add half again to that command's start.
_ON_FIRST_USE = {
    **dict.fromkeys(
        ("Anchor", "Audience", "Conflict", "Deadline", "NamedDate", "NthWorkingDay", "OnDate",
         "Recurring", "Relative", "Rule", "Schedule", "Variant", "Window", "schedule"),
        "thidua_calendar.deadlines",
    ),
    **dict.fromkeys(("deadline_phrase", "render_schedule", "trace_text"),
                    "thidua_calendar.render.deadlines"),
    "render_workdays": "thidua_calendar.render.workdays",
    **dict.fromkeys(("Plan", "PlanResult", "build_plan", "default_plan"), "thidua_calendar.plan"),
    **dict.fromkeys(("Period", "Phase", "split_period"), "thidua_calendar.phases"),
    **dict.fromkeys(("plan_sections", "render_plan"), "thidua_calendar.render.plan"),
    "DayOff": "thidua_calendar.workdays",
    "WorkCalendar": "thidua_calendar.workdays",
}


def __getattr__(name: str) -> object:
    module = _ON_FIRST_USE.get(name)
    if module is None:
        raise AttributeError(f"module 'thidua_calendar' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

__version__ = "0.2.0"


def load_work_calendar(*paths: str, weekend: str = "sat-sun") -> WorkCalendar:
    """The working days of Vietnam under a weekend policy (``"sat-sun"`` or ``"sun"``), with
    the announcement files in ``paths`` added; see ``docs/workdays.md``."""
    from thidua_calendar.files.workdays import load_work_calendar as load

    return load(*paths, weekend=weekend)


def load_plan_file(path: str, *, catalogs: tuple[str, ...] = ()) -> PlanFile:
    """A plan file, validated; ``PlanFile.build(calendar=…)`` builds it (docs/plans.md)."""
    from thidua_calendar.files.plan import load_plan_file as load

    return load(path, catalogs=catalogs)


def load_deadline_file(path: str) -> DeadlineFile:
    """A deadline rules file, validated; see ``docs/deadlines.md``."""
    from thidua_calendar.files.deadlines import load_deadline_file as load

    return load(path)

__all__ = [
    "Anchor",
    "AnnouncementError",
    "Audience",
    "Catalog",
    "CatalogError",
    "Commemoration",
    "Conflict",
    "DayOff",
    "Deadline",
    "DeadlineError",
    "InputError",
    "LunarDate",
    "LunarDateError",
    "LunarMonth",
    "Milestone",
    "NamedDate",
    "NthWorkingDay",
    "Occurrence",
    "OnDate",
    "Origin",
    "OutOfRangeError",
    "Period",
    "Phase",
    "PhaseError",
    "Plan",
    "PlanError",
    "PlanResult",
    "Recurring",
    "Relative",
    "Rule",
    "Schedule",
    "ThiduaCalendarError",
    "UnknownEntryError",
    "Variant",
    "Window",
    "WorkCalendar",
    "build_plan",
    "builtin_catalog",
    "can_chi",
    "deadline_phrase",
    "default_plan",
    "format_date",
    "group_lines",
    "listing_records",
    "load_catalog",
    "load_deadline_file",
    "load_plan_file",
    "load_work_calendar",
    "lunar_months",
    "milestone_of",
    "occurrence",
    "occurrence_text",
    "occurrences",
    "plan_sections",
    "render_listing",
    "render_plan",
    "render_schedule",
    "render_workdays",
    "schedule",
    "split_period",
    "to_lunar",
    "to_solar",
    "trace_text",
]
