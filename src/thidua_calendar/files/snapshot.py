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
    return _fingerprint(text.encode("utf-8"))


def _fingerprint(data: bytes) -> str:
    return f"{len(data)}:{zlib.crc32(data):08x}"


def fingerprint_files(texts: Mapping[str, str], /) -> str:
    """The fingerprint of several files: their names and texts, in the order given."""
    return _fingerprint_data({name: text.encode("utf-8") for name, text in texts.items()})


def _fingerprint_data(data: Mapping[str, bytes]) -> str:
    if len(data) == 1:
        (only,) = data.values()
        return _fingerprint(only)
    return _fingerprint(b"".join(name.encode("utf-8") + b"\0" + part + b"\0"
                                 for name, part in data.items()))


def data_folder() -> str:
    """The package's ``data`` folder (a link to the repository's ``data/`` in a checkout)."""
    # The package's own folder, not importlib.resources or pathlib: importing those costs
    # more than reading the files, and the package is always installed as files.
    return os.path.join(os.path.dirname(os.path.dirname(__file__)), "data")


def read_builtin_files(
    data_names: Sequence[str], snapshot_name: str, /
) -> tuple[dict[str, str], Any | None]:
    """The snapshot's content when it was made from the present ``data/<name>`` files, with
    no texts (``{}``: the caller needs none); otherwise the files' texts and ``None`` (the
    caller then validates them).

    The files are fingerprinted as bytes and decoded only when the snapshot is stale:
    decoding a few hundred kilobytes of Vietnamese text costs more than the rest of loading.
    """
    folder = data_folder()
    data = {}
    for name in data_names:
        with open(os.path.join(folder, name), "rb") as stream:
            raw = stream.read()
        # Text mode reads \r\n as \n (as the snapshot script does): so does the fingerprint.
        data[name] = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n") if b"\r" in raw else raw
    with open(os.path.join(os.path.dirname(folder), snapshot_name), "rb") as stream:
        snapshot = json.loads(stream.read())
    if snapshot["source_fingerprint"] == _fingerprint_data(data):
        return {}, snapshot
    return {name: raw.decode("utf-8") for name, raw in data.items()}, None


def read_builtin(data_name: str, snapshot_name: str, /) -> tuple[str, Any | None]:
    """The snapshot's content of ``data/<data_name>`` (with an empty text: the caller needs
    none), or the file's text and ``None`` when the snapshot was made from another text (the
    caller then validates)."""
    texts, snapshot = read_builtin_files((data_name,), snapshot_name)
    return texts.get(data_name, ""), snapshot
