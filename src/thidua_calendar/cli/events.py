"""``thidua-calendar events``: the year's political events (congresses, elections)."""

from __future__ import annotations

import argparse
from typing import get_args

from thidua_calendar.cli.clock import this_year
from thidua_calendar.cli.options import text_options, year
from thidua_calendar.cli.usage import say
from thidua_calendar.styles import EventsFormat

__all__ = ["SUMMARY", "add_options", "run"]


SUMMARY = "the year's congresses and elections, from the shipped list"


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.description = say(
        "List the one-off political events of YEAR that plans greet: the Party's and the "
        "mass organisations' congresses, elections, the patriotic emulation congresses "
        "(data/events.yaml, each with its sources)."
    )
    parser.add_argument(
        "year", metavar="YEAR", nargs="?", type=year, help=say("the year (default: this year)")
    )
    parser.add_argument("--format", choices=get_args(EventsFormat), default="text",
                        help=say("output format (default: text)"))
    parser.add_argument(
        "--events", metavar="FILE", action="append", default=[],
        help=say("an extra events file (repeatable); see docs/catalog.md"),
    )
    text_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> str:
    from thidua_calendar.files.events import load_events
    from thidua_calendar.render.events import render_events

    chosen = args.year if args.year is not None else this_year()
    found = load_events(*args.events).in_year(chosen)
    return render_events(found, year=chosen, format=args.format, lang=args.lang,
                         date_style=args.date_style)
