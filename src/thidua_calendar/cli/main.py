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
from typing import TextIO

from thidua_calendar.cli.options import (
    PROG,
    CheckFailed,
    HelpFormatter,
    emit,
    input_files,
    settle_format,
)
from thidua_calendar.cli.usage import say, set_lang
from thidua_calendar.errors import ThiduaCalendarError
from thidua_calendar.files.output import Terminated, terminating

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
    """Run the command line; returns the exit status.

    0 done; 1 ``check`` found errors; 2 the input or the options are wrong, or the output
    cannot be written (one sentence on stderr, no traceback); 130 interrupted (Ctrl-C);
    143 terminated (``SIGTERM``).  Temporary files are removed in every case.
    """
    _utf8_streams()
    with terminating():
        return _main(sys.argv[1:] if argv is None else list(argv))


def _main(arguments: list[str]) -> int:
    set_lang(message_lang(arguments))
    try:
        _input_limits()
        parser = _parser(arguments)
        args = parser.parse_args(arguments)
        if not hasattr(args, "run"):
            parser.print_help(sys.stderr)
            return 2
        settle_format(args)
        output = args.run(args)
        if getattr(args, "writes_itself", False):
            _stdout().write(output)
        else:
            emit(output, getattr(args, "output", None), inputs=input_files(args))
        if sys.stdout is not None:
            sys.stdout.flush()
    except ThiduaCalendarError as error:
        return _fail(arguments, error.message(message_lang(arguments)))
    except CheckFailed:
        _flush_quietly()
        return 1
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: not an error of ours.
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        _silence_stdout()
        _say(f"{PROG}: " + ("đã dừng" if message_lang(arguments) == "vi" else "interrupted"))
        return 130
    except Terminated:
        _silence_stdout()
        return 143
    except UnicodeEncodeError as error:
        _silence_stdout()
        return _fail(arguments,
                     f"the console's encoding ({error.encoding}) cannot show this text; "
                     "set PYTHONIOENCODING=utf-8, or write to a file with -o FILE",
                     f"bảng mã của cửa sổ lệnh ({error.encoding}) không hiện được chữ này; "
                     "đặt PYTHONIOENCODING=utf-8, hoặc ghi ra tệp bằng -o TỆP")
    except OSError as error:  # writing stdout: a full disk, a closed or broken stream
        _silence_stdout()
        reason = error.strerror or str(error)
        reason_vi = ("đầu ra chuẩn đã đóng; dùng -o TỆP" if reason.startswith("standard output")
                     else reason)
        return _fail(arguments, f"cannot write the output: {reason}",
                     f"không ghi được kết quả: {reason_vi}")
    except RecursionError:
        return _fail(arguments, "the input is nested too deeply to read",
                     "đầu vào lồng nhau quá sâu, không đọc được")
    except MemoryError:
        return _fail(arguments, "not enough memory for this input",
                     "không đủ bộ nhớ cho đầu vào này")
    except Exception as error:  # a bug: still one sentence, the traceback on request
        import os

        if os.environ.get("THIDUA_CALENDAR_DEBUG"):
            raise
        return _fail(arguments,
                     f"internal error ({type(error).__name__}: {error}); please report it "
                     "with the input that caused it (THIDUA_CALENDAR_DEBUG=1 shows where)",
                     f"lỗi nội bộ ({type(error).__name__}: {error}); xin báo lỗi kèm đầu vào "
                     "gây ra nó (THIDUA_CALENDAR_DEBUG=1 cho biết chỗ lỗi)")
    return 0


def _input_limits() -> None:
    """``THIDUA_CALENDAR_MAX_INPUT_MB`` raises the input size limits (docs/cli.md)."""
    import os

    value = os.environ.get("THIDUA_CALENDAR_MAX_INPUT_MB")
    if value is None or not value.strip():
        return
    from thidua_calendar.errors import UsageError
    from thidua_calendar.files.input import set_size_limit

    try:
        megabytes = float(value)
    except ValueError:
        megabytes = -1.0
    if not 0 < megabytes <= 1_000_000:
        raise UsageError(f"THIDUA_CALENDAR_MAX_INPUT_MB={value!r} is not a size in megabytes "
                         "such as 50",
                         vi=f"THIDUA_CALENDAR_MAX_INPUT_MB={value!r} không phải một cỡ tính "
                         "bằng MB, ví dụ 50")
    set_size_limit(megabytes)


def _stdout() -> TextIO:
    if sys.stdout is None:
        raise OSError(9, "standard output is closed; use -o FILE")
    return sys.stdout


def _say(message: str) -> None:
    if sys.stderr is not None:
        try:
            print(message, file=sys.stderr)
            sys.stderr.flush()
        except (OSError, ValueError):
            pass


def _fail(arguments: Sequence[str], message: str, vi: str | None = None) -> int:
    """One sentence on stderr, in the language asked for; exit status 2."""
    if message_lang(arguments) == "vi":
        _say(f"{PROG}: lỗi: {vi or message}")
    else:
        _say(f"{PROG}: error: {message}")
    return 2


def _flush_quietly() -> None:
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError):
        _silence_stdout()


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush of what could
    not be written does not print a traceback at exit."""
    import os

    try:
        if sys.stdout is None:
            return
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


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
