"""The ``thidua-calendar`` command line: :func:`main`, one module per command."""

from __future__ import annotations

from thidua_calendar.cli.main import main

__all__ = ["main"]
