"""The printed-plan reader: the dates, counted anniversaries, đợt and deadlines a plan's text
prints, read into ``…Text`` values (what was printed, where, and whether it is a real date).

It is a reader, not a judge: the checker (:mod:`thidua_calendar.reading.check`) decides what
is wrong with what is read here, the drafter (:mod:`thidua_calendar.reading.extract`) turns it
into a plan file.  Real plans write the same things many ways; the reader knows the forms
found in them:

- anniversaries: ``93 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2022)``, with
  ``dd/mm`` or ``d/m``, ``/``, ``.`` or ``-`` inside a date, ``-``, ``–`` or ``_`` between the two
  ends, a month (``12/1972 - 12/2022``) or a year (``1943 - 2023``), a lone base date
  (``(28/7/1929)``, the plan's year implied), and pairs joined by "và" that share one count
  (``77 năm … (19/8/1945 - 19/8/2022) và Quốc khánh … (02/9/1945 - 02/9/2022)``);
- đợt: ``Đợt 1: Từ nay đến 30/6/2022``, ``Đợt 2: Từ 1/7 - 31/12/2022``, ``Đợt 1, từ tháng
  11/2019 đến 31/3/2020``, ``Thi đua đợt (từ tháng 01/2022 đến 28/7/2022)``, and without
  "từ" when both ends are printed (``Đợt 1 (01/01 - 30/4/2022)``);
- deadlines: ``trước ngày 12/4/2022``, ``trước 17h00 ngày …``, ``chậm nhất (vào) ngày …``,
  ``đến hết ngày …``, a date without its year (``trước ngày 15/7``, ``… 15/01 năm sau``), with
  the group a "riêng …" clause names.

Stray typography (a doubled slash, a doubled parenthesis) is tolerated.  Every repetition in
the patterns is bounded, so a text is read in time proportional to its length whatever it
holds (``benchmarks/bench_check.py`` feeds it hostile texts).

Pure: no files, no clock.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from thidua_calendar.text import fold

__all__ = [
    "AnniversaryText",
    "DeadlineText",
    "LunarText",
    "PhaseText",
    "TextDate",
    "read_deadlines",
    "read_items",
    "read_lunar",
    "read_phases",
    "read_school_year",
    "read_year",
]

Precision = Literal["day", "month", "year"]

# A date as written: d/m/yyyy with / . or - (doubled slashes tolerated), m/yyyy, or yyyy, the
# year from 1000 to 2999 (a base year mistyped "2890" is read, to be reported).  Every
# repetition is bounded, so each position costs a fixed amount.
_YEAR = r"(?:1\d|2\d)\d{2}(?!\d)"
_IN_DATE = r"(?:[ ]?/{1,2}[ ]?|[ ]?\.[ ]?|-)"
_DATE = r"(?:\d{1,2}" + _IN_DATE + r")?(?:\d{1,2}" + _IN_DATE + r")?" + _YEAR
_DATE_PARTS = re.compile(r"\d+")
_RANGE_SEP = r"\s{0,3}(?:-|–|—|_|đến)\s{0,3}"
# "(a - b)" or "(a)", with doubled parentheses tolerated.
_RANGE = re.compile(
    r"\(\(?[ ]?(?P<first>" + _DATE + r")(?:" + _RANGE_SEP + r"(?P<second>" + _DATE
    + r"))?[ ]?\)\)?"
)
# "93 năm", not "tháng 4 năm 1975" nor "30/4 năm 2022".
_COUNT = re.compile(r"(?<![\d/.])(?<!tháng )(?P<count>\d{1,4})\s{1,3}năm\b(?!\s{1,3}\d)",
                    re.IGNORECASE)
# Where a sentence or a list item ends: a count beyond one belongs to another item.
_ITEM_END = re.compile(r";|\n[ \t]*[-+*•]|\.[ \t]*\n|(?<=\w\w\w)\.[ ]+(?=[A-ZĐ])")
# The words an anniversary's name begins with (folded): "Ngày …", "Chiến thắng …", "Tết …".
_ANNIVERSARY_WORDS = frozenset({
    "ngay", "tet", "quoc khanh", "gio to", "khoi nghia", "thang", "chien thang", "dai thang",
    "chien dich", "cach mang", "ra doi", "ra di", "de cuong", "thanh lap", "tong tuyen cu",
    "giai phong", "truyen thong", "le", "le hoi", "ky niem", "hiep dinh", "hiep uoc", "sinh",
    "hy sinh", "nam sinh", "mat", "dai hoi", "phong trao", "cuoc", "bac ho", "chu tich",
    "thong nhat", "tai lap", "nam ky", "bac ky",
})
_EDITION = re.compile(r"\blần thứ\s+(?P<edition>[IVXLC]+|\d+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class TextDate:
    """A date as a document wrote it: its parts, how precise, and whether it exists."""

    text: str
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        return "day" if self.day is not None else ("month" if self.month is not None else "year")

    @property
    def valid(self) -> bool:
        if self.month is not None and not 1 <= self.month <= 12:
            return False
        if self.day is not None:
            try:
                date(self.year, self.month or 1, self.day)
            except ValueError:
                return False
        return 1 <= self.year <= 9999

    def to_date(self) -> date | None:
        """The date (the first of the month or year when less precise), or ``None``."""
        if not self.valid:
            return None
        return date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, text: str, /) -> TextDate:
        numbers = [int(part) for part in _DATE_PARTS.findall(text)]
        if len(numbers) == 3:
            return cls(text=text.strip(), year=numbers[2], month=numbers[1], day=numbers[0])
        if len(numbers) == 2:
            return cls(text=text.strip(), year=numbers[1], month=numbers[0])
        return cls(text=text.strip(), year=numbers[0])


@dataclass(frozen=True, slots=True, kw_only=True)
class AnniversaryText:
    """A counted anniversary as printed (the reader's "item"): "N năm <name> (first - second)".

    ``count`` may be ``None`` for the second member of a pair that shares the first's count;
    ``column`` is where the item starts (0-based).
    """

    count: int | None
    name: str
    first: TextDate
    second: TextDate | None
    column: int
    shared_count: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class PhaseText:
    """A đợt as printed: its number (if any), label, start and end as written."""

    label: str
    number: int | None
    start: TextDate | None
    end: TextDate | None
    start_now: bool
    column: int
    start_text: str
    end_text: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class DeadlineText:
    """A deadline as printed: its wording, date and the group a "riêng …" names."""

    wording: Literal["truoc_ngay", "cham_nhat", "den_het_ngay"]
    date: TextDate
    column: int
    audience: str | None = None
    task: str = ""
    #: The date printed no year ("trước ngày 15/7"); ``date`` has the year it was read with.
    year_implied: bool = False
    #: The hour printed before the day ("trước 17h00 ngày 30/4"): due on that day, before it.
    hour: str | None = None


def _name_before(line: str, end: int, start: int) -> str:
    """The name between a count and its parenthesis, cleaned of leading "năm"."""
    name = line[start:end]
    name = re.sub(r"^\s*năm\s+", "", name, flags=re.IGNORECASE)
    return name.strip(" :;,.-–\"“”")


_WINDOW = 260  # how far before a parenthesis its count may stand


@functools.lru_cache(maxsize=4096)  # a plan prints the same names again and again
def looks_like_anniversary(name: str, /) -> bool:
    """Whether a name is one an anniversary is printed with: a proper name ("Công đoàn Việt
    Nam", "Quân đội nhân dân Việt Nam"), or one of its first five words starts such a phrase
    ("Ngày thành lập …", "chiến thắng …", "thống nhất đất nước").  A term or a duration
    ("3 năm chương trình hợp tác (01/2020 - 12/2022)") is neither."""
    stripped = name.lstrip(" “\"'(*_")
    if stripped[:1].isupper():
        return True
    words = fold(name[:80]).split()[:5]
    return any(" ".join(words[start:start + size]) in _ANNIVERSARY_WORDS
               for start in range(len(words)) for size in (1, 2, 3))


def read_items(line: str, /) -> list[AnniversaryText]:
    """The counted anniversaries of a text (a line, or a whole document), in order.

    A count belongs to the parenthesis after it in the same sentence or list item.  Not
    anniversaries, and skipped: a count with no name before its parenthesis, a name that is
    not an anniversary's (:func:`looks_like_anniversary`), and a span of years counted
    inclusively ("5 năm (2016-2020)", a five-year term).  Two items joined by "và" share the
    first one's count when their dates have the same years.
    """
    items: list[AnniversaryText] = []
    ranges = list(_RANGE.finditer(line))
    previous_end = 0
    last_count: int | None = None
    last_years: tuple[int, int] | None = None
    for match in ranges:
        previous_end = max(previous_end, match.start() - _WINDOW)
        for cut in _ITEM_END.finditer(line, previous_end, match.start()):
            previous_end = cut.end()
        segment = line[previous_end: match.start()]
        counts = list(_COUNT.finditer(segment))
        if counts:
            found = counts[-1]
            count: int | None = int(found["count"])
            name = _name_before(line, match.start(), previous_end + found.end())
            column = previous_end + found.start()
            shared = False
        else:
            # "… và Quốc khánh … (02/9/1945 - 02/9/2022)": the pair shares the count before.
            joined = re.search(r"\s(?:và|and)\s+(?P<name>[^;:]*)$", segment, re.IGNORECASE)
            years = (TextDate.parse(match["first"]).year,
                     TextDate.parse(match["second"] or match["first"]).year)
            if joined is None or last_count is None or years != last_years:
                previous_end = match.end()
                last_count = None
                continue
            count, shared = last_count, True
            name = joined["name"].strip(" :;,.-–\"“”")
            column = previous_end + joined.start("name")
        first = TextDate.parse(match["first"])
        second = TextDate.parse(match["second"]) if match["second"] else None
        previous_end = match.end()
        name = " ".join(name.split())
        if not name or not looks_like_anniversary(name) or (
                second is not None and count is not None and first.precision == "year"
                and second.year - first.year + 1 == count):
            last_count = None
            continue
        items.append(AnniversaryText(count=count, name=name, first=first, second=second,
                                     column=column, shared_count=shared))
        last_count, last_years = count, (first.year, (second or first).year)
    return items


# "Đợt 1: Từ … đến …", or without "từ" when both ends are printed ("Đợt 1 (01/01 - 30/4/2022)").
_PHASE = re.compile(
    r"(?P<label>(?:thi đua[ ]{1,3})?đợt(?:[ ]{1,3}(?P<number>\d{1,2}|[IVX]{1,4}))?)[ ]{0,3}"
    r"(?:\*{1,3}[ ]{0,3})?[:,(]?[ ]{0,3}(?:\*{1,3}[ ]{0,3})?(?P<from>từ[ ]{1,3}(?:ngày[ ]{1,3})?)?"
    r"(?P<start>nay|tháng[ ]{1,3}"
    + _DATE + r"|tháng[ ]{1,3}\d{1,2}[ ]?/[ ]?\d{1,2}|tháng[ ]{1,3}\d{1,2}(?![\d/.])|" + _DATE
    + r"|\d{1,2}[ ]?[/.][ ]?\d{1,2})"
    + r"(?:[ ]{0,3}(?:-|–|đến)[ ]{0,3}(?:ngày[ ]{1,3}|tháng[ ]{1,3})?(?P<end>khi\b[^:;.\n]{0,200}|"
    + _DATE + r"))?"
    + r"(?(from)|(?(end)|(?!)))",
    re.IGNORECASE,
)


def read_phases(line: str, /) -> list[PhaseText]:
    """The đợt a line states, with their dates as written ("Từ 1/7 - 31/12/2022": the start
    takes the end's year)."""
    found: list[PhaseText] = []
    for match in _PHASE.finditer(line):
        label = " ".join(match["label"].split())
        number = _number(match["number"]) if match["number"] else None
        start_text = match["start"]
        end_text = match["end"]
        end = None
        if end_text and not end_text.lower().startswith("khi"):
            end = TextDate.parse(end_text)
        start_now = start_text.lower() == "nay"
        start = None
        if not start_now:
            raw = re.sub(r"^tháng\s+", "", start_text, flags=re.IGNORECASE)
            numbers = _DATE_PARTS.findall(raw)
            if len(numbers) == 1 and len(numbers[0]) < 3 and end is not None:
                # "Từ tháng 6 đến tháng 12/2026": the month of the end's year.
                start = TextDate(text=raw, year=end.year, month=int(numbers[0]))
            elif len(numbers) == 2 and len(numbers[1]) < 4 and end is not None:
                # "1/7" with the year of the end; "1/01" of "Từ tháng 1/01" likewise.
                start = TextDate(text=raw, year=end.year, month=int(numbers[1]),
                                 day=int(numbers[0]))
                if start_text.lower().startswith("tháng"):
                    start = TextDate(text=raw, year=end.year, month=int(numbers[0]))
            else:
                start = TextDate.parse(raw)
        found.append(PhaseText(label=label, number=number, start=start, end=end,
                               start_now=start_now, column=match.start(),
                               start_text=start_text, end_text=end_text))
    return found


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for current, following in zip(text.upper(), [*text.upper()[1:], ""], strict=True):
        value = values[current]
        total += -value if following and values[following] > value else value
    return total


# An hour before the day: "trước 17h00 ngày …", "chậm nhất 16 giờ 30 phút, ngày …".
_HOUR = r"(?:[ ]{1,3}\d{1,2}[ ]?(?:h|giờ)[ ]?(?:\d{2})?(?:[ ]?phút)?,?)?"
# A weekday named before the day: "chậm nhất vào Thứ Sáu, ngày 04/12/2026".
_WEEKDAY_NAME = (r"(?:[ ]{1,3}(?:thứ[ ]{1,3}(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ[ ]{1,3}nhật)"
                 r"[ ]{0,3},?)?")
_DEADLINE = re.compile(
    r"(?P<wording>trước" + _HOUR + _WEEKDAY_NAME + r"[ ]{1,3}ngày|chậm nhất(?: là)?(?: vào)?"
    + _HOUR + _WEEKDAY_NAME + r"(?:[ ]{1,3}ngày)?|đến hết ngày)[ ]{0,3}"
    r"(?P<date>\d{1,2}" + _IN_DATE + r"\d{1,2}(?:" + _IN_DATE + _YEAR + r"|(?![\d/]|[.-]\d)))"
    r"(?:[ ]{1,3}năm[ ]{1,3}(?P<year>" + _YEAR + r"|sau|tới)\b)?",
    re.IGNORECASE,
)
_AUDIENCE = re.compile(r"riêng[ ]{1,3}(?P<who>[^,;.]{0,120}?)\s{0,3}$", re.IGNORECASE)


def read_deadlines(line: str, /, *, year: int | None = None,
                   school_year: tuple[int, int] | None = None) -> list[DeadlineText]:
    """The deadlines of a line; a "riêng <group>" just before one names its group.  A date
    printed without its year ("trước ngày 15/7") is read in ``year``, or in a school year's
    first year from August and its second before, and skipped without either."""
    found: list[DeadlineText] = []
    previous = 0
    for match in _DEADLINE.finditer(line):
        printed = TextDate.parse(match["date"])
        implied = len(_DATE_PARTS.findall(match["date"])) == 2
        if implied and match["year"] and match["year"][0].isdigit():  # "15/7 năm 2022"
            printed = TextDate(text=match["date"] + " năm " + match["year"],
                               year=int(match["year"]), month=printed.year, day=printed.month)
            implied = False
        elif implied:
            month = printed.year  # "15/7" was parsed as month/year
            base = year
            if school_year is not None:
                base = school_year[0] if month >= 8 else school_year[1]
            if base is None:
                continue
            later = 1 if match["year"] else 0  # "trước ngày 15/01 năm sau"
            implied = not match["year"]
            printed = TextDate(text=printed.text, year=base + later, month=month,
                               day=printed.month)
        words = match["wording"].lower()
        wording: Literal["truoc_ngay", "cham_nhat", "den_het_ngay"] = (
            "truoc_ngay" if words.startswith("trước") else
            "den_het_ngay" if words.startswith("đến") else "cham_nhat")
        before = line[previous: match.start()]
        audience = _AUDIENCE.search(before)
        task = before.strip(" :;,.-–")
        hour = re.search(r"\d{1,2}[ ]?(?:h|giờ)[ ]?(?:\d{2})?(?:[ ]?phút)?", match["wording"])
        found.append(DeadlineText(
            wording=wording, date=printed, column=match.start(),
            audience=audience["who"].strip() if audience else None, task=task[-120:],
            year_implied=implied, hour=hour.group(0) if hour else None,
        ))
        previous = match.end()
    return found


_YEAR_WORDS = re.compile(r"\bnăm\s+(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE)
_SCHOOL_YEAR = re.compile(r"\bnăm học[ ]{1,3}(?P<first>(?:19|20)\d{2})[ ]{0,3}[-–][ ]{0,3}"
                          r"(?P<second>(?:19|20)\d{2})\b", re.IGNORECASE)


def read_school_year(lines: Iterable[str], /) -> tuple[int, int] | None:
    """The school year a plan is for ("năm học 2025 - 2026"), the one most named."""
    counts: dict[tuple[int, int], int] = {}
    for line in lines:
        for match in _SCHOOL_YEAR.finditer(line):
            first, second = int(match["first"]), int(match["second"])
            if second == first + 1:
                counts[first, second] = counts.get((first, second), 0) + 1
    return max(sorted(counts), key=lambda pair: counts[pair]) if counts else None


def read_year(lines: Iterable[str], /) -> int | None:
    """The year a plan is for: the most frequent "năm YYYY" and range end year, a school
    year ("năm học 2025 - 2026") counting for its first year."""
    counts: dict[int, int] = {}
    for line in lines:
        for school in _SCHOOL_YEAR.finditer(line):
            year = int(school["first"])
            counts[year] = counts.get(year, 0) + 3
        for match in _YEAR_WORDS.finditer(line):
            year = int(match["year"])
            counts[year] = counts.get(year, 0) + 1
        for item in read_items(line):
            if item.second is not None:
                counts[item.second.year] = counts.get(item.second.year, 0) + 2
    if not counts:
        return None
    return max(sorted(counts), key=lambda year: counts[year])


@dataclass(frozen=True, slots=True, kw_only=True)
class LunarText:
    """A day of the lunar calendar as printed ("mùng 10 tháng 3 âm lịch", "(10/3 âm lịch)"),
    with the name written before it in the same clause."""

    day: int
    month: int
    name: str
    column: int
    #: Printed right after its name ("Giỗ Tổ Hùng Vương (mùng 10 tháng 3 âm lịch)"): only
    #: then is the day the name's own, rather than an end of a span ("… đến hết mùng 5 …").
    attached: bool = False


_LUNAR = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})[ ]{0,3}(?:/|-|tháng)[ ]{0,3}(?P<month>\d{1,2}|giêng|chạp)"
    r"(?:[ ]{0,3}(?:/|năm)[ ]{0,3}\w{1,12})?[ ]{0,3}(?:âm lịch|\(al\)|\bal\b)",
    re.IGNORECASE,
)
_LUNAR_MONTHS = {"giêng": 1, "chạp": 12}


def read_lunar(text: str, /) -> list[LunarText]:
    """The lunar days a text prints, each with the name before it (up to the previous
    parenthesis, semicolon or line break)."""
    found = []
    for match in _LUNAR.finditer(text):
        month_text = match["month"].lower()
        month = _LUNAR_MONTHS.get(month_text) or int(month_text)
        before = text[max(0, match.start() - 120): match.start()]
        before = re.sub(r"(?:mùng|ngày|mồng)[ ]{0,3}$", "", before, flags=re.IGNORECASE)
        # Right after its name, in parentheses or not ("Giỗ Tổ Hùng Vương (mùng 10 tháng 3
        # âm lịch)", "… Hùng Vương ngày 10/3 âm lịch"); not after "đến hết" of a span.
        attached = bool(re.search(r"\w[ ]{0,3}\(?[ ]{0,3}$", before)) and not re.search(
            r"\b(?:đến|tới|hết|từ)[ ]{0,3}\(?[ ]{0,3}$", before, re.IGNORECASE)
        name = re.split(r"[;\n()]", before.rstrip("( "))[-1].strip(" :,.-–\"“”")
        found.append(LunarText(day=int(match["day"]), month=month, name=name,
                               column=match.start(), attached=attached))
    return found


def numbered(lines: Iterable[str], /) -> Iterator[tuple[int, str]]:
    """The lines with their 1-based numbers."""
    return enumerate(lines, start=1)
