"""Fingerprints of the built-in data files, which say whether a shipped snapshot is current.

The package ships validated snapshots of its YAML data (``_builtin_snapshot.json`` for the
catalog, ``_builtin_workdays.json`` for the holiday rules) so that a command need not import
pydantic.  A snapshot records the fingerprint of the text it was made from and is used only
while the file still has that fingerprint; ``scripts/snapshot_data.py`` refreshes both.
"""

from __future__ import annotations

import json
import os
import zlib
from typing import Any

__all__ = ["fingerprint", "read_builtin"]


def fingerprint(text: str, /) -> str:
    """Length and CRC-32 of a text: enough to notice an edit, and cheap to import.

    (hashlib loads OpenSSL, which costs more than the rest of a listing.)
    """
    data = text.encode("utf-8")
    return f"{len(data)}:{zlib.crc32(data):08x}"


def read_builtin(data_name: str, snapshot_name: str, /) -> tuple[str, Any | None]:
    """The text of ``data/<data_name>`` and its snapshot's content, or ``None`` for the
    content when the snapshot was made from another text (the caller then validates)."""
    # The package's own folder, not importlib.resources or pathlib: importing those costs
    # more than reading both files, and the package is always installed as files.
    package = os.path.dirname(os.path.dirname(__file__))
    with open(os.path.join(package, "data", data_name), encoding="utf-8") as stream:
        text = stream.read()
    with open(os.path.join(package, snapshot_name), encoding="utf-8") as stream:
        snapshot = json.load(stream)
    if snapshot["source_fingerprint"] != fingerprint(text):
        return text, None
    return text, snapshot
