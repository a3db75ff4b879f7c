"""Drafting a plan file from a plan's text.

:func:`extract_plan` reads what :mod:`thidua_calendar.reading.printed_plan` finds in a plan (its
đợt,
the anniversaries each đợt greets, its deadlines) together with the header (the issuing body,
the issue date, the title under "KẾ HOẠCH") and writes a plan file (docs/plans.md) that a
person then checks.  What it cannot read is never guessed: it is written into the file as a
``# ?: …`` comment at the place it concerns and listed in :attr:`Draft.unresolved`; where the
file needs a value anyway (a required field), the value is a marked placeholder.

- the đợt: ``Đợt 1: Từ nay đến 30/6/2022``, ``Thi đua đợt (từ tháng 01/2022 đến …)``, and a
  movement "được tổ chức từ nay đến khi …" with no set end; their themes from
  ``Với chủ đề “…”``;
- what to greet: every counted anniversary printed in a đợt's paragraph, matched to the
  catalog (tolerantly, :func:`~thidua_calendar.reading.matching.match_entry`); days the
  catalog lacks become the plan's ``local:`` days; a day greeted by a đợt that ends before it is a
  ``lead_up``; a printed base date that contradicts the catalog keeps the catalog's entry
  and says so; a catalog day printed without a count ("Tháng Công nhân năm 2022") is greeted
  when its whole name stands in the đợt's paragraph;
- deadlines: ``trước ngày X`` / ``chậm nhất ngày X`` / ``đến hết ngày X``, named from the
  task before them, with the groups of "riêng …" clauses as audiences.

Pure: no files, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import yaml

from thidua_calendar.anniversaries import Commemoration, occurrence
from thidua_calendar.files.documents import Document
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
    read_deadlines,
    read_items,
    read_phases,
    read_year,
)
from thidua_calendar.text import fold, slug

__all__ = ["Draft", "extract_plan"]

_ONE_DAY = timedelta(days=1)
_FIRST_YEAR, _LAST_YEAR = 1900, 2100
_WORDING_TEXT = {"truoc_ngay": "trước ngày", "cham_nhat": "chậm nhất ngày",
                 "den_het_ngay": "đến hết ngày"}


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft plan file: its YAML text, and what could not be read (each also a ``# ?:``
    comment in the text, at the place it concerns)."""

    yaml: str
    unresolved: tuple[str, ...] = ()


# -- a small YAML writer that keeps comments --------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Raw:
    """A scalar written as is (dates, ids)."""

    text: str


@dataclass(frozen=True, slots=True)
class _Noted:
    """A value with comment lines above its key or item."""

    value: Any
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Comment:
    """A comment line among the items of a list."""

    text: str


def _clean(text: str) -> str:
    """One line: whitespace (line breaks included) collapsed."""
    return " ".join(text.split())


def _comment_text(text: str) -> str:
    return _clean("".join(ch if ch.isprintable() else " " for ch in text))


def _scalar(value: Any) -> str:
    if isinstance(value, _Raw):
        return value.text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = _clean(str(value))
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    dumped = yaml.safe_dump([text], allow_unicode=True, default_flow_style=True,
                           width=1_000_000)
    return dumped.strip()[1:-1]


# A block plain scalar that needs no quotes: a letter first, then words, spaces and a few
# punctuation marks (no ": ", " #", quotes or flow indicators at the start).
_PLAIN = re.compile(r"[^\W\d_][\w ,.()/–-]*(?<![ ])")
_RESERVED = frozenset({"yes", "no", "true", "false", "on", "off", "null"})


def _emit_map(mapping: dict[str, Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for key, raw in mapping.items():
        value = raw
        if isinstance(value, _Noted):
            out.extend(f"{pad}# {_comment_text(note)}" for note in value.notes)
            value = value.value
        if isinstance(value, dict):
            if value:
                out.append(f"{pad}{key}:")
                _emit_map(value, indent + 2, out)
            else:
                out.append(f"{pad}{key}: {{}}")
        elif isinstance(value, list):
            if any(not isinstance(item, _Comment) for item in value):
                out.append(f"{pad}{key}:")
                _emit_list(value, indent + 2, out)
            else:
                out.extend(f"{pad}# {_comment_text(item.text)}" for item in value)
                out.append(f"{pad}{key}: []")
        else:
            out.append(f"{pad}{key}: {_scalar(value)}")


def _emit_list(items: list[Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for raw in items:
        item = raw
        if isinstance(item, _Comment):
            out.append(f"{pad}# {_comment_text(item.text)}")
            continue
        if isinstance(item, _Noted):
            out.extend(f"{pad}# {_comment_text(note)}" for note in item.notes)
            item = item.value
        if isinstance(item, dict) and item:
            lines: list[str] = []
            _emit_map(item, indent + 2, lines)
            for index, line in enumerate(lines):
                if not line.lstrip().startswith("#"):
                    lines[index] = f"{pad}- {line[indent + 2:]}"
                    break
            out.extend(lines)
        else:
            out.append(f"{pad}- {_scalar(item)}")


# -- small helpers -------------------------------------------------------------------------------


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


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _usable(day: TextDate) -> bool:
    return day.valid and _FIRST_YEAR <= day.year <= _LAST_YEAR


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - _ONE_DAY


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
        return _month_end(first), f"{day.year:04d}-{day.month:02d}"
    return date(day.year, 12, 31), f"{day.year:04d}-12-31"


def _show(day: date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


# -- the header: title, issuing body, issue date, the plan implemented -------------------------

_MARKUP = re.compile(r"[#*_\\`>]+")
_TITLE_LINE = re.compile(r"^\s*KẾ\s+HOẠCH\b(?P<rest>.*)$")
_ISSUED = re.compile(
    r"ngày\s*(?P<day>[^\n]{0,12}?)\s*tháng\s*(?P<month>\d{1,2})\s*năm\s*(?P<year>\d{4})",
    re.IGNORECASE,
)
_PLACE = re.compile(r"^\s*(?P<place>[^\W\d_][^\d,\n]{0,40}?)\s*,\s*ngày\b", re.IGNORECASE)
_NATIONAL = re.compile(r"CỘNG\s+H[OÒ]À|CỘNG\s+HOÀ|Độc\s+lập", re.IGNORECASE)
_ORG_START = re.compile(
    r"^(?:TỔNG\s+LIÊN\s+ĐOÀN|LIÊN\s+ĐOÀN|CÔNG\s+ĐOÀN|BAN\s+CHẤP\s+HÀNH|BCH|ĐẢNG\s+[ỦU]Y|"
    r"ĐẢNG\s+BỘ|UBND|[ỦU]Y\s+BAN|SỞ|BỘ)\b"
)
_BODY_ORG = re.compile(
    r"(?<!của )\bBan\s+(?:[Tt]hường\s+vụ|[Cc]hấp\s+hành)\s+"
    r"(?P<org>(?:Liên\s+đoàn|[Cc]ông\s+đoàn)[^,.;:\n]{0,100}?)\s+"
    r"(?:ban\s+hành|xây\s+dựng|phát\s+động|đề\s+nghị|triển\s+khai|tổ\s+chức|hướng\s+dẫn)\b"
)
_IMPLEMENTS = re.compile(
    r"Thực\s+hiện\s+(?:Kế\s+hoạch|Chỉ\s+thị|Nghị\s+quyết|Công\s+văn|Hướng\s+dẫn|Quyết\s+định)"
    r"\s+số\s[^\n]{1,300}?(?=\s+về\s|[.;](?:\s|$)|,\s+(?:Ban|BCH)\s|\n|$)"
)
_PHRASES = (
    ("tổng liên đoàn lao động", "Tổng Liên đoàn Lao động"),
    ("liên đoàn lao động", "Liên đoàn Lao động"),
    ("việt nam", "Việt Nam"),
    ("trường chính trị", "Trường Chính trị"),
    ("hồ chí minh", "Hồ Chí Minh"),
    ("đảng cộng sản", "Đảng Cộng sản"),
)
_PLACE_WORD = re.compile(
    r"\b(?:tỉnh|huyện|thành phố|quận|thị xã|thị trấn|xã|phường)\s+(?P<rest>.+)$")


def _sentence_case(text: str) -> str:
    """``LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC KẠN`` -> ``Liên đoàn Lao động tỉnh Bắc Kạn``."""
    result = _clean(text).lower()
    for phrase, proper in _PHRASES:
        result = re.sub(rf"\b{phrase}\b", proper, result)
    place = _PLACE_WORD.search(result)
    if place is not None:
        result = result[: place.start("rest")] + " ".join(
            _upper_first(word) for word in place["rest"].split())
    return _upper_first(result)


@dataclass(slots=True)
class _Header:
    title_index: int | None = None
    title: str | None = None
    organisation: str | None = None
    parent: str | None = None
    issued: str | None = None
    issued_date: date | None = None
    issued_note: str | None = None
    issued_unreadable: str | None = None
    place: str | None = None
    implements: str | None = None


def _read_header(lines: Sequence[str], text: str) -> _Header:
    header = _Header()
    for index, line in enumerate(lines[:120]):
        match = _TITLE_LINE.match(_MARKUP.sub(" ", line))
        if match is not None:
            header.title_index = index
            header.title = _read_title(lines, index, match["rest"])
            break
    head = lines[: header.title_index] if header.title_index is not None else lines[:30]
    for line in head:
        plain = _MARKUP.sub(" ", line)
        place = _PLACE.match(plain)
        if place is not None and header.place is None:
            header.place = _clean(place["place"])
        found = _ISSUED.search(plain)
        if found is not None and header.issued is None:
            _read_issued(header, found)
    header.organisation, header.parent = _header_organisation(head)
    if header.organisation is None:
        body = _BODY_ORG.search(text)
        while body is not None and " về " in body["org"]:
            body = _BODY_ORG.search(text, body.end())
        if body is not None:
            name = _clean(re.sub(r"\s*\([^)]*\)", "", body["org"]))
            if header.place and re.search(r"\b(?:tỉnh|huyện|thành phố|quận|thị xã)$", name):
                name = f"{name} {header.place}"
            header.organisation = name
    implements = _IMPLEMENTS.search(text)
    if implements is not None:
        header.implements = _clean(implements[0]).rstrip(" ,")
    return header


def _read_title(lines: Sequence[str], index: int, rest: str) -> str | None:
    parts = [_clean(_MARKUP.sub(" ", rest))] if rest.strip() else []
    for line in lines[index + 1: index + 12]:
        plain = _clean(_MARKUP.sub(" ", line))
        if not plain:
            continue
        if plain.startswith("---"):
            break
        if parts and not _starts_lower(plain):
            break
        parts.append(plain)
    title = _clean(" ".join(part for part in parts if part))
    return title or None


def _starts_lower(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
    return False


def _read_issued(header: _Header, found: re.Match[str]) -> None:
    year, month = int(found["year"]), int(found["month"])
    day_text = found["day"].strip()
    if not 1 <= month <= 12 or not _FIRST_YEAR <= year <= _LAST_YEAR:
        header.issued_unreadable = _clean(found[0])
        return
    if re.fullmatch(r"\d{1,2}", day_text):
        try:
            header.issued_date = date(year, month, int(day_text))
        except ValueError:
            header.issued_unreadable = _clean(found[0])
            return
        header.issued = header.issued_date.isoformat()
        return
    header.issued_date = date(year, month, 1)
    header.issued = f"{year:04d}-{month:02d}"
    if day_text:
        header.issued_note = (f"the day is printed as “{_clean(day_text)}” "
                              f"(“{_clean(found[0])}”), read as the month {month}/{year}")


def _header_organisation(head: Sequence[str]) -> tuple[str | None, str | None]:
    """The issuing body from the upper-case lines above the title, and the body above it."""
    orgs: list[list[str]] = []
    for line in head:
        plain = _clean(_MARKUP.sub(" ", line))
        national = _NATIONAL.search(plain)
        if national is not None:
            plain = plain[: national.start()].strip()
        if (not plain or plain.startswith("Số") or "ngày" in plain.lower()
                or not any(ch.isalpha() for ch in plain) or plain != plain.upper()
                or len(plain) > 90):
            continue
        if _ORG_START.match(plain) or not orgs:
            orgs.append([plain])
        else:
            orgs[-1].append(plain)
    if not orgs:
        return None, None
    issuer = re.sub(r"^(?:BAN\s+CHẤP\s+HÀNH|BCH)\s+", "", " ".join(orgs[-1]))
    parent = _sentence_case(" ".join(orgs[-2])) if len(orgs) > 1 else None
    return _sentence_case(issuer), parent


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
_THEME = re.compile(r"[Vv]ới\s+chủ\s+đề\s*:?\s*[“\"]\s*(?P<theme>[^”\"]{1,300}?)\s*[”\"]")
_SPAN_LIMIT = 2500


@dataclass(slots=True)
class _Phase:
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


class _Drafter:
    def __init__(self, document: Document, catalog: Sequence[Commemoration], source: str):
        self.document = document
        self.text = document.text
        self.catalog = catalog
        self.by_id = {entry.id: entry for entry in catalog}
        self.source = source
        self.unresolved: list[str] = []
        self.local_names = _Names(self.by_id)
        self.orphans: list[str] = []  # notes for the phases list: đợt that could not be read

    def note(self, message: str) -> str:
        """Record something not understood; the comment text for the file."""
        message = _comment_text(message)
        self.unresolved.append(message)
        return f"?: {message}"

    # -- the whole file --

    def draft(self) -> Draft:
        header = _read_header(self.document.lines, self.text)
        year = read_year(self.document.lines)
        tree: dict[str, Any] = {}
        if header.organisation:
            # What names the plan in its feeds' UIDs: the organisation's name as it stands now,
            # kept when the name is edited later (docs/feeds.md).
            tree["id"] = slug(header.organisation)
        title = header.title
        tree["title"] = (_Noted(title, ()) if title else _Noted(
            "Kế hoạch (tên chưa đọc được)",
            (self.note("no title found after “KẾ HOẠCH”; write the plan's subject line"),)))
        organisation: dict[str, Any] = {}
        if header.organisation:
            organisation["name"] = header.organisation
        else:
            organisation["name"] = _Noted("Đơn vị ban hành", (self.note(
                "the issuing body was not found (neither in the header nor as “Ban Thường "
                "vụ/Ban Chấp hành …”); write its name"),))
        if header.parent:
            organisation["parent"] = header.parent
        if header.place:
            organisation["place"] = header.place
        tree["organisation"] = organisation
        if header.implements:
            tree["implements"] = header.implements
        phases = self.read_phases()
        issued_date = self.issued(header, tree, phases, year)
        for phase in phases:
            if phase.start_spec == "issued":
                phase.start = issued_date
        tree["period"], allow = self.period(phases, issued_date, year)
        tree["phases"] = self.phase_list(phases)
        if allow:
            tree["allow"] = allow
        greet, local, lead_up = self.greetings(phases, tree["period"], issued_date)
        if any(isinstance(value, str) for value in greet):
            tree["greet"] = [{"ids": greet}]
        elif greet:
            tree["greet"] = [value for value in greet if value.text.startswith("?:")]
        if local:
            tree["local"] = local
        if lead_up:
            tree["lead_up"] = lead_up
        deadlines = self.deadlines()
        if deadlines:
            tree["deadlines"] = deadlines
        out = [
            f"# Draft plan file, read from {_comment_text(self.source) or 'a plan'} by "
            "thidua-calendar.",
            "# Check every value against the plan; the comments marked “?:” say what could "
            "not be read.",
        ]
        _emit_map(tree, 0, out)
        return Draft(yaml="\n".join(out) + "\n", unresolved=tuple(self.unresolved))

    def issued(self, header: _Header, tree: dict[str, Any], phases: Sequence[_Phase],
               year: int | None) -> date:
        notes: list[str] = []
        if header.issued is not None and header.issued_date is not None:
            if header.issued_note:
                notes.append(f"note: {header.issued_note}")
            tree["issued"] = _Noted(_Raw(header.issued), tuple(notes))
            return header.issued_date
        # A placeholder, marked: the month of the plan this one implements, else the first
        # đợt's start, else the plan's year.
        implemented = re.search(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})",
                                header.implements or "")
        placeholder: tuple[str, date] | None = None
        why = "a placeholder"
        if implemented is not None:
            month, found_year = int(implemented[2]), int(implemented[3])
            if 1 <= month <= 12 and _FIRST_YEAR <= found_year <= _LAST_YEAR:
                placeholder = (f"{found_year:04d}-{month:02d}", date(found_year, month, 1))
                why = "the month of the plan it implements"
        dated = [phase for phase in phases if phase.start_spec != "issued"]
        if placeholder is None and dated:
            first = min(dated, key=lambda phase: phase.start).start
            placeholder = (f"{first.year:04d}-{first.month:02d}", first.replace(day=1))
            why = "the month the first đợt starts"
        if placeholder is None:
            fallback = year if year is not None and _FIRST_YEAR <= year <= _LAST_YEAR else 2000
            placeholder = (f"{fallback:04d}", date(fallback, 1, 1))
            if year is not None:
                why = "the plan's year"
        if header.issued_unreadable:
            reason = f"the issue date “{header.issued_unreadable}” is not a real date"
        else:
            reason = "the text gives no issue date (“…, ngày … tháng … năm …”)"
        notes.append(self.note(f"{reason}; {placeholder[0]} is {why}: write the date the plan "
                               "was signed"))
        tree["issued"] = _Noted(_Raw(placeholder[0]), tuple(notes))
        return placeholder[1]

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
            later = [column for column in columns if column > phase.column]
            phase.span_end = min([*later[:1], _paragraph_end(self.text, phase.column)])
            theme = _THEME.search(self.text, phase.column, phase.span_end)
            if theme is not None:
                cleaned = _clean(theme["theme"].replace("*", " ")).strip(" .")
                if cleaned:
                    phase.theme = cleaned
            phases.append(phase)
        read_columns = [phase.column for phase in found]
        for label in _PHASE_LABEL.finditer(self.text):
            line_start = self.text.rfind("\n", 0, label.start()) + 1
            line_end = self.text.find("\n", label.start())
            line_end = len(self.text) if line_end < 0 else line_end
            if any(line_start <= column <= line_end for column in read_columns):
                continue
            line = _clean(self.text[line_start:line_end])[:160]
            self.orphans.append(self.note(
                f"{_upper_first(_clean(label['label']))}: its dates could not be read "
                f"(“{line}”); add it to phases by hand"))
        if not phases:
            self.orphans.append(self.note(
                "no đợt with readable dates was found (“Đợt 1: từ … đến …”); write the "
                "phases by hand"))
        phases.sort(key=lambda phase: phase.start)
        return phases

    def make_phase(self, found: PhaseText, position: int, taken: _Names, *,
                   generic: bool) -> _Phase | None:
        label = _upper_first(_clean(found.label))
        number = found.number if found.number is not None else position
        phase_id = taken.new(f"dot_{number}")
        written = [day for day in (found.start, found.end) if day is not None]
        bad = [day for day in written if not _usable(day)]
        if bad:
            self.orphans.append(self.note(
                f"{label}: {bad[0].text} is not a real date; add this đợt by hand"))
            return None
        if found.start_now:
            start_spec, start = "issued", date(_FIRST_YEAR, 1, 1)  # set once issued is known
        elif found.start is not None:
            start_spec, start = _start_spec(found.start), date(
                found.start.year, found.start.month or 1, found.start.day or 1)
        else:
            self.orphans.append(self.note(f"{label}: its start could not be read"))
            return None
        end_spec: str | None = None
        end: date | None = None
        end_text: str | None = None
        notes: list[str] = []
        if found.end is not None:
            end, end_spec = _end_of(found.end)
        elif found.end_text and found.end_text.lower().startswith("khi"):
            end_text = _clean(found.end_text).rstrip(" ,")
        else:
            notes.append(self.note(f"{label}: no end was read; give end (or end_text)"))
        name = "Phong trào thi đua" if generic else label
        return _Phase(id=phase_id, name=name, column=found.column, start_spec=start_spec,
                      start=start, end_spec=end_spec, end=end, end_text=end_text, notes=notes)

    def period(self, phases: Sequence[_Phase], issued: date,
               year: int | None) -> tuple[Any, dict[str, Any]]:
        allow: dict[str, Any] = {}
        if not phases:
            fallback = year if year is not None and _FIRST_YEAR <= year <= _LAST_YEAR else (
                issued.year)
            why = ("the year the text names most" if fallback == year else
                   "the year of the issue date")
            return _Noted({"year": fallback}, (self.note(
                f"the period could not be read from the đợt; {fallback} is {why}"),)), allow
        first = phases[0]
        ends = [phase.end for phase in phases]
        period: dict[str, Any]
        if any(end is None for end in ends):
            period = {"start": _Raw(first.start_spec)}
            notes: tuple[str, ...] = ("note: no end: the movement runs until what its last "
                                      "đợt says",)
            return _Noted(period, notes), allow
        last_end = max(end for end in ends if end is not None)
        if first.start_spec == "issued":
            period = {"start": _Raw("issued"), "end": _Raw(last_end.isoformat())}
            period_start, period_end = issued, last_end
        elif first.start.year == last_end.year:
            period = {"year": last_end.year}
            period_start, period_end = date(last_end.year, 1, 1), date(last_end.year, 12, 31)
        else:
            period = {"start": _Raw(first.start_spec), "end": _Raw(last_end.isoformat())}
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
                    "ends: the đợt overlap"))
            covered = max(covered, phase.end + _ONE_DAY)
        if covered <= period_end:
            gaps = True
        if gaps:
            allow["gaps"] = _Noted(True, ("note: the đợt leave part of the period uncovered, "
                                          "as the plan prints them",))
        if overlaps:
            allow["overlaps"] = True
        return period, allow

    def phase_list(self, phases: Sequence[_Phase]) -> list[Any]:
        result: list[Any] = [_Comment(note) for note in self.orphans]
        for phase in phases:
            entry: dict[str, Any] = {"id": phase.id, "name": phase.name,
                                     "start": _Raw(phase.start_spec)}
            if phase.end_spec is not None:
                entry["end"] = _Raw(phase.end_spec)
            if phase.end_text is not None:
                entry["end_text"] = phase.end_text
            if phase.theme is not None:
                entry["theme"] = phase.theme
            result.append(_Noted(entry, tuple(phase.notes)) if phase.notes else entry)
        return result

    # -- what to greet --

    def greetings(self, phases: Sequence[_Phase], period: Any, issued: date
                  ) -> tuple[list[Any], list[Any], dict[str, Any]]:
        period_start, period_end = _period_bounds(period, phases, issued)
        items = read_items(self.text)
        ids: list[Any] = []
        local: list[Any] = []
        local_ids: dict[str, str] = {}
        lead_up: dict[str, Any] = {}
        greeted: set[str] = set()
        for phase in phases:
            mine = [item for item in items if phase.column <= item.column < phase.span_end]
            found: list[Any] = []
            for item in mine:
                found.extend(self.greet_item(item, phase, period_start, period_end, local,
                                             local_ids, lead_up))
            found.extend(self.undated(phase, mine, period_start, period_end))
            found.extend(self.uncounted(phase, period_end))
            kept: list[Any] = []
            for value in found:
                if isinstance(value, str):
                    if value in greeted:
                        continue
                    greeted.add(value)
                kept.append(value)
            if kept:
                ids.append(_Comment(phase.name))
                ids.extend(kept)
        return ids, local, lead_up

    def greet_item(self, item: AnniversaryText, phase: _Phase, period_start: date, period_end: date,
                   local: list[Any], local_ids: dict[str, str],
                   lead_up: dict[str, Any]) -> list[Any]:
        printed = _printed(item)
        for end in (item.first, item.second):
            if end is not None and not end.valid:
                return [_Comment(self.note(f"{phase.name}: “{printed}”: {end.text} is not a "
                                           "real date; not greeted"))]
        result: list[Any] = []
        entry = match_entry(item.name, self.catalog, day=item.first)
        year = _occurrence_year(item, entry, phase)
        if entry is None:
            return self.local_item(item, phase, printed, year, period_start, period_end,
                                   local, local_ids, lead_up)
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
            result.append(_Comment(self.note(
                f"{phase.name}: “{printed}”: the document's date {item.first.text} is wrong: "
                f"{entry.name} dates from {origin_text(entry)} ({why}); the draft greets "
                f"{entry.id} from the catalog, so the plan prints {origin_text(entry)}")))
        elif (entry.origin.year is not None and item.count is not None and year is not None
              and year - entry.origin.year != item.count and entry.count == "years"):
            result.append(_Comment(self.note(
                f"{phase.name}: “{printed}”: {item.count} năm does not match the catalog "
                f"({entry.name}, {origin_text(entry)}: {year - entry.origin.year} năm in "
                f"{year})")))
        for chosen in entries:
            day = _catalog_day(chosen, year)
            result.extend(self.place(chosen.id, day, phase, printed, period_start, period_end,
                                     lead_up, _repeats(chosen, period_start, period_end)))
            result.append(chosen.id)
        return result

    def local_item(self, item: AnniversaryText, phase: _Phase, printed: str, year: int | None,
                   period_start: date, period_end: date, local: list[Any],
                   local_ids: dict[str, str], lead_up: dict[str, Any]) -> list[Any]:
        first = item.first
        result: list[Any] = []
        name = _upper_first(_clean(item.name))
        if not (1 <= first.year <= 9999) or year is None:
            return [_Comment(self.note(f"{phase.name}: “{printed}”: not in the catalog and "
                                       "its date cannot be read; not greeted"))]
        key = fold(name)
        entry_id = local_ids.get(key)
        if entry_id is None:
            base = _slug(re.sub(r"^ngày\s+", "", name, flags=re.IGNORECASE), fallback="ngay")
            entry_id = self.local_names.new(base)
            local_ids[key] = entry_id
            record: dict[str, Any] = {"id": entry_id, "name": name,
                                      "origin": _start_spec(first),
                                      "note": f"from the plan's text: “{printed}”"}
            local.append(record)
        if item.count is not None and year - first.year != item.count:
            result.append(_Comment(self.note(
                f"{phase.name}: “{printed}”: {item.count} năm does not match the dates "
                f"({year - first.year} years)")))
        try:
            day: date | None = date(year, first.month or 1, first.day or 1)
        except ValueError:
            day = None
        repeats = _FIRST_YEAR <= year <= _LAST_YEAR and sum(
            1 for y in range(period_start.year, period_end.year + 1)
            if _safe_date(y, first.month or 1, first.day or 1) is not None
            and period_start <= date(y, first.month or 1, min(first.day or 1, 28)) <= period_end
        ) > 1
        result.extend(self.place(entry_id, day, phase, printed, period_start, period_end,
                                 lead_up, repeats))
        result.append(entry_id)
        return result

    def place(self, entry_id: str, day: date | None, phase: _Phase, printed: str,
              period_start: date, period_end: date, lead_up: dict[str, Any],
              repeats: bool) -> list[Any]:
        """Where the greeted day falls: in the đợt, after it (a lead-up), or elsewhere."""
        if day is None:
            return []
        if not period_start <= day <= period_end:
            return [_Comment(self.note(
                f"{phase.name}: “{printed}”: {_show(day)} is outside the plan's period, so "
                "the plan will not print it"))]
        if day < phase.start:
            return [_Comment(self.note(
                f"{phase.name}: “{printed}”: {_show(day)} is before {phase.name} starts; the "
                "plan will greet it in the đợt that contains it"))]
        if phase.end is not None and day > phase.end:
            key = f"{entry_id}@{day.year}" if repeats else entry_id
            lead_up[key] = _Noted(phase.id, (
                f"{phase.name} ends on {_show(phase.end)} but greets “{printed}”: it leads up "
                "to it",))
        return []

    def undated(self, phase: _Phase, mine: Sequence[AnniversaryText], period_start: date,
                period_end: date) -> list[Any]:
        """Counted days printed without dates ("kỷ niệm 93 năm Ngày thành lập Công đoàn Việt
        Nam."): greeted when the catalog knows the day and the count agrees."""
        columns = {item.column for item in mine}
        result: list[Any] = []
        for match in _UNDATED.finditer(self.text, phase.column, phase.span_end):
            if match.start() in columns or "(" in self.text[match.end(): match.end() + 3]:
                continue
            count = int(match["count"])
            name = _clean(match["name"]).rstrip(" “\"")
            printed = f"{count} năm {name}"
            entry = match_entry(name, self.catalog)
            base = entry.origin.year if entry is not None else None
            year = base + count if base is not None else None
            start = phase.start
            end = phase.end or period_end
            if entry is None or year is None or not start.year <= year <= end.year:
                why = ("not in the catalog" if entry is None else
                       f"{entry.name} ({origin_text(entry)}) is not {count} năm in this đợt")
                result.append(_Comment(self.note(
                    f"{phase.name}: “{printed}” has no dates and {why}; not greeted")))
                continue
            day = _catalog_day(entry, year)
            result.extend(self.place(entry.id, day, phase, printed, period_start, period_end,
                                     {}, False))
            result.append(entry.id)
        return result

    def uncounted(self, phase: _Phase, period_end: date) -> list[Any]:
        """Days the catalog greets without a count ("Tháng Công nhân năm 2022", "Tết Nguyên
        đán"): greeted when their whole name stands in the đợt's paragraph and their day falls
        in the đợt."""
        text = " " + fold(self.text[phase.column: phase.span_end]) + " "
        end = phase.end or period_end
        result: list[Any] = []
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
                result.append(_Comment(self.note(
                    f"{phase.name}: “{entry.name}” is printed but does not fall in the đợt; "
                    "not greeted")))
        return result

    # -- deadlines --

    def deadlines(self) -> list[Any]:
        rules: list[dict[str, Any]] = []
        entries: list[Any] = []
        taken = _Names()
        previous_end = 0
        last_general: tuple[dict[str, Any], int] | None = None
        for deadline in read_deadlines(self.text):
            matched = _DEADLINE_AT.match(self.text, deadline.column)
            end = matched.end() if matched is not None else deadline.column
            before = self.text[max(previous_end, deadline.column - 400): deadline.column]
            previous_end = end
            printed = f"{_WORDING_TEXT[deadline.wording]} {deadline.date.text}"
            if not _usable(deadline.date):
                entries.append(_Comment(self.note(
                    f"“{_clean(before)[-80:]} {printed}”: {deadline.date.text} is not a real "
                    "date; not drafted")))
                continue
            day = deadline.date.to_date()
            assert day is not None
            if deadline.audience and last_general is not None and not re.search(
                    r"[.!?](?:\s|$)|\n", self.text[last_general[1]: deadline.column]):
                rule = last_general[0]
                audience_name = _audience_name(deadline.audience)
                audiences = rule.setdefault("audiences", [])
                names = _Names(str(item["id"]) for item in audiences)
                audiences.append({"id": names.new(_audience_id(audience_name)),
                                  "name": audience_name, "date": _Raw(day.isoformat())})
                rule["source"] = _clean(f"{rule['source']}; riêng {deadline.audience} "
                                        f"{printed}")
                continue
            chunk, name = _task(before)
            notes: list[str] = []
            if not name:
                name = f"Hạn {printed}"
                notes.append(self.note(f"“{printed}”: no task was read before the date; name "
                                       "the deadline"))
            if deadline.audience:
                notes.append(self.note(
                    f"“riêng {deadline.audience} {printed}” has no general deadline before "
                    "it in its sentence; drafted as a deadline of its own"))
                name = f"{name} ({_audience_name(deadline.audience)})"
            rule = {"id": taken.new(_slug(name, fallback="han")), "name": name,
                    "date": _Raw(day.isoformat()), "wording": deadline.wording,
                    "source": _clean(f"{chunk} {printed}")}
            rules.append(rule)
            entries.append(_Noted(rule, tuple(notes)) if notes else rule)
            last_general = (rule, end) if not deadline.audience else None
        return entries


_DEADLINE_AT = re.compile(
    r"(?:trước ngày|chậm nhất(?: là)?(?: ngày)?|đến hết ngày)\s*\d{1,2}\s*(?:/{1,2}|\.|-)\s*"
    r"\d{1,2}\s*(?:/{1,2}|\.|-)\s*\d{4}",
    re.IGNORECASE,
)
_UNDATED = re.compile(
    r"(?<![\d/.])(?P<count>\d{1,3})\s+năm\s+(?P<name>[Nn]gày\s[^.;,()“”\"\d]{3,100})"
)


def _task(before: str) -> tuple[str, str]:
    """The task a deadline closes, from the text before it: the printed words, and a name."""
    chunks = re.split(r"[.;:\n()]|\*\*", before)
    chunk = ""
    for candidate in reversed(chunks):
        cleaned = _clean(candidate.replace("*", " ")).strip(" ,-–")
        if re.search(r"\w", cleaned):
            chunk = cleaned
            break
    name = re.split(r"\s+(?:đối với|của|cho|tại)\s+", chunk)[0]
    name = re.sub(r"^(?:thời gian|thời hạn|hạn)\s+", "", name, flags=re.IGNORECASE)
    name = re.sub(r"^(?:và|hoặc)\s+", "", name, flags=re.IGNORECASE).strip(" ,-–")
    if len(name) > 80:
        cut = name.rfind(" ", 0, 80)
        name = name[: cut if cut > 20 else 80]
    return chunk, _upper_first(name)


def _audience_name(who: str) -> str:
    found = re.search(r"\bkhối\b.*", who, re.IGNORECASE)
    return _clean(found[0] if found else who)


def _audience_id(name: str) -> str:
    return _slug(re.sub(r"^khối\s+", "", name, flags=re.IGNORECASE), fallback="nhom")


def _printed(item: AnniversaryText) -> str:
    count = f"{item.count} năm " if item.count is not None else ""
    dates = item.first.text + (f" - {item.second.text}" if item.second is not None else "")
    return _clean(f"{count}{item.name} ({dates})")


def _movement_phase(match: re.Match[str]) -> PhaseText:
    start_text, end_text = match["start"], match["end"]
    start = None if start_text.lower() == "nay" else TextDate.parse(start_text)
    end = None if end_text.lower().startswith("khi") else TextDate.parse(end_text)
    return PhaseText(label=_clean(match["label"]), number=None, start=start, end=end,
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


def _period_bounds(period: Any, phases: Sequence[_Phase], issued: date) -> tuple[date, date]:
    """The first and last day the plan greets (an open period: to the end of the next year)."""
    values = period.value if isinstance(period, _Noted) else period
    if "year" in values:
        year = int(values["year"])
        return date(year, 1, 1), date(year, 12, 31)
    start_text = values["start"].text
    start = issued if start_text == "issued" else phases[0].start if phases else issued
    if "end" in values:
        end = date.fromisoformat(values["end"].text)
    else:
        end = date(min(start.year + 1, _LAST_YEAR), 12, 31)
    return start, end


def extract_plan(document: Document, /, *, catalog: Iterable[Commemoration],
                 source: str) -> Draft:
    """A draft plan file for a plan's text; ``catalog`` gives the known days (the built-in
    catalog, usually), ``source`` names the text in the draft's opening comment."""
    return _Drafter(document, tuple(catalog), source).draft()
