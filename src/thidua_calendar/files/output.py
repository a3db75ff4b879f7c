"""Writing output files atomically: a temporary file in the same folder, then a rename.

A failed run never leaves a half-written file behind: either the old file stays, or the new
one is complete.  Every writer of the package goes through :func:`write_atomic` or, for a set
of files published together, :func:`write_temporary` then :func:`os.replace`.
"""

from __future__ import annotations

import os
import tempfile

from thidua_calendar.errors import UsageError

__all__ = ["write_atomic", "write_temporary"]


def write_temporary(path: str, data: str | bytes) -> str:
    """Write ``data`` to a new hidden temporary file beside ``path`` and return its name.

    Text is written as UTF-8 with the line ends it holds.  The file gets the mode a plain
    write would give (``mkstemp`` makes it private).  Raises :class:`OSError`; the temporary
    file is removed when the write fails.
    """
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(
        dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data.encode("utf-8") if isinstance(data, str) else data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
    except BaseException:
        os.unlink(temporary)
        raise
    return temporary


def write_atomic(path: str, data: str | bytes) -> None:
    """Replace ``path`` with ``data`` atomically; :class:`UsageError` says why it cannot."""
    try:
        temporary = write_temporary(path, data)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}") from None
    try:
        os.replace(temporary, path)
    except OSError as error:
        os.unlink(temporary)
        raise UsageError(f"cannot write {path}: {error.strerror}") from None
