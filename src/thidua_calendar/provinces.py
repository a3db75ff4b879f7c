"""Vietnam's provinces (tỉnh, thành phố trực thuộc trung ương) before and after 1/7/2025.

A :class:`Province` is one provincial unit in one shape: ``start`` (the file's ``from``) and
``until`` bound the days it existed, ``merged_into`` names the unit it became part of.  A
:class:`ProvinceMap` finds a unit by id or by name, with or without diacritics, *on a date*:
"Thái Nguyên" in 2022 is the old province (``thai_nguyen_cu``), in 2026 the one formed on
1/7/2025 from it and Bắc Kạn (``thai_nguyen``).

Which own days a province has (:meth:`ProvinceMap.day_files`): the days of the unit named as
it is (its name's slug), and, for a unit others merged into, the days of each of them: their
history, named as they were ("Ngày thành lập tỉnh Bắc Kạn" in Thái Nguyên's list from 2025
on).  An old unit keeps its own days for the years it existed.  docs/tinh-thanh.md states the
rule and the guidance behind it.

Pure: the files are :mod:`thidua_calendar.files.provinces`'s business.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from thidua_calendar.errors import ProvinceError
from thidua_calendar.styles import Lang
from thidua_calendar.text import fold, slug

__all__ = ["Province", "ProvinceKind", "ProvinceMap", "fold_name", "name_slug"]

ProvinceKind = Literal["tinh", "thanh_pho"]
_KIND_WORD: dict[ProvinceKind, tuple[str, str]] = {
    "tinh": ("tỉnh", "province"),
    "thanh_pho": ("thành phố", "city"),
}


def fold_name(text: str, /) -> str:
    """``"Thái  Nguyên"`` -> ``"thai nguyen"``, ``"Bà Rịa - Vũng Tàu"`` -> ``"ba ria vung
    tau"``: :func:`thidua_calendar.text.fold`, the package's one folding."""
    return fold(text)


def name_slug(name: str, /) -> str:
    """``"Bà Rịa - Vũng Tàu"`` -> ``"ba_ria_vung_tau"``: the name of a province's days file."""
    return slug(name, separator="_", fallback="")


def _dmy(day: date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Province:
    """One provincial unit in one shape.

    ``start`` is the file's ``from`` (``None`` when no source gives it: the unit is taken to
    exist before every date the library handles); ``start_precision`` is ``"year"`` when only
    the year is sourced.  ``until`` is the last day (``None``: it exists now).
    """

    id: str
    name: str
    kind: ProvinceKind
    start: date | None = None
    start_precision: Literal["day", "year"] = "day"
    until: date | None = None
    merged_into: str | None = None
    note: str | None = None

    def exists_on(self, day: date, /) -> bool:
        """Whether the unit existed on ``day``."""
        return (self.start is None or self.start <= day) and (
            self.until is None or day <= self.until)

    def exists_in(self, year: int, /) -> bool:
        """Whether the unit existed on some day of ``year``."""
        return (self.start is None or self.start.year <= year) and (
            self.until is None or year <= self.until.year)

    def title(self, *, lang: Lang = "vi") -> str:
        """``"tỉnh Bắc Kạn"``, ``"thành phố Hà Nội"`` (``"Bắc Kạn province"``)."""
        vi, en = _KIND_WORD[self.kind]
        return f"{vi} {self.name}" if lang == "vi" else f"{self.name} {en}"

    @property
    def days_file(self) -> str:
        """The slug of the unit's name, which names its days file (``thai_nguyen``)."""
        return name_slug(self.name)


@dataclass(frozen=True, slots=True)
class ProvinceMap:
    """The provinces, old and new, in file order, found by id or name on a date."""

    provinces: tuple[Province, ...]
    _by_id: dict[str, Province] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {p.id: p for p in self.provinces})

    def __iter__(self) -> Iterator[Province]:
        return iter(self.provinces)

    def __len__(self) -> int:
        return len(self.provinces)

    def __contains__(self, province_id: object) -> bool:
        return province_id in self._by_id

    def get(self, province_id: str, /) -> Province:
        """The unit with this id (:class:`ProvinceError` with close ids otherwise)."""
        try:
            return self._by_id[province_id]
        except KeyError:
            raise self._unknown(province_id) from None

    def merged_from(self, province: Province, /) -> tuple[Province, ...]:
        """The units that became part of ``province`` (Hà Giang and the old Tuyên Quang for
        the new Tuyên Quang), in file order."""
        return tuple(p for p in self.provinces if p.merged_into == province.id)

    def day_files(self, province: Province, /) -> tuple[str, ...]:
        """The slugs of the days files that make ``province``'s list: its own name's, then
        those of the units merged into it (each once)."""
        slugs = [province.days_file, *(p.days_file for p in self.merged_from(province))]
        return tuple(dict.fromkeys(slugs))

    def find(self, query: str, /, *, on: date | None = None, year: int | None = None,
             ) -> Province:
        """The unit ``query`` names (an id, or a name with or without diacritics and with or
        without "tỉnh"/"thành phố") that existed on ``on`` or in ``year``.

        Several units of one name (an old one and the new one that kept its name) are told
        apart by the date; within a year that has both (2025) the later one is chosen, and
        without a date the one that exists now.  :class:`ProvinceError` names the units
        closest to ``query``, or, for a unit that did not exist then, when it existed and
        what it became.
        """
        wanted = query.strip()
        if wanted in self._by_id:
            candidates = [self._by_id[wanted]]
        else:
            folded = _without_kind(fold_name(wanted))
            candidates = [p for p in self.provinces if fold_name(p.name) == folded]
            if not candidates:
                candidates = [p for p in self.provinces if p.id == folded.replace(" ", "_")]
        if not candidates:
            raise self._unknown(wanted)
        if on is not None:
            living = [p for p in candidates if p.exists_on(on)]
        elif year is not None:
            living = [p for p in candidates if p.exists_in(year)]
        else:
            living = [p for p in candidates if p.until is None] or candidates
        if not living:
            raise self._not_then(wanted, candidates, on=on, year=year)
        return max(living, key=lambda p: p.start or date.min)

    def suggestions(self, query: str, /, *, n: int = 3) -> tuple[Province, ...]:
        """The units whose folded names are closest to ``query`` (difflib)."""
        import difflib

        folded = _without_kind(fold_name(query))
        names = {fold_name(p.name): p.name for p in self.provinces}
        close = difflib.get_close_matches(folded, names, n=n, cutoff=0.6)
        if not close:
            close = [name for name in names if folded and folded in name][:n]
        found = []
        for name in close:
            same = [p for p in self.provinces if fold_name(p.name) == name]
            found.append(next((p for p in same if p.until is None), same[0]))
        return tuple(found)

    def _unknown(self, query: str) -> ProvinceError:
        close = self.suggestions(query)
        vi = f"không có tỉnh, thành phố nào tên “{query}”"
        en = f"no province or city is called {query!r}"
        if close:
            vi += "; có phải " + ", ".join(f"“{p.name}” ({p.id})" for p in close) + "?"
            en += "; did you mean " + ", ".join(f"{p.name!r} ({p.id})" for p in close) + "?"
        return ProvinceError(en, vi=vi)

    def _not_then(self, query: str, candidates: list[Province], *, on: date | None,
                  year: int | None) -> ProvinceError:
        when_vi = _dmy(on) if on is not None else f"năm {year}"
        when_en = _dmy(on) if on is not None else f"in {year}"
        facts_vi, facts_en = [], []
        for p in candidates:
            start = "" if p.start is None else (
                str(p.start.year) if p.start_precision == "year" else _dmy(p.start))
            end = "" if p.until is None else _dmy(p.until)
            span = f"{start} – {end}".strip(" –") if start or end else ""
            after = ""
            after_en = ""
            if p.merged_into is not None and p.merged_into in self._by_id:
                heir = self._by_id[p.merged_into]
                after = f", sau đó thuộc {heir.title()} ({heir.id})"
                after_en = f", then part of {heir.title(lang='en')} ({heir.id})"
            facts_vi.append(f"{p.title()} ({p.id}) tồn tại {span or 'không rõ thời gian'}"
                            + after)
            facts_en.append(f"{p.title(lang='en')} ({p.id}) existed {span or 'at no known time'}"
                            + after_en)
        return ProvinceError(
            f"{query!r} did not exist {when_en}: " + "; ".join(facts_en),
            vi=f"“{query}” chưa có hoặc không còn vào {when_vi}: " + "; ".join(facts_vi),
        )


def _without_kind(folded: str) -> str:
    for word in ("tinh ", "thanh pho ", "tp "):
        if folded.startswith(word):
            return folded[len(word):]
    return folded
