"""Reading plan files: YAML -> a validated :class:`~thidua_calendar.plan.Plan`.

The format is documented field by field in ``docs/plans.md``.  Every problem, whether found
while reading (an impossible date, an unknown key) or while building the plan (overlapping
phases, an unknown commemoration id, a deadline anchored to a phase that does not exist), is
one :class:`~thidua_calendar.errors.PlanError` (or ``DeadlineError``) naming the file, the line,
the item and the field.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any, Literal

import yaml
from pydantic import Field, ValidationError, field_validator

from thidua_calendar.anniversaries import Commemoration, occurrence_in
from thidua_calendar.catalog import Catalog
from thidua_calendar.dates import FIRST_YEAR, LAST_YEAR, month_end, vi_date
from thidua_calendar.deadlines import Anchor, Rule
from thidua_calendar.errors import (
    BilingualValueError,
    InputError,
    OccurrenceError,
    OutOfRangeError,
    PhaseError,
    PlanError,
)
from thidua_calendar.files.catalog import load_catalog
from thidua_calendar.files.deadlines import parse_rule
from thidua_calendar.files.fields import Id, Model, SourceModel, Text, Year, parse_partial_date
from thidua_calendar.files.yaml_input import (
    child,
    compose,
    construct,
    line_of,
    read_text,
    validation_error,
)
from thidua_calendar.phases import Period, Phase, split_period
from thidua_calendar.plan import (
    Event,
    Organisation,
    Plan,
    PlanDocument,
    PlanResult,
    Selector,
    Signer,
    build_plan,
)
from thidua_calendar.provinces import Province
from thidua_calendar.styles import DOCUMENT_DATE_STYLE, DateStyle, PeriodStyle
from thidua_calendar.workdays import WorkCalendar

__all__ = ["PlanFile", "load_plan_file", "parse_plan_file"]

_SEE = "docs/plans.md"
_ONE_DAY = timedelta(days=1)
#: The anniversaries a school year's four phases end on: Nhà giáo, the Party, the Youth Union.
SCHOOL_TERM_ENDS = ("nha_giao_viet_nam", "thanh_lap_dang", "thanh_lap_doan")


def _partial_date(value: object) -> tuple[date, Literal["day", "month", "year"]]:
    """``2022-02-14`` or ``14/02/2022``, ``2022-02`` or ``02/2022`` (a month), ``2022`` (a
    year): the first day and the precision (:func:`~thidua_calendar.files.fields.
    parse_partial_date`), in the supported years (``end: 9999-12`` would overflow later)."""
    day, precision = parse_partial_date(value)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise BilingualValueError(
            f"{value}: the year is outside the supported range {FIRST_YEAR}-{LAST_YEAR}",
            vi=f"{value}: năm nằm ngoài khoảng được hỗ trợ {FIRST_YEAR}-{LAST_YEAR}")
    return day, precision


class _OrganisationModel(Model):
    name: Text
    short: Text | None = None
    level: Id | None = None
    parent: Text | None = None
    place: Text | None = None
    province: Text | None = None


class _PeriodModel(Model):
    year: Year | None = None
    school_year: Annotated[int, Field(ge=1900, le=2099)] | None = None
    start: Text | None = None
    end: Text | None = None

    @field_validator("start", mode="plain")
    @classmethod
    def _check_start(cls, value: object) -> str:
        text = str(value)
        if text != "issued":
            _partial_date(text)
        return text

    @field_validator("end", mode="plain")
    @classmethod
    def _check_end(cls, value: object) -> str:
        _partial_date(value)
        return str(value)


class _PhaseModel(Model):
    id: Id
    name: Text
    name_en: Text | None = None
    start: Text
    end: Text | None = None
    end_text: Text | None = None
    end_text_en: Text | None = None
    theme: Text | None = None
    theme_en: Text | None = None
    also: list[Text] = []
    also_en: list[Text] | None = None

    @field_validator("start", "end", mode="plain")
    @classmethod
    def _check(cls, value: object) -> str:
        text = str(value)
        if text == "issued" or text.startswith("anniversary:"):
            if text.startswith("anniversary:"):
                Anchor.parse(text)
            return text
        _partial_date(text)
        return text


class _SplitModel(Model):
    split: Literal["halves", "quarters", "school_terms"] | list[Text]
    names: list[Text] | None = None
    names_en: list[Text] | None = None
    themes: list[Text] | None = None
    themes_en: list[Text] | None = None


class _SelectorModel(Model):
    tags: list[Id] = []
    classes: list[Literal["nam_tron", "nam_le_5", "nam_khac"]] = []
    ids: list[Id] = []


class _EventModel(Model):
    id: Id
    name: Text | None = None
    name_en: Text | None = None
    date: Text | None = None
    end: Text | None = None
    phase: Id | None = None

    @field_validator("date", "end", mode="plain")
    @classmethod
    def _check(cls, value: object) -> str:
        _partial_date(value)
        return str(value)


class _LocalModel(Model):
    """A day of the unit's own, written in the plan (an extracted draft keeps them here)."""

    id: Id
    name: Text
    name_en: Text | None = None
    origin: Text
    note: Text | None = None
    #: Where the day comes from; a feed cites these, and nothing when there are none (never
    #: the plan file's own path, which would differ with how its name was typed).
    sources: list[SourceModel] = []

    @field_validator("origin", mode="plain")
    @classmethod
    def _check_origin(cls, value: object) -> str:
        from thidua_calendar.anniversaries import Origin

        Origin.parse(str(value))
        return str(value)


class _AllowModel(Model):
    gaps: bool = False
    overlaps: bool = False


class _StyleModel(Model):
    dates: DateStyle = DOCUMENT_DATE_STYLE
    period: PeriodStyle = "den"
    period_dates: DateStyle | None = None


class _SignerModel(Model):
    authority: Text | None = "TM. BAN CHẤP HÀNH"
    title: Text = "CHỦ TỊCH"
    name: Text | None = None


class _DocumentModel(Model):
    """The plan as a document (docs/plans.md, "The document"): every field has a default."""

    number: Text | None = None
    signer: _SignerModel = _SignerModel()
    recipients: list[Text] = []
    purpose: list[Text] = []
    requirements: list[Text] = []
    reporting: list[Text] = []
    closing: Text | None = None


class _PlanModel(Model):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")] | None = None
    title: Text
    title_en: Text | None = None
    organisation: _OrganisationModel
    implements: Text | None = None
    issued: Text
    period: _PeriodModel
    phases: list[_PhaseModel] | _SplitModel
    greet: list[_SelectorModel] = []
    exclude: list[Id] = []
    lead_up: dict[str, Id] = {}
    catalogs: list[Text] = []
    local: list[_LocalModel] = []
    events: list[_EventModel] = []
    deadlines: list[dict[str, Any]] = []
    allow: _AllowModel = _AllowModel()
    preamble: bool = True
    style: _StyleModel = _StyleModel()
    document: _DocumentModel = _DocumentModel()

    @field_validator("issued", mode="plain")
    @classmethod
    def _check(cls, value: object) -> str:
        _partial_date(value)
        return str(value)


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanFile:
    """A validated plan file: the plan, its catalog (built-in plus the file's
    ``catalogs:``), its rendering style, and where each item is in the file."""

    path: str
    plan: Plan
    catalog: Catalog
    date_style: DateStyle = DOCUMENT_DATE_STYLE
    period_style: PeriodStyle = "den"
    period_date_style: DateStyle | None = None
    _root: Any = None

    def build(self, *, calendar: WorkCalendar) -> PlanResult:
        """The built plan; errors are placed at their line in this file."""
        try:
            return build_plan(self.plan, catalog=self.catalog, calendar=calendar)
        except InputError as error:
            raise self.locate(error) from None

    def locate(self, error: InputError) -> InputError:
        """The error placed at the line of its item and field."""
        root = self._root
        if root is None:
            return error
        parts: list[str | int] = [
            int(part) if part.isdigit() else part for part in (error.field or "").split(".")
            if part
        ]
        lists = {"phase": "phases", "event": "events", "deadline": "deadlines"}
        where: list[str | int]
        if error.item_label in lists and error.entry_id is not None:
            key = lists[error.item_label]
            node = child(root, key)
            index = _index_of(node, error.entry_id)
            where = [key, index, *parts] if index is not None else [key]
        elif error.item_label == "lead_up" and error.entry_id is not None:
            where = ["lead_up", error.entry_id]
            error = PlanError(error.reason, entry_id=None, field=f"lead_up.{error.entry_id}",
                              item="plan")
        else:
            where = parts
        return error.located(path=self.path, line=line_of(root, where))


def _index_of(node: yaml.Node | None, entry_id: str) -> int | None:
    if not isinstance(node, yaml.SequenceNode):
        return None
    for index, item in enumerate(node.value):
        id_node = child(item, "id")
        if id_node is not None and id_node.value == entry_id:
            return index
    return None


def parse_plan_file(text: str, path: str, *, catalogs: tuple[str, ...] = (),
                    own_catalogs: bool = True) -> PlanFile:
    """The plan of a file's text; ``catalogs`` are extra catalog files (the file's own
    ``catalogs:`` are read relative to the file's folder).  ``own_catalogs=False`` refuses a
    ``catalogs:`` key instead of reading files: an uploaded plan names no file on a server."""
    root = compose(text, path, PlanError, expected="a plan: title, organisation, issued, "
                   "period, phases")
    data = construct(root, path, PlanError)
    try:
        model = _PlanModel.model_validate(data)
    except ValidationError as error:
        raise validation_error(error, root, data, path, PlanError, items="phases",
                               item="phase", see=_SEE) from None

    def fail(reason: str, *where: str | int, vi: str | None = None) -> PlanError:
        return PlanError(reason, vi=vi, path=path, line=line_of(root, where),
                         field=".".join(str(part) for part in where), item="plan")

    if model.catalogs and not own_catalogs:
        raise fail("catalogs: names files that cannot be read here; write the unit's own "
                   "days under local: instead", "catalogs",
                   vi="catalogs: chỉ đến các tệp không đọc được ở đây; hãy ghi các ngày riêng "
                   "của đơn vị vào local:")
    folder = os.path.dirname(os.path.abspath(path))
    own = [os.path.join(folder, name) for name in model.catalogs]
    for index, name in enumerate(own):
        if not os.path.isfile(name):
            raise fail(f"no catalog file {name} (catalogs are read relative to the plan's "
                       "folder)", "catalogs", index,
                       vi=f"không có tệp danh mục {name} (đường dẫn tính từ thư mục của tệp kế "
                          "hoạch)")
    issued, issued_precision = _partial_date(model.issued)
    province = None
    if model.organisation.province is not None:
        province = _province(model.organisation.province, issued, fail)
        from thidua_calendar.files.provinces import days_paths

        # The province's days come before the user's files, so that a user entry with the
        # same id and `override: true` replaces one (docs/tinh-thanh.md).
        catalog = load_catalog(*days_paths(province), *catalogs, *own)
    else:
        catalog = load_catalog(*catalogs, *own)
    if model.local:
        catalog = _with_local(catalog, model.local, root, path)
    period = _period(model.period, issued, fail)
    phases = _phases(model, period, issued, catalog, root, path)
    rules: list[Rule] = [
        parse_rule(raw, root, data, path, position)
        for position, raw in enumerate(model.deadlines)
    ]
    events = []
    for position, event in enumerate(model.events):
        if event.name is None:
            events.append(_shipped_event(event, position, fail))
            continue
        day: date | None = None
        precision: Literal["day", "month", "year"] = "day"
        if event.date:
            day, precision = _partial_date(event.date)
        end = _period_end(event.end) if event.end else None
        events.append(Event(id=event.id, name=event.name, name_en=event.name_en or event.name,
                            date=day, precision=precision, end=end, phase=event.phase))
    _check_levels(model.organisation.level, rules, issued, fail)
    for written, phase_id in model.lead_up.items():
        entry_id, _, year = written.partition("@")
        if entry_id not in catalog or (year and not re.fullmatch(r"\d{4}", year)):
            raise fail(f"no catalog entry has the id {entry_id!r} (write ID or ID@YEAR)",
                       "lead_up", written,
                       vi=f"danh mục không có mục nào mã “{entry_id}” (viết MÃ hoặc MÃ@NĂM)")
        if all(phase.id != phase_id for phase in phases):
            raise fail(f"no phase has the id {phase_id!r}", "lead_up", written,
                       vi=f"không có đợt nào mã “{phase_id}”")
    plan = Plan(
        id=model.id,
        title=model.title,
        title_en=model.title_en,
        organisation=Organisation(**{**model.organisation.model_dump(),
                                     "province": province}),
        issued=issued,
        issued_precision=issued_precision,
        implements=model.implements,
        period=period,
        phases=phases,
        greet=tuple(
            Selector(tags=tuple(s.tags), classes=tuple(s.classes), ids=tuple(s.ids))
            for s in model.greet
        ),
        exclude=tuple(model.exclude),
        lead_up=dict(model.lead_up),
        events=tuple(events),
        deadlines=tuple(rules),
        allow_gaps=model.allow.gaps,
        allow_overlaps=model.allow.overlaps,
        preamble=model.preamble,
        document=_document(model.document),
    )
    return PlanFile(path=path, plan=plan, catalog=catalog, date_style=model.style.dates,
                    period_style=model.style.period,
                    period_date_style=model.style.period_dates, _root=root)


def _document(model: _DocumentModel) -> PlanDocument:
    return PlanDocument(
        number=model.number,
        signer=Signer(**model.signer.model_dump()),
        recipients=tuple(model.recipients),
        purpose=tuple(model.purpose),
        requirements=tuple(model.requirements),
        reporting=tuple(model.reporting),
        closing=model.closing,
    )
def _shipped_event(event: _EventModel, position: int, fail: Any) -> Event:
    """``events: - id: dai_hoi_dang_xiv``: a shipped event (data/events.yaml) by its id."""
    from thidua_calendar.files.events import builtin_events
    from thidua_calendar.plan import greeted_event

    shipped = builtin_events()
    if event.id not in shipped:
        import difflib

        close = difflib.get_close_matches(event.id, [e.id for e in shipped], n=3)
        hint = f"did you mean {', '.join(close)}? " if close else ""
        hint_vi = f"có phải là {', '.join(close)}? " if close else ""
        raise fail(f"no shipped event has the id {event.id!r}; {hint}(thidua-calendar events "
                   "YEAR lists them) or give the event a name and a date", "events",
                   position, "id",
                   vi=f"không có sự kiện nào trong danh sách có mã “{event.id}”; {hint_vi}"
                   "(lệnh thidua-calendar events NĂM liệt kê chúng) hoặc ghi tên và ngày cho "
                   "sự kiện của riêng đơn vị")
    for key in ("name_en", "date", "end"):
        if getattr(event, key) is not None:
            raise fail(f"a shipped event keeps its own {key}; leave {key} out, or give the "
                       "event a name to describe an event of your own", "events", position,
                       key, vi=f"sự kiện trong danh sách giữ {key} của nó; bỏ {key} đi, hoặc "
                       "ghi tên để mô tả một sự kiện của riêng đơn vị")
    return greeted_event(shipped.get(event.id), phase=event.phase)


def _province(query: str, issued: date, fail: Any) -> Province:
    """The province ``organisation.province`` names, as it was on the issue date."""
    from thidua_calendar.errors import ProvinceError
    from thidua_calendar.files.provinces import builtin_provinces

    try:
        return builtin_provinces().find(query, on=issued)
    except ProvinceError as error:
        raise fail(str(error), "organisation", "province", vi=error.message("vi")) from None


def _check_levels(level: str | None, rules: list[Rule], issued: date, fail: Any) -> None:
    """The organisation's and the rules' levels are levels of the union on the issue date
    (no ``huyen`` from 1/7/2025), and a rule feeds one of its own level or a higher one."""
    from thidua_calendar.files.union_levels import builtin_union_levels
    from thidua_calendar.unions import UnionLevel, UnionLevelError

    if level is None and all(rule.level is None for rule in rules):
        return
    levels = builtin_union_levels()

    def find(level_id: str, *where: str | int) -> UnionLevel:
        try:
            return levels.level(level_id, on=issued)
        except UnionLevelError as error:
            raise fail(str(error), *where, vi=error.message("vi")) from None

    if level is not None:
        find(level, "organisation", "level")
    by_id = {rule.id: (index, rule) for index, rule in enumerate(rules)}
    for index, rule in enumerate(rules):
        if rule.level is None:
            continue
        own = find(rule.level, "deadlines", index, "level")
        fed = by_id.get(rule.feeds) if rule.feeds is not None else None
        if fed is None or fed[1].level is None:
            continue
        upper = find(fed[1].level, "deadlines", fed[0], "level")
        if own.tier < upper.tier:
            raise fail(f"the rule is for the level {own.id!r} ({own.short}) and feeds "
                       f"{fed[1].id!r}, of the lower level {upper.id!r} ({upper.short}); a "
                       "lower level feeds a higher one", "deadlines", index, "feeds",
                       vi=f"hạn này của cấp “{own.id}” ({own.short}) lại nộp lên “{fed[1].id}” "
                       f"của cấp dưới “{upper.id}” ({upper.short}); cấp dưới nộp lên cấp trên")


def _with_local(catalog: Catalog, local: list[_LocalModel], root: yaml.Node,
                path: str) -> Catalog:
    from thidua_calendar.anniversaries import Origin, Source

    entries = list(catalog.entries)
    for position, item in enumerate(local):
        if item.id in catalog:
            raise PlanError(f"the catalog already has the id {item.id!r}; choose another",
                            vi=f"danh mục đã có mã “{item.id}”; hãy chọn mã khác",
                            path=path, line=line_of(root, ("local", position, "id")),
                            field=f"local.{position}.id", item="plan")
        origin = Origin.parse(item.origin)
        entries.append(Commemoration(
            id=item.id, name=item.name, name_en=item.name_en or item.name, origin=origin,
            count="years" if origin.year is not None else "none", tags=("local",),
            note=item.note,
            sources=tuple(Source(title=source.title, url=source.url)
                          for source in item.sources),
        ))
    return Catalog(tuple(entries))


def _period(model: _PeriodModel, issued: date, fail: Any) -> Period:
    given = [key for key in ("year", "school_year") if getattr(model, key) is not None]
    if len(given) > 1 or (given and model.start is not None):
        raise fail("give year, school_year, or start (and end), not more than one", "period",
                   vi="chỉ ghi một trong year, school_year hoặc start (và end)")
    if model.year is not None:
        return Period(start=date(model.year, 1, 1), end=date(model.year, 12, 31))
    if model.school_year is not None:
        return Period(start=date(model.school_year, 9, 1),
                      end=date(model.school_year + 1, 5, 31))
    if model.start is None:
        raise fail("the period needs year, school_year or start", "period",
                   vi="thời gian của kế hoạch cần có year, school_year hoặc start")
    start = issued if model.start == "issued" else _partial_date(model.start)[0]
    end = _period_end(model.end) if model.end is not None else None
    if end is not None and end < start:
        raise fail(f"the period ends on {end.isoformat()}, before it starts on "
                   f"{start.isoformat()}", "period", "end",
                   vi=f"thời gian kết thúc ngày {vi_date(end)}, trước ngày bắt đầu "
                      f"{vi_date(start)}")
    return Period(start=start, end=end)


def _period_end(text: str) -> date:
    day, precision = _partial_date(text)
    if precision == "year":
        return date(day.year, 12, 31)
    if precision == "month":
        return month_end(day)
    return day


def _phases(
    model: _PlanModel, period: Period, issued: date, catalog: Catalog, root: yaml.Node,
    path: str,
) -> tuple[Phase, ...]:
    if isinstance(model.phases, _SplitModel):
        return _split(model.phases, period, catalog, root, path,
                      starts_on_issue=model.period.start == "issued")
    phases = []
    for position, item in enumerate(model.phases):
        def fail(reason: str, field: str, *, phase_id: str = item.id,
                 where: int = position, vi: str | None = None) -> PlanError:
            return PlanError(reason, vi=vi, path=path,
                             line=line_of(root, ("phases", where, field)),
                             entry_id=phase_id, field=field, item="phase")

        start, start_text = _phase_day(item.start, issued, catalog, period, fail, "start")
        end = None
        if item.end is not None:
            end, _ = _phase_day(item.end, issued, catalog, period, fail, "end")
        if item.also_en is not None and len(item.also_en) != len(item.also):
            raise fail(f"also_en has {len(item.also_en)} items for {len(item.also)} in also",
                       "also_en", vi=f"also_en có {len(item.also_en)} mục, còn also có "
                                     f"{len(item.also)} mục")
        phases.append(Phase(
            id=item.id, name=item.name, name_en=item.name_en or item.name, start=start,
            end=end, theme=item.theme, theme_en=item.theme_en, start_text=start_text,
            end_text=item.end_text, end_text_en=item.end_text_en, also=tuple(item.also),
            also_en=tuple(item.also_en) if item.also_en is not None else None,
        ))
    return tuple(phases)


def _phase_day(
    text: str, issued: date, catalog: Catalog, period: Period, fail: Any, field: str
) -> tuple[date, str | None]:
    """A phase's start or end and, for a start, how the plan words it."""
    if text == "issued":
        return issued, "nay"
    if text.startswith("anniversary:"):
        anchor = Anchor.parse(text)
        if anchor.ref not in catalog:
            raise fail(f"no catalog entry has the id {anchor.ref!r}", field,
                       vi=f"danh mục không có mục nào mã “{anchor.ref}”")
        try:
            day = _anniversary_in(catalog.get(anchor.ref), anchor.year, period)
        except (OccurrenceError, OutOfRangeError) as error:
            raise fail(str(error), field, vi=error.message("vi")) from None
        return day, None
    day, precision = _partial_date(text)
    if precision == "month":
        if field == "end":
            return _period_end(text), None
        return day, f"tháng {day.month:02d}/{day.year}"
    return day, None


def _anniversary_in(entry: Commemoration, year: int | None, period: Period) -> date:
    """Where a phase boundary or a split on ``anniversary:ID[@YEAR]`` falls: the one answer
    of :func:`~thidua_calendar.anniversaries.occurrence_in`, over the period up to its
    horizon (an open-ended movement looks up to the end of the following year)."""
    return occurrence_in(entry, period.start, period.horizon, year=year).date


def _split(
    model: _SplitModel, period: Period, catalog: Catalog, root: yaml.Node, path: str,
    *, starts_on_issue: bool,
) -> tuple[Phase, ...]:
    def fail(reason: str, *, vi: str | None = None) -> PlanError:
        return PlanError(reason, vi=vi, path=path, line=line_of(root, ("phases", "split")),
                         field="phases.split", item="plan")

    how: Any = model.split
    if how == "school_terms":
        if period.start.month not in (8, 9) or period.end is None or (
            period.end.year != period.start.year + 1
        ):
            raise fail("school_terms splits a school year (period: {school_year: YYYY}, or "
                       "one that starts in August or September and ends the next year)",
                       vi="school_terms chỉ chia một năm học (period: {school_year: NĂM}, hoặc "
                          "thời gian bắt đầu tháng 8 hay tháng 9 và kết thúc năm sau)")
        how = [f"anniversary:{entry_id}" for entry_id in SCHOOL_TERM_ENDS]
    if isinstance(how, list):
        ends = []
        for text in how:
            if str(text).startswith("anniversary:"):
                anchor = Anchor.parse(str(text))
                if anchor.ref not in catalog:
                    raise fail(f"no catalog entry has the id {anchor.ref!r}",
                               vi=f"danh mục không có mục nào mã “{anchor.ref}”")
                try:
                    ends.append(_anniversary_in(catalog.get(anchor.ref), anchor.year, period))
                except (OccurrenceError, OutOfRangeError) as error:
                    raise fail(str(error), vi=error.message("vi")) from None
            else:
                try:
                    ends.append(_period_end(str(text)))
                except ValueError as error:
                    raise fail(str(error), vi=getattr(error, "vi", None)) from None
        how = ends
    try:
        phases = split_period(period, how, names=model.names, names_en=model.names_en)
    except PhaseError as error:
        raise fail(str(error), vi=error.message("vi")) from None
    themes = _per_phase(model.themes, "themes", phases, fail)
    themes_en = _per_phase(model.themes_en, "themes_en", phases, fail)
    return tuple(
        Phase(id=p.id, name=p.name, name_en=p.name_en, start=p.start, end=p.end,
              theme=theme, theme_en=theme_en,
              start_text="nay" if index == 0 and starts_on_issue else None)
        for index, (p, theme, theme_en) in enumerate(zip(phases, themes, themes_en,
                                                         strict=True))
    )


def _per_phase(
    values: list[str] | None, name: str, phases: tuple[Phase, ...], fail: Any
) -> list[str | None]:
    if values is None:
        return [None] * len(phases)
    if len(values) != len(phases):
        raise fail(f"{len(values)} {name} for {len(phases)} phases",
                   vi=f"{len(values)} mục {name} cho {len(phases)} đợt")
    return list(values)


def load_plan_file(path: str | os.PathLike[str], *, catalogs: tuple[str, ...] = ()) -> PlanFile:
    """Read and validate a plan file (raises :class:`PlanError` and friends)."""
    name = os.fspath(path)
    return parse_plan_file(read_text(name, PlanError), name, catalogs=catalogs)
