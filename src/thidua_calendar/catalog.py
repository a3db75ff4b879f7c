"""A catalog: an ordered, read-only collection of commemorations with lookup by id.

Pure: the files a catalog is read from are :mod:`thidua_calendar.files.catalog`'s business.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from thidua_calendar.anniversaries import Commemoration
from thidua_calendar.errors import UnknownEntryError

__all__ = ["Catalog"]


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
            hint_vi = f"; có phải là {', '.join(close)}?" if close else ""
            raise UnknownEntryError(f"no catalog entry has the id {entry_id!r}{hint}",
                                    vi=f"danh mục không có mục nào mã “{entry_id}”{hint_vi}"
                                    ) from None

    def tags(self) -> tuple[str, ...]:
        """Every tag used, sorted."""
        return tuple(sorted({tag for entry in self.entries for tag in entry.tags}))
