"""The web app and JSON API (``thidua-calendar web``); see docs/web.md.

A layer above the feeds, beside the command line: it imports the library's loaders and
renderers, never :mod:`thidua_calendar.cli`.  Starlette, uvicorn and python-multipart are the
``web`` extra: ``pip install 'thidua-calendar[web]'``.
"""
