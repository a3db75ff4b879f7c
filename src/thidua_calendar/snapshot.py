"""Fingerprints of the built-in data files, which say whether a shipped snapshot is current.

The package ships validated snapshots of its YAML data (``_builtin_snapshot.json`` for the
catalog, ``_builtin_workdays.json`` for the holiday rules) so that a command need not import
pydantic.  A snapshot records the fingerprint of the text it was made from and is used only
while the file still has that fingerprint; ``scripts/snapshot_data.py`` refreshes both.
"""

from __future__ import annotations

import zlib

__all__ = ["fingerprint"]


def fingerprint(text: str, /) -> str:
    """Length and CRC-32 of a text: enough to notice an edit, and cheap to import.

    (hashlib loads OpenSSL, which costs more than the rest of a listing.)
    """
    data = text.encode("utf-8")
    return f"{len(data)}:{zlib.crc32(data):08x}"
