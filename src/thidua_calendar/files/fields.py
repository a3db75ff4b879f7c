"""The field types every file schema shares, so that a rule holds in every file or in none.

A name, a title or a theme (``Text``) must hold a visible character: a blank one is refused
in catalogs, announcements, deadline rules and plans alike.  Ids, addresses, years and ISO
dates are checked the same way everywhere too.  Only the schema modules of this package
import this one (it brings pydantic).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator

from thidua_calendar.dates import FIRST_YEAR, LAST_YEAR
from thidua_calendar.errors import BilingualValueError

__all__ = [
    "Id",
    "IsoDate",
    "Model",
    "PlanDate",
    "SourceModel",
    "Text",
    "Url",
    "Year",
    "parse_date",
    "parse_iso_date",
    "parse_partial_date",
]

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
        raise BilingualValueError(
            f"write the date as YYYY-MM-DD, such as 2025-04-26 (got {value!r})",
            vi=f"hãy viết ngày dạng YYYY-MM-DD, như 2025-04-26 (không phải “{value}”)")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as error:
        raise BilingualValueError(f"{text} is not a real date: {error}",
                                  vi=f"ngày “{text}” không có thật") from None


#: A date field: ``2025-04-26`` in the file, checked by :func:`parse_iso_date`.
IsoDate = Annotated[date, PlainValidator(parse_iso_date)]

_VN_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
_VN_MONTH = re.compile(r"(\d{1,2})/(\d{4})")
_BOTH_FORMS = "write it as YYYY-MM-DD or DD/MM/YYYY, such as 2027-12-15 or 15/12/2027"
_BOTH_FORMS_VI = "hãy viết DD/MM/YYYY hoặc YYYY-MM-DD, như 15/12/2027 hoặc 2027-12-15"


def parse_partial_date(
    value: object, /, *, partial: bool = True
) -> tuple[date, Literal["day", "month", "year"]]:
    """The one reader of the dates a plan or deadline file writes, with its precision.

    A day is ``2027-12-15`` (ISO) or ``15/12/2027`` (also ``5/1/2027``), as Vietnamese
    documents write it; with ``partial``, a month is ``2027-12`` or ``12/2027`` and a year
    ``2027`` (the first day is returned).  Anything else, or an impossible day, is a
    :class:`ValueError` that gives both forms.
    """
    if isinstance(value, date):
        return value, "day"
    text = str(value).strip()
    numbers: tuple[int, int, int] | None = None
    precision: Literal["day", "month", "year"] = "day"
    if match := _ISO_DATE.fullmatch(text):
        numbers = int(match[1]), int(match[2]), int(match[3])
    elif match := _VN_DATE.fullmatch(text):
        numbers = int(match[3]), int(match[2]), int(match[1])
    elif partial and (match := _ISO_MONTH.fullmatch(text)):
        numbers, precision = (int(match[1]), int(match[2]), 1), "month"
    elif partial and (match := _VN_MONTH.fullmatch(text)):
        numbers, precision = (int(match[2]), int(match[1]), 1), "month"
    elif partial and re.fullmatch(r"\d{4}", text):
        numbers, precision = (int(text), 1, 1), "year"
    if numbers is None:
        more = " (a month: 2027-12 or 12/2027; a year: 2027)" if partial else ""
        more_vi = " (một tháng: 12/2027 hoặc 2027-12; một năm: 2027)" if partial else ""
        raise BilingualValueError(f"{value!r} is not a date: {_BOTH_FORMS}{more}",
                                  vi=f"“{value}” không phải là ngày: {_BOTH_FORMS_VI}{more_vi}")
    try:
        return date(*numbers), precision
    except ValueError as error:
        raise BilingualValueError(f"{text} is not a real date: {error}",
                                  vi=f"ngày “{text}” không có thật") from None


def parse_date(value: object, /) -> date:
    """A whole date written ``2027-12-15`` or ``15/12/2027`` (see
    :func:`parse_partial_date`)."""
    return parse_partial_date(value, partial=False)[0]


#: A date field of a plan or deadline file: ``2027-12-15`` or ``15/12/2027``.
PlanDate = Annotated[date, PlainValidator(parse_date)]


class Model(BaseModel):
    """The base of every file schema: unknown keys are errors, values are not coerced."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class SourceModel(Model):
    """Where a fact comes from: a title that says what the page supports, and its address."""

    title: Text
    url: Url
