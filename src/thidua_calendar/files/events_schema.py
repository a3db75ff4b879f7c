"""Validating events files: YAML with positions -> plain records (pydantic; imported only
when a file has to be validated)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any, Literal

import yaml
from pydantic import Field, ValidationError, field_validator

from thidua_calendar.dates import FIRST_YEAR, LAST_YEAR
from thidua_calendar.errors import EventFileError
from thidua_calendar.files.fields import Id, IsoDate, Model, SourceModel, Text
from thidua_calendar.files.yaml_input import child, compose, construct, line_of, validation_error

__all__ = ["parse_events_text"]

_SEE = "docs/catalog.md"
_PRECISION_VI = {"day": "ngày", "month": "tháng", "year": "năm"}
_FORMS = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), "day"),
    (re.compile(r"(\d{4})-(\d{2})"), "month"),
    (re.compile(r"(\d{4})"), "year"),
)


def _first_day(text: str) -> tuple[date, str]:
    for pattern, precision in _FORMS:
        if match := pattern.fullmatch(text):
            parts = [*(int(part) for part in match.groups()), 1, 1]
            try:
                return date(parts[0], parts[1], parts[2]), precision
            except ValueError as error:
                raise ValueError(f"{text} is not a real date: {error}") from None
    raise ValueError(f"write the date as YYYY-MM-DD, YYYY-MM or YYYY, not {text!r}")


class _EventModel(Model):
    id: Id
    name: Text
    name_en: Text
    date: Text
    end: IsoDate | None = None
    precision: Literal["day", "month", "year"]
    kind: Id
    level: Id
    status: Literal["planned", "held"]
    greeting: Text | None = None
    note: Text | None = None
    sources: list[SourceModel] = Field(min_length=1)

    @field_validator("date", mode="plain")
    @classmethod
    def _check_date(cls, value: object) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # an unquoted year
        if not isinstance(value, str):
            raise ValueError(f"write the date as a quoted \"YYYY-MM-DD\", not {value!r}")
        first, _ = _first_day(value)
        if not FIRST_YEAR <= first.year <= LAST_YEAR:
            raise ValueError(f"the year {first.year} is outside {FIRST_YEAR}-{LAST_YEAR}")
        return value

    def inconsistency(self) -> tuple[str, str, str] | None:
        """The field that contradicts another, with the reason in English and Vietnamese."""
        first, precision = _first_day(self.date)
        if precision != self.precision:
            return "precision", (
                f"the date {self.date!r} is written to the {precision}, but precision says "
                f"{self.precision!r}"), (
                f"ngày “{self.date}” được viết đến {_PRECISION_VI[precision]}, nhưng "
                f"precision ghi “{self.precision}”")
        if self.end is not None and self.end < first:
            return "end", (f"the event ends on {self.end.isoformat()}, before it starts"), (
                f"sự kiện kết thúc ngày {self.end.isoformat()}, trước khi bắt đầu")
        return None


class _FileModel(Model):
    events: list[dict[str, Any]]


def parse_events_text(text: str, path: str) -> tuple[tuple[dict[str, Any], int], ...]:
    """Every event of the file as written, with its line; :class:`EventFileError` naming the
    file, line, event id and field for the first problem."""
    root = compose(text, path, EventFileError, expected="an 'events:' list")
    data = construct(root, path, EventFileError)
    try:
        _FileModel.model_validate(data)
    except ValidationError as error:
        raise validation_error(error, root, data, path, EventFileError, items="events",
                               see=_SEE) from None
    node = child(root, "events")
    assert isinstance(node, yaml.SequenceNode)
    found: list[tuple[dict[str, Any], int]] = []
    seen: dict[str, int] = {}
    for position, (raw, item) in enumerate(zip(data["events"], node.value, strict=True)):
        line = item.start_mark.line + 1
        try:
            model = _EventModel.model_validate(raw)
        except ValidationError as error:
            raise validation_error(error, root, data, path, EventFileError,
                                   prefix=("events", position), items="events",
                                   see=_SEE) from None
        if (problem := model.inconsistency()) is not None:
            field_name, reason, reason_vi = problem
            raise EventFileError(reason, vi=reason_vi, path=path,
                                 line=line_of(item, (field_name,)), entry_id=model.id,
                                 field=field_name)
        if model.id in seen:
            raise EventFileError(
                f"the id is defined twice in this file (first at line {seen[model.id]})",
                vi=f"mã này được định nghĩa hai lần trong tệp (lần đầu ở dòng {seen[model.id]})",
                path=path, line=line, entry_id=model.id, field="id")
        seen[model.id] = line
        for key in ("name", "name_en", "greeting", "note"):
            value = getattr(model, key)
            if value is not None and unicodedata.normalize("NFC", value) != value:
                raise EventFileError(
                    "the text is not in Unicode NFC form; save it normalised (NFC)",
                    vi="văn bản chưa ở dạng Unicode NFC; hãy lưu lại ở dạng chuẩn hóa NFC",
                    path=path, line=line_of(item, (key,)), entry_id=model.id, field=key)
        record = dict(raw)
        record["date"] = str(raw["date"])
        found.append((record, line))
    return tuple(found)
