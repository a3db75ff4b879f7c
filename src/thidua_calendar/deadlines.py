"""Deadline rules -> dated deadlines on working days, each with the steps that found it.

A :class:`Rule` says *when* (a fixed date; N calendar or working days after or before an
anchor; the nth working day of a month; a window "from … to …"), *how the document words
it* (``truoc_ngay``: "trước ngày X", strictly before X, so the last allowed day is X − 1;
``cham_nhat``/``den_het_ngay``: "chậm nhất ngày X"/"đến hết ngày X", X itself; ``ngay``:
"ngày X", an event on X), and *how it rolls* off a day off (``previous`` working day, the
default for submissions; ``next``, as Bộ luật Dân sự 2015 Điều 148 does for legal periods;
``none``).

Anchors are named: ``phase:ID.start``, ``phase:ID.end``, ``anniversary:ID`` (or
``anniversary:ID@YEAR``) and ``deadline:ID``.  The caller resolves the first three to dates
(a plan does it from its phases and the catalog); ``deadline:`` anchors are the schedule's
own rules.  A rule may carry variants for audiences (khối Giáo dục follows the school
year) and may *feed* an upper level's rule: its date then defaults to the upper one's
minus a lead time in working days, and :func:`~thidua_calendar.scheduling.schedule`
reports every audience whose deadline falls after the one it feeds.

Pure: no files, no clock, no text.  :mod:`thidua_calendar.render.deadlines` writes the
traces in Vietnamese and English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Literal, Protocol

from thidua_calendar.errors import BilingualValueError, DeadlineError
from thidua_calendar.workdays import DayOff, RollPolicy

__all__ = [
    "WORDINGS",
    "Anchor",
    "AnchorKind",
    "Audience",
    "Conflict",
    "Day",
    "Deadline",
    "Frequency",
    "NamedDate",
    "NthWorkingDay",
    "OnDate",
    "Recurring",
    "Relative",
    "Rule",
    "Schedule",
    "Step",
    "Variant",
    "When",
    "Window",
    "Wording",
]

Wording = Literal["truoc_ngay", "cham_nhat", "den_het_ngay", "ngay"]
#: The wordings, in the order documents use them most.
WORDINGS: tuple[Wording, ...] = ("truoc_ngay", "cham_nhat", "den_het_ngay", "ngay")
AnchorKind = Literal["phase_start", "phase_end", "anniversary", "deadline"]
Unit = Literal["days", "working_days"]
Direction = Literal["after", "before"]

_ANCHOR = re.compile(
    r"(?:phase:(?P<phase>[a-z][a-z0-9_]*)\.(?P<end>start|end)"
    r"|anniversary:(?P<anniversary>[a-z][a-z0-9_]*)(?:@(?P<year>\d{4}))?"
    r"|deadline:(?P<deadline>[a-z][a-z0-9_]*))"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Anchor:
    """What a relative rule counts from, written ``phase:dot_1.end``, ``anniversary:ID``,
    ``anniversary:ID@2022`` or ``deadline:ID``."""

    kind: AnchorKind
    ref: str
    year: int | None = None

    @classmethod
    def parse(cls, text: str, /) -> Anchor:
        match = _ANCHOR.fullmatch(text.strip())
        if match is None:
            raise BilingualValueError(
                f"{text!r} is not an anchor; write phase:ID.start, phase:ID.end, "
                "anniversary:ID (or anniversary:ID@YEAR) or deadline:ID",
                vi=f"“{text}” không phải là mốc; hãy viết phase:MÃ.start, phase:MÃ.end, "
                   "anniversary:MÃ (hoặc anniversary:MÃ@NĂM) hoặc deadline:MÃ",
            )
        if match["phase"]:
            kind: AnchorKind = "phase_start" if match["end"] == "start" else "phase_end"
            return cls(kind=kind, ref=match["phase"])
        if match["anniversary"]:
            year = int(match["year"]) if match["year"] else None
            return cls(kind="anniversary", ref=match["anniversary"], year=year)
        return cls(kind="deadline", ref=match["deadline"])

    def __str__(self) -> str:
        if self.kind == "phase_start":
            return f"phase:{self.ref}.start"
        if self.kind == "phase_end":
            return f"phase:{self.ref}.end"
        if self.kind == "anniversary":
            return f"anniversary:{self.ref}" + (f"@{self.year}" if self.year else "")
        return f"deadline:{self.ref}"


@dataclass(frozen=True, slots=True, kw_only=True)
class NamedDate:
    """An anchor's date with the name traces print ("kết thúc Đợt 1"); ``date`` is
    ``None`` for a phase that has no end."""

    name: str
    name_en: str
    date: date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class OnDate:
    """A fixed date, as the document prints it."""

    #: The key of this timing in a rule file (``date:``), and the field errors name.
    key: ClassVar[str] = "date"

    date: date

    def anchors(self) -> tuple[tuple[Anchor, str], ...]:
        """The anchors this timing counts from, each with its field below the rule."""
        return ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Relative:
    """``amount`` (0 or more) calendar days or working days ``after`` or ``before`` an
    anchor; anything else raises :class:`DeadlineError`."""

    anchor: Anchor
    amount: int
    unit: Unit = "days"
    direction: Direction = "after"

    @property
    def key(self) -> str:
        """The key of this timing in a rule file: ``after:`` or ``before:``."""
        return self.direction

    def anchors(self) -> tuple[tuple[Anchor, str], ...]:
        return ((self.anchor, f"{self.direction}.anchor"),)

    def __post_init__(self) -> None:
        if isinstance(self.amount, bool) or not isinstance(self.amount, int):
            raise DeadlineError(f"a count is a whole number of days, not {self.amount!r}",
                                vi=f"số ngày phải là số nguyên, không phải “{self.amount}”",
                                field="amount")
        if self.amount < 0:
            raise DeadlineError(
                f"a count cannot be negative (got {self.amount}); count back with "
                "direction='before'", field="amount",
                vi=f"số ngày không được âm ({self.amount}); muốn tính lùi thì dùng before",
            )
        _check_choice("unit", self.unit, ("days", "working_days"), None)
        _check_choice("direction", self.direction, ("after", "before"), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class NthWorkingDay:
    """The ``n``-th working day of a month (``n = -1``: the last one)."""

    key: ClassVar[str] = "nth_working_day"

    year: int
    month: int
    n: int

    def anchors(self) -> tuple[tuple[Anchor, str], ...]:
        return ()

    def __post_init__(self) -> None:
        if self.n == 0:
            raise DeadlineError(
                "n = 0 names no day; count working days from 1 (the first) or from -1 "
                "(the last)", field="n",
                vi="n = 0 không chỉ ngày nào; đếm ngày làm việc từ 1 (ngày đầu) hoặc từ -1 "
                   "(ngày cuối)",
            )
        if not 1 <= self.month <= 12:
            raise DeadlineError(f"the month is 1 to 12, not {self.month}", field="month",
                                vi=f"tháng từ 1 đến 12, không phải {self.month}")


Frequency = Literal["month", "quarter", "half_year", "year"]
#: The months of each reporting period.
PERIOD_MONTHS: dict[Frequency, int] = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}


@dataclass(frozen=True, slots=True, kw_only=True)
class Recurring:
    """A recurring report (báo cáo định kỳ): day ``day`` of month ``month`` of every
    ``frequency`` period (hằng tháng, hằng quý, 6 tháng, năm) from ``start`` to ``end``.

    ``month`` counts the months of the period from 1 (its first month) or from -1 (its
    last): "trước ngày 15 của tháng cuối quý" is ``frequency="quarter", day=15, month=-1``
    with the rule's wording ``truoc_ngay``; for ``year`` it is the month of the year.
    ``day`` is 1 to 28, or -1 for the last day of the month (a 30th or 31st would skip the
    short months, as RFC 5545 does).  ``start`` and ``end`` default, in a plan, to its
    period; every occurrence becomes a :class:`Deadline` of its own (``occurrence``), found
    with ``dateutil.rrule`` and rolled to a working day like any other.
    """

    key: ClassVar[str] = "every"

    frequency: Frequency
    day: int
    month: int = -1
    start: date | None = None
    end: date | None = None

    def anchors(self) -> tuple[tuple[Anchor, str], ...]:
        return ()

    def __post_init__(self) -> None:
        _check_choice("frequency", self.frequency, tuple(PERIOD_MONTHS), None)
        if isinstance(self.day, bool) or not isinstance(self.day, int) or not (
            1 <= self.day <= 28 or self.day == -1
        ):
            raise DeadlineError(
                f"the day of a recurring report is 1 to 28, or -1 for the last day of the "
                f"month, not {self.day!r} (a 29th to 31st would skip the short months)",
                field="every.day",
                vi=f"ngày của báo cáo định kỳ là từ 1 đến 28, hoặc -1 (ngày cuối tháng), không "
                   f"phải {self.day!r} (ngày 29 đến 31 sẽ bỏ sót các tháng ngắn)",
            )
        length = PERIOD_MONTHS[self.frequency]
        if isinstance(self.month, bool) or not isinstance(self.month, int) or not (
            1 <= abs(self.month) <= length
        ):
            raise DeadlineError(
                f"a {self.frequency} has {length} month(s): month is 1 to {length} or -1 to "
                f"-{length} (the last), not {self.month!r}", field="every.month",
                vi=f"mỗi kỳ “{self.frequency}” có {length} tháng: month là 1 đến {length} hoặc "
                   f"-1 đến -{length} (tính từ cuối), không phải {self.month!r}",
            )
        if self.start is not None and self.end is not None and self.end < self.start:
            raise DeadlineError(
                f"the reports run from {self.start.isoformat()} to {self.end.isoformat()}, "
                "which ends before it starts", field="every.to",
                vi=f"các kỳ báo cáo từ {self.start:%d/%m/%Y} đến {self.end:%d/%m/%Y}: ngày kết "
                   "thúc trước ngày bắt đầu",
            )

    @property
    def months(self) -> tuple[int, ...]:
        """The months of the year a report falls in: ``(3, 6, 9, 12)`` for the last month
        of each quarter."""
        length = PERIOD_MONTHS[self.frequency]
        index = self.month - 1 if self.month > 0 else length + self.month
        return tuple(m for m in range(1, 13) if (m - 1) % length == index)

    def dates(self) -> tuple[date, ...]:
        """Every report date from ``start`` to ``end`` (both needed), by ``dateutil.rrule``."""
        from datetime import datetime

        from dateutil.rrule import MONTHLY, rrule

        if self.start is None or self.end is None:
            raise DeadlineError("a recurring report needs from and to (a plan gives its "
                                "period)", field="every",
                                vi="báo cáo định kỳ cần from và to (kế hoạch lấy thời gian "
                                   "của kế hoạch)")
        found = rrule(MONTHLY, dtstart=datetime(self.start.year, self.start.month, 1),
                      until=datetime.combine(self.end, datetime.min.time()),
                      bymonth=self.months, bymonthday=self.day)
        return tuple(moment.date() for moment in found if moment.date() >= self.start)


@dataclass(frozen=True, slots=True, kw_only=True)
class Window:
    """A period "từ ngày A đến ngày B"; its deadline is the end, its ``start`` the start."""

    key: ClassVar[str] = "window"

    start: OnDate | Relative
    end: OnDate | Relative

    def anchors(self) -> tuple[tuple[Anchor, str], ...]:
        return tuple((end.anchor, f"window.{name}")
                     for end, name in ((self.start, "from"), (self.end, "to"))
                     if isinstance(end, Relative))


#: The kinds of timing a rule may have.  A new kind is a class here with a ``key`` (its key
#: in rule files), ``anchors()`` and its computation in ``scheduling.Scheduler._compute_when``; its
#: file form goes in files/deadlines.py and its trace wording in render/deadlines.py
#: (docs/contributing.md walks through it).  A recurring report is computed apart
#: (``scheduling.Scheduler._recurring``): it has many dates.
When = OnDate | Relative | NthWorkingDay | Window | Recurring


@dataclass(frozen=True, slots=True, kw_only=True)
class AnchorUse:
    """Where a rule names an anchor: the timing's audience (``None`` for the default) and
    the field path below the rule (``after.anchor``, ``audiences.0.window.from``)."""

    anchor: Anchor
    field: str
    audience: Audience | None


def timings(rule: Rule, /) -> tuple[tuple[When, str, Audience | None], ...]:
    """Each timing of a rule with its field prefix and audience: the default one (when the
    rule has one), then each audience's own."""
    found: list[tuple[When, str, Audience | None]] = []
    if rule.when is not None:
        found.append((rule.when, "", None))
    found.extend((variant.when, f"audiences.{position}.", variant.audience)
                 for position, variant in enumerate(rule.variants))
    return tuple(found)


def anchor_uses(rule: Rule, /) -> tuple[AnchorUse, ...]:
    """Every anchor a rule names, with the field that names it: the one walk over a rule's
    timings that loaders, plans and the scheduler share."""
    return tuple(AnchorUse(anchor=anchor, field=prefix + field, audience=audience)
                 for when, prefix, audience in timings(rule)
                 for anchor, field in when.anchors())


class _Dated(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def name_en(self) -> str: ...
    @property
    def start(self) -> date: ...
    @property
    def end(self) -> date | None: ...


def phase_anchors(phases: Iterable[_Dated], /) -> dict[str, NamedDate]:
    """The ``phase:ID.start`` and ``phase:ID.end`` anchors of phases, named as traces
    print them ("kết thúc Đợt 1")."""
    found: dict[str, NamedDate] = {}
    for phase in phases:
        found[f"phase:{phase.id}.start"] = NamedDate(
            name=f"bắt đầu {phase.name}", name_en=f"start of {phase.name_en}", date=phase.start)
        found[f"phase:{phase.id}.end"] = NamedDate(
            name=f"kết thúc {phase.name}", name_en=f"end of {phase.name_en}", date=phase.end)
    return found


@dataclass(frozen=True, slots=True, kw_only=True)
class Audience:
    """A group a rule gives its own date (``giao_duc``: "khối Giáo dục")."""

    id: str
    name: str
    name_en: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Variant:
    """An audience's own timing for a rule."""

    audience: Audience
    when: When


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One deadline of a plan, for every audience.

    ``when`` may be left out when ``feeds`` is given: the date is then the fed rule's
    minus ``lead_working_days`` working days (0 when not given).  ``source`` is where the
    document says it, as the document says it ("III.2: trước ngày 04/4/2022").
    """

    id: str
    name: str
    name_en: str
    when: When | None = None
    wording: Wording = "cham_nhat"
    roll: RollPolicy = "previous"
    level: str | None = None
    feeds: str | None = None
    lead_working_days: int | None = None
    variants: tuple[Variant, ...] = ()
    note: str | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        _check_choice("wording", self.wording, WORDINGS, self.id)
        _check_choice("roll", self.roll, ("previous", "next", "none"), self.id)


def _check_choice(name: str, value: object, choices: Sequence[str], rule_id: str | None) -> None:
    """A :class:`DeadlineError` when ``value`` is none of ``choices``."""
    if value not in choices:
        listed = ", ".join(repr(choice) for choice in choices[:-1])
        raise DeadlineError(
            f"{name} is {listed} or {choices[-1]!r}, not {value!r}",
            vi=f"{name} là {listed} hoặc {choices[-1]!r}, không phải “{value}”",
            entry_id=rule_id, field=name,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Day:
    """A date with what the work calendar says of it, as traces print it."""

    date: date
    working: bool
    status: DayOff | None = None

    @property
    def estimated(self) -> bool:
        return self.status is not None and self.status.estimated


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    """One step of a deadline's computation.

    ``kind`` is ``anchor`` (``name`` and ``day``), ``offset`` (``start``, ``amount``,
    ``unit``, ``direction`` and the resulting ``day``), ``nth`` (``n`` and ``day``),
    ``window`` (``start`` and ``day``), ``recurring`` (the ``day`` of one report of a
    ``recurring`` rule), ``window_start`` (the working day a window opens
    on, when its first day is a day off), ``stated`` (the ``wording`` and ``day`` as the
    document says them), ``last_day`` (the day before a "trước ngày" date), ``roll``
    (``direction`` and the ``day`` reached; ``guarded`` when rolling the usual way would
    have crossed the anchor) or ``no_roll`` (a day off kept because the rule says so).
    """

    kind: Literal[
        "anchor", "offset", "nth", "window", "window_start", "stated", "last_day", "roll",
        "no_roll", "recurring",
    ]
    day: Day
    start: Day | None = None
    name: str = ""
    name_en: str = ""
    amount: int = 0
    unit: Unit = "days"
    direction: str = ""
    n: int = 0
    wording: Wording = "cham_nhat"
    guarded: bool = False
    anchor_kind: AnchorKind | None = None
    recurring: Recurring | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Deadline:
    """A rule's date for one audience (``audience=None``: everyone without a variant).

    ``stated`` is the date the wording names (what the document prints), ``last_day`` the
    last allowed day it means (``stated`` − 1 for "trước ngày"), ``due`` that day rolled
    to a working day.  ``start`` is a window's first working day.  ``estimated`` is true
    when a day the computation relied on is an estimate (an unannounced Tết).
    """

    rule: Rule
    audience: Audience | None
    stated: date
    last_day: date
    due: date
    start: date | None
    estimated: bool
    steps: tuple[Step, ...]
    #: The report date of a recurring rule's occurrence (``None`` for other rules).
    occurrence: date | None = None

    @property
    def guarded(self) -> bool:
        """Whether rolling went the other way so as not to cross the anchor (the due date
        may then fall after the date the wording names)."""
        return any(step.guarded for step in self.steps)

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def rolled(self) -> bool:
        return self.due != self.last_day


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    """A lower level's deadline that leaves less than its lead time before the one it feeds
    (``available`` working days from ``child.due`` to ``parent.due``; negative when the
    child falls after the parent)."""

    child: Deadline
    parent: Deadline
    lead_working_days: int
    available: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Schedule:
    """Every rule's deadlines in rule order (the default audience first), and the
    cascade conflicts found."""

    deadlines: tuple[Deadline, ...]
    conflicts: tuple[Conflict, ...] = ()
    _index: Mapping[tuple[str, str | None], Deadline] = field(
        default_factory=dict, repr=False, compare=False
    )

    def get(self, rule_id: str, /, audience: str | None = None) -> Deadline:
        """The deadline of a rule for an audience (or the default one)."""
        found = self._index.get((rule_id, audience))
        if found is None:
            raise KeyError(f"no deadline {rule_id!r}" + (f" for {audience!r}" if audience else ""))
        return found

