"""Writing output files atomically: a temporary file in the same folder, then a rename.

A failed run never leaves a half-written file behind: either the old file stays, or the new
one is complete.  Every writer of the package goes through :func:`write_atomic` or, for a set
of files published together, :func:`write_temporary` then :func:`os.replace`.

What is already there is respected (docs/cli.md, "Writing files"):

- a path that is a symlink is written *through*: the file it points to is replaced
  atomically and the link stays a link;
- an existing file keeps its permission bits (a 0600 file stays 0600); a new file gets the
  mode a plain write would give (0666 less the umask);
- a device, a FIFO, a socket or a folder is never replaced, nor is one of the command's own
  input files (``plan p.yaml -o p.yaml``);
- the temporary file (``.NAME.PID.N.tmp`` beside the target) is removed when the write
  fails, on Ctrl-C (``SIGINT``) and on ``SIGTERM``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress

from thidua_calendar.errors import UsageError

__all__ = ["Terminated", "target_of", "terminating", "write_atomic", "write_temporary"]


class Terminated(BaseException):
    """``SIGTERM`` arrived during a write: unwinds like :class:`KeyboardInterrupt`, so that
    ``finally`` clauses remove temporary files."""


@contextmanager
def terminating() -> Iterator[None]:
    """While inside, ``SIGTERM`` raises :class:`Terminated` (in the main thread, when no
    other handler is installed); outside, the previous handler is back."""
    import signal
    import threading

    previous = None
    if threading.current_thread() is threading.main_thread():
        try:
            if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
                previous = signal.signal(signal.SIGTERM, _raise_terminated)
        except (ValueError, OSError, AttributeError):
            previous = None
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


def target_of(path: str) -> str:
    """The file a write to ``path`` replaces: ``path`` itself, or what its symlinks point to."""
    return os.path.realpath(path) if os.path.islink(path) else path


def write_temporary(path: str, data: str | bytes, *, mode: int | None = None) -> str:
    """Write ``data`` to a new hidden temporary file beside ``path`` and return its name.

    Text is written as UTF-8 with the line ends it holds.  The file gets ``mode``, or the
    mode a plain write would give.  Raises :class:`OSError`; the temporary file is removed
    when the write fails or is interrupted.
    """
    folder = os.path.dirname(os.path.abspath(path))
    base = os.path.basename(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    attempt = 0
    while True:
        temporary = os.path.join(folder, f".{base}.{os.getpid()}.{attempt}.tmp")
        try:
            fd = os.open(temporary, flags, 0o666)
        except FileExistsError:
            attempt += 1
            continue
        break
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data.encode("utf-8") if isinstance(data, str) else data)
        if mode is not None:
            os.chmod(temporary, mode)
    except BaseException:
        _remove(temporary)
        raise
    return temporary


def _remove(path: str) -> None:
    with suppress(OSError):
        os.unlink(path)


def write_atomic(path: str, data: str | bytes, *, inputs: Iterable[str] = ()) -> None:
    """Replace ``path`` with ``data`` atomically; :class:`UsageError` says why it cannot.

    ``inputs`` are the files the output was made from: ``path`` may not be one of them.
    """
    target = target_of(path)
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}") from None
    if status is not None:
        if stat.S_ISDIR(status.st_mode):
            raise UsageError(f"cannot write {path}: it is a folder; name a file")
        if not stat.S_ISREG(status.st_mode):
            raise UsageError(f"will not write over {path}: it is a device, a pipe or a "
                             "socket, not a file; leave out -o to write to the standard "
                             "output")
        for source in inputs:
            try:
                same = os.path.samefile(source, target)
            except OSError:
                continue
            if same:
                raise UsageError(f"will not write over {path}: it is an input of this "
                                 "command; write the output to another file")
    mode = stat.S_IMODE(status.st_mode) if status is not None else None
    with terminating():
        try:
            temporary = write_temporary(target, data, mode=mode)
        except OSError as error:
            raise UsageError(f"cannot write {path}: {error.strerror}") from None
        try:
            os.replace(temporary, target)
        except BaseException as error:
            _remove(temporary)
            if isinstance(error, OSError):
                raise UsageError(f"cannot write {path}: {error.strerror}") from None
            raise
