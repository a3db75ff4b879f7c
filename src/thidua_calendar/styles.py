"""The output choices every layer shares: language and date style.

A leaf: it imports nothing of the package, so that file formats (a plan file's ``style``),
renderers and the command line take their choices from one place.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["DATE_STYLES", "LANGS", "DateStyle", "Lang"]

#: The language of text for people: Vietnamese (the default everywhere) or English.
Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)

#: How a date is written.  Real documents use 3/2/1930, 03/02/1930 and 03/2/1930.
DateStyle = Literal["d/m/yyyy", "dd/mm/yyyy", "dd/m/yyyy"]
DATE_STYLES: tuple[DateStyle, ...] = get_args(DateStyle)
