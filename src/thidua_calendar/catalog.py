"""Catalog files: YAML -> validated models -> frozen :class:`Commemoration` objects.

This is the only module that reads catalog files.  The built-in catalog
(``data/anniversaries.yaml``, shipped inside the package) is read and validated once per
process; users add their own files (a province's founding day, a school's) with
:func:`load_catalog`.  An id that a user file defines again is an error unless the entry
says ``override: true``.

Every problem becomes one :class:`~thidua_calendar.errors.CatalogError` whose message names
the file, the line, the entry id and the field.  The format is documented field by field
in ``docs/catalog.md``.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from thidua_calendar.anniversaries import (
    Alternative,
    ClassBy,
    Commemoration,
    CountStyle,
    Duration,
    LeapDay,
    Origin,
    PrintedWith,
    Source,
)
from thidua_calendar.errors import CatalogError, UnknownEntryError

__all__ = ["BUILTIN_CATALOG", "Catalog", "builtin_catalog", "load_catalog"]

#: The name of the built-in catalog inside the package's ``data`` folder.
BUILTIN_CATALOG = "anniversaries.yaml"

_Text = Annotated[str, Field(min_length=1)]
_Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
_Url = Annotated[str, Field(pattern=r"^https?://\S+$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class _SourceModel(_Model):
    title: _Text
    url: _Url


def _origin(value: object) -> Origin:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # an unquoted year: `origin: 1943`
    if not isinstance(value, str):
        raise ValueError(
            f"origin must be a quoted string such as \"1929-07-28\" or \"AL 03-10\", not {value!r}"
        )
    return Origin.parse(value)


class _AlternativeModel(_Model):
    origin: Origin
    note: _Text
    sources: list[_SourceModel] = Field(min_length=1)

    @field_validator("origin", mode="plain")
    @classmethod
    def _parse_origin(cls, value: object) -> Origin:
        return _origin(value)


class _PrintedWithModel(_Model):
    id: _Id
    joiner: _Text = "và"
    joiner_en: _Text = "and"


class _EntryModel(_Model):
    id: _Id
    name: _Text
    name_en: _Text
    origin: Origin
    count: CountStyle | None = None
    duration: Duration = "day"
    first_year: int | None = None
    class_by: ClassBy = "count"
    tags: list[_Id] = Field(min_length=1)
    printed_with: _PrintedWithModel | None = None
    with_can_chi: bool = False
    leap_day: LeapDay = "feb28"
    note: _Text | None = None
    sources: list[_SourceModel] = Field(min_length=1)
    alternatives: list[_AlternativeModel] = []
    override: bool = False

    @field_validator("origin", mode="plain")
    @classmethod
    def _parse_origin(cls, value: object) -> Origin:
        return _origin(value)

    def inconsistency(self) -> tuple[str, str] | None:
        """The first field that contradicts another one, with the reason, or ``None``."""
        has_base = self.origin.year is not None
        if self.count in ("years", "edition") and not has_base:
            return "count", f"count {self.count!r} needs an origin with a base year"
        if self.duration == "month" and (
            self.origin.calendar != "solar" or self.origin.precision != "month"
        ):
            return "duration", "duration 'month' needs a month-precision origin such as \"2012-05\""
        if self.first_year is not None and has_base and self.first_year < (self.origin.year or 0):
            return "first_year", f"first_year {self.first_year} is before the origin {self.origin}"
        if self.printed_with is not None and self.printed_with.id == self.id:
            return "printed_with", "printed_with names the entry itself"
        return None

    def to_domain(self) -> Commemoration:
        count = self.count or ("years" if self.origin.year is not None else "none")
        return Commemoration(
            id=self.id,
            name=self.name,
            name_en=self.name_en,
            origin=self.origin,
            count=count,
            duration=self.duration,
            first_year=self.first_year,
            class_by=self.class_by,
            tags=tuple(self.tags),
            printed_with=(
                PrintedWith(**self.printed_with.model_dump()) if self.printed_with else None
            ),
            with_can_chi=self.with_can_chi,
            leap_day=self.leap_day,
            note=self.note,
            sources=_sources(self.sources),
            alternatives=tuple(
                Alternative(origin=alt.origin, note=alt.note, sources=_sources(alt.sources))
                for alt in self.alternatives
            ),
        )


class _FileModel(_Model):
    entries: list[dict[str, Any]]


def _sources(models: Iterable[_SourceModel]) -> tuple[Source, ...]:
    return tuple(Source(title=m.title, url=m.url) for m in models)


@dataclass(frozen=True, slots=True)
class Catalog:
    """An ordered, read-only collection of commemorations with lookup by id."""

    entries: tuple[Commemoration, ...]
    _by_id: Mapping[str, Commemoration] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {entry.id: entry for entry in self.entries})

    def __iter__(self) -> Iterator[Commemoration]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def get(self, entry_id: str, /) -> Commemoration:
        """The entry with this id; :class:`UnknownEntryError` names close ids if none."""
        try:
            return self._by_id[entry_id]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(entry_id, self._by_id, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UnknownEntryError(f"no catalog entry has the id {entry_id!r}{hint}") from None

    def tags(self) -> tuple[str, ...]:
        """Every tag used, sorted."""
        return tuple(sorted({tag for entry in self.entries for tag in entry.tags}))


@dataclass(frozen=True, slots=True)
class _Parsed:
    """A validated entry with the position it came from."""

    entry: Commemoration
    override: bool
    path: str
    line: int
    printed_with_line: int


def load_catalog(*paths: str | Path, builtin: bool = True) -> Catalog:
    """The built-in catalog (unless ``builtin=False``) extended by the files in ``paths``.

    Later files may replace an earlier entry only if the replacing entry says
    ``override: true``; any other repeated id is an error.  Raises
    :class:`~thidua_calendar.errors.CatalogError`.
    """
    parsed: list[_Parsed] = list(_builtin_parsed()) if builtin else []
    for path in paths:
        parsed = _merge(parsed, _parse_file(Path(path)))
    catalog = Catalog(tuple(item.entry for item in parsed))
    for item in parsed:
        partner = item.entry.printed_with
        if partner is not None and partner.id not in catalog:
            raise CatalogError(
                f"printed_with names {partner.id!r}, which no loaded catalog defines",
                path=item.path,
                line=item.printed_with_line,
                entry_id=item.entry.id,
                field="printed_with.id",
            )
    return catalog


@functools.cache
def builtin_catalog() -> Catalog:
    """The catalog shipped with the package, read and validated once per process."""
    return load_catalog()


@functools.cache
def _builtin_parsed() -> tuple[_Parsed, ...]:
    resource = resources.files("thidua_calendar").joinpath("data", BUILTIN_CATALOG)
    text = resource.read_text(encoding="utf-8")
    return _parse_text(text, f"<built-in>/{BUILTIN_CATALOG}", builtin=True)


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
                path=item.path,
                line=item.line,
                entry_id=item.entry.id,
                field="id",
            )
    return merged


def _parse_file(path: Path) -> tuple[_Parsed, ...]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogError("no such file", path=path) from None
    except UnicodeDecodeError as error:
        raise CatalogError(f"the file is not UTF-8 text ({error.reason})", path=path) from None
    except OSError as error:
        raise CatalogError(f"cannot read the file: {error.strerror}", path=path) from None
    return _parse_text(text, str(path), builtin=False)


def _parse_text(text: str, path: str, *, builtin: bool) -> tuple[_Parsed, ...]:
    root = _compose(text, path)
    if not isinstance(root, yaml.MappingNode):
        raise CatalogError(
            "the file must be a mapping with an 'entries:' list", path=path,
            line=root.start_mark.line + 1,
        )
    data = _construct(root, path)
    try:
        _FileModel.model_validate(data)
    except ValidationError as error:
        raise _catalog_error(error, root, data, path, prefix=()) from None
    entries_node = _child(root, "entries")
    assert isinstance(entries_node, yaml.SequenceNode)
    parsed: list[_Parsed] = []
    seen: dict[str, int] = {}
    for position, (raw, node) in enumerate(zip(data["entries"], entries_node.value, strict=True)):
        line = node.start_mark.line + 1
        try:
            model = _EntryModel.model_validate(raw)
        except ValidationError as error:
            raise _catalog_error(
                error, root, data, path, prefix=("entries", position)
            ) from None
        if (problem := model.inconsistency()) is not None:
            field_name, reason = problem
            raise CatalogError(
                reason, path=path, line=_line_of(node, (field_name,)), entry_id=model.id,
                field=field_name,
            )
        if builtin and model.override:
            raise CatalogError(
                "the built-in catalog does not override", path=path, line=line, entry_id=model.id
            )
        if model.id in seen:
            raise CatalogError(
                f"the id is defined twice in this file (first at line {seen[model.id]})",
                path=path,
                line=line,
                entry_id=model.id,
                field="id",
            )
        seen[model.id] = line
        for key in ("name", "name_en", "note"):
            value = getattr(model, key)
            if value is not None and unicodedata.normalize("NFC", value) != value:
                raise CatalogError(
                    "the text is not in Unicode NFC form; save it normalised (NFC)",
                    path=path,
                    line=_line_of(node, (key,)),
                    entry_id=model.id,
                    field=key,
                )
        parsed.append(
            _Parsed(
                entry=model.to_domain(),
                override=model.override,
                path=path,
                line=line,
                printed_with_line=_line_of(node, ("printed_with", "id")),
            )
        )
    return tuple(parsed)


def _compose(text: str, path: str) -> yaml.Node:
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader_class)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        raise CatalogError(
            f"the file is not valid YAML: {error.problem or error.context}", path=path, line=line
        ) from None
    except yaml.YAMLError as error:
        raise CatalogError(f"the file is not valid YAML: {error}", path=path) from None
    if root is None:
        raise CatalogError("the file is empty; it needs an 'entries:' list", path=path)
    _reject_duplicate_keys(root, path)
    return root


def _construct(root: yaml.Node, path: str) -> Any:
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(root)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark is not None else None
        reason = f"cannot read the value: {error.problem}"
        raise CatalogError(reason, path=path, line=line) from None


def _reject_duplicate_keys(node: yaml.Node, path: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[object] = set()
        for key, value in node.value:
            if key.value in seen:
                raise CatalogError(
                    f"the key {key.value!r} appears twice in one mapping",
                    path=path,
                    line=key.start_mark.line + 1,
                    field=str(key.value),
                )
            seen.add(key.value)
            _reject_duplicate_keys(value, path)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _reject_duplicate_keys(item, path)


def _child(node: yaml.Node, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if key_node.value == key:
                return value  # type: ignore[no-any-return]
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]  # type: ignore[no-any-return]
    return None


def _line_of(node: yaml.Node, loc: Sequence[str | int]) -> int:
    """The line of the deepest node along ``loc`` that exists (1-based)."""
    for key in loc:
        child = _child(node, key)
        if child is None:
            break
        node = child
    return int(node.start_mark.line) + 1


def _catalog_error(
    error: ValidationError,
    root: yaml.Node,
    data: Any,
    path: str,
    *,
    prefix: tuple[str | int, ...],
) -> CatalogError:
    first = error.errors(include_url=False)[0]
    loc = prefix + tuple(part for part in first["loc"] if isinstance(part, (str, int)))
    entry_id = None
    if len(loc) >= 2 and loc[0] == "entries" and isinstance(loc[1], int):
        raw = data["entries"][loc[1]]
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            entry_id = raw["id"]
    field_path = ".".join(str(part) for part in loc[2:] if isinstance(part, str)) or None
    if not prefix and loc:
        field_path = str(loc[0])
    return CatalogError(
        _reason(first),
        path=path,
        line=_line_of(root, loc),
        entry_id=entry_id,
        field=field_path,
    )


def _reason(detail: Mapping[str, Any]) -> str:
    kind = detail["type"]
    if kind == "missing":
        return "the field is required but missing"
    if kind == "extra_forbidden":
        return "unknown field; see docs/catalog.md for the fields an entry may have"
    message = str(detail["msg"])
    message = message.removeprefix("Value error, ")
    if kind == "literal_error" or kind.endswith("_type") or kind == "string_pattern_mismatch":
        return f"{message} (got {detail.get('input')!r})"
    return message

