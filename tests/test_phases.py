"""Phases: splitting a period, checking coverage, attaching dated items."""

from __future__ import annotations

from datetime import date

import pytest

from thidua_calendar.errors import PhaseError
from thidua_calendar.phases import Period, Phase, attach, check_phases, split_period

YEAR_2022 = Period(start=date(2022, 1, 1), end=date(2022, 12, 31))


def _phase(phase_id, start, end, theme="Chủ đề"):
    return Phase(id=phase_id, name=phase_id, name_en=phase_id, start=start, end=end,
                 theme=theme)


def test_halves_and_quarters_of_a_calendar_year():
    halves = split_period(YEAR_2022, "halves")
    assert [(p.name, p.start, p.end) for p in halves] == [
        ("Đợt 1", date(2022, 1, 1), date(2022, 6, 30)),
        ("Đợt 2", date(2022, 7, 1), date(2022, 12, 31)),
    ]
    quarters = split_period(YEAR_2022, "quarters")
    assert [p.end for p in quarters] == [date(2022, 3, 31), date(2022, 6, 30),
                                         date(2022, 9, 30), date(2022, 12, 31)]


def test_halves_of_a_school_year_split_at_a_month():
    school = Period(start=date(2022, 9, 1), end=date(2023, 5, 31))
    first, second = split_period(school, "halves")
    # Its middle is 15/1/2023; the nearest first of a month is 1 January.
    assert (first.end, second.start) == (date(2022, 12, 31), date(2023, 1, 1))


def test_split_at_chosen_dates():
    # Seed 001's đợt ends on the union's day; a second one would start the next day.
    phases = split_period(YEAR_2022, [date(2022, 7, 28)], names=["Thi đua đợt", "Đợt 2"])
    assert [(p.name, p.start, p.end) for p in phases] == [
        ("Thi đua đợt", date(2022, 1, 1), date(2022, 7, 28)),
        ("Đợt 2", date(2022, 7, 29), date(2022, 12, 31)),
    ]
    with pytest.raises(PhaseError, match="not inside the period"):
        split_period(YEAR_2022, [date(2023, 1, 5)])
    with pytest.raises(PhaseError, match="makes 2 phases but 3 names"):
        split_period(YEAR_2022, "halves", names=["a", "b", "c"])
    with pytest.raises(PhaseError, match="no end cannot be split"):
        split_period(Period(start=date(2021, 9, 14), end=None), "halves")


def test_check_reports_overlaps_gaps_and_reversed_phases():
    problems = check_phases(
        [_phase("a", date(2022, 1, 1), date(2022, 6, 30)),
         _phase("b", date(2022, 6, 15), date(2022, 9, 30)),
         _phase("c", date(2022, 10, 5), date(2022, 12, 1), theme=None)],
        YEAR_2022,
    )
    assert [(p.kind, p.phases, p.first, p.last) for p in problems] == [
        ("no_theme", ("c",), None, None),
        ("overlap", ("a", "b"), date(2022, 6, 15), date(2022, 6, 30)),
        ("gap", ("b", "c"), date(2022, 10, 1), date(2022, 10, 4)),
        ("gap", ("c",), date(2022, 12, 2), date(2022, 12, 31)),
    ]
    allowed = check_phases(
        [_phase("a", date(2022, 1, 1), date(2022, 6, 30)),
         _phase("b", date(2022, 6, 15), date(2022, 9, 30))],
        YEAR_2022, allow_gaps=True, allow_overlaps=True,
    )
    assert allowed == ()
    reversed_ = check_phases([_phase("a", date(2022, 6, 30), date(2022, 1, 1))], YEAR_2022,
                             allow_gaps=True)
    assert [p.kind for p in reversed_] == ["reversed"]


def test_an_open_ended_phase_must_be_last():
    open_period = Period(start=date(2021, 9, 14), end=None)
    assert check_phases([_phase("a", date(2021, 9, 14), None)], open_period) == ()
    problems = check_phases(
        [_phase("a", date(2021, 9, 14), None), _phase("b", date(2022, 1, 1), None)],
        open_period,
    )
    assert [p.kind for p in problems] == ["open_not_last"]


def test_attach_by_date_and_by_lead_up():
    # Seed 004: Đợt 1 (11/2019 - 31/3/2020) greets 11/4/2020, which it leads up to.
    phases = [_phase("dot_1", date(2019, 11, 1), date(2020, 3, 31)),
              _phase("dot_2", date(2020, 4, 1), date(2020, 12, 31))]
    items = [("dang", date(2020, 2, 3)), ("bac_kan", date(2020, 4, 11)),
             ("bac_ho", date(2020, 5, 19)), ("sau", date(2021, 1, 5))]
    assert attach(items, phases) == {"dang": "dot_1", "bac_kan": "dot_2", "bac_ho": "dot_2",
                                     "sau": None}
    assert attach(items, phases, lead_up={"bac_kan": "dot_1"})["bac_kan"] == "dot_1"
    with pytest.raises(PhaseError, match="contains it already"):
        attach(items, phases, lead_up={"bac_ho": "dot_2"})
    with pytest.raises(PhaseError, match="'dot_2' starts after 'dang'"):
        attach(items, phases, lead_up={"dang": "dot_2"})
    with pytest.raises(PhaseError, match="no phase has the id 'dot_9'"):
        attach(items, phases, lead_up={"dang": "dot_9"})
