"""Reading deadline rules from YAML: a ``deadlines:`` list, with the phases it refers to.

The same ``deadlines:`` list is what a plan file carries; on its own, a file gives the
``phases:`` its anchors name and, for ``anniversary:`` anchors without a year, the
``year:``.  Every problem is one :class:`~thidua_calendar.errors.DeadlineError` naming the
file, the line, the rule and the field.  The format is documented in ``docs/deadlines.md``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

import yaml
from pydantic import ConfigDict, Field, ValidationError, field_validator

from thidua_calendar.dates import vi_date
from thidua_calendar.deadlines import (
    Anchor,
    Audience,
    NamedDate,
    NthWorkingDay,
    OnDate,
    Recurring,
    Relative,
    Rule,
    Schedule,
    Variant,
    When,
    Window,
    Wording,
    anchor_uses,
    phase_anchors,
)
from thidua_calendar.errors import (
    BilingualValueError,
    DeadlineError,
    InputError,
    OutOfRangeError,
)
from thidua_calendar.files.fields import (
    Id,
    Model,
    PlanDate,
    Text,
    Year,
    parse_date,
    parse_partial_date,
)
from thidua_calendar.files.yaml_input import (
    child,
    compose,
    construct,
    line_of,
    read_text,
    validation_error,
)
from thidua_calendar.phases import Phase
from thidua_calendar.scheduling import schedule
from thidua_calendar.workdays import RollPolicy, WorkCalendar

__all__ = ["DeadlineFile", "load_deadline_file", "parse_deadline_file", "parse_rule"]

_SEE = "docs/deadlines.md"
_TIMING_KEYS = ("date", "after", "before", "nth_working_day", "window", "every")


def _date(value: object) -> date:
    return parse_date(value)


def _anchor(value: object) -> Anchor:
    if not isinstance(value, str):
        raise BilingualValueError(
            f"an anchor is written as text such as \"phase:dot_1.end\", not {value!r}",
            vi=f"mốc viết bằng chữ, như \"phase:dot_1.end\", không phải “{value}”")
    return Anchor.parse(value)


class _OffsetModel(Model):
    anchor: Anchor
    days: int | None = None
    working_days: int | None = None

    @field_validator("anchor", mode="plain")
    @classmethod
    def _parse_anchor(cls, value: object) -> Anchor:
        return _anchor(value)

    @field_validator("days", "working_days")
    @classmethod
    def _check_count(cls, value: int | None) -> int | None:
        if value is not None and value < 0:
            raise BilingualValueError(
                f"a count cannot be negative (got {value}); write after: or before: to choose "
                "the direction",
                vi=f"số ngày không được âm ({value}); dùng after: hoặc before: để chọn chiều")
        return value

    def relative(self, direction: Literal["after", "before"]) -> Relative:
        if (self.days is None) == (self.working_days is None):
            raise BilingualValueError("give either days or working_days",
                                      vi="ghi days hoặc working_days, một trong hai")
        if self.working_days is not None:
            return Relative(anchor=self.anchor, amount=self.working_days,
                            unit="working_days", direction=direction)
        assert self.days is not None
        return Relative(anchor=self.anchor, amount=self.days, unit="days", direction=direction)


class _NthModel(Model):
    month: Text
    n: int

    @field_validator("month")
    @classmethod
    def _check_month(cls, value: str) -> str:
        _month(value)
        return value

    @field_validator("n")
    @classmethod
    def _check_n(cls, value: int) -> int:
        if value == 0:
            raise BilingualValueError(
                "n = 0 names no day; count working days from 1 (the first) or from -1 (the last)",
                vi="n = 0 không chỉ ngày nào; đếm ngày làm việc từ 1 (ngày đầu) hoặc từ -1 "
                   "(ngày cuối)")
        return value


def _month(text: str) -> tuple[int, int]:
    try:
        day, precision = parse_partial_date(text)
    except ValueError:
        precision = "day"
    if precision != "month":
        raise BilingualValueError(
            f"write the month as YYYY-MM or MM/YYYY, such as 2023-01 or 01/2023 (got {text!r})",
            vi=f"hãy viết tháng dạng MM/YYYY hoặc YYYY-MM, như 01/2023 hoặc 2023-01 (không phải "
               f"“{text}”)")
    return day.year, day.month


class _WindowModel(Model):
    from_: Annotated[str, Field(alias="from", min_length=1)]
    to: Text

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)

    @field_validator("from_", "to", mode="plain")
    @classmethod
    def _check_end(cls, value: object) -> str:
        _window_end(value)
        return str(value)


def _window_end(value: object) -> OnDate | Relative:
    text = str(value)
    if ":" in text:
        return Relative(anchor=_anchor(text), amount=0)
    return OnDate(date=_date(text))


class _EveryModel(Model):
    """A recurring report: ``every: {period: quarter, day: 15, month: last}``."""

    period: Literal["month", "quarter", "half_year", "year"]
    day: int
    month: int | Literal["first", "last"] = "last"
    from_: Annotated[PlanDate | None, Field(alias="from")] = None
    to: PlanDate | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)

    def recurring(self) -> Recurring:
        month = {"first": 1, "last": -1}.get(str(self.month), self.month)
        assert isinstance(month, int)
        try:
            return Recurring(frequency=self.period, day=self.day, month=month,
                             start=self.from_, end=self.to)
        except DeadlineError as error:
            raise BilingualValueError(error.reason, vi=error.reason_vi or error.reason) from None


class _TimingModel(Model):
    date: PlanDate | None = None
    after: _OffsetModel | None = None
    before: _OffsetModel | None = None
    nth_working_day: _NthModel | None = None
    window: _WindowModel | None = None
    every: _EveryModel | None = None

    def when(self) -> When | None:
        given = [key for key in _TIMING_KEYS if getattr(self, key) is not None]
        if len(given) > 1:
            raise BilingualValueError(
                f"give one of date, after, before, nth_working_day, window, every; not "
                f"{' and '.join(given)}",
                vi=f"chỉ ghi một trong date, after, before, nth_working_day, window, every; "
                   f"không ghi cả {' và '.join(given)}")
        if self.every is not None:
            return self.every.recurring()
        if self.date is not None:
            return OnDate(date=self.date)
        if self.after is not None:
            return self.after.relative("after")
        if self.before is not None:
            return self.before.relative("before")
        if self.nth_working_day is not None:
            year, month = _month(self.nth_working_day.month)
            return NthWorkingDay(year=year, month=month, n=self.nth_working_day.n)
        if self.window is not None:
            return Window(start=_window_end(self.window.from_), end=_window_end(self.window.to))
        return None


class _AudienceModel(_TimingModel):
    id: Id
    name: Text
    name_en: Text | None = None


class _RuleModel(_TimingModel):
    id: Id
    name: Text
    name_en: Text | None = None
    wording: Wording = "cham_nhat"
    roll: RollPolicy = "previous"
    level: Text | None = None
    feeds: Id | None = None
    lead_working_days: int | None = None
    audiences: list[_AudienceModel] = []
    note: Text | None = None
    source: Text | None = None


class _PhaseModel(Model):
    id: Id
    name: Text
    name_en: Text | None = None
    start: PlanDate
    end: PlanDate | None = None


class _FileModel(Model):
    year: Year | None = None
    phases: list[_PhaseModel] = []
    deadlines: list[dict[str, Any]] = Field(min_length=1)


@dataclass(frozen=True, slots=True, kw_only=True)
class DeadlineFile:
    """The rules of a file, the phases and year its anchors use, and where each rule is."""

    path: str
    rules: tuple[Rule, ...]
    phases: tuple[Phase, ...]
    year: int | None
    _root: Any = None

    def anchors(self, *, catalog: Any = None) -> dict[str, NamedDate]:
        """The named dates of the file's phases, and of the anniversaries its rules name
        (``catalog``: a :class:`~thidua_calendar.files.catalog.Catalog`, needed only then)."""
        found = phase_anchors(self.phases)
        for rule in self.rules:
            for use in anchor_uses(rule):
                if use.anchor.kind == "anniversary" and str(use.anchor) not in found:
                    found[str(use.anchor)] = self._anniversary(use.anchor, rule, catalog)
        return found

    def _anniversary(self, anchor: Anchor, rule: Rule, catalog: Any) -> NamedDate:
        from thidua_calendar.anniversaries import occurrence_in
        from thidua_calendar.errors import OccurrenceError, UnknownEntryError

        year = anchor.year or self.year
        if year is None:
            raise self.locate(DeadlineError(
                f"the anchor {str(anchor)!r} needs a year: write {anchor!s}@YEAR or give "
                "the file a 'year:'", entry_id=rule.id, field=_anchor_field(rule, anchor),
                vi=f"mốc “{anchor}” cần có năm: hãy viết {anchor!s}@NĂM hoặc thêm 'year:' cho "
                   "tệp",
            ))
        if catalog is None:
            from thidua_calendar.files.catalog import builtin_catalog

            catalog = builtin_catalog()
        try:
            entry = catalog.get(anchor.ref)
        except UnknownEntryError as error:
            raise self.locate(DeadlineError(
                str(error), entry_id=rule.id, field=_anchor_field(rule, anchor)
            )) from None
        try:
            found = occurrence_in(entry, date(year, 1, 1), date(year, 12, 31), year=year)
        except (OccurrenceError, OutOfRangeError) as error:
            raise self.locate(DeadlineError.wrap(
                error, entry_id=rule.id, field=_anchor_field(rule, anchor)
            )) from None
        return NamedDate(name=entry.name, name_en=entry.name_en, date=found.date)

    def schedule(self, *, calendar: WorkCalendar, catalog: Any = None) -> Schedule:
        """The file's deadlines on ``calendar``; errors name this file's lines."""
        try:
            return schedule(self.rules, calendar=calendar, anchors=self.anchors(catalog=catalog))
        except DeadlineError as error:
            raise self.locate(error) from None

    def locate(self, error: InputError) -> InputError:
        """The error placed at the line of its rule and field in this file."""
        root = self._root
        if root is None or error.entry_id is None:
            return error.located(path=self.path, line=error.line or 0) if error.line else error
        deadlines = child(root, "deadlines")
        if deadlines is None:
            return error
        for position, rule in enumerate(self.rules):
            if rule.id == error.entry_id:
                loc: list[str | int] = [position]
                for part in (error.field or "").replace("feeds:", "feeds").split("."):
                    if part:
                        loc.append(int(part) if part.isdigit() else part)
                return error.located(path=self.path, line=line_of(deadlines, loc))
        return error


def _anchor_field(rule: Rule, anchor: Anchor) -> str:
    """The field of the first timing of ``rule`` that names ``anchor``."""
    return next((use.field for use in anchor_uses(rule) if use.anchor == anchor), "window")


def parse_deadline_file(text: str, path: str) -> DeadlineFile:
    """The rules and phases of a deadline file's text (raises :class:`DeadlineError`)."""
    root = compose(text, path, DeadlineError, expected="a 'deadlines:' list")
    data = construct(root, path, DeadlineError)
    try:
        model = _FileModel.model_validate(data)
    except ValidationError as error:
        raise validation_error(
            error, root, data, path, DeadlineError, items="deadlines", see=_SEE
        ) from None
    phases = []
    seen_phases: set[str] = set()
    for position, phase in enumerate(model.phases):
        where = ("phases", position)
        if phase.id in seen_phases:
            raise DeadlineError("the phase id is used twice", vi="mã đợt bị dùng hai lần",
                                path=path,
                                line=line_of(root, (*where, "id")), field="id")
        seen_phases.add(phase.id)
        start, end = phase.start, phase.end
        if end is not None and end < start:
            raise DeadlineError(
                f"the phase {phase.id!r} ends on {end.isoformat()}, before it starts on "
                f"{start.isoformat()}", path=path, line=line_of(root, (*where, "end")),
                vi=f"đợt “{phase.id}” kết thúc ngày {vi_date(end)}, trước ngày bắt đầu "
                   f"{vi_date(start)}",
                field="end",
            )
        phases.append(Phase(id=phase.id, name=phase.name, name_en=phase.name_en or phase.name,
                            start=start, end=end))
    rules = []
    for position, raw in enumerate(model.deadlines):
        rule = parse_rule(raw, root, data, path, position)
        if model.year is not None:  # recurring reports run over the file's year
            rule = _over_year(rule, model.year)
        rules.append(rule)
    return DeadlineFile(path=path, rules=tuple(rules), phases=tuple(phases), year=model.year,
                        _root=root)


def _over_year(rule: Rule, year: int) -> Rule:
    import dataclasses

    def fill(when: When | None) -> When | None:
        if isinstance(when, Recurring):
            return dataclasses.replace(when, start=when.start or date(year, 1, 1),
                                       end=when.end or date(year, 12, 31))
        return when

    variants = tuple(dataclasses.replace(v, when=fill(v.when) or v.when) for v in rule.variants)
    return dataclasses.replace(rule, when=fill(rule.when), variants=variants)


def parse_rule(raw: Any, root: yaml.Node, data: Any, path: str, position: int) -> Rule:
    """One validated rule of a `deadlines:` list (item `position`), errors at their lines."""
    prefix: tuple[str | int, ...] = ("deadlines", position)
    try:
        model = _RuleModel.model_validate(raw)
    except ValidationError as error:
        raise validation_error(error, root, data, path, DeadlineError, prefix=prefix,
                               items="deadlines", see=_SEE) from None

    def fail(reason: str, field: str, *, vi: str | None = None) -> DeadlineError:
        loc = [*prefix, *(int(p) if p.isdigit() else p for p in field.split("."))]
        return DeadlineError(reason, vi=vi, path=path, line=line_of(root, loc),
                             entry_id=model.id, field=field)

    try:
        when = model.when()
    except ValueError as error:
        raise fail(str(error), _first_timing(model) or "date",
                   vi=getattr(error, "vi", None)) from None
    variants = []
    for index, audience in enumerate(model.audiences):
        try:
            audience_when = audience.when()
        except ValueError as error:
            field = f"audiences.{index}." + (_first_timing(audience) or "date")
            raise fail(str(error), field, vi=getattr(error, "vi", None)) from None
        if audience_when is None:
            raise fail("an audience needs its own date, after, before, nth_working_day or "
                       "window", f"audiences.{index}",
                       vi="mỗi nhóm cần có ngày riêng: date, after, before, nth_working_day hoặc "
                          "window")
        variants.append(
            Variant(
                audience=Audience(id=audience.id, name=audience.name,
                                  name_en=audience.name_en or audience.name),
                when=audience_when,
            )
        )
    return Rule(
        id=model.id,
        name=model.name,
        name_en=model.name_en or model.name,
        when=when,
        wording=model.wording,
        roll=model.roll,
        level=model.level,
        feeds=model.feeds,
        lead_working_days=model.lead_working_days,
        variants=tuple(variants),
        note=model.note,
        source=model.source,
    )


def _first_timing(model: _TimingModel) -> str | None:
    given = [key for key in _TIMING_KEYS if getattr(model, key) is not None]
    return given[-1] if given else None


def load_deadline_file(path: str | os.PathLike[str]) -> DeadlineFile:
    """Read and validate a deadline file."""
    name = os.fspath(path)
    return parse_deadline_file(read_text(name, DeadlineError), name)
