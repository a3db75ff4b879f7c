"""The header of a printed plan: who issues it, where and when, its title, the plan it
implements.

Vietnamese administrative documents open the same way (Nghị định 30/2020/NĐ-CP): the issuing
body in capitals at the top left, above the body it belongs to; "<place>, ngày … tháng … năm
…" at the top right; then "KẾ HOẠCH" and the subject on the lines below.  The drafter needs
these for the plan file's ``organisation``, ``issued`` and ``title``; reading them is a
concern of its own, apart from the đợt and the days a plan greets.

Pure: no files, no clock.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from thidua_calendar.anniversaries import FIRST_YEAR, LAST_YEAR
from thidua_calendar.text import one_line, upper_first

__all__ = ["Header", "read_header"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Header:
    """What a plan's header says; ``None`` where it says nothing readable.

    ``issued`` is the issue date as the plan file writes it (``2022-02-15``, or ``2022-02``
    when the day is left blank), ``issued_date`` the day it stands for (the first of the
    month then), ``issued_note`` why a month was read, ``issued_unreadable`` the printed date
    when it is no real date.
    """

    title: str | None = None
    organisation: str | None = None
    parent: str | None = None
    issued: str | None = None
    issued_date: date | None = None
    issued_note: str | None = None
    issued_unreadable: str | None = None
    place: str | None = None
    implements: str | None = None


_MARKUP = re.compile(r"[#*_\\`>]+")
_TITLE_LINE = re.compile(r"^\s*KẾ\s+HOẠCH\b(?P<rest>.*)$")
_ISSUED = re.compile(
    r"ngày\s*(?P<day>[^\n]{0,12}?)\s*tháng\s*(?P<month>\d{1,2})\s*năm\s*(?P<year>\d{4})",
    re.IGNORECASE,
)
_PLACE = re.compile(r"^\s*(?P<place>[^\W\d_][^\d,\n]{0,40}?)\s*,\s*ngày\b", re.IGNORECASE)
# The national motto, both spellings of "hòa" ("CỘNG HÒA", "CỘNG HOÀ"), in NFC.
_NATIONAL = re.compile(r"CỘNG\s+H(?:ÒA|OÀ)|Độc\s+lập", re.IGNORECASE)
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
    ("công đoàn giáo dục", "Công đoàn Giáo dục"),
    ("việt nam", "Việt Nam"),
    ("trường chính trị", "Trường Chính trị"),
    ("hồ chí minh", "Hồ Chí Minh"),
    ("đảng cộng sản", "Đảng Cộng sản"),
)
# A school or a body named after its kind: the kind keeps its first capital ("Trường Tiểu
# học"), the proper name after it each word's ("Kim Đồng").
_NAMED_KIND = re.compile(
    r"\b(?P<kind>trường(?:\s+(?:tiểu học|trung học cơ sở|trung học phổ thông|thcs|thpt|mầm non|"
    r"mẫu giáo|đại học|cao đẳng|trung cấp|chính trị|phổ thông dân tộc nội trú|"
    r"liên cấp|tiểu học và trung học cơ sở))?|bệnh viện|công ty|nhà máy)\s+(?P<name>.+)$")
_ACRONYMS = frozenset({"thcs", "thpt", "ptdtnt", "tnhh", "cp"})
_PLACE_WORD = re.compile(
    r"\b(?:tỉnh|huyện|thành phố|quận|thị xã|thị trấn|xã|phường)\s+(?P<rest>.+)$")


def _sentence_case(text: str) -> str:
    """``LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC KẠN`` -> ``Liên đoàn Lao động tỉnh Bắc Kạn``."""
    result = one_line(text).lower()
    for phrase, proper in _PHRASES:
        result = re.sub(rf"\b{phrase}\b", proper, result)
    named = _NAMED_KIND.search(result)
    if named is not None:
        words = [word.upper() if word in _ACRONYMS else word for word in named["kind"].split()]
        if words[0] == "trường" and len(words) > 1:
            words[1] = upper_first(words[1])  # "Trường Tiểu học", "Trường Chính trị"
        kind = " ".join(words)
        result = (result[: named.start("kind")] + upper_first(kind) + " "
                  + " ".join(word.upper() if word in _ACRONYMS else upper_first(word)
                             for word in named["name"].split()))
    place = _PLACE_WORD.search(result)
    if place is not None:
        result = result[: place.start("rest")] + " ".join(
            upper_first(word) for word in place["rest"].split())
    return upper_first(result)


def read_header(lines: Sequence[str], text: str, /) -> Header:
    """The header of a plan whose lines are ``lines`` and whole text ``text`` (read in NFC:
    a Word file from a Mac may hold its accents as combining marks)."""
    lines = [unicodedata.normalize("NFC", line) for line in lines[:160]]
    text = unicodedata.normalize("NFC", text)
    title_index: int | None = None
    title: str | None = None
    for index, line in enumerate(lines[:120]):
        match = _TITLE_LINE.match(_MARKUP.sub(" ", line))
        if match is not None:
            title_index = index
            title = _read_title(lines, index, match["rest"])
            break
    head = lines[:title_index] if title_index is not None else lines[:30]
    # A Word header is a table: a cell's paragraphs, and the cells, read as lines.
    head = [part for line in head for part in re.split(r"\n|\s\|\s|\s\|$", line)]
    place: str | None = None
    issued: _Issued | None = None
    for line in head:
        plain = _MARKUP.sub(" ", line)
        place_match = _PLACE.match(plain)
        if place_match is not None and place is None:
            place = one_line(place_match["place"])
        found = _ISSUED.search(plain)
        if found is not None and (issued is None or issued.spec is None):
            issued = _read_issued(found)  # the first real date, else the last one printed
    organisation, parent = _header_organisation(head)
    if organisation is None:
        body = _BODY_ORG.search(text)
        while body is not None and " về " in body["org"]:
            body = _BODY_ORG.search(text, body.end())
        if body is not None:
            name = one_line(re.sub(r"\s*\([^)]*\)", "", body["org"]))
            if place and re.search(r"\b(?:tỉnh|huyện|thành phố|quận|thị xã)$", name):
                name = f"{name} {place}"
            organisation = name
    implements = _IMPLEMENTS.search(text)
    issued = issued or _Issued()
    return Header(title=title, organisation=organisation, parent=parent, issued=issued.spec,
                  issued_date=issued.day, issued_note=issued.note,
                  issued_unreadable=issued.unreadable, place=place,
                  implements=(one_line(implements[0]).rstrip(" ,")
                              if implements is not None else None))


def _read_title(lines: Sequence[str], index: int, rest: str) -> str | None:
    parts = [one_line(_MARKUP.sub(" ", rest))] if rest.strip() else []
    for line in lines[index + 1: index + 12]:
        plain = one_line(_MARKUP.sub(" ", line))
        if not plain:
            continue
        if plain.startswith("---"):
            break
        if parts and not _starts_lower(plain):
            break
        parts.append(plain)
    title = one_line(" ".join(part for part in parts if part))
    return title or None


def _starts_lower(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
    return False


@dataclass(frozen=True, slots=True, kw_only=True)
class _Issued:
    """The printed issue date, read: see :class:`Header`."""

    spec: str | None = None
    day: date | None = None
    note: str | None = None
    unreadable: str | None = None


def _read_issued(found: re.Match[str]) -> _Issued:
    year, month = int(found["year"]), int(found["month"])
    day_text = found["day"].strip()
    if not 1 <= month <= 12 or not FIRST_YEAR <= year <= LAST_YEAR:
        return _Issued(unreadable=one_line(found[0]))
    if re.fullmatch(r"\d{1,2}", day_text):
        try:
            day = date(year, month, int(day_text))
        except ValueError:
            return _Issued(unreadable=one_line(found[0]))
        return _Issued(spec=day.isoformat(), day=day)
    note = None
    if day_text:
        note = (f"the day is printed as “{one_line(day_text)}” "
                f"(“{one_line(found[0])}”), read as the month {month}/{year}")
    return _Issued(spec=f"{year:04d}-{month:02d}", day=date(year, month, 1), note=note)


def _header_organisation(head: Sequence[str]) -> tuple[str | None, str | None]:
    """The issuing body from the upper-case lines above the title, and the body above it."""
    orgs: list[list[str]] = []
    for line in head:
        plain = one_line(_MARKUP.sub(" ", line))
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
