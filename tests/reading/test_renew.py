"""Renewing last year's plan: known answers from the calendar and the catalog, properties, and
the lines it must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua_calendar.files.catalog import builtin_catalog
from thidua_calendar.files.documents import Document, read_document
from thidua_calendar.files.workdays import load_work_calendar
from thidua_calendar.reading.check import check_document
from thidua_calendar.reading.renew import renew_document

CORPUS = Path(__file__).parents[1] / "corpus"
PLAN_2025 = CORPUS / "renew-2025.txt"


@pytest.fixture(scope="module")
def calendar():
    return load_work_calendar()


@pytest.fixture(scope="module")
def renewed(calendar):
    document = read_document(PLAN_2025)
    renewal = renew_document(document, to_year=2026, catalog=builtin_catalog(),
                             calendar=calendar)
    return document, renewal, renewal.apply(document.lines)


def _line(lines, start):
    (found,) = [line for line in lines if line.startswith(start)]
    return found


def test_the_plan_year_is_read_and_every_line_kept(renewed):
    document, renewal, lines = renewed
    assert (renewal.from_year, renewal.to_year) == (2025, 2026)
    assert len(lines) == len(document.lines)
    assert _line(lines, "Tổ chức phong trào") == "Tổ chức phong trào thi đua năm 2026"
    assert lines[2].endswith("ngày 10 tháng 01 năm 2026")


def test_counts_without_a_range_can_chi_and_edition(renewed):
    _, _, lines = renewed
    # The Party was founded on 3/2/1930, Hồ Chí Minh born on 19/5/1890; Tết 2026 is Bính Ngọ;
    # the Tháng hành động ATVSLĐ was first held in 2017 (catalog sources): 2026 is the 10th.
    assert _line(lines, "Năm 2026 là năm kỷ niệm") == (
        "Năm 2026 là năm kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam, 136 năm Ngày "
        "sinh Chủ tịch Hồ Chí Minh và đón Tết Nguyên đán Bính Ngọ.")
    assert _line(lines, "Thực hiện Tháng hành động") == (
        "Thực hiện Tháng hành động về an toàn, vệ sinh lao động lần thứ 10 năm 2026.")


def test_lunar_pairs_and_a_phase_that_ends_on_gio_to(renewed):
    _, _, lines = renewed
    # 10/3 âm lịch is 7/4/2025 and 26/4/2026 (the lunar table; the 2026 holiday notice).
    assert _line(lines, "Giỗ Tổ") == (
        "Giỗ Tổ Hùng Vương (mùng 10 tháng 3 âm lịch, tức ngày 26/4/2026).")
    assert _line(lines, "- Đợt 1").startswith("- Đợt 1: Từ 01/01/2026 đến 26/4/2026: chào mừng "
                                              "96 năm Ngày thành lập Đảng Cộng sản Việt Nam "
                                              "(03/02/1930 - 03/02/2026)")
    # Đợt 2 started the day after Đợt 1 and still does.
    assert _line(lines, "- Đợt 2").startswith("- Đợt 2: Từ 27/4/2026 đến 31/12/2026: chào mừng "
                                              "51 năm Ngày giải phóng")
    assert "97 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2026)" in _line(
        lines, "- Đợt 2")


def test_deadlines_on_the_new_year_s_working_days(renewed):
    _, _, lines = renewed
    # "trước ngày 15/3/2025": due Friday 14/3/2025; 14/3/2026 is a Saturday, so due Friday
    # 13/3/2026, printed "trước ngày 14/3/2026".  "trước 17h00 ngày 30/6" is due on 30/6.
    assert _line(lines, "Đăng ký") == (
        "Đăng ký thi đua trước ngày 14/3/2026; báo cáo sơ kết trước 17h00 ngày 30/6/2026.")
    # 5/12/2026 is a Saturday: due Friday 4/12, and the weekday name still matches.
    assert _line(lines, "Hồ sơ") == (
        "Hồ sơ đề nghị khen thưởng gửi chậm nhất vào Thứ Sáu, ngày 04/12/2026.")


def test_school_years_move_terms_and_citations_do_not(renewed):
    document, _, lines = renewed
    assert _line(lines, "Năm học") == "Năm học 2025 - 2026 và năm học 2026 - 2027."
    for start in ("Căn cứ", "Công văn số", "Thực hiện kế hoạch phát triển"):
        assert [line for line in lines if line.startswith(start)] == [
            line for line in document.lines if line.startswith(start)]


def test_what_needs_a_person(renewed):
    _, renewal, _ = renewed
    messages = [note.message_en for note in renewal.notes]
    # 1/5/1886: 140 years in 2026, a round year the plan does not greet.
    assert any("Workers' Day" in m and "(140, 01/05/2026)" in m for m in messages), messages
    # Last year's 95th and 50th were round; this year's 96th and 51st are not.
    assert any(m.startswith("2025 was a round or half-round year (50 years)") for m in messages)
    # A congress held in 2025 is not held again in 2026.
    (congress,) = [note for note in renewal.notes if note.quote.startswith("Đại hội")]
    assert congress.line == 25
    assert renewal.notes[0].message.startswith("năm 2025 là năm tròn")  # Vietnamese first


def test_the_renewed_plan_checks_clean(renewed, calendar):
    _, _, lines = renewed
    found = check_document(Document(lines), catalog=builtin_catalog(), calendar=calendar,
                           year=2026)
    assert [f for f in found if f.level == "error"] == []


def test_renewing_to_the_same_year_changes_only_what_was_wrong(calendar):
    text = ("Kế hoạch năm 2025. Đợt 1: Từ 01/01/2025 đến 30/6/2025; kỷ niệm 96 năm Ngày thành "
            "lập Công đoàn Việt Nam (28/7/1929 - 28/7/2025).")
    renewal = renew_document(Document.from_text(text), to_year=2025,
                             catalog=builtin_catalog(), calendar=calendar)
    assert renewal.edits == ()


def test_a_year_is_needed():
    with pytest.raises(ValueError, match="plan's year"):
        renew_document(Document.from_text("Không có năm nào ở đây."), to_year=2026)


@settings(max_examples=60, deadline=None)
@given(year=st.integers(1990, 2060), step=st.integers(1, 5),
       entry=st.sampled_from([("Ngày thành lập Công đoàn Việt Nam", "28/7", 1929),
                              ("Ngày sinh Chủ tịch Hồ Chí Minh", "19/5", 1890),
                              ("Ngày Nhà giáo Việt Nam", "20/11", 1982)]))
def test_a_right_count_stays_right(year, step, entry):
    name, day, origin = entry
    line = (f"Kế hoạch năm {year}: kỷ niệm {year - origin} năm {name} "
            f"({day}/{origin} - {day}/{year})")
    renewal = renew_document(Document.from_text(line), to_year=year + step,
                             catalog=builtin_catalog())
    (renewed,) = renewal.apply([line])
    new = year + step
    assert renewed == (f"Kế hoạch năm {new}: kỷ niệm {new - origin} năm {name} "
                       f"({day}/{origin} - {day}/{new})")
    assert [f for f in check_document(Document([renewed]), catalog=builtin_catalog(),
                                      year=new) if f.level == "error"] == []


@settings(max_examples=40, deadline=None)
@given(year=st.integers(2000, 2090), step=st.integers(1, 9))
def test_edits_never_overlap_and_apply_in_place(year, step):
    text = (CORPUS / "seed-000-cac-dot.txt").read_text(encoding="utf-8")
    document = Document.from_text(text.replace("2022", str(year)))
    renewal = renew_document(document, to_year=year + step, from_year=year,
                             catalog=builtin_catalog())
    by_line: dict[int, int] = {}
    for edit in renewal.edits:
        assert document.lines[edit.line][edit.start:edit.end] == edit.old
        assert edit.start >= by_line.get(edit.line, 0)
        by_line[edit.line] = edit.end
    assert len(renewal.apply(document.lines)) == len(document.lines)


def test_a_year_whose_days_off_are_not_announced_gets_estimated_deadlines(calendar):
    # The built-in calendar announces 2026 and not 2028 (its Tết is estimated).
    assert calendar.announced(2026)
    assert not calendar.announced(2028)
    text = "Kế hoạch năm 2025. Hồ sơ gửi trước ngày 10/7/2025."
    renewal = renew_document(Document.from_text(text), to_year=2028, calendar=calendar)
    # Due 9/7/2028, a Sunday: rolled to Friday 7/7, printed "trước ngày 8/7/2028".
    assert renewal.apply([text]) == [
        "Kế hoạch năm 2028. Hồ sơ gửi trước ngày 8/7/2028 (dự kiến)."]


def test_last_year_s_results_stay_as_they_were():
    # In a 2025 plan, what 2024 did: its year is not the plan's, so nothing of it moves.
    text = ("Năm 2024, đơn vị tổ chức kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam và "
            "đón Tết Nguyên đán Giáp Thìn an toàn. Năm 2025 kỷ niệm 95 năm Ngày thành lập Đảng "
            "Cộng sản Việt Nam, đón Tết Nguyên đán Ất Tỵ.")
    renewal = renew_document(Document.from_text(text), to_year=2026, from_year=2025,
                             catalog=builtin_catalog())
    assert renewal.apply([text]) == [
        "Năm 2024, đơn vị tổ chức kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam và "
        "đón Tết Nguyên đán Giáp Thìn an toàn. Năm 2026 kỷ niệm 96 năm Ngày thành lập Đảng "
        "Cộng sản Việt Nam, đón Tết Nguyên đán Bính Ngọ."]
