"""What a calendar feed holds: one :class:`FeedItem` per event, with a UID that is a pure
function of what the event is.

- A commemoration is one item per year, its count in the summary ("93 năm Ngày thành lập
  Công đoàn Việt Nam"); a lunar day falls on its solar date of that year.  UID
  ``{id}-{year}@thidua-calendar``: the same in every plan's feed and after any edit of
  the text.
- A phase, a plan's event and a deadline are named by the plan (:func:`~thidua_calendar.plan.
  plan_key`) and their own ids: ``phase-{plan}-{id}@…``, ``event-{plan}-{id}@…``,
  ``deadline-{plan}-{rule}[-{audience}]@…``; each report of a recurring rule (báo cáo định
  kỳ) is its own item, its UID ending in the report's month: ``…-{rule}-2022-03@…``.

All-day items keep dates end to end (``end`` is exclusive, as ``DTEND;VALUE=DATE`` is):
converting through a datetime and UTC is how feeds shift a holiday by a day.

A feed is named by :func:`calendar_title` (the organisation and the years the plans cover,
then the kinds when not all), the one name ``thidua-calendar ics`` and the site both write.

Pure: no icalendar, no clock; :mod:`thidua_calendar.feeds.ics` writes the items.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from thidua_calendar.anniversaries import Occurrence
from thidua_calendar.dates import next_month
from thidua_calendar.deadlines import Deadline
from thidua_calendar.phases import Phase
from thidua_calendar.plan import Event, Plan, PlanResult, plan_key
from thidua_calendar.render.deadlines import deadline_phrase, level_name, trace_text
from thidua_calendar.render.lines import format_date, occurrence_text
from thidua_calendar.styles import DateStyle, Lang

if TYPE_CHECKING:
    from thidua_calendar.provinces import ProvinceKind

__all__ = [
    "DEFAULT_ALARMS",
    "KINDS",
    "KIND_LABELS",
    "UID_DOMAIN",
    "FeedItem",
    "Kind",
    "calendar_description",
    "calendar_title",
    "commemoration_items",
    "deadline_items",
    "plan_items",
    "plan_source",
    "plan_years",
]

Kind = Literal["commemorations", "phases", "deadlines"]
#: The feeds a plan has, one per kind (events go with the phases they belong to).
KINDS: tuple[Kind, ...] = ("commemorations", "phases", "deadlines")
#: How a feed of some kinds only says which, after the plan's name: "… - 2026 (hạn nộp)".
KIND_LABELS: dict[Lang, dict[Kind, str]] = {
    "vi": {"commemorations": "ngày kỷ niệm", "phases": "đợt thi đua", "deadlines": "hạn nộp"},
    "en": {"commemorations": "commemorations", "phases": "phases", "deadlines": "deadlines"},
}
UID_DOMAIN = "thidua-calendar"
#: Days before a deadline its reminders fire (at 09:00 local time).
DEFAULT_ALARMS = (7, 1)
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedItem:
    """One all-day event of a feed; ``end`` is exclusive and later than ``start``."""

    uid: str
    kind: Kind
    summary: str
    description: str
    start: date
    end: date
    categories: tuple[str, ...] = ()
    alarms: tuple[int, ...] = ()
    transparent: bool = True


def _span(occ: Occurrence) -> tuple[date, date]:
    """An occurrence's days: its day; the whole month when that is all the origin says
    ("(12/1972 - 12/2022)"); the whole campaign month.  An origin known only to the year
    ("(1943 - 2023)") is marked on 1 January, with its description saying so, rather than
    filling every day of the year."""
    if occ.precision == "year":
        return occ.date, occ.date + _ONE_DAY
    if occ.end > occ.date:
        return occ.date, occ.end + _ONE_DAY
    if occ.precision == "month":
        return occ.date, next_month(occ.date)
    return occ.date, occ.date + _ONE_DAY


def _summary(occ: Occurrence, lang: Lang) -> str:
    entry = occ.commemoration
    name = entry.name if lang == "vi" else entry.name_en
    if occ.years is not None:
        return f"{occ.years} năm {name}" if lang == "vi" else f"{name}: {occ.years} years"
    if occ.edition is not None:
        return (f"{name} lần thứ {occ.edition} năm {occ.year}" if lang == "vi"
                else f"{name}, {occ.edition}th edition, {occ.year}")
    return name


def commemoration_items(
    occurrences: Iterable[Occurrence],
    /,
    *,
    lang: Lang = "vi",
    date_style: DateStyle = "d/m/yyyy",
) -> list[FeedItem]:
    """One item per occurrence: the count in the summary, the full line and the sources in
    the description."""
    items = []
    sources: dict[str, str] = {}  # an entry's source lines, the same every year
    round_year = ("Năm tròn (Nghị định 145/2013/NĐ-CP)" if lang == "vi"
                  else "Round-year anniversary (Decree 145/2013)")
    label = "Nguồn" if lang == "vi" else "Source"
    for occ in occurrences:
        start, end = _span(occ)
        entry = occ.commemoration
        cited = sources.get(entry.id)
        if cited is None:
            cited = sources[entry.id] = "\n".join(
                f"{label}: {source.title} <{source.url}>" for source in entry.sources[:2])
        lines = [occurrence_text(occ, lang=lang, date_style=date_style)]
        if occ.precision == "year":
            lines.append(f"Chỉ biết năm: ngày kỷ niệm được ghi vào 1/1/{occ.year}." if
                         lang == "vi" else
                         f"Only the year is known: marked on 1 January {occ.year}.")
        if occ.milestone == "nam_tron":
            lines.append(round_year)
        if cited:
            lines.append(cited)
        items.append(FeedItem(
            uid=f"{entry.id}-{occ.year}@{UID_DOMAIN}",
            kind="commemorations",
            summary=_summary(occ, lang),
            description="\n".join(lines),
            start=start,
            end=end,
            categories=("Ngày kỷ niệm" if lang == "vi" else "Commemoration",),
        ))
    return items


def _phase_item(phase: Phase, key: str, lang: Lang, date_style: DateStyle,
                text: str) -> FeedItem:
    vi = lang == "vi"
    name = phase.name if vi else phase.name_en
    theme = phase.theme if vi else (phase.theme_en or phase.theme)
    end = phase.end + _ONE_DAY if phase.end is not None else phase.start + _ONE_DAY
    return FeedItem(
        uid=f"phase-{key}-{phase.id}@{UID_DOMAIN}",
        kind="phases",
        summary=f"{name}: {theme}" if theme else name,
        description=text,
        start=phase.start,
        end=end,
        categories=("Đợt thi đua" if vi else "Phase",),
    )


def _event_item(event: Event, key: str, lang: Lang) -> FeedItem | None:
    if event.date is None:
        return None
    if event.end is not None:
        end = event.end + _ONE_DAY
    elif event.precision == "month":
        end = next_month(event.date)
    elif event.precision == "year":
        end = date(event.date.year + 1, 1, 1)
    else:
        end = event.date + _ONE_DAY
    return FeedItem(
        uid=f"event-{key}-{event.id}@{UID_DOMAIN}",
        kind="phases",
        summary=event.name if lang == "vi" else event.name_en,
        description=event.name if lang == "vi" else event.name_en,
        start=event.date,
        end=end,
        categories=("Sự kiện" if lang == "vi" else "Event",),
    )


def _audience(deadline: Deadline, lang: Lang, kind: ProvinceKind = "tinh") -> str | None:
    """Whom a deadline is for: its audience and the rule's level ("CĐCS khối Giáo dục (cấp
    CĐCS)"), or the level without the audiences that have their own date ("CĐCS, trừ CĐCS
    khối Giáo dục")."""
    vi = lang == "vi"
    rule = deadline.rule
    level = (level_name(rule.level, lang=lang, kind=kind, on=deadline.due)
             if rule.level is not None else None)
    if deadline.audience is not None:
        who = deadline.audience.name if vi else deadline.audience.name_en
        if level is not None:
            who += f" (cấp {level})" if vi else f" (level: {level})"
        return who
    others = [variant.audience.name if vi else variant.audience.name_en
              for variant in rule.variants]
    if not others:
        return level
    but = ", ".join(others)
    if level is None:
        return f"tất cả, trừ {but}" if vi else f"everyone but {but}"
    return f"{level}, trừ {but}" if vi else f"{level}, except {but}"


def plan_source(plan: Plan, /, *, lang: Lang = "vi", date_style: DateStyle = "d/m/yyyy") -> str:
    """The plan a deadline comes from, as a feed's description cites it: ``Kế hoạch “…” của
    Liên đoàn Lao động huyện, ban hành tháng 3/2022``."""
    vi = lang == "vi"
    title = plan.title if vi else (plan.title_en or plan.title)
    issued = format_date(plan.issued, style=date_style, precision=plan.issued_precision)
    if vi:
        when = {"day": "ngày", "month": "tháng", "year": "năm"}[plan.issued_precision]
        return f"Kế hoạch “{title}” của {plan.organisation.name}, ban hành {when} {issued}"
    return f"Plan “{title}” of {plan.organisation.name}, issued {issued}"


def _deadline_item(deadline: Deadline, key: str, lang: Lang, date_style: DateStyle,
                   alarms: Sequence[int], source: str | None,
                   kind: ProvinceKind = "tinh") -> FeedItem:
    vi = lang == "vi"
    rule = deadline.rule
    name = rule.name if vi else rule.name_en
    uid = f"deadline-{key}-{rule.id}"
    if deadline.audience is not None:
        uid += f"-{deadline.audience.id}"
        name += f" ({deadline.audience.name if vi else deadline.audience.name_en})"
    if deadline.occurrence is not None:
        # One event per report of a recurring rule, named by its month: moving the day
        # (15 -> 20) keeps the UID, a new report gets a new one.
        uid += f"-{deadline.occurrence:%Y-%m}"
    lines = [
        deadline_phrase(deadline, lang=lang, date_style=date_style),
        (f"Hạn nộp: {format_date(deadline.due, style=date_style)}" if vi
         else f"Due: {format_date(deadline.due, style=date_style)}"),
    ]
    who = _audience(deadline, lang, kind)
    if who is not None:
        lines.append(f"Áp dụng cho: {who}" if vi else f"For: {who}")
    lines.append(
        f"Cách tính: {trace_text(deadline, lang=lang, date_style=date_style)}" if vi
        else f"How it was found: {trace_text(deadline, lang=lang, date_style=date_style)}")
    if deadline.estimated:
        lines.append("Dự kiến: lịch nghỉ của năm chưa được công bố." if vi
                     else "Estimated: the year's days off are not announced yet.")
    if source is not None:
        lines.append(f"Nguồn: {source}" if vi else f"Source: {source}")
    if rule.source is not None:
        lines.append(f"Kế hoạch ghi: {rule.source}" if vi else f"The plan says: {rule.source}")
    return FeedItem(
        uid=f"{uid}@{UID_DOMAIN}",
        kind="deadlines",
        summary=f"Hạn: {name}" if vi else f"Due: {name}",
        description="\n".join(lines),
        start=deadline.due,
        end=deadline.due + _ONE_DAY,
        categories=("Hạn nộp" if vi else "Deadline",),
        alarms=tuple(alarms),
    )


def deadline_items(
    deadlines: Iterable[Deadline],
    /,
    *,
    key: str,
    lang: Lang = "vi",
    date_style: DateStyle = "d/m/yyyy",
    alarms: Sequence[int] = DEFAULT_ALARMS,
    source: str | None = None,
    province_kind: ProvinceKind = "tinh",
) -> list[FeedItem]:
    """One item per deadline, on its due day, with reminders ``alarms`` days before (each
    day once; 0 is the day itself); ``key`` names the plan in the UIDs, ``source`` cites it
    in the descriptions (:func:`plan_source`); ``province_kind`` words the ``tinh`` level
    ("LĐLĐ thành phố" for a centrally-run city)."""
    if any(days < 0 for days in alarms):
        raise ValueError(f"reminders are days before a deadline (0 or more), not {alarms!r}")
    unique = tuple(dict.fromkeys(alarms))
    return [_deadline_item(d, key, lang, date_style, unique, source, province_kind)
            for d in deadlines]


def plan_items(
    result: PlanResult,
    /,
    *,
    kinds: Sequence[Kind] = KINDS,
    lang: Lang = "vi",
    date_style: DateStyle = "d/m/yyyy",
    alarms: Sequence[int] = DEFAULT_ALARMS,
) -> list[FeedItem]:
    """The items of a built plan, of the kinds asked for, in date order."""
    from thidua_calendar.render.plan import phase_paragraph

    key = plan_key(result.plan)
    items: list[FeedItem] = []
    if "commemorations" in kinds:
        items.extend(commemoration_items(
            (occ for phase in result.phases for occ in phase.occurrences),
            lang=lang, date_style=date_style,
        ))
    if "phases" in kinds:
        for phase in result.phases:
            text = phase_paragraph(phase, lang=lang, date_style=date_style)
            items.append(_phase_item(phase.phase, key, lang, date_style, text))
            items.extend(item for event in phase.events
                         if (item := _event_item(event, key, lang)) is not None)
    if "deadlines" in kinds:
        items.extend(deadline_items(
            result.schedule.deadlines, key=key, lang=lang, date_style=date_style,
            alarms=alarms, source=plan_source(result.plan, lang=lang, date_style=date_style),
            province_kind=(result.plan.organisation.province.kind
                           if result.plan.organisation.province is not None else "tinh")))
    return sorted(items, key=lambda item: (item.start, item.uid))


# --- the feed's name ------------------------------------------------------------------------


def plan_years(plans: Sequence[Plan], /) -> str:
    """The years the plans' periods cover: ``"2026"``, or ``"2019-2020"`` for a period from
    11/2019 to 12/2020 (or for the plans of 2019 and 2020 together).

    A period that crosses a year is named by both years: a calendar is named for the days it
    holds, and Vietnamese plans name such spans the same way ("giai đoạn 2019-2020", "năm
    học 2019-2020").  Seed 004, a plan issued in 11/2019 "for the great days of 2020", named
    "… - 2019" alone would hide the year most of its events fall in.  An open period (no
    end) is named by its first year: its end is not known, so no year can be promised.
    The plan's *key* (:func:`~thidua_calendar.plan.plan_key`, in UIDs and file names) keeps
    the first year only: it must stay stable, while this name is for people.
    """
    if not plans:
        raise ValueError("a calendar names at least one plan")
    first = min(plan.period.start.year for plan in plans)
    last = max(plan.period.start.year if plan.period.end is None else plan.period.end.year
               for plan in plans)
    return str(first) if first == last else f"{first}-{last}"


def calendar_title(
    plans: Sequence[Plan],
    /,
    *,
    kinds: Sequence[Kind] = KINDS,
    lang: Lang = "vi",
) -> str:
    """The feed's ``NAME``/``X-WR-CALNAME``: ``"{organisation} - {years}"``, then the kinds
    it holds when it holds not all of them, in the order given: ``"… - 2026 (hạn nộp)"``.

    The one name of a plan's feed: ``thidua-calendar ics`` and the site
    (:mod:`thidua_calendar.feeds.site`) both call it, so a subscriber sees the same calendar
    named the same way whichever way it was made.  The organisation is the first plan's;
    the years are :func:`plan_years`.
    """
    years = plan_years(plans)  # refuses an empty list before plans[0] is read
    name = f"{plans[0].organisation.name} - {years}"
    if tuple(kinds) != KINDS:
        labels = KIND_LABELS[lang]
        name += " (" + ", ".join(labels[kind] for kind in kinds) + ")"
    return name


def calendar_description(plans: Sequence[Plan], /, *, lang: Lang = "vi") -> str:
    """The ``X-WR-CALDESC`` of one feed of ``plans``: the plan's title, or for several
    plans (``ics --years``) "Lịch thi đua 2025-2027".  The site's feeds say instead which
    kinds each holds (:mod:`thidua_calendar.feeds.page_text`)."""
    if len(plans) == 1:
        plan = plans[0]
        return plan.title if lang == "vi" else (plan.title_en or plan.title)
    span = plan_years(plans)
    return f"Lịch thi đua {span}" if lang == "vi" else f"Emulation calendar {span}"
