"""The province files: ``data/provinces.yaml`` (the map) and ``data/provinces/<slug>.yaml``
(each province's own days, in the catalog format).

Nothing here is read until a province is asked for: listing the year's anniversaries without
``--province`` reads neither file.  The map is validated with pydantic (the shared fields of
:mod:`thidua_calendar.files.fields`); every problem is one
:class:`~thidua_calendar.errors.ProvinceFileError` naming the file, the line, the record and
the field.
"""

from __future__ import annotations

import functools
import os
import re
from datetime import date
from typing import Annotated, Literal

from pydantic import Field, ValidationError, field_validator

from thidua_calendar.catalog import Catalog
from thidua_calendar.errors import InputError
from thidua_calendar.files.fields import Id, IsoDate, Model, SourceModel, Text, parse_iso_date
from thidua_calendar.provinces import Province, ProvinceMap

__all__ = [
    "PROVINCES_FILE",
    "ProvinceFileError",
    "builtin_provinces",
    "catalog_with_province",
    "days_paths",
    "load_provinces",
    "parse_provinces",
    "province_days",
]

#: The map's name inside the package's ``data`` folder.
PROVINCES_FILE = "provinces.yaml"
_SEE = "docs/tinh-thanh.md"
_YEAR = re.compile(r"\d{4}")


class ProvinceFileError(InputError):
    """A province file that cannot be read or does not validate."""

    item_label = "province"
    default_where = "<provinces>"


def _data_dir() -> str:
    return os.path.join(os.path.dirname(os.path.dirname(__file__)), "data")


class _ProvinceModel(Model):
    id: Id
    name: Text
    kind: Literal["tinh", "thanh_pho"]
    start: Annotated[str | None, Field(alias="from")] = None
    until: IsoDate | None = None
    merged_into: Id | None
    sources: list[SourceModel] = []
    note: Text | None = None

    @field_validator("start", mode="plain")
    @classmethod
    def _check_start(cls, value: object) -> str | None:
        if value is None:
            return None
        text = str(value)
        if not _YEAR.fullmatch(text):
            parse_iso_date(text)
        return text


class _MapModel(Model):
    sources: Annotated[list[SourceModel], Field(min_length=1)]
    provinces: Annotated[list[_ProvinceModel], Field(min_length=1)]


def parse_provinces(text: str, path: str) -> ProvinceMap:
    """The map in a provinces file's text; :class:`ProvinceFileError` at the line of the
    first problem (a bad field, a repeated id, a ``merged_into`` no record has, a ``from``
    without a source, a unit that ends before it starts)."""
    from thidua_calendar.files.yaml_input import compose, construct, line_of, validation_error

    root = compose(text, path, ProvinceFileError, expected="sources and provinces")
    data = construct(root, path, ProvinceFileError)
    try:
        model = _MapModel.model_validate(data)
    except ValidationError as error:
        raise validation_error(error, root, data, path, ProvinceFileError, items="provinces",
                               item="province", see=_SEE) from None

    def fail(reason: str, index: int, field: str, province_id: str, *, vi: str,
             ) -> ProvinceFileError:
        return ProvinceFileError(reason, vi=vi, path=path,
                                 line=line_of(root, ("provinces", index, field)),
                                 entry_id=province_id, field=field, item="province")

    seen: dict[str, int] = {}
    provinces = []
    for index, item in enumerate(model.provinces):
        if item.id in seen:
            raise fail(f"the id is already used by record {seen[item.id] + 1}", index, "id",
                       item.id, vi=f"mã này đã dùng cho bản ghi thứ {seen[item.id] + 1}")
        seen[item.id] = index
        start: date | None = None
        precision: Literal["day", "year"] = "day"
        if item.start is not None:
            if not item.sources:
                raise fail("a `from` date needs its sources (title and url)", index, "from",
                           item.id, vi="ngày `from` cần nguồn (tiêu đề và địa chỉ)")
            if _YEAR.fullmatch(item.start):
                start, precision = date(int(item.start), 1, 1), "year"
            else:
                start = parse_iso_date(item.start)
        if start is not None and item.until is not None and item.until < start:
            raise fail(f"the unit ends on {item.until.isoformat()}, before it starts",
                       index, "until", item.id,
                       vi=f"đơn vị kết thúc ngày {item.until.isoformat()}, trước khi bắt đầu")
        if (item.merged_into is None) != (item.until is None):
            raise fail("give merged_into (the unit it became part of) exactly when the unit "
                       "has an end (until)", index, "merged_into", item.id,
                       vi="ghi merged_into (đơn vị nó hợp nhất vào) khi và chỉ khi có until")
        provinces.append(Province(id=item.id, name=item.name, kind=item.kind, start=start,
                                  start_precision=precision, until=item.until,
                                  merged_into=item.merged_into, note=item.note))
    for index, item in enumerate(model.provinces):
        if item.merged_into is not None and item.merged_into not in seen:
            raise fail(f"no record has the id {item.merged_into!r}", index, "merged_into",
                       item.id, vi=f"không có bản ghi nào mã “{item.merged_into}”")
    return ProvinceMap(tuple(provinces))


def load_provinces(path: str | os.PathLike[str]) -> ProvinceMap:
    """Read and validate a provinces file."""
    from thidua_calendar.files.input import read_text

    name = os.fspath(path)
    return parse_provinces(read_text(name, ProvinceFileError), name)


@functools.cache
def builtin_provinces() -> ProvinceMap:
    """The map shipped with the package (read on the first call only)."""
    return load_provinces(os.path.join(_data_dir(), PROVINCES_FILE))


def days_paths(province: Province, /, *, provinces: ProvinceMap | None = None,
               folder: str | None = None) -> tuple[str, ...]:
    """The days files of ``province`` that exist: its own name's, then those of the units
    merged into it (:meth:`~thidua_calendar.provinces.ProvinceMap.day_files`)."""
    provinces = provinces if provinces is not None else builtin_provinces()
    folder = folder if folder is not None else os.path.join(_data_dir(), "provinces")
    paths = (os.path.join(folder, f"{slug}.yaml") for slug in provinces.day_files(province))
    return tuple(path for path in paths if os.path.isfile(path))


def province_days(province: Province, /, *, provinces: ProvinceMap | None = None) -> Catalog:
    """The province's own days alone (no built-in entries)."""
    from thidua_calendar.files.catalog import load_catalog

    return load_catalog(*days_paths(province, provinces=provinces), builtin=False)


def catalog_with_province(*paths: str | os.PathLike[str], province: Province | None,
                          ) -> Catalog:
    """The built-in catalog, then the province's days, then the user's ``paths``: a user
    entry with the id of a province's day and ``override: true`` replaces it."""
    from thidua_calendar.files.catalog import load_catalog

    own = days_paths(province) if province is not None else ()
    return load_catalog(*own, *paths)

