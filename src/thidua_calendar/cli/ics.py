"""``thidua-calendar ics``: an iCalendar feed of a plan or of default plans."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from thidua_calendar.cli.clock import plan_year
from thidua_calendar.cli.options import (
    alarms,
    calendar_options,
    dtstamp,
    format_option,
    year,
    years,
)
from thidua_calendar.cli.plans import default_plans, warn_without_id
from thidua_calendar.cli.usage import say
from thidua_calendar.errors import UsageError
from thidua_calendar.styles import LANGS

__all__ = ["SUMMARY", "add_options", "run"]


SUMMARY = 'an iCalendar feed of a plan or a year, to subscribe to'


def add_options(ics: argparse.ArgumentParser) -> None:
    ics.description = (
        say("Write an iCalendar feed (RFC 5545) of a plan, or of the default plan of a year or "
        "years: commemorations, phases and events, deadlines with reminders.")
    )
    ics.add_argument("file", metavar="PLAN", nargs="?", help=say("a plan file (docs/plans.md)"))
    span = ics.add_mutually_exclusive_group()
    span.add_argument("--year", type=year, help=say("the default plan of YEAR"))
    span.add_argument("--years", metavar="FIRST-LAST", type=years,
                      help=say("the default plans of several years, e.g. 2025-2030"))
    ics.add_argument("--only", choices=("commemorations", "phases", "deadlines"),
                     action="append", default=None,
                     help=say("only these kinds (repeatable; default: all)"))
    ics.add_argument("--alarms", metavar="DAYS", type=alarms, default=None,
                     help=say("deadline reminders, days before at 09:00 (default: 7,1; 'none')"))
    ics.add_argument("--dtstamp", metavar="TIME", type=dtstamp, default=None,
                     help=say("the data's revision time for DTSTAMP, e.g. 2026-11-22T00:00:00Z "
                          "(default: the plan's issue date)"))
    calendar_options(ics)
    ics.add_argument("--catalog", metavar="FILE", action="append", default=[],
                     help=say("an extra catalog file (repeatable)"))
    ics.add_argument("--lang", choices=LANGS, default="vi", help=say("language (default: vi)"))
    ics.add_argument("-o", "--output", metavar="FILE", help=say("write to FILE (default: stdout)"))
    format_option(ics, ("ics",), default="ics", option=False)
    ics.set_defaults(run=run)


def run(args: argparse.Namespace) -> bytes:
    from thidua_calendar.feeds.ics import FeedWriter
    from thidua_calendar.feeds.items import (
        DEFAULT_ALARMS,
        KINDS,
        calendar_description,
        calendar_title,
        plan_items,
    )
    from thidua_calendar.files.workdays import load_work_calendar

    calendar = load_work_calendar(*args.holidays, weekend=args.weekend)
    kinds = tuple(args.only) if args.only else KINDS
    alarms = DEFAULT_ALARMS if args.alarms is None else args.alarms
    if args.file is not None:
        if args.year is not None or args.years is not None:
            raise UsageError("--year and --years choose default plans; a plan file has its own",
                             vi="--year và --years chọn kế hoạch mặc định; tệp kế hoạch đã có "
                                "năm của nó")
        from thidua_calendar.files.plan import load_plan_file

        plan_file = load_plan_file(args.file, catalogs=tuple(args.catalog))
        results = [plan_file.build(calendar=calendar)]
        date_style = plan_file.date_style
        warn_without_id(args.file, plan_file.plan)
    else:
        first, last = args.years or ((args.year if args.year is not None else plan_year(),)
                                     * 2)
        results = default_plans(range(first, last + 1), args.catalog, calendar,
                                 with_deadlines="deadlines" in kinds)
        date_style = "d/m/yyyy"
    items = [item for result in results
             for item in plan_items(result, kinds=kinds, lang=args.lang, date_style=date_style,
                                    alarms=alarms)]
    if not items:
        raise UsageError("there is nothing to write: the plan has none of the kinds asked for",
                         vi="không có gì để ghi: kế hoạch không có loại nào được yêu cầu")
    plans = [result.plan for result in results]
    stamp = args.dtstamp or datetime.combine(max(plan.issued for plan in plans),
                                             datetime.min.time(), UTC)
    return FeedWriter(dtstamp=stamp).calendar(
        items, name=calendar_title(plans, kinds=kinds, lang=args.lang),
        description=calendar_description(plans, lang=args.lang))
