"""Reading a text file the user names, with one sentence when it cannot be read.

Light on purpose: :mod:`thidua_calendar.files.yaml_input` (which brings PyYAML and pydantic) and
:mod:`thidua_calendar.files.documents` (plain-text plans) both read their files through here.
"""

from __future__ import annotations

from thidua_calendar.errors import InputError

__all__ = ["read_text"]


def read_text(path: str, error: type[InputError]) -> str:
    """The UTF-8 text of a file (a byte-order mark, as Windows editors write, is dropped), or
    ``error`` with one sentence on why it cannot be read."""
    try:
        with open(path, encoding="utf-8-sig") as stream:
            return stream.read()
    except FileNotFoundError:
        raise error("no such file", path=path) from None
    except IsADirectoryError:
        raise error("this is a folder, not a file", path=path) from None
    except UnicodeDecodeError as problem:
        raise error(f"the file is not UTF-8 text ({problem.reason})", path=path) from None
    except OSError as problem:
        raise error(f"cannot read the file: {problem.strerror}", path=path) from None
