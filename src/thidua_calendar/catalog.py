"""A catalog: an ordered, read-only collection of commemorations with lookup by id, and the
kinds its entries belong to.

A kind (:class:`Kind`) is a tag that says what an entry is (``leader``, ``history``,
``sector``…), with the heading a grouped list prints and the default display of its entries:
``every_year``, or ``round_years``, the years the official guidance lists them (the count ends
in 0 or 5: năm tròn and năm lẻ 5).  An entry's kind is the first kind, in the catalog's kind
order, whose tag it carries; the kind order is the order the guidance prints them in.

Pure: the files a catalog is read from are :mod:`thidua_calendar.files.catalog`'s business.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from thidua_calendar.anniversaries import Commemoration, Occurrence
from thidua_calendar.errors import UnknownEntryError

__all__ = ["Catalog", "Display", "Kind"]

#: When a year's list shows an entry without ``--all``.
Display = Literal["every_year", "round_years"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Kind:
    """What a tag says an entry is, its heading in a grouped list, and its default display."""

    tag: str
    name: str
    name_en: str
    display: Display = "every_year"

    def shows(self, occurrence: Occurrence, /) -> bool:
        """Whether a year's list shows this occurrence by default."""
        if self.display == "every_year":
            return True
        return occurrence.milestone in ("nam_tron", "nam_le_5")


@dataclass(frozen=True, slots=True)
class Catalog:
    """An ordered, read-only collection of commemorations with lookup by id."""

    entries: tuple[Commemoration, ...]
    kinds: tuple[Kind, ...] = ()
    _by_id: Mapping[str, Commemoration] = field(init=False, repr=False, compare=False)
    _kind_rank: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {entry.id: entry for entry in self.entries})
        object.__setattr__(self, "_kind_rank",
                           {kind.tag: rank for rank, kind in enumerate(self.kinds)})

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
            hint_vi = f"; có phải là {', '.join(close)}?" if close else ""
            raise UnknownEntryError(f"no catalog entry has the id {entry_id!r}{hint}",
                                    vi=f"danh mục không có mục nào mã “{entry_id}”{hint_vi}"
                                    ) from None

    def tags(self) -> tuple[str, ...]:
        """Every tag used, sorted."""
        return tuple(sorted({tag for entry in self.entries for tag in entry.tags}))

    def kind_of(self, entry: Commemoration, /) -> Kind | None:
        """The entry's kind: the first kind, in kind order, whose tag it carries."""
        rank = self.kind_rank(entry)
        return self.kinds[rank] if rank < len(self.kinds) else None

    def kind_rank(self, entry: Commemoration, /) -> int:
        """The position of the entry's kind in the kind order (``len(kinds)`` for none)."""
        ranks = [self._kind_rank[tag] for tag in entry.tags if tag in self._kind_rank]
        return min(ranks) if ranks else len(self.kinds)

    def shown_by_default(self, found: Iterable[Occurrence], /) -> tuple[Occurrence, ...]:
        """The occurrences a year's list shows without ``--all``, in the order given.

        Each kind's ``display`` decides; an entry without a kind is always shown, and so is
        an entry printed with a shown one ("… Ngày Quốc tế Phụ nữ và … Khởi nghĩa Hai Bà
        Trưng"), since official lists print the pair on one line.
        """
        found = tuple(found)
        shown = set()
        for occ in found:
            kind = self.kind_of(occ.commemoration)
            if kind is None or kind.shows(occ):
                shown.add((occ.id, occ.date))
        partners = {(occ.commemoration.printed_with.id, occ.year) for occ in found
                    if (occ.id, occ.date) in shown and occ.commemoration.printed_with}
        return tuple(occ for occ in found
                     if (occ.id, occ.date) in shown or (occ.id, occ.year) in partners)

    def by_kind(
        self, found: Iterable[Occurrence], /
    ) -> tuple[tuple[Kind | None, tuple[Occurrence, ...]], ...]:
        """The occurrences grouped by kind, in kind order (entries without a kind last),
        each group in the order given; an entry printed with another one goes in that
        one's group, so that the pair stays on one line."""
        found = tuple(found)
        # A partner printed on another entry's line stays in that entry's group.
        follows = {(occ.commemoration.printed_with.id, occ.year): self.kind_rank(occ.commemoration)
                   for occ in found if occ.commemoration.printed_with is not None}
        groups: dict[int, list[Occurrence]] = {}
        for occ in found:
            rank = follows.get((occ.id, occ.year), self.kind_rank(occ.commemoration))
            groups.setdefault(rank, []).append(occ)
        return tuple(
            (self.kinds[rank] if rank < len(self.kinds) else None, tuple(groups[rank]))
            for rank in sorted(groups)
        )
