"""``data/union_levels.yaml``: the union's tiers before and after 1/7/2025, as
:class:`~thidua_calendar.unions.UnionLevels`.

Read on first use only (a plan, a deadline listing); validated with the shared schema fields,
every problem one :class:`UnionLevelsFileError` at its line.
"""

from __future__ import annotations

import functools
import os
from typing import Annotated

from pydantic import Field, ValidationError

from thidua_calendar.errors import InputError
from thidua_calendar.files.fields import Id, IsoDate, Model, SourceModel, Text
from thidua_calendar.unions import UnionLevel, UnionLevels, UnionStructure

__all__ = ["UNION_LEVELS_FILE", "UnionLevelsFileError", "builtin_union_levels",
           "parse_union_levels"]

UNION_LEVELS_FILE = "union_levels.yaml"
_SEE = "docs/tinh-thanh.md"


class UnionLevelsFileError(InputError):
    """A union levels file that cannot be read or does not validate."""

    item_label = "structure"
    default_where = "<union levels>"


class _LevelModel(Model):
    id: Id
    tier: Annotated[int, Field(ge=1, le=9)]
    name: Text
    short: Text
    short_en: Text
    name_thanh_pho: Text | None = None
    short_thanh_pho: Text | None = None
    short_thanh_pho_en: Text | None = None
    note: Text | None = None
    sources: list[SourceModel] = []


class _StructureModel(Model):
    id: Id
    start: Annotated[IsoDate | None, Field(alias="from")] = None
    until: IsoDate | None = None
    note: Text | None = None
    levels: Annotated[list[_LevelModel], Field(min_length=1)]


class _FileModel(Model):
    sources: Annotated[list[SourceModel], Field(min_length=1)]
    structures: Annotated[list[_StructureModel], Field(min_length=1)]


def parse_union_levels(text: str, path: str) -> UnionLevels:
    """The structures of a union levels file's text; they must follow each other without a
    gap or an overlap, and a level id appears once in a structure."""
    from thidua_calendar.files.yaml_input import compose, construct, line_of, validation_error

    root = compose(text, path, UnionLevelsFileError, expected="sources and structures")
    data = construct(root, path, UnionLevelsFileError)
    try:
        model = _FileModel.model_validate(data)
    except ValidationError as error:
        raise validation_error(error, root, data, path, UnionLevelsFileError,
                               items="structures", item="structure", see=_SEE) from None
    structures = []
    for index, item in enumerate(model.structures):
        def fail(reason: str, *where: str | int, vi: str, item_id: str = item.id,
                 at: int = index) -> UnionLevelsFileError:
            return UnionLevelsFileError(
                reason, vi=vi, path=path, line=line_of(root, ("structures", at, *where)),
                entry_id=item_id, field=".".join(str(w) for w in where), item="structure")

        ids = [level.id for level in item.levels]
        for position, level_id in enumerate(ids):
            if level_id in ids[:position]:
                raise fail(f"the level {level_id!r} is given twice", "levels", position, "id",
                           vi=f"cấp “{level_id}” được ghi hai lần")
        if index > 0:
            before = model.structures[index - 1]
            if before.until is None or item.start is None or (
                    (item.start - before.until).days != 1):
                raise fail("a structure starts the day after the one before it ends", "from",
                           vi="một cơ cấu bắt đầu ngay sau ngày cơ cấu trước kết thúc")
        structures.append(UnionStructure(
            id=item.id, start=item.start, until=item.until,
            levels=tuple(UnionLevel(
                id=level.id, tier=level.tier, name=level.name, short=level.short,
                short_en=level.short_en, short_thanh_pho=level.short_thanh_pho,
                short_thanh_pho_en=level.short_thanh_pho_en,
            ) for level in item.levels),
        ))
    return UnionLevels(tuple(structures))


@functools.cache
def builtin_union_levels() -> UnionLevels:
    """The structures shipped with the package (read on the first call only)."""
    from thidua_calendar.files.input import read_text

    path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", UNION_LEVELS_FILE)
    return parse_union_levels(read_text(path, UnionLevelsFileError), path)
