"""``thidua-calendar lunar``: lunar months of a year, and conversions both ways."""

from __future__ import annotations

import argparse
import re
from datetime import date
from typing import get_args

from thidua_calendar import lunar
from thidua_calendar.cli.options import HelpFormatter, parse_date, year
from thidua_calendar.cli.usage import say
from thidua_calendar.errors import UsageError
from thidua_calendar.styles import LANGS, LunarFormat

_LUNAR_PREFIX = re.compile(r"^\s*(?:AL|ÂL|âl|al)\s*[:]?\s*", re.IGNORECASE)

__all__ = ["SUMMARY", "add_options", "run_convert", "run_months"]


SUMMARY = 'the Vietnamese lunar calendar (UTC+7)'


def add_options(lun: argparse.ArgumentParser) -> None:
    lunar_commands = lun.add_subparsers(metavar="ACTION")
    months = lunar_commands.add_parser(
        "months", help=say("the months of a lunar year"), formatter_class=HelpFormatter
    )
    months.add_argument("lunar_year", metavar="LUNAR_YEAR", type=year)
    months.add_argument("--format", choices=get_args(LunarFormat), default="text")
    months.add_argument("--lang", choices=LANGS, default="vi")
    months.set_defaults(run=run_months)
    convert = lunar_commands.add_parser(
        "convert",
        formatter_class=HelpFormatter,
        help=say("solar -> lunar, or lunar -> solar when DATE starts with 'AL'"),
        description=(
            say("Convert a solar date (2026-04-26, 26/4/2026) to the lunar calendar, or a lunar "
            "date written 'AL 2026-03-10' or 'AL 10/3/2026' to the solar calendar.")
        ),
    )
    convert.add_argument("date", metavar="DATE")
    convert.add_argument("--leap", action="store_true", help=say("the lunar month is a leap month"))
    convert.add_argument("--format", choices=get_args(LunarFormat), default="text")
    convert.add_argument("--lang", choices=LANGS, default="vi")
    convert.set_defaults(run=run_convert)


def run_months(args: argparse.Namespace) -> str:
    from thidua_calendar.render.lunar import render_months

    return render_months(args.lunar_year, format=args.format, lang=args.lang)


def run_convert(args: argparse.Namespace) -> str:
    from thidua_calendar.render.lunar import render_conversion

    text = args.date
    is_lunar = _LUNAR_PREFIX.match(text) is not None
    year, month, day = parse_date(_LUNAR_PREFIX.sub("", text), original=text)
    if is_lunar:
        solar = lunar.to_solar(year, month, day, leap=args.leap)
        moon = lunar.LunarDate(year=year, month=month, day=day, leap=args.leap)
    else:
        if args.leap:
            raise UsageError("--leap applies to a lunar date ('AL 2020-04-15')",
                             vi="--leap chỉ dùng cho ngày âm lịch ('AL 2020-04-15')")
        try:
            solar = date(year, month, day)
        except ValueError as error:
            raise UsageError(f"{text!r} is not a real date: {error}",
                             vi=f"“{text}” không phải là một ngày có thật") from None
        moon = lunar.to_lunar(solar)
    return render_conversion(solar, moon, format=args.format, lang=args.lang)
