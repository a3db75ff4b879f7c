"""Reading a file the user names, with one sentence when it cannot be read, in bounded time
and memory.

Light on purpose: :mod:`thidua_calendar.files.yaml_input` (which brings PyYAML and pydantic) and
:mod:`thidua_calendar.files.documents` (plain-text plans) both read their files through here.

An input must be a regular file (a FIFO, a device or a folder is refused before anything is
read, so a named pipe never blocks the run) no larger than :data:`LIMITS` allows.  The limits
are generous for what people write by hand; :func:`set_size_limit` raises them (the command
line does it from ``THIDUA_CALENDAR_MAX_INPUT_MB``, see docs/cli.md).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass

from thidua_calendar.errors import InputError

__all__ = ["LIMITS", "Limits", "open_regular", "read_bytes", "read_text", "set_size_limit"]

_MB = 1024 * 1024


@dataclass(slots=True, kw_only=True)
class Limits:
    """The bounds on inputs, in bytes (documented in docs/cli.md, "Limits")."""

    #: A plan, catalog, holiday announcement, deadline file or plain-text document.
    text: int = 5 * _MB
    #: A .docx file as stored (compressed).
    docx: int = 20 * _MB
    #: Each part of a .docx once decompressed (word/document.xml, styles, images...).
    docx_part: int = 20 * _MB
    #: How many times larger than its compressed size a .docx part may be; ordinary Word
    #: XML compresses 5 to 20 times, a zip bomb thousands of times.
    docx_ratio: int = 200


#: The limits in force; change them with :func:`set_size_limit`.
LIMITS = Limits()


def set_size_limit(megabytes: float) -> None:
    """Raise (or lower) every size limit to ``megabytes`` MiB at once."""
    size = int(megabytes * _MB)
    LIMITS.text = LIMITS.docx = LIMITS.docx_part = size


def _size_words(size: int) -> str:
    return f"{size / _MB:g} MB"


def too_large(what: str, limit: int) -> str:
    """The reason given for an input over a size limit."""
    return (f"{what} is larger than the limit of {_size_words(limit)}; "
            "set THIDUA_CALENDAR_MAX_INPUT_MB to raise it")


def too_large_vi(what: str, limit: int) -> str:
    """:func:`too_large` in Vietnamese."""
    return (f"{what} lớn hơn giới hạn {_size_words(limit)}; "
            "đặt biến môi trường THIDUA_CALENDAR_MAX_INPUT_MB để nâng giới hạn")


def open_regular(path: str, error: type[InputError], *, limit: int) -> int:
    """A file descriptor open for reading on ``path``, which must be a regular file no larger
    than ``limit`` bytes; ``error`` with one sentence otherwise.  The caller closes it."""
    try:
        # O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise error("no such file", vi="không có tệp này", path=path) from None
    except IsADirectoryError:
        raise error("this is a folder, not a file", vi="đây là thư mục, không phải tệp",
                    path=path) from None
    except OSError as problem:
        raise error(f"cannot read the file: {problem.strerror}",
                    vi=f"không đọc được tệp: {problem.strerror}", path=path) from None
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise error("this is a folder, not a file", vi="đây là thư mục, không phải tệp",
                        path=path)
        if not stat.S_ISREG(status.st_mode):
            raise error("this is not a regular file (a pipe, a device or a socket); "
                        "give a file saved on disk",
                        vi="đây không phải tệp thường (mà là ống, thiết bị hoặc socket); "
                        "hãy đưa một tệp lưu trên đĩa", path=path)
        if status.st_size > limit:
            raise error(too_large("the file", limit), vi=too_large_vi("tệp", limit), path=path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_bytes(path: str, error: type[InputError], *, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (see :func:`open_regular`)."""
    fd = open_regular(path, error, limit=limit)
    try:
        with os.fdopen(fd, "rb") as stream:
            data = stream.read(limit + 1)  # a file growing while read stays bounded
    except OSError as problem:
        raise error(f"cannot read the file: {problem.strerror}",
                    vi=f"không đọc được tệp: {problem.strerror}", path=path) from None
    if len(data) > limit:
        raise error(too_large("the file", limit), vi=too_large_vi("tệp", limit), path=path)
    return data


def read_text(path: str, error: type[InputError]) -> str:
    """The UTF-8 text of a file (a byte-order mark, as Windows editors write, is dropped), or
    ``error`` with one sentence on why it cannot be read."""
    data = read_bytes(path, error, limit=LIMITS.text)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = data.count(b"\n", 0, problem.start) + 1
        raise error(f"the file is not UTF-8 text ({problem.reason}); save it as UTF-8",
                    vi=f"tệp không phải văn bản UTF-8 ({problem.reason}); hãy lưu lại dạng "
                    "UTF-8", path=path, line=line) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise error("the file holds a NUL character: it is not a text file",
                    vi="tệp chứa ký tự NUL: đây không phải tệp văn bản", path=path, line=line)
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as open() in text mode
