"""Phases (đợt) of an emulation movement: splitting a period, checking it, attaching days.

A plan's period runs from a start to an end, or has no end (a movement "until the epidemic
is controlled").  Its phases are given one by one or generated (:func:`split_period`:
halves, quarters, or split at chosen dates such as anniversaries).  :func:`check_phases`
reports overlaps, gaps inside the period, phases outside it and phases that end before they
start; :func:`attach` puts each dated item in the phase that contains it, or in the phase a
plan names for it because that phase leads up to it (seed 004 greets 11/4/2020 in the đợt
that ends 31/3/2020).

Pure: no files, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from thidua_calendar.dates import vi_date
from thidua_calendar.errors import PhaseError

__all__ = [
    "Period",
    "Phase",
    "PhaseProblem",
    "PhaseProblemKind",
    "Split",
    "attach",
    "check_phases",
    "split_period",
]

_ONE_DAY = timedelta(days=1)
Split = Literal["halves", "quarters"]
PhaseProblemKind = Literal["overlap", "gap", "outside", "reversed", "unnamed", "no_theme",
                           "open_not_last"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    """What a plan covers: ``end=None`` for a movement with no set end."""

    start: date
    end: date | None

    def contains(self, day: date, /) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def horizon(self) -> date:
        """The last day the plan looks at: its end or, for a movement with no set end, the
        end of the year after it starts ("until the epidemic is controlled" has no date)."""
        return self.end or date(self.start.year + 1, 12, 31)


@dataclass(frozen=True, slots=True, kw_only=True)
class Phase:
    """One đợt: its id, name (``"Đợt 1"``), dates and theme (chủ đề).

    ``start_text`` keeps how the plan states a start that is not a plain date: ``"từ nay"``
    (the issue date) or a month (``"tháng 11/2019"``); ``end_text`` the condition of an
    open end ("đến khi tình hình dịch bệnh được kiểm soát"); ``also`` what else the phase
    strives for, in the plan's words ("Thi đua hoàn thành toàn diện … năm 2022").
    """

    id: str
    name: str
    name_en: str
    start: date
    end: date | None
    theme: str | None = None
    theme_en: str | None = None
    start_text: str | None = None
    end_text: str | None = None
    end_text_en: str | None = None
    also: tuple[str, ...] = ()
    also_en: tuple[str, ...] | None = None

    def contains(self, day: date, /) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True, kw_only=True)
class PhaseProblem:
    """Something wrong with a plan's phases; ``phases`` names the ones concerned."""

    kind: PhaseProblemKind
    phases: tuple[str, ...]
    first: date | None = None
    last: date | None = None


def split_period(
    period: Period,
    /,
    how: Split | Sequence[date],
    *,
    names: Sequence[str] | None = None,
    names_en: Sequence[str] | None = None,
) -> tuple[Phase, ...]:
    """Phases that cover ``period`` with no gap and no overlap.

    ``how`` is ``"halves"`` or ``"quarters"`` (of a calendar year: at 1 July, or at 1 April,
    1 July and 1 October; of another span: at the first of the month nearest its half or
    quarters), or the last days of every phase but the last (a phase ends on each date
    given, the next starts the day after).  Phases are named "Đợt 1", "Đợt 2"… unless
    ``names`` says otherwise.
    """
    if period.end is None:
        raise PhaseError("a period with no end cannot be split; give its phases one by one",
                         vi="không chia được một thời gian không có ngày kết thúc; hãy ghi "
                            "từng đợt")
    if isinstance(how, str):
        parts = {"halves": 2, "quarters": 4}.get(how)
        if parts is None:
            raise PhaseError(f"unknown split {how!r}; choose halves, quarters or dates",
                             vi=f"không có cách chia “{how}”; chọn halves (hai nửa năm), "
                                "quarters (bốn quý) hoặc một danh sách ngày")
        ends = _even_ends(period.start, period.end, parts)
    else:
        ends = sorted(set(how))
        for day in ends:
            if not period.start <= day < period.end:
                raise PhaseError(
                    f"{day.isoformat()} is not inside the period "
                    f"{period.start.isoformat()} - {period.end.isoformat()} (a phase must "
                    "end on it and the next start the day after)",
                    vi=f"ngày {vi_date(day)} không nằm trong thời gian {vi_date(period.start)} - "
                       f"{vi_date(period.end)} (một đợt kết thúc vào ngày đó và đợt sau bắt "
                       "đầu vào ngày hôm sau)",
                )
    bounds = [period.start, *(day + _ONE_DAY for day in ends)]
    finals = [*ends, period.end]
    count = len(bounds)
    names = list(names) if names is not None else [f"Đợt {n}" for n in range(1, count + 1)]
    names_en = (
        list(names_en) if names_en is not None
        else [f"Phase {n}" for n in range(1, count + 1)]
    )
    if len(names) != count or len(names_en) != count:
        raise PhaseError(f"the split makes {count} phases but {len(names)} names were given",
                         vi=f"cách chia tạo ra {count} đợt nhưng có {len(names)} tên đợt")
    return tuple(
        Phase(id=f"dot_{n + 1}", name=names[n], name_en=names_en[n], start=start, end=end)
        for n, (start, end) in enumerate(zip(bounds, finals, strict=True))
    )


def _even_ends(start: date, end: date, parts: int) -> list[date]:
    """The last days of all parts but the last, on month boundaries near even shares."""
    if start.month == 1 and start.day == 1 and end == date(start.year, 12, 31):
        months = {2: [7], 4: [4, 7, 10]}[parts]
        return [date(start.year, month, 1) - _ONE_DAY for month in months]
    total = (end - start).days + 1
    ends = []
    for share in range(1, parts):
        middle = start + timedelta(days=total * share // parts)
        first_of_month = middle.replace(day=1)
        following = (first_of_month + timedelta(days=32)).replace(day=1)
        nearest = min((first_of_month, following), key=lambda day: abs((day - middle).days))
        if not start < nearest <= end:
            nearest = middle
        ends.append(nearest - _ONE_DAY)
    return sorted(set(ends))


def check_phases(
    phases: Sequence[Phase],
    /,
    period: Period,
    *,
    allow_gaps: bool = False,
    allow_overlaps: bool = False,
) -> tuple[PhaseProblem, ...]:
    """What is wrong with the phases of a period (empty when nothing is).

    Reported: a phase that ends before it starts; phases that overlap and days of the
    period no phase covers (unless allowed); a phase outside the period; a phase with no
    end before another phase; a phase without a name or a theme.
    """
    problems: list[PhaseProblem] = []
    for phase in phases:
        if phase.end is not None and phase.end < phase.start:
            problems.append(PhaseProblem(kind="reversed", phases=(phase.id,),
                                         first=phase.start, last=phase.end))
        if not phase.name.strip():
            problems.append(PhaseProblem(kind="unnamed", phases=(phase.id,)))
        if not (phase.theme or "").strip():
            problems.append(PhaseProblem(kind="no_theme", phases=(phase.id,)))
        starts_before = phase.start < period.start
        ends_after = period.end is not None and (phase.end is None or phase.end > period.end)
        if starts_before or ends_after:
            problems.append(PhaseProblem(kind="outside", phases=(phase.id,),
                                         first=phase.start, last=phase.end))
    ordered = sorted((p for p in phases if p.end is None or p.end >= p.start),
                     key=lambda p: (p.start, p.end or date.max))
    # Walk the phases by start, keeping the phase that reaches furthest so far: a phase
    # starting inside it overlaps it, one starting after the day after it leaves a gap.
    reach: Phase | None = None
    for phase in ordered:
        if reach is None:
            reach = phase
            continue
        if reach.end is None:
            problems.append(PhaseProblem(kind="open_not_last", phases=(reach.id, phase.id)))
            continue
        if phase.start <= reach.end and not allow_overlaps:
            problems.append(PhaseProblem(kind="overlap", phases=(reach.id, phase.id),
                                         first=phase.start,
                                         last=min(reach.end, phase.end or reach.end)))
        elif phase.start > reach.end + _ONE_DAY and not allow_gaps:
            problems.append(PhaseProblem(kind="gap", phases=(reach.id, phase.id),
                                         first=reach.end + _ONE_DAY,
                                         last=phase.start - _ONE_DAY))
        if phase.end is None or phase.end > reach.end:
            reach = phase
    if ordered and reach is not None and not allow_gaps:
        first = ordered[0]
        if first.start > period.start:
            problems.append(PhaseProblem(kind="gap", phases=(first.id,), first=period.start,
                                         last=first.start - _ONE_DAY))
        if period.end is not None and reach.end is not None and reach.end < period.end:
            problems.append(PhaseProblem(kind="gap", phases=(reach.id,),
                                         first=reach.end + _ONE_DAY, last=period.end))
    return tuple(problems)


def attach(
    items: Sequence[tuple[str, date]],
    /,
    phases: Sequence[Phase],
    *,
    lead_up: Mapping[str, str] | None = None,
) -> dict[str, str | None]:
    """The phase id of each item (``(id, date)``): the phase the plan names in ``lead_up``,
    else the first phase containing its date, else ``None``.

    A ``lead_up`` phase must end before the item's date (it leads up to it); otherwise
    :class:`PhaseError` says why.
    """
    by_id = {phase.id: phase for phase in phases}
    lead_up = lead_up or {}
    found: dict[str, str | None] = {}
    for item_id, day in items:
        chosen = lead_up.get(item_id)
        if chosen is not None:
            phase = by_id.get(chosen)
            if phase is None:
                raise PhaseError(f"no phase has the id {chosen!r} (to greet {item_id!r} in)",
                                 vi=f"không có đợt nào có mã “{chosen}” (để chào mừng "
                                    f"“{item_id}”)")
            if phase.end is None or phase.end >= day:
                raise PhaseError(
                    f"{item_id!r} ({day.isoformat()}) can be greeted in {chosen!r} only if that "
                    "phase ends before it; it contains it already or comes after"
                    if phase.start <= day else
                    f"{chosen!r} starts after {item_id!r} ({day.isoformat()})",
                    vi=f"chỉ chào mừng “{item_id}” ({vi_date(day)}) trong đợt “{chosen}” khi đợt "
                       "đó kết thúc trước ngày ấy; đợt đã chứa ngày ấy hoặc đến sau"
                    if phase.start <= day else
                    f"đợt “{chosen}” bắt đầu sau “{item_id}” ({vi_date(day)})",
                )
            found[item_id] = chosen
            continue
        found[item_id] = next((phase.id for phase in phases if phase.contains(day)), None)
    return found
