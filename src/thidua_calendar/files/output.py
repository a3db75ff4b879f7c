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


def write_temporary(path: str | os.PathLike[str], data: str | bytes, *,
                    mode: int | None = None) -> str:
    """Write ``data`` to a new hidden file beside ``path``, fsync it, and return its name.

    Text is written as UTF-8 with the line ends it holds.  The file is named
    ``.{name}.{pid}.{n}.tmp`` in ``path``'s folder; it gets ``mode``, or the mode a plain
    write would give (the umask's).  Raises :class:`OSError`; the temporary file is removed
    when the write fails or is interrupted.
    """
    folder, base = os.path.split(os.path.abspath(os.fspath(path)))
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    attempt = 0
    while True:
        temporary = os.path.join(folder, f".{base}.{os.getpid()}.{attempt}.tmp")
        try:
            fd = os.open(temporary, flags, 0o666)
        except FileExistsError:  # left by a run that was killed, or another thread's
            attempt += 1
            continue
        break
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data.encode("utf-8") if isinstance(data, str) else data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
    except BaseException:
        _remove(temporary)
        raise
    return temporary


def _remove(path: str) -> None:
    with suppress(OSError):
        os.unlink(path)


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *,
                 inputs: Iterable[str] = ()) -> None:
    """Replace ``path`` with ``data`` atomically; :class:`UsageError` says why it cannot.

    ``inputs`` are the files the output was made from: ``path`` may not be one of them.
    """
    path = os.fspath(path)
    target = target_of(path)
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise _cannot_write(path, error) from None
    if status is not None:
        if stat.S_ISDIR(status.st_mode):
            raise UsageError(f"cannot write {path}: it is a folder; name a file",
                             vi=f"không ghi được {path}: đây là một thư mục; hãy ghi tên tệp")
        if not stat.S_ISREG(status.st_mode):
            raise UsageError(f"will not write over {path}: it is a device, a pipe or a "
                             "socket, not a file; leave out -o to write to the standard "
                             "output",
                             vi=f"không ghi đè {path}: đó là thiết bị, ống hoặc socket, "
                             "không phải tệp; bỏ -o để ghi ra đầu ra chuẩn")
        for source in inputs:
            try:
                same = os.path.samefile(source, target)
            except OSError:
                continue
            if same:
                raise UsageError(f"will not write over {path}: it is an input of this "
                                 "command; write the output to another file",
                                 vi=f"không ghi đè {path}: đó là tệp đầu vào của lệnh này; "
                                 "hãy ghi kết quả ra tệp khác")
    mode = stat.S_IMODE(status.st_mode) if status is not None else None
    with terminating():
        try:
            temporary = write_temporary(target, data, mode=mode)
        except OSError as error:
            raise _cannot_write(path, error) from None
        try:
            os.replace(temporary, target)
        except BaseException as error:
            _remove(temporary)
            if isinstance(error, OSError):
                raise _cannot_write(path, error) from None
            raise


def _cannot_write(path: str, error: OSError) -> UsageError:
    return UsageError(f"cannot write {path}: {error.strerror}",
                      vi=f"không ghi được {path}: {error.strerror}")
