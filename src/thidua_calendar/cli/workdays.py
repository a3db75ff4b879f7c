"""``thidua-calendar workdays``: days off and swapped working days of a year."""

from __future__ import annotations

import argparse
from typing import get_args

from thidua_calendar.cli.clock import this_year
from thidua_calendar.cli.options import calendar_options, format_option, text_options, year
from thidua_calendar.cli.usage import say
from thidua_calendar.styles import WorkdaysFormat

__all__ = ["SUMMARY", "add_options", "run"]


SUMMARY = 'days off and swapped working days of a year'


def add_options(work: argparse.ArgumentParser) -> None:

    work.description = (
        say("List the public holidays, compensatory days off (nghỉ bù) and swapped days "
        "(hoán đổi) of YEAR, with their names and reasons."
   ) )
    work.add_argument(
        "year", metavar="YEAR", nargs="?", type=year, help=say("the year (default: this year)")
    )
    format_option(work, get_args(WorkdaysFormat))
    calendar_options(work)
    text_options(work)
    work.set_defaults(run=run)


def run(args: argparse.Namespace) -> str:
    from thidua_calendar.files.workdays import load_work_calendar
    from thidua_calendar.render.workdays import render_workdays

    year = args.year if args.year is not None else this_year()
    calendar = load_work_calendar(*args.holidays, weekend=args.weekend)
    return render_workdays(
        calendar, year, format=args.format, lang=args.lang, date_style=args.date_style
    )
