"""``thidua-calendar deadlines``: a rules file's deadlines on working days."""

from __future__ import annotations

import argparse
from typing import get_args

from thidua_calendar.cli.options import calendar_options, format_option, text_options
from thidua_calendar.cli.usage import say
from thidua_calendar.styles import ScheduleFormat

__all__ = ["SUMMARY", "add_options", "run"]


SUMMARY = 'deadlines on working days from a rules file, with traces'


def add_options(dead: argparse.ArgumentParser) -> None:

    dead.description = (
        say("Compute the deadlines of a rules file on working days, each with the steps that "
        "found it, and report lower-level deadlines that fall after the ones they feed.")
    )
    dead.add_argument("file", metavar="FILE",
                      help=say("a deadline rules file; see docs/deadlines.md"))
    format_option(dead, get_args(ScheduleFormat))
    calendar_options(dead)
    dead.add_argument(
        "--catalog", metavar="FILE", action="append", default=[],
        help=say("an extra catalog file for anniversary: anchors (repeatable)"),
    )
    text_options(dead)
    dead.set_defaults(run=run)


def run(args: argparse.Namespace) -> str:
    from thidua_calendar.files.deadlines import load_deadline_file
    from thidua_calendar.files.workdays import load_work_calendar
    from thidua_calendar.render.deadlines import render_schedule, schedule_title

    rules_file = load_deadline_file(args.file)
    calendar = load_work_calendar(*args.holidays, weekend=args.weekend)
    catalog = None
    if args.catalog:
        from thidua_calendar.files.catalog import load_catalog

        catalog = load_catalog(*args.catalog)
    found = rules_file.schedule(calendar=calendar, catalog=catalog)
    title = schedule_title(args.file, weekend=calendar.weekend, lang=args.lang)
    return render_schedule(
        found, format=args.format, lang=args.lang, date_style=args.date_style, title=title
    )
