"""A drafted plan file, typed: what the drafter read, before it is written as YAML.

The drafter used to build a dict that spelled the plan file's keys by hand as it went; now it
builds these values, and :func:`draft_text` alone turns them into the file (docs/plans.md),
through the comment-keeping writer of :mod:`thidua_calendar.files.plan_writer`.  So a key of
the plan file is spelled in one place, and a test can look at what was read without parsing
YAML.

Every ``notes`` are comment lines written above their value: a ``?: …`` line says what
could not be read (and is also in :attr:`PlanDraft.unresolved`), a ``note: …`` line explains
a value.  Dates a file writes as they are printed (``2022``, ``2022-06``, ``issued``) are kept
as those strings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from thidua_calendar.files.plan_writer import Comment, Noted, Raw, comment_text, write_plan_text
from thidua_calendar.text import slug

__all__ = [
    "Audience",
    "Comment",
    "DeadlineDraft",
    "EventDraft",
    "LeadUp",
    "LocalDay",
    "OrganisationDraft",
    "PeriodDraft",
    "PhaseDraft",
    "PlanDraft",
    "draft_text",
]

Notes = tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class OrganisationDraft:
    """The issuing body (a placeholder with a note when it was not found)."""

    name: str
    notes: Notes = ()
    parent: str | None = None
    place: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PeriodDraft:
    """The plan's period: a calendar ``year``, or a ``start`` (``issued`` or a date) with an
    ``end`` (none: an open movement)."""

    year: int | None = None
    start: str | None = None
    end: str | None = None
    notes: Notes = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class PhaseDraft:
    """A đợt: its ``start``/``end`` as the file writes them, or ``end_text`` for an end
    printed as words ("đến khi …")."""

    id: str
    name: str
    start: str
    end: str | None = None
    end_text: str | None = None
    theme: str | None = None
    notes: Notes = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class LocalDay:
    """A day the plan greets that the catalog lacks."""

    id: str
    name: str
    origin: str
    note: str


@dataclass(frozen=True, slots=True, kw_only=True)
class LeadUp:
    """A greeted day (``key``: its id, or ``id@year`` when it recurs in the period) that the
    đợt ``phase`` leads up to, ending before it."""

    key: str
    phase: str
    notes: Notes = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDraft:
    """A one-off event a đợt greets ("chào mừng Hội nghị viên chức …"), attached to it; its
    ``date`` as the file writes it (the đợt's start month when the text prints none)."""

    id: str
    name: str
    date: str
    phase: str
    notes: Notes = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Audience:
    """The group of a "riêng …" clause, with its own date."""

    id: str
    name: str
    date: date


@dataclass(frozen=True, slots=True, kw_only=True)
class DeadlineDraft:
    """A deadline on a printed date, with the words that print it (``source``)."""

    id: str
    name: str
    date: date
    wording: str
    source: str
    audiences: tuple[Audience, ...] = ()
    notes: Notes = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanDraft:
    """A whole drafted plan file.

    ``phases``, ``greet`` and ``deadlines`` hold :class:`Comment` lines among their items
    where the file shows them: a đợt's name above the ids it greets, what could not be read.
    """

    source: str
    id: str | None
    title: str
    title_notes: Notes
    organisation: OrganisationDraft
    implements: str | None
    issued: str
    issued_notes: Notes
    period: PeriodDraft
    phases: tuple[PhaseDraft | Comment, ...]
    allow_gaps: bool = False
    allow_overlaps: bool = False
    greet: tuple[str | Comment, ...] = ()
    local: tuple[LocalDay, ...] = ()
    lead_up: tuple[LeadUp, ...] = ()
    events: tuple[EventDraft, ...] = ()
    deadlines: tuple[DeadlineDraft | Comment, ...] = ()
    unresolved: tuple[str, ...] = ()


def draft_text(draft: PlanDraft, /) -> str:
    """The plan file a draft stands for, with its comments."""
    tree: dict[str, Any] = {}
    if draft.id is not None:
        tree["id"] = draft.id
    tree["title"] = Noted(value=draft.title, notes=draft.title_notes)
    organisation = draft.organisation
    tree["organisation"] = _present(name=Noted(value=organisation.name, notes=organisation.notes),
                                    parent=organisation.parent, place=organisation.place)
    if draft.implements:
        tree["implements"] = draft.implements
    tree["issued"] = Noted(value=Raw(text=draft.issued), notes=draft.issued_notes)
    period = draft.period
    tree["period"] = Noted(value=(
        {"year": period.year} if period.year is not None else
        _present(start=_raw(period.start), end=_raw(period.end))), notes=period.notes)
    tree["phases"] = [item if isinstance(item, Comment) else _phase(item)
                      for item in draft.phases]
    allow: dict[str, Any] = {}
    if draft.allow_gaps:
        allow["gaps"] = Noted(value=True, notes=(
            "note: the đợt leave part of the period uncovered, as the plan prints them",))
    if draft.allow_overlaps:
        allow["overlaps"] = True
    if allow:
        tree["allow"] = allow
    if any(isinstance(value, str) for value in draft.greet):
        tree["greet"] = [{"ids": list(draft.greet)}]
    elif draft.greet:
        # Only comments: the đợt's names would head nothing; what could not be read stays.
        tree["greet"] = [value for value in draft.greet
                         if isinstance(value, Comment) and value.text.startswith("?:")]
    if draft.local:
        tree["local"] = [{"id": day.id, "name": day.name, "origin": day.origin,
                          "note": day.note} for day in draft.local]
    if draft.lead_up:
        tree["lead_up"] = {lead.key: Noted(value=lead.phase, notes=lead.notes)
                           for lead in draft.lead_up}
    if draft.events:
        tree["events"] = [Noted(value={"id": event.id, "name": event.name,
                                       "date": Raw(text=event.date), "phase": event.phase},
                                notes=event.notes) for event in draft.events]
    if draft.deadlines:
        tree["deadlines"] = [item if isinstance(item, Comment) else _deadline(item)
                             for item in draft.deadlines]
    source = comment_text(draft.source) or "a plan"
    return write_plan_text(tree, heading=(
        f"Draft plan file, read from {source} by thidua-calendar.",
        "Check every value against the plan; the comments marked “?:” say what could not "
        "be read."))


def _present(**values: Any) -> dict[str, Any]:
    """The keys whose value is given, in order."""
    return {key: value for key, value in values.items() if value is not None}


def _raw(text: str | None) -> Raw | None:
    return Raw(text=text) if text is not None else None


def _phase(phase: PhaseDraft) -> Noted:
    return Noted(value=_present(id=phase.id, name=phase.name, start=Raw(text=phase.start),
                                end=_raw(phase.end), end_text=phase.end_text,
                                theme=phase.theme), notes=phase.notes)


def _deadline(deadline: DeadlineDraft) -> Noted:
    rule: dict[str, Any] = {"id": deadline.id, "name": deadline.name,
                            "date": Raw(text=deadline.date.isoformat()),
                            "wording": deadline.wording, "source": deadline.source}
    if deadline.audiences:
        rule["audiences"] = [{"id": audience.id, "name": audience.name,
                              "date": Raw(text=audience.date.isoformat())}
                             for audience in deadline.audiences]
    return Noted(value=rule, notes=deadline.notes)


# -- ids of a draft ------------------------------------------------------------------------


def _slug(text: str, *, fallback: str = "muc") -> str:
    """An id for the plan file: lower-case ASCII words joined by underscores, at most 60
    characters, starting with a letter (the file's ids must)."""
    result = slug(text, separator="_", fallback="", limit=60)
    if not result:
        return fallback
    return result if result[0].isalpha() else f"{fallback}_{result}"


class _Names:
    """Fresh ids: a base, else the base with _2, _3… (never one already used)."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self.used = set(reserved)
        self.following: dict[str, int] = {}

    def new(self, base: str) -> str:
        number = self.following.get(base, 1)
        name = base if number == 1 else f"{base}_{number}"
        while name in self.used:
            number += 1
            name = f"{base}_{number}"
        self.following[base] = number + 1
        self.used.add(name)
        return name
