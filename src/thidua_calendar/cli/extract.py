"""``thidua-calendar extract``: an old plan's text as a draft plan file."""

from __future__ import annotations

import argparse
import os
import sys

from thidua_calendar.cli.options import PROG
from thidua_calendar.cli.usage import say
from thidua_calendar.styles import LANGS

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
    extract.set_defaults(run=run)


def run(args: argparse.Namespace) -> str:
    from thidua_calendar.files.catalog import load_catalog
    from thidua_calendar.files.documents import read_document
    from thidua_calendar.reading.extract import extract_plan

    document = read_document(args.file)
    draft = extract_plan(document, catalog=load_catalog(*args.catalog),
                         source=os.path.basename(args.file), lang=args.lang)
    for note in draft.unresolved:
        label = "lưu ý" if args.lang == "vi" else "note"
        print(f"{PROG}: {label}: {note}", file=sys.stderr)
    return draft.yaml
