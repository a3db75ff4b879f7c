"""Catalogs: the built-in one and the user's files, as frozen :class:`Commemoration` objects.

This is the only module that reads catalog files.  Users add their own files (a province's
founding day, a school's) with :func:`load_catalog`; an id that a user file defines again is
an error unless the entry says ``override: true``.

The built-in catalog is several files read in a fixed order: ``data/anniversaries.yaml`` (the
great national days and the days unions greet) and then ``data/catalog/*.yaml`` in name order
(history, kinds, leaders, sectors); an id may be defined in only one of them.  Kinds
(``kinds:``) may be defined in any catalog file, each tag once.

Every file is validated with pydantic (:mod:`thidua_calendar.files.catalog_schema`).  The built-in
catalog is validated too, but once per release rather than once per run: importing pydantic
alone costs several times a whole command's run, so the package ships
``_builtin_snapshot.json``, the validated records of the built-in files together with their
names, lengths and CRC-32 (:mod:`thidua_calendar.files.snapshot`).  The snapshot is used only
while they match; after any edit the loader validates the files themselves (and
``scripts/snapshot_data.py`` refreshes the snapshot; a test fails while it is stale).
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
from thidua_calendar.catalog import Catalog, Kind
from thidua_calendar.errors import CatalogError
from thidua_calendar.files.snapshot import data_folder, fingerprint_files, read_builtin_files

__all__ = [
    "BUILTIN_CATALOG",
    "builtin_catalog",
    "builtin_catalog_files",
    "commemoration_from_record",
    "load_catalog",
    "snapshot_json",
]

#: The first file of the built-in catalog inside the package's ``data`` folder.
BUILTIN_CATALOG = "anniversaries.yaml"
#: The folder (inside ``data``) of the other built-in catalog files.
BUILTIN_FOLDER = "catalog"
_SNAPSHOT = "_builtin_snapshot.json"


def builtin_catalog_files() -> tuple[str, ...]:
    """The built-in catalog's files, relative to ``data``, in the order they are read."""
    folder = os.path.join(data_folder(), BUILTIN_FOLDER)
    return (BUILTIN_CATALOG, *(f"{BUILTIN_FOLDER}/{name}" for name in sorted(os.listdir(folder))
                               if name.endswith(".yaml")))


def _builtin_path(name: str) -> str:
    return f"<built-in>/{name}"


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
    parsed: list[_Parsed] = []
    kinds: list[tuple[Kind, str, int]] = []
    if builtin:
        parsed, kinds = _builtin_parsed()
    for path in paths:
        entries, found = _parse_file(os.fspath(path))
        parsed = _merge(parsed, entries)
        kinds = _merge_kinds(kinds, found)
    catalog = Catalog(tuple(item.entry for item in parsed),
                      kinds=tuple(kind for kind, _, _ in kinds))
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


def snapshot_json(texts: Mapping[str, str], /) -> str:
    """The snapshot of the built-in catalog's texts (file name -> text, in reading order):
    their validated records and their fingerprint."""
    entries, kinds = _validate_builtin(texts)
    snapshot = {
        "comment": "Generated by scripts/snapshot_data.py from data/anniversaries.yaml and "
        "data/catalog/*.yaml; do not edit.",
        "source_fingerprint": fingerprint_files(texts),
        "entries": [
            {"file": name, "line": line, "printed_with_line": pw_line, "entry": entry}
            for entry, name, line, pw_line in entries
        ],
        "kinds": [{"file": name, "line": line, "kind": kind} for kind, name, line in kinds],
    }
    return json.dumps(snapshot, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


_EntryRow = tuple[dict[str, Any], str, int, int]
_KindRow = tuple[dict[str, Any], str, int]


def _validate_builtin(texts: Mapping[str, str]) -> tuple[list[_EntryRow], list[_KindRow]]:
    """Every built-in file validated; an id or a kind defined in two files is an error."""
    from thidua_calendar.files.catalog_schema import parse_catalog_file

    entries: list[_EntryRow] = []
    kinds: list[_KindRow] = []
    seen: dict[str, tuple[str, int]] = {}
    seen_kinds: dict[str, tuple[str, int]] = {}
    for name, text in texts.items():
        path = _builtin_path(name)
        records, kind_records = parse_catalog_file(text, path, builtin=True)
        for record in records:
            entry_id = record.entry["id"]
            if entry_id in seen:
                first = seen[entry_id]
                raise CatalogError(f"the id is already defined at {first[0]}:{first[1]}",
                                   vi=f"mã này đã được định nghĩa tại {first[0]}:{first[1]}",
                                   path=path, line=record.line, entry_id=entry_id, field="id")
            seen[entry_id] = (path, record.line)
            entries.append((record.entry, name, record.line, record.printed_with_line))
        for kind_record in kind_records:
            tag = kind_record.kind["tag"]
            if tag in seen_kinds:
                first = seen_kinds[tag]
                raise CatalogError(f"the kind {tag!r} is already defined at {first[0]}:"
                                   f"{first[1]}",
                                   vi=f"loại “{tag}” đã được định nghĩa tại {first[0]}:{first[1]}",
                                   path=path, line=kind_record.line, field="tag")
            seen_kinds[tag] = (path, kind_record.line)
            kinds.append((kind_record.kind, name, kind_record.line))
    return entries, kinds


def _sources(items: Sequence[Mapping[str, str]]) -> tuple[Source, ...]:
    return tuple(Source(title=item["title"], url=item["url"]) for item in items)


def _builtin_parsed() -> tuple[list[_Parsed], list[tuple[Kind, str, int]]]:
    parsed, kinds = _builtin_records()
    return list(parsed), list(kinds)


@functools.cache
def _builtin_records() -> tuple[tuple[_Parsed, ...], tuple[tuple[Kind, str, int], ...]]:
    texts, snapshot = read_builtin_files(builtin_catalog_files(), _SNAPSHOT)
    if snapshot is not None:
        entries = [(item["entry"], item["file"], item["line"], item["printed_with_line"])
                   for item in snapshot["entries"]]
        kinds = [(item["kind"], item["file"], item["line"]) for item in snapshot["kinds"]]
    else:
        entries, kinds = _validate_builtin(texts)
    parsed = tuple(
        _Parsed(
            entry=commemoration_from_record(entry),
            override=False,
            path=_builtin_path(name),
            line=line,
            printed_with_line=printed_with_line,
        )
        for entry, name, line, printed_with_line in entries
    )
    return parsed, tuple((Kind(**kind), _builtin_path(name), line) for kind, name, line in kinds)


def _merge_kinds(
    existing: list[tuple[Kind, str, int]], added: Sequence[tuple[Kind, str, int]]
) -> list[tuple[Kind, str, int]]:
    seen = {kind.tag: (path, line) for kind, path, line in existing}
    for kind, path, line in added:
        if kind.tag in seen:
            first = seen[kind.tag]
            raise CatalogError(f"the kind {kind.tag!r} is already defined at {first[0]}:"
                               f"{first[1]}",
                               vi=f"loại “{kind.tag}” đã được định nghĩa tại {first[0]}:{first[1]}",
                               path=path, line=line, field="tag")
        seen[kind.tag] = (path, line)
    return [*existing, *added]


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


def _parse_file(path: str) -> tuple[tuple[_Parsed, ...], tuple[tuple[Kind, str, int], ...]]:
    from thidua_calendar.files.catalog_schema import parse_catalog_file
    from thidua_calendar.files.yaml_input import read_text

    text = read_text(path, CatalogError)
    records, kinds = parse_catalog_file(text, path)
    return tuple(
        _Parsed(
            entry=commemoration_from_record(record.entry),
            override=bool(record.entry.get("override", False)),
            path=path,
            line=record.line,
            printed_with_line=record.printed_with_line,
        )
        for record in records
    ), tuple((Kind(**item.kind), path, item.line) for item in kinds)
