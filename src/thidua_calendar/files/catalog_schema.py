"""Reading and validating catalog files: YAML with positions -> pydantic models.

Imported only when a file has to be validated (a user's ``--catalog`` file, or the built-in
catalog when its snapshot is stale), because pydantic and PyYAML take longer to import than
the rest of a command's run.  Validation returns the entries as plain records (the YAML
data) with their line numbers; :mod:`thidua_calendar.files.catalog` builds the domain objects.

Every problem becomes one :class:`~thidua_calendar.errors.CatalogError` whose message names
the file, the line, the entry id and the field.  The format is documented in
``docs/catalog.md``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

import yaml
from pydantic import Field, ValidationError, field_validator

from thidua_calendar.anniversaries import ClassBy, CountStyle, Duration, LeapDay, Origin
from thidua_calendar.errors import CatalogError
from thidua_calendar.files.fields import Id, Model, SourceModel, Text
from thidua_calendar.files.yaml_input import child, compose, construct, line_of, validation_error

__all__ = ["KindRecord", "Record", "parse_catalog", "parse_catalog_file"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """One validated entry as the file wrote it, with the lines errors point at."""

    entry: dict[str, Any]
    line: int
    printed_with_line: int


@dataclass(frozen=True, slots=True, kw_only=True)
class KindRecord:
    """One validated kind as the file wrote it, with its line."""

    kind: dict[str, Any]
    line: int


_SEE = "docs/catalog.md"


def _origin(value: object) -> Origin:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # an unquoted year: `origin: 1943`
    if not isinstance(value, str):
        raise ValueError(
            f"origin must be a quoted string such as \"1929-07-28\" or \"AL 03-10\", not {value!r}"
        )
    return Origin.parse(value)


class _AlternativeModel(Model):
    origin: Origin
    note: Text
    sources: list[SourceModel] = Field(min_length=1)

    @field_validator("origin", mode="plain")
    @classmethod
    def _parse_origin(cls, value: object) -> Origin:
        return _origin(value)


class _PrintedWithModel(Model):
    id: Id
    joiner: Text = "và"
    joiner_en: Text = "and"


class _EntryModel(Model):
    id: Id
    name: Text
    name_en: Text
    origin: Origin
    count: CountStyle | None = None
    duration: Duration = "day"
    first_year: int | None = None
    class_by: ClassBy = "count"
    tags: list[Id] = Field(min_length=1)
    printed_with: _PrintedWithModel | None = None
    with_can_chi: bool = False
    leap_day: LeapDay = "feb28"
    note: Text | None = None
    sources: list[SourceModel] = Field(min_length=1)
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


class _KindModel(Model):
    tag: Id
    name: Text
    name_en: Text
    display: Literal["every_year", "round_years"] = "every_year"


class _FileModel(Model):
    entries: list[dict[str, Any]] = []
    kinds: list[dict[str, Any]] = []



def parse_catalog(text: str, path: str, *, builtin: bool = False) -> tuple[Record, ...]:
    """Validate a catalog file's text; its entries as plain records with their lines.

    Raises :class:`CatalogError` naming the file, line, entry id and field.
    """
    return parse_catalog_file(text, path, builtin=builtin)[0]


def parse_catalog_file(
    text: str, path: str, *, builtin: bool = False
) -> tuple[tuple[Record, ...], tuple[KindRecord, ...]]:
    """Validate a catalog file's text: its entries and its kinds, with their lines.

    Raises :class:`CatalogError` naming the file, line, entry id (or kind tag) and field.
    """
    root = compose(text, path, CatalogError, expected="an 'entries:' or 'kinds:' list")
    data = construct(root, path, CatalogError)
    try:
        _FileModel.model_validate(data)
    except ValidationError as error:
        raise validation_error(
            error, root, data, path, CatalogError, items="entries", see=_SEE
        ) from None
    kinds = _kinds(data, root, path)
    if "entries" not in data:
        return (), kinds
    entries_node = child(root, "entries")
    assert isinstance(entries_node, yaml.SequenceNode)
    parsed: list[Record] = []
    seen: dict[str, int] = {}
    for position, (raw, node) in enumerate(zip(data["entries"], entries_node.value, strict=True)):
        line = node.start_mark.line + 1
        try:
            model = _EntryModel.model_validate(raw)
        except ValidationError as error:
            raise validation_error(
                error, root, data, path, CatalogError, prefix=("entries", position),
                items="entries", see=_SEE,
            ) from None
        if (problem := model.inconsistency()) is not None:
            field_name, reason = problem
            raise CatalogError(
                reason, path=path, line=line_of(node, (field_name,)), entry_id=model.id,
                field=field_name,
            )
        if builtin and model.override:
            raise CatalogError(
                "the built-in catalog does not override", vi="danh mục có sẵn không dùng override",
                path=path, line=line, entry_id=model.id
            )
        if model.id in seen:
            raise CatalogError(
                f"the id is defined twice in this file (first at line {seen[model.id]})",
                vi=f"mã này có hai lần trong tệp (lần đầu ở dòng {seen[model.id]})",
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
                    vi="chữ không ở dạng Unicode dựng sẵn (NFC); hãy lưu lại ở dạng NFC",
                    path=path,
                    line=line_of(node, (key,)),
                    entry_id=model.id,
                    field=key,
                )
        parsed.append(
            Record(
                entry=raw,
                line=line,
                printed_with_line=line_of(node, ("printed_with", "id")),
            )
        )
    return tuple(parsed), kinds


def _kinds(data: dict[str, Any], root: yaml.Node, path: str) -> tuple[KindRecord, ...]:
    node = child(root, "kinds")
    if not isinstance(node, yaml.SequenceNode):
        return ()
    found: list[KindRecord] = []
    seen: dict[str, int] = {}
    for position, (raw, item) in enumerate(zip(data["kinds"], node.value, strict=True)):
        line = item.start_mark.line + 1
        try:
            model = _KindModel.model_validate(raw)
        except ValidationError as error:
            raise validation_error(
                error, root, data, path, CatalogError, prefix=("kinds", position),
                items="kinds", see=_SEE,
            ) from None
        if model.tag in seen:
            raise CatalogError(
                f"the kind {model.tag!r} is defined twice in this file (first at line "
                f"{seen[model.tag]})",
                vi=f"loại “{model.tag}” được định nghĩa hai lần trong tệp (lần đầu ở dòng "
                f"{seen[model.tag]})", path=path, line=line, field="tag",
            )
        for key in ("name", "name_en"):
            if unicodedata.normalize("NFC", getattr(model, key)) != getattr(model, key):
                raise CatalogError(
                    "the text is not in Unicode NFC form; save it normalised (NFC)",
                    vi="văn bản chưa ở dạng Unicode NFC; hãy lưu lại ở dạng chuẩn hóa NFC",
                    path=path, line=line_of(item, (key,)), field=key,
                )
        seen[model.tag] = line
        found.append(KindRecord(kind=model.model_dump(), line=line))
    return tuple(found)
