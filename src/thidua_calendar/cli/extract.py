"""``thidua-calendar extract``: an old plan's text as a draft plan file."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from thidua_calendar.cli.options import PROG, calendar_options, year
from thidua_calendar.cli.usage import say
from thidua_calendar.styles import LANGS

if TYPE_CHECKING:
    from thidua_calendar.anniversaries import Commemoration
    from thidua_calendar.files.documents import Document

__all__ = ["SUMMARY", "add_options", "run"]


SUMMARY = "turn an old plan's text into a draft plan file"


def add_options(extract: argparse.ArgumentParser) -> None:
    extract.description = (
        say("Turn a plan's text (.txt, .md, .docx) into a draft plan file: organisation, issue "
        "date, period, đợt, greeted commemorations, deadlines. What it could not read is "
        "marked '# ?:' in the draft, never guessed.")
    )
    extract.add_argument("file", metavar="FILE", help=say("a plan document"))
    extract.add_argument("--format", choices=("yaml",), default="yaml",
                         help=say("output format (default: yaml, a plan file)"))
    extract.add_argument("--catalog", metavar="FILE", action="append", default=[],
                         help=say("an extra catalog file to match names against (repeatable)"))
    extract.add_argument("-o", "--output", metavar="FILE",
                         help=say("write to FILE instead of stdout"))
    extract.add_argument("--lang", choices=LANGS, default="vi",
                         help=say("language of messages (default: vi)"))
    extract.add_argument("--year", type=year,
                         help=say("draft the plan of YEAR from this one: its text is renewed "
                                  "first, as `renew` does, and what needs a person is listed "
                                  "on stderr",
                                  vi="soạn kế hoạch năm YEAR từ kế hoạch này: văn bản được "
                                  "chuyển sang năm mới trước (như lệnh renew), những điều cần "
                                  "người xem được in ra stderr"))
    calendar_options(extract)
    extract.set_defaults(run=run)


def run(args: argparse.Namespace) -> str:
    from thidua_calendar.files.catalog import load_catalog
    from thidua_calendar.files.documents import read_document
    from thidua_calendar.reading.extract import extract_plan

    document = read_document(args.file)
    catalog = load_catalog(*args.catalog)
    if args.year is not None:
        document = _renewed(args, document, catalog)
    draft = extract_plan(document, catalog=catalog, source=os.path.basename(args.file),
                         lang=args.lang)
    for note in draft.unresolved:
        label = "lưu ý" if args.lang == "vi" else "note"
        print(f"{PROG}: {label}: {note}", file=sys.stderr)
    return draft.yaml


def _renewed(args: argparse.Namespace, document: Document, catalog: Iterable[Commemoration]
             ) -> Document:
    """The document moved to ``--year``, what needs a person told on stderr."""
    from thidua_calendar.dates import FIRST_YEAR, LAST_YEAR
    from thidua_calendar.errors import UsageError
    from thidua_calendar.files.documents import Document
    from thidua_calendar.files.workdays import load_work_calendar
    from thidua_calendar.reading.renew import renew_document

    if not FIRST_YEAR <= args.year <= LAST_YEAR:
        raise UsageError(f"--year {args.year} is outside {FIRST_YEAR}-{LAST_YEAR}",
                         vi=f"--year {args.year} nằm ngoài khoảng {FIRST_YEAR}-{LAST_YEAR}")
    calendar = load_work_calendar(*args.holidays, weekend=args.weekend)
    try:
        renewal = renew_document(document, to_year=args.year, catalog=catalog,
                                 calendar=calendar)
    except ValueError:
        raise UsageError(f"{args.file}: cannot tell the plan's year to move it to {args.year}",
                         vi=f"{args.file}: không đọc được năm của kế hoạch để chuyển sang năm "
                         f"{args.year}") from None
    english = args.lang == "en"
    label = "needs a person" if english else "cần xem"
    for note in renewal.notes:
        where = "" if note.line is None else f":{note.line + 1}:{note.column + 1}"
        print(f"{PROG}: {os.path.basename(args.file)}{where}: {label}: “{note.quote}”: "
              f"{note.message_en if english else note.message}", file=sys.stderr)
    return Document(renewal.apply(document.lines))
