"""The drafter: a plan's text read into a :class:`~thidua_calendar.reading.draft.PlanDraft`.

It reads what :mod:`thidua_calendar.reading.printed_plan` finds in a plan (its đợt, the
anniversaries each đợt greets, its deadlines) and the header
(:mod:`thidua_calendar.reading.header`), and decides what the plan file says:

- the đợt: ``Đợt 1: Từ nay đến 30/6/2022``, ``Thi đua đợt (từ tháng 01/2022 đến …)``, and a
  movement "được tổ chức từ nay đến khi …" with no set end; their themes from
  ``Với chủ đề “…”``;
- what to greet: every counted anniversary printed in a đợt's paragraph, matched to the
  catalog (tolerantly, :func:`~thidua_calendar.reading.matching.match_entry`); days the
  catalog lacks become the plan's ``local:`` days; a day greeted by a đợt that ends before it
  is a ``lead_up``; a printed base date that contradicts the catalog keeps the catalog's
  entry and says so; a catalog day printed without a count ("Tháng Công nhân năm 2022") is
  greeted when its whole name stands in the đợt's paragraph;
- deadlines: ``trước ngày X`` / ``chậm nhất ngày X`` / ``đến hết ngày X``, named from the
  task before them, with the groups of "riêng …" clauses as audiences.

What it cannot read is never guessed: :meth:`Drafter.note` records it, and it becomes a
``# ?: …`` comment at the place it concerns; where the file needs a value anyway, the value
is a marked placeholder.  One :class:`Drafter` reads one document: what its steps share (the
notes, the period's bounds, the local days and lead-ups found so far) are its attributes.

Pure: no files, no clock.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from thidua_calendar.anniversaries import FIRST_YEAR, LAST_YEAR, Commemoration, occurrence
from thidua_calendar.dates import month_end
from thidua_calendar.files.documents import Document
from thidua_calendar.files.plan_writer import comment_text
from thidua_calendar.reading.deadline_drafts import draft_deadlines, usable
from thidua_calendar.reading.draft import (
    Comment,
    DeadlineDraft,
    EventDraft,
    LeadUp,
    LocalDay,
    OrganisationDraft,
    PeriodDraft,
    PhaseDraft,
    PlanDraft,
    _Names,
    _slug,
)
from thidua_calendar.reading.header import Header, read_header
from thidua_calendar.reading.matching import (
    contradicts,
    match_entry,
    match_partner,
    origin_text,
)
from thidua_calendar.reading.printed_plan import (
    AnniversaryText,
    PhaseText,
    TextDate,
    read_items,
    read_phases,
    read_year,
)
from thidua_calendar.text import fold, one_line, slug, upper_first

__all__ = ["Drafter"]

_ONE_DAY = timedelta(days=1)
#: What a greeting step finds, in the order the file lists it: ids, and comment lines.
_Found = list[str | Comment]


# -- small helpers -------------------------------------------------------------------------------


def _start_spec(day: TextDate) -> str:
    if day.precision == "day":
        return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    if day.precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def _end_of(day: TextDate) -> tuple[date, str]:
    """The last day a written end stands for, and how to write it in the file."""
    first = date(day.year, day.month or 1, day.day or 1)
    if day.precision == "day":
        return first, first.isoformat()
    if day.precision == "month":
        return month_end(first), f"{day.year:04d}-{day.month:02d}"
    return date(day.year, 12, 31), f"{day.year:04d}-12-31"


def _show(day: date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


# -- đợt -----------------------------------------------------------------------------------------

_DATE = r"(?:\d{1,2}\s*(?:/{1,2}|\.|-)\s*)?(?:\d{1,2}\s*(?:/{1,2}|\.|-)\s*)?\d{4}"
_MOVEMENT = re.compile(
    r"(?P<label>phong trào thi đua|thi đua)\b[^.;:\n]{0,80}?\btừ\s+(?P<start>nay|" + _DATE
    + r")\s*(?:-|–|đến)\s*(?P<end>khi\b[^:;.\n]*|" + _DATE + r")",
    re.IGNORECASE,
)
_PHASE_LABEL = re.compile(r"(?im)^[ \t\-+•*#>]*(?P<label>đợt\s+(?:\d{1,2}|[IVX]{1,4}))\b")
_BREAK = re.compile(
    r"(?m)^[ \t]*(?:[-+•][ \t]|\*\*|#|[IVXLC]+\.[ \t]|\d+(?:\.\d+)*\.[ \t]|Trên đây|Nơi nhận)"
)
# "chào mừng <an event>", up to the clause's end.
_EVENT = re.compile(r"\bchào\s+mừng\s+(?:thành\s+công\s+)?(?P<name>[^;.\n()]{6,160})",
                    re.IGNORECASE)
#: What "chào mừng" is followed by when it greets no one-off event: the days it counts, the
#: holidays, the seasons.
_NOT_EVENT = re.compile(r"^(?:kỷ\s+niệm|các\s|những\s|ngày\s|năm\s|mừng\s|tết\s|xuân\s)|"
                        r"(?<!\d)\d+\s+năm\s|\d{1,2}/\d{1,2}|\(", re.IGNORECASE)
_THEME = re.compile(r"[Vv]ới\s+chủ\s+đề\s*:?\s*[“\"]\s*(?P<theme>[^”\"]{1,300}?)\s*[”\"]")
_SPAN_LIMIT = 2500


@dataclass(slots=True)
class _Phase:
    """A đợt while it is drafted: its start is set once the issue date is known, and the
    period's check adds notes to it; :class:`PhaseDraft` is what the file gets."""

    id: str
    name: str
    column: int
    start_spec: str
    start: date
    end_spec: str | None
    end: date | None
    end_text: str | None = None
    theme: str | None = None
    span_end: int = 0
    notes: list[str] = field(default_factory=list)


def _paragraph_end(text: str, start: int) -> int:
    line_end = text.find("\n", start)
    if line_end < 0:
        return len(text)
    limit = min(len(text), start + _SPAN_LIMIT)
    found = _BREAK.search(text, line_end + 1, limit)
    return found.start() if found is not None else limit


# -- the drafter ---------------------------------------------------------------------------------


class Drafter:
    """Drafts the plan file of one document: ``Drafter(document, catalog=…, source=…).draft()``.

    The steps run in the order of the file and share what they found through attributes:
    :attr:`unresolved` (every ``?:`` note, in order), :attr:`orphans` (đợt that could not be
    read), the period's bounds, and the ``local`` days and ``lead_up`` entries found while
    greeting.
    """

    def __init__(self, document: Document, /, *, catalog: Sequence[Commemoration],
                 source: str, lang: str = "vi") -> None:
        self.lang = lang
        self.document = document
        self.text = document.text
        self.catalog = catalog
        self.by_id = {entry.id: entry for entry in catalog}
        self.source = source
        self.unresolved: list[str] = []
        self.local_names = _Names(self.by_id)
        self.orphans: list[str] = []  # notes for the phases list: đợt that could not be read
        # Set by draft() before the greetings read them.
        self.period_start = self.period_end = date(FIRST_YEAR, 1, 1)
        self.local: list[LocalDay] = []
        self.local_ids: dict[str, str] = {}  # folded name -> id
        self.lead_up: dict[str, LeadUp] = {}  # a later one for the same key replaces it

    def note(self, message: str, *, vi: str) -> str:
        """Record something not understood (``message`` in English, ``vi`` in Vietnamese);
        the comment text for the file, in the drafter's language."""
        message = comment_text(message if self.lang == "en" else vi)
        self.unresolved.append(message)
        return f"?: {message}"

    # -- the whole file --

    def draft(self) -> PlanDraft:
        header = read_header(self.document.lines, self.text)
        year = read_year(self.document.lines)
        # What names the plan in its feeds' UIDs: the organisation's name as it stands now,
        # kept when the name is edited later (docs/feeds.md).
        plan_id = slug(header.organisation) if header.organisation else None
        title = header.title
        title_notes: tuple[str, ...] = ()
        if not title:
            title, title_notes = "Kế hoạch (tên chưa đọc được)", (self.note(
                "no title found after “KẾ HOẠCH”; write the plan's subject line",
                vi="không thấy tên kế hoạch sau “KẾ HOẠCH”; hãy ghi trích yếu của kế hoạch"),)
        if header.organisation:
            organisation = OrganisationDraft(name=header.organisation)
        else:
            organisation = OrganisationDraft(name="Đơn vị ban hành", notes=(self.note(
                "the issuing body was not found (neither in the header nor as “Ban Thường "
                "vụ/Ban Chấp hành …”); write its name",
                vi="không thấy cơ quan ban hành (ở phần đầu hay ở “Ban Thường vụ/Ban Chấp hành "
                   "…”); hãy ghi tên cơ quan"),))
        organisation = dataclasses.replace(organisation, parent=header.parent or None,
                                           place=header.place or None)
        phases = self.read_phases()
        issued, issued_notes, issued_date = self.issued(header, phases, year)
        for phase in phases:
            if phase.start_spec == "issued":
                phase.start = issued_date
        period, gaps, overlaps = self.period(phases, issued_date, year)
        self.period_start, self.period_end = _period_bounds(period, phases, issued_date)
        phase_list = self.phase_list(phases)
        greet = self.greetings(phases)
        events = self.events(phases)
        deadlines = self.deadlines()
        return PlanDraft(
            source=self.source, id=plan_id, title=title, title_notes=title_notes,
            organisation=organisation, implements=header.implements or None, issued=issued,
            issued_notes=issued_notes, period=period, phases=tuple(phase_list), allow_gaps=gaps,
            allow_overlaps=overlaps, greet=tuple(greet), local=tuple(self.local),
            lead_up=tuple(self.lead_up.values()), events=tuple(events),
            deadlines=tuple(deadlines),
            unresolved=tuple(self.unresolved))

    def issued(self, header: Header, phases: Sequence[_Phase], year: int | None
               ) -> tuple[str, tuple[str, ...], date]:
        """The issue date as the file writes it, its notes, and the day it stands for."""
        notes: list[str] = []
        if header.issued is not None and header.issued_date is not None:
            if header.issued_note:
                notes.append(f"note: {header.issued_note}")
            return header.issued, tuple(notes), header.issued_date
        # A placeholder, marked: the month of the plan this one implements, else the first
        # đợt's start, else the plan's year.
        implemented = re.search(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})",
                                header.implements or "")
        placeholder: tuple[str, date] | None = None
        why, why_vi = "a placeholder", "một ngày tạm"
        if implemented is not None:
            month, found_year = int(implemented[2]), int(implemented[3])
            if 1 <= month <= 12 and FIRST_YEAR <= found_year <= LAST_YEAR:
                placeholder = (f"{found_year:04d}-{month:02d}", date(found_year, month, 1))
                why, why_vi = ("the month of the plan it implements",
                               "tháng của kế hoạch cấp trên")
        dated = [phase for phase in phases if phase.start_spec != "issued"]
        if placeholder is None and dated:
            first = min(dated, key=lambda phase: phase.start).start
            placeholder = (f"{first.year:04d}-{first.month:02d}", first.replace(day=1))
            why, why_vi = "the month the first đợt starts", "tháng bắt đầu đợt 1"
        if placeholder is None:
            fallback = year if year is not None and FIRST_YEAR <= year <= LAST_YEAR else 2000
            placeholder = (f"{fallback:04d}", date(fallback, 1, 1))
            if year is not None:
                why, why_vi = "the plan's year", "năm của kế hoạch"
        if header.issued_unreadable:
            reason = f"the issue date “{header.issued_unreadable}” is not a real date"
            reason_vi = f"ngày ban hành “{header.issued_unreadable}” không có thật"
        else:
            reason = "the text gives no issue date (“…, ngày … tháng … năm …”)"
            reason_vi = "văn bản không ghi ngày ban hành (“…, ngày … tháng … năm …”)"
        notes.append(self.note(f"{reason}; {placeholder[0]} is {why}: write the date the plan "
                               "was signed",
                               vi=f"{reason_vi}; tạm ghi {placeholder[0]} là {why_vi}: hãy ghi "
                                  "ngày ký kế hoạch"))
        return placeholder[0], tuple(notes), placeholder[1]

    # -- đợt --

    def read_phases(self) -> list[_Phase]:
        found = read_phases(self.text)
        generic = False
        if not found:
            movement = _MOVEMENT.search(self.text)
            if movement is not None:
                found = [_movement_phase(movement)]
                generic = True
        columns = sorted({phase.column for phase in found}
                         | {m.start("label") for m in _PHASE_LABEL.finditer(self.text)})
        phases: list[_Phase] = []
        seen: set[tuple[str, str | None, str | None]] = set()
        taken = _Names()
        for position, text_phase in enumerate(found, start=1):
            key = (text_phase.label.lower(), text_phase.start_text, text_phase.end_text)
            if key in seen:
                continue
            seen.add(key)
            phase = self.make_phase(text_phase, position, taken, generic=generic)
            if phase is None:
                continue
            later = bisect.bisect_right(columns, phase.column)  # the next label, if any
            phase.span_end = min([*columns[later:later + 1],
                                  _paragraph_end(self.text, phase.column)])
            theme = _THEME.search(self.text, phase.column, phase.span_end)
            if theme is not None:
                cleaned = one_line(theme["theme"].replace("*", " ")).strip(" .")
                if cleaned:
                    phase.theme = cleaned
            phases.append(phase)
        read_columns = sorted(phase.column for phase in found)
        for label in _PHASE_LABEL.finditer(self.text):
            line_start = self.text.rfind("\n", 0, label.start()) + 1
            line_end = self.text.find("\n", label.start())
            line_end = len(self.text) if line_end < 0 else line_end
            first = bisect.bisect_left(read_columns, line_start)  # one read on this line?
            if first < len(read_columns) and read_columns[first] <= line_end:
                continue
            line = one_line(self.text[line_start:line_end])[:160]
            self.orphans.append(self.note(
                f"{upper_first(one_line(label['label']))}: its dates could not be read "
                f"(“{line}”); add it to phases by hand",
                vi=f"{upper_first(one_line(label['label']))}: không đọc được thời gian "
                   f"(“{line}”); hãy thêm đợt này vào phases"))
        if not phases:
            self.orphans.append(self.note(
                "no đợt with readable dates was found (“Đợt 1: từ … đến …”); write the "
                "phases by hand",
                vi="không thấy đợt nào đọc được thời gian (“Đợt 1: từ … đến …”); hãy ghi các "
                   "đợt"))
        phases.sort(key=lambda phase: phase.start)
        return phases

    def make_phase(self, found: PhaseText, position: int, taken: _Names, *,
                   generic: bool) -> _Phase | None:
        label = upper_first(one_line(found.label))
        number = found.number if found.number is not None else position
        phase_id = taken.new(f"dot_{number}")
        written = [day for day in (found.start, found.end) if day is not None]
        bad = [day for day in written if not usable(day)]
        if bad:
            self.orphans.append(self.note(
                f"{label}: {bad[0].text} is not a real date; add this đợt by hand",
                vi=f"{label}: ngày “{bad[0].text}” không có thật; hãy thêm đợt này"))
            return None
        if found.start_now:
            start_spec, start = "issued", date(FIRST_YEAR, 1, 1)  # set once issued is known
        elif found.start is not None:
            start_spec, start = _start_spec(found.start), date(
                found.start.year, found.start.month or 1, found.start.day or 1)
        else:
            self.orphans.append(self.note(f"{label}: its start could not be read",
                                          vi=f"{label}: không đọc được ngày bắt đầu"))
            return None
        end_spec: str | None = None
        end: date | None = None
        end_text: str | None = None
        notes: list[str] = []
        if found.end is not None:
            end, end_spec = _end_of(found.end)
        elif found.end_text and found.end_text.lower().startswith("khi"):
            end_text = one_line(found.end_text).rstrip(" ,")
        else:
            notes.append(self.note(f"{label}: no end was read; give end (or end_text)",
                                   vi=f"{label}: không đọc được ngày kết thúc; hãy ghi end "
                                      "(hoặc end_text)"))
        name = "Phong trào thi đua" if generic else label
        return _Phase(id=phase_id, name=name, column=found.column, start_spec=start_spec,
                      start=start, end_spec=end_spec, end=end, end_text=end_text, notes=notes)

    def period(self, phases: Sequence[_Phase], issued: date,
               year: int | None) -> tuple[PeriodDraft, bool, bool]:
        """The plan's period, and whether its đợt leave gaps or overlap (as printed)."""
        if not phases:
            fallback = year if year is not None and FIRST_YEAR <= year <= LAST_YEAR else (
                issued.year)
            why = ("the year the text names most" if fallback == year else
                   "the year of the issue date")
            why_vi = ("năm văn bản nhắc nhiều nhất" if fallback == year else
                      "năm của ngày ban hành")
            return PeriodDraft(year=fallback, notes=(self.note(
                f"the period could not be read from the đợt; {fallback} is {why}",
                vi=f"không đọc được thời gian của kế hoạch từ các đợt; tạm ghi {fallback} là "
                   f"{why_vi}"),)), False, False
        first = phases[0]
        ends = [phase.end for phase in phases]
        if any(end is None for end in ends):
            return PeriodDraft(start=first.start_spec, notes=(
                "note: no end: the movement runs until what its last đợt says",)), False, False
        last_end = max(end for end in ends if end is not None)
        if first.start_spec == "issued":
            period = PeriodDraft(start="issued", end=last_end.isoformat())
            period_start, period_end = issued, last_end
        elif first.start.year == last_end.year:
            period = PeriodDraft(year=last_end.year)
            period_start, period_end = date(last_end.year, 1, 1), date(last_end.year, 12, 31)
        else:
            period = PeriodDraft(start=first.start_spec, end=last_end.isoformat())
            period_start, period_end = first.start, last_end
        covered = period_start
        gaps = overlaps = False
        for phase in phases:
            if phase.end is None:
                continue
            if phase.start > covered:
                gaps = True
            elif phase.start < covered and phase is not first:
                overlaps = True
                phase.notes.append(self.note(
                    f"{phase.name} starts on {_show(phase.start)}, before the đợt before it "
                    "ends: the đợt overlap",
                    vi=f"{phase.name} bắt đầu ngày {_show(phase.start)}, trước khi đợt trước "
                       "kết thúc: các đợt chồng nhau"))
            covered = max(covered, phase.end + _ONE_DAY)
        if covered <= period_end:
            gaps = True
        return period, gaps, overlaps

    def phase_list(self, phases: Sequence[_Phase]) -> list[PhaseDraft | Comment]:
        result: list[PhaseDraft | Comment] = [Comment(text=note) for note in self.orphans]
        result.extend(PhaseDraft(id=phase.id, name=phase.name, start=phase.start_spec,
                                 end=phase.end_spec, end_text=phase.end_text,
                                 theme=phase.theme, notes=tuple(phase.notes))
                      for phase in phases)
        return result

    # -- what to greet --

    def greetings(self, phases: Sequence[_Phase]) -> _Found:
        """The ids each đợt greets, under its name, each id once (in the first đợt that
        greets it); local days and lead-ups are gathered on the way."""
        items = read_items(self.text)
        ids: _Found = []
        greeted: set[str] = set()
        for phase in phases:
            mine = [item for item in items if phase.column <= item.column < phase.span_end]
            found: _Found = []
            for item in mine:
                found.extend(self.greet_item(item, phase))
            found.extend(self.undated(phase, mine))
            found.extend(self.uncounted(phase))
            kept: _Found = []
            for value in found:
                if isinstance(value, str):
                    if value in greeted:
                        continue
                    greeted.add(value)
                kept.append(value)
            if kept:
                ids.append(Comment(text=phase.name))
                ids.extend(kept)
        return ids

    def greet_item(self, item: AnniversaryText, phase: _Phase) -> _Found:
        printed = _printed(item)
        for end in (item.first, item.second):
            if end is not None and not end.valid:
                return [self.comment(f"{phase.name}: “{printed}”: {end.text} is not a real "
                                     "date; not greeted",
                                     vi=f"{phase.name}: “{printed}”: ngày “{end.text}” không có "
                                        "thật; không đưa vào")]
        result: _Found = []
        entry = match_entry(item.name, self.catalog, day=item.first)
        year = _occurrence_year(item, entry, phase)
        if entry is None:
            return self.local_item(item, phase, printed, year)
        entries = [entry]
        if re.search(r"\svà\s", item.name):
            for part in re.split(r"\s+và\s+", item.name):
                partner = match_partner(part, self.catalog, entry.origin.year)
                if partner is not None and partner not in entries:
                    entries.append(partner)
        if contradicts(item.first, entry):
            counted = (entry.origin.year is not None and item.count is not None
                       and year is not None and year - entry.origin.year == item.count)
            why = (f"{item.count} năm in {year} counts from {entry.origin.year}"
                   if counted else "check which is right")
            why_vi = (f"{item.count} năm vào năm {year} tính từ {entry.origin.year}"
                      if counted else "hãy xem lại ngày nào đúng")
            result.append(self.comment(
                f"{phase.name}: “{printed}”: the document's date {item.first.text} is wrong: "
                f"{entry.name} dates from {origin_text(entry)} ({why}); the draft greets "
                f"{entry.id} from the catalog, so the plan prints {origin_text(entry)}",
                vi=f"{phase.name}: “{printed}”: ngày “{item.first.text}” trong văn bản sai: "
                   f"{entry.name} tính từ {origin_text(entry)} ({why_vi}); bản nháp chào mừng "
                   f"{entry.id} theo danh mục, nên kế hoạch in {origin_text(entry)}"))
        elif (entry.origin.year is not None and item.count is not None and year is not None
              and year - entry.origin.year != item.count and entry.count == "years"):
            result.append(self.comment(
                f"{phase.name}: “{printed}”: {item.count} năm does not match the catalog "
                f"({entry.name}, {origin_text(entry)}: {year - entry.origin.year} năm in "
                f"{year})",
                vi=f"{phase.name}: “{printed}”: “{item.count} năm” không khớp với danh mục "
                   f"({entry.name}, {origin_text(entry)}: {year - entry.origin.year} năm vào "
                   f"năm {year})"))
        for chosen in entries:
            day = _catalog_day(chosen, year)
            result.extend(self.place(chosen.id, day, phase, printed,
                                     repeats=_repeats(chosen, self.period_start,
                                                      self.period_end)))
            result.append(chosen.id)
        return result

    def local_item(self, item: AnniversaryText, phase: _Phase, printed: str,
                   year: int | None) -> _Found:
        """A printed day the catalog lacks: a ``local:`` day of the plan (one per name)."""
        first = item.first
        result: _Found = []
        name = upper_first(one_line(item.name))
        if not (1 <= first.year <= 9999) or year is None:
            return [self.comment(f"{phase.name}: “{printed}”: not in the catalog and its "
                                 "date cannot be read; not greeted",
                                 vi=f"{phase.name}: “{printed}”: không có trong danh mục và "
                                    "không đọc được ngày; không đưa vào")]
        key = fold(name)
        entry_id = self.local_ids.get(key)
        if entry_id is None:
            base = _slug(re.sub(r"^ngày\s+", "", name, flags=re.IGNORECASE), fallback="ngay")
            entry_id = self.local_names.new(base)
            self.local_ids[key] = entry_id
            self.local.append(LocalDay(id=entry_id, name=name, origin=_start_spec(first),
                                       note=f"from the plan's text: “{printed}”"))
        if item.count is not None and year - first.year != item.count:
            result.append(self.comment(
                f"{phase.name}: “{printed}”: {item.count} năm does not match the dates "
                f"({year - first.year} years)",
                vi=f"{phase.name}: “{printed}”: “{item.count} năm” không khớp với ngày tháng "
                   f"({year - first.year} năm)"))
        try:
            day: date | None = date(year, first.month or 1, first.day or 1)
        except ValueError:
            day = None
        start, end = self.period_start, self.period_end
        repeats = FIRST_YEAR <= year <= LAST_YEAR and sum(
            1 for y in range(start.year, end.year + 1)
            if _safe_date(y, first.month or 1, first.day or 1) is not None
            and start <= date(y, first.month or 1, min(first.day or 1, 28)) <= end
        ) > 1
        result.extend(self.place(entry_id, day, phase, printed, repeats=repeats))
        result.append(entry_id)
        return result

    def place(self, entry_id: str, day: date | None, phase: _Phase, printed: str, *,
              repeats: bool, lead_up: bool = True) -> _Found:
        """Where the greeted day falls: in the đợt, after it (a lead-up, recorded when
        ``lead_up``), or elsewhere (a note)."""
        if day is None:
            return []
        if not self.period_start <= day <= self.period_end:
            return [self.comment(
                f"{phase.name}: “{printed}”: {_show(day)} is outside the plan's period, so "
                "the plan will not print it",
                vi=f"{phase.name}: “{printed}”: ngày {_show(day)} nằm ngoài thời gian của kế "
                   "hoạch, nên kế hoạch sẽ không in")]
        if day < phase.start:
            return [self.comment(
                f"{phase.name}: “{printed}”: {_show(day)} is before {phase.name} starts; the "
                "plan will greet it in the đợt that contains it",
                vi=f"{phase.name}: “{printed}”: ngày {_show(day)} trước khi {phase.name} bắt "
                   "đầu; kế hoạch sẽ chào mừng ngày ấy trong đợt chứa nó")]
        if lead_up and phase.end is not None and day > phase.end:
            key = f"{entry_id}@{day.year}" if repeats else entry_id
            self.lead_up[key] = LeadUp(key=key, phase=phase.id, notes=(
                f"{phase.name} ends on {_show(phase.end)} but greets “{printed}”: it leads up "
                "to it",))
        return []

    def undated(self, phase: _Phase, mine: Sequence[AnniversaryText]) -> _Found:
        """Counted days printed without dates ("kỷ niệm 93 năm Ngày thành lập Công đoàn Việt
        Nam."): greeted when the catalog knows the day and the count agrees."""
        columns = {item.column for item in mine}
        result: _Found = []
        for match in _UNDATED.finditer(self.text, phase.column, phase.span_end):
            if match.start() in columns or "(" in self.text[match.end(): match.end() + 3]:
                continue
            count = int(match["count"])
            name = one_line(match["name"]).rstrip(" “\"")
            printed = f"{count} năm {name}"
            entry = match_entry(name, self.catalog)
            base = entry.origin.year if entry is not None else None
            year = base + count if base is not None else None
            start = phase.start
            end = phase.end or self.period_end
            if entry is None or year is None or not start.year <= year <= end.year:
                why = ("not in the catalog" if entry is None else
                       f"{entry.name} ({origin_text(entry)}) is not {count} năm in this đợt")
                why_vi = ("không có trong danh mục" if entry is None else
                          f"{entry.name} ({origin_text(entry)}) không tròn {count} năm trong "
                          "đợt này")
                result.append(self.comment(
                    f"{phase.name}: “{printed}” has no dates and {why}; not greeted",
                    vi=f"{phase.name}: “{printed}” không ghi ngày và {why_vi}; không đưa vào"))
                continue
            day = _catalog_day(entry, year)
            # Not recorded as a lead-up: the text printed no date to say it leads up to one.
            result.extend(self.place(entry.id, day, phase, printed, repeats=False,
                                     lead_up=False))
            result.append(entry.id)
        return result

    def uncounted(self, phase: _Phase) -> _Found:
        """Days the catalog greets without a count ("Tháng Công nhân năm 2022", "Tết Nguyên
        đán"): greeted when their whole name stands in the đợt's paragraph and their day falls
        in the đợt."""
        text = " " + fold(self.text[phase.column: phase.span_end]) + " "
        end = phase.end or self.period_end
        result: _Found = []
        for entry in self.catalog:
            name = fold(entry.name)
            if entry.count != "none" or len(name.split()) < 2 or f" {name} " not in text:
                continue
            days = [day for year in range(phase.start.year, end.year + 1)
                    if (day := _catalog_day(entry, year)) is not None
                    and phase.start <= day <= end]
            if days:
                result.append(entry.id)
            else:
                result.append(self.comment(
                    f"{phase.name}: “{entry.name}” is printed but does not fall in the đợt; "
                    "not greeted",
                    vi=f"{phase.name}: “{entry.name}” được in nhưng không rơi vào đợt; không "
                       "đưa vào"))
        return result

    def events(self, phases: Sequence[_Phase]) -> list[EventDraft]:
        """One-off events a đợt greets: "chào mừng <name>" with no count, no date and no
        catalog day in it ("chào mừng Hội nghị viên chức, người lao động năm học 2027 -
        2028", "chào mừng thành công Đại hội Công đoàn tỉnh lần thứ XI")."""
        found: list[EventDraft] = []
        names = _Names()
        for phase in phases:
            for match in _EVENT.finditer(self.text, phase.column, phase.span_end):
                name = upper_first(one_line(match["name"]).strip(" ,“”\""))
                if (_NOT_EVENT.search(name) or len(name) < 6
                        or match_entry(name, self.catalog) is not None):
                    continue
                folded = fold(name)
                if any(fold(entry.name) in folded for entry in self.catalog
                       if len(fold(entry.name).split()) > 1):
                    continue
                found.append(EventDraft(
                    id=names.new(_slug(name, fallback="su_kien")), name=name,
                    date=f"{phase.start:%Y-%m}", phase=phase.id, notes=(comment_text(
                        f"note: {phase.name} greets it; its date is not printed, the đợt's "
                        "start month stands in" if self.lang == "en" else
                        f"note: {phase.name} chào mừng sự kiện này; ngày của nó không được in, "
                        "tạm lấy tháng bắt đầu của đợt"),)))
        return found

    def comment(self, message: str, *, vi: str) -> Comment:
        """:meth:`note` as a comment line among a list's items."""
        return Comment(text=self.note(message, vi=vi))

    def deadlines(self) -> list[DeadlineDraft | Comment]:
        """The deadlines the text prints (:func:`~thidua_calendar.reading.deadline_drafts.
        draft_deadlines`), noted here."""
        return draft_deadlines(self.document, self)


_UNDATED = re.compile(
    r"(?<![\d/.])(?P<count>\d{1,3})\s+năm\s+(?P<name>[Nn]gày\s[^.;,()“”\"\d]{3,100})"
)


def _printed(item: AnniversaryText) -> str:
    count = f"{item.count} năm " if item.count is not None else ""
    dates = item.first.text + (f" - {item.second.text}" if item.second is not None else "")
    return one_line(f"{count}{item.name} ({dates})")


def _movement_phase(match: re.Match[str]) -> PhaseText:
    start_text, end_text = match["start"], match["end"]
    start = None if start_text.lower() == "nay" else TextDate.parse(start_text)
    end = None if end_text.lower().startswith("khi") else TextDate.parse(end_text)
    return PhaseText(label=one_line(match["label"]), number=None, start=start, end=end,
                     start_now=start is None, column=match.start(), start_text=start_text,
                     end_text=end_text)


def _occurrence_year(item: AnniversaryText, entry: Commemoration | None,
                     phase: _Phase) -> int | None:
    """The year the printed anniversary falls in."""
    if item.second is not None and item.second.valid:
        return item.second.year
    base = entry.origin.year if entry is not None and entry.origin.year is not None else (
        item.first.year)
    if item.count is not None:
        return base + item.count
    return phase.start.year


def _catalog_day(entry: Commemoration, year: int | None) -> date | None:
    if year is None:
        return None
    try:
        found = occurrence(entry, year)
    except ValueError:
        return None
    return found.date if found is not None else None


def _repeats(entry: Commemoration, start: date, end: date) -> bool:
    days = [day for year in range(start.year, end.year + 1)
            if (day := _catalog_day(entry, year)) is not None and start <= day <= end]
    return len(days) > 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _period_bounds(period: PeriodDraft, phases: Sequence[_Phase], issued: date
                   ) -> tuple[date, date]:
    """The first and last day the plan greets (an open period: to the end of the next year)."""
    if period.year is not None:
        return date(period.year, 1, 1), date(period.year, 12, 31)
    start = issued if period.start == "issued" else phases[0].start if phases else issued
    if period.end is not None:
        end = date.fromisoformat(period.end)
    else:
        end = date(min(start.year + 1, LAST_YEAR), 12, 31)
    return start, end
