"""Which catalog day a printed name names: the tolerant matching the checker and the
drafter share.

A plan prints a commemoration's name its own way: "Ngày giải phóng hoàn toàn miền Nam",
"ngày Quốc tế lao động", two joined by "và" under one count.  Both the checker (is this base
date the catalog's?) and the drafter (which id does this đợt greet?) must answer "which entry
is this" the same way, so the answer lives here, apart from either: the folded words of a
name, a score against each entry's words (spelling slips by close characters), the filler
words a plan adds without naming another day, and how a printed base date compares with an
entry's origin.

Pure: the catalog is passed in; no files, no clock.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from thidua_calendar.anniversaries import Commemoration
from thidua_calendar.reading.printed_plan import TextDate
from thidua_calendar.text import fold

__all__ = ["CatalogNames", "contradicts", "match_entry", "match_partner", "origin_text",
           "same_origin"]


def match_entry(
    name: str, catalog: Iterable[Commemoration], /, *, day: TextDate | None = None
) -> Commemoration | None:
    """The catalog entry a printed name names, or ``None``: tolerant of wording ("Ngày giải
    phóng hoàn toàn miền Nam"), case and diacritics; a name joining two ("Cách mạng tháng
    Tám và Quốc khánh") matches either, and ``day`` picks the one with that base date."""
    return CatalogNames(catalog).best(name, day=day)


class CatalogNames:
    """The catalog prepared for matching names: each entry's words and folded name, an index
    from word to entries, and the matches of every name already seen (a plan repeats its
    names: in the preamble, in each đợt).  The checker keeps one for a whole document."""

    __slots__ = ("by_word", "entries", "seen", "seen_strong")

    def __init__(self, catalog: Iterable[Commemoration]) -> None:
        self.entries = [(entry, set(fold(entry.name).split()), fold(entry.name))
                        for entry in catalog]
        self.by_word: dict[str, list[int]] = {}
        for index, (_, words, _) in enumerate(self.entries):
            for word in words:
                self.by_word.setdefault(word, []).append(index)
        self.seen: dict[str, list[tuple[float, Commemoration]]] = {}
        self.seen_strong: dict[str, list[Commemoration]] = {}

    def strong(self, name: str) -> list[Commemoration]:
        """The entries a name surely names, strong enough to call its date wrong: the two
        differ only in words a plan adds or drops without changing what it names ("hoàn
        toàn", "nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Ngày")."""
        found = self.seen_strong.get(name)
        if found is not None:
            return found
        found = []
        for part in _parts(name):
            words = set(_without_filler_phrases(part).split())
            candidates = {index for word in words for index in self.by_word.get(word, ())}
            for index in sorted(candidates):
                entry, _, folded = self.entries[index]
                entry_words = set(_without_filler_phrases(folded).split())
                if (words ^ entry_words) <= _FILLER and words & entry_words - _FILLER:
                    found.append(entry)
        self.seen_strong[name] = list(dict.fromkeys(found))
        return self.seen_strong[name]

    def best(self, name: str, /, *, day: TextDate | None = None) -> Commemoration | None:
        """What :func:`match_entry` answers, on this index (kept across a document)."""
        matches = self.matches(name)
        if not matches:
            return None
        if day is not None:
            for _, entry in matches:
                if same_origin(day, entry):
                    return entry
        score, best = max(matches, key=lambda match: match[0])
        return best if score >= 0.75 else None

    def matches(self, name: str) -> list[tuple[float, Commemoration]]:
        found = self.seen.get(name)
        if found is not None:
            return found
        found = []
        for part in _parts(name):
            words = set(part.split())
            candidates = {index for word in words for index in self.by_word.get(word, ())}
            for index in sorted(candidates):
                entry, entry_words, folded = self.entries[index]
                score = _score(part, words, folded, entry_words)
                if score >= 0.6:
                    found.append((score, entry))
        self.seen[name] = found
        return found


#: Words a plan adds to or drops from a commemoration's name without naming another.
_FILLER = frozenset({"ngay", "hoan", "toan", "nuoc", "cong", "hoa", "xa", "hoi", "chu", "nghia",
                     "viet", "nam", "le", "ky", "niem"})
_FILLER_PHRASES = (" thanh cong", " cua dan toc")


def _without_filler_phrases(folded: str) -> str:
    for phrase in _FILLER_PHRASES:
        folded = folded.replace(phrase, "")
    return folded


def origin_text(entry: Commemoration, /) -> str:
    """An entry's base date as plans print it: ``3/2/1930``, ``12/1972`` or ``1943``."""
    origin = entry.origin
    if origin.precision == "day":
        return f"{origin.day}/{origin.month}/{origin.year}"
    if origin.precision == "month":
        return f"{origin.month}/{origin.year}"
    return str(origin.year)


def _parts(name: str) -> list[str]:
    """The folded names in a name that may join two ("Cách mạng tháng Tám và Quốc khánh")."""
    folded = fold(name)
    parts = [folded, *(part.strip() for part in folded.split(" va ") if part.strip())]
    return list(dict.fromkeys(parts))


def _score(part: str, words: set[str], folded: str, entry_words: set[str]) -> float:
    """How well a folded name part matches an entry: shared words, or the entry's words all
    present, or (for spelling slips) close characters."""
    if not entry_words:
        return 0.0
    overlap = len(words & entry_words) / len(words | entry_words)
    if entry_words <= words:
        overlap = max(overlap, 0.75 + 0.25 * len(entry_words) / len(words))
    if overlap >= 0.75 or overlap < 0.3:
        return overlap  # decided by the words; the character ratio could only confirm it
    matcher = difflib.SequenceMatcher(None, part, folded)
    if matcher.real_quick_ratio() < 0.6 or matcher.quick_ratio() < 0.6:
        return overlap
    return max(overlap, matcher.ratio())


def same_origin(day: TextDate, entry: Commemoration, /) -> bool:
    """The printed base date is the entry's (solar, with a year; as precise as printed)."""
    origin = entry.origin
    if origin.calendar != "solar" or origin.year is None:
        return False
    if origin.year != day.year:
        return False
    if day.month is not None and origin.month is not None and origin.month != day.month:
        return False
    return not (day.day is not None and origin.day is not None and origin.day != day.day)


def contradicts(day: TextDate, entry: Commemoration, /) -> bool:
    """The printed base date disagrees with the catalog's origin (solar, with a year)."""
    origin = entry.origin
    return origin.calendar == "solar" and origin.year is not None and not same_origin(day, entry)


def match_partner(part: str, catalog: Sequence[Commemoration], year: int | None
                  ) -> Commemoration | None:
    """The day one half of "<A> và <B>" names: a tolerant match, else the one entry of the
    same base year whose name holds every word of the half ("Cách mạng tháng Tám")."""
    if year is None:
        return None
    found = match_entry(part, catalog)
    if found is not None:
        return found if found.origin.year == year else None
    words = set(fold(part).split()) - {"ngay", "nam", "ky", "niem"}
    words = {word for word in words if not word.isdigit()}
    if len(words) < 2:
        return None
    candidates = [entry for entry in catalog
                  if entry.origin.year == year and words <= set(fold(entry.name).split())]
    return candidates[0] if len(candidates) == 1 else None
