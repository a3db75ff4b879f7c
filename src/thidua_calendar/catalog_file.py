"""Reading and validating catalog files: YAML with positions -> pydantic models.

Imported only when a file has to be validated (a user's ``--catalog`` file, or the built-in
catalog when its snapshot is stale), because pydantic and PyYAML take longer to import than
the rest of a command's run.  Validation returns the entries as plain records (the YAML
data) with their line numbers; :mod:`thidua_calendar.catalog` builds the domain objects.

Every problem becomes one :class:`~thidua_calendar.errors.CatalogError` whose message names
the file, the line, the entry id and the field.  The format is documented in
``docs/catalog.md``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from thidua_calendar.anniversaries import ClassBy, CountStyle, Duration, LeapDay, Origin
from thidua_calendar.errors import CatalogError

__all__ = ["Record", "parse_catalog"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """One validated entry as the file wrote it, with the lines errors point at."""

    entry: dict[str, Any]
    line: int
    printed_with_line: int


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


class _FileModel(_Model):
    entries: list[dict[str, Any]]




def parse_catalog(text: str, path: str, *, builtin: bool = False) -> tuple[Record, ...]:
    """Validate a catalog file's text; its entries as plain records with their lines.

    Raises :class:`CatalogError` naming the file, line, entry id and field.
    """
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
    parsed: list[Record] = []
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
            Record(
                entry=raw,
                line=line,
                printed_with_line=_line_of(node, ("printed_with", "id")),
            )
        )
    return tuple(parsed)


def _without_timestamps(base: type[Any]) -> type[Any]:
    """A loader class that leaves dates as the strings the file wrote.

    An unquoted ``origin: 2000-02-30`` would otherwise fail inside PyYAML with no line;
    kept as text it reaches the origin check, which names the line and the field.
    """
    resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag != "tag:yaml.org,2002:timestamp"]
        for first, entries in base.yaml_implicit_resolvers.items()
    }
    return type(f"Dateless{base.__name__}", (base,), {"yaml_implicit_resolvers": resolvers})


_LOADER = _without_timestamps(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
_CONSTRUCTOR = _without_timestamps(yaml.SafeLoader)


def _compose(text: str, path: str) -> yaml.Node:
    try:
        root = yaml.compose(text, Loader=_LOADER)
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
    loader = _CONSTRUCTOR("")
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

