"""Vietnamese text as plain ASCII words: one folding and one slug for the whole package.

Names are matched across spellings ("Ngày Giải phóng" and "ngay giai phong"), and ids, feed
keys and UIDs are made from names; both need the same answer to "what are this text's ASCII
words", so it is written once, here, and every copy elsewhere was replaced by it.  A leaf: it
imports nothing of the package.
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold", "one_line", "roman_value", "slug", "upper_first"]


def fold(text: str, /) -> str:
    """Lower-case ASCII words for matching names: diacritics dropped, đ as d, anything else
    (punctuation, letters with no ASCII base) as a space between words
    ("Ngày Giải phóng hoàn toàn miền Nam" -> "ngay giai phong hoan toan mien nam")."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    return " ".join("".join(ch if ch.isascii() and ch.isalnum() else " "
                            for ch in ascii_text).split())


def slug(text: str, /, *, separator: str = "-", fallback: str = "plan",
         limit: int | None = None) -> str:
    """``"LĐLĐ tỉnh Bắc Kạn"`` -> ``"ldld-tinh-bac-kan"``: the folded words joined by
    ``separator``; the first words only when ``limit`` caps the length (whole words, never a
    cut one); ``fallback`` when no word is left.

    The defaults make a plan's key in feed file names and UIDs, so they must keep giving the
    same strings (``thidua_calendar.plan.slug`` is this function); the plan-file drafter asks
    for ``_``-joined ids of at most 60 characters.
    """
    result = ""
    for word in fold(text).split():
        candidate = f"{result}{separator}{word}" if result else word
        if limit is not None and len(candidate) > limit:
            break
        result = candidate
    return result or fallback


def one_line(text: str, /) -> str:
    """The text on one line: every run of whitespace, line breaks included, as one space."""
    return " ".join(text.split())


def upper_first(text: str, /) -> str:
    """The text with its first character in upper case, the rest as it is ("ngày …" ->
    "Ngày …"; ``str.capitalize`` would lower the rest)."""
    return text[:1].upper() + text[1:]


def roman_value(text: str, /) -> int:
    """The number a Roman numeral stands for, as documents number congresses and parts
    ("XIV" -> 14); the letters are I, V, X, L and C, in capitals."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for current, following in zip(text, [*text[1:], ""], strict=True):
        value = values[current]
        total += -value if following and values[following] > value else value
    return total

