"""Fingerprints of the built-in data files, which say whether a shipped snapshot is current.

The package ships validated snapshots of its YAML data (``_builtin_snapshot.json`` for the
catalog, ``_builtin_workdays.json`` for the holiday rules) so that a command need not import
pydantic.  A snapshot records the fingerprint of the text it was made from and is used only
while the file still has that fingerprint; ``scripts/snapshot_data.py`` refreshes them.

This is the one snapshot mechanism of the package: a snapshot may be made from several files
(the built-in catalog is ``data/anniversaries.yaml`` and ``data/catalog/*.yaml``); its
fingerprint then covers each file's name and text, so that editing, adding or removing any of
them makes it stale.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["data_folder", "fingerprint", "fingerprint_files", "read_builtin", "read_builtin_files"]


def fingerprint(text: str, /) -> str:
    """Length and CRC-32 of a text: enough to notice an edit, and cheap to import.

    (hashlib loads OpenSSL, which costs more than the rest of a listing.)
    """
    data = text.encode("utf-8")
    return f"{len(data)}:{zlib.crc32(data):08x}"


def fingerprint_files(texts: Mapping[str, str], /) -> str:
    """The fingerprint of several files: their names and texts, in the order given."""
    if len(texts) == 1:
        (text,) = texts.values()
        return fingerprint(text)
    return fingerprint("".join(f"{name}\0{text}\0" for name, text in texts.items()))


def data_folder() -> str:
    """The package's ``data`` folder (a link to the repository's ``data/`` in a checkout)."""
    # The package's own folder, not importlib.resources or pathlib: importing those costs
    # more than reading the files, and the package is always installed as files.
    return os.path.join(os.path.dirname(os.path.dirname(__file__)), "data")


def read_builtin_files(
    data_names: Sequence[str], snapshot_name: str, /
) -> tuple[dict[str, str], Any | None]:
    """The texts of ``data/<name>`` for each name, and their snapshot's content, or ``None``
    for the content when the snapshot was made from other texts (the caller then validates)."""
    folder = data_folder()
    texts = {}
    for name in data_names:
        with open(os.path.join(folder, name), encoding="utf-8") as stream:
            texts[name] = stream.read()
    with open(os.path.join(os.path.dirname(folder), snapshot_name), encoding="utf-8") as stream:
        snapshot = json.load(stream)
    if snapshot["source_fingerprint"] != fingerprint_files(texts):
        return texts, None
    return texts, snapshot


def read_builtin(data_name: str, snapshot_name: str, /) -> tuple[str, Any | None]:
    """The text of ``data/<data_name>`` and its snapshot's content, or ``None`` for the
    content when the snapshot was made from another text (the caller then validates)."""
    texts, snapshot = read_builtin_files((data_name,), snapshot_name)
    return texts[data_name], snapshot
