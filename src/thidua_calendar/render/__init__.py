"""Rendering in Vietnamese administrative style (and English): lines, lists, dates."""

from thidua_calendar.render.lines import (
    DATE_STYLES,
    DateStyle,
    Lang,
    Line,
    format_date,
    group_lines,
    lunar_text,
    occurrence_text,
    weekday_name,
)

__all__ = [
    "DATE_STYLES",
    "DateStyle",
    "Lang",
    "Line",
    "format_date",
    "group_lines",
    "lunar_text",
    "occurrence_text",
    "weekday_name",
]
