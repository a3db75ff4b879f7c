"""``thidua-calendar check``: the mistakes in draft plans."""

from __future__ import annotations

import argparse
import sys
from typing import get_args

from thidua_calendar.cli.options import CheckFailed, calendar_options, year
from thidua_calendar.cli.usage import say
from thidua_calendar.styles import LANGS, FindingsFormat

__all__ = ["SUMMARY", "add_options", "run"]


SUMMARY = 'find the mistakes in draft plans'


def add_options(check: argparse.ArgumentParser) -> None:
    check.description = (
        say("Check draft plans (.txt, .md, .docx): counts that do not match their dates, "
        "impossible dates, base dates that contradict the catalog, đợt that overlap or leave "
        "gaps, deadlines on days off. Exit 1 if there is an error, 2 if a file cannot be read.")
    )
    check.add_argument("files", metavar="FILE", nargs="+", help=say("plan documents"))
    check.add_argument("--format", choices=get_args(FindingsFormat), default="text",
                       help=say("output format (default: text)"))
    check.add_argument("--year", type=year,
                       help=say("the plan's year (default: read from the document)"))
    calendar_options(check)
    check.add_argument("--catalog", metavar="FILE", action="append", default=[],
                       help=say("an extra catalog file, e.g. your local days (repeatable)"))
    check.add_argument(
        "--province", metavar="NAME",
        help=say("the province or city of the plans (name or id): its own days join the "
                 "catalog, so their base dates and counts are checked too (the one of --year, "
                 "else the current one of that name)",
                 vi="tỉnh, thành phố của kế hoạch (tên hoặc mã): các ngày riêng của nơi đó "
                 "được thêm vào danh mục để soát cả ngày gốc và số năm (tỉnh của --year, nếu "
                 "không thì tỉnh hiện nay mang tên đó)"))
    check.add_argument("--lang", choices=LANGS, default="vi",
                       help=say("language of messages (default: vi)"))
    check.set_defaults(run=run, writes_itself=True)


def run(args: argparse.Namespace) -> str:
    from thidua_calendar.files.catalog import load_catalog
    from thidua_calendar.files.documents import read_document
    from thidua_calendar.files.workdays import load_work_calendar
    from thidua_calendar.reading.check import check_document
    from thidua_calendar.render.findings import render_findings

    if args.province is not None:
        from thidua_calendar.cli.options import province_option_value
        from thidua_calendar.files.provinces import catalog_with_province

        province = province_option_value(args.province, year=args.year)
        catalog = catalog_with_province(*args.catalog, province=province)
    else:
        catalog = load_catalog(*args.catalog)
    calendar = load_work_calendar(*args.holidays, weekend=args.weekend)
    documents = [(name, read_document(name)) for name in args.files]  # all readable first
    found = [(name, finding) for name, document in documents
             for finding in check_document(document, catalog=catalog, calendar=calendar,
                                           year=args.year)]
    output = render_findings(found, format=args.format, lang=args.lang)
    if any(f.level == "error" for _, f in found):
        sys.stdout.write(output)
        raise CheckFailed
    return output
