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
    "AnnouncementError",
    "CatalogError",
    "DeadlineError",
    "EventFileError",
    "InputError",
    "LunarDateError",
    "OccurrenceError",
    "OutOfRangeError",
    "PhaseError",
    "PlanError",
    "ThiduaCalendarError",
    "UnknownEntryError",
    "UsageError",
]


class ThiduaCalendarError(Exception):
    """Base class of every error raised by thidua-calendar."""


class OutOfRangeError(ThiduaCalendarError, ValueError):
    """A date or year lies outside the range the library supports."""


class LunarDateError(ThiduaCalendarError, ValueError):
    """A lunar date that does not exist (a leap month that year lacks, day 30 of a short month)."""


class UnknownEntryError(ThiduaCalendarError, LookupError):
    """An id that no loaded catalog defines."""


class OccurrenceError(ThiduaCalendarError, LookupError):
    """An anniversary that a phase or a deadline counts from does not occur exactly once in
    the span it is looked for in; ``count`` says how often it does."""

    def __init__(self, reason: str, /, *, count: int) -> None:
        self.reason = reason
        self.count = count
        super().__init__(reason)


class InputError(ThiduaCalendarError, ValueError):
    """Input that cannot be read or does not validate: a file, or rules built in code.

    ``str()`` of the error is one sentence that names the file, the line, the item
    (catalog entry, deadline rule, announcement) and the field where they are known.
    """

    #: What an item of this kind of input is called in messages.
    item_label = "item"
    #: What the input is called when no file is known.
    default_where = "<input>"

    def __init__(
        self,
        reason: str,
        /,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        entry_id: str | None = None,
        field: str | None = None,
        item: str | None = None,
    ) -> None:
        self.reason = reason
        self.path = str(path) if path is not None else None
        self.line = line
        self.entry_id = entry_id
        self.field = field
        if item is not None:
            self.item_label = item
        super().__init__(self._message())

    def located(self, *, path: str, line: int) -> InputError:
        """The same error, placed in a file (for errors found after parsing)."""
        return type(self)(
            self.reason, path=path, line=line, entry_id=self.entry_id, field=self.field,
            item=self.item_label,
        )

    def _message(self) -> str:
        if self.path is None and self.line is None:
            where = None
        else:
            where = self.path or self.default_where
            if self.line is not None:
                where += f":{self.line}"
        context = []
        if self.entry_id is not None:
            context.append(f"{self.item_label} {self.entry_id!r}")
        if self.field is not None:
            context.append(f"field {self.field!r}")
        parts = [part for part in (where, ", ".join(context)) if part]
        return ": ".join([*parts, self.reason])


class CatalogError(InputError):
    """A catalog file that cannot be read or does not validate."""

    item_label = "entry"
    default_where = "<catalog>"


class EventFileError(InputError):
    """An events file (``data/events.yaml`` or your own) that cannot be read or does not
    validate."""

    item_label = "event"
    default_where = "<events>"


class AnnouncementError(InputError):
    """A holiday announcement file (``--holidays``) that cannot be read or does not validate."""

    item_label = "announcement"
    default_where = "<announcements>"


class DeadlineError(InputError):
    """A deadline rule that cannot be computed: an unknown anchor, a reversed window…"""

    item_label = "deadline"
    default_where = "<deadlines>"


class PlanError(InputError):
    """A plan that cannot be read or built: overlapping phases, an unknown id…"""

    item_label = "item"
    default_where = "<plan>"


class PhaseError(ThiduaCalendarError, ValueError):
    """Phases that cannot be made or used as asked (a split outside the period…)."""


class UsageError(ThiduaCalendarError, ValueError):
    """A command-line value that cannot be understood."""
