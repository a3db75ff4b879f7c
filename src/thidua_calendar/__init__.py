"""thidua-calendar: the year's commemorations, computed right, for Vietnamese emulation plans.

The public surface is what ``__all__`` lists; see ``docs/api.md``.  The library never
reads the clock: every function takes the year or date it works on.
"""

from thidua_calendar.anniversaries import (
    Commemoration,
    Milestone,
    Occurrence,
    Origin,
    milestone_of,
    occurrence,
    occurrences,
)
from thidua_calendar.catalog import Catalog, builtin_catalog, load_catalog
from thidua_calendar.errors import (
    CatalogError,
    LunarDateError,
    OutOfRangeError,
    ThiduaCalendarError,
    UnknownEntryError,
)
from thidua_calendar.lunar import LunarDate, LunarMonth, can_chi, lunar_months, to_lunar, to_solar
from thidua_calendar.render.lines import format_date, group_lines, occurrence_text
from thidua_calendar.render.listing import listing_records, render_listing

__version__ = "0.1.0"

__all__ = [
    "Catalog",
    "CatalogError",
    "Commemoration",
    "LunarDate",
    "LunarDateError",
    "LunarMonth",
    "Milestone",
    "Occurrence",
    "Origin",
    "OutOfRangeError",
    "ThiduaCalendarError",
    "UnknownEntryError",
    "builtin_catalog",
    "can_chi",
    "format_date",
    "group_lines",
    "listing_records",
    "load_catalog",
    "lunar_months",
    "milestone_of",
    "occurrence",
    "occurrence_text",
    "occurrences",
    "render_listing",
    "to_lunar",
    "to_solar",
]
