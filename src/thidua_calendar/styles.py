"""The output choices every layer shares: language and date style.

A leaf: it imports nothing of the package, so that file formats (a plan file's ``style``),
renderers and the command line take their choices from one place.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["DATE_STYLES", "DOCUMENT_DATE_STYLE", "LANGS", "DateStyle", "Lang"]

#: The language of text for people: Vietnamese (the default everywhere) or English.
Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)

#: How a date is written.  Real documents use 3/2/1930, 03/02/1930 and 03/2/1930.  ``nd30``
#: is the form of Nghị định 30/2020/NĐ-CP (Phụ lục I, the issue line): a day under 10 and
#: the months 1 and 2 written with a leading zero, "03/02/1930", "30/4/1975", "05/01/2022";
#: it is what plan documents use by default.
DateStyle = Literal["d/m/yyyy", "dd/mm/yyyy", "dd/m/yyyy", "nd30"]
DATE_STYLES: tuple[DateStyle, ...] = get_args(DateStyle)
#: The date style of a plan document (Word and plan text) unless told otherwise.
DOCUMENT_DATE_STYLE: DateStyle = "nd30"
