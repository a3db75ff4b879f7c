"""Drafting a plan file from a plan's text: :func:`extract_plan`, the entry point.

It reads a plan (its header, đợt, the anniversaries each đợt greets, its deadlines) and
writes a plan file (docs/plans.md) that a person then checks.  What it cannot read is never
guessed: it is written into the file as a ``# ?: …`` comment at the place it concerns and
listed in :attr:`Draft.unresolved`; where the file needs a value anyway (a required field),
the value is a marked placeholder.

The work is done in parts, each in its module: the header
(:mod:`~thidua_calendar.reading.header`), the drafter that decides what the file says
(:mod:`~thidua_calendar.reading.drafter`), the typed draft it builds
(:mod:`~thidua_calendar.reading.draft`) and the comment-keeping writer
(:mod:`thidua_calendar.files.plan_writer`).

Pure: no files, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from thidua_calendar.anniversaries import Commemoration
from thidua_calendar.files.documents import Document
from thidua_calendar.reading.draft import PlanDraft, draft_text
from thidua_calendar.reading.drafter import Drafter

__all__ = ["Draft", "extract_plan"]


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft plan file: its YAML text, and what could not be read (each also a ``# ?:``
    comment in the text, at the place it concerns); ``plan`` is what was read, typed."""

    yaml: str
    unresolved: tuple[str, ...] = ()
    plan: PlanDraft | None = None


def extract_plan(document: Document, /, *, catalog: Iterable[Commemoration],
                 source: str, lang: str = "vi") -> Draft:
    """A draft plan file for a plan's text; ``catalog`` gives the known days (the built-in
    catalog, usually), ``source`` names the text in the draft's opening comment; the notes on
    what could not be read are in ``lang`` (Vietnamese by default, ``"en"``)."""
    plan = Drafter(document, catalog=tuple(catalog), source=source, lang=lang).draft()
    return Draft(yaml=draft_text(plan), unresolved=plan.unresolved, plan=plan)
