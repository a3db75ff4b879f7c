"""``thidua-calendar provinces``: the provinces and centrally-run cities, old and new."""

from __future__ import annotations

import argparse

from thidua_calendar.cli.options import text_options, year
from thidua_calendar.cli.usage import say

__all__ = ["SUMMARY", "add_options", "run"]


SUMMARY = "the provinces and cities before and after 1/7/2025, and their ids"


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.description = say(
        "List the 63 provinces and cities as they were until 30/6/2025 and the 34 from "
        "1/7/2025 (ids, names, dates, which old ones merged into which new one); with --date "
        "or --year only those that existed then. The ids are what --province takes.",
        vi="Liệt kê 63 tỉnh, thành phố như đến 30/6/2025 và 34 tỉnh, thành phố từ 1/7/2025 "
        "(mã, tên, ngày, tỉnh cũ nào hợp nhất vào tỉnh mới nào); với --date hoặc --year chỉ "
        "những nơi có vào lúc đó. Mã là giá trị --province nhận.")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help=say("output format (default: text)"))
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--date", metavar="YYYY-MM-DD",
                      help=say("only the units of that day",
                               vi="chỉ các tỉnh, thành phố có vào ngày đó"))
    when.add_argument("--year", type=year,
                      help=say("only the units that existed in that year",
                               vi="chỉ các tỉnh, thành phố có trong năm đó"))
    text_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> str:
    from datetime import date

    from thidua_calendar.cli.options import parse_date
    from thidua_calendar.errors import UsageError
    from thidua_calendar.files.provinces import builtin_provinces
    from thidua_calendar.render.provinces import render_provinces

    every = builtin_provinces()
    chosen = list(every)
    if args.date is not None:
        try:
            day = date(*parse_date(args.date, original=args.date))
        except ValueError as error:
            raise UsageError(f"{args.date!r} is not a real date: {error}",
                             vi=f"“{args.date}” không phải một ngày có thật") from None
        chosen = [p for p in chosen if p.exists_on(day)]
    elif args.year is not None:
        chosen = [p for p in chosen if p.exists_in(args.year)]
    return render_provinces(chosen, every=every, format=args.format, lang=args.lang,
                            date_style=args.date_style)
