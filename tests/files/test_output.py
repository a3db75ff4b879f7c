"""The one atomic writer: a temporary file, flushed to disk, then renamed over the target."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from thidua_calendar.errors import UsageError
from thidua_calendar.files.output import write_atomic, write_temporary


def test_write_atomic_replaces_the_file_with_text_or_bytes(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    write_atomic(target, "mới\r\n")
    assert target.read_bytes() == "mới\r\n".encode()
    write_atomic(str(target), b"\x00bytes")
    assert target.read_bytes() == b"\x00bytes"
    assert [path.name for path in tmp_path.iterdir()] == ["out.txt"]


def test_the_temporary_file_is_flushed_to_disk_before_the_rename(tmp_path, monkeypatch):
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace",
                        lambda a, b: (calls.append("replace"), real_replace(a, b))[1])
    write_atomic(tmp_path / "out.txt", "data")
    assert calls == ["fsync", "replace"]


def test_the_mode_follows_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "out.txt", "data")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.txt").stat().st_mode) == 0o640


def test_a_leftover_temporary_file_is_stepped_over(tmp_path):
    leftover = tmp_path / f".out.txt.{os.getpid()}.0.tmp"
    leftover.write_bytes(b"from a killed run")
    temporary = write_temporary(tmp_path / "out.txt", "new")
    assert os.path.basename(temporary) == f".out.txt.{os.getpid()}.1.tmp"
    assert leftover.read_bytes() == b"from a killed run"
    os.unlink(temporary)


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def full_disk(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(UsageError, match=f"cannot write .*out.txt: {os.strerror(errno.ENOSPC)}"):
        write_atomic(target, "new")
    assert [path.name for path in tmp_path.iterdir()] == ["out.txt"]
    assert target.read_text(encoding="utf-8") == "old"


def test_a_failed_rename_removes_the_temporary_file(tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    (folder / "inside").write_text("keeps the folder from being replaced", encoding="utf-8")
    with pytest.raises(UsageError, match="cannot write"):
        write_atomic(folder, "data")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a-folder"]
