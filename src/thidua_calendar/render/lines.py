"""One line per commemoration, the way official lists print it.

Vietnamese (the default)::

    93 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2022)
    50 năm Chiến thắng "Hà Nội - Điện Biên Phủ trên không" (12/1972 - 12/2022)
    80 năm Đề cương về văn hóa Việt Nam (1943 - 2023)
    Giỗ Tổ Hùng Vương (mùng 10 tháng 3 âm lịch)
    Tháng hành động về an toàn, vệ sinh lao động lần thứ 6 năm 2022

Entries that official lists print together (``printed_with`` in the catalog) share one
line; the second one drops its count when it is the same as the first's::

    77 năm Ngày Cách mạng Tháng Tám thành công (19/8/1945 - 19/8/2022) và Ngày Quốc khánh
    … (2/9/1945 - 2/9/2022)
    92 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2022) và đón Tết Nguyên đán
    Nhâm Dần
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from thidua_calendar import lunar
from thidua_calendar.anniversaries import Milestone, Occurrence
from thidua_calendar.styles import DateStyle, Lang

__all__ = [
    "Line",
    "format_date",
    "group_lines",
    "lunar_text",
    "milestone_label",
    "occurrence_text",
    "weekday_name",
]


_WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_LUNAR_MONTHS_VI = {1: "Giêng", 12: "Chạp"}
_MILESTONES = {
    "vi": {"nam_tron": "năm tròn", "nam_le_5": "năm lẻ 5", "nam_khac": "năm khác"},
    "en": {"nam_tron": "round year", "nam_le_5": "half-decade year", "nam_khac": "other year"},
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """Occurrences printed together on one line, with the rendered text."""

    occurrences: tuple[Occurrence, ...]
    text: str

    @property
    def date(self) -> date:
        """The date of the line's first (leading) occurrence."""
        return self.occurrences[0].date


def format_date(
    day: date, /, *, style: DateStyle = "d/m/yyyy", precision: str = "day"
) -> str:
    """A date as Vietnamese documents write it: ``3/2/1930``, ``03/02/1930``, ``12/1972``;
    ``nd30``: ``03/02/1930``, ``30/4/1975`` (a day under 10 and months 1-2 zero-padded)."""
    pad_day = style != "d/m/yyyy"
    pad_month = style == "dd/mm/yyyy" or (style == "nd30" and day.month <= 2)
    month = f"{day.month:02d}" if pad_month else str(day.month)
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{month}/{day.year}"
    return f"{day.day:02d}/{month}/{day.year}" if pad_day else f"{day.day}/{month}/{day.year}"


def weekday_name(day: date, /, *, lang: Lang = "vi") -> str:
    """``"Chủ nhật"`` / ``"Sunday"``."""
    return (_WEEKDAYS_VI if lang == "vi" else _WEEKDAYS_EN)[day.weekday()]


def milestone_label(milestone: Milestone, /, *, lang: Lang = "vi") -> str:
    """``"năm tròn"``, ``"năm lẻ 5"``, ``"năm khác"`` (or the English gloss)."""
    return _MILESTONES[lang][milestone]


def lunar_text(month: int, day: int, /, *, leap: bool = False, lang: Lang = "vi") -> str:
    """``"mùng 10 tháng 3 âm lịch"`` / ``"10th day of the 3rd lunar month"``."""
    if lang == "en":
        leap_en = "leap " if leap else ""
        return f"{_ordinal(day)} day of the {leap_en}{_ordinal(month)} lunar month"
    day_vi = f"mùng {day}" if day <= 10 else f"ngày {day}"
    month_vi = _LUNAR_MONTHS_VI.get(month, str(month)) + (" nhuận" if leap else "")
    return f"{day_vi} tháng {month_vi} âm lịch"


def occurrence_text(
    occ: Occurrence,
    /,
    *,
    lang: Lang = "vi",
    date_style: DateStyle = "d/m/yyyy",
    show_solar: bool = False,
) -> str:
    """The line for one occurrence on its own."""
    return _text(occ, lang=lang, date_style=date_style, show_solar=show_solar, lead=None)


def group_lines(
    occurrences: Sequence[Occurrence],
    /,
    *,
    lang: Lang = "vi",
    date_style: DateStyle = "d/m/yyyy",
    show_solar: bool = False,
) -> tuple[Line, ...]:
    """The lines of a list: entries printed together share the line of the first one.

    A line stands where its first occurrence stands in ``occurrences``.  An entry may occur
    more than once (a list spanning two years); partners are paired within a year.
    """

    def key(occ: Occurrence) -> tuple[str, date]:
        return occ.id, occ.date

    by_year = {(occ.id, occ.date.year): occ for occ in occurrences}
    followers: dict[tuple[str, date], Occurrence] = {}
    for occ in occurrences:
        partner = occ.commemoration.printed_with
        found = by_year.get((partner.id, occ.date.year)) if partner is not None else None
        if found is not None and found.id != occ.id:
            followers[key(occ)] = found
    followed = {key(follower) for follower in followers.values()}
    placed: set[tuple[str, date]] = set()
    lines = []
    # Leaders first; then whatever is left (entries of a printed_with cycle, which the
    # catalog loader refuses but hand-made commemorations may have) leads its own line.
    starts = [occ for occ in occurrences if key(occ) not in followed]
    for occ in [*starts, *occurrences]:
        if key(occ) in placed:
            continue
        chain = [occ]
        while (
            key(chain[-1]) in followers
            and followers[key(chain[-1])] not in chain
            and key(followers[key(chain[-1])]) not in placed
        ):
            chain.append(followers[key(chain[-1])])
        placed.update(key(member) for member in chain)
        text = _text(occ, lang=lang, date_style=date_style, show_solar=show_solar, lead=None)
        for previous, current in itertools.pairwise(chain):
            partner = previous.commemoration.printed_with
            assert partner is not None
            joiner = partner.joiner if lang == "vi" else partner.joiner_en
            part = _text(
                current, lang=lang, date_style=date_style, show_solar=show_solar, lead=previous
            )
            text = f"{text} {joiner} {part}"
        lines.append(Line(occurrences=tuple(chain), text=text))
    order = {key(occ): position for position, occ in enumerate(occurrences)}
    return tuple(sorted(lines, key=lambda line: order[key(line.occurrences[0])]))


def _text(
    occ: Occurrence,
    *,
    lang: Lang,
    date_style: DateStyle,
    show_solar: bool,
    lead: Occurrence | None,
) -> str:
    entry = occ.commemoration
    name = entry.name if lang == "vi" else entry.name_en
    if entry.with_can_chi and occ.lunar_date is not None:
        year_name = (lunar.can_chi if lang == "vi" else lunar.can_chi_en)(occ.lunar_date.year)
        name = f"{name} {year_name}"
    if entry.count == "edition":
        if lang == "vi":
            return f"{name} lần thứ {occ.count} năm {occ.year}"
        return f"{name}, {_ordinal(occ.count or 0)} edition ({occ.year})"
    if entry.count == "none" or occ.count is None:
        # (A counted day in its first year of observance has no count yet.)
        if lead is not None:
            return name
        if entry.duration == "month":
            return f"{name} năm {occ.year}" if lang == "vi" else f"{name} ({occ.year})"
        return f"{name} ({_when(occ, lang=lang, date_style=date_style, show_solar=show_solar)})"
    span = _span(occ, date_style=date_style)
    same_count = lead is not None and lead.years == occ.years
    if same_count:
        return f"{name} ({span})"
    if lang == "vi":
        return f"{occ.count} năm {name} ({span})"
    return f"{name}: {_ordinal(occ.count or 0)} anniversary ({span})"


def _span(occ: Occurrence, *, date_style: DateStyle) -> str:
    origin = occ.commemoration.origin
    precision = origin.precision
    if origin.calendar == "lunar":
        # A lunar day with a base year: "(10/3/1930 - 10/3/2026 âm lịch)".
        assert origin.year is not None and occ.lunar_date is not None
        base = f"{origin.day}/{origin.month}/{origin.year}"
        moon = occ.lunar_date
        return f"{base} - {moon.day}/{moon.month}/{moon.year} âm lịch"
    assert origin.year is not None
    start = date(max(origin.year, 1), origin.month or 1, origin.day or 1)
    begin = format_date(start, style=date_style, precision=precision)
    end = format_date(occ.date, style=date_style, precision=precision)
    return f"{begin} - {end}"


def _when(occ: Occurrence, *, lang: Lang, date_style: DateStyle, show_solar: bool) -> str:
    solar = format_date(occ.date, style=date_style)
    if occ.lunar_date is None:
        return solar
    # The day the occurrence falls on: day 30 of a 29-day month is kept on the 29th.
    text = lunar_text(occ.lunar_date.month, occ.lunar_date.day, lang=lang)
    if show_solar:
        text += f", tức {solar}" if lang == "vi" else f"; {solar}"
    return text


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
