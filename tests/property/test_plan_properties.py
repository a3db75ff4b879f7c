"""Properties of phases and plans that hold for every period, split and rule."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from thidua_calendar.anniversaries import occurrence, occurrences
from thidua_calendar.deadlines import Anchor, Relative, Rule
from thidua_calendar.files.catalog import builtin_catalog
from thidua_calendar.files.plan import parse_plan_file
from thidua_calendar.files.workdays import load_work_calendar
from thidua_calendar.phases import Period, Phase, attach, check_phases, split_period
from thidua_calendar.plan import Organisation, Plan, Selector, build_plan

CALENDAR = load_work_calendar()
CATALOG = builtin_catalog()


@st.composite
def periods(draw):
    start = draw(st.dates(min_value=date(2019, 1, 1), max_value=date(2033, 1, 1)))
    length = draw(st.integers(30, 800))
    return Period(start=start, end=start + timedelta(days=length))


@st.composite
def splits(draw):
    period = draw(periods())
    assert period.end is not None
    days = (period.end - period.start).days
    how = draw(st.one_of(
        st.sampled_from(["halves", "quarters"]),
        st.lists(st.integers(0, days - 1), min_size=1, max_size=5, unique=True).map(
            lambda offsets: [period.start + timedelta(days=n) for n in offsets]),
    ))
    return period, split_period(period, how)


@given(splits())
def test_generated_phases_cover_the_period_exactly(case):
    period, phases = case
    # Generated phases have no theme yet: that is the only thing to report.
    assert [p.kind for p in check_phases(phases, period)] == ["no_theme"] * len(phases)
    assert phases[0].start == period.start
    assert phases[-1].end == period.end
    assert sum((p.end - p.start).days + 1 for p in phases) == (period.end - period.start).days + 1


@given(splits(), st.data())
def test_every_day_of_the_period_lands_in_exactly_one_phase(case, data):
    period, phases = case
    offsets = data.draw(st.lists(st.integers(0, (period.end - period.start).days), max_size=20))
    items = [(f"x{n}", period.start + timedelta(days=offset))
             for n, offset in enumerate(offsets)]
    placed = attach(items, phases)
    for item_id, day in items:
        holders = [p.id for p in phases if p.contains(day)]
        assert holders == [placed[item_id]]


def _report_after_dot_1(end: date, rule: Rule, *, greet: tuple[Selector, ...] = ()) -> Plan:
    """A calendar year in two đợt, the first ending on ``end``, with one deadline rule."""
    start = date(end.year, 1, 1)
    phases = (
        Phase(id="dot_1", name="Đợt 1", name_en="Phase 1", start=start, end=end, theme="t"),
        Phase(id="dot_2", name="Đợt 2", name_en="Phase 2", start=end + timedelta(days=1),
              end=date(end.year, 12, 31), theme="t"),
    )
    return Plan(title="t", organisation=Organisation(name="o"), issued=start,
                period=Period(start=start, end=date(end.year, 12, 31)), phases=phases,
                greet=greet, deadlines=(rule,))


@given(
    year=st.integers(2020, 2030),
    end_day=st.integers(120, 240),
    shift=st.integers(-20, 20),
    amount=st.integers(1, 30),
)
@settings(max_examples=60, deadline=None)
def test_deadlines_derived_from_a_phase_end_move_with_it(year, end_day, shift, amount):
    rule = Rule(id="bao_cao", name="Báo cáo", name_en="Report", roll="none",
                when=Relative(anchor=Anchor.parse("phase:dot_1.end"), amount=amount))
    nd145 = (Selector(tags=("nd145",)),)
    end = date(year, 1, 1) + timedelta(days=end_day)
    before = build_plan(_report_after_dot_1(end, rule, greet=nd145), catalog=CATALOG,
                        calendar=CALENDAR)
    after = build_plan(_report_after_dot_1(end + timedelta(days=shift), rule, greet=nd145),
                       catalog=CATALOG, calendar=CALENDAR)
    moved = after.schedule.get("bao_cao").stated - before.schedule.get("bao_cao").stated
    assert moved == timedelta(days=shift)
    # Whatever the split, every greeted commemoration is in exactly one phase.
    for result in (before, after):
        ids = [(o.id, o.date) for p in result.phases for o in p.occurrences]
        assert len(ids) == len(set(ids))
        assert all(p.phase.contains(o.date) for p in result.phases for o in p.occurrences)


@given(
    year=st.integers(2020, 2030),
    end_day=st.integers(120, 240),
    shift=st.integers(0, 30),
    amount=st.integers(1, 20),
)
@settings(max_examples=60, deadline=None)
def test_working_day_deadlines_follow_a_phase_end_and_land_on_working_days(
        year, end_day, shift, amount):
    # The seeds' kind of rule: N working days after a đợt ends ("5 ngày làm việc sau đợt").
    rule = Rule(id="bao_cao", name="Báo cáo", name_en="Report",
                when=Relative(anchor=Anchor.parse("phase:dot_1.end"), amount=amount,
                              unit="working_days"))

    def report(end: date) -> date:
        return build_plan(_report_after_dot_1(end, rule), catalog=CATALOG,
                          calendar=CALENDAR).schedule.get("bao_cao").due

    end = date(year, 1, 1) + timedelta(days=end_day)
    due, later_due = report(end), report(end + timedelta(days=shift))
    for phase_end, day in ((end, due), (end + timedelta(days=shift), later_due)):
        assert CALENDAR.is_working_day(day)
        # Counted by hand: exactly `amount` working days after the end, up to the due day.
        counted = sum(CALENDAR.is_working_day(phase_end + timedelta(days=n))
                      for n in range(1, (day - phase_end).days + 1))
        assert counted == amount
    assert later_due >= due  # a đợt that ends later never brings its report forward


@given(periods(), st.sampled_from(["halves", "quarters"]))
@settings(max_examples=40, deadline=None)
def test_a_plan_greets_every_selected_day_of_its_period_once(period, how):
    # Counted independently: the nd145 days of each year, kept when they fall in the period.
    phases = tuple(Phase(id=p.id, name=p.name, name_en=p.name_en, start=p.start, end=p.end,
                         theme="t") for p in split_period(period, how))
    plan = Plan(title="t", organisation=Organisation(name="o"), issued=period.start,
                period=period, phases=phases, greet=(Selector(tags=("nd145",)),))
    result = build_plan(plan, catalog=CATALOG, calendar=CALENDAR)
    greeted = [(o.id, o.date) for p in result.phases for o in p.occurrences]
    expected = {(o.id, o.date) for year in range(period.start.year, period.end.year + 1)
                for o in occurrences(CATALOG, year, tags=["nd145"])
                if period.contains(o.date)}
    assert len(greeted) == len(set(greeted))
    assert set(greeted) == expected


@given(st.integers(2019, 2030), st.lists(st.sampled_from(
    ["thanh_lap_cong_doan_vn", "quoc_khanh", "nha_giao_viet_nam", "thuong_binh_liet_si"]),
    min_size=1, max_size=3, unique=True))
@settings(max_examples=40, deadline=None)
def test_school_terms_and_anniversary_splits_cover_their_period(year, anniversaries):
    head = "title: t\norganisation: {name: o}\n"
    school = parse_plan_file(
        f"{head}issued: {year}-08-15\nperiod: {{school_year: {year}}}\n"
        "phases: {split: school_terms}\n", "school.yaml").build(calendar=CALENDAR)
    split = ", ".join(f'"anniversary:{entry_id}"' for entry_id in anniversaries)
    calendar_year = parse_plan_file(
        f"{head}issued: {year}-01-02\nperiod: {{year: {year}}}\nphases: {{split: [{split}]}}\n",
        "year.yaml").build(calendar=CALENDAR)
    for result in (school, calendar_year):
        phases = [p.phase for p in result.phases]
        period = result.plan.period
        assert phases[0].start == period.start
        assert phases[-1].end == period.end
        for earlier, later in itertools.pairwise(phases):
            assert later.start == earlier.end + timedelta(days=1)
    # A đợt ends on each day the year is split at.
    ends = {p.phase.end for p in calendar_year.phases}
    for entry_id in anniversaries:
        day = occurrence(CATALOG.get(entry_id), year).date
        assert day in ends
        holder = next(p for p in calendar_year.phases if p.phase.contains(day))
        assert holder.phase.end == day
    assert len(school.phases) == 4
