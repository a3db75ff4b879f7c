"""The ``thidua-calendar`` command line.

This is the only module that reads the clock (to pick "this year" when none is given),
the environment or default paths.  Every error the user can cause ends in one sentence on
stderr and exit status 2, without a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from thidua_calendar import lunar
from thidua_calendar.anniversaries import Milestone
from thidua_calendar.errors import ThiduaCalendarError
from thidua_calendar.render.lines import DateStyle

__all__ = ["main"]

PROG = "thidua-calendar"
#: Vietnam keeps UTC+7 all year (no daylight saving time).
VIETNAM_TIME = timezone(timedelta(hours=7), "ICT")
_CLASSES: dict[str, Milestone] = {"tron": "nam_tron", "le5": "nam_le_5", "khac": "nam_khac"}
_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_LUNAR_PREFIX = re.compile(r"^\s*(?:AL|ÂL|âl|al)\s*[:]?\s*", re.IGNORECASE)


class UsageError(ThiduaCalendarError, ValueError):
    """A command-line value that cannot be understood."""


def _now() -> datetime:
    """The time in Vietnam: the CLI's only reading of the clock."""
    return datetime.now(VIETNAM_TIME)


def this_year() -> int:
    """The current year in Vietnam."""
    return _now().year


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = _parser(arguments)
    args = parser.parse_args(arguments)
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return 2
    try:
        output = args.run(args)
        if getattr(args, "writes_itself", False):
            sys.stdout.write(output)
        else:
            _emit(output, getattr(args, "output", None))
    except ThiduaCalendarError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    except CheckFailed:
        sys.stdout.flush()
        return 1
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: not an error of ours.
        sys.stderr.close()
        return 0
    return 0


def _parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser; only the command being run gets its options.

    Declaring an option costs argparse a translation lookup and a formatter, which adds up
    to a noticeable share of a short command's run.  The other commands are declared with
    their help line only, so ``thidua-calendar --help`` still lists them all.
    """
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Anniversaries, lunar dates and plans for Vietnamese emulation movements.",
        formatter_class=_HelpFormatter,
    )
    commands = parser.add_subparsers(metavar="COMMAND")
    wanted = argv[0] if argv and argv[0] in _COMMANDS else None
    for name, (summary, add_options) in _COMMANDS.items():
        command = commands.add_parser(
            name, help=summary, description=summary, formatter_class=_HelpFormatter
        )
        if wanted in (None, name):
            add_options(command)
    return parser


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, told the terminal width so that it need not import shutil."""

    def __init__(self, prog: str) -> None:
        try:
            columns = os.get_terminal_size(sys.stderr.fileno()).columns
        except (OSError, ValueError):
            columns = 80
        super().__init__(prog, width=max(columns - 2, 40))


def _anniversary_options(ann: argparse.ArgumentParser) -> None:
    from thidua_calendar.render.lines import DATE_STYLES

    ann.description = "List every catalog entry that occurs in YEAR, sorted by date."
    ann.add_argument(
        "year", metavar="YEAR", nargs="?", type=_year, help="the year (default: this year)"
    )
    ann.add_argument(
        "--format", choices=("text", "markdown", "json", "csv"), default="text",
        help="output format (default: text)",
    )
    ann.add_argument(
        "--catalog", metavar="FILE", action="append", default=[],
        help="an extra catalog file (repeatable); see docs/catalog.md",
    )
    ann.add_argument(
        "--tag", metavar="TAG", action="append", default=None,
        help="keep entries with this tag (repeatable: any of them)",
    )
    ann.add_argument(
        "--class", dest="classes", choices=tuple(_CLASSES), action="append", default=None,
        help="keep năm tròn (tron), năm lẻ 5 (le5) or năm khác (khac); repeatable",
    )
    ann.add_argument("--lang", choices=("vi", "en"), default="vi", help="language (default: vi)")
    ann.add_argument(
        "--date-style", choices=DATE_STYLES, default="d/m/yyyy",
        help="how dates are written (default: d/m/yyyy, as in 3/2/1930)",
    )
    ann.add_argument(
        "--solar", action="store_true", help="also print the solar date of lunar days"
    )
    ann.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    ann.set_defaults(run=_run_anniversaries)


def _lunar_options(lun: argparse.ArgumentParser) -> None:
    lunar_commands = lun.add_subparsers(metavar="ACTION")
    months = lunar_commands.add_parser(
        "months", help="the months of a lunar year", formatter_class=_HelpFormatter
    )
    months.add_argument("lunar_year", metavar="LUNAR_YEAR", type=_year)
    months.add_argument("--format", choices=("text", "json"), default="text")
    months.add_argument("--lang", choices=("vi", "en"), default="vi")
    months.set_defaults(run=_run_lunar_months)
    convert = lunar_commands.add_parser(
        "convert",
        formatter_class=_HelpFormatter,
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
    convert.set_defaults(run=_run_lunar_convert)


def _calendar_options(command: argparse.ArgumentParser) -> None:
    """The options every command that counts working days shares."""
    command.add_argument(
        "--holidays", metavar="FILE", action="append", default=[],
        help="a holiday announcement file, e.g. next year's (repeatable); see docs/workdays.md",
    )
    command.add_argument(
        "--weekend", choices=("sat-sun", "sun"), default="sat-sun",
        help="weekly rest days: Saturday and Sunday (public sector, default) or Sunday only",
    )


def _workdays_options(work: argparse.ArgumentParser) -> None:

    work.description = (
        "List the public holidays, compensatory days off (nghỉ bù) and swapped days "
        "(hoán đổi) of YEAR, with their names and reasons."
    )
    work.add_argument(
        "year", metavar="YEAR", nargs="?", type=_year, help="the year (default: this year)"
    )
    work.add_argument("--format", choices=("text", "json"), default="text",
                      help="output format (default: text)")
    _calendar_options(work)
    _text_options(work)
    work.set_defaults(run=_run_workdays)


def _text_options(parser: argparse.ArgumentParser, *, date_style: str | None = "d/m/yyyy",
                  date_style_help: str = "how dates are written (default: d/m/yyyy)") -> None:
    """--lang, --date-style and -o, as every command that prints dated text takes them."""
    from thidua_calendar.render.lines import DATE_STYLES

    parser.add_argument("--lang", choices=("vi", "en"), default="vi",
                        help="language (default: vi)")
    parser.add_argument("--date-style", choices=DATE_STYLES, default=date_style,
                        help=date_style_help)
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")


def _deadlines_options(dead: argparse.ArgumentParser) -> None:

    dead.description = (
        "Compute the deadlines of a rules file on working days, each with the steps that "
        "found it, and report lower-level deadlines that fall after the ones they feed."
    )
    dead.add_argument("file", metavar="FILE", help="a deadline rules file; see docs/deadlines.md")
    dead.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                      help="output format (default: text)")
    _calendar_options(dead)
    dead.add_argument(
        "--catalog", metavar="FILE", action="append", default=[],
        help="an extra catalog file for anniversary: anchors (repeatable)",
    )
    _text_options(dead)
    dead.set_defaults(run=_run_deadlines)


def _plan_options(plan: argparse.ArgumentParser) -> None:

    plan.description = (
        "Build a plan: its phases, the commemorations and events each greets, its deadlines "
        "on working days; print its calendar sections. Without FILE: a default plan for the "
        "coming year (see docs/plans.md)."
    )
    plan.add_argument("file", metavar="FILE", nargs="?", help="a plan file (docs/plans.md)")
    plan.add_argument(
        "--year", type=_year,
        help="the default plan's year (default: the coming year from October, else this year)",
    )
    plan.add_argument("--format", choices=("text", "markdown", "json", "docx"), default="text",
                      help="output format (default: text; docx needs -o)")
    _calendar_options(plan)
    plan.add_argument("--catalog", metavar="FILE", action="append", default=[],
                      help="an extra catalog file (repeatable)")
    _text_options(plan, date_style=None,
                  date_style_help="how dates are written (default: the plan's style, else "
                  "d/m/yyyy)")
    plan.set_defaults(run=_run_plan)


def _ics_options(ics: argparse.ArgumentParser) -> None:
    ics.description = (
        "Write an iCalendar feed (RFC 5545) of a plan, or of the default plan of a year or "
        "years: commemorations, phases and events, deadlines with reminders."
    )
    ics.add_argument("file", metavar="PLAN", nargs="?", help="a plan file (docs/plans.md)")
    span = ics.add_mutually_exclusive_group()
    span.add_argument("--year", type=_year, help="the default plan of YEAR")
    span.add_argument("--years", metavar="FIRST-LAST", type=_years,
                      help="the default plans of several years, e.g. 2025-2030")
    ics.add_argument("--only", choices=("commemorations", "phases", "deadlines"),
                     action="append", default=None,
                     help="only these kinds (repeatable; default: all)")
    ics.add_argument("--alarms", metavar="DAYS", type=_alarms, default=None,
                     help="deadline reminders, days before at 09:00 (default: 7,1; 'none')")
    ics.add_argument("--dtstamp", metavar="TIME", type=_dtstamp, default=None,
                     help="the data's revision time for DTSTAMP, e.g. 2026-11-22T00:00:00Z "
                          "(default: the plan's issue date)")
    _calendar_options(ics)
    ics.add_argument("--catalog", metavar="FILE", action="append", default=[],
                     help="an extra catalog file (repeatable)")
    ics.add_argument("--lang", choices=("vi", "en"), default="vi", help="language (default: vi)")
    ics.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    ics.set_defaults(run=_run_ics)


def _site_options(site: argparse.ArgumentParser) -> None:
    site.description = (
        "Write a static feed site: one .ics per plan and per kind, and an index.html that "
        "shows each plan's year as a timeline and lists the feeds with subscribe links."
    )
    site.add_argument("files", metavar="PLAN", nargs="*", help="plan files (docs/plans.md)")
    site.add_argument("--year", type=_year, help="the default plan of YEAR (without PLAN)")
    site.add_argument("--base-url", metavar="URL",
                      help="where the site will be published, for webcal:// links")
    site.add_argument("--dtstamp", metavar="TIME", type=_dtstamp, default=None,
                      help="the data's revision time (default: each plan's issue date)")
    _calendar_options(site)
    site.add_argument("--catalog", metavar="FILE", action="append", default=[],
                      help="an extra catalog file (repeatable)")
    site.add_argument("--lang", choices=("vi", "en"), default="vi", help="language (default: vi)")
    site.add_argument("-o", "--output", metavar="DIR", required=True,
                      help="the folder to write (created if missing)")
    site.set_defaults(run=_run_site, writes_itself=True)


def _serve_options(serve: argparse.ArgumentParser) -> None:
    serve.description = (
        "Serve a feed site folder over HTTP for local or LAN subscription (ETag, "
        "Last-Modified, 304). Loopback only unless --host says otherwise."
    )
    serve.add_argument("directory", metavar="DIR", help="the site folder")
    serve.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8000, help="port (default: 8000)")
    serve.set_defaults(run=_run_serve, writes_itself=True)


def _check_options(check: argparse.ArgumentParser) -> None:
    check.description = (
        "Check draft plans (.txt, .md, .docx): counts that do not match their dates, "
        "impossible dates, base dates that contradict the catalog, đợt that overlap or leave "
        "gaps, deadlines on days off. Exit 1 if there is an error, 2 if a file cannot be read."
    )
    check.add_argument("files", metavar="FILE", nargs="+", help="plan documents")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="output format (default: text)")
    check.add_argument("--year", type=_year,
                       help="the plan's year (default: read from the document)")
    _calendar_options(check)
    check.add_argument("--catalog", metavar="FILE", action="append", default=[],
                       help="an extra catalog file, e.g. your local days (repeatable)")
    check.set_defaults(run=_run_check, writes_itself=True)


def _extract_options(extract: argparse.ArgumentParser) -> None:
    extract.description = (
        "Turn a plan's text (.txt, .md, .docx) into a draft plan file: organisation, issue "
        "date, period, đợt, greeted commemorations, deadlines. What it could not read is "
        "marked '# ?:' in the draft, never guessed."
    )
    extract.add_argument("file", metavar="FILE", help="a plan document")
    extract.add_argument("--format", choices=("yaml",), default="yaml",
                         help="output format (default: yaml, a plan file)")
    extract.add_argument("--catalog", metavar="FILE", action="append", default=[],
                         help="an extra catalog file to match names against (repeatable)")
    extract.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    extract.set_defaults(run=_run_extract)


_COMMANDS = {
    "anniversaries": ("the commemorations of a year with their counts", _anniversary_options),
    "plan": ("a plan's phases, commemorations and deadlines, as text, JSON or Word",
             _plan_options),
    "workdays": ("days off and swapped working days of a year", _workdays_options),
    "deadlines": ("deadlines on working days from a rules file, with traces",
                  _deadlines_options),
    "ics": ("an iCalendar feed of a plan or a year, to subscribe to", _ics_options),
    "site": ("a static site of feeds with a timeline page", _site_options),
    "serve": ("serve a feed site folder over HTTP", _serve_options),
    "check": ("find the mistakes in draft plans", _check_options),
    "extract": ("turn an old plan's text into a draft plan file", _extract_options),
    "lunar": ("the Vietnamese lunar calendar (UTC+7)", _lunar_options),
}


def _year(text: str) -> int:
    if not re.fullmatch(r"\d{1,4}", text.strip()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year such as 2026")
    return int(text)


def _run_anniversaries(args: argparse.Namespace) -> str:
    from thidua_calendar.anniversaries import occurrences
    from thidua_calendar.catalog import load_catalog
    from thidua_calendar.render.listing import render_listing

    year = args.year if args.year is not None else this_year()
    catalog = load_catalog(*args.catalog)
    if args.tag is not None:
        unknown = sorted(set(args.tag) - set(catalog.tags()))
        if unknown:
            raise UsageError(
                f"no catalog entry has the tag {unknown[0]!r}; tags in use: "
                + ", ".join(catalog.tags())
            )
    found = occurrences(
        catalog,
        year,
        tags=args.tag,
        milestones=[_CLASSES[name] for name in args.classes] if args.classes else None,
    )
    return render_listing(
        found,
        year=year,
        format=args.format,
        lang=args.lang,
        date_style=args.date_style,
        show_solar=args.solar,
    )


def _run_workdays(args: argparse.Namespace) -> str:
    from thidua_calendar.render.workdays import render_workdays
    from thidua_calendar.workdays_data import load_work_calendar

    year = args.year if args.year is not None else this_year()
    calendar = load_work_calendar(*args.holidays, weekend=args.weekend)
    return render_workdays(
        calendar, year, format=args.format, lang=args.lang, date_style=args.date_style
    )


def _run_deadlines(args: argparse.Namespace) -> str:
    from thidua_calendar.deadlines_file import load_deadline_file
    from thidua_calendar.render.deadlines import render_schedule
    from thidua_calendar.workdays_data import load_work_calendar

    rules_file = load_deadline_file(args.file)
    calendar = load_work_calendar(*args.holidays, weekend=args.weekend)
    catalog = None
    if args.catalog:
        from thidua_calendar.catalog import load_catalog

        catalog = load_catalog(*args.catalog)
    found = rules_file.schedule(calendar=calendar, catalog=catalog)
    if args.lang == "vi":
        title = f"Các hạn của {args.file} (nghỉ hằng tuần: {calendar.weekend.name})"
    else:
        title = f"Deadlines of {args.file} (weekly rest: {calendar.weekend.name_en})"
    return render_schedule(
        found, format=args.format, lang=args.lang, date_style=args.date_style, title=title
    )


def plan_year() -> int:
    """The year a plan written today is for: the coming one from October, when units draft
    next year's plans, else this one."""
    now = _now()
    return now.year + 1 if now.month >= 10 else now.year


def _run_plan(args: argparse.Namespace) -> str | bytes:
    from thidua_calendar.render.plan import PeriodStyle, render_plan
    from thidua_calendar.workdays_data import load_work_calendar

    calendar = load_work_calendar(*args.holidays, weekend=args.weekend)
    period_style: PeriodStyle = "den"
    date_style: DateStyle = "d/m/yyyy"
    period_date_style: DateStyle | None = None
    if args.file is None:
        year = args.year if args.year is not None else plan_year()
        (result,) = _default_plans(range(year, year + 1), args.catalog, calendar)
    else:
        if args.year is not None:
            raise UsageError("--year chooses the default plan's year; a plan file has its own")
        from thidua_calendar.plan_file import load_plan_file

        plan_file = load_plan_file(args.file, catalogs=tuple(args.catalog))
        result = plan_file.build(calendar=calendar)
        date_style, period_style = plan_file.date_style, plan_file.period_style
        period_date_style = plan_file.period_date_style
    if args.date_style is not None:
        date_style, period_date_style = args.date_style, None
    if args.format == "docx":
        if args.output is None:
            raise UsageError("--format docx writes a file: give it with -o FILE.docx")
        from thidua_calendar.render.docx import render_docx
        from thidua_calendar.render.plan import plan_sections

        sections = plan_sections(result, lang=args.lang, date_style=date_style)
        for warning in sections.warnings:  # not printed in the document itself
            print(f"thidua-calendar: {sections.warnings_heading.lower()}: {warning}",
                  file=sys.stderr)
        return render_docx(result, lang=args.lang, date_style=date_style,
                           period_style=period_style, period_date_style=period_date_style)
    return render_plan(result, format=args.format, lang=args.lang, date_style=date_style,
                       period_style=period_style, period_date_style=period_date_style)


def _years(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", text.strip())
    if match is None or not 1900 <= int(match[1]) <= int(match[2]) <= 2100:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a range of years such as 2025-2030 (1900 to 2100)")
    return int(match[1]), int(match[2])


def _alarms(text: str) -> tuple[int, ...]:
    if text.strip().lower() == "none":
        return ()
    try:
        days = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a list of days such as 7,1 (or 'none')") from None
    wrong = [day for day in days if not 0 <= day <= 60]
    if wrong:
        raise argparse.ArgumentTypeError(
            f"reminder days go from 0 (the day itself) to 60, not {wrong[0]}")
    return tuple(dict.fromkeys(days))  # "7,7" is one reminder, not two alike


def _dtstamp(text: str) -> datetime:
    try:
        stamp = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a time such as 2026-11-22T00:00:00Z") from None
    if stamp.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r} needs a time zone, e.g. a final Z (UTC)")
    return stamp


def _run_ics(args: argparse.Namespace) -> bytes:
    from thidua_calendar.feeds.ics import FeedWriter
    from thidua_calendar.feeds.items import DEFAULT_ALARMS, KINDS, plan_items
    from thidua_calendar.workdays_data import load_work_calendar

    calendar = load_work_calendar(*args.holidays, weekend=args.weekend)
    kinds = tuple(args.only) if args.only else KINDS
    alarms = DEFAULT_ALARMS if args.alarms is None else args.alarms
    if args.file is not None:
        if args.year is not None or args.years is not None:
            raise UsageError("--year and --years choose default plans; a plan file has its own")
        from thidua_calendar.plan_file import load_plan_file

        plan_file = load_plan_file(args.file, catalogs=tuple(args.catalog))
        results = [plan_file.build(calendar=calendar)]
        date_style = plan_file.date_style
        _warn_without_id(args.file, plan_file.plan)
    else:
        first, last = args.years or ((args.year if args.year is not None else plan_year(),)
                                     * 2)
        results = _default_plans(range(first, last + 1), args.catalog, calendar,
                                 with_deadlines="deadlines" in kinds)
        date_style = "d/m/yyyy"
    items = [item for result in results
             for item in plan_items(result, kinds=kinds, lang=args.lang, date_style=date_style,
                                    alarms=alarms)]
    if not items:
        raise UsageError("there is nothing to write: the plan has none of the kinds asked for")
    plans = [result.plan for result in results]
    stamp = args.dtstamp or datetime.combine(max(plan.issued for plan in plans),
                                             datetime.min.time(), UTC)
    years = sorted({plan.period.start.year for plan in plans})
    span = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
    vi = args.lang == "vi"
    name = f"{plans[0].organisation.name} - {span}"
    if kinds != KINDS:
        labels = ({"commemorations": "ngày kỷ niệm", "phases": "đợt thi đua",
                   "deadlines": "hạn nộp"} if vi else
                  {"commemorations": "commemorations", "phases": "phases",
                   "deadlines": "deadlines"})
        name += " (" + ", ".join(labels[kind] for kind in kinds) + ")"
    if len(plans) == 1:
        description = plans[0].title if vi else (plans[0].title_en or plans[0].title)
    else:
        description = f"Lịch thi đua {span}" if vi else f"Emulation calendar {span}"
    return FeedWriter(dtstamp=stamp).calendar(items, name=name, description=description)


def _warn_without_id(path: str, plan: Any) -> None:
    """One line on stderr for a plan file without ``id``: its feed UIDs hang on the
    organisation's name (the feeds are still written)."""
    if plan.id is not None:
        return
    from thidua_calendar.plan import slug

    print(f"{PROG}: warning: {path} has no id, so its events' UIDs are made from the "
          "organisation's name and renaming the organisation would change them (subscribers "
          f"would see every event twice); add the line 'id: {slug(plan.organisation.name)}' "
          "to keep them", file=sys.stderr)


def _default_plans(
    years: range, catalogs: Sequence[str], calendar: Any, *, with_deadlines: bool = True
) -> list[Any]:
    """The default plans of ``years``; without deadlines when they are not wanted, so that a
    feed of commemorations may reach years whose working days are not known."""
    import dataclasses

    from thidua_calendar.catalog import load_catalog
    from thidua_calendar.errors import DeadlineError
    from thidua_calendar.plan import build_plan, default_plan

    catalog = load_catalog(*catalogs)
    results = []
    for year in years:
        if not 1900 <= year <= 2100:
            raise UsageError(f"year {year} is outside the supported range 1900-2100")
        plan = default_plan(year)
        if not with_deadlines:
            plan = dataclasses.replace(plan, deadlines=())
        try:
            results.append(build_plan(plan, catalog=catalog, calendar=calendar))
        except DeadlineError as error:
            raise UsageError(
                f"the default plan's deadlines of {year} cannot be computed ({error.reason}); "
                "ask for --only commemorations or --only phases"
            ) from None
    return results


def _plan_results(
    args: argparse.Namespace, files: Sequence[str]
) -> list[tuple[Any, DateStyle]]:
    """Built plans with their date styles, from files, or the default plan of --year (the
    coming year by default)."""
    from thidua_calendar.workdays_data import load_work_calendar

    calendar = load_work_calendar(*args.holidays, weekend=args.weekend)
    if files:
        if getattr(args, "year", None) is not None:
            raise UsageError("--year chooses the default plan; plan files have their own")
        from thidua_calendar.plan_file import load_plan_file

        built = []
        for name in files:
            plan_file = load_plan_file(name, catalogs=tuple(args.catalog))
            built.append((plan_file.build(calendar=calendar), plan_file.date_style))
        for name, (result, _) in zip(files, built, strict=True):
            _warn_without_id(name, result.plan)
        return built
    year = args.year if args.year is not None else plan_year()
    return [(result, "d/m/yyyy")
            for result in _default_plans(range(year, year + 1), args.catalog, calendar)]


def _run_site(args: argparse.Namespace) -> str:
    from thidua_calendar.feeds.site import build_site

    built = _plan_results(args, args.files)
    try:
        report = build_site([result for result, _ in built], args.output,
                            dtstamp=args.dtstamp, base_url=args.base_url, lang=args.lang,
                            date_styles=[style for _, style in built])
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageError(f"cannot write the site to {args.output}: {reason}") from None
    except ValueError as error:
        raise UsageError(str(error)) from None
    written, unchanged = len(report.written), len(report.unchanged)
    return (f"{args.output}: {written} file(s) written, {unchanged} unchanged\n"
            if args.lang == "en" else
            f"{args.output}: ghi {written} tệp, {unchanged} tệp không đổi\n")


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port from 0 to 65535")
    return int(text)


def _run_serve(args: argparse.Namespace) -> str:
    from thidua_calendar.feeds.serve import make_server

    if not os.path.isdir(args.directory):
        raise UsageError(f"{args.directory} is not a folder; build one with "
                         "'thidua-calendar site -o DIR'")
    try:
        server = make_server(args.directory, host=args.host, port=args.port)
    except OSError as error:
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {error.strerror}") from None
    port = server.server_address[1]
    print(f"Serving {args.directory} on http://{args.host}:{port}/ (Ctrl+C to stop)",
          file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return ""


class CheckFailed(Exception):
    """Findings at the error level: the check command exits 1."""


def _run_check(args: argparse.Namespace) -> str:
    from thidua_calendar.catalog import load_catalog
    from thidua_calendar.check import check_document
    from thidua_calendar.documents import read_document
    from thidua_calendar.workdays_data import load_work_calendar

    catalog = load_catalog(*args.catalog)
    calendar = load_work_calendar(*args.holidays, weekend=args.weekend)
    documents = [(name, read_document(name)) for name in args.files]  # all readable first
    found = [(name, finding) for name, document in documents
             for finding in check_document(document, catalog=catalog, calendar=calendar,
                                           year=args.year)]
    if args.format == "json":
        output = json.dumps(
            [{"file": name, "line": f.line, "column": f.column, "level": f.level,
              "code": f.code, "message": f.message} for name, f in found],
            ensure_ascii=False, indent=2) + "\n"
    else:
        output = "".join(f"{name}:{f.line}:{f.column}: {f.level}: {f.message} [{f.code}]\n"
                         for name, f in found)
    if any(f.level == "error" for _, f in found):
        sys.stdout.write(output)
        raise CheckFailed
    return output


def _run_extract(args: argparse.Namespace) -> str:
    from thidua_calendar.catalog import load_catalog
    from thidua_calendar.documents import read_document
    from thidua_calendar.extract import extract_plan

    document = read_document(args.file)
    draft = extract_plan(document, catalog=load_catalog(*args.catalog),
                         source=os.path.basename(args.file))
    for note in draft.unresolved:
        print(f"{PROG}: note: {note}", file=sys.stderr)
    return draft.yaml


def _run_lunar_months(args: argparse.Namespace) -> str:
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


def _run_lunar_convert(args: argparse.Namespace) -> str:
    from thidua_calendar.render.lines import format_date, lunar_text, weekday_name

    text = args.date
    is_lunar = _LUNAR_PREFIX.match(text) is not None
    year, month, day = _parse_date(_LUNAR_PREFIX.sub("", text), original=text)
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


def _parse_date(text: str, *, original: str) -> tuple[int, int, int]:
    text = text.strip()
    if match := _ISO.fullmatch(text):
        return int(match[1]), int(match[2]), int(match[3])
    if match := _DATE.fullmatch(text):
        return int(match[3]), int(match[2]), int(match[1])
    raise UsageError(
        f"{original!r} is not a date; write 2026-04-26 or 26/4/2026, "
        "and a lunar date as 'AL 2026-03-10'"
    )


def _emit(output: str | bytes, path: str | None) -> None:
    if path is None:
        if isinstance(output, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(output)
            sys.stdout.buffer.flush()
            return
        sys.stdout.write(output)
        sys.stdout.flush()
        return
    _write_atomic(path, output)


def _write_atomic(path: str, text: str | bytes) -> None:
    """Write through a temporary file in the same folder, then rename over ``path``."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp"
        )
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}") from None
    try:
        if isinstance(text, bytes):
            with os.fdopen(handle, "wb") as binary:
                binary.write(text)
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
        # mkstemp creates the file private (0600); give it the mode a plain write would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as error:
        os.unlink(temporary)
        raise UsageError(f"cannot write {path}: {error.strerror}") from None
