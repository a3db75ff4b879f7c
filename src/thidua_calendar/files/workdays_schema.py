"""Validating holiday rules and announcements: ``data/workdays.yaml`` and ``--holidays`` files.

Imported only when a file has to be validated (a user's announcement file, or the built-in
rules when their snapshot is stale): :mod:`thidua_calendar.files.workdays` loads the rules.

The built-in file holds the labour codes, the public holidays, the weekend policies and the
government's announcements since 2020, each with its sources.  A user's file holds only
``announcements:`` (next year's, before a release ships it); an announcement for a year the
built-in data already has replaces it only with ``replaces_builtin: true``.

Every problem is one :class:`~thidua_calendar.errors.AnnouncementError` naming the file, the
line, the announcement's year and the field.  The format is documented in
``docs/workdays.md``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal, TypeVar

import yaml
from pydantic import (
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from thidua_calendar.anniversaries import Source
from thidua_calendar.dates import vi_date
from thidua_calendar.errors import AnnouncementError
from thidua_calendar.files.fields import (
    Id,
    IsoDate,
    Model,
    SourceModel,
    Text,
    Year,
    parse_iso_date,
)
from thidua_calendar.files.yaml_input import (
    child,
    compose,
    construct,
    line_of,
    validation_error,
)
from thidua_calendar.workdays import (
    WEEKDAY_KEYS,
    Announcement,
    Holiday,
    HolidayRules,
    LabourCode,
    Swap,
    WeekendPolicy,
    WorkCalendar,
    validate_announcement,
)

__all__ = [
    "IsoDate",
    "parse_announcements",
    "parse_holiday_rules",
    "parse_iso_date",
]

_SEE = "docs/workdays.md"
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")



class _CodeModel(Model):
    name: Text
    name_en: Text
    holidays_article: Text
    holidays_article_en: Text
    compensatory_article: Text
    compensatory_article_en: Text
    first_year: Year
    last_year: Year | None = None
    sources: list[SourceModel] = Field(min_length=1)


class _HolidayModel(Model):
    id: Id
    name: Text
    name_en: Text
    date: Text
    days: int = Field(default=1, ge=1, le=9)
    announced: bool = False
    estimate: dict[str, list[int]] = {}
    allowed_offsets: list[Annotated[int, Field(ge=-7, le=7)]] = []
    first_year: Year | None = None
    last_year: Year | None = None
    law: Text | None = None
    law_en: Text | None = None
    compensated: bool = True
    note: Text | None = None
    sources: list[SourceModel] = Field(min_length=1)

    @field_validator("date")
    @classmethod
    def _check_date(cls, value: str) -> str:
        _reference(value)
        return value

    @field_validator("estimate")
    @classmethod
    def _check_estimate(cls, value: dict[str, list[int]]) -> dict[str, list[int]]:
        for key in value:
            if key != "any" and key not in WEEKDAY_KEYS:
                raise ValueError(
                    f"estimate keys are 'any' or a weekday ({', '.join(WEEKDAY_KEYS)}), "
                    f"not {key!r}"
                )
        return value

    @model_validator(mode="after")
    def _check_offsets(self) -> _HolidayModel:
        allowed = set(self.allowed_offsets)
        if allowed and not self.announced:
            raise ValueError("allowed_offsets are for a holiday whose days are announced")
        for key, offsets in self.estimate.items():
            outside = sorted(set(offsets) - allowed) if allowed else []
            if outside:
                raise ValueError(
                    f"the estimate for {key!r} takes offset {outside[0]}, which "
                    f"allowed_offsets ({', '.join(map(str, sorted(allowed)))}) does not allow"
                )
        return self


class _WeekendModel(Model):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z-]*$")]
    name: Text
    name_en: Text
    rest_days: list[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]] = Field(
        min_length=1
    )
    swaps: bool
    sources: list[SourceModel] = Field(min_length=1)


class _SwapModel(Model):
    off: IsoDate
    work: IsoDate
    document: Text | None = None
    note: Text | None = None


class _AnnouncementModel(Model):
    year: Year
    title: Text
    days: dict[str, list[IsoDate]] = {}
    swaps: list[_SwapModel] = []
    compensatory: list[IsoDate] = []
    note: Text | None = None
    sources: list[SourceModel] = []
    replaces_builtin: bool = False


class _BuiltinAnnouncementModel(_AnnouncementModel):
    sources: list[SourceModel] = Field(min_length=1)


class _RulesFileModel(Model):
    first_year: Year
    last_year: Year
    codes: list[_CodeModel] = Field(min_length=1)
    holidays: list[_HolidayModel] = Field(min_length=1)
    weekends: list[_WeekendModel] = Field(min_length=1)
    announcements: list[_BuiltinAnnouncementModel]


class _AnnouncementsFileModel(Model):
    announcements: list[_AnnouncementModel] = Field(min_length=1)


def _reference(text: str) -> tuple[Literal["solar", "lunar"], int, int]:
    match = re.fullmatch(r"(--|AL )(\d{2})-(\d{2})", text)
    if match is None:
        raise ValueError(f"write a holiday's day as \"--MM-DD\" or \"AL MM-DD\", not {text!r}")
    month, day = int(match[2]), int(match[3])
    calendar: Literal["solar", "lunar"] = "lunar" if match[1] == "AL " else "solar"
    limit = 30 if calendar == "lunar" else (29 if month == 2 else 31)
    if not (1 <= month <= 12 and 1 <= day <= limit):
        raise ValueError(f"{text!r} is not a day of the year")
    return calendar, month, day


def _sources(items: list[SourceModel]) -> tuple[Source, ...]:
    return tuple(Source(title=item.title, url=item.url) for item in items)


def _announcement(model: _AnnouncementModel) -> Announcement:
    return Announcement(
        year=model.year,
        title=model.title,
        days={key: tuple(days) for key, days in model.days.items()},
        swaps=tuple(
            Swap(off=swap.off, work=swap.work, document=swap.document) for swap in model.swaps
        ),
        compensatory=tuple(model.compensatory),
        sources=_sources(model.sources),
    )


_M = TypeVar("_M", bound=Model)


def _validated(
    text: str, path: str, model: type[_M], *, expected: str
) -> tuple[yaml.MappingNode, Any, _M]:
    """The file's root node, its data and its validated model."""
    root = compose(text, path, AnnouncementError, expected=expected)
    data = construct(root, path, AnnouncementError)
    try:
        return root, data, model.model_validate(data)
    except ValidationError as error:
        raise validation_error(
            error, root, data, path, AnnouncementError, items="announcements", see=_SEE
        ) from None


def parse_holiday_rules(text: str, path: str) -> HolidayRules:
    """The rules of a full rules file (the built-in ``data/workdays.yaml``)."""
    root, data, model = _validated(
        text, path, _RulesFileModel,
        expected="'codes:', 'holidays:', 'weekends:' and 'announcements:'",
    )
    holidays = []
    for item in model.holidays:
        calendar, month, day = _reference(item.date)
        holidays.append(
            Holiday(
                id=item.id,
                name=item.name,
                name_en=item.name_en,
                calendar=calendar,
                month=month,
                day=day,
                days=item.days,
                announced=item.announced,
                estimate={key: tuple(value) for key, value in item.estimate.items()},
                allowed_offsets=tuple(item.allowed_offsets),
                first_year=item.first_year,
                last_year=item.last_year,
                law=item.law,
                law_en=item.law_en,
                compensated=item.compensated,
                sources=_sources(item.sources),
            )
        )
    rules = HolidayRules(
        codes=tuple(
            LabourCode(
                name=code.name,
                name_en=code.name_en,
                holidays_article=code.holidays_article,
                holidays_article_en=code.holidays_article_en,
                compensatory_article=code.compensatory_article,
                compensatory_article_en=code.compensatory_article_en,
                first_year=code.first_year,
                last_year=code.last_year,
                sources=_sources(code.sources),
            )
            for code in model.codes
        ),
        holidays=tuple(holidays),
        weekends=tuple(
            WeekendPolicy(
                id=policy.id,
                name=policy.name,
                name_en=policy.name_en,
                rest_days=frozenset(WEEKDAY_KEYS.index(day) for day in policy.rest_days),
                swaps=policy.swaps,
                sources=_sources(policy.sources),
            )
            for policy in model.weekends
        ),
        announcements=(),
        first_year=model.first_year,
        last_year=model.last_year,
    )
    announcements = _checked(root, data, model.announcements, rules, path, builtin=True)
    return rules.with_announcements(announcements)


def parse_announcements(
    text: str, path: str, rules: HolidayRules, *, given: Mapping[int, str] | None = None
) -> tuple[Announcement, ...]:
    """The announcements of a user's file, checked against ``rules``.

    ``given`` maps the years earlier files announced (already in ``rules``) to those files:
    a year announced again is an error naming both files, not a clash with the built-in data.
    """
    root, data, model = _validated(
        text, path, _AnnouncementsFileModel, expected="an 'announcements:' list"
    )
    return _checked(root, data, model.announcements, rules, path, builtin=False,
                    given=given or {})


def _checked(
    root: yaml.Node,
    data: Any,
    models: list[_BuiltinAnnouncementModel] | list[_AnnouncementModel],
    rules: HolidayRules,
    path: str,
    *,
    builtin: bool,
    given: Mapping[int, str] | None = None,
) -> tuple[Announcement, ...]:
    found: list[Announcement] = []
    seen: dict[int, int] = {}
    for position, model in enumerate(models):
        loc: tuple[str | int, ...] = ("announcements", position)
        try:
            earlier = (given or {}).get(model.year)
            if earlier is not None:
                same = " (the same file was passed twice)" if earlier == path else ""
                raise AnnouncementError(
                    f"the announcement for {model.year} is given twice, in {earlier} and in "
                    f"{path}{same}; pass it once",
                    vi=f"thông báo năm {model.year} được đưa hai lần, trong {earlier} và trong "
                       f"{path}{' (cùng một tệp)' if same else ''}; chỉ đưa một lần",
                    entry_id=str(model.year), field="year",
                )
            found.append(_checked_one(model, rules, seen, builtin=builtin))
        except AnnouncementError as error:
            field_path = tuple(
                int(part) if part.isdigit() else part for part in (error.field or "").split(".")
            )
            raise error.located(path=path, line=line_of(root, loc + field_path)) from None
        seen[model.year] = line_of(root, loc)
    _check_stated_compensatory(root, models, rules.with_announcements(found), path)
    return tuple(found)


def _checked_one(
    model: _AnnouncementModel,
    rules: HolidayRules,
    seen: dict[int, int],
    *,
    builtin: bool,
) -> Announcement:
    """The announcement of a validated model, or :class:`AnnouncementError` with its field."""
    year = str(model.year)
    if not rules.first_year <= model.year <= rules.last_year:
        raise AnnouncementError(
            f"working days are known from {rules.first_year} to {rules.last_year}",
            vi=f"ngày làm việc được biết từ năm {rules.first_year} đến {rules.last_year}",
            entry_id=year, field="year",
        )
    if model.year in seen:
        raise AnnouncementError(
            f"the year is announced twice in this file (first at line {seen[model.year]})",
            vi=f"năm này được thông báo hai lần trong tệp (lần đầu ở dòng {seen[model.year]})",
            entry_id=year, field="year",
        )
    if not builtin and rules.announcement(model.year) is not None and (
        not model.replaces_builtin
    ):
        raise AnnouncementError(
            f"the built-in data already has the announcement for {model.year}; add "
            "'replaces_builtin: true' to replace it",
            vi=f"dữ liệu có sẵn đã có thông báo năm {model.year}; thêm "
               "'replaces_builtin: true' để thay thế",
            entry_id=year, field="year",
        )
    for field_name, days in (
        *((f"days.{key}", value) for key, value in model.days.items()),
        ("compensatory", model.compensatory),
    ):
        for index, day in enumerate(days):
            if day.year != model.year:
                raise AnnouncementError(
                    f"{day.isoformat()} is not in {model.year}",
                    vi=f"ngày {vi_date(day)} không thuộc năm {model.year}",
                    entry_id=year, field=f"{field_name}.{index}",
                )
    announcement = _announcement(model)
    validate_announcement(announcement, rules.holidays)
    return announcement


def _check_stated_compensatory(
    root: yaml.Node,
    models: list[_BuiltinAnnouncementModel] | list[_AnnouncementModel],
    rules: HolidayRules,
    path: str,
) -> None:
    """Each announcement against the rule: its swaps trade ordinary days (not holidays, not
    days in lieu), and the days in lieu it states are the ones the labour code gives."""
    calendar = WorkCalendar(rules, weekend="sat-sun")
    node = child(root, "announcements")
    for position, model in enumerate(models):
        years = {model.year} | {
            day.year for swap in model.swaps for day in (swap.off, swap.work)
            if rules.first_year <= day.year <= rules.last_year
        }
        try:
            for year in sorted(years):
                calendar.days_off(year)
        except AnnouncementError as error:
            # The error may be another announcement's of this file (a swap clashing with
            # one of a later year); without one, it is placed at this announcement.
            where = next((index for index, other in enumerate(models)
                          if str(other.year) == error.entry_id), None)
            parts = [int(p) if p.isdigit() else p for p in (error.field or "").split(".") if p]
            loc = (where, *parts) if where is not None else (position,)
            line = line_of(node, loc) if node is not None else None
            raise error.located(path=path, line=line or 0) from None
        if not model.compensatory:
            continue
        computed = sorted(
            day.date for day in calendar.days_off(model.year) if day.kind == "compensatory"
        )
        for index, stated in enumerate(model.compensatory):
            if stated in computed:
                continue
            shown = ", ".join(day.isoformat() for day in computed) or "none"
            loc = (position, "compensatory", index)
            raise AnnouncementError(
                f"{stated.isoformat()} is not a day in lieu under the labour code's rule for "
                f"a Saturday-Sunday week (those of {model.year}: {shown}); check the date, "
                "or the holidays fixed for the year",
                vi=f"ngày {vi_date(stated)} không phải ngày nghỉ bù theo quy định của Bộ luật "
                   f"Lao động cho tuần nghỉ thứ Bảy, Chủ nhật (của năm {model.year}: {shown}); "
                   "hãy xem lại ngày, hoặc các ngày lễ đã định cho năm",
                path=path, line=line_of(node, loc) if node is not None else None,
                entry_id=str(model.year), field=f"compensatory.{index}",
            )
