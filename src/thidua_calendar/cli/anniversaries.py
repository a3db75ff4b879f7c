"""``thidua-calendar anniversaries``: the commemorations of a year."""

from __future__ import annotations

import argparse
from typing import get_args

from thidua_calendar.anniversaries import Milestone
from thidua_calendar.cli.clock import this_year
from thidua_calendar.cli.options import format_option, year
from thidua_calendar.cli.usage import say
from thidua_calendar.errors import UsageError
from thidua_calendar.styles import DATE_STYLES, LANGS, ListingFormat

_CLASSES: dict[str, Milestone] = {"tron": "nam_tron", "le5": "nam_le_5", "khac": "nam_khac"}

__all__ = ["SUMMARY", "add_options", "run"]


SUMMARY = 'the commemorations of a year with their counts'


def add_options(ann: argparse.ArgumentParser) -> None:
    ann.description = say(
        "List the catalog entries that occur in YEAR, sorted by date. Leaders' birth "
        "anniversaries and historical events are listed on their round years (count ending "
        "in 0 or 5), as the yearly guidance lists them, unless --all (docs/catalog.md)."
    )
    ann.add_argument(
        "year", metavar="YEAR", nargs="?", type=year, help=say("the year (default: this year)")
    )
    format_option(ann, get_args(ListingFormat))
    ann.add_argument(
        "--catalog", metavar="FILE", action="append", default=[],
        help=say("an extra catalog file (repeatable); see docs/catalog.md"),
    )
    ann.add_argument(
        "--province", metavar="NAME",
        help=say("add the province's own days: its name, with or without diacritics, or its "
                 "id (see the provinces command); the province of that year, e.g. 'Thái "
                 "Nguyên' in 2022 is the old one, in 2026 the one Bắc Kạn merged into",
                 vi="thêm các ngày riêng của tỉnh, thành phố: tên có dấu hay không dấu, hoặc "
                 "mã (xem lệnh provinces); hiểu theo năm: 'Thái Nguyên' năm 2022 là tỉnh cũ, "
                 "năm 2026 là tỉnh mới gồm cả Bắc Kạn"),
    )
    ann.add_argument(
        "--tag", metavar="TAG", action="append", default=None,
        help=say("keep entries with this tag (repeatable: any of them)"),
    )
    ann.add_argument(
        "--class", dest="classes", choices=tuple(_CLASSES), action="append", default=None,
        help=say("keep năm tròn (tron), năm lẻ 5 (le5) or năm khác (khac); repeatable",
    ))
    ann.add_argument(
        "--all", dest="show_all", action="store_true",
        help=say("also list leaders and historical events outside their round years"),
    )
    ann.add_argument(
        "--group", action="store_true",
        help=say("group the list by kind, in the order the guidance prints them"),
    )
    ann.add_argument(
        "--ids", action="store_true",
        help=say("print the ids only, as a YAML list for a plan file's greet: ids"),
    )
    ann.add_argument("--lang", choices=LANGS, default="vi", help=say("language (default: vi)"))
    ann.add_argument(
        "--date-style", choices=DATE_STYLES, default="d/m/yyyy",
        help=say("how dates are written (default: d/m/yyyy, as in 3/2/1930)"),
    )
    ann.add_argument(
        "--solar", action="store_true", help=say("also print the solar date of lunar days")
    )
    ann.add_argument("-o", "--output", metavar="FILE", help=say("write to FILE instead of stdout"))
    ann.set_defaults(run=run)


def run(args: argparse.Namespace) -> str:
    from thidua_calendar.anniversaries import occurrences
    from thidua_calendar.files.catalog import load_catalog
    from thidua_calendar.render.listing import render_ids, year_listing

    year = args.year if args.year is not None else this_year()
    if args.province is not None:
        from thidua_calendar.cli.options import province_option_value
        from thidua_calendar.files.provinces import catalog_with_province

        province = province_option_value(args.province, year=year)
        catalog = catalog_with_province(*args.catalog, province=province)
    else:
        catalog = load_catalog(*args.catalog)
    if args.tag is not None:
        unknown = sorted(set(args.tag) - set(catalog.tags()))
        if unknown:
            raise UsageError(
                f"no catalog entry has the tag {unknown[0]!r}; tags in use: "
                + ", ".join(catalog.tags())
            )
    milestones = [_CLASSES[name] for name in args.classes] if args.classes else None
    if args.ids:
        if args.format != "text" or args.group:
            raise UsageError("--ids prints a plain list; leave out --format and --group",
                             vi="--ids in một danh sách mã; đừng dùng kèm --format và --group")
        found = occurrences(catalog, year, tags=args.tag, milestones=milestones)
        if not args.show_all:
            found = catalog.shown_by_default(found)
        return render_ids(found, lang=args.lang, date_style=args.date_style)
    return year_listing(catalog, year, tags=args.tag, milestones=milestones,
                        show_all=args.show_all, group=args.group, format=args.format,
                        lang=args.lang, date_style=args.date_style, show_solar=args.solar)
