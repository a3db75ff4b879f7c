"""Deadline rules: the seeds' deadlines, traces word for word, cascades, and bad rules."""

from __future__ import annotations

import re
import textwrap
from datetime import date
from pathlib import Path

import pytest

from thidua_calendar.deadlines import (
    Anchor,
    Audience,
    NamedDate,
    NthWorkingDay,
    OnDate,
    Relative,
    Rule,
    Variant,
    Window,
)
from thidua_calendar.errors import DeadlineError
from thidua_calendar.files.deadlines import load_deadline_file
from thidua_calendar.files.workdays import load_work_calendar
from thidua_calendar.render.deadlines import conflict_text, deadline_phrase, trace_text
from thidua_calendar.scheduling import schedule

ROOT = Path(__file__).resolve().parent.parent
SEED_001 = ROOT / "examples" / "deadlines" / "seed-001.yaml"


@pytest.fixture(scope="module")
def calendar():
    return load_work_calendar()


def _phase(end: date, name: str = "Đợt 1") -> dict[str, NamedDate]:
    return {"phase:dot_1.end": NamedDate(name=f"kết thúc {name}", name_en="end of Phase 1",
                                         date=end)}


def _after(days: int, *, unit="days", anchor="phase:dot_1.end"):
    return Relative(anchor=Anchor.parse(anchor), amount=days, unit=unit)


# -- seed 001: the deadlines a real plan printed -------------------------------------------


@pytest.fixture(scope="module")
def seed_001(calendar):
    return load_deadline_file(SEED_001).schedule(calendar=calendar)


@pytest.mark.parametrize(
    ("rule", "audience", "stated", "due"),
    [
        # "trước ngày 12/4/2022": 11/4 was the day in lieu of Giỗ Tổ (Sunday 10/4).
        ("dang_ky", None, date(2022, 4, 12), date(2022, 4, 8)),
        # "trước ngày 10/7/2022": a Sunday; the day before is a Saturday.
        ("ho_so_khen_thuong", None, date(2022, 7, 10), date(2022, 7, 8)),
        ("cdcs_ke_hoach", None, date(2022, 4, 4), date(2022, 4, 1)),
        ("cdcs_ke_hoach", "giao_duc", date(2022, 8, 26), date(2022, 8, 25)),
        ("cdcs_khen_thuong", None, date(2022, 11, 30), date(2022, 11, 29)),
        ("cdcs_khen_thuong", "giao_duc", date(2023, 5, 25), date(2023, 5, 24)),
        ("bao_cao_dot_1", None, date(2022, 8, 12), date(2022, 8, 12)),
    ],
)
def test_seed_001_deadlines(seed_001, rule, audience, stated, due):
    deadline = seed_001.get(rule, audience)
    assert (deadline.stated, deadline.due, deadline.estimated) == (stated, due, False)


def test_seed_001_traces_word_for_word(seed_001):
    dang_ky = seed_001.get("dang_ky")
    assert trace_text(dang_ky) == (
        "trước ngày 12/4/2022 (Thứ Ba) → hạn cuối 11/4/2022 (Thứ Hai, nghỉ bù Giỗ Tổ Hùng "
        "Vương) → lùi về 8/4/2022 (Thứ Sáu)"
    )
    assert trace_text(dang_ky, lang="en") == (
        "before 12/4/2022 (Tuesday) → last day 11/4/2022 (Monday, day off in lieu of Hung "
        "Kings' Commemoration Day) → moved back to 8/4/2022 (Friday)"
    )
    assert trace_text(seed_001.get("ho_so_khen_thuong")) == (
        "trước ngày 10/7/2022 (Chủ nhật, nghỉ) → hạn cuối 9/7/2022 (Thứ Bảy, nghỉ) → lùi về "
        "8/7/2022 (Thứ Sáu)"
    )
    assert deadline_phrase(seed_001.get("cdcs_khen_thuong", "giao_duc"),
                           date_style="dd/mm/yyyy") == "trước ngày 25/05/2023"


def test_seed_001_education_deadline_falls_after_the_one_it_feeds(seed_001):
    assert [(c.child.rule.id, c.child.audience.id if c.child.audience else None,
             c.parent.rule.id) for c in seed_001.conflicts] == [
        ("cdcs_ke_hoach", "giao_duc", "dang_ky")]
    assert conflict_text(seed_001.conflicts[0]) == (
        "“CĐCS gửi kế hoạch và bảng đăng ký thi đua (khối Giáo dục)”: hạn Thứ Năm 25/8/2022 "
        "muộn hơn hạn cấp trên “Đăng ký thi đua” (Thứ Sáu 8/4/2022) mà nó phục vụ"
    )


# -- rule kinds and their traces -------------------------------------------------------------


def test_calendar_days_after_a_phase_end(calendar):
    rule = Rule(id="bao_cao", name="Báo cáo", name_en="Report", when=_after(15))
    found = schedule([rule], calendar=calendar, anchors=_phase(date(2022, 6, 30)))
    assert trace_text(found.get("bao_cao")) == (
        "kết thúc Đợt 1: 30/6/2022 + 15 ngày = 15/7/2022 (Thứ Sáu)")
    assert trace_text(found.get("bao_cao"), lang="en") == (
        "end of Phase 1: 30/6/2022 + 15 days = 15/7/2022 (Friday)")


@pytest.mark.parametrize(
    ("roll", "due", "trace_end"),
    [
        ("previous", date(2022, 7, 15), "→ lùi về 15/7/2022 (Thứ Sáu)"),
        ("next", date(2022, 7, 18), "→ dời sang 18/7/2022 (Thứ Hai)"),
        ("none", date(2022, 7, 16), "→ giữ nguyên dù là ngày nghỉ"),
    ],
)
def test_rolling_off_a_saturday(calendar, roll, due, trace_end):
    rule = Rule(id="bao_cao", name="Báo cáo", name_en="Report", when=_after(15), roll=roll)
    found = schedule([rule], calendar=calendar, anchors=_phase(date(2022, 7, 1))).get("bao_cao")
    assert found.due == due
    assert trace_text(found) == (
        f"kết thúc Đợt 1: 1/7/2022 + 15 ngày = 16/7/2022 (Thứ Bảy, nghỉ) {trace_end}")


def test_working_days_skip_quoc_khanh(calendar):
    rule = Rule(id="nop", name="Nộp", name_en="Submit", when=_after(3, unit="working_days"))
    found = schedule([rule], calendar=calendar, anchors=_phase(date(2022, 8, 31))).get("nop")
    assert found.due == date(2022, 9, 7)
    assert trace_text(found) == (
        "kết thúc Đợt 1: 31/8/2022 + 3 ngày làm việc = 7/9/2022 (Thứ Tư)")


def test_rolling_never_crosses_the_anchor(calendar):
    # The anchor is Sunday 10/4/2022 (Giỗ Tổ); one day later is its day in lieu.  Rolling
    # back would land on Friday 8/4, before the anchor, so the date moves forward.
    rule = Rule(id="x", name="Việc", name_en="Task", when=_after(1))
    found = schedule([rule], calendar=calendar, anchors=_phase(date(2022, 4, 10))).get("x")
    assert found.due == date(2022, 4, 12)
    assert trace_text(found).endswith(
        "→ dời sang 12/4/2022 (Thứ Ba) (vì lùi về sẽ vượt qua mốc tính)")
    assert trace_text(found, lang="en").endswith(
        "→ moved forward to 12/4/2022 (Tuesday) (moving back would cross the anchor)")
    assert found.guarded


def test_nth_working_day(calendar):
    rule = Rule(id="x", name="Việc", name_en="Task",
                when=NthWorkingDay(year=2025, month=2, n=1))
    found = schedule([rule], calendar=calendar).get("x")
    assert found.due == date(2025, 2, 3)
    assert trace_text(found) == "ngày làm việc thứ 1 của tháng 2/2025 = 3/2/2025 (Thứ Hai)"
    last = Rule(id="y", name="Việc", name_en="Task",
                when=NthWorkingDay(year=2025, month=1, n=-1))
    assert trace_text(schedule([last], calendar=calendar).get("y"), lang="en") == (
        "last working day of 1/2025 = 24/1/2025 (Friday)")


def test_a_window(calendar):
    rule = Rule(id="tuan", name="Tuần cao điểm", name_en="Peak week",
                when=Window(start=OnDate(date=date(2022, 7, 25)),
                            end=OnDate(date=date(2022, 7, 31))))
    found = schedule([rule], calendar=calendar).get("tuan")
    assert (found.start, found.due) == (date(2022, 7, 25), date(2022, 7, 29))
    assert deadline_phrase(found) == "từ ngày 25/7/2022 đến ngày 31/7/2022"
    assert deadline_phrase(found, lang="en") == "from 25/7/2022 to 31/7/2022"
    assert trace_text(found) == (
        "từ ngày 25/7/2022 (Thứ Hai) đến ngày 31/7/2022 (Chủ nhật, nghỉ) → lùi về 29/7/2022 "
        "(Thứ Sáu)")


@pytest.mark.parametrize(
    ("wording", "vi", "en", "due"),
    [
        ("truoc_ngay", "trước ngày 15/7/2022", "before 15/7/2022", date(2022, 7, 14)),
        ("cham_nhat", "chậm nhất ngày 15/7/2022", "no later than 15/7/2022", date(2022, 7, 15)),
        ("den_het_ngay", "đến hết ngày 15/7/2022", "by the end of 15/7/2022", date(2022, 7, 15)),
        ("ngay", "ngày 15/7/2022", "on 15/7/2022", date(2022, 7, 15)),
    ],
)
def test_wordings_keep_what_the_document_said(calendar, wording, vi, en, due):
    rule = Rule(id="x", name="Việc", name_en="Task", when=OnDate(date=date(2022, 7, 15)),
                wording=wording)
    found = schedule([rule], calendar=calendar).get("x")
    assert (deadline_phrase(found), deadline_phrase(found, lang="en"), found.due) == (vi, en, due)


def test_an_estimated_day_makes_the_deadline_estimated(calendar):
    # Tết 2027 has not been announced: a date counted across it is an estimate.
    rule = Rule(id="x", name="Việc", name_en="Task", when=_after(5, unit="working_days"))
    found = schedule([rule], calendar=calendar, anchors=_phase(date(2027, 2, 1))).get("x")
    # 2, 3 February, then the estimated Tết and its days in lieu (4-10), then 11, 12, 15.
    assert found.due == date(2027, 2, 15)
    assert found.estimated
    before = schedule([rule], calendar=calendar, anchors=_phase(date(2026, 2, 9))).get("x")
    assert not before.estimated


# -- audiences and cascades ------------------------------------------------------------------

GIAO_DUC = Audience(id="giao_duc", name="khối Giáo dục", name_en="education sector")


def _upper() -> Rule:
    return Rule(
        id="dang_ky", name="Đăng ký thi đua", name_en="Registration",
        when=OnDate(date=date(2022, 4, 12)), wording="truoc_ngay",
        variants=(Variant(audience=GIAO_DUC, when=OnDate(date=date(2022, 8, 26))),),
    )


def test_a_lower_level_derives_its_deadline_with_a_lead_time(calendar):
    lower = Rule(id="cdcs", name="CĐCS đăng ký", name_en="Grassroots registration",
                 feeds="dang_ky", lead_working_days=3, level="cdcs")
    found = schedule([_upper(), lower], calendar=calendar)
    assert found.get("cdcs").due == date(2022, 4, 5)
    # The audience of the upper rule is inherited, with its own date.
    assert found.get("cdcs", "giao_duc").due == date(2022, 8, 22)
    assert found.conflicts == ()
    assert trace_text(found.get("cdcs")) == (
        "hạn “Đăng ký thi đua”: 8/4/2022 - 3 ngày làm việc = 5/4/2022 (Thứ Ba)")
    assert trace_text(found.get("cdcs", "giao_duc"), lang="en") == (
        "deadline “Registration (education sector)”: 25/8/2022 - 3 working days = 22/8/2022 "
        "(Monday)")


def test_a_lead_time_too_short_is_reported(calendar):
    lower = Rule(id="cdcs", name="CĐCS đăng ký", name_en="Grassroots registration",
                 when=OnDate(date=date(2022, 4, 7)), feeds="dang_ky", lead_working_days=3)
    found = schedule([_upper(), lower], calendar=calendar)
    (conflict,) = found.conflicts
    assert (conflict.available, conflict.lead_working_days) == (1, 3)
    assert conflict_text(conflict) == (
        "“CĐCS đăng ký”: hạn Thứ Năm 7/4/2022 chỉ cách hạn cấp trên “Đăng ký thi đua” "
        "(Thứ Sáu 8/4/2022) 1 ngày làm việc, cần 3")
    assert conflict_text(conflict, lang="en") == (
        "“Grassroots registration”: due Thursday 7/4/2022, only 1 working day(s) before "
        "“Registration” (Friday 8/4/2022); it needs 3")


def test_a_deadline_anchor_counts_from_the_upper_due_date(calendar):
    report = Rule(id="bao_cao", name="Báo cáo", name_en="Report",
                  when=_after(2, unit="working_days", anchor="deadline:dang_ky"))
    found = schedule([_upper(), report], calendar=calendar)
    assert found.get("bao_cao").due == date(2022, 4, 13)
    assert found.get("bao_cao", "giao_duc").due == date(2022, 8, 29)


# -- bad rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rules", "anchors", "message"),
    [
        ([Rule(id="x", name="X", name_en="X", when=_after(3, anchor="phase:dot_3.end"))],
         _phase(date(2022, 6, 30)),
         "deadline 'x', field 'after.anchor': unknown anchor 'phase:dot_3.end'; the anchors "
         "known here are: phase:dot_1.end"),
        ([_upper(), Rule(id="x", name="X", name_en="X", feeds="dang_ky", lead_working_days=-2)],
         {}, "deadline 'x', field 'lead_working_days': the lead time is -2 working days; it "
         "cannot be negative"),
        ([_upper(), Rule(id="x", name="X", name_en="X", feeds="dang_kyy")], {},
         "deadline 'x', field 'feeds': no deadline rule has the id 'dang_kyy'; did you mean "
         "dang_ky?"),
        ([Rule(id="x", name="X", name_en="X",
               when=Window(start=OnDate(date=date(2022, 7, 31)),
                           end=OnDate(date=date(2022, 7, 25))))], {},
         "deadline 'x', field 'window': the window ends on 2022-07-25, before it starts on "
         "2022-07-31"),
        ([Rule(id="x", name="X", name_en="X",
               when=Window(start=OnDate(date=date(2022, 4, 30)),
                           end=OnDate(date=date(2022, 5, 3))))], {},
         "field 'window': the window from 2022-04-30 to 2022-05-03 holds no working day"),
        ([Rule(id="a", name="A", name_en="A", when=_after(1, anchor="deadline:b")),
          Rule(id="b", name="B", name_en="B", when=_after(1, anchor="deadline:a"))], {},
         "the rules depend on each other in a circle: "),
        ([Rule(id="x", name="X", name_en="X", when=_after(3))],
         {"phase:dot_1.end": NamedDate(name="kết thúc Đợt 1", name_en="end of Phase 1",
                                       date=None)},
         "end of Phase 1 has no date (an open-ended phase has no end to count from)"),
        ([Rule(id="x", name="X", name_en="X")], {}, "deadline 'x': the rule has no date"),
        ([_upper(), _upper()], {}, "deadline 'dang_ky', field 'id': the id is used by two rules"),
        ([Rule(id="x", name="X", name_en="X", when=NthWorkingDay(year=2022, month=2, n=20))],
         {}, "field 'nth_working_day.n': 2/2022 has fewer than 20 working days"),
    ],
)
def test_bad_rules_are_one_sentence(calendar, rules, anchors, message):
    with pytest.raises(DeadlineError) as caught:
        schedule(rules, calendar=calendar, anchors=anchors)
    assert message in str(caught.value)


def test_anchor_syntax():
    assert str(Anchor.parse("anniversary:cong_doan_viet_nam@2022")) == (
        "anniversary:cong_doan_viet_nam@2022")
    assert Anchor.parse(" phase:dot_2.start ").kind == "phase_start"
    with pytest.raises(ValueError, match=r"not an anchor; write phase:ID\.start"):
        Anchor.parse("phase:dot_1")


# -- rules from files ------------------------------------------------------------------------

GOOD = """\
year: 2022
phases:
  - id: dot_1
    name: Đợt 1
    start: 2022-01-01
    end: 2022-06-30
deadlines:
  - id: bao_cao
    name: Báo cáo kết quả Đợt 1
    after: {anchor: "phase:dot_1.end", days: 15}
  - id: cong_doan
    name: Nộp báo cáo trước Ngày thành lập Công đoàn
    before: {anchor: "anniversary:thanh_lap_cong_doan_vn", working_days: 5}
"""


def _file(tmp_path, text):
    path = tmp_path / "rules.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_deadline_file(path)


def test_a_rules_file_resolves_phases_and_anniversaries(tmp_path, calendar):
    found = _file(tmp_path, GOOD).schedule(calendar=calendar)
    assert found.get("bao_cao").due == date(2022, 7, 15)
    assert found.get("cong_doan").due == date(2022, 7, 21)
    assert trace_text(found.get("cong_doan")).startswith(
        "Ngày thành lập Công đoàn Việt Nam: 28/7/2022 - 5 ngày làm việc = 21/7/2022")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('"phase:dot_1.end"', '"phase:dot_9.end"'),
         r"rules.yaml:10: deadline 'bao_cao', field 'after.anchor': unknown anchor "
         r"'phase:dot_9.end'"),
        (('"phase:dot_1.end"', '"dot_1.end"'),
         r"rules.yaml:10: deadline 'bao_cao', field 'after.anchor': 'dot_1.end' is not an "
         r"anchor"),
        (("days: 15}", "days: 15, working_days: 3}"),
         r"rules.yaml:10: deadline 'bao_cao', field 'after': give either days or working_days"),
        (("    after: {anchor", "    date: 2022-07-15\n    after: {anchor"),
         r"rules.yaml:11: deadline 'bao_cao', field 'after': give one of date, after, before, "
         r"nth_working_day, window, every; not date and after"),
        (("end: 2022-06-30", "end: 2021-06-30"),
         r"rules.yaml:6: field 'end': the phase 'dot_1' ends on 2021-06-30, before it starts"),
        (("end: 2022-06-30", "end: 2022-06-31"),
         r"rules.yaml:6: field 'phases.0.end': 2022-06-31 is not a real date"),
        (("thanh_lap_cong_doan_vn", "cong_doan"),
         r"rules.yaml:13: deadline 'cong_doan', field 'before.anchor': no catalog entry has "
         r"the id 'cong_doan'"),
        (("year: 2022\n", ""),
         r"rules.yaml:12: deadline 'cong_doan', field 'before.anchor': the anchor "
         r"'anniversary:thanh_lap_cong_doan_vn' needs a year"),
        (("    after: {anchor: \"phase:dot_1.end\", days: 15}",
          "    feeds: cong_doan\n    lead_working_days: -2"),
         r"rules.yaml:11: deadline 'bao_cao', field 'lead_working_days': the lead time is -2 "
         r"working days; it cannot be negative"),
        (("    after: {anchor: \"phase:dot_1.end\", days: 15}",
          "    window: {from: 2022-07-31, to: \"phase:dot_1.end\"}"),
         r"rules.yaml:10: deadline 'bao_cao', field 'window': the window ends on 2022-06-30, "
         r"before it starts on 2022-07-31"),
        (("    name: Báo cáo kết quả Đợt 1\n", "    name: Báo cáo\n    wording: truoc\n"),
         r"rules.yaml:10: deadline 'bao_cao', field 'wording': Input should be 'truoc_ngay', "
         r"'cham_nhat', 'den_het_ngay' or 'ngay'"),
    ],
)
def test_bad_rule_files_name_file_line_rule_and_field(tmp_path, calendar, change, message):
    text = GOOD.replace(*change)
    assert text != GOOD
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DeadlineError, match=message):
        load_deadline_file(path).schedule(calendar=calendar)


# -- found in review: each a case that once went wrong ------------------------------------------


def test_audiences_are_matched_by_id_not_by_spelling(calendar):
    upper = Rule(id="q", name="Q", name_en="Q", when=OnDate(date=date(2026, 3, 20)),
                 variants=(Variant(audience=Audience(id="gd", name="GD", name_en="GD"),
                                   when=OnDate(date=date(2026, 3, 10))),))
    lower = Rule(id="d", name="D", name_en="D", feeds="q", when=OnDate(date=date(2026, 3, 5)),
                 variants=(Variant(audience=Audience(id="gd", name="Khối GD", name_en="Ed"),
                                   when=OnDate(date=date(2026, 3, 12))),))
    found = schedule([upper, lower], calendar=calendar)
    assert [(c.child.audience.id, c.parent.audience.id) for c in found.conflicts] == [
        ("gd", "gd")]


def test_an_audience_only_the_upper_rule_has_is_checked_against_the_lower_default(calendar):
    upper = Rule(id="q", name="Q", name_en="Q", when=OnDate(date=date(2026, 3, 20)),
                 variants=(Variant(audience=GIAO_DUC, when=OnDate(date=date(2026, 3, 10))),))
    lower = Rule(id="d", name="D", name_en="D", feeds="q", when=OnDate(date=date(2026, 3, 16)))
    (conflict,) = schedule([upper, lower], calendar=calendar).conflicts
    assert (conflict.child.audience, conflict.parent.audience.id) == (None, "giao_duc")


def test_a_date_derived_from_a_parent_on_a_day_off_is_not_reported(calendar):
    upper = Rule(id="p", name="P", name_en="P", when=OnDate(date=date(2026, 3, 15)),
                 roll="none")
    lower = Rule(id="c", name="C", name_en="C", feeds="p", lead_working_days=2)
    found = schedule([upper, lower], calendar=calendar)
    assert found.get("c").due == date(2026, 3, 12)
    assert found.conflicts == ()


def test_a_window_counting_from_a_deadline_inherits_its_audiences(calendar):
    window = Rule(id="w", name="W", name_en="W",
                  when=Window(start=OnDate(date=date(2022, 3, 1)),
                              end=Relative(anchor=Anchor.parse("deadline:dang_ky"), amount=0)))
    found = schedule([_upper(), window], calendar=calendar)
    assert found.get("w", "giao_duc").due == date(2022, 8, 25)
    assert found.get("w").due == date(2022, 4, 8)
    assert "mở từ" not in trace_text(found.get("w"))


def test_a_variant_may_count_from_its_own_rule_s_default(calendar):
    rule = Rule(id="b", name="B", name_en="B", when=OnDate(date=date(2022, 4, 12)),
                variants=(Variant(audience=GIAO_DUC, when=Relative(
                    anchor=Anchor.parse("deadline:b"), amount=3, unit="working_days")),))
    assert schedule([rule], calendar=calendar).get("b", "giao_duc").due == date(2022, 4, 15)


def test_a_real_circle_through_an_audience_names_it(calendar):
    first = Rule(id="a", name="A", name_en="A", when=OnDate(date=date(2022, 4, 12)),
                 variants=(Variant(audience=GIAO_DUC, when=Relative(
                     anchor=Anchor.parse("deadline:b"), amount=1)),))
    second = Rule(id="b", name="B", name_en="B",
                  when=Relative(anchor=Anchor.parse("deadline:a"), amount=1))
    with pytest.raises(DeadlineError, match=r"circle: a \(giao_duc\) -> b \(giao_duc\) -> "
                                            r"a \(giao_duc\)"):
        schedule([first, second], calendar=calendar)


def test_guarded_truoc_ngay_is_flagged(calendar):
    # The phase ends on Saturday 7/3/2026; "trước ngày" two days later leaves Sunday 8/3 as
    # the last day, and rolling back would fall before the phase's end.
    rule = Rule(id="a", name="A", name_en="A", when=_after(2), wording="truoc_ngay")
    found = schedule([rule], calendar=calendar, anchors=_phase(date(2026, 3, 7))).get("a")
    assert (found.stated, found.due, found.guarded) == (date(2026, 3, 9), date(2026, 3, 9), True)


def test_estimates_count_only_where_they_matter(calendar):
    nth = Rule(id="n", name="N", name_en="N", when=NthWorkingDay(year=2027, month=2, n=5))
    assert schedule([nth], calendar=calendar).get("n").estimated
    # Calendar days jump over the estimated Tết without depending on it.
    jump = Rule(id="j", name="J", name_en="J", when=_after(30))
    found = schedule([jump], calendar=calendar, anchors=_phase(date(2027, 1, 20))).get("j")
    assert (found.due, found.estimated) == (date(2027, 2, 19), False)


def test_a_window_opening_on_a_day_off_says_when_it_opens(calendar):
    rule = Rule(id="w", name="W", name_en="W",
                when=Window(start=OnDate(date=date(2026, 3, 1)),
                            end=OnDate(date=date(2026, 3, 6))))
    found = schedule([rule], calendar=calendar).get("w")
    assert found.start == date(2026, 3, 2)
    assert trace_text(found) == (
        "từ ngày 1/3/2026 (Chủ nhật, nghỉ) đến ngày 6/3/2026 (Thứ Sáu) → mở từ 2/3/2026 "
        "(Thứ Hai)")


def test_a_lead_time_needs_a_rule_to_feed(calendar):
    rule = Rule(id="c", name="C", name_en="C", when=OnDate(date=date(2022, 4, 1)),
                lead_working_days=2)
    with pytest.raises(DeadlineError, match="field 'lead_working_days': a lead time needs"):
        schedule([rule], calendar=calendar)


def test_a_date_outside_the_working_day_range_is_located(tmp_path, calendar):
    path = tmp_path / "rules.yaml"
    path.write_text("deadlines:\n  - id: cu\n    name: Cũ\n    date: 2018-05-03\n",
                    encoding="utf-8")
    with pytest.raises(DeadlineError, match=r"rules.yaml:4: deadline 'cu', field 'date': "
                                            r"working days are known from 2019 to 2100"):
        load_deadline_file(path).schedule(calendar=calendar)


@pytest.mark.parametrize(
    ("count", "field", "message"),
    [
        # Past the last date Python can hold: once an OverflowError with a traceback.
        ("days: 100000000", "after.days",
         "counting 100000000 days after 2022-01-05 goes past the years whose working days "
         "are known (2019-2100)"),
        ("days: 40000", "after.days",
         "counting 40000 days after 2022-01-05 goes past the years whose working days are "
         "known (2019-2100)"),
        ("working_days: 100000000", "after.working_days",
         "counting 100000000 working days after 2022-01-05 goes past the years whose working "
         "days are known (2019-2100)"),
    ],
)
def test_a_count_beyond_the_known_years_is_located(tmp_path, calendar, count, field, message):
    path = tmp_path / "rules.yaml"
    path.write_text(
        "deadlines:\n  - {id: a, name: A, date: 2022-01-05}\n  - id: b\n    name: B\n"
        f'    after: {{anchor: "deadline:a", {count}}}\n', encoding="utf-8")
    with pytest.raises(DeadlineError) as caught:
        load_deadline_file(path).schedule(calendar=calendar)
    assert str(caught.value) == f"{path}:5: deadline 'b', field '{field}': {message}"


def test_a_lead_time_beyond_the_known_years_is_located(calendar):
    upper = Rule(id="p", name="P", name_en="P", when=OnDate(date=date(2022, 5, 10)))
    for lower in (
        Rule(id="c", name="C", name_en="C", feeds="p", lead_working_days=10**6),
        Rule(id="c", name="C", name_en="C", feeds="p", lead_working_days=10**6,
             when=OnDate(date=date(2022, 5, 5))),
    ):
        with pytest.raises(DeadlineError, match=(
                r"^deadline 'c', field 'lead_working_days': counting 1000000 working days "
                r"before 2022-05-10 goes past the years whose working days are known")):
            schedule([upper, lower], calendar=calendar)


def test_rules_feeding_each_other_in_a_circle_are_an_error(calendar):
    # Once accepted with a warning that the lower level's deadline fell after the upper one.
    first = Rule(id="a", name="A", name_en="A", when=OnDate(date=date(2022, 5, 5)), feeds="b")
    second = Rule(id="b", name="B", name_en="B", when=OnDate(date=date(2022, 5, 10)),
                  feeds="a")
    lead_in = Rule(id="c", name="C", name_en="C", when=OnDate(date=date(2022, 5, 2)),
                   feeds="a")
    with pytest.raises(DeadlineError) as caught:
        schedule([lead_in, first, second], calendar=calendar)
    assert str(caught.value) == (
        "deadline 'a', field 'feeds': the rules feed each other in a circle: a -> b -> a; "
        "a rule feeds one at a higher level, never one that feeds it back")


def test_a_feeds_circle_in_a_file_is_located(tmp_path, calendar):
    path = tmp_path / "rules.yaml"
    path.write_text("deadlines:\n  - {id: a, name: A, date: 2022-05-05, feeds: b}\n"
                    "  - {id: b, name: B, date: 2022-05-10, feeds: a}\n", encoding="utf-8")
    with pytest.raises(DeadlineError, match=r"rules.yaml:2: deadline 'a', field 'feeds': the "
                                            r"rules feed each other in a circle: a -> b -> a"):
        load_deadline_file(path).schedule(calendar=calendar)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("    nth_working_day: {month: 2023-01, n: 25}\n",
         "rules.yaml:4: deadline 'a', field 'nth_working_day.n': 1/2023 has fewer than 25 "
         "working days (it has 16)"),
        ("    nth_working_day: {month: 2023-01, n: -30}\n",
         "rules.yaml:4: deadline 'a', field 'nth_working_day.n': 1/2023 has fewer than 30 "
         "working days (it has 16)"),
        ("    nth_working_day: {month: 2023-01, n: 0}\n",
         "rules.yaml:4: deadline 'a', field 'nth_working_day.n': n = 0 names no day; count "
         "working days from 1 (the first) or from -1 (the last)"),
        ("    nth_working_day: {month: 2018-01, n: 1}\n",
         "rules.yaml:4: deadline 'a', field 'nth_working_day.month': working days are known "
         "from 2019 to 2100; 2018 is outside that range"),
        ('    after: {anchor: "phase:dot_1.end", days: -5}\n',
         "rules.yaml:4: deadline 'a', field 'after.days': a count cannot be negative (got -5); "
         "write after: or before: to choose the direction"),
        ('    before: {anchor: "phase:dot_1.end", working_days: -1}\n',
         "rules.yaml:4: deadline 'a', field 'before.working_days': a count cannot be negative "
         "(got -1); write after: or before: to choose the direction"),
        ('    after: {anchor: "anniversary:quoc_khanh@2101", days: 5}\n',
         "rules.yaml:4: deadline 'a', field 'after.anchor': year 2101 is outside the supported "
         "range 1900-2100"),
        ('    window: {from: 2022-07-01, to: "anniversary:quoc_khanh@1899"}\n',
         "rules.yaml:4: deadline 'a', field 'window.to': year 1899 is outside the supported "
         "range 1900-2100"),
    ],
)
def test_bad_counts_are_plain_located_sentences(tmp_path, calendar, rule, message):
    path = tmp_path / "rules.yaml"
    path.write_text("deadlines:\n  - id: a\n    name: A\n" + rule +
                    "phases:\n  - {id: dot_1, name: Đợt 1, start: 2022-01-01, "
                    "end: 2022-06-30}\n", encoding="utf-8")
    with pytest.raises(DeadlineError) as caught:
        load_deadline_file(path).schedule(calendar=calendar)
    assert str(caught.value) == f"{tmp_path}/{message}"


def test_a_file_without_rules_says_so_plainly(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text("deadlines: []\n", encoding="utf-8")
    with pytest.raises(DeadlineError) as caught:
        load_deadline_file(path)
    assert str(caught.value) == (
        f"{path}:1: field 'deadlines': the list is empty; give at least 1 item")


@pytest.mark.parametrize(
    ("wording", "vi", "en", "due"),
    [
        # "trước ngày 10/7": 9/7 is the last day, and the phrase must not say "đến ngày 10/7".
        ("truoc_ngay", "từ ngày 30/6/2022 đến trước ngày 10/7/2022",
         "from 30/6/2022 to before 10/7/2022", date(2022, 7, 8)),
        ("den_het_ngay", "từ ngày 30/6/2022 đến hết ngày 10/7/2022",
         "from 30/6/2022 to the end of 10/7/2022", date(2022, 7, 8)),
        ("cham_nhat", "từ ngày 30/6/2022 đến ngày 10/7/2022", "from 30/6/2022 to 10/7/2022",
         date(2022, 7, 8)),
    ],
)
def test_a_window_keeps_the_document_s_wording(calendar, wording, vi, en, due):
    rule = Rule(id="w", name="W", name_en="W", wording=wording,
                when=Window(start=OnDate(date=date(2022, 6, 30)),
                            end=OnDate(date=date(2022, 7, 10))))
    found = schedule([rule], calendar=calendar).get("w")
    assert (deadline_phrase(found), deadline_phrase(found, lang="en"), found.due) == (
        vi, en, due)


def test_a_truoc_ngay_window_trace_agrees_with_its_phrase(calendar):
    rule = Rule(id="w", name="W", name_en="W", wording="truoc_ngay",
                when=Window(start=OnDate(date=date(2022, 6, 30)),
                            end=OnDate(date=date(2022, 7, 10))))
    found = schedule([rule], calendar=calendar).get("w")
    assert trace_text(found) == (
        "từ ngày 30/6/2022 (Thứ Năm) đến trước ngày 10/7/2022 (Chủ nhật, nghỉ) → hạn cuối "
        "9/7/2022 (Thứ Bảy, nghỉ) → lùi về 8/7/2022 (Thứ Sáu)")
    assert trace_text(found, lang="en") == (
        "from 30/6/2022 (Thursday) to before 10/7/2022 (Sunday, day off) → last day 9/7/2022 "
        "(Saturday, day off) → moved back to 8/7/2022 (Friday)")


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        # Saturday 2/7 to before Monday 4/7: only a weekend, which once rolled back to 1/7,
        # before the window opened.
        (date(2022, 7, 2), date(2022, 7, 4),
         "the window from 2022-07-02 to before 2022-07-04 holds no working day"),
        (date(2022, 7, 4), date(2022, 7, 4),
         "the window ends before 2022-07-04 (its last day is 2022-07-03), before it starts on "
         "2022-07-04"),
    ],
)
def test_a_truoc_ngay_window_ends_the_day_before(calendar, start, end, message):
    rule = Rule(id="w", name="W", name_en="W", wording="truoc_ngay",
                when=Window(start=OnDate(date=start), end=OnDate(date=end)))
    with pytest.raises(DeadlineError, match=re.escape(f"field 'window': {message}")):
        schedule([rule], calendar=calendar)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Relative(anchor=Anchor.parse("phase:dot_1.end"), amount=-3),
         "field 'amount': a count cannot be negative (got -3); count back with "
         "direction='before'"),
        (lambda: Relative(anchor=Anchor.parse("phase:dot_1.end"), amount=3, unit="weeks"),
         "field 'unit': unit is 'days' or 'working_days', not 'weeks'"),
        (lambda: Relative(anchor=Anchor.parse("phase:dot_1.end"), amount=3, direction="since"),
         "field 'direction': direction is 'after' or 'before', not 'since'"),
        (lambda: Relative(anchor=Anchor.parse("phase:dot_1.end"), amount=True),
         "field 'amount': a count is a whole number of days, not True"),
        (lambda: Rule(id="x", name="X", name_en="X", when=_after(3), roll="back"),
         "deadline 'x', field 'roll': roll is 'previous', 'next' or 'none', not 'back'"),
        (lambda: Rule(id="x", name="X", name_en="X", when=_after(3), wording="truoc"),
         "deadline 'x', field 'wording': wording is 'truoc_ngay', 'cham_nhat', "
         "'den_het_ngay' or 'ngay', not 'truoc'"),
        (lambda: NthWorkingDay(year=2023, month=1, n=0),
         "field 'n': n = 0 names no day; count working days from 1 (the first) or from -1 "
         "(the last)"),
        (lambda: NthWorkingDay(year=2023, month=13, n=1),
         "field 'month': the month is 1 to 12, not 13"),
    ],
)
def test_rules_built_in_code_are_checked_like_files(make, message):
    # The library once took amount=-3 ("1/7/2022 + -3 ngày"), roll="back" as "next" and an
    # unknown wording (a bare KeyError when printed).
    with pytest.raises(DeadlineError) as caught:
        make()
    assert str(caught.value) == message


def test_truoc_ngay_the_anchor_itself_rolls_back_freely(calendar):
    # "Trước ngày kết thúc Đợt 1", the phase ending on Monday 4/7/2022: the last day is
    # Sunday 3/7, already before the anchor, so rolling back to Friday 1/7 crosses nothing.
    # The guard once moved it to Monday 4/7, a day the wording excludes.
    rule = Rule(id="a", name="A", name_en="A", when=_after(0), wording="truoc_ngay")
    found = schedule([rule], calendar=calendar, anchors=_phase(date(2022, 7, 4))).get("a")
    assert (found.last_day, found.due, found.guarded) == (
        date(2022, 7, 3), date(2022, 7, 1), False)
    assert trace_text(found) == (
        "kết thúc Đợt 1: 4/7/2022 + 0 ngày = 4/7/2022 (Thứ Hai) → trước ngày 4/7/2022 (Thứ "
        "Hai) → hạn cuối 3/7/2022 (Chủ nhật, nghỉ) → lùi về 1/7/2022 (Thứ Sáu)")


def test_a_bound_is_a_plain_sentence(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text("year: 2200\ndeadlines:\n  - {id: a, name: A, date: 2022-01-05}\n",
                    encoding="utf-8")
    with pytest.raises(DeadlineError) as caught:
        load_deadline_file(path)
    assert str(caught.value) == (
        f"{path}:1: field 'year': 2200 is out of range; the value must be at most 2100")


def test_one_walk_names_every_anchor_of_a_rule_with_its_field():
    from thidua_calendar.deadlines import anchor_uses

    phase_end = Anchor.parse("phase:dot_1.end")
    union_day = Anchor.parse("anniversary:thanh_lap_cong_doan_vn@2022")
    registration = Anchor.parse("deadline:dang_ky")
    education = Audience(id="giao_duc", name="khối Giáo dục", name_en="education")
    rule = Rule(
        id="bao_cao", name="Báo cáo", name_en="Report",
        when=Relative(anchor=phase_end, amount=10, unit="working_days"),
        variants=(Variant(audience=education, when=Window(
            start=Relative(anchor=registration, amount=0),
            end=Relative(anchor=union_day, amount=3, direction="before"))),),
    )
    assert [(str(u.anchor), u.field, u.audience) for u in anchor_uses(rule)] == [
        ("phase:dot_1.end", "after.anchor", None),
        ("deadline:dang_ky", "audiences.0.window.from", education),
        ("anniversary:thanh_lap_cong_doan_vn@2022", "audiences.0.window.to", education),
    ]
    fixed = Rule(id="x", name="X", name_en="X", when=OnDate(date=date(2022, 4, 12)))
    assert anchor_uses(fixed) == ()
