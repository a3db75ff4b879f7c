"""Properties of working days and deadlines that hold for every date and every rule."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from thidua_calendar.deadlines import (
    Anchor,
    NamedDate,
    OnDate,
    Relative,
    Rule,
)
from thidua_calendar.files.workdays import load_work_calendar
from thidua_calendar.scheduling import schedule

PUBLIC = load_work_calendar()
FIRMS = load_work_calendar(weekend="sun")
CALENDARS = st.sampled_from([PUBLIC, FIRMS])
# Years with announcements and some without, away from the range's ends: 45 working days
# (the most a rule below counts) before 15/4/2019 is still in 2019, Tết included.
DAYS = st.dates(min_value=date(2019, 4, 15), max_value=date(2035, 10, 1))
ANCHOR = "phase:dot_1.end"


def _anchors(day: date) -> dict[str, NamedDate]:
    return {ANCHOR: NamedDate(name="kết thúc Đợt 1", name_en="end of Phase 1", date=day)}


@given(calendar=CALENDARS, day=DAYS, policy=st.sampled_from(["previous", "next"]))
def test_a_rolled_date_is_a_working_day_next_to_the_original(calendar, day, policy):
    rolled = calendar.roll(day, policy)
    assert calendar.is_working_day(rolled)
    low, high = sorted((day, rolled))
    # Every day strictly between the original and the rolled one is a day off.
    between = [low + timedelta(days=n) for n in range(1, (high - low).days)]
    assert not any(calendar.is_working_day(other) for other in between)
    assert (rolled <= day) if policy == "previous" else (rolled >= day)


@given(calendar=CALENDARS, day=DAYS, count=st.integers(-40, 40))
def test_adding_working_days_counts_exactly_that_many(calendar, day, count):
    result = calendar.add_working_days(day, count)
    assert calendar.working_days_between(day, result) == count
    if count:
        assert calendar.is_working_day(result)
        assert calendar.add_working_days(result, -count) == calendar.roll(
            day, "previous" if count > 0 else "next")


@given(calendar=CALENDARS, day=DAYS, n=st.integers(1, 15))
def test_the_nth_working_day_has_n_minus_one_before_it_in_its_month(calendar, day, n):
    nth = calendar.nth_working_day(day.year, day.month, n)
    assert calendar.is_working_day(nth)
    first = nth.replace(day=1)
    earlier = [first + timedelta(days=k) for k in range((nth - first).days)]
    assert sum(calendar.is_working_day(other) for other in earlier) == n - 1


@given(year=st.integers(2019, 2060))
def test_every_holiday_on_a_rest_day_has_its_day_in_lieu(year):
    for calendar in (PUBLIC, FIRMS):
        days = calendar.days_off(year)
        on_rest = [d for d in days if d.kind == "holiday" and calendar.is_rest_day(d.date)
                   and d.holiday != "ngay_van_hoa_viet_nam"]
        lieu = [d for d in days if d.kind == "compensatory"]
        assert len(lieu) == len(on_rest)
        for day in lieu:
            assert day.date > day.related
            assert not calendar.is_rest_day(day.date)


@given(
    calendar=CALENDARS,
    anchor=DAYS,
    amount=st.integers(0, 45),
    unit=st.sampled_from(["days", "working_days"]),
    direction=st.sampled_from(["after", "before"]),
    wording=st.sampled_from(["truoc_ngay", "cham_nhat", "den_het_ngay", "ngay"]),
    roll=st.sampled_from(["previous", "next", "none"]),
)
@settings(max_examples=300)
def test_a_deadline_never_crosses_its_anchor(
    calendar, anchor, amount, unit, direction, wording, roll
):
    rule = Rule(
        id="x", name="Việc", name_en="Task", wording=wording, roll=roll,
        when=Relative(anchor=Anchor.parse(ANCHOR), amount=amount, unit=unit,
                      direction=direction),
    )
    found = schedule([rule], calendar=calendar, anchors=_anchors(anchor)).get("x")
    last = found.last_day
    if roll != "none":
        assert calendar.is_working_day(found.due)
    # Rolling never takes the last day across the anchor: counted after it, a last day on
    # or after it gives a due date on or after it; counted before it, on or before it.
    if direction == "after":
        # Only "trước ngày" 0 days after the anchor ends before it: the day before.
        assert (last < anchor) == (wording == "truoc_ngay" and amount == 0)
        if last >= anchor:
            assert found.due >= anchor
    else:
        assert last <= anchor
        assert found.due <= anchor
    # Otherwise the rule's own policy decides, and the guard only steps in to stop a crossing.
    usual = last if roll == "none" else calendar.roll(last, roll)
    if found.guarded:
        other = "next" if roll == "previous" else "previous"
        assert (usual < anchor <= last) or (last <= anchor < usual)
        assert found.due == calendar.roll(last, other)
    else:
        assert found.due == usual
    assert found.rolled == (found.due != last)


@given(
    calendar=CALENDARS,
    parent_day=DAYS,
    child_offset=st.integers(-30, 30),
    lead=st.integers(0, 10),
    derived=st.booleans(),
    parent_roll=st.sampled_from(["previous", "next", "none"]),
)
@settings(max_examples=300)
def test_a_lower_level_deadline_after_its_parent_is_always_reported(
    calendar, parent_day, child_offset, lead, derived, parent_roll
):
    parent = Rule(id="tren", name="Cấp trên", name_en="Upper", roll=parent_roll,
                  when=OnDate(date=parent_day))
    child = Rule(
        id="duoi", name="Cấp dưới", name_en="Lower", feeds="tren", lead_working_days=lead,
        when=None if derived else OnDate(date=parent_day + timedelta(days=child_offset)),
    )
    found = schedule([parent, child], calendar=calendar)
    child_due, parent_due = found.get("duoi").due, found.get("tren").due
    reported = bool(found.conflicts)
    if derived:
        # A date derived from the parent's is never reported, even from a day off.
        assert not reported
        assert child_due == calendar.roll(calendar.add_working_days(parent_due, -lead),
                                          "previous")
    if child_due > parent_due:
        assert reported
    if not reported:
        assert child_due <= parent_due
        assert child_due <= calendar.add_working_days(parent_due, -lead)
