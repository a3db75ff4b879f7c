"""Rendering in Vietnamese administrative style (and English): text for people, one module
per subject.

:mod:`~thidua_calendar.render.lines` renders one line per commemoration (or pair);
:mod:`~thidua_calendar.render.listing` a year's list as text, Markdown, JSON or CSV;
:mod:`~thidua_calendar.render.workdays`, :mod:`~thidua_calendar.render.deadlines`,
:mod:`~thidua_calendar.render.plan` and :mod:`~thidua_calendar.render.docx` the days off, a
deadline schedule and a plan; :mod:`~thidua_calendar.render.lunar` lunar months and
conversions; :mod:`~thidua_calendar.render.findings` what the checker found.  Each format
choice is a ``Literal`` of :mod:`thidua_calendar.styles`, which the command line offers.
The public names are re-exported by :mod:`thidua_calendar`.
"""
