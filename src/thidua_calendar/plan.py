"""A plan (kế hoạch): its phases, the commemorations and events each phase greets, and its
deadlines, built from a :class:`Plan` description.

:func:`build_plan` selects the commemorations of the plan's period from a catalog, attaches
each to a phase (:mod:`thidua_calendar.phases`), attaches the one-off events, computes the
deadlines on a work calendar (:mod:`thidua_calendar.deadlines`, with the phases and the
selected anniversaries as anchors) and lists the year's năm tròn anniversaries for the
preamble.  Problems a plan may live with (a phase without a theme, an item no phase covers)
come back in :attr:`PlanResult.warnings`; problems it may not (overlapping phases, a gap,
a lead-up phase that does not lead up) raise :class:`~thidua_calendar.errors.PlanError`
naming the item and the field, so that the file layer can point at the line.

Pure: no files, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal

from thidua_calendar.anniversaries import (
    Commemoration,
    Milestone,
    Occurrence,
    occurrence,
    occurrence_in,
    occurrences,
)
from thidua_calendar.catalog import Catalog
from thidua_calendar.dates import Precision, month_end, month_start, vi_date
from thidua_calendar.deadlines import (
    Anchor,
    NamedDate,
    Recurring,
    Relative,
    Rule,
    Schedule,
    anchor_uses,
    phase_anchors,
)
from thidua_calendar.errors import (
    DeadlineError,
    OccurrenceError,
    OutOfRangeError,
    PhaseError,
    PlanError,
)
from thidua_calendar.events import PoliticalEvent
from thidua_calendar.phases import Period, Phase, PhaseProblem, attach, check_phases
from thidua_calendar.scheduling import schedule
from thidua_calendar.text import slug  # re-exported: the plan's key in feeds and UIDs
from thidua_calendar.workdays import WorkCalendar

if TYPE_CHECKING:
    from thidua_calendar.provinces import Province

__all__ = [
    "Event",
    "Organisation",
    "Plan",
    "PlanDocument",
    "PlanPhase",
    "PlanResult",
    "PlanWarning",
    "Selector",
    "Signer",
    "build_plan",
    "default_plan",
    "greeted_event",
    "plan_key",
    "slug",
]

_Date = date  # for annotations in classes with a field named ``date``


@dataclass(frozen=True, slots=True, kw_only=True)
class Organisation:
    """Who issues the plan: ``level`` (``tinh``, ``xa``, ``cdcs``…, a level of
    :mod:`thidua_calendar.unions`) places it in a cascade; ``parent`` names the level above;
    ``place`` is the địa danh of the issue line ("Bắc Kạn, ngày … tháng … năm …");
    ``province`` is the province or city the unit is in (its own days are greeted, and a
    ``tinh`` level of a centrally-run city prints "LĐLĐ thành phố")."""

    name: str
    short: str | None = None
    level: str | None = None
    parent: str | None = None
    place: str | None = None
    province: Province | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """A one-off event a phase greets: a congress, an election, a conference.

    ``precision`` says how much of ``date`` is known ("Đại hội … tháng 10/2020");
    ``phase`` attaches it to a phase by id instead of by date.  ``greeting`` is the clause a
    phase prints for it ("chào mừng thành công Đại hội …"; without one, the events of a phase
    are printed together after "chào mừng"); ``kind`` and ``status`` come from the shipped
    events (:func:`greeted_event`).
    """

    id: str
    name: str
    name_en: str
    date: _Date | None = None
    precision: Precision = "day"
    end: _Date | None = None
    phase: str | None = None
    greeting: str | None = None
    greeting_en: str | None = None
    kind: str | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Selector:
    """Which catalog entries to greet: those with any of ``tags`` whose class is one of
    ``classes`` (either may be empty: no condition), or the ``ids`` named."""

    tags: tuple[str, ...] = ()
    classes: tuple[Milestone, ...] = ()
    ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Signer:
    """The signature block of Nghị định 30/2020/NĐ-CP (Phụ lục I): the authority the signer
    signs under (``TM. BAN CHẤP HÀNH``; ``None`` when the head signs in their own name),
    their title (``CHỦ TỊCH``) and name (``None``: left blank, written in by hand)."""

    authority: str | None = "TM. BAN CHẤP HÀNH"
    title: str = "CHỦ TỊCH"
    name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanDocument:
    """What the plan says as a document besides its calendar: the number and symbol
    (``"01/KH-CĐCS"``, ``None``: a blank number before "/KH-" and the body's symbol), the
    signer, the recipients (Nơi nhận) and the parts' text (purpose, requirements, the
    reporting regime, the closing sentence).

    ``None`` (or an empty tuple) means "the default text": the renderers hold it, in
    Vietnamese and English (:mod:`thidua_calendar.render.plan`), since it is text for people.
    """

    number: str | None = None
    signer: Signer = field(default_factory=Signer)
    recipients: tuple[str, ...] = ()
    purpose: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()
    reporting: tuple[str, ...] = ()
    closing: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """A plan's description: what a plan file holds.

    ``id`` names the unit in feed UIDs (with the period's first year, :func:`plan_key`);
    without one the organisation's name does, so give one to keep UIDs if it may change.
    """

    title: str
    organisation: Organisation
    issued: date
    period: Period
    phases: tuple[Phase, ...]
    id: str | None = None
    title_en: str | None = None
    issued_precision: Precision = "day"
    implements: str | None = None
    greet: tuple[Selector, ...] = ()
    exclude: tuple[str, ...] = ()
    lead_up: Mapping[str, str] = field(default_factory=dict)
    events: tuple[Event, ...] = ()
    deadlines: tuple[Rule, ...] = ()
    allow_gaps: bool = False
    allow_overlaps: bool = False
    preamble: bool = True
    document: PlanDocument = field(default_factory=PlanDocument)


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanPhase:
    """A phase with the commemorations (in date order) and events it greets."""

    phase: Phase
    occurrences: tuple[Occurrence, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanWarning:
    """Something a plan may live with but its author should see.

    ``kind``: ``no_theme`` / ``unnamed`` (a phase), ``outside_phases`` (a greeted item no
    phase covers), ``conflict`` (a cascade problem, also in ``schedule.conflicts``).
    """

    kind: Literal["no_theme", "unnamed", "outside_phases"]
    subject: str
    day: date | None = None
    #: What the subject is called, for messages (the id when empty).
    name: str = ""
    name_en: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanResult:
    """A built plan: phases with what they greet, the preamble's năm tròn, the schedule."""

    plan: Plan
    phases: tuple[PlanPhase, ...]
    preamble: tuple[Occurrence, ...]
    schedule: Schedule
    warnings: tuple[PlanWarning, ...] = ()

    @property
    def years(self) -> tuple[int, ...]:
        period = self.plan.period
        return tuple(range(period.start.year, period.horizon.year + 1))


def build_plan(
    plan: Plan,
    /,
    *,
    catalog: Iterable[Commemoration],
    calendar: WorkCalendar,
) -> PlanResult:
    """Select, attach and schedule everything a plan describes.

    Raises :class:`PlanError` (item and field named) for overlapping phases, gaps, phases
    outside the period or ending before they start (unless ``allow_gaps``/
    ``allow_overlaps``), unknown ids, a lead-up phase that does not lead up;
    :class:`~thidua_calendar.errors.DeadlineError` for a deadline rule that cannot be
    computed.
    """
    entries = tuple(catalog)
    _check_phases(plan)
    chosen = _select(plan, entries)
    keys = {f"{occ.id}@{occ.date.year}": occ for occ in chosen}
    lead_up = _lead_up(plan, keys)
    placed = attach([(key, occ.date) for key, occ in keys.items()], plan.phases,
                    lead_up=lead_up)
    warnings: list[PlanWarning] = []
    by_phase: dict[str, list[Occurrence]] = {phase.id: [] for phase in plan.phases}
    for key, occ in keys.items():
        home = placed[key]
        if home is None:
            warnings.append(PlanWarning(kind="outside_phases", subject=occ.id, day=occ.date,
                                    name=occ.commemoration.name,
                                    name_en=occ.commemoration.name_en))
        else:
            by_phase[home].append(occ)
    events_by_phase = _attach_events(plan, warnings)
    phases = tuple(
        PlanPhase(
            phase=phase,
            occurrences=tuple(sorted(by_phase[phase.id], key=lambda occ: occ.date)),
            events=tuple(events_by_phase[phase.id]),
        )
        for phase in plan.phases
    )
    for phase in plan.phases:
        if not phase.name.strip():
            warnings.append(PlanWarning(kind="unnamed", subject=phase.id))
        if not (phase.theme or "").strip():
            warnings.append(PlanWarning(kind="no_theme", subject=phase.id))
    anchors = _anchors(plan, entries)
    rules = tuple(_over_period(rule, plan.period) for rule in plan.deadlines)
    found = schedule(rules, calendar=calendar, anchors=anchors)
    # The preamble lists the năm tròn in the order the guidance prints them: by kind (the
    # great national days, leaders, history, sectors…: the catalog's kind order), then date.
    # A unit's own days (no kind) go with the great days, by date, as seed 004 prints them.
    def rank(entry: Commemoration) -> int:
        if not isinstance(catalog, Catalog):
            return 0
        found = catalog.kind_rank(entry)
        return 0 if found == len(catalog.kinds) else found

    preamble = tuple(
        occ for occ in sorted(chosen, key=lambda occ: (rank(occ.commemoration), occ.date))
        if occ.milestone == "nam_tron") if plan.preamble else ()
    return PlanResult(plan=plan, phases=phases, preamble=preamble, schedule=found,
                      warnings=tuple(warnings))


def _over_period(rule: Rule, period: Period) -> Rule:
    """A recurring report without ``start``/``end`` runs over the plan's period (up to its
    horizon when it has no end)."""
    import dataclasses

    def fill(when: Any) -> Any:
        if isinstance(when, Recurring) and (when.start is None or when.end is None):
            return dataclasses.replace(when, start=when.start or period.start,
                                       end=when.end or period.horizon)
        return when

    variants = tuple(dataclasses.replace(v, when=fill(v.when)) for v in rule.variants)
    return dataclasses.replace(rule, when=fill(rule.when), variants=variants)


def _lead_up(plan: Plan, keys: Mapping[str, Occurrence]) -> dict[str, str]:
    """The phase of each greeted occurrence the plan attaches by ``lead_up``.

    A key is a catalog id, or ``id@YEAR`` when the id occurs more than once in the period.
    """
    found: dict[str, str] = {}
    for written, phase_id in plan.lead_up.items():
        entry_id, _, year = written.partition("@")
        matching = [key for key, occ in keys.items() if occ.id == entry_id
                    and (not year or str(occ.date.year) == year)]
        if not matching:
            raise PlanError(
                f"{written!r} is not among the commemorations the plan greets in its period",
                vi=f"“{written}” không có trong các ngày kỷ niệm kế hoạch chào mừng",
                entry_id=written, field="lead_up", item="lead_up",
            )
        if len(matching) > 1:
            raise PlanError(
                f"{entry_id!r} is greeted {len(matching)} times in the plan's period; write "
                f"{entry_id}@YEAR to say which",
                vi=f"“{entry_id}” được chào mừng {len(matching)} lần trong thời gian của kế "
                   f"hoạch; hãy viết {entry_id}@NĂM để chỉ rõ lần nào",
                entry_id=written, field="lead_up", item="lead_up",
            )
        (key,) = matching
        try:
            attach([(written, keys[key].date)], plan.phases, lead_up={written: phase_id})
        except PhaseError as error:
            raise PlanError.wrap(error, entry_id=written, field="lead_up",
                                 item="lead_up") from None
        found[key] = phase_id
    return found


_PROBLEM_REASONS = {
    "reversed": "the phase ends on {last}, before it starts on {first}",
    "overlap": "the phases {a} and {b} overlap from {first} to {last}; move one, or allow "
               "overlaps (allow: {{overlaps: true}})",
    "gap": "no phase covers {first} to {last}; extend a phase, or allow gaps "
           "(allow: {{gaps: true}})",
    "outside": "the phase runs outside the plan's period",
    "open_not_last": "the phase {a} has no end but {b} comes after it",
}
_PROBLEM_REASONS_VI = {
    "reversed": "đợt kết thúc ngày {last}, trước ngày bắt đầu {first}",
    "overlap": "đợt “{a}” và đợt “{b}” chồng nhau từ ngày {first} đến ngày {last}; hãy dời một "
               "đợt, hoặc cho phép chồng nhau (allow: {{overlaps: true}})",
    "gap": "không đợt nào có từ ngày {first} đến ngày {last}; hãy kéo dài một đợt, hoặc cho "
           "phép để hở (allow: {{gaps: true}})",
    "outside": "đợt nằm ngoài thời gian của kế hoạch",
    "open_not_last": "đợt “{a}” không có ngày kết thúc mà đợt “{b}” đến sau nó",
}


def _check_phases(plan: Plan) -> None:
    if not plan.phases:
        raise PlanError("a plan needs at least one phase", field="phases", item="plan",
                        vi="kế hoạch cần có ít nhất một đợt")
    seen: set[str] = set()
    for phase in plan.phases:
        if phase.id in seen:
            raise PlanError("the phase id is used twice", entry_id=phase.id, field="id",
                            item="phase", vi="mã đợt bị dùng hai lần")
        seen.add(phase.id)
    problems = check_phases(plan.phases, plan.period, allow_gaps=plan.allow_gaps,
                            allow_overlaps=plan.allow_overlaps)
    errors = [_problem_error(problem, plan.phases) for problem in problems
              if problem.kind not in ("no_theme", "unnamed")]
    if len(errors) > 1:
        # All of them at once (an overlap and a gap, say): the first placed, the others named.
        first = errors[0]
        others = "; ".join(f"{error.reason} ({error.item_label} '{error.entry_id}', field "
                           f"'{error.field}')" for error in errors[1:])
        others_vi = "; ".join(f"{error.reason_vi} (đợt “{error.entry_id}”, trường "
                              f"“{error.field}”)" for error in errors[1:])
        raise PlanError(f"{first.reason}; also: {others}", entry_id=first.entry_id,
                        field=first.field, item=first.item_label,
                        vi=f"{first.reason_vi}; thêm nữa: {others_vi}")
    if errors:
        raise errors[0]


def _problem_error(problem: PhaseProblem, plan_phases: Sequence[Phase]) -> PlanError:
    names = problem.phases
    text = _PROBLEM_REASONS[problem.kind].format(
        a=names[0], b=names[-1],
        first=problem.first.isoformat() if problem.first else "",
        last=problem.last.isoformat() if problem.last else "",
    )
    text_vi = _PROBLEM_REASONS_VI[problem.kind].format(
        a=names[0], b=names[-1],
        first=vi_date(problem.first) if problem.first else "",
        last=vi_date(problem.last) if problem.last else "",
    )
    if problem.kind == "outside" and problem.last is None:
        return PlanError("the phase has no end but the plan's period has one; give it an end",
                         entry_id=names[0], field="end", item="phase",
                         vi="đợt không có ngày kết thúc mà thời gian của kế hoạch có; hãy ghi "
                            "ngày kết thúc cho đợt")
    # Point at the later phase of a pair (the one to move), at the field concerned.
    subject = names[-1] if problem.kind in ("overlap", "gap") else names[0]
    fields = {"reversed": "end", "overlap": "start", "gap": "start", "outside": "start",
              "open_not_last": "end"}
    if problem.kind == "gap" and len(names) == 1 and problem.first is not None:
        # A gap before the first phase points at its start, after the last at its end.
        first_phase = next(p for p in plan_phases if p.id == names[0])
        fields["gap"] = "start" if problem.first < first_phase.start else "end"
    return PlanError(text, entry_id=subject, field=fields[problem.kind], item="phase",
                     vi=text_vi)


def _select(plan: Plan, entries: Sequence[Commemoration]) -> list[Occurrence]:
    by_id = {entry.id: entry for entry in entries}
    for position, selector in enumerate(plan.greet):
        if not (selector.tags or selector.classes or selector.ids):
            raise PlanError("a selector needs tags, classes or ids", field=f"greet.{position}",
                            item="plan", vi="mỗi mục greet cần có tags, classes hoặc ids")
        for index, entry_id in enumerate(selector.ids):
            if entry_id not in by_id:
                raise PlanError(_unknown(entry_id, by_id), entry_id=None,
                                vi=_unknown(entry_id, by_id, "vi"),
                                field=f"greet.{position}.ids.{index}", item="plan")
    for index, entry_id in enumerate(plan.exclude):
        if entry_id not in by_id:
            raise PlanError(_unknown(entry_id, by_id), field=f"exclude.{index}", item="plan",
                            vi=_unknown(entry_id, by_id, "vi"))
    found: dict[tuple[str, date], Occurrence] = {}
    first, last = plan.period.start, plan.period.horizon
    for year in range(first.year, last.year + 1):
        for selector in plan.greet:
            chosen: list[Occurrence] = []
            if selector.tags or selector.classes:
                chosen.extend(occurrences(
                    entries, year,
                    tags=selector.tags or None,
                    milestones=selector.classes or None,
                ))
            for entry_id in selector.ids:
                occ = occurrence(by_id[entry_id], year)
                if occ is not None:
                    chosen.append(occ)
            for occ in chosen:
                if occ.id not in plan.exclude and first <= occ.date <= last:
                    found[(occ.id, occ.date)] = occ
    return list(found.values())


def _unknown(entry_id: str, by_id: Mapping[str, Commemoration], lang: str = "en") -> str:
    import difflib

    close = difflib.get_close_matches(entry_id, by_id, n=3)
    if lang == "vi":
        hint = f"; có phải là {', '.join(close)}?" if close else ""
        return f"danh mục không có mục nào mã “{entry_id}”{hint}"
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"no catalog entry has the id {entry_id!r}{hint}"


def _attach_events(plan: Plan, warnings: list[PlanWarning]) -> dict[str, list[Event]]:
    by_phase: dict[str, list[Event]] = {phase.id: [] for phase in plan.phases}
    phases = {phase.id: phase for phase in plan.phases}
    for event in plan.events:
        if event.date is not None and event.end is not None and event.end < event.date:
            raise PlanError(f"the event ends on {event.end.isoformat()}, before it starts on "
                            f"{event.date.isoformat()}", entry_id=event.id, field="end",
                            item="event",
                            vi=f"sự kiện kết thúc ngày {vi_date(event.end)}, trước ngày bắt đầu "
                               f"{vi_date(event.date)}")
        if event.phase is not None:
            if event.phase not in by_phase:
                raise PlanError(f"no phase has the id {event.phase!r}", entry_id=event.id,
                                field="phase", item="event",
                                vi=f"không có đợt nào mã “{event.phase}”")
            phase = phases[event.phase]
            if event.date is not None and not (
                phase.contains(event.date) or _overlaps(phase, event.date, event)
            ):
                raise PlanError(
                    f"the event's date ({event.date.isoformat()}) is outside {phase.name} "
                    f"({phase.start.isoformat()} - "
                    f"{phase.end.isoformat() if phase.end else '…'})",
                    vi=f"ngày của sự kiện ({vi_date(event.date)}) nằm ngoài {phase.name} "
                       f"({vi_date(phase.start)} - "
                       f"{vi_date(phase.end) if phase.end else '…'})",
                    entry_id=event.id, field="date", item="event",
                )
            by_phase[event.phase].append(event)
            continue
        if event.date is None:
            raise PlanError("an event needs a date or a phase", entry_id=event.id,
                            field="date", item="event",
                            vi="sự kiện cần có ngày hoặc đợt")
        day = event.date
        target = next((p.id for p in plan.phases if p.contains(day)), None)
        if target is None and event.precision != "day":
            # "tháng 10/2020": any phase overlapping the month (or year) takes it.
            target = next((p.id for p in plan.phases if _overlaps(p, day, event)), None)
        if target is None:
            warnings.append(PlanWarning(kind="outside_phases", subject=event.id, day=day,
                                    name=event.name, name_en=event.name_en))
            continue
        by_phase[target].append(event)
    return by_phase


def _overlaps(phase: Phase, day: date, event: Event) -> bool:
    if event.precision == "day":
        return phase.contains(day)
    if event.precision == "year":
        first, last = date(day.year, 1, 1), date(day.year, 12, 31)
    else:
        first, last = month_start(day), month_end(day)
    return phase.start <= last and (phase.end is None or phase.end >= first)


def _anchors(plan: Plan, entries: Sequence[Commemoration]) -> dict[str, NamedDate]:
    """Phase starts and ends, and every anniversary a deadline names, as named dates."""
    anchors = phase_anchors(plan.phases)
    by_id = {entry.id: entry for entry in entries}
    for rule in plan.deadlines:
        for use in anchor_uses(rule):
            anchor, field_name = use.anchor, use.field
            if anchor.kind != "anniversary":
                continue
            entry = by_id.get(anchor.ref)
            if entry is None:
                raise DeadlineError(_unknown(anchor.ref, by_id), entry_id=rule.id,
                                    field=field_name)
            anchors[str(anchor)] = _anniversary_date(entry, anchor.year, plan.period, rule,
                                                     field_name)
    return anchors


def _anniversary_date(
    entry: Commemoration, year: int | None, period: Period, rule: Rule, field_name: str
) -> NamedDate:
    try:
        found = occurrence_in(entry, period.start, period.horizon, year=year)
    except (OccurrenceError, OutOfRangeError) as error:
        raise DeadlineError.wrap(error, entry_id=rule.id, field=field_name) from None
    return NamedDate(name=entry.name, name_en=entry.name_en, date=found.date)



def plan_key(plan: Plan, /) -> str:
    """The plan's stable name in UIDs and file names: its ``id`` (else the organisation's
    full name in ASCII) and the period's first year, so that next year's plan of the same
    unit never takes this year's UIDs."""
    return f"{plan.id or slug(plan.organisation.name)}-{plan.period.start.year}"


def greeted_event(event: PoliticalEvent, /, *, phase: str | None = None) -> Event:
    """A shipped event as a plan greets it: "chào mừng thành công Đại hội …"."""
    # "chào mừng thành công Đại hội …", but "… thành công bầu cử đại biểu Quốc hội …".
    name = event.name if event.name.startswith("Đại hội") else (
        event.name[:1].lower() + event.name[1:])
    return Event(
        id=event.id, name=event.name, name_en=event.name_en, date=event.date,
        precision=event.precision, end=event.end, phase=phase,
        greeting=f"chào mừng thành công {name}",
        greeting_en=f"greeting the success of the {event.name_en}",
        kind=event.kind, status=event.status,
    )


def default_plan(
    year: int, /, *, calendar: WorkCalendar | None = None, issued: date | None = None,
    events: Iterable[PoliticalEvent] = (),
) -> Plan:
    """The plan ``thidua-calendar plan --year YEAR`` shows without a plan file.

    A default, not a rule: a grassroots union's year in two halves; it greets the days of
    Nghị định 145 (tag ``nd145``), the union's days (tag ``union``) and every năm tròn and
    năm lẻ 5 anniversary of the catalog, and the ``events`` (the CLI passes the shipped
    events of the year) in the đợt where they fall; its deadlines are registration 15
    working days after the start, a report 5 working days after each half, award dossiers
    10 working days before the year ends.

    A plan is never dated on a day off: without ``issued``, it is dated the first working
    day of the year on ``calendar`` (1 January is Tết Dương lịch, so 2 January or, when that
    is a weekend, the Monday after).  The calendar is the caller's (the same one the plan is
    built on), since this module reads no files; give ``calendar`` or ``issued``.
    """
    if issued is None:
        if calendar is None:
            raise TypeError("default_plan needs calendar= (it is dated the year's first "
                            "working day) or issued=")
        try:
            issued = calendar.roll(date(year, 1, 1), "next")
        except OutOfRangeError:
            # A year whose announcements the calendar does not hold (a feed of commemorations
            # far ahead): 1 January is Tết Dương lịch by law every year (Bộ luật Lao động
            # 2019, Điều 112), so the first day after it outside the weekly rest days.
            issued = date(year, 1, 2)
            while issued.weekday() in calendar.weekend.rest_days:
                issued += timedelta(days=1)
    from thidua_calendar.deadlines import Relative
    from thidua_calendar.phases import split_period

    period = Period(start=date(year, 1, 1), end=date(year, 12, 31))
    first, second = split_period(period, "halves")
    themes = (
        (f"Thi đua lập thành tích chào mừng các ngày lễ lớn, hoàn thành nhiệm vụ 6 tháng đầu "
         f"năm {year}", f"Emulation for the great days of the first half of {year}"),
        (f"Thi đua hoàn thành toàn diện và vượt mức nhiệm vụ năm {year}",
         f"Emulation to complete the tasks of {year} in full"),
    )
    phases = tuple(
        Phase(id=p.id, name=p.name, name_en=p.name_en, start=p.start, end=p.end,
              theme=vi, theme_en=en)
        for p, (vi, en) in zip((first, second), themes, strict=True)
    )

    def after(anchor: str, days: int, direction: Literal["after", "before"] = "after"
              ) -> Relative:
        return Relative(anchor=Anchor.parse(anchor), amount=days, unit="working_days",
                        direction=direction)

    rules = (
        Rule(id="dang_ky", name="Đăng ký thi đua", name_en="Emulation registration",
             when=after("phase:dot_1.start", 15)),
        Rule(id="bao_cao_dot_1", name="Báo cáo sơ kết Đợt 1", name_en="Report on Phase 1",
             when=after("phase:dot_1.end", 5)),
        Rule(id="ho_so_khen_thuong", name="Hồ sơ đề nghị khen thưởng",
             name_en="Award dossiers", when=after("phase:dot_2.end", 10, "before")),
        Rule(id="bao_cao_tong_ket", name="Báo cáo tổng kết năm",
             name_en="Report on the year", when=after("phase:dot_2.end", 5)),
    )
    return Plan(
        id="mac-dinh",
        title=f"Phát động phong trào thi đua năm {year}",
        title_en=f"Emulation movement of {year}",
        organisation=Organisation(name="Công đoàn cơ sở", level="cdcs"),
        issued=issued,
        period=period,
        phases=phases,
        greet=(Selector(tags=("nd145",)), Selector(tags=("union",)),
               Selector(classes=("nam_tron", "nam_le_5"))),
        events=tuple(greeted_event(event) for event in events
                     if event.overlaps(period.start, period.end or period.start)),
        deadlines=rules,
    )
