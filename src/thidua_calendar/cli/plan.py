"""``thidua-calendar plan``: a plan's phases, commemorations and deadlines."""

from __future__ import annotations

import argparse
import sys
from typing import get_args

from thidua_calendar.cli.clock import plan_year
from thidua_calendar.cli.options import calendar_options, format_option, text_options, year
from thidua_calendar.cli.plans import default_plans
from thidua_calendar.cli.usage import say
from thidua_calendar.errors import UsageError
from thidua_calendar.styles import DOCUMENT_DATE_STYLE, DateStyle, PeriodStyle, PlanFormat

__all__ = ["SUMMARY", "add_options", "run"]


SUMMARY = "a plan's phases, commemorations and deadlines, as text, JSON or Word"


def add_options(plan: argparse.ArgumentParser) -> None:

    plan.description = (
        say("Build a plan: its phases, the commemorations and events each greets, its deadlines "
        "on working days; print its calendar sections. Without FILE: a default plan for the "
        "coming year (see docs/plans.md).")
    )
    plan.add_argument("file", metavar="FILE", nargs="?", help=say("a plan file (docs/plans.md)"))
    plan.add_argument(
        "--year", type=year,
        help=say("the default plan's year (default: the coming year from October, else this year)"),
    )
    # The text formats of render/plan.py, and Word, a renderer of its own (render/docx.py).
    format_option(plan, (*get_args(PlanFormat), "docx"))
    plan.add_argument("--traces", action="store_true",
                      help=say("with a Word document: an appendix of how each deadline was "
                               "found"))
    calendar_options(plan)
    plan.add_argument("--catalog", metavar="FILE", action="append", default=[],
                      help=say("an extra catalog file (repeatable)"))
    text_options(plan, date_style=None,
                  date_style_help="how dates are written (default: the plan's style, else "
                  "nd30: 05/01/2022, 30/4/1975, as Nghị định 30/2020 writes them)")
    plan.set_defaults(run=run)


def run(args: argparse.Namespace) -> str | bytes:
    from thidua_calendar.files.workdays import load_work_calendar
    from thidua_calendar.render.plan import render_plan

    calendar = load_work_calendar(*args.holidays, weekend=args.weekend)
    period_style: PeriodStyle = "den"
    date_style: DateStyle = DOCUMENT_DATE_STYLE
    period_date_style: DateStyle | None = None
    if args.file is None:
        year = args.year if args.year is not None else plan_year()
        (result,) = default_plans(range(year, year + 1), args.catalog, calendar)
    else:
        if args.year is not None:
            raise UsageError("--year chooses the default plan's year; a plan file has its own",
                             vi="--year chọn năm của kế hoạch mặc định; tệp kế hoạch đã có năm "
                                "của nó")
        from thidua_calendar.files.plan import load_plan_file

        plan_file = load_plan_file(args.file, catalogs=tuple(args.catalog))
        result = plan_file.build(calendar=calendar)
        date_style, period_style = plan_file.date_style, plan_file.period_style
        period_date_style = plan_file.period_date_style
    if args.date_style is not None:
        date_style, period_date_style = args.date_style, None
    if args.format == "docx":
        if args.output is None:
            raise UsageError("--format docx writes a file: give it with -o FILE.docx",
                             vi="--format docx ghi ra tệp: hãy thêm -o TỆP.docx")
        from thidua_calendar.render.docx import render_docx
        from thidua_calendar.render.plan import plan_sections

        sections = plan_sections(result, lang=args.lang, date_style=date_style)
        for warning in sections.warnings:  # not printed in the document itself
            print(f"thidua-calendar: {sections.warnings_heading.lower()}: {warning}",
                  file=sys.stderr)
        return render_docx(result, lang=args.lang, date_style=date_style,
                           period_style=period_style, period_date_style=period_date_style,
                           traces=args.traces)
    if args.traces:
        raise UsageError("--traces adds an appendix to the Word document (--format docx); "
                         "the text, Markdown and JSON forms always show the traces",
                         vi="--traces thêm phụ lục vào tệp Word (--format docx); dạng văn "
                            "bản, Markdown và JSON luôn ghi cách tính")
    return render_plan(result, format=args.format, lang=args.lang, date_style=date_style,
                       period_style=period_style, period_date_style=period_date_style)
