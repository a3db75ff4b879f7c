"""The ``thidua-calendar`` command line: the command table and ``main``.

Each command is a module of this package with ``SUMMARY``, ``add_options(parser)`` and
``run(args)``; only the command being run is imported.  Every error the user can cause ends
in one sentence on stderr and exit status 2, without a traceback.  Only
:mod:`thidua_calendar.cli.clock` reads the clock.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from thidua_calendar.cli.options import PROG, CheckFailed, HelpFormatter, emit, settle_format
from thidua_calendar.cli.usage import say, set_lang
from thidua_calendar.errors import ThiduaCalendarError

__all__ = ["PROG", "main"]

#: Each command and its one-line summary (``--help`` lists them without importing them).
_COMMANDS = {
    "anniversaries": "the commemorations of a year with their counts",
    "events": "the year's congresses and elections, from the shipped list",
    "plan": "a plan's phases, commemorations and deadlines, as text, JSON or Word",
    "workdays": "days off and swapped working days of a year",
    "deadlines": "deadlines on working days from a rules file, with traces",
    "ics": "an iCalendar feed of a plan or a year, to subscribe to",
    "site": "a static site of feeds with a timeline page",
    "serve": "serve a feed site folder over HTTP",
    "web": "a web app for officers and a JSON API",
    "check": "find the mistakes in draft plans",
    "extract": "turn an old plan's text into a draft plan file",
    "renew": "write this year's plan from last year's, every change marked",
    "lunar": "the Vietnamese lunar calendar (UTC+7)",
    "provinces": "the provinces and cities before and after 1/7/2025, and their ids",
}


#: The summaries in Vietnamese, the language ``--help`` speaks by default.
_SUMMARIES_VI = {
    "anniversaries": "các ngày kỷ niệm trong năm, với số năm",
    "plan": "các đợt, ngày kỷ niệm và hạn của một kế hoạch, dạng văn bản, JSON hoặc Word",
    "workdays": "ngày nghỉ lễ, nghỉ bù và ngày làm việc hoán đổi trong năm",
    "deadlines": "các hạn rơi vào ngày làm việc, từ một tệp quy tắc, kèm cách tính",
    "ics": "lịch iCalendar của một kế hoạch hoặc một năm, để đăng ký trên điện thoại",
    "site": "một trang tĩnh gồm các lịch và dòng thời gian của năm",
    "serve": "phục vụ thư mục trang lịch qua HTTP",
    "check": "soát lỗi dự thảo kế hoạch",
    "extract": "chuyển văn bản kế hoạch cũ thành tệp kế hoạch nháp",
    "lunar": "âm lịch Việt Nam (UTC+7)",
    "events": "các sự kiện chính trị trong năm (đại hội, bầu cử)",
    "provinces": "các tỉnh, thành phố trước và sau 1/7/2025",
    "renew": "chuyển kế hoạch năm trước sang năm mới, đánh dấu mọi thay đổi",
    "web": "chạy ứng dụng web cho cán bộ và API JSON",
}


def _command_module(name: str) -> ModuleType:
    return importlib.import_module(f"thidua_calendar.cli.{name}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    _utf8_streams()
    arguments = sys.argv[1:] if argv is None else list(argv)
    set_lang(message_lang(arguments))
    parser = _parser(arguments)
    args = parser.parse_args(arguments)
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return 2
    try:
        settle_format(args)
        output = args.run(args)
        if getattr(args, "writes_itself", False):
            sys.stdout.write(output)
        else:
            emit(output, getattr(args, "output", None))
    except ThiduaCalendarError as error:
        lang = message_lang(arguments)
        print(f"{PROG}: {'lỗi' if lang == 'vi' else 'error'}: {error.message(lang)}",
              file=sys.stderr)
        return 2
    except CheckFailed:
        sys.stdout.flush()
        return 1
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: not an error of ours.
        sys.stderr.close()
        return 0
    return 0


def _utf8_streams() -> None:
    """Write UTF-8 whatever the console's encoding says (a Windows console in cp1258 or
    cp1252, ``PYTHONIOENCODING``, a redirect under a C locale): Vietnamese text must never
    end in ``UnicodeEncodeError``.  Errors stay strict; only the encoding changes."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if reconfigure is not None and encoding != "utf8":
            reconfigure(encoding="utf-8")


def message_lang(argv: Sequence[str]) -> str:
    """The language of messages for people: Vietnamese unless ``--lang en`` is given."""
    for position, argument in enumerate(argv):
        if argument == "--lang" and position + 1 < len(argv):
            return "en" if argv[position + 1] == "en" else "vi"
        if argument.startswith("--lang="):
            return "en" if argument == "--lang=en" else "vi"
    return "vi"


def _parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser; only the command being run gets its options.

    Declaring an option costs argparse a translation lookup and a formatter, which adds up
    to a noticeable share of a short command's run.  The other commands are declared with
    their help line only, so ``thidua-calendar --help`` still lists them all.
    """
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=say("Anniversaries, lunar dates and plans for Vietnamese emulation "
                        "movements.",
                        vi="Ngày kỷ niệm, âm lịch, ngày làm việc và kế hoạch cho phong trào thi "
                        "đua. Thêm --lang en để đọc tiếng Anh."),
        formatter_class=HelpFormatter,
    )
    commands = parser.add_subparsers(metavar=say("COMMAND", vi="LỆNH"))
    wanted = argv[0] if argv and argv[0] in _COMMANDS else None
    for name, summary in _COMMANDS.items():
        summary = say(summary, vi=_SUMMARIES_VI.get(name, summary))
        command = commands.add_parser(
            name, help=summary, description=summary, formatter_class=HelpFormatter
        )
        if wanted in (None, name):
            _command_module(name).add_options(command)
    return parser
