"""The tiers of the Vietnam Trade Union before and after the 2025 reorganisation.

A plan's ``organisation.level`` and a deadline rule's ``level`` are ids of
:class:`UnionLevel` s.  Two :class:`UnionStructure` s cover the years: until 30/6/2025 four
cấp with the district federations (``huyen``), from 1/7/2025 no district tier and the new
công đoàn xã, phường, đặc khu (``xa``).  ``tier`` orders the levels (1 = Tổng Liên đoàn): a
lower level (a larger tier) feeds the one above it.  The labels ("LĐLĐ tỉnh", "LĐLĐ thành
phố" for a centrally-run city) come from ``data/union_levels.yaml``, with its sources.

Pure: :mod:`thidua_calendar.files.union_levels` reads the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from thidua_calendar.errors import ThiduaCalendarError
from thidua_calendar.provinces import ProvinceKind
from thidua_calendar.styles import Lang

__all__ = ["UnionLevel", "UnionLevelError", "UnionLevels", "UnionStructure"]


class UnionLevelError(ThiduaCalendarError, LookupError):
    """A level id that the union structure of the date does not have."""


def _dmy(day: date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


@dataclass(frozen=True, slots=True, kw_only=True)
class UnionLevel:
    """One tier: its id, rank (``tier``, 1 = top), full name pattern and short labels."""

    id: str
    tier: int
    name: str
    short: str
    short_en: str
    short_thanh_pho: str | None = None
    short_thanh_pho_en: str | None = None

    def label(self, *, lang: Lang = "vi", kind: ProvinceKind = "tinh") -> str:
        """``"LĐLĐ tỉnh"``; ``"LĐLĐ thành phố"`` for a centrally-run city."""
        if kind == "thanh_pho":
            special = self.short_thanh_pho if lang == "vi" else self.short_thanh_pho_en
            if special is not None:
                return special
        return self.short if lang == "vi" else self.short_en


@dataclass(frozen=True, slots=True, kw_only=True)
class UnionStructure:
    """The levels in force from ``start`` to ``until`` (either open)."""

    id: str
    levels: tuple[UnionLevel, ...]
    start: date | None = None
    until: date | None = None

    def __iter__(self) -> Iterator[UnionLevel]:
        return iter(self.levels)

    def applies_on(self, day: date, /) -> bool:
        return (self.start is None or self.start <= day) and (
            self.until is None or day <= self.until)

    def get(self, level_id: str, /) -> UnionLevel | None:
        return next((level for level in self.levels if level.id == level_id), None)


@dataclass(frozen=True, slots=True)
class UnionLevels:
    """Every structure, in date order."""

    structures: tuple[UnionStructure, ...]

    def on(self, day: date, /) -> UnionStructure:
        """The structure in force on ``day``."""
        for structure in self.structures:
            if structure.applies_on(day):
                return structure
        raise UnionLevelError(f"no union structure covers {day.isoformat()}",
                              vi=f"không có cơ cấu công đoàn nào cho ngày {_dmy(day)}")

    def level(self, level_id: str, /, *, on: date | None = None) -> UnionLevel:
        """The level ``level_id`` of the structure in force on ``on`` (without a date, of
        the latest structure that has it).  :class:`UnionLevelError` says when a level that
        exists in another structure was in force, and which levels there are on ``on``."""
        if on is not None:
            structure = self.on(on)
            found = structure.get(level_id)
            if found is not None:
                return found
            ids = ", ".join(level.id for level in structure)
            for other in self.structures:
                elsewhere = other.get(level_id)
                if elsewhere is None:
                    continue
                span = (f"until {_dmy(other.until)}" if other.until is not None
                        else f"from {_dmy(other.start)}" if other.start is not None else "")
                span_vi = (f"đến {_dmy(other.until)}" if other.until is not None
                           else f"từ {_dmy(other.start)}" if other.start is not None else "")
                raise UnionLevelError(
                    f"the level {level_id!r} ({elsewhere.short}) exists {span}, "
                    f"not on {_dmy(on)}; the levels then are {ids}",
                    vi=f"cấp “{level_id}” ({elsewhere.short}) chỉ có {span_vi}, không có vào "
                    f"ngày {_dmy(on)}; các cấp khi đó là {ids}")
            raise UnionLevelError(f"no union level has the id {level_id!r}; the levels on "
                                  f"{_dmy(on)} are {ids}",
                                  vi=f"không có cấp công đoàn nào mã “{level_id}”; các cấp "
                                  f"vào ngày {_dmy(on)} là {ids}")
        for structure in reversed(self.structures):
            found = structure.get(level_id)
            if found is not None:
                return found
        ids = ", ".join(dict.fromkeys(level.id for s in self.structures for level in s))
        raise UnionLevelError(f"no union level has the id {level_id!r}; the levels are {ids}",
                              vi=f"không có cấp công đoàn nào mã “{level_id}”; các cấp là {ids}")

    def label(self, level_id: str, /, *, lang: Lang = "vi", kind: ProvinceKind = "tinh",
              on: date | None = None) -> str:
        """The printed label of a level; an unknown id prints as itself."""
        try:
            return self.level(level_id, on=on).label(lang=lang, kind=kind)
        except UnionLevelError:
            if on is not None:
                return self.label(level_id, lang=lang, kind=kind)
            return level_id
