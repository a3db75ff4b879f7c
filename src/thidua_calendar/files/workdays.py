"""Loading the holiday rules: the built-in ones from a validated snapshot, yours from files.

``data/workdays.yaml`` is validated with pydantic (:mod:`thidua_calendar.files.workdays_schema`),
but importing pydantic costs more than a command's whole run.  So the package ships
``_builtin_workdays.json``: the validated rules as plain JSON, with the YAML's fingerprint.
It is used only while the fingerprint matches; after an edit of the YAML the loader validates
the file itself, and ``scripts/snapshot_data.py`` refreshes the snapshot (a test fails while
it is stale).  Announcement files given with ``--holidays`` are always validated.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Mapping
from datetime import date
from typing import Any

from thidua_calendar.anniversaries import Source
from thidua_calendar.workdays import (
    WEEKDAY_KEYS,
    Announcement,
    Holiday,
    HolidayRules,
    LabourCode,
    Swap,
    WeekendPolicy,
    WorkCalendar,
)

__all__ = [
    "BUILTIN_WORKDAYS",
    "builtin_holiday_rules",
    "load_holiday_rules",
    "load_work_calendar",
    "rules_from_record",
    "rules_to_record",
    "snapshot_json",
]

#: The built-in rules inside the package's ``data`` folder.
BUILTIN_WORKDAYS = "workdays.yaml"
BUILTIN_PATH = f"<built-in>/{BUILTIN_WORKDAYS}"
_SNAPSHOT = "_builtin_workdays.json"


def _sources(items: Any) -> tuple[Source, ...]:
    return tuple(Source(title=item["title"], url=item["url"]) for item in items)


def _source_records(sources: tuple[Source, ...]) -> list[dict[str, str]]:
    return [{"title": source.title, "url": source.url} for source in sources]


def rules_to_record(rules: HolidayRules, /) -> dict[str, Any]:
    """Validated rules as plain JSON data (the snapshot's content)."""
    return {
        "first_year": rules.first_year,
        "last_year": rules.last_year,
        "codes": [
            {
                "name": code.name,
                "name_en": code.name_en,
                "holidays_article": code.holidays_article,
                "holidays_article_en": code.holidays_article_en,
                "compensatory_article": code.compensatory_article,
                "compensatory_article_en": code.compensatory_article_en,
                "first_year": code.first_year,
                "last_year": code.last_year,
                "sources": _source_records(code.sources),
            }
            for code in rules.codes
        ],
        "holidays": [
            {
                "id": holiday.id,
                "name": holiday.name,
                "name_en": holiday.name_en,
                "calendar": holiday.calendar,
                "month": holiday.month,
                "day": holiday.day,
                "days": holiday.days,
                "announced": holiday.announced,
                "estimate": {key: list(value) for key, value in holiday.estimate.items()},
                "allowed_offsets": list(holiday.allowed_offsets),
                "first_year": holiday.first_year,
                "last_year": holiday.last_year,
                "law": holiday.law,
                "law_en": holiday.law_en,
                "compensated": holiday.compensated,
                "sources": _source_records(holiday.sources),
            }
            for holiday in rules.holidays
        ],
        "weekends": [
            {
                "id": policy.id,
                "name": policy.name,
                "name_en": policy.name_en,
                "rest_days": [WEEKDAY_KEYS[day] for day in sorted(policy.rest_days)],
                "swaps": policy.swaps,
                "sources": _source_records(policy.sources),
            }
            for policy in rules.weekends
        ],
        "announcements": [
            {
                "year": item.year,
                "title": item.title,
                "days": {key: [day.isoformat() for day in days]
                         for key, days in item.days.items()},
                "swaps": [
                    {"off": swap.off.isoformat(), "work": swap.work.isoformat(),
                     "document": swap.document}
                    for swap in item.swaps
                ],
                "compensatory": [day.isoformat() for day in item.compensatory],
                "sources": _source_records(item.sources),
            }
            for item in rules.announcements
        ],
    }


def rules_from_record(record: Mapping[str, Any], /) -> HolidayRules:
    """The rules of plain data made by :func:`rules_to_record`."""
    return HolidayRules(
        first_year=record["first_year"],
        last_year=record["last_year"],
        codes=tuple(
            LabourCode(**{**code, "sources": _sources(code["sources"])})
            for code in record["codes"]
        ),
        holidays=tuple(
            Holiday(**{
                **holiday,
                "estimate": {key: tuple(value) for key, value in holiday["estimate"].items()},
                "allowed_offsets": tuple(holiday["allowed_offsets"]),
                "sources": _sources(holiday["sources"]),
            })
            for holiday in record["holidays"]
        ),
        weekends=tuple(
            WeekendPolicy(
                id=policy["id"],
                name=policy["name"],
                name_en=policy["name_en"],
                rest_days=frozenset(WEEKDAY_KEYS.index(day) for day in policy["rest_days"]),
                swaps=policy["swaps"],
                sources=_sources(policy["sources"]),
            )
            for policy in record["weekends"]
        ),
        announcements=tuple(
            Announcement(
                year=item["year"],
                title=item["title"],
                days={key: tuple(date.fromisoformat(day) for day in days)
                      for key, days in item["days"].items()},
                swaps=tuple(
                    Swap(off=date.fromisoformat(swap["off"]),
                         work=date.fromisoformat(swap["work"]), document=swap["document"])
                    for swap in item["swaps"]
                ),
                compensatory=tuple(date.fromisoformat(day) for day in item["compensatory"]),
                sources=_sources(item["sources"]),
            )
            for item in record["announcements"]
        ),
    )


def snapshot_json(yaml_text: str, /) -> str:
    """The snapshot of a built-in rules text: its validated rules and its fingerprint."""
    from thidua_calendar.files.snapshot import fingerprint
    from thidua_calendar.files.workdays_schema import parse_holiday_rules

    rules = parse_holiday_rules(yaml_text, BUILTIN_PATH)
    snapshot = {
        "comment": "Generated by scripts/snapshot_data.py from data/workdays.yaml; do not edit.",
        "source_fingerprint": fingerprint(yaml_text),
        "rules": rules_to_record(rules),
    }
    return json.dumps(snapshot, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@functools.cache
def builtin_holiday_rules() -> HolidayRules:
    """The rules shipped with the package, read once per process."""
    from thidua_calendar.files.snapshot import read_builtin

    text, snapshot = read_builtin(BUILTIN_WORKDAYS, _SNAPSHOT)
    if snapshot is not None:
        return rules_from_record(snapshot["rules"])
    from thidua_calendar.files.workdays_schema import parse_holiday_rules

    return parse_holiday_rules(text, BUILTIN_PATH)


def load_holiday_rules(*paths: str | os.PathLike[str]) -> HolidayRules:
    """The built-in rules with the announcements of the files in ``paths`` added."""
    rules = builtin_holiday_rules()
    if paths:
        from thidua_calendar.errors import AnnouncementError
        from thidua_calendar.files.workdays_schema import parse_announcements
        from thidua_calendar.files.yaml_input import read_text

        given: dict[int, str] = {}
        for path in paths:
            name = os.fspath(path)
            text = read_text(name, AnnouncementError)
            added = parse_announcements(text, name, rules, given=given)
            given.update(dict.fromkeys((item.year for item in added), name))
            rules = rules.with_announcements(added)
    return rules


def load_work_calendar(
    *paths: str | os.PathLike[str], weekend: str = "sat-sun"
) -> WorkCalendar:
    """A :class:`WorkCalendar` from the built-in rules and the announcement files in
    ``paths``, under the weekend policy ``weekend`` (``"sat-sun"`` or ``"sun"``)."""
    return WorkCalendar(load_holiday_rules(*paths), weekend=weekend)
