"""The checker: a corpus of real and mutated lines, the seeds, documents and the command."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua_calendar.cli import main
from thidua_calendar.errors import DocumentError
from thidua_calendar.files.catalog import builtin_catalog
from thidua_calendar.files.documents import Document, read_document
from thidua_calendar.files.workdays import load_work_calendar
from thidua_calendar.reading.check import check_document

CORPUS_DIR = Path(__file__).parents[1] / "corpus"
CORPUS = yaml.safe_load((CORPUS_DIR / "check.yaml").read_text(encoding="utf-8"))["lines"]


@pytest.fixture(scope="module")
def calendar():
    return load_work_calendar()


def _codes(text: str, calendar, year=None) -> list[str]:
    found = check_document(Document.from_text(text), catalog=builtin_catalog(),
                           calendar=calendar, year=year)
    return sorted(f.code for f in found if f.level != "info")


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: f"{case['source']}: "
                         f"{case['text'][:40]}")
def test_the_corpus(case, calendar):
    assert _codes(case["text"], calendar, case.get("year")) == sorted(case["find"])


# The seeds' own passages, quoted in tests/corpus/ (../shared/seeds is not in this repository).
SEED_002_PHASES = (CORPUS_DIR / "seed-002-cac-dot.md").read_text(encoding="utf-8")
# (Seed 000 is hard-wrapped, with blank lines between the lines of a paragraph.)
SEED_000_PHASES = (CORPUS_DIR / "seed-000-cac-dot.txt").read_text(encoding="utf-8")
SEED_004_PHASES = (CORPUS_DIR / "seed-004-cac-dot.md").read_text(encoding="utf-8")


def test_seed_002_nha_giao_line_is_an_error_at_its_place(calendar):
    found = check_document(Document.from_text(SEED_002_PHASES), catalog=builtin_catalog(),
                           calendar=calendar)
    (error,) = [f for f in found if f.level == "error"]
    assert (error.line, error.code) == (2, "count-mismatch")
    assert SEED_002_PHASES.splitlines()[1][error.column - 1:].startswith(
        "40 năm Ngày Nhà giáo Việt Nam")
    assert error.message_en == (
        "40 năm does not match (20/11/1983 - 20/11/2022): that is 39 years; Ngày Nhà giáo Việt "
        "Nam dates from 20/11/1982, so the count is right and the first date is not")
    assert error.message == (
        "“40 năm” không khớp với “(20/11/1983 - 20/11/2022)”: khoảng ấy là 39 năm; Ngày Nhà "
        "giáo Việt Nam tính từ 20/11/1982, nên số năm đúng mà ngày đầu sai")
    assert [f for f in found if f.level != "error"] == []


def test_seed_000_wrapped_items_are_read_and_right(calendar):
    found = check_document(Document.from_text(SEED_000_PHASES), catalog=builtin_catalog(),
                           calendar=calendar)
    assert found == []
    # The wrapped lines were read: a wrong count on one is found at its line.
    wrong = SEED_000_PHASES.replace("50 năm", "51 năm")
    (finding,) = check_document(Document.from_text(wrong), catalog=builtin_catalog(),
                                calendar=calendar)
    assert (finding.line, finding.code) == (19, "count-mismatch")  # where "51 năm" stands


def test_seed_004_lead_up_is_information_only(calendar):
    found = check_document(Document.from_text(SEED_004_PHASES), catalog=builtin_catalog(),
                           calendar=calendar)
    assert [(f.level, f.code) for f in found] == [("info", "greeted-after-phase")]
    assert "11 days before 11/04/2020" in found[0].message_en
    assert "11 ngày trước ngày 11/4/2020" in found[0].message


def test_a_word_document_is_read(tmp_path, calendar):
    import docx

    document = docx.Document()
    for line in SEED_002_PHASES.splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Hồ sơ đề nghị khen thưởng"
    table.rows[0].cells[1].text = "trước ngày 31/4/2022"
    path = tmp_path / "ke-hoach.docx"
    document.save(path)
    found = check_document(read_document(path), catalog=builtin_catalog(), calendar=calendar)
    assert [(f.line, f.code) for f in found if f.level == "error"] == [
        (2, "count-mismatch"), (3, "impossible-date")]


def test_a_word_document_is_read_in_reading_order_with_merged_cells_once(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Các mốc thời gian:")
    table = document.add_table(rows=2, cols=3)
    merged = table.rows[0].cells[0].merge(table.rows[0].cells[2])
    merged.text = "Đợt 1"
    for cell, text in zip(table.rows[1].cells, ["Đăng ký", "trước ngày 31/4/2022", "Ban"],
                          strict=True):
        cell.text = text
    document.add_paragraph("Hồ sơ gửi chậm nhất ngày 30/6/2022.")
    path = tmp_path / "moc.docx"
    document.save(path)
    assert read_document(path).lines == [
        "Các mốc thời gian:", "Đợt 1", "Đăng ký | trước ngày 31/4/2022 | Ban",
        "Hồ sơ gửi chậm nhất ngày 30/6/2022."]
    (error,) = check_document(read_document(path), year=2022)
    assert (error.line, error.code) == (3, "impossible-date")


def test_a_text_saved_with_a_byte_order_mark_reads_from_its_first_letter(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes("\ufeffĐợt 1: Từ nay đến 30/6/2022".encode())
    assert read_document(path).lines == ["Đợt 1: Từ nay đến 30/6/2022"]


def test_unreadable_documents(tmp_path):
    with pytest.raises(DocumentError, match=r"missing\.txt: no such file"):
        read_document(tmp_path / "missing.txt")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DocumentError, match="not a Word document"):
        read_document(bad)
    with pytest.raises(DocumentError, match=r"cannot read a \.pdf file"):
        read_document(tmp_path / "plan.pdf")


def _run(capsys, *argv):
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_command_exits_1_on_errors_0_otherwise_2_when_unreadable(tmp_path, capsys):
    wrong = tmp_path / "002.md"
    wrong.write_text(SEED_002_PHASES, encoding="utf-8")
    right = tmp_path / "000.txt"
    right.write_text(SEED_000_PHASES, encoding="utf-8")
    status, out, _ = _run(capsys, "check", str(right))
    assert (status, out) == (0, "")
    status, out, _ = _run(capsys, "check", str(wrong), str(right))
    assert status == 1
    assert out.startswith(f"{wrong}:2:")
    assert ": lỗi: “40 năm Ngày Nhà giáo Việt Nam (20/11/1983 - 20/11/2022)”: “40 năm” không " \
           "khớp với" in out
    status, out, _ = _run(capsys, "check", str(wrong), "--lang", "en")
    assert ": error: “40 năm Ngày Nhà giáo Việt Nam (20/11/1983 - 20/11/2022)”: 40 năm does " \
           "not match" in out
    status, out, _ = _run(capsys, "check", str(wrong), "--format", "json")
    assert status == 1
    (record,) = json.loads(out)
    assert record.keys() == {"file", "line", "column", "level", "code", "message", "quote"}
    missing = str(tmp_path / "missing.txt")
    status, _, err = _run(capsys, "check", str(right), missing, "--lang", "en")
    assert (status, err) == (2, f"thidua-calendar: error: {tmp_path / 'missing.txt'}: no such "
                                "file\n")


# -- the reader never crashes, and stays fast ------------------------------------------------

REAL_LINES = [case["text"] for case in CORPUS]
MUTATIONS = st.sampled_from([*"0123456789/()-–_.:; \n", "năm ", "Đợt ", "trước ngày "])


@st.composite
def near_misses(draw):
    line = draw(st.sampled_from(REAL_LINES))
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, len(line)))
        if draw(st.booleans()):
            line = line[:position] + draw(MUTATIONS) + line[position:]
        else:
            line = line[:position] + line[position + draw(st.integers(1, 5)):]
    return line


HYPOTHESIS_CALENDAR = load_work_calendar()


# The deadline is the time bound per line: a guard against a pattern that backtracks
# (which takes minutes on a few hundred characters), a hundred times what a line takes.  How
# fast text is read is measured in benchmarks/bench_check.py, hostile texts included.
@given(st.one_of(st.text(max_size=400), near_misses()))
@settings(max_examples=400, deadline=timedelta(seconds=2))
def test_any_text_gives_findings_not_a_crash(text):
    found = check_document(Document.from_text(text), catalog=builtin_catalog(),
                           calendar=HYPOTHESIS_CALENDAR)
    for finding in found:
        assert finding.level in ("error", "warning", "info")
        assert 1 <= finding.line <= text.count("\n") + 1
        assert finding.message


def test_seeds_001_and_003_have_no_error_and_only_real_warnings(calendar):
    seed_001 = (CORPUS_DIR / "seed-001-thoi-gian.md").read_text(encoding="utf-8")
    found = check_document(Document.from_text(seed_001), catalog=builtin_catalog(),
                           calendar=calendar)
    assert [(f.line, f.level, f.code) for f in found] == [
        # "trước ngày 12/4/2022": the last day allowed, 11/4, was the day in lieu of Giỗ Tổ.
        (5, "warning", "deadline-day-off"),
        # "trước ngày 10/7/2022": 9/7 was a Saturday.
        (5, "warning", "deadline-day-off"),
        # "trước ngày 04/4/2022": 3/4 was a Sunday.
        (7, "warning", "deadline-day-off"),
        # "riêng khối Giáo dục trước ngày 25/05/2023": schools follow the school year, so this
        # lies after the plan's year on purpose; a warning, for the author to confirm.
        (7, "warning", "deadline-after-period"),
    ]
    assert "08/04/2022" in found[0].message_en
    assert "ngày làm việc trước đó, 8/4/2022" in found[0].message
    seed_003 = (CORPUS_DIR / "seed-003-thoi-gian.md").read_text(encoding="utf-8")
    assert check_document(Document.from_text(seed_003), catalog=builtin_catalog(),
                          calendar=calendar) == []


# -- issue 14: where, with the words quoted --------------------------------------------------

COPIED_2026 = """KẾ HOẠCH
Tổ chức phong trào thi đua năm 2026

Năm 2026 là năm kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam và đón Tết Nguyên đán Ất Tỵ.
Hưởng ứng Tháng hành động về an toàn, vệ sinh lao động lần thứ 9 năm 2026.
Giỗ Tổ Hùng Vương (mùng 10 tháng 3 âm lịch, tức ngày 25/4/2026).
Hồ sơ gửi chậm nhất vào Thứ Sáu, ngày 05/12/2026; báo cáo gửi trước 17h00 ngày 30/4/2026.
Căn cứ Công văn số 12/CV-CĐ ngày 29/02/2025.
- Đợt 1: Từ tháng 1 đến tháng 6/2026; - Đợt 2: Từ tháng 6 đến tháng 12/2026."""

EXPECTED_2026 = [
    (4, "count-year", "95 năm Ngày thành lập Đảng Cộng sản Việt Nam"),
    (4, "can-chi", "Tết Nguyên đán Ất Tỵ"),
    (5, "edition", "lần thứ 9 năm 2026"),
    (6, "lunar-solar", "25/4/2026"),
    (7, "weekday", "Thứ Sáu, ngày 05/12/2026"),
    (7, "deadline-day-off", "chậm nhất vào Thứ Sáu, ngày 05/12/2026"),
    (7, "deadline-day-off", "trước 17h00 ngày 30/4/2026"),
    (8, "impossible-date", "29/02/2025"),
    (9, "phase-overlap", "Đợt 2: Từ tháng 6 đến tháng 12/2026"),
]


def test_a_copied_plan_s_slips_are_found_at_their_place_with_their_words(calendar):
    document = Document.from_text(COPIED_2026)
    found = check_document(document, catalog=builtin_catalog(), calendar=calendar)
    assert sorted((f.line, f.code, f.quote) for f in found) == sorted(EXPECTED_2026)
    for finding in found:  # the column is where the words stand
        line = document.lines[finding.line - 1]
        assert line[finding.column - 1:].startswith(finding.quote), finding
    (hour,) = [f for f in found if f.quote.startswith("trước 17h00")]
    assert "30/04/2026, is a day off" in hour.message_en  # due on the 30th, not the 29th
    (can_chi,) = [f for f in found if f.code == "can-chi"]
    assert "last year's can-chi" in can_chi.message_en
    assert "can chi của năm trước" in can_chi.message


def test_a_word_file_s_paragraph_and_words(tmp_path, calendar, capsys):
    import docx

    document = docx.Document()
    for line in COPIED_2026.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "du-thao-2026.docx"
    document.save(path)
    status = main(["check", str(path), "--format", "json"])
    records = json.loads(capsys.readouterr().out)
    assert status == 1
    assert sorted((r["line"], r["code"], r["quote"]) for r in records) == sorted(EXPECTED_2026)
