"""What the web app answers, apart from HTTP: each function takes what a request carried and
returns bytes, or raises a :class:`~thidua_calendar.errors.ThiduaCalendarError` whose text is
the sentence the command line prints for the same input.

The answers are the command line's own: the same loaders and the same renderers, called the
same way.  Nothing here touches the disk but the package's own data files, and nothing is
kept between requests except what the loaders cache of the built-in data.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import Any, Literal

from thidua_calendar.dates import check_year
from thidua_calendar.errors import UsageError
from thidua_calendar.styles import Lang

__all__ = [
    "Answer",
    "PlanFormat",
    "anniversaries",
    "check",
    "events",
    "plan",
    "plan_data",
    "quote",
    "renew",
    "workdays",
]

PlanFormat = Literal["json", "text", "markdown", "docx", "ics", "yaml"]
ListFormat = Literal["json", "csv", "ics", "text", "markdown"]

#: How far a Word upload may expand, as a multiple of the upload limit (a .docx of text
#: compresses about 5 to 10 times; a zip bomb a thousand times or more).
EXPANSION = 20
#: The most XML a Word upload may hold, and the most text a document may have: a plan of a
#: thousand pages is far below both, and the checker reads a million characters in about a
#: second on one core, so no upload keeps a worker busy for long.
MAX_MARKUP = 32 * 1024 * 1024
MAX_TEXT = 2_000_000
#: The largest plan file: the longest real plan files are a few tens of kilobytes.
MAX_PLAN = 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    """A response body with its media type and, for a download, its file name."""

    body: bytes
    media_type: str
    filename: str | None = None


_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
    "text": "text/plain; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "yaml": "application/yaml; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@cache
def _catalog() -> Any:
    from thidua_calendar.files.catalog import load_catalog

    return load_catalog()


@cache
def _calendar() -> Any:
    from thidua_calendar.files.workdays import load_work_calendar

    return load_work_calendar()


@cache
def _province_catalog(province_id: str) -> Any:
    from thidua_calendar.files.provinces import builtin_provinces, catalog_with_province

    return catalog_with_province(province=builtin_provinces().get(province_id))


def tags(province: str | None = None) -> tuple[str, ...]:
    """The tags in use in the built-in catalog, with a province's days (an id) when given."""
    catalog = _catalog() if province is None else _province_catalog(province)
    return tuple(catalog.tags())


def provinces(year: int, *, lang: Lang = "vi") -> list[tuple[str, str]]:
    """The provinces of ``year`` as (id, name), for a choice on a page."""
    from thidua_calendar.files.provinces import builtin_provinces

    return [(p.id, p.title(lang=lang)) for p in builtin_provinces() if p.exists_in(year)]


def union_levels() -> list[tuple[str, str]]:
    """The union's levels, before and since the 2025 reorganisation, as (id, short name)."""
    from thidua_calendar.files.union_levels import builtin_union_levels

    found: dict[str, str] = {}
    for structure in builtin_union_levels().structures:
        for level in structure:
            found.setdefault(level.id, level.short)
    return list(found.items())


def province_of(query: str | None, year: int) -> str | None:
    """The id of the province a ``province=`` parameter names in ``year`` (a name with or
    without diacritics, or an id), as ``--province`` finds it."""
    if not query:
        return None
    from thidua_calendar.files.provinces import builtin_provinces

    return builtin_provinces().find(query, year=year).id


def year_of(text: str | None, default: int) -> int:
    """A ``year=`` parameter: the default when missing, else a year in range."""
    if text is None or text == "":
        return default
    if not text.strip().isdigit():
        raise UsageError(f"{text!r} is not a year such as 2026",
                         vi=f"“{text}” không phải là một năm như 2026")
    year = int(text)
    check_year(year)
    return year


def catalog_for(tag_names: list[str], province: str | None = None) -> Any:
    """The catalog of a year's list: the built-in one, with the days of ``province`` (an id,
    :func:`province_of`); ``tag_names`` checked as ``anniversaries --tag`` checks them."""
    catalog = _catalog() if province is None else _province_catalog(province)
    unknown = sorted(set(tag_names) - set(catalog.tags()))
    if unknown:
        raise UsageError(f"no catalog entry has the tag {unknown[0]!r}; tags in use: "
                         + ", ".join(catalog.tags()),
                         vi=f"không mục nào trong danh mục có nhóm “{unknown[0]}”; các nhóm "
                         "đang dùng: " + ", ".join(catalog.tags()))
    return catalog


def occurrences(year: int, tag_names: list[str], province: str | None = None) -> list[Any]:
    """The commemorations of the year's list (the kinds shown by default), as
    ``thidua-calendar anniversaries`` lists them."""
    from thidua_calendar.anniversaries import occurrences as find

    catalog = catalog_for(tag_names, province)
    return list(catalog.shown_by_default(find(catalog, year, tags=tag_names or None)))


def anniversaries(year: int, tag_names: list[str], *, province: str | None = None,
                  format: ListFormat = "json", lang: Lang = "vi") -> Answer:
    """The year's list: the body of ``thidua-calendar anniversaries YEAR --format FORMAT``.

    A pure function of its arguments and the built-in data, so each worker keeps the last
    few hundred answers: the same year is asked for again and again.  (A cache of answers,
    not state: any worker gives the same bytes.)"""
    return _anniversaries(year, tuple(sorted(set(tag_names))), province_of(province, year),
                          format, lang)


@lru_cache(maxsize=512)
def _anniversaries(year: int, tag_names: tuple[str, ...], province: str | None,
                   format: ListFormat, lang: Lang) -> Answer:
    name = f"ngay-ky-niem-{year}" if lang == "vi" else f"commemorations-{year}"
    if province is not None:
        name += "-" + province.replace("_", "-")
    if format == "ics":
        from thidua_calendar.feeds.ics import write_calendar
        from thidua_calendar.feeds.items import commemoration_items

        found = occurrences(year, list(tag_names), province)
        title = (f"Ngày kỷ niệm {year}" if lang == "vi" else f"Commemorations {year}")
        body = write_calendar(commemoration_items(found, lang=lang), name=title,
                              dtstamp=datetime(year, 1, 1, tzinfo=UTC))
        return Answer(body=body, media_type=_TYPES["ics"], filename=f"{name}.ics")
    from thidua_calendar.render.listing import year_listing

    text = year_listing(catalog_for(list(tag_names), province), year,
                        tags=list(tag_names) or None, format=format, lang=lang)
    extension = {"markdown": "md", "text": "txt"}.get(format, format)
    return Answer(body=text.encode(), media_type=_TYPES[format],
                  filename=None if format in ("text", "markdown") else f"{name}.{extension}")


@lru_cache(maxsize=256)
def workdays(year: int, *, lang: Lang = "vi") -> Answer:
    """Days off and swapped days: the body of ``thidua-calendar workdays YEAR --format json``."""
    from thidua_calendar.render.workdays import render_workdays

    text = render_workdays(_calendar(), year, format="json", lang=lang)
    return Answer(body=text.encode(), media_type=_TYPES["json"])


@lru_cache(maxsize=256)
def events(year: int, *, lang: Lang = "vi") -> Answer:
    """The year's congresses and elections from the shipped list: the body of
    ``thidua-calendar events YEAR --format json``."""
    from thidua_calendar.files.events import load_events
    from thidua_calendar.render.events import render_events

    text = render_events(load_events().in_year(year), year=year, format="json", lang=lang)
    return Answer(body=text.encode(), media_type=_TYPES["json"])


_PLAN_NAME = "ke-hoach.yaml"


def _plan_file(text: str, name: str) -> Any:
    from thidua_calendar.files.plan import parse_plan_file

    _no_aliases(text, name)
    return parse_plan_file(text, name or _PLAN_NAME, own_catalogs=False)


def _no_aliases(text: str, name: str) -> None:
    """Refuse YAML aliases (``*name``) in an uploaded plan: nested, a few lines of them expand
    to billions of values when the plan is checked.  A plan file never needs one."""
    import yaml

    from thidua_calendar.errors import PlanError

    try:
        for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark else None
                raise PlanError(
                    f"YAML aliases (*{event.anchor}) are not accepted here; write the value "
                    "out", path=name, line=line,
                    vi=f"không nhận bí danh YAML (*{event.anchor}) ở đây; hãy ghi thẳng giá "
                    "trị ra")
    except yaml.YAMLError:
        return  # the plan reader says what is wrong, in its own words


def _decode(body: bytes, name: str) -> str:
    from thidua_calendar.errors import PlanError

    if len(body) > MAX_PLAN:
        raise PlanError(f"a plan file of {len(body):,} bytes is more than the {MAX_PLAN:,} a "
                        "plan needs", path=name,
                        vi=f"tệp kế hoạch {len(body):,} byte, quá mức {MAX_PLAN:,} byte mà "
                        "một kế hoạch cần")
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        raise PlanError(f"the file is not UTF-8 text ({problem.reason})", path=name,
                        vi=f"tệp không phải văn bản UTF-8 ({problem.reason})") from None


def plan(body: bytes, *, format: PlanFormat = "text", lang: Lang = "vi",
         name: str = _PLAN_NAME) -> Answer:
    """A plan file (YAML or JSON) built and rendered as ``thidua-calendar plan FILE`` does; as
    ``ics`` as ``thidua-calendar ics FILE`` does; as ``yaml`` the plan file itself, checked
    (a JSON body comes back as YAML)."""
    text = _decode(body, name)
    plan_file = _plan_file(text, name)
    result = plan_file.build(calendar=_calendar())
    from thidua_calendar.plan import plan_key

    stem = plan_key(result.plan)
    if format == "yaml":
        return Answer(body=_as_yaml(text).encode(), media_type=_TYPES["yaml"],
                      filename=f"{stem}.yaml")
    if format == "docx":
        from thidua_calendar.render.docx import render_docx

        data = render_docx(result, lang=lang, date_style=plan_file.date_style,
                           period_style=plan_file.period_style,
                           period_date_style=plan_file.period_date_style)
        return Answer(body=data, media_type=_TYPES["docx"], filename=f"{stem}.docx")
    if format == "ics":
        return Answer(body=_plan_ics(result, plan_file.date_style, lang),
                      media_type=_TYPES["ics"], filename=f"{stem}.ics")
    from thidua_calendar.render.plan import render_plan

    rendered = render_plan(result, format=format, lang=lang, date_style=plan_file.date_style,
                           period_style=plan_file.period_style,
                           period_date_style=plan_file.period_date_style)
    return Answer(body=rendered.encode(), media_type=_TYPES[format])


def _plan_ics(result: Any, date_style: Any, lang: Lang) -> bytes:
    """The feed ``thidua-calendar ics FILE`` writes: named as it names it, stamped with the
    plan's issue date."""
    from thidua_calendar.feeds.ics import write_calendar
    from thidua_calendar.feeds.items import calendar_description, calendar_title, plan_items

    plan_ = result.plan
    return write_calendar(plan_items(result, lang=lang, date_style=date_style),
                          name=calendar_title([plan_], lang=lang),
                          description=calendar_description([plan_], lang=lang),
                          dtstamp=datetime.combine(plan_.issued, datetime.min.time(), UTC))


def _as_yaml(text: str) -> str:
    """A plan file to keep: YAML as given (its comments kept), JSON turned into YAML."""
    try:
        data = json.loads(text)
    except ValueError:
        return text if text.endswith("\n") else text + "\n"
    import yaml

    dumped: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return dumped


def plan_data(body: bytes, *, name: str = _PLAN_NAME) -> Answer:
    """An uploaded plan file as JSON, once checked: what the plan form loads to go on
    editing it."""
    from thidua_calendar.errors import PlanError
    from thidua_calendar.files.yaml_input import compose, construct

    text = _decode(body, name)
    _plan_file(text, name)  # the whole check, with the command line's sentences
    data = construct(compose(text, name, PlanError, expected="a plan"), name, PlanError)
    return Answer(body=json.dumps(data, ensure_ascii=False, default=str).encode(),
                  media_type=_TYPES["json"])


def quote(line: str, column: int, /) -> str:
    """The words a finding at ``column`` (1-based) of ``line`` is about: from there to the
    end of the clause (the first ``;``, or a closing parenthesis), at most about 100
    characters, cut between words."""
    text = line[max(column - 1, 0):].strip()
    for stop in (";", "\n"):
        text = text.split(stop, 1)[0]
    if ")" in text:
        text = text[: text.index(")") + 1]
    if len(text) > 100:
        text = text[:100].rsplit(" ", 1)[0] + "…"
    return text.strip()


def check(data: bytes, name: str, *, limit: int, year: int | None = None,
          province: str | None = None, lang: Lang = "vi") -> list[dict[str, Any]]:
    """The findings of ``thidua-calendar check [--year] [--province] --format json`` on an
    uploaded document (without ``file``), each with the words it is about (``quote``)."""
    from thidua_calendar.reading.check import check_document
    from thidua_calendar.render.findings import finding_records

    catalog = _catalog()
    if province:
        from thidua_calendar.files.provinces import builtin_provinces

        catalog = _province_catalog(builtin_provinces().find(province, year=year).id)
    document = document_from_bytes_checked(data, name, limit=limit)
    found = check_document(document, catalog=catalog, calendar=_calendar(), year=year)
    records = finding_records([(name, f) for f in found], lang=lang)
    for record in records:
        del record["file"]
        line = record["line"]
        if not record.get("quote") and 0 < line <= len(document.lines):
            # The checker quotes what it found; a finding without words gets its line's.
            record["quote"] = quote(document.lines[line - 1], record["column"])
    return records


#: Who the tracked changes of a renewed Word file are by (as ``thidua-calendar renew``).
RENEW_AUTHOR = "thidua-calendar"


def renew(data: bytes, name: str, *, year: int, limit: int, now: datetime,
          from_year: int | None = None) -> Answer:
    """Last year's plan moved to ``year`` by :func:`thidua_calendar.reading.renew.renew_document`,
    as ``thidua-calendar renew FILE --year YEAR`` does: a Word file comes back with every
    edit a tracked change dated ``now``; a .txt or .md file comes back edited."""
    from thidua_calendar.errors import DocumentError
    from thidua_calendar.files.documents import Document
    from thidua_calendar.reading.renew import renew_document

    check_year(year)
    stem, extension = os.path.splitext(name)
    extension = extension.lower()
    if extension == ".docx":
        from thidua_calendar.files.docx_changes import read_paragraphs, write_tracked

        document_from_bytes_checked(data, name, limit=limit)  # bounded before it is parsed
        document = Document(read_paragraphs(data, name=name))
    else:
        document = document_from_bytes_checked(data, name, limit=limit)
    try:
        renewal = renew_document(document, to_year=year, from_year=from_year,
                                 catalog=_catalog(), calendar=_calendar())
    except ValueError:
        raise DocumentError("cannot tell the plan's year; give the year it was for",
                            path=name, vi="không đọc được năm của kế hoạch; hãy ghi năm của "
                            "kế hoạch cũ") from None
    filename = f"{stem}-{year}{extension}"
    if extension == ".docx":
        changes = {line: [(e.start, e.end, e.new) for e in edits]
                   for line, edits in renewal.by_line().items()}
        body, _ = write_tracked(data, changes, author=RENEW_AUTHOR, when=now, name=name)
        return Answer(body=body, media_type=_TYPES["docx"], filename=filename)
    raw = data.decode("utf-8-sig")
    newline = "\r\n" if "\r\n" in raw else "\n"
    text = newline.join(renewal.apply([line.rstrip("\r") for line in raw.split("\n")]))
    return Answer(body=text.encode(), media_type=_TYPES["markdown" if extension == ".md"
                                                     else "text"], filename=filename)


def document_from_bytes_checked(data: bytes, name: str, *, limit: int) -> Any:
    """An uploaded document within the bounds the checker keeps (expansion, markup, text)."""
    from thidua_calendar.errors import DocumentError
    from thidua_calendar.files.documents import document_from_bytes

    document = document_from_bytes(data, name, max_expanded=limit * EXPANSION,
                                   max_markup=MAX_MARKUP)
    if len(document.text) > MAX_TEXT:
        raise DocumentError(
            f"the document has {len(document.text):,} characters, more than the "
            f"{MAX_TEXT:,} checked at once; check it in parts", path=name,
            vi=f"văn bản có {len(document.text):,} ký tự, quá mức {MAX_TEXT:,} ký tự được "
            "kiểm tra một lần; hãy kiểm tra từng phần")
    return document
