"""Recurring reports (báo cáo định kỳ): a deadline rule kind built on dateutil's rrule.

Known answers are counted by hand on the 2022 and 2026 calendars (weekends, Giỗ Tổ, 30/4,
Quốc khánh); the properties hold for any rule on any year the calendar knows.
"""

from __future__ import annotations

import textwrap
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua_calendar.deadlines import (
    PERIOD_MONTHS,
    Anchor,
    Recurring,
    Relative,
    Rule,
)
from thidua_calendar.errors import DeadlineError, PlanError
from thidua_calendar.feeds.items import plan_items
from thidua_calendar.files.deadlines import load_deadline_file
from thidua_calendar.files.plan import load_plan_file
from thidua_calendar.files.workdays import load_work_calendar
from thidua_calendar.render.deadlines import recurring_phrase, trace_text
from thidua_calendar.scheduling import schedule

CALENDAR = load_work_calendar()


def _rule(frequency="quarter", day=15, month=-1, wording="truoc_ngay", year=2022, **extra):
    return Rule(id="bao_cao", name="Báo cáo thi đua", name_en="Report", wording=wording,
                when=Recurring(frequency=frequency, day=day, month=month,
                               start=date(year, 1, 1), end=date(year, 12, 31)), **extra)


@pytest.mark.parametrize(
    ("rule", "stated", "due"),
    [
        # "trước ngày 15 của tháng cuối quý": the day before each 15th, a working day.
        (_rule(), ["2022-03-15", "2022-06-15", "2022-09-15", "2022-12-15"],
         ["2022-03-14", "2022-06-14", "2022-09-14", "2022-12-14"]),
        # "chậm nhất ngày 25 hằng tháng": 25/6 a Saturday, 25/9 and 25/12 Sundays roll back.
        (_rule("month", 25, wording="cham_nhat"),
         [f"2022-{m:02d}-25" for m in range(1, 13)],
         ["2022-01-25", "2022-02-25", "2022-03-25", "2022-04-25", "2022-05-25", "2022-06-24",
          "2022-07-25", "2022-08-25", "2022-09-23", "2022-10-25", "2022-11-25", "2022-12-23"]),
        # Six-monthly, on the last day of June and December (30/6/2022 a Thursday,
        # 31/12/2022 a Saturday).
        (_rule("half_year", -1, wording="cham_nhat"), ["2022-06-30", "2022-12-31"],
         ["2022-06-30", "2022-12-30"]),
        # Yearly, chậm nhất ngày 1 tháng 9: 1/9/2026 (a Tuesday) is Quốc khánh's adjacent day
        # off and Monday 31/8 a swapped day off (Thông báo 9441/TB-BNV): Friday 28/8.
        (_rule("year", 1, 9, wording="cham_nhat", year=2026), ["2026-09-01"], ["2026-08-28"]),
        # The first month of each quarter, day 1: 1/1/2022 and 1/10/2022 are Saturdays.
        (_rule("quarter", 1, 1, wording="cham_nhat"),
         ["2022-01-01", "2022-04-01", "2022-07-01", "2022-10-01"],
         ["2021-12-31", "2022-04-01", "2022-07-01", "2022-09-30"]),
    ],
)
def test_known_report_dates(rule, stated, due):
    found = schedule([rule], calendar=CALENDAR).deadlines
    assert [d.stated.isoformat() for d in found] == stated
    assert [d.due.isoformat() for d in found] == due
    assert [d.occurrence for d in found] == [d.stated for d in found]


def test_each_report_has_its_own_trace():
    first, second, *_ = schedule([_rule()], calendar=CALENDAR).deadlines
    assert trace_text(first, date_style="nd30") == (
        "báo cáo quý I/2022: trước ngày 15/3/2022 (Thứ Ba) → hạn cuối 14/3/2022 (Thứ Hai)")
    assert trace_text(second, lang="en") == (
        "report for Q2 2022: before 15/6/2022 (Wednesday) → last day 14/6/2022 (Tuesday)")
    sunday = schedule([_rule("month", 25, wording="cham_nhat")], calendar=CALENDAR)
    september = next(d for d in sunday.deadlines if d.stated.month == 9)
    assert trace_text(september) == (
        "báo cáo tháng 9/2022: chậm nhất ngày 25/9/2022 (Chủ nhật, nghỉ) → lùi về 23/9/2022 "
        "(Thứ Sáu)")


@pytest.mark.parametrize(
    ("when", "vi", "en"),
    [
        (Recurring(frequency="quarter", day=15), "trước ngày 15 của tháng cuối quý (tháng 3, "
         "6, 9 và 12)", "before the 15th of March, June, September and December (every "
         "quarter)"),
        (Recurring(frequency="month", day=25), "trước ngày 25 hằng tháng",
         "before the 25th every month"),
        (Recurring(frequency="year", day=15, month=11), "trước ngày 15 tháng 11 hằng năm",
         "before the 15th of November every year"),
        (Recurring(frequency="half_year", day=-1), "trước ngày cuối cùng của tháng cuối kỳ 6 "
         "tháng (tháng 6 và 12)", "before the last day of June and December (every six "
         "months)"),
    ],
)
def test_the_rule_as_plans_word_it(when, vi, en):
    assert recurring_phrase(when, "truoc_ngay") == vi
    assert recurring_phrase(when, "truoc_ngay", lang="en") == en


@settings(max_examples=60, deadline=None)
@given(
    frequency=st.sampled_from(tuple(PERIOD_MONTHS)),
    day=st.one_of(st.integers(1, 28), st.just(-1)),
    position=st.integers(1, 12),
    last=st.booleans(),
    year=st.integers(2020, 2026),  # "trước ngày 1/1" looks back into the year before
    wording=st.sampled_from(("truoc_ngay", "cham_nhat", "den_het_ngay")),
)
def test_every_report_lands_on_a_working_day_in_its_month(frequency, day, position, last,
                                                          year, wording):
    length = PERIOD_MONTHS[frequency]
    month = -1 if last else (position - 1) % length + 1
    found = schedule([_rule(frequency, day, month, wording, year)], calendar=CALENDAR)
    deadlines = found.deadlines
    assert len(deadlines) == 12 // length  # one report per period of the year
    months = [d.stated.month for d in deadlines]
    assert months == sorted(months)
    assert len({(m - 1) // length for m in months}) == len(months)  # one in each period
    for deadline in deadlines:
        assert CALENDAR.is_working_day(deadline.due)
        assert deadline.due <= deadline.last_day <= deadline.stated  # rolled back, never on
        assert not any(CALENDAR.is_working_day(d)
                       for d in _days(deadline.due, deadline.last_day)[1:])


def _days(first: date, last: date) -> list[date]:
    from datetime import timedelta

    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"frequency": "quarter", "day": 31}, r"the day of a recurring report is 1 to 28, or -1"),
        ({"frequency": "quarter", "day": 15, "month": 4}, r"a quarter has 3 month\(s\)"),
        ({"frequency": "week", "day": 1}, r"frequency is 'month', 'quarter', 'half_year' or "
                                          r"'year', not 'week'"),
    ],
)
def test_impossible_rules_are_refused(kwargs, message):
    with pytest.raises(DeadlineError, match=message):
        Recurring(**kwargs)


def test_a_recurring_report_neither_feeds_nor_anchors():
    fed = Rule(id="tren", name="Trên", name_en="Upper", when=_rule().when)
    lower = Rule(id="duoi", name="Dưới", name_en="Lower", feeds="tren")
    with pytest.raises(DeadlineError, match="a recurring report has many dates"):
        schedule([fed, lower], calendar=CALENDAR)
    counted = Rule(id="sau", name="Sau", name_en="After", when=Relative(
        anchor=Anchor.parse("deadline:bao_cao"), amount=3))
    with pytest.raises(DeadlineError, match="'bao_cao' is a recurring report with many dates"):
        schedule([_rule(), counted], calendar=CALENDAR)


def test_a_rules_file_writes_every(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text(textwrap.dedent("""\
        year: 2022
        deadlines:
          - id: bao_cao_quy
            name: Báo cáo thi đua hằng quý
            every: {period: quarter, day: 15, month: last}
            wording: truoc_ngay
          - id: bao_cao_thang
            name: Báo cáo tháng
            every: {period: month, day: 25, from: 01/7/2022, to: 2022-09-30}
        """), encoding="utf-8")
    found = load_deadline_file(path).schedule(calendar=CALENDAR)
    quarterly = [d.due.isoformat() for d in found.deadlines if d.id == "bao_cao_quy"]
    assert quarterly == ["2022-03-14", "2022-06-14", "2022-09-14", "2022-12-14"]
    monthly = [d.stated.isoformat() for d in found.deadlines if d.id == "bao_cao_thang"]
    assert monthly == ["2022-07-25", "2022-08-25", "2022-09-25"]
    path.write_text(path.read_text(encoding="utf-8").replace("day: 15", "day: 30"),
                    encoding="utf-8")
    with pytest.raises(DeadlineError, match=r"rules.yaml:5: deadline 'bao_cao_quy', field "
                                            r"'every': the day of a recurring report is 1 to 28"):
        load_deadline_file(path)


PLAN = """\
id: cdcs-a
title: Kế hoạch thi đua năm 2022
organisation: {name: Công đoàn cơ sở A, level: cdcs}
issued: 05/01/2022
period: {year: 2022}
phases:
  split: halves
deadlines:
  - id: bao_cao_quy
    name: Báo cáo thi đua hằng quý
    every: {period: quarter, day: 15}
    wording: truoc_ngay
"""


def test_in_a_plan_reports_run_over_its_period_and_each_is_a_feed_event(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = load_plan_file(path).build(calendar=CALENDAR)
    assert [d.stated for d in result.schedule.deadlines] == [
        date(2022, 3, 15), date(2022, 6, 15), date(2022, 9, 15), date(2022, 12, 15)]
    items = [item for item in plan_items(result) if item.kind == "deadlines"]
    assert [item.uid for item in items] == [
        f"deadline-cdcs-a-2022-bao_cao_quy-2022-{m:02d}@thidua-calendar" for m in (3, 6, 9, 12)]
    assert [item.start for item in items] == [d.due for d in result.schedule.deadlines]
    # Moving the day keeps every UID: the same reports, on other days.
    path.write_text(PLAN.replace("day: 15", "day: 20"), encoding="utf-8")
    moved = load_plan_file(path).build(calendar=CALENDAR)
    assert [i.uid for i in plan_items(moved) if i.kind == "deadlines"] == [
        item.uid for item in items]


def test_a_plan_s_recurring_rule_error_names_its_line(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace("day: 15}", "day: 15, month: 5}"), encoding="utf-8")
    with pytest.raises((PlanError, DeadlineError), match=r"plan.yaml:11: .*a quarter has 3"):
        load_plan_file(path).build(calendar=CALENDAR)


def test_the_document_words_the_reports_in_its_reporting_part(tmp_path):
    from thidua_calendar.render.document import document_text

    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    text = document_text(load_plan_file(path).build(calendar=CALENDAR))
    deadlines, reporting = text.parts[2].sections if len(text.parts[2].sections) == 2 else (
        None, text.parts[2].sections[0])
    assert deadlines is None  # the only rule is recurring: no one-off deadline sentence
    assert reporting.heading == "1. Chế độ báo cáo"
    assert reporting.paragraphs[-1] == (
        "Báo cáo thi đua hằng quý trước ngày 15 của tháng cuối quý (tháng 3, 6, 9 và 12) "
        "(các kỳ báo cáo: 15/3/2022, 15/6/2022, 15/9/2022 và 15/12/2022).")
