"""Writing output files atomically: a temporary file in the same folder, then a rename.

A failed run never leaves a half-written file behind: either the old file stays, or the new
one is complete.  Every writer of the package goes through :func:`write_atomic` or, for a set
of files published together (the feed site), :func:`write_temporary` for each file and then
:func:`os.replace` for each, so that one failed write leaves all the old files in place.

The one fsync policy: the temporary file is flushed to disk (``fsync``) before it is renamed.
Without it, a power cut soon after the rename can leave the *new name* pointing at an empty
or partial file on file systems that delay writing data (ext4's delayed allocation, XFS):
the rename reaches the disk before the bytes do.  The folder is not fsynced after the
rename: a crash may then undo the rename, which leaves the old file, complete; the next run
writes it again.  One fsync per file is the whole cost, paid only for files that change.

The temporary file is created with ``O_EXCL`` and mode ``0o666``, so its mode follows the
umask as a plain write's would (no process-wide ``umask`` juggling, no ``tempfile`` import at
start-up: :mod:`thidua_calendar.cli.options` imports this module).
"""

from __future__ import annotations

import os

from thidua_calendar.errors import UsageError

__all__ = ["write_atomic", "write_temporary"]

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_temporary(path: str | os.PathLike[str], data: str | bytes) -> str:
    """Write ``data`` to a new hidden file beside ``path``, fsync it, and return its name.

    Text is written as UTF-8 with the line ends it holds.  The file is named
    ``.{name}.{pid}.{n}.tmp`` in ``path``'s folder; its mode follows the umask.  Raises
    :class:`OSError`; the temporary file is removed when the write fails.
    """
    path = os.fspath(path)
    folder, name = os.path.split(os.path.abspath(path))
    attempt = 0
    while True:
        temporary = os.path.join(folder, f".{name}.{os.getpid()}.{attempt}.tmp")
        try:
            handle = os.open(temporary, _FLAGS, 0o666)
        except FileExistsError:  # left by a run that was killed, or another thread's
            attempt += 1
            continue
        break
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data.encode("utf-8") if isinstance(data, str) else data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        os.unlink(temporary)
        raise
    return temporary


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Replace ``path`` with ``data`` atomically; :class:`UsageError` says why it cannot."""
    try:
        temporary = write_temporary(path, data)
    except OSError as error:
        raise UsageError(f"cannot write {os.fspath(path)}: {error.strerror}") from None
    try:
        os.replace(temporary, path)
    except OSError as error:
        os.unlink(temporary)
        raise UsageError(f"cannot write {os.fspath(path)}: {error.strerror}") from None
