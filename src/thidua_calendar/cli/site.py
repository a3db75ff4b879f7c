"""``thidua-calendar site``: a static site of feeds with a timeline page."""

from __future__ import annotations

import argparse

from thidua_calendar.cli.options import calendar_options, dtstamp, year
from thidua_calendar.cli.plans import plan_results
from thidua_calendar.cli.usage import say
from thidua_calendar.errors import UsageError
from thidua_calendar.styles import LANGS

__all__ = ["SUMMARY", "add_options", "run"]


SUMMARY = 'a static site of feeds with a timeline page'


def add_options(site: argparse.ArgumentParser) -> None:
    site.description = (
        say("Write a static feed site: one .ics per plan and per kind, and an index.html that "
        "shows each plan's year as a timeline and lists the feeds with subscribe links.")
    )
    site.add_argument("files", metavar="PLAN", nargs="*", help=say("plan files (docs/plans.md)"))
    site.add_argument("--year", type=year, help=say("the default plan of YEAR (without PLAN)"))
    site.add_argument("--base-url", metavar="URL",
                      help=say("where the site will be published, for webcal:// links"))
    site.add_argument("--dtstamp", metavar="TIME", type=dtstamp, default=None,
                      help=say("the data's revision time (default: each plan's issue date)"))
    calendar_options(site)
    site.add_argument("--catalog", metavar="FILE", action="append", default=[],
                      help=say("an extra catalog file (repeatable)"))
    site.add_argument("--lang", choices=LANGS, default="vi", help=say("language (default: vi)"))
    site.add_argument("-o", "--output", metavar="DIR", required=True,
                      help=say("the folder to write (created if missing)"))
    site.set_defaults(run=run, writes_itself=True)


def run(args: argparse.Namespace) -> str:
    from thidua_calendar.feeds.site import build_site, report_line

    built = plan_results(args, args.files)
    try:
        report = build_site([result for result, _ in built], args.output,
                            dtstamp=args.dtstamp, base_url=args.base_url, lang=args.lang,
                            date_styles=[style for _, style in built])
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageError(f"cannot write the site to {args.output}: {reason}",
                         vi=f"không ghi được trang vào {args.output}: {reason}") from None
    except ValueError as error:
        raise UsageError(str(error), vi=getattr(error, "vi", None)) from None
    return report_line(report, folder=args.output, lang=args.lang)
