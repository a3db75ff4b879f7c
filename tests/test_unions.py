"""The union's tiers before and after 1/7/2025 (data/union_levels.yaml): which levels exist
when, how they print, and the cascade (a lower level due before the level it feeds) in both
structures, through plan files."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest

from thidua_calendar.errors import PlanError
from thidua_calendar.files.plan import parse_plan_file
from thidua_calendar.files.union_levels import (
    UnionLevelsFileError,
    builtin_union_levels,
    parse_union_levels,
)
from thidua_calendar.files.workdays import load_work_calendar
from thidua_calendar.render.deadlines import level_name
from thidua_calendar.render.plan import plan_sections
from thidua_calendar.unions import UnionLevelError

LEVELS = builtin_union_levels()


@pytest.fixture(scope="module")
def calendar():
    return load_work_calendar()


def test_the_district_tier_only_before_and_the_commune_union_only_after():
    before, after = LEVELS.on(date(2025, 6, 30)), LEVELS.on(date(2025, 7, 1))
    assert before.get("huyen") is not None
    assert before.get("xa") is None
    assert after.get("huyen") is None
    assert after.get("xa") is not None
    for level_id in ("tong_lien_doan", "tinh", "nganh", "cdcs", "to_cong_doan"):
        assert before.get(level_id) is not None
        assert after.get(level_id) is not None
    for structure in (before, after):
        tiers = {level.id: level.tier for level in structure}
        assert tiers["tong_lien_doan"] < tiers["tinh"] < tiers["cdcs"] < tiers["to_cong_doan"]
    assert before.get("huyen").tier < before.get("cdcs").tier  # type: ignore[union-attr]
    assert after.get("tinh").tier < after.get("xa").tier < after.get("cdcs").tier  # type: ignore[union-attr]


def test_a_level_asked_for_out_of_its_time_says_when_it_existed():
    with pytest.raises(UnionLevelError, match=r"'huyen' \(LĐLĐ huyện\) exists until 30/6/2025"):
        LEVELS.level("huyen", on=date(2026, 3, 1))
    with pytest.raises(UnionLevelError, match="from 1/7/2025"):
        LEVELS.level("xa", on=date(2024, 3, 1))
    with pytest.raises(UnionLevelError, match="no union level has the id 'ldld'"):
        LEVELS.level("ldld")


@pytest.mark.parametrize(("level", "kind", "lang", "label"), [
    ("tinh", "tinh", "vi", "LĐLĐ tỉnh"),
    ("tinh", "thanh_pho", "vi", "LĐLĐ thành phố"),
    ("tinh", "thanh_pho", "en", "city federation"),
    ("cdcs", "thanh_pho", "vi", "CĐCS"),  # only the provincial federation changes its word
    ("huyen", "tinh", "vi", "LĐLĐ huyện"),
    ("xa", "tinh", "vi", "Công đoàn xã, phường"),
    ("tong_lien_doan", "tinh", "en", "Confederation"),
    ("something_else", "tinh", "vi", "something_else"),
])
def test_labels(level, kind, lang, label):
    assert level_name(level, lang=lang, kind=kind) == label


def test_structures_must_follow_each_other(tmp_path):
    text = textwrap.dedent("""\
        sources:
          - {title: T, url: "https://example.org"}
        structures:
          - id: a
            until: "2025-06-30"
            levels: [{id: cdcs, tier: 4, name: N, short: S, short_en: E}]
          - id: b
            from: "2025-07-02"
            levels: [{id: cdcs, tier: 4, name: N, short: S, short_en: E}]
        """)
    with pytest.raises(UnionLevelsFileError) as caught:
        parse_union_levels(text, "levels.yaml")
    assert str(caught.value).startswith("levels.yaml:8: structure 'b', field 'from': ")


# -- the cascade, in plan files ----------------------------------------------------------------


def _plan(year: int, organisation: str, deadlines: str) -> str:
    head = "\n".join([
        f"title: Kế hoạch thi đua năm {year}",
        "organisation:",
        textwrap.indent(organisation, "  "),
        f"issued: {year}-01-05",
        "period:",
        f"  year: {year}",
        "phases:",
        "  - id: dot_1",
        "    name: Đợt 1",
        f"    start: {year}-01-01",
        f"    end: {year}-12-31",
        "deadlines:" if deadlines else "deadlines: []",
    ])
    return head + "\n" + textwrap.indent(deadlines, "  ")


CASCADE_2022 = """\
- id: tinh_nhan
  name: LĐLĐ tỉnh nhận đăng ký
  date: 2022-03-15
  wording: truoc_ngay
  level: tinh
- id: huyen_nhan
  name: LĐLĐ huyện gửi đăng ký
  feeds: tinh_nhan
  lead_working_days: 3
  level: huyen
- id: cdcs_gui
  name: CĐCS gửi đăng ký
  feeds: huyen_nhan
  lead_working_days: 2
  level: cdcs
"""
CASCADE_2026 = """\
- id: tinh_nhan
  name: LĐLĐ tỉnh nhận đăng ký
  date: 2026-03-13
  wording: truoc_ngay
  level: tinh
- id: xa_nhan
  name: Công đoàn xã gửi đăng ký
  feeds: tinh_nhan
  lead_working_days: 3
  level: xa
- id: cdcs_gui
  name: CĐCS gửi đăng ký
  feeds: xa_nhan
  lead_working_days: 2
  level: cdcs
"""


@pytest.mark.parametrize(("year", "cascade", "middle"), [
    (2022, CASCADE_2022, "huyen_nhan"), (2026, CASCADE_2026, "xa_nhan")])
def test_each_level_is_due_its_lead_time_before_the_level_it_feeds(calendar, year, cascade,
                                                                   middle):
    plan_file = parse_plan_file(_plan(year, "name: CĐCS A\nlevel: cdcs", cascade), "p.yaml")
    found = plan_file.build(calendar=calendar).schedule
    top, mid, low = found.get("tinh_nhan"), found.get(middle), found.get("cdcs_gui")
    assert low.due < mid.due < top.due
    assert calendar.working_days_between(mid.due, top.due) == 3
    assert calendar.working_days_between(low.due, mid.due) == 2
    assert all(calendar.is_working_day(d.due) for d in (top, mid, low))
    assert found.conflicts == ()


@pytest.mark.parametrize(("year", "cascade", "middle"), [
    (2022, CASCADE_2022, "huyen_nhan"), (2026, CASCADE_2026, "xa_nhan")])
def test_a_lower_level_due_after_the_one_it_feeds_is_reported(calendar, year, cascade,
                                                              middle):
    late = cascade.replace("  feeds: tinh_nhan\n", f"  feeds: tinh_nhan\n  date: {year}-03-20\n")
    plan_file = parse_plan_file(_plan(year, "name: CĐCS A\nlevel: cdcs", late), "p.yaml")
    conflicts = plan_file.build(calendar=calendar).schedule.conflicts
    assert [c.child.rule.id for c in conflicts] == [middle]


def test_a_2026_plan_cannot_use_the_district_tier():
    text = _plan(2026, "name: CĐCS A\nlevel: cdcs", CASCADE_2022.replace("2022", "2026"))
    with pytest.raises(PlanError) as caught:
        parse_plan_file(text, "p.yaml")
    message = str(caught.value)
    assert message.startswith("p.yaml:23: field 'deadlines.1.level': the level 'huyen'")
    assert "until 30/6/2025" in message
    with pytest.raises(PlanError, match=r"field 'organisation\.level'"):
        parse_plan_file(_plan(2026, "name: LĐLĐ huyện A\nlevel: huyen", ""), "p.yaml")


def test_a_2022_plan_cannot_use_the_commune_union():
    with pytest.raises(PlanError, match=r"'xa'.*from 1/7/2025"):
        parse_plan_file(_plan(2022, "name: CĐCS A\nlevel: cdcs",
                              CASCADE_2026.replace("2026", "2022")), "p.yaml")


def test_a_higher_level_cannot_feed_a_lower_one():
    upside_down = CASCADE_2026.replace("  level: tinh\n", "  level: cdcs\n", 1)
    with pytest.raises(PlanError) as caught:
        parse_plan_file(_plan(2026, "name: CĐCS A\nlevel: cdcs", upside_down), "p.yaml")
    assert "field 'deadlines.1.feeds'" in str(caught.value)
    assert "a lower level feeds a higher one" in str(caught.value)


def test_a_centrally_run_city_prints_ldld_thanh_pho(calendar):
    deadlines = "- id: bao_cao\n  name: Báo cáo\n  date: 2026-06-15\n  level: tinh\n"
    for province, vi, en in (("Hà Nội", "LĐLĐ thành phố", "city federation"),
                             ("Thái Nguyên", "LĐLĐ tỉnh", "provincial federation")):
        organisation = f"name: Đơn vị A\nlevel: cdcs\nprovince: {province}"
        result = parse_plan_file(_plan(2026, organisation, deadlines), "p.yaml").build(
            calendar=calendar)
        (row,) = plan_sections(result).deadline_rows
        assert row[1] == vi
        (row,) = plan_sections(result, lang="en").deadline_rows
        assert row[1] == en
