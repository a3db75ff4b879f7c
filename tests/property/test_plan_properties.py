"""Properties of phases and plans that hold for every period, split and rule."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from thidua_calendar.catalog import builtin_catalog
from thidua_calendar.deadlines import Anchor, Relative, Rule
from thidua_calendar.phases import Period, Phase, attach, check_phases, split_period
from thidua_calendar.plan import Organisation, Plan, Selector, build_plan
from thidua_calendar.workdays_data import load_work_calendar

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


@given(
    year=st.integers(2020, 2030),
    end_day=st.integers(120, 240),
    shift=st.integers(-20, 20),
    amount=st.integers(1, 30),
)
@settings(max_examples=60, deadline=None)
def test_deadlines_derived_from_a_phase_end_move_with_it(year, end_day, shift, amount):
    def plan_ending(end: date) -> Plan:
        start = date(year, 1, 1)
        phases = (
            Phase(id="dot_1", name="Đợt 1", name_en="Phase 1", start=start, end=end, theme="t"),
            Phase(id="dot_2", name="Đợt 2", name_en="Phase 2", start=end + timedelta(days=1),
                  end=date(year, 12, 31), theme="t"),
        )
        rule = Rule(id="bao_cao", name="Báo cáo", name_en="Report", roll="none",
                    when=Relative(anchor=Anchor.parse("phase:dot_1.end"), amount=amount))
        return Plan(title="t", organisation=Organisation(name="o"), issued=start,
                    period=Period(start=start, end=date(year, 12, 31)), phases=phases,
                    greet=(Selector(tags=("nd145",)),), deadlines=(rule,))

    end = date(year, 1, 1) + timedelta(days=end_day)
    before = build_plan(plan_ending(end), catalog=CATALOG, calendar=CALENDAR)
    after = build_plan(plan_ending(end + timedelta(days=shift)), catalog=CATALOG,
                       calendar=CALENDAR)
    moved = after.schedule.get("bao_cao").stated - before.schedule.get("bao_cao").stated
    assert moved == timedelta(days=shift)
    # Whatever the split, every greeted commemoration is in exactly one phase.
    for result in (before, after):
        ids = [(o.id, o.date) for p in result.phases for o in p.occurrences]
        assert len(ids) == len(set(ids))
        assert all(p.phase.contains(o.date) for p in result.phases for o in p.occurrences)
