"""Catalogs: the built-in one and the user's files, as frozen :class:`Commemoration` objects.

This is the only module that reads catalog files.  Users add their own files (a province's
founding day, a school's) with :func:`load_catalog`; an id that a user file defines again is
an error unless the entry says ``override: true``.

Every file is validated with pydantic (:mod:`thidua_calendar.files.catalog_schema`).  The built-in
catalog is validated too, but once per release rather than once per run: importing pydantic
alone costs several times a whole command's run, so the package ships
``_builtin_snapshot.json``, the validated records of ``data/anniversaries.yaml`` together with
that file's length and CRC-32.  The snapshot is used only while both match; after any edit of the
YAML the loader validates the file itself (and ``scripts/snapshot_data.py`` refreshes the
snapshot; a test fails while it is stale).
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Mapping, Sequence
from typing import Any

from thidua_calendar.anniversaries import (
    Alternative,
    Commemoration,
    Origin,
    PrintedWith,
    Source,
)
from thidua_calendar.catalog import Catalog
from thidua_calendar.errors import CatalogError
from thidua_calendar.files.snapshot import fingerprint, read_builtin

__all__ = [
    "BUILTIN_CATALOG",
    "builtin_catalog",
    "commemoration_from_record",
    "load_catalog",
    "snapshot_json",
]

#: The name of the built-in catalog inside the package's ``data`` folder.
BUILTIN_CATALOG = "anniversaries.yaml"
_BUILTIN_PATH = f"<built-in>/{BUILTIN_CATALOG}"
_SNAPSHOT = "_builtin_snapshot.json"


class _Parsed:
    """A validated entry with the position it came from (internal; not a dataclass, whose
    creation costs more than this module's other work at start-up)."""

    __slots__ = ("entry", "line", "override", "path", "printed_with_line")

    def __init__(
        self, *, entry: Commemoration, override: bool, path: str, line: int,
        printed_with_line: int,
    ) -> None:
        self.entry = entry
        self.override = override
        self.path = path
        self.line = line
        self.printed_with_line = printed_with_line


def load_catalog(*paths: str | os.PathLike[str], builtin: bool = True) -> Catalog:
    """The built-in catalog (unless ``builtin=False``) extended by the files in ``paths``.

    Later files may replace an earlier entry only if the replacing entry says
    ``override: true``; any other repeated id is an error.  Raises
    :class:`~thidua_calendar.errors.CatalogError`.
    """
    parsed: list[_Parsed] = list(_builtin_parsed()) if builtin else []
    for path in paths:
        parsed = _merge(parsed, _parse_file(os.fspath(path)))
    catalog = Catalog(tuple(item.entry for item in parsed))
    for item in parsed:
        _check_printed_with(item, catalog)
    return catalog


def _check_printed_with(item: _Parsed, catalog: Catalog) -> None:
    """The partner exists, and following partners never comes back to the entry."""
    partner = item.entry.printed_with
    if partner is None:
        return
    if partner.id not in catalog:
        reason = f"printed_with names {partner.id!r}, which no loaded catalog defines"
    else:
        chain = [item.entry.id]
        following: PrintedWith | None = partner
        while following is not None and following.id not in chain:
            chain.append(following.id)
            following = catalog.get(following.id).printed_with
        if following is None:
            return
        reason = "printed_with goes round in a circle: " + " -> ".join([*chain, following.id])
    raise CatalogError(
        reason,
        path=item.path,
        line=item.printed_with_line,
        entry_id=item.entry.id,
        field="printed_with.id",
    )


@functools.cache
def builtin_catalog() -> Catalog:
    """The catalog shipped with the package, loaded once per process."""
    return load_catalog()


def commemoration_from_record(record: Mapping[str, Any], /) -> Commemoration:
    """The domain object of a validated catalog entry (a record as the file wrote it)."""
    origin = Origin.parse(str(record["origin"]))
    printed_with = record.get("printed_with")
    return Commemoration(
        id=record["id"],
        name=record["name"],
        name_en=record["name_en"],
        origin=origin,
        count=record.get("count") or ("years" if origin.year is not None else "none"),
        duration=record.get("duration", "day"),
        first_year=record.get("first_year"),
        class_by=record.get("class_by", "count"),
        tags=tuple(record["tags"]),
        printed_with=PrintedWith(**printed_with) if printed_with else None,
        with_can_chi=record.get("with_can_chi", False),
        leap_day=record.get("leap_day", "feb28"),
        note=record.get("note"),
        sources=_sources(record["sources"]),
        alternatives=tuple(
            Alternative(
                origin=Origin.parse(str(alt["origin"])),
                note=alt["note"],
                sources=_sources(alt["sources"]),
            )
            for alt in record.get("alternatives", ())
        ),
    )


def snapshot_json(yaml_text: str, /) -> str:
    """The snapshot of a built-in catalog text: its validated records and its fingerprint."""
    from thidua_calendar.files.catalog_schema import parse_catalog

    records = parse_catalog(yaml_text, _BUILTIN_PATH, builtin=True)
    snapshot = {
        "comment": "Generated by scripts/snapshot_data.py from data/anniversaries.yaml; "
        "do not edit.",
        "source_fingerprint": fingerprint(yaml_text),
        "entries": [
            {"line": r.line, "printed_with_line": r.printed_with_line, "entry": r.entry}
            for r in records
        ],
    }
    return json.dumps(snapshot, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _sources(items: Sequence[Mapping[str, str]]) -> tuple[Source, ...]:
    return tuple(Source(title=item["title"], url=item["url"]) for item in items)


@functools.cache
def _builtin_parsed() -> tuple[_Parsed, ...]:
    text, snapshot = read_builtin(BUILTIN_CATALOG, _SNAPSHOT)
    if snapshot is not None:
        records = [(item["entry"], item["line"], item["printed_with_line"])
                   for item in snapshot["entries"]]
    else:
        from thidua_calendar.files.catalog_schema import parse_catalog

        records = [(r.entry, r.line, r.printed_with_line)
                   for r in parse_catalog(text, _BUILTIN_PATH, builtin=True)]
    return tuple(
        _Parsed(
            entry=commemoration_from_record(entry),
            override=False,
            path=_BUILTIN_PATH,
            line=line,
            printed_with_line=printed_with_line,
        )
        for entry, line, printed_with_line in records
    )


def _merge(existing: list[_Parsed], added: Sequence[_Parsed]) -> list[_Parsed]:
    index = {item.entry.id: pos for pos, item in enumerate(existing)}
    merged = list(existing)
    for item in added:
        pos = index.get(item.entry.id)
        if pos is None:
            index[item.entry.id] = len(merged)
            merged.append(item)
        elif item.override:
            merged[pos] = item
        else:
            first = merged[pos]
            raise CatalogError(
                f"the id is already defined at {first.path}:{first.line}; "
                "add 'override: true' to the entry to replace it",
                vi=f"mã này đã có ở {first.path}:{first.line}; thêm 'override: true' vào mục "
                   "để thay thế mục đó",
                path=item.path,
                line=item.line,
                entry_id=item.entry.id,
                field="id",
            )
    return merged


def _parse_file(path: str) -> tuple[_Parsed, ...]:
    from thidua_calendar.files.catalog_schema import parse_catalog
    from thidua_calendar.files.yaml_input import read_text

    text = read_text(path, CatalogError)
    return tuple(
        _Parsed(
            entry=commemoration_from_record(record.entry),
            override=bool(record.entry.get("override", False)),
            path=path,
            line=record.line,
            printed_with_line=record.printed_with_line,
        )
        for record in parse_catalog(text, path)
    )
