"""Working days: known answers from the government's announcements, and the rules."""

from __future__ import annotations

import textwrap
from datetime import date, timedelta
from pathlib import Path

import holidays
import pytest

from thidua_calendar.errors import AnnouncementError, OutOfRangeError, UnknownEntryError
from thidua_calendar.files.workdays import (
    builtin_holiday_rules,
    load_holiday_rules,
    load_work_calendar,
)
from thidua_calendar.workdays import Swap, WorkCalendar, check_swap


def _d(text: str) -> date:
    return date.fromisoformat(text)


# The weekdays off and the weekend days worked of each year for the public sector, as the
# announcements and the press reports of them give them (data/workdays.yaml cites each).
ANNOUNCED = {
    2019: (
        "2019-01-01 2019-02-04 2019-02-05 2019-02-06 2019-02-07 2019-02-08 2019-04-15 "
        "2019-04-29 2019-04-30 2019-05-01 2019-09-02",
        "2019-01-05 2019-05-04",
    ),
    2020: (
        "2020-01-01 2020-01-23 2020-01-24 2020-01-27 2020-01-28 2020-01-29 2020-04-02 "
        "2020-04-30 2020-05-01 2020-09-02",
        "",
    ),
    2021: (
        "2021-01-01 2021-02-10 2021-02-11 2021-02-12 2021-02-15 2021-02-16 2021-04-21 "
        "2021-04-30 2021-05-03 2021-09-02 2021-09-03",
        "",
    ),
    2022: (
        "2022-01-03 2022-01-31 2022-02-01 2022-02-02 2022-02-03 2022-02-04 2022-04-11 "
        "2022-05-02 2022-05-03 2022-09-01 2022-09-02",
        "",
    ),
    2023: (
        "2023-01-02 2023-01-20 2023-01-23 2023-01-24 2023-01-25 2023-01-26 2023-05-01 "
        "2023-05-02 2023-05-03 2023-09-01 2023-09-04",
        "",
    ),
    2024: (
        "2024-01-01 2024-02-08 2024-02-09 2024-02-12 2024-02-13 2024-02-14 2024-04-18 "
        "2024-04-29 2024-04-30 2024-05-01 2024-09-02 2024-09-03",
        "2024-05-04",
    ),
    2025: (
        "2025-01-01 2025-01-27 2025-01-28 2025-01-29 2025-01-30 2025-01-31 2025-04-07 "
        "2025-04-30 2025-05-01 2025-05-02 2025-09-01 2025-09-02",
        "2025-04-26",
    ),
    2026: (
        "2026-01-01 2026-01-02 2026-02-16 2026-02-17 2026-02-18 2026-02-19 2026-02-20 "
        "2026-04-27 2026-04-30 2026-05-01 2026-08-31 2026-09-01 2026-09-02 2026-11-24",
        "2026-01-10 2026-08-22",
    ),
}


@pytest.fixture(scope="module")
def public() -> WorkCalendar:
    return load_work_calendar()


@pytest.fixture(scope="module")
def firms() -> WorkCalendar:
    return load_work_calendar(weekend="sun")


def _year_days(year: int):
    day = date(year, 1, 1)
    while day.year == year:
        yield day
        day += timedelta(days=1)


@pytest.mark.parametrize("year", sorted(ANNOUNCED))
def test_every_weekday_off_and_weekend_worked_matches_the_announcements(public, year):
    off, worked = ANNOUNCED[year]
    weekdays_off = {day for day in _year_days(year)
                    if day.weekday() < 5 and not public.is_working_day(day)}
    weekends_worked = {day for day in _year_days(year)
                       if day.weekday() >= 5 and public.is_working_day(day)}
    assert sorted(weekdays_off) == [_d(text) for text in off.split()]
    assert sorted(weekends_worked) == [_d(text) for text in worked.split()]
    assert public.announced(year)


def test_2025_saturday_26_april_worked_for_friday_2_may(public):
    worked = public.day_off(date(2025, 4, 26))
    off = public.day_off(date(2025, 5, 2))
    assert (worked.kind, worked.related, worked.is_working_day) == (
        "swapped_work", date(2025, 5, 2), True)
    assert (off.kind, off.related, off.is_working_day) == ("swapped_off", date(2025, 4, 26), False)


def test_2026_gio_to_on_sunday_gives_monday_off(public):
    sunday = public.day_off(date(2026, 4, 26))
    monday = public.day_off(date(2026, 4, 27))
    assert (sunday.kind, sunday.holiday) == ("holiday", "gio_to_hung_vuong")
    assert (monday.kind, monday.holiday, monday.related) == (
        "compensatory", "gio_to_hung_vuong", date(2026, 4, 26))
    assert monday.name == "Nghỉ bù Giỗ Tổ Hùng Vương"
    assert monday.law == "Bộ luật Lao động 2019, Điều 111 khoản 3"


def test_2019_counts_a_swap_whose_day_off_was_in_2018(public):
    saturday = public.day_off(date(2019, 1, 5))
    assert (saturday.kind, saturday.related) == ("swapped_work", date(2018, 12, 31))
    assert saturday.announcement == "Công văn 6519/VPCP-KGVX ngày 11/7/2018"


def test_the_2012_code_applies_to_2020_and_the_2019_code_from_2021(public):
    assert public.day_off(date(2020, 1, 28)).law == "Bộ luật Lao động 2012, Điều 115 khoản 3"
    assert public.day_off(date(2020, 9, 3)) is None  # Quốc khánh was one day
    assert public.day_off(date(2021, 9, 3)).holiday == "quoc_khanh_lien_ke"


@pytest.mark.parametrize(
    ("year", "statutory"),
    [(2019, 10), (2020, 10), (2021, 11), (2022, 11), (2023, 11), (2024, 11), (2025, 11),
     (2026, 12), (2030, 12)],
)
def test_the_number_of_holidays_is_the_law_s(public, year, statutory):
    # 10 days under the 2012 code, 11 under the 2019 code, 12 with Ngày Văn hóa Việt Nam.
    assert sum(day.kind == "holiday" for day in public.days_off(year)) == statutory


def test_stated_compensatory_days_agree_with_the_rule():
    # The loader checks them; this asserts the data states some, so the check is exercised.
    rules = builtin_holiday_rules()
    stated = {day for item in rules.announcements for day in item.compensatory}
    calendar = WorkCalendar(rules)
    computed = {day.date for year in range(2019, 2027) for day in calendar.days_off(year)
                if day.kind == "compensatory"}
    assert len(stated) == 19
    assert stated == computed


def test_next_year_is_estimated_not_guessed(public):
    tet = [day for day in public.days_off(2027) if day.holiday == "tet_nguyen_dan"]
    assert [day.date for day in tet] == [
        date(2027, 2, 4), date(2027, 2, 5), date(2027, 2, 6), date(2027, 2, 7), date(2027, 2, 8),
        date(2027, 2, 9), date(2027, 2, 10),
    ]
    assert all(day.estimated for day in tet)
    assert public.day_off(date(2027, 9, 3)).estimated
    assert not public.day_off(date(2027, 9, 2)).estimated  # 2/9 itself is the law's
    assert not public.day_off(date(2027, 4, 16)).estimated  # Giỗ Tổ is the law's
    assert not public.announced(2027)
    assert public.is_estimated(date(2027, 2, 9))
    assert public.estimated_between(date(2027, 1, 1), date(2027, 3, 1))
    assert not public.estimated_between(date(2026, 1, 1), date(2026, 12, 31))


@pytest.mark.parametrize(
    ("year", "first_day"),
    # Tết estimates against the announced years: Tuesday -> 1 day before, else 2.
    [(2019, date(2019, 2, 4)), (2020, date(2020, 1, 23)), (2021, date(2021, 2, 10)),
     (2022, date(2022, 1, 31)), (2023, date(2023, 1, 20)), (2024, date(2024, 2, 8)),
     (2025, date(2025, 1, 27)), (2026, date(2026, 2, 16))],
)
def test_the_tet_estimate_reproduces_every_announced_year(year, first_day):
    rules = builtin_holiday_rules()
    tet = next(holiday for holiday in rules.holidays if holiday.id == "tet_nguyen_dan")
    assert tet.estimated_days(year)[0] == first_day
    assert rules.announcement(year).days["tet_nguyen_dan"][0] == first_day


def test_quoc_khanh_estimate_reproduces_every_announced_year():
    rules = builtin_holiday_rules()
    adjacent = next(holiday for holiday in rules.holidays if holiday.id == "quoc_khanh_lien_ke")
    for year in range(2021, 2027):
        assert adjacent.estimated_days(year) == rules.announcement(year).days[adjacent.id]


def test_sunday_only_weekend_moves_compensatory_days_and_drops_swaps(firms):
    # 1/5/2021 was a Saturday: a working day for a Sunday-only firm, so no day in lieu.
    assert firms.is_working_day(date(2021, 5, 3))
    assert firms.day_off(date(2021, 5, 1)).kind == "holiday"
    # 1/5/2022 was a Sunday: the next working day is Monday 2/5... which 30/4 (Saturday,
    # a working day for the firm) does not claim, so only 2/5 is in lieu.
    assert firms.day_off(date(2022, 5, 2)).kind == "compensatory"
    assert firms.is_working_day(date(2022, 5, 3))
    # Swaps are the public sector's.
    assert firms.is_working_day(date(2025, 5, 2))
    assert firms.day_off(date(2025, 4, 26)) is None
    assert firms.is_working_day(date(2025, 4, 26))
    # Tết 2024 began on Saturday 10/2: Sunday 11/2 alone is compensated.
    lieu = [day.date for day in firms.days_off(2024) if day.kind == "compensatory"]
    assert lieu == [date(2024, 2, 13)]


def test_years_outside_the_range_are_an_error(public):
    with pytest.raises(OutOfRangeError, match="known from 2019 to 2100; 2018 is outside"):
        public.days_off(2018)
    with pytest.raises(OutOfRangeError, match="2101"):
        public.is_working_day(date(2101, 1, 3))
    with pytest.raises(OutOfRangeError):
        public.add_working_days(date(2019, 1, 2), -5)
    with pytest.raises(OutOfRangeError):
        public.add_working_days(date(2018, 12, 31), 1)  # the start itself is outside
    with pytest.raises(OutOfRangeError):
        public.roll(date(2018, 12, 31), "none")


def test_unknown_weekend_policy():
    with pytest.raises(UnknownEntryError, match="choose one of sat-sun, sun"):
        load_work_calendar(weekend="fri-sat")


def test_counting_and_rolling(public):
    # Giỗ Tổ 2022: Sunday 10/4, Monday 11/4 in lieu.
    assert public.roll(date(2022, 4, 11), "previous") == date(2022, 4, 8)
    assert public.roll(date(2022, 4, 11), "next") == date(2022, 4, 12)
    assert public.roll(date(2022, 4, 11), "none") == date(2022, 4, 11)
    assert public.roll(date(2022, 4, 12), "previous") == date(2022, 4, 12)
    assert public.add_working_days(date(2022, 4, 8), 1) == date(2022, 4, 12)
    assert public.add_working_days(date(2022, 4, 12), -1) == date(2022, 4, 8)
    assert public.add_working_days(date(2022, 4, 9), 0) == date(2022, 4, 9)
    assert public.working_days_between(date(2022, 4, 8), date(2022, 4, 12)) == 1
    assert public.working_days_between(date(2022, 4, 12), date(2022, 4, 8)) == -1
    # Tết 2025 takes the whole last week of January: its first working day is 3/2.
    assert public.nth_working_day(2025, 2, 1) == date(2025, 2, 3)
    assert public.nth_working_day(2025, 1, -1) == date(2025, 1, 24)
    assert public.nth_working_day(2026, 1, 1) == date(2026, 1, 5)  # 1/1 holiday, 2/1 swapped
    with pytest.raises(ValueError, match="fewer than 25 working days"):
        public.nth_working_day(2025, 1, 25)
    with pytest.raises(ValueError, match="n = 0 names no day"):
        public.nth_working_day(2025, 1, 0)


@pytest.mark.parametrize(
    ("swap", "message"),
    [
        (Swap(off=date(2025, 5, 2), work=date(2025, 4, 25)), "is a Friday, not a weekend day"),
        (Swap(off=date(2025, 5, 3), work=date(2025, 4, 26)), "is a Saturday, already a day off"),
        (Swap(off=date(2025, 12, 1), work=date(2025, 4, 26)), "more than 60 days apart"),
    ],
)
def test_impossible_swaps_are_refused(swap, message):
    assert message in check_swap(swap)


# -- next year's announcement in a user's file ------------------------------------------------

ANNOUNCEMENT_2027 = """\
announcements:
  - year: 2027
    title: Thông báo nghỉ Tết Đinh Mùi và Quốc khánh năm 2027
    days:
      tet_nguyen_dan: [2027-02-05, 2027-02-06, 2027-02-07, 2027-02-08, 2027-02-09]
      quoc_khanh_lien_ke: [2027-09-03]
    swaps:
      - {off: 2027-02-04, work: 2027-01-30}
    compensatory: [2027-02-10, 2027-02-11]
"""


def _write(tmp_path, text, name="2027.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_user_announcement_fixes_next_year(tmp_path):
    calendar = load_work_calendar(_write(tmp_path, ANNOUNCEMENT_2027))
    assert calendar.announced(2027)
    tet = [d.date for d in calendar.days_off(2027) if d.holiday == "tet_nguyen_dan"]
    assert tet[0] == date(2027, 2, 5)
    assert tet[-1] == date(2027, 2, 11)
    assert calendar.is_working_day(date(2027, 1, 30))
    assert not calendar.is_working_day(date(2027, 2, 4))
    assert calendar.day_off(date(2027, 2, 4)).announcement == (
        "Thông báo nghỉ Tết Đinh Mùi và Quốc khánh năm 2027")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("work: 2027-01-30", "work: 2027-01-29"),
         r"2027.yaml:8: announcement '2027', field 'swaps.0': the day worked, 2027-01-29, is "
         r"a Friday, not a weekend day"),
        (("2027-02-09]", "2027-02-09, 2027-02-10]"),
         r"2027.yaml:5: announcement '2027', field 'days.tet_nguyen_dan': Tết Nguyên đán "
         r"takes 5 different day\(s\), not 6"),
        (("[2027-09-03]", "[2027-09-31]"),
         r"2027.yaml:6: announcement '2027', field 'days.quoc_khanh_lien_ke.0': 2027-09-31 is "
         r"not a real date"),
        (("year: 2027", "year: 2026"),
         r"2027.yaml:2: announcement '2026', field 'year': the built-in data already has "
         r"the announcement for 2026; add 'replaces_builtin: true'"),
        (("year: 2027", "year: 2101"), r"2027.yaml:2: .*field 'year'"),
        (("quoc_khanh_lien_ke", "quoc_khanh"),
         r"field 'days.quoc_khanh': 'quoc_khanh' is not a holiday whose days are announced"),
        (("[2027-02-10, 2027-02-11]", "[2027-02-10, 2027-02-12]"),
         r"2027.yaml:9: announcement '2027', field 'compensatory.1': 2027-02-12 is not a day "
         r"in lieu .*\(those of 2027: 2027-02-10, 2027-02-11, 2027-05-03\)"),
        (("    title:", "    titel:"), r"2027.yaml:3: .*field 'titel': unknown field"),
        (("{off: 2027-02-04, work: 2027-01-30}", "{off: 2027-04-30, work: 2027-05-01}"),
         r"2027.yaml:8: announcement '2027', field 'swaps.0': the swap's day off, 2027-04-30, "
         r"is a holiday \(Victory Day \(30 April\)\)"),
        (("{off: 2027-02-04, work: 2027-01-30}", "{off: 2027-02-04, off: 2027-01-30}"),
         r"2027.yaml:8: field 'off': the key 'off' appears twice"),
    ],
)
def test_bad_announcements_name_file_line_and_field(tmp_path, change, message):
    text = ANNOUNCEMENT_2027.replace(*change)
    assert text != ANNOUNCEMENT_2027
    with pytest.raises(AnnouncementError, match=message):
        load_holiday_rules(_write(tmp_path, text))


def test_replacing_a_built_in_year_must_be_asked_for(tmp_path):
    text = ANNOUNCEMENT_2027.replace("year: 2027", "year: 2026\n    replaces_builtin: true")
    text = text.replace("2027-", "2026-").replace("2026-02-05, 2026-02-06, 2026-02-07, "
                                                  "2026-02-08, 2026-02-09",
                                                  "2026-02-16, 2026-02-17, 2026-02-18, "
                                                  "2026-02-19, 2026-02-20")
    text = text.replace("{off: 2026-02-04, work: 2026-01-30}", "{off: 2026-02-13, work: "
                        "2026-02-07}").replace("compensatory: [2026-02-10, 2026-02-11]\n", "")
    calendar = load_work_calendar(_write(tmp_path, text))
    assert not calendar.is_working_day(date(2026, 2, 13))
    # The replacement drops the built-in swaps of 2026.
    assert calendar.is_working_day(date(2026, 1, 2))


def test_unreadable_announcement_files(tmp_path):
    with pytest.raises(AnnouncementError, match=r"missing\.yaml: no such file"):
        load_holiday_rules(tmp_path / "missing.yaml")
    with pytest.raises(AnnouncementError, match="the file is empty"):
        load_holiday_rules(_write(tmp_path, ""))
    with pytest.raises(AnnouncementError,
                       match=r"2027.yaml:2: field 'year': the file is not valid YAML"):
        load_holiday_rules(_write(tmp_path, "announcements: [\n  - year: 2027\n"))


# -- where the holidays package is right, and where it is not, for Vietnam ---------------------


def _holidays_weekdays_off(year):
    known = holidays.country_holidays("VN", years=year, language="vi")
    return {day for day in known if day.weekday() < 5}


def _our_weekdays_off(calendar, year):
    return {day for day in _year_days(year)
            if day.weekday() < 5 and not calendar.is_working_day(day)}


@pytest.mark.parametrize("year", range(2019, 2026))
def test_holidays_package_agrees_on_the_weekdays_off_of_2019_to_2025(public, year):
    assert _holidays_weekdays_off(year) == _our_weekdays_off(public, year)


def test_holidays_package_misses_the_new_year_swap_of_2026(public):
    # Công văn 12729/VPCP-KGVX (25/12/2025): Friday 2/1/2026 off, Saturday 10/1 worked.
    assert _our_weekdays_off(public, 2026) - _holidays_weekdays_off(2026) == {date(2026, 1, 2)}
    assert _holidays_weekdays_off(2026) - _our_weekdays_off(public, 2026) == set()


def test_holidays_package_cannot_say_a_saturday_is_worked(public):
    # A deadline "trước ngày 27/4/2025" ends on Saturday 26/4, which was a working day.
    known = holidays.country_holidays("VN", years=2025)
    assert date(2025, 4, 26) not in known  # nothing marks it; a weekend test calls it off
    assert public.is_working_day(date(2025, 4, 26))
    assert public.roll(date(2025, 4, 26), "previous") == date(2025, 4, 26)


def test_holidays_package_guesses_next_year_without_saying_so(public):
    known = holidays.country_holidays("VN", years=2027, language="vi")
    assert date(2027, 2, 4) in known
    assert "dự kiến" not in known[date(2027, 2, 4)]
    assert public.day_off(date(2027, 2, 4)).estimated


def test_holidays_package_assumes_a_saturday_sunday_week(firms):
    known = holidays.country_holidays("VN", years=2021, language="vi")
    assert date(2021, 5, 3) in known  # in lieu of Saturday 1/5
    assert firms.is_working_day(date(2021, 5, 3))  # not for a Sunday-only firm


def test_holidays_package_is_silent_outside_its_range(public):
    assert dict(holidays.country_holidays("VN", years=1900)) == {}
    with pytest.raises(OutOfRangeError):
        public.days_off(1900)


# -- the shipped snapshot -----------------------------------------------------------------------


def test_builtin_workdays_snapshot_is_current():
    """Fails after an edit of data/workdays.yaml: run scripts/snapshot_data.py."""
    from importlib import resources

    from thidua_calendar.files.workdays import snapshot_json

    root = Path(__file__).resolve().parent.parent
    shipped = resources.files("thidua_calendar").joinpath("_builtin_workdays.json")
    source = (root / "data" / "workdays.yaml").read_text(encoding="utf-8")
    assert shipped.read_text(encoding="utf-8") == snapshot_json(source)


def test_snapshot_and_full_validation_give_the_same_rules():
    from thidua_calendar.files.workdays import BUILTIN_PATH, rules_from_record, rules_to_record
    from thidua_calendar.files.workdays_schema import parse_holiday_rules

    root = Path(__file__).resolve().parent.parent
    validated = parse_holiday_rules((root / "data" / "workdays.yaml").read_text(
        encoding="utf-8"), BUILTIN_PATH)
    assert builtin_holiday_rules() == validated
    assert rules_from_record(rules_to_record(validated)) == validated


def test_working_days_load_without_pydantic():
    import subprocess
    import sys

    code = ("import sys; from thidua_calendar.files.workdays import load_work_calendar; "
            "load_work_calendar().days_off(2026); "
            "print('pydantic' in sys.modules, 'yaml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out == "False False\n"


# -- found in review: each a case that once went wrong ------------------------------------------


@pytest.mark.parametrize("day", ["2027-09-02", "2027-08-31", "2027-09-04"])
def test_the_adjacent_day_of_quoc_khanh_is_1_or_3_september(tmp_path, day):
    # Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ: 2/9 and one day next to it.  2/9
    # itself was once accepted, and the year lost a holiday.
    text = ANNOUNCEMENT_2027.replace("[2027-09-03]", f"[{day}]")
    with pytest.raises(AnnouncementError) as caught:
        load_holiday_rules(_write(tmp_path, text))
    assert str(caught.value) == (
        f"{tmp_path / '2027.yaml'}:6: announcement '2027', field 'days.quoc_khanh_lien_ke': "
        f"Quốc khánh (ngày liền kề) falls on 2027-09-01 or 2027-09-03, not {day}")


def test_the_adjacent_day_may_be_either_side_of_2_september(tmp_path):
    text = ANNOUNCEMENT_2027.replace("[2027-09-03]", "[2027-09-01]")
    calendar = load_work_calendar(_write(tmp_path, text))
    assert calendar.day_off(date(2027, 9, 1)).holiday == "quoc_khanh_lien_ke"
    assert calendar.is_working_day(date(2027, 9, 3))


def test_the_estimates_stay_within_the_days_the_law_allows():
    holidays_ = builtin_holiday_rules().holidays
    assert [h.id for h in holidays_ if h.allowed_offsets] == ["quoc_khanh_lien_ke"]
    for holiday in holidays_:
        if holiday.allowed_offsets:
            offsets = {offset for value in holiday.estimate.values() for offset in value}
            assert offsets <= set(holiday.allowed_offsets)


@pytest.mark.parametrize("year", range(2027, 2101))
def test_a_day_in_lieu_placed_by_an_estimated_day_is_estimated(public, year):
    # 2/9/2029 is a Sunday: its day in lieu is 4/9 only because the estimated second day
    # of Quốc khánh takes Monday 3/9.  It was once marked as certain.
    days = public.days_off(year)
    by_date = {status.date: status for status in days}
    for status in days:
        if status.kind != "compensatory":
            continue
        skipped = [by_date[status.related + timedelta(days=n)]
                   for n in range(1, (status.date - status.related).days)
                   if status.related + timedelta(days=n) in by_date]
        depends = by_date[status.related].estimated or any(s.estimated for s in skipped)
        assert status.estimated == depends, status


def test_2029_national_day_in_lieu_is_estimated(public):
    monday, tuesday = public.day_off(date(2029, 9, 3)), public.day_off(date(2029, 9, 4))
    assert (monday.holiday, monday.estimated) == ("quoc_khanh_lien_ke", True)
    assert (tuesday.kind, tuesday.related, tuesday.estimated) == (
        "compensatory", date(2029, 9, 2), True)
    assert not public.day_off(date(2029, 9, 2)).estimated


def test_a_deadline_rolled_over_an_estimated_day_in_lieu_says_so(public):
    from thidua_calendar.deadlines import OnDate, Rule
    from thidua_calendar.render.deadlines import render_schedule, trace_text
    from thidua_calendar.scheduling import schedule

    rule = Rule(id="x", name="Việc", name_en="Task", when=OnDate(date=date(2029, 9, 4)),
                roll="next")
    found = schedule([rule], calendar=public).get("x")
    assert (found.due, found.estimated) == (date(2029, 9, 5), True)
    assert trace_text(found) == (
        "chậm nhất ngày 4/9/2029 (Thứ Ba, nghỉ bù Quốc khánh, dự kiến) → dời sang 5/9/2029 "
        "(Thứ Tư)")
    assert "Thứ Tư 5/9/2029 (dự kiến)" in render_schedule(schedule([rule], calendar=public))


@pytest.mark.parametrize(
    ("swaps", "message"),
    [
        ("      - {off: 2027-04-29, work: 2027-04-24}\n"
         "      - {off: 2027-04-29, work: 2027-04-17}\n",
         r"2027.yaml:9: announcement '2027', field 'swaps.1': the day off 2027-04-29 is "
         r"already swapped \(swaps.0 of the announcement for 2027, worked on 2027-04-24\); a "
         r"day is swapped once"),
        ("      - {off: 2027-04-29, work: 2027-04-24}\n"
         "      - {off: 2027-04-28, work: 2027-04-24}\n",
         r"2027.yaml:9: announcement '2027', field 'swaps.1': the day worked 2027-04-24 is "
         r"already swapped \(swaps.0 of the announcement for 2027, off on 2027-04-29\); a "
         r"day is swapped once"),
    ],
)
def test_a_day_cannot_be_swapped_twice(tmp_path, swaps, message):
    text = ANNOUNCEMENT_2027.replace("      - {off: 2027-02-04, work: 2027-01-30}\n", swaps)
    assert text != ANNOUNCEMENT_2027
    with pytest.raises(AnnouncementError, match=message):
        load_holiday_rules(_write(tmp_path, text))


def test_an_announcement_given_in_two_files_names_both(tmp_path):
    first = _write(tmp_path, ANNOUNCEMENT_2027, "a.yaml")
    second = _write(tmp_path, ANNOUNCEMENT_2027, "b.yaml")
    with pytest.raises(AnnouncementError) as caught:
        load_holiday_rules(first, second)
    assert str(caught.value) == (
        f"{second}:2: announcement '2027', field 'year': the announcement for 2027 is given "
        f"twice, in {first} and in {second}; pass it once")
    with pytest.raises(AnnouncementError) as caught:
        load_holiday_rules(first, first)
    assert str(caught.value) == (
        f"{first}:2: announcement '2027', field 'year': the announcement for 2027 is given "
        f"twice, in {first} and in {first} (the same file was passed twice); pass it once")


def test_the_rules_file_keeps_estimates_within_the_allowed_offsets():
    from thidua_calendar.files.workdays_schema import parse_holiday_rules

    root = Path(__file__).resolve().parent.parent
    text = (root / "data" / "workdays.yaml").read_text(encoding="utf-8")
    changed = text.replace("      sun: [1]\n", "      sun: [2]\n")
    assert changed != text
    with pytest.raises(AnnouncementError, match=(
            r"workdays.yaml:\d+: field 'holidays.6': the estimate for 'sun' takes offset 2, "
            r"which allowed_offsets \(-1, 1\) does not allow")):
        parse_holiday_rules(changed, "workdays.yaml")


def _noted_items():
    import yaml

    root = Path(__file__).resolve().parent.parent
    data = yaml.safe_load((root / "data" / "workdays.yaml").read_text(encoding="utf-8"))
    return data, [item for key in ("holidays", "announcements") for item in data[key]
                  if item.get("note")]


def test_every_document_a_note_names_is_cited_or_said_unread():
    # A note once gave Công văn 10065/VPCP-KGVX as a basis of the data, which no source
    # cited and nobody had read.
    import re

    data, items = _noted_items()
    cited = " ".join(
        [item.get("title", "") for item in data["announcements"]]
        + [swap.get("document") or "" for item in data["announcements"]
           for swap in item.get("swaps", [])]
        + [source["title"] for key in ("holidays", "announcements") for item in data[key]
           for source in item["sources"]]
    )
    for item in items:
        for sentence in re.split(r"(?<=\.)\s+", item["note"]):
            for number in re.findall(r"\d+/(?:VPCP-KGVX|TB-[A-ZĐ]+|\d{4}/QH\d+)", sentence):
                # Cited, or the same sentence says it was not read or is disputed.
                assert number in cited or re.search(r"not read|none read|disagree", sentence), (
                    item.get("id") or item.get("year"), number)


def test_a_full_text_cited_but_not_read_says_so_in_its_title():
    # A note said the text of Nghị quyết 28/2026/QH16 "could not be read" while a source
    # was titled "Toàn văn Nghị quyết…" (its full text) with nothing saying it was unread.
    _, items = _noted_items()
    for item in items:
        if "not read" in item["note"] or "could not be read" in item["note"]:
            for source in item["sources"]:
                if "Toàn văn" in source["title"]:
                    assert "not read" in source["title"], source["title"]


def test_the_holidays_package_is_pinned_to_the_release_these_tests_describe():
    # The tests above assert exactly what `holidays` gets right and wrong; unpinned, a new
    # release that fixes 2/1/2026 would fail them for no fault of this library.
    import tomllib
    from importlib.metadata import version

    from packaging.requirements import Requirement

    root = Path(__file__).resolve().parent.parent
    extra = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["optional-dependencies"]["test"]
    (pin,) = [Requirement(text) for text in extra if Requirement(text).name == "holidays"]
    assert any(spec.operator == "<" for spec in pin.specifier)
    assert pin.specifier.contains(version("holidays"))
