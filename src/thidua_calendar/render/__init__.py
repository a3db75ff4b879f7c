"""Rendering in Vietnamese administrative style (and English).

:mod:`~thidua_calendar.render.lines` renders one line per commemoration (or pair);
:mod:`~thidua_calendar.render.listing` renders a year's list as text, Markdown, JSON or CSV.
The public names are re-exported by :mod:`thidua_calendar`.
"""
