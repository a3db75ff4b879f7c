"""The field types every file schema shares, so that a rule holds in every file or in none.

A name, a title or a theme (``Text``) must hold a visible character: a blank one is refused
in catalogs, announcements, deadline rules and plans alike.  Ids, addresses, years and ISO
dates are checked the same way everywhere too.  Only the schema modules of this package
import this one (it brings pydantic).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainValidator

from thidua_calendar.dates import FIRST_YEAR, LAST_YEAR

__all__ = ["Id", "IsoDate", "Model", "SourceModel", "Text", "Url", "Year", "parse_iso_date"]

#: Text for people (a name, a title, a theme): at least one visible character.
Text = Annotated[str, Field(min_length=1, pattern=r"\S")]
#: A stable identifier: lower-case ASCII letters, digits and underscores, a letter first.
Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
#: An http(s) address, as a source cites it.
Url = Annotated[str, Field(pattern=r"^https?://\S+$")]
#: A year the library computes.
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_iso_date(value: object) -> date:
    """A date written ``2025-04-26``; a clear error for anything else or an impossible day."""
    if isinstance(value, date):
        return value
    text = str(value)
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"write the date as YYYY-MM-DD, such as 2025-04-26 (got {value!r})")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as error:
        raise ValueError(f"{text} is not a real date: {error}") from None


#: A date field: ``2025-04-26`` in the file, checked by :func:`parse_iso_date`.
IsoDate = Annotated[date, PlainValidator(parse_iso_date)]


class Model(BaseModel):
    """The base of every file schema: unknown keys are errors, values are not coerced."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class SourceModel(Model):
    """Where a fact comes from: a title that says what the page supports, and its address."""

    title: Text
    url: Url
