"""The exception tree of thidua-calendar.

Every error the library raises derives from :class:`ThiduaCalendarError` and from the
builtin that matches its meaning, so callers may catch either.  A message names the bad
value, where it was (file, line, entry id, field) and, where it helps, the valid choices.

Messages come in two languages.  ``str(error)`` is the English form (for logs and
developers); :meth:`ThiduaCalendarError.message` gives the form for people, Vietnamese by
default (``message("en")`` for English), which is what the command line and the web app
print.  A raiser passes the Vietnamese sentence as ``vi=``; where none was given the English
one stands in, and tests/test_messages.py lists the raisers that still lack one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "AnnouncementError",
    "BilingualValueError",
    "CatalogError",
    "DeadlineError",
    "DocumentError",
    "EventFileError",
    "InputError",
    "LunarDateError",
    "OccurrenceError",
    "OutOfRangeError",
    "PhaseError",
    "PlanError",
    "ProvinceError",
    "ThiduaCalendarError",
    "UnknownEntryError",
    "UsageError",
]


#: How messages name the kind of item an error is about, in Vietnamese.
ITEM_VI = {
    "item": "mục", "entry": "mục", "announcement": "thông báo", "deadline": "hạn",
    "phase": "đợt", "plan": "kế hoạch", "document": "văn bản", "event": "sự kiện",
    "rule": "quy tắc", "province": "tỉnh", "audience": "nhóm",
}


class ThiduaCalendarError(Exception):
    """Base class of every error raised by thidua-calendar.

    ``vi`` is the Vietnamese form of the message (see :meth:`message`).
    """

    def __init__(self, *args: object, vi: str | None = None) -> None:
        super().__init__(*args)
        self.vi = vi

    def message(self, lang: str = "vi") -> str:
        """The message for people: Vietnamese by default, ``"en"`` for English."""
        if lang == "vi" and self.vi:
            return self.vi
        return str(self)


class OutOfRangeError(ThiduaCalendarError, ValueError):
    """A date or year lies outside the range the library supports."""


class LunarDateError(ThiduaCalendarError, ValueError):
    """A lunar date that does not exist (a leap month that year lacks, day 30 of a short month)."""


class UnknownEntryError(ThiduaCalendarError, LookupError):
    """An id that no loaded catalog defines."""


class OccurrenceError(ThiduaCalendarError, LookupError):
    """An anniversary that a phase or a deadline counts from does not occur exactly once in
    the span it is looked for in; ``count`` says how often it does."""

    def __init__(self, reason: str, /, *, count: int, vi: str | None = None) -> None:
        self.reason = reason
        self.reason_vi = vi
        self.count = count
        super().__init__(reason, vi=vi)


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
        vi: str | None = None,
        path: Path | str | None = None,
        line: int | None = None,
        entry_id: str | None = None,
        field: str | None = None,
        item: str | None = None,
    ) -> None:
        self.reason = reason
        self.reason_vi = vi
        self.path = str(path) if path is not None else None
        self.line = line
        self.entry_id = entry_id
        self.field = field
        if item is not None:
            self.item_label = item
        super().__init__(self._message("en"), vi=self._message("vi"))

    @classmethod
    def wrap(
        cls, error: ThiduaCalendarError, /, *, path: Path | str | None = None,
        line: int | None = None, entry_id: str | None = None, field: str | None = None,
        item: str | None = None,
    ) -> Self:
        """Another error of the library, as this kind of input error at a place; both of
        its languages are kept."""
        reason = getattr(error, "reason", None) or str(error)
        vi = getattr(error, "reason_vi", None) or error.vi
        return cls(reason, vi=vi, path=path, line=line, entry_id=entry_id, field=field,
                   item=item)

    def located(self, *, path: str, line: int) -> InputError:
        """The same error, placed in a file (for errors found after parsing)."""
        return type(self)(
            self.reason, vi=self.reason_vi, path=path, line=line, entry_id=self.entry_id,
            field=self.field, item=self.item_label,
        )

    def message(self, lang: str = "vi") -> str:
        return self._message(lang)

    def _message(self, lang: str) -> str:
        vi = lang == "vi"
        if self.path is None and self.line is None:
            where = None
        else:
            where = self.path or self.default_where
            if self.line is not None:
                where += f":{self.line}"
        context = []
        if self.entry_id is not None:
            label = ITEM_VI.get(self.item_label, self.item_label) if vi else self.item_label
            context.append(f"{label} “{self.entry_id}”" if vi else
                           f"{label} {self.entry_id!r}")
        if self.field is not None:
            context.append(f"trường “{self.field}”" if vi else f"field {self.field!r}")
        reason = (self.reason_vi or self.reason) if vi else self.reason
        parts = [part for part in (where, ", ".join(context)) if part]
        return ": ".join([*parts, reason])


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


class DocumentError(InputError):
    """A plan document (.txt, .md, .docx) that cannot be read."""

    item_label = "document"
    default_where = "<document>"


class PlanError(InputError):
    """A plan that cannot be read or built: overlapping phases, an unknown id…"""

    item_label = "item"
    default_where = "<plan>"


class PhaseError(ThiduaCalendarError, ValueError):
    """Phases that cannot be made or used as asked (a split outside the period…)."""


class ProvinceError(ThiduaCalendarError, LookupError):
    """A province that is not known, or did not exist on the date asked (the message names
    the closest names, or when it existed and what it became)."""


class UsageError(ThiduaCalendarError, ValueError):
    """A command-line value that cannot be understood."""


class BilingualValueError(ValueError):
    """A ``ValueError`` that also says itself in Vietnamese: what parsers and schema
    validators raise, so that the located error a file loader makes of it (through pydantic,
    whose ``ctx["error"]`` keeps it) can speak Vietnamese too."""

    def __init__(self, message: str, /, *, vi: str) -> None:
        super().__init__(message)
        self.vi = vi

