"""``thidua-calendar lunar``: lunar months of a year, and conversions both ways."""

from __future__ import annotations

import argparse
import json
import re
from datetime import date

from thidua_calendar import lunar
from thidua_calendar.cli.options import HelpFormatter, parse_date, year
from thidua_calendar.errors import UsageError

_LUNAR_PREFIX = re.compile(r"^\s*(?:AL|ÂL|âl|al)\s*[:]?\s*", re.IGNORECASE)

__all__ = ["SUMMARY", "add_options", "run_convert", "run_months"]


SUMMARY = 'the Vietnamese lunar calendar (UTC+7)'


def add_options(lun: argparse.ArgumentParser) -> None:
    lunar_commands = lun.add_subparsers(metavar="ACTION")
    months = lunar_commands.add_parser(
        "months", help="the months of a lunar year", formatter_class=HelpFormatter
    )
    months.add_argument("lunar_year", metavar="LUNAR_YEAR", type=year)
    months.add_argument("--format", choices=("text", "json"), default="text")
    months.add_argument("--lang", choices=("vi", "en"), default="vi")
    months.set_defaults(run=run_months)
    convert = lunar_commands.add_parser(
        "convert",
        formatter_class=HelpFormatter,
        help="solar -> lunar, or lunar -> solar when DATE starts with 'AL'",
        description=(
            "Convert a solar date (2026-04-26, 26/4/2026) to the lunar calendar, or a lunar "
            "date written 'AL 2026-03-10' or 'AL 10/3/2026' to the solar calendar."
        ),
    )
    convert.add_argument("date", metavar="DATE")
    convert.add_argument("--leap", action="store_true", help="the lunar month is a leap month")
    convert.add_argument("--format", choices=("text", "json"), default="text")
    convert.add_argument("--lang", choices=("vi", "en"), default="vi")
    convert.set_defaults(run=run_convert)


def run_months(args: argparse.Namespace) -> str:
    from thidua_calendar.render.lines import format_date

    months = lunar.lunar_months(args.lunar_year)
    if args.format == "json":
        records = [
            {
                "month": m.month,
                "leap": m.leap,
                "first_day": m.first_day.isoformat(),
                "length": m.length,
            }
            for m in months
        ]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if args.lang == "vi":
        rows = [f"Năm {lunar.can_chi(args.lunar_year)} ({args.lunar_year}) âm lịch"]
        for m in months:
            name = f"Tháng {m.month}" + (" nhuận" if m.leap else "")
            rows.append(f"{name:<16} {format_date(m.first_day):>10}  {m.length} ngày")
    else:
        rows = [f"Lunar year {args.lunar_year} ({lunar.can_chi_en(args.lunar_year)})"]
        for m in months:
            name = f"Month {m.month}" + (" (leap)" if m.leap else "")
            rows.append(f"{name:<16} {format_date(m.first_day):>10}  {m.length} days")
    return "\n".join(rows) + "\n"


def run_convert(args: argparse.Namespace) -> str:
    from thidua_calendar.render.lines import format_date, lunar_text, weekday_name

    text = args.date
    is_lunar = _LUNAR_PREFIX.match(text) is not None
    year, month, day = parse_date(_LUNAR_PREFIX.sub("", text), original=text)
    if is_lunar:
        solar = lunar.to_solar(year, month, day, leap=args.leap)
        moon = lunar.LunarDate(year=year, month=month, day=day, leap=args.leap)
    else:
        if args.leap:
            raise UsageError("--leap applies to a lunar date ('AL 2020-04-15')")
        try:
            solar = date(year, month, day)
        except ValueError as error:
            raise UsageError(f"{text!r} is not a real date: {error}") from None
        moon = lunar.to_lunar(solar)
    if args.format == "json":
        record = {
            "solar": solar.isoformat(),
            "lunar": {"year": moon.year, "month": moon.month, "day": moon.day, "leap": moon.leap},
            "can_chi": lunar.can_chi(moon.year),
        }
        return json.dumps(record, ensure_ascii=False) + "\n"
    lang = args.lang
    described = lunar_text(moon.month, moon.day, leap=moon.leap, lang=lang)
    weekday = weekday_name(solar, lang=lang)
    if lang == "vi":
        year_name = f"năm {lunar.can_chi(moon.year)}"
    else:
        year_name = f"of lunar year {moon.year} ({lunar.can_chi_en(moon.year)})"
    return f"{format_date(solar)} ({weekday}) = {described} {year_name}\n"
