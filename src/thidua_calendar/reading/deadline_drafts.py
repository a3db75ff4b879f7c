"""Drafting a plan's deadlines from its text: each "trước ngày …", "chậm nhất ngày …" or
"đến hết ngày …" the plan prints becomes a rule of the draft, named after the task the text
gives before it; a "riêng …" clause right after a general deadline, in its sentence, becomes
an audience of it.  The drafter (:mod:`thidua_calendar.reading.drafter`) calls it and keeps
the notes on what could not be read.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Protocol

from thidua_calendar.anniversaries import FIRST_YEAR, LAST_YEAR
from thidua_calendar.files.documents import Document
from thidua_calendar.files.plan_writer import Comment
from thidua_calendar.reading.draft import Audience, DeadlineDraft, _Names, _slug
from thidua_calendar.reading.printed_plan import TextDate, read_deadlines
from thidua_calendar.text import one_line, upper_first

__all__ = ["draft_deadlines", "usable"]

_WORDING_TEXT = {"truoc_ngay": "trước ngày", "cham_nhat": "chậm nhất ngày",
                 "den_het_ngay": "đến hết ngày"}

_DEADLINE_AT = re.compile(
    r"(?:trước ngày|chậm nhất(?: là)?(?: ngày)?|đến hết ngày)\s*\d{1,2}\s*(?:/{1,2}|\.|-)\s*"
    r"\d{1,2}\s*(?:/{1,2}|\.|-)\s*\d{4}",
    re.IGNORECASE,
)


class Notes(Protocol):
    """Where what could not be read is noted (the drafter)."""

    def note(self, message: str, *, vi: str) -> str: ...

    def comment(self, message: str, *, vi: str) -> Comment: ...


def usable(day: TextDate) -> bool:
    """A date a draft can hold: real, and within the years the library computes."""
    return day.valid and FIRST_YEAR <= day.year <= LAST_YEAR


def _table_row(document: Document, column: int) -> tuple[str, str] | None:
    """For a place in a table row (a line whose cells are joined by " | "), the row and
    the part of it before the place; ``None`` elsewhere."""
    index = bisect.bisect_right(document.starts, column) - 1
    if index < 0 or " | " not in document.lines[index]:
        return None
    row = document.lines[index]
    return row, row[: column - document.starts[index]]


def draft_deadlines(document: Document, noter: Notes, /) -> list[DeadlineDraft | Comment]:
    """The deadlines the text prints, in order; a "riêng …" clause right after a general
    deadline, in its sentence, becomes an audience of it."""
    entries: list[DeadlineDraft | Comment] = []
    taken = _Names()
    previous_end = 0
    last_general: tuple[int, int] | None = None  # its index in entries, where it ends
    for deadline in read_deadlines(document.text):
        row = _table_row(document, deadline.column)
        if row is not None and "\n" in row[1].rsplit(" | ", 1)[-1]:
            continue  # a later paragraph of its cell: how the date was worked out
        matched = _DEADLINE_AT.match(document.text, deadline.column)
        end = matched.end() if matched is not None else deadline.column
        before = document.text[max(previous_end, deadline.column - 400): deadline.column]
        previous_end = end
        printed = f"{_WORDING_TEXT[deadline.wording]} {deadline.date.text}"
        if not usable(deadline.date):
            entries.append(noter.comment(
                f"“{one_line(before)[-80:]} {printed}”: {deadline.date.text} is not a real "
                "date; not drafted",
                vi=f"“{one_line(before)[-80:]} {printed}”: ngày “{deadline.date.text}” "
                   "không có thật; không đưa vào"))
            continue
        day = deadline.date.to_date()
        assert day is not None
        if deadline.audience and last_general is not None and not re.search(
                r"[.!?](?:\s|$)|\n", document.text[last_general[1]: deadline.column]):
            rule = entries[last_general[0]]
            assert isinstance(rule, DeadlineDraft)
            audience_name = _audience_name(deadline.audience)
            names = _Names(audience.id for audience in rule.audiences)
            audience = Audience(id=names.new(_audience_id(audience_name)),
                                name=audience_name, date=day)
            entries[last_general[0]] = dataclasses.replace(
                rule, audiences=(*rule.audiences, audience),
                source=one_line(f"{rule.source}; riêng {deadline.audience} {printed}"))
            continue
        chunk, name = _task(before)
        if row is not None:  # a table of deadlines: the task is the row's first cell
            chunk = name = upper_first(one_line(row[0].split(" | ", 1)[0]))
        notes: list[str] = []
        if not name:
            name = f"Hạn {printed}"
            notes.append(noter.note(f"“{printed}”: no task was read before the date; name "
                                   "the deadline",
                                   vi=f"“{printed}”: không đọc được việc phải làm trước "
                                      "ngày này; hãy đặt tên cho hạn"))
        if deadline.audience:
            notes.append(noter.note(
                f"“riêng {deadline.audience} {printed}” has no general deadline before "
                "it in its sentence; drafted as a deadline of its own",
                vi=f"“riêng {deadline.audience} {printed}” không có hạn chung đứng trước "
                   "trong câu; ghi thành một hạn riêng"))
            name = f"{name} ({_audience_name(deadline.audience)})"
        entries.append(DeadlineDraft(
            id=taken.new(_slug(name, fallback="han")), name=name, date=day,
            wording=deadline.wording, source=one_line(f"{chunk} {printed}"),
            notes=tuple(notes)))
        last_general = (len(entries) - 1, end) if not deadline.audience else None
    return entries


def _task(before: str) -> tuple[str, str]:
    """The task a deadline closes, from the text before it: the printed words, and a name."""
    chunks = re.split(r"[.;:\n()]|\*\*", before)
    chunk = ""
    for candidate in reversed(chunks):
        cleaned = one_line(candidate.replace("*", " ")).strip(" ,-–")
        if re.search(r"\w", cleaned):
            chunk = cleaned
            break
    name = re.split(r"\s+(?:đối với|của|cho|tại)\s+", chunk)[0]
    name = re.sub(r"^(?:thời gian|thời hạn|hạn)\s+", "", name, flags=re.IGNORECASE)
    name = re.sub(r"^(?:và|hoặc)\s+", "", name, flags=re.IGNORECASE).strip(" ,-–")
    if len(name) > 80:
        cut = name.rfind(" ", 0, 80)
        name = name[: cut if cut > 20 else 80]
    return chunk, upper_first(name)


def _audience_name(who: str) -> str:
    found = re.search(r"\bkhối\b.*", who, re.IGNORECASE)
    return one_line(found[0] if found else who)


def _audience_id(name: str) -> str:
    return _slug(re.sub(r"^khối\s+", "", name, flags=re.IGNORECASE), fallback="nhom")
