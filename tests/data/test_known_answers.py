"""Every count and date printed in the sources the catalog cites (tests/known_answers/*.yaml)
against what the library computes from the shipped data.

A row quotes a printed text ("120 năm Ngày sinh đồng chí Trần Phú (01/5/1904 – 01/5/2024)")
with the count it prints and its year: the computed count must be that count, and where the
text prints a range ending in that year, the computed text's range must match it (compared
at the precision both print: a source printing "(1950-2018)" checks the years only).  An
events row quotes how a page printed an event's day or span: the shipped event's first day,
last day or month must be among the dates it prints.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from thidua_calendar.anniversaries import occurrence
from thidua_calendar.files.catalog import builtin_catalog
from thidua_calendar.files.events import builtin_events
from thidua_calendar.reading.printed_plan import TextDate
from thidua_calendar.render.lines import occurrence_text

FOLDER = Path(__file__).parents[1] / "known_answers"
_DATE = r"\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{1,2}[./-]\d{4}|\d{4}"
_RANGE = re.compile(rf"(?<![\d./-])({_DATE})\s*[-–_]\s*({_DATE})(?![\d./-])")


def _rows(name: str) -> list[dict[str, object]]:
    rows = yaml.safe_load((FOLDER / f"{name}.yaml").read_text(encoding="utf-8"))
    assert isinstance(rows, list)
    return rows


ANNIVERSARY_ROWS = [(name, row) for name in ("leaders", "history", "sectors")
                    for row in _rows(name)]


def _same(printed: TextDate, computed: TextDate) -> bool:
    """The two dates agree on every part both of them print."""
    if printed.year != computed.year:
        return False
    if printed.month is not None and computed.month is not None and printed.month != computed.month:
        return False
    return printed.day is None or computed.day is None or printed.day == computed.day


def _range_ending_in(text: str, year: int) -> tuple[TextDate, TextDate] | None:
    """The range printed for ``year``: the one ending in it that starts earliest (a term
    "nhiệm kỳ 2020-2025" may stand beside "(1930 - 2025)")."""
    found = []
    for match in _RANGE.finditer(text):
        first, second = TextDate.parse(match[1]), TextDate.parse(match[2])
        if second.year == year and first.year < year:
            found.append((first, second))
    return min(found, key=lambda pair: pair[0].year) if found else None


def test_every_file_has_rows():
    assert {name for name, _ in ANNIVERSARY_ROWS} == {"leaders", "history", "sectors"}
    assert len(ANNIVERSARY_ROWS) >= 150
    assert len(_rows("events")) >= 20


@pytest.mark.parametrize(
    ("name", "row"), ANNIVERSARY_ROWS,
    ids=[f"{name}:{row['id']}@{row['year']}" for name, row in ANNIVERSARY_ROWS],
)
def test_printed_count_and_range(name, row):
    entry = builtin_catalog().get(str(row["id"]))
    year = int(str(row["year"]))
    found = occurrence(entry, year)
    assert found is not None, f"{entry.id} has no occurrence in {year}"
    assert found.count == row["years"], row["printed"]
    printed = _range_ending_in(str(row["printed"]), year)
    if printed is None:
        return  # the source prints the count alone
    computed = _range_ending_in(occurrence_text(found), year)
    assert computed is not None, occurrence_text(found)
    if _same(printed[0], computed[0]) and _same(printed[1], computed[1]):
        return
    # A source that follows another base must be one the data records as an alternative.
    recorded = [alt.origin for alt in entry.alternatives if alt.origin.year is not None]
    assert any(
        _same(printed[0], TextDate(text="", year=o.year, month=o.month, day=o.day))
        and _same(printed[1], TextDate(text="", year=year, month=o.month, day=o.day))
        for o in recorded if o.year is not None
    ), f"{row['printed']!r} vs {occurrence_text(found)!r} (and no such alternative)"


def _printed_dates(text: str, default_year: int) -> list[TextDate]:
    """Every date a text prints: 19-23/1/2026 gives 19/1/2026 and 23/1/2026; 1/2 without a
    year takes the event's year; "tháng 6.2026" gives the month."""
    found = []
    for match in re.finditer(
            r"(\d{1,2})\s*(?:-|đến|và)\s*(\d{1,2})[./-](\d{1,2})(?:[./-](\d{4}))?", text):
        for day in (match[1], match[2]):
            found.append(TextDate(text=match[0], year=int(match[4] or default_year),
                                  month=int(match[3]), day=int(day)))
    for match in re.finditer(r"(?<!\d)(\d{1,2})[./-](\d{1,2})(?:[./-](\d{4}))?(?![\d])", text):
        found.append(TextDate(text=match[0], year=int(match[3] or default_year),
                              month=int(match[2]), day=int(match[1])))
    for match in re.finditer(r"tháng\s+(\d{1,2})(?:(?:[./-]|\s+năm\s+)(\d{4}))?", text):
        found.append(TextDate(text=match[0], year=int(match[2] or default_year),
                              month=int(match[1])))
    return found


EVENT_ROWS = _rows("events")


@pytest.mark.parametrize("row", EVENT_ROWS, ids=[str(row["id"]) for row in EVENT_ROWS])
def test_printed_event_dates(row):
    event = builtin_events().get(str(row["id"]))
    printed = [d for d in _printed_dates(str(row["printed"]), event.date.year) if d.valid]
    assert printed, f"no date in {row['printed']!r}"
    ends = [event.date, event.last]
    matches = [d for d in printed for day in ends
               if d.year == day.year and d.month == day.month
               and (d.day is None or event.precision != "day" or d.day == day.day)]
    assert matches, f"{row['printed']!r} prints none of {[d.isoformat() for d in ends]}"


def test_the_range_reader_reads_the_forms_sources_print():
    assert _range_ending_in("(12.7.1946 - 12.7.2021)", 2021) == (
        TextDate.parse("12.7.1946"), TextDate.parse("12.7.2021"))
    assert _range_ending_in("nhiệm kỳ 2020-2025, 95 năm (1930 - 2025)", 2025) == (
        TextDate.parse("1930"), TextDate.parse("2025"))
    assert _range_ending_in("nhiệm kỳ 2026-2031", 2021) is None
    assert not _same(TextDate.parse("6/9/1902"), TextDate.parse("1/9/1902"))
    assert _same(TextDate.parse("1902"), TextDate.parse("6/9/1902"))
    assert date(2026, 1, 19) in [d.to_date() for d in _printed_dates("từ 19-23/1/2026", 2026)]
