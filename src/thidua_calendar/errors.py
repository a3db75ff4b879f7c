"""The exception tree of thidua-calendar.

Every error the library raises derives from :class:`ThiduaCalendarError` and from the
builtin that matches its meaning, so callers may catch either.  A message names the bad
value, where it was (file, line, entry id, field) and, where it helps, the valid choices.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "CatalogError",
    "LunarDateError",
    "OutOfRangeError",
    "ThiduaCalendarError",
    "UnknownEntryError",
]


class ThiduaCalendarError(Exception):
    """Base class of every error raised by thidua-calendar."""


class OutOfRangeError(ThiduaCalendarError, ValueError):
    """A date or year lies outside the range the library supports."""


class LunarDateError(ThiduaCalendarError, ValueError):
    """A lunar date that does not exist (a leap month that year lacks, day 30 of a short month)."""


class UnknownEntryError(ThiduaCalendarError, LookupError):
    """An id that no loaded catalog defines."""


class CatalogError(ThiduaCalendarError, ValueError):
    """A catalog file that cannot be read or does not validate.

    ``str()`` of the error is one sentence that names the file, the line, the entry id and
    the field where they are known.
    """

    def __init__(
        self,
        reason: str,
        /,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        entry_id: str | None = None,
        field: str | None = None,
    ) -> None:
        self.reason = reason
        self.path = str(path) if path is not None else None
        self.line = line
        self.entry_id = entry_id
        self.field = field
        super().__init__(self._message())

    def _message(self) -> str:
        where = self.path or "<catalog>"
        if self.line is not None:
            where += f":{self.line}"
        context = []
        if self.entry_id is not None:
            context.append(f"entry {self.entry_id!r}")
        if self.field is not None:
            context.append(f"field {self.field!r}")
        prefix = f"{where}: " + (", ".join(context) + ": " if context else "")
        return prefix + self.reason
