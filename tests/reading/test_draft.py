"""The typed draft and its plan-file text (thidua_calendar.reading.draft)."""

from __future__ import annotations

from datetime import date

from thidua_calendar.files.catalog import builtin_catalog
from thidua_calendar.files.documents import Document
from thidua_calendar.files.plan import parse_plan_file
from thidua_calendar.reading.draft import (
    Audience,
    Comment,
    DeadlineDraft,
    LeadUp,
    LocalDay,
    OrganisationDraft,
    PeriodDraft,
    PhaseDraft,
    PlanDraft,
    draft_text,
)
from thidua_calendar.reading.extract import extract_plan

DRAFT = PlanDraft(
    source="ke-hoach.md", id="cong-doan-x", title="Thi đua năm 2022", title_notes=(),
    organisation=OrganisationDraft(name="Công đoàn X", place="Bắc Kạn"),
    implements=None, issued="2022-02", issued_notes=("?: no day",),
    period=PeriodDraft(year=2022),
    phases=(PhaseDraft(id="dot_1", name="Đợt 1", start="issued", end="2022-06-30"),
            PhaseDraft(id="dot_2", name="Đợt 2", start="2022-07-01", end="2022-12-31",
                       theme="Lao động giỏi")),
    greet=(Comment(text="Đợt 1"), "quoc_te_lao_dong", Comment(text="Đợt 2"), "ngay_x"),
    local=(LocalDay(id="ngay_x", name="Ngày X", origin="1972-12", note="from the text"),),
    lead_up=(LeadUp(key="ngay_x", phase="dot_1", notes=("note: leads up",)),),
    deadlines=(DeadlineDraft(id="dang_ky", name="Đăng ký thi đua", date=date(2022, 3, 15),
                             wording="truoc_ngay", source="Đăng ký trước ngày 15/3/2022",
                             audiences=(Audience(id="nganh", name="khối ngành",
                                                 date=date(2022, 3, 20)),)),),
)


def test_a_draft_is_written_as_a_plan_file():
    assert draft_text(DRAFT) == """\
# Draft plan file, read from ke-hoach.md by thidua-calendar.
# Check every value against the plan; the comments marked “?:” say what could not be read.
id: cong-doan-x
title: Thi đua năm 2022
organisation:
  name: Công đoàn X
  place: Bắc Kạn
# ?: no day
issued: 2022-02
period:
  year: 2022
phases:
  - id: dot_1
    name: Đợt 1
    start: issued
    end: 2022-06-30
  - id: dot_2
    name: Đợt 2
    start: 2022-07-01
    end: 2022-12-31
    theme: Lao động giỏi
greet:
  - ids:
      # Đợt 1
      - quoc_te_lao_dong
      # Đợt 2
      - ngay_x
local:
  - id: ngay_x
    name: Ngày X
    origin: 1972-12
    note: from the text
lead_up:
  # note: leads up
  ngay_x: dot_1
deadlines:
  - id: dang_ky
    name: Đăng ký thi đua
    date: 2022-03-15
    wording: truoc_ngay
    source: Đăng ký trước ngày 15/3/2022
    audiences:
      - id: nganh
        name: khối ngành
        date: 2022-03-20
"""


def test_the_written_draft_is_a_plan_file():
    plan = parse_plan_file(draft_text(DRAFT), "draft.yaml")
    assert plan is not None


def test_the_extracted_text_is_its_typed_draft():
    text = ("LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC KẠN\nBắc Kạn, ngày 15 tháng 02 năm 2022\nKẾ HOẠCH\n"
            "Thi đua năm 2022\nĐợt 1: Từ nay đến 30/6/2022: chào mừng 136 năm Ngày Quốc tế "
            "Lao động (01/5/1886 - 01/5/2022).\n")
    draft = extract_plan(Document.from_text(text), catalog=builtin_catalog(), source="x")
    assert draft.plan is not None
    assert draft.yaml == draft_text(draft.plan)
    assert draft.unresolved == draft.plan.unresolved
    assert [phase.id for phase in draft.plan.phases if isinstance(phase, PhaseDraft)] == [
        "dot_1"]
    assert "quoc_te_lao_dong" in draft.plan.greet
