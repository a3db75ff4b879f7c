"""Options, value types and output that several commands share."""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from thidua_calendar.cli.usage import say
from thidua_calendar.dates import FIRST_YEAR, LAST_YEAR
from thidua_calendar.errors import UsageError
from thidua_calendar.files.output import write_atomic

if TYPE_CHECKING:
    from thidua_calendar.provinces import Province

PROG = "thidua-calendar"
_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")

__all__ = [
    "PROG",
    "CheckFailed",
    "HelpFormatter",
    "alarms",
    "calendar_options",
    "catalog_option",
    "dtstamp",
    "emit",
    "format_option",
    "parse_date",
    "port",
    "province_option_value",
    "settle_format",
    "text_options",
    "year",
    "years",
]


class CheckFailed(Exception):
    """Findings at the error level: the check command exits 1."""


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, told the terminal width so that it need not import shutil."""

    def __init__(self, prog: str) -> None:
        try:
            columns = os.get_terminal_size(sys.stderr.fileno()).columns
        except (OSError, ValueError):
            columns = 80
        super().__init__(prog, width=max(columns - 2, 40))


def year(text: str) -> int:
    if not re.fullmatch(r"\d{1,4}", text.strip()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year such as 2026")
    return int(text)


def years(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", text.strip())
    if match is None or not FIRST_YEAR <= int(match[1]) <= int(match[2]) <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a range of years such as 2025-2030 ({FIRST_YEAR} to {LAST_YEAR})")
    return int(match[1]), int(match[2])


def alarms(text: str) -> tuple[int, ...]:
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


def dtstamp(text: str) -> datetime:
    try:
        stamp = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a time such as 2026-11-22T00:00:00Z") from None
    if stamp.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r} needs a time zone, e.g. a final Z (UTC)")
    return stamp


def port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port from 0 to 65535")
    return int(text)


def parse_date(text: str, *, original: str) -> tuple[int, int, int]:
    text = text.strip()
    if match := _ISO.fullmatch(text):
        return int(match[1]), int(match[2]), int(match[3])
    if match := _DATE.fullmatch(text):
        return int(match[3]), int(match[2]), int(match[1])
    raise UsageError(
        f"{original!r} is not a date; write 2026-04-26 or 26/4/2026, "
        "and a lunar date as 'AL 2026-03-10'",
        vi=f"“{original}” không phải là ngày; hãy viết 26/4/2026 hoặc 2026-04-26, và ngày âm "
           "lịch như 'AL 10/3/2026'",
    )


def calendar_options(command: argparse.ArgumentParser) -> None:
    """The options every command that counts working days shares."""
    command.add_argument(
        "--holidays", metavar="FILE", action="append", default=[],
        help=say(
            "a holiday announcement file, e.g. next year's (repeatable); see docs/workdays.md"),
    )
    command.add_argument(
        "--weekend", choices=("sat-sun", "sun"), default="sat-sun",
        help=say("weekly rest days: Saturday and Sunday (public sector, default) or Sunday only"),
    )


def text_options(parser: argparse.ArgumentParser, *, date_style: str | None = "d/m/yyyy",
                  date_style_help: str = "how dates are written (default: d/m/yyyy)") -> None:
    """--lang, --date-style and -o, as every command that prints dated text takes them."""
    from thidua_calendar.styles import DATE_STYLES, LANGS

    parser.add_argument("--lang", choices=LANGS, default="vi",
                        help=say("language (default: vi)"))
    parser.add_argument("--date-style", choices=DATE_STYLES, default=date_style,
                        help=say(date_style_help))
    parser.add_argument("-o", "--output", metavar="FILE",
                        help=say("write to FILE instead of stdout"))


def emit(output: str | bytes, path: str | None) -> None:
    if path is None:
        if isinstance(output, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(output)
            sys.stdout.buffer.flush()
            return
        sys.stdout.write(output)
        sys.stdout.flush()
        return
    write_atomic(path, output)


def province_option_value(text: str, /, **when: Any) -> Province:
    """The province ``--province`` names, on a date (``on=``) or in a year (``year=``); a
    name that is unknown or not of that time is a :class:`ProvinceError`, one sentence in
    each language (exit 2)."""
    from thidua_calendar.files.provinces import builtin_provinces

    return builtin_provinces().find(text, **when)


def catalog_option(parser: argparse.ArgumentParser,
                   help: str = "an extra catalog file (repeatable)") -> None:
    """--catalog FILE, repeatable."""
    parser.add_argument("--catalog", metavar="FILE", action="append", default=[],
                        help=say(help))


#: What the ending of an output file's name says its format is.
SUFFIX_FORMATS = {".docx": "docx", ".md": "markdown", ".json": "json", ".ics": "ics",
                  ".txt": "text", ".csv": "csv"}
_FORMAT_NAMES = {
    "vi": {"docx": "Word", "markdown": "Markdown", "json": "JSON", "ics": "iCalendar",
           "text": "văn bản thuần", "csv": "CSV"},
    "en": {"docx": "Word", "markdown": "Markdown", "json": "JSON", "ics": "iCalendar",
           "text": "plain text", "csv": "CSV"},
}


def format_option(parser: argparse.ArgumentParser, formats: tuple[str, ...], *,
                  default: str = "text", option: bool = True) -> None:
    """--format (when ``option``) with ``formats``; without it, the name given to -o decides
    (``.docx``, ``.md``, ``.json``, ``.ics``, ``.txt``, ``.csv``), else ``default``.
    :func:`settle_format` (called by ``main`` for every command) fills ``args.format``."""
    if option:
        parser.add_argument(
            "--format", choices=formats, default=None,
            help=say(f"output format (default: from the ending of -o FILE, else {default})",
                     f"định dạng (mặc định: theo đuôi tên tệp -o, nếu không thì {default})"))
    parser.set_defaults(format_choices=formats, format_default=default)


def settle_format(args: argparse.Namespace) -> None:
    """``args.format`` from --format or from the output file's name; a contradiction (or a
    name whose format the command does not write) is a :class:`UsageError`."""
    formats: tuple[str, ...] | None = getattr(args, "format_choices", None)
    if formats is None:
        return
    given: str | None = getattr(args, "format", None)
    output: str | None = getattr(args, "output", None)
    suffix = os.path.splitext(output)[1].lower() if output else ""
    named = SUFFIX_FORMATS.get(suffix)
    vi, en = _FORMAT_NAMES["vi"], _FORMAT_NAMES["en"]
    if given is not None and named is not None and given != named:
        raise UsageError(
            f"--format {given} contradicts the file name “{output}” ({suffix} is "
            f"{en[named]}): drop --format or rename the file",
            vi=f"--format {given} mâu thuẫn với tên tệp “{output}” (đuôi {suffix} là "
               f"{vi[named]}): bỏ --format hoặc đổi tên tệp")
    if given is None and named is not None and named not in formats:
        listed = ", ".join(formats)
        raise UsageError(
            f"the file name “{output}” is a {en[named]} file, but this command writes "
            f"{listed} only",
            vi=f"tên tệp “{output}” là tệp {vi[named]}, nhưng lệnh này chỉ ghi {listed}")
    args.format = given or named or getattr(args, "format_default", formats[0])
