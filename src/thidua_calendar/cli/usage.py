"""The command line's own words in the user's language: help texts, and argparse's usage
lines and errors.

Every help text is written in English in the command's module and looked up here for its
Vietnamese form, ``help=say("…")`` (a test holds every one translated); :func:`set_lang`
chooses which one the parser is built with (Vietnamese unless ``--lang en``).  argparse
prints its own words ("usage:", "the following arguments are required") through a module
global ``_``; :func:`set_lang` points it at a table of their Vietnamese forms, so that a
mistyped command is answered in the user's language too.  Only the command line imports
this module.
"""

from __future__ import annotations

import argparse
import gettext

from thidua_calendar.cli.help_vi import HELP_VI

__all__ = ["say", "set_lang"]

_LANG = "vi"

#: argparse's messages (Python 3.11–3.13) in Vietnamese.
_ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "không hiểu các tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "not allowed with argument %s": "không dùng cùng với tham số %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn không rõ: %(option)s có thể là %(matches)s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
}
_ARGPARSE_VI_PLURAL = {
    ("expected %s argument", "expected %s arguments"): "cần %s giá trị",
}




def say(en: str, /, vi: str | None = None) -> str:
    """A help text in the language the command line speaks now: ``en`` itself, or its
    Vietnamese form (given, or from the table)."""
    if _LANG == "en":
        return en
    return vi if vi is not None else HELP_VI.get(en, en)


def _gettext_vi(message: str) -> str:
    return _ARGPARSE_VI.get(message, message)


def _ngettext_vi(singular: str, plural: str, count: int) -> str:
    return _ARGPARSE_VI_PLURAL.get((singular, plural), singular if count == 1 else plural)


def set_lang(lang: str, /) -> None:
    """Speak ``lang`` ("vi" or "en") in help texts and argparse's own messages."""
    global _LANG
    _LANG = "en" if lang == "en" else "vi"
    # argparse looks its words up through these module globals at the time it prints.
    vi = _LANG == "vi"
    argparse._ = _gettext_vi if vi else gettext.gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext_vi if vi else gettext.ngettext  # type: ignore[attr-defined]
