"""The Word form of a plan: the whole document of Nghị định 30/2020/NĐ-CP, Phụ lục I, with
the text of :func:`document_text`, and the same bytes for the same plan.

What LibreOffice makes of it (pages, blank pages, page numbers) is in test_document_pdf.py.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from thidua_calendar.files.plan import load_plan_file
from thidua_calendar.files.workdays import load_work_calendar
from thidua_calendar.plan import PlanResult
from thidua_calendar.render.document import document_text
from thidua_calendar.render.docx import _keep_together, render_docx
from thidua_calendar.render.plan import plan_sections

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [f"{n:03d}" for n in range(5)]
FONT = "Times New Roman"
NBSP = "\u00a0"


@cache
def _result(seed: str) -> PlanResult:
    return load_plan_file(ROOT / "examples" / "seeds" / f"{seed}.yaml").build(
        calendar=load_work_calendar())


@cache
def _style(seed: str):
    return load_plan_file(ROOT / "examples" / "seeds" / f"{seed}.yaml").date_style


@cache
def _bytes(seed: str, lang: str = "vi", traces: bool = False) -> bytes:
    return render_docx(_result(seed), lang=lang, date_style=_style(seed),  # type: ignore[arg-type]
                       traces=traces)


def _text(seed: str, lang: str = "vi", traces: bool = False):
    return document_text(_result(seed), lang=lang, date_style=_style(seed),  # type: ignore[arg-type]
                         traces=traces)


def _document(seed: str, lang: str = "vi", traces: bool = False):
    return docx.Document(io.BytesIO(_bytes(seed, lang, traces)))


def _plain(text: str) -> str:
    return text.replace(NBSP, " ")


def _all_paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def _texts(document) -> list[str]:
    return [_plain(p.text) for p in document.paragraphs]


def _paragraph(document, text):
    matches = [p for p in document.paragraphs if _plain(p.text) == text]
    assert matches, f"no paragraph reads {text!r}"
    return matches[0]


def _mm(length) -> float:
    return length / 36000


@pytest.mark.parametrize("seed", SEEDS)
def test_page_is_a4_portrait_with_the_decree_margins(seed):
    document = _document(seed)
    assert len(document.sections) == 1
    section = document.sections[0]
    assert _mm(section.page_width) == pytest.approx(210, abs=0.5)
    assert _mm(section.page_height) == pytest.approx(297, abs=0.5)
    assert 20 <= _mm(section.top_margin) <= 25
    assert 20 <= _mm(section.bottom_margin) <= 25
    assert 30 <= _mm(section.left_margin) <= 35
    assert 15 <= _mm(section.right_margin) <= 20


@pytest.mark.parametrize("seed", SEEDS)
def test_every_run_is_times_new_roman_for_every_script(seed):
    document = _document(seed)
    normal = document.styles["Normal"]
    assert normal.font.name == FONT
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == FONT
    runs = [run for paragraph in _all_paragraphs(document) for run in paragraph.runs]
    assert len(runs) >= 20
    for run in runs:
        fonts = run._r.rPr.rFonts
        assert run.font.name == FONT, run.text
        assert fonts.get(qn("w:hAnsi")) == FONT, run.text
        assert fonts.get(qn("w:eastAsia")) == FONT, run.text
        assert fonts.get(qn("w:asciiTheme")) is None


@pytest.mark.parametrize("seed", SEEDS)
def test_the_body_is_14_point_justified_and_indented(seed):
    document = _document(seed)
    text = _text(seed)
    body = [*text.opening, text.closing,
            *(p for part in text.parts for section in part.sections for p in section.paragraphs)]
    for line in body:
        paragraph = _paragraph(document, line)
        layout = paragraph.paragraph_format
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert 1.0 <= layout.first_line_indent.cm <= 1.27 + 1e-6
        assert layout.space_after.pt >= 6
        assert 1.0 <= layout.line_spacing <= 1.5
        assert {run.font.size for run in paragraph.runs} <= {Pt(13), Pt(14)}
        assert not any(run.bold for run in paragraph.runs)


# The seeds' own issue lines (Nghị định 30: "Địa danh, ngày … tháng … năm …"; a day below 10
# and the months 1 and 2 with a leading zero), as printed; seed 000 leaves the day blank for the
# signature.  Seed 001 prints none: the place is a blank to fill.  Seed 004 prints "ngày / 3
# tháng 11 năm 2019", a slip; its plan file gives the month only.
ISSUE_LINES = {
    "000": "Bắc Kạn, ngày     tháng 02 năm 2022",
    "001": "……, ngày     tháng 3 năm 2022",
    "002": "Lai Châu, ngày 05 tháng 01 năm 2022",
    "003": "Bắc Kạn, ngày 14 tháng 9 năm 2021",
    "004": "Bắc Kạn, ngày     tháng 11 năm 2019",
}


@pytest.mark.parametrize("seed", SEEDS)
def test_the_header_block(seed):
    """Phụ lục I, ô 1-4: the bodies (parent regular, issuer bold, in capitals) with a short
    rule and "Số: …/KH-…" under them; Quốc hiệu, Tiêu ngữ with its rule, and the place and
    date in italics under them."""
    document = _document(seed)
    result = _result(seed)
    header = document.tables[0]
    assert (len(header.rows), len(header.columns)) == (2, 2)
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}
    (left, right), (number, issued) = (row.cells for row in header.rows)
    organisation = result.plan.organisation
    expected = [organisation.name.upper()]
    if organisation.parent:
        expected.insert(0, organisation.parent.upper())
    *names, rule = left.paragraphs
    assert [p.text for p in names] == expected
    assert names[-1].runs[0].bold
    if organisation.parent:
        assert not names[0].runs[0].bold
    national, motto, motto_rule = right.paragraphs
    assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert national.runs[0].bold
    assert motto.runs[0].bold
    assert national.runs[0].font.size in (Pt(12), Pt(13))
    assert motto.runs[0].font.size in (Pt(13), Pt(14))
    for short in (rule, motto_rule):  # a rule: a top border on an empty paragraph
        assert short.text == ""
        assert short._p.pPr.find(f"{qn('w:pBdr')}/{qn('w:top')}").get(qn("w:val")) == "single"
    # The agency's rule is shorter than its column; the motto's about the motto's length.
    assert 0 < _mm(rule.paragraph_format.left_indent) < 70 / 2
    motto_length = 95 - 2 * _mm(motto_rule.paragraph_format.left_indent)
    assert 50 < motto_length < 70
    assert re.fullmatch(r"Số: (\s+)?(\d+)?/KH-\S+", _plain(number.text))
    assert number.paragraphs[0].runs[0].font.size == Pt(13)
    assert _plain(issued.text) == ISSUE_LINES[seed]
    assert issued.paragraphs[0].runs[0].italic
    for paragraph in [*names, national, motto, number.paragraphs[0], issued.paragraphs[0]]:
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER


@pytest.mark.parametrize("seed", SEEDS)
def test_title_parts_in_order_and_headings_kept_with_next(seed):
    document = _document(seed)
    text = _text(seed)
    texts = _texts(document)
    assert texts.index("KẾ HOẠCH") + 1 == texts.index(text.title)
    assert all(run.bold for run in _paragraph(document, text.title).runs)
    headings = [part.heading for part in text.parts]
    assert headings == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN"]
    order = [texts.index(text.opening[-1])]
    for part in text.parts:
        order.append(texts.index(part.heading))
        for section in part.sections:
            order.append(texts.index(section.heading))
            order.extend(texts.index(p) for p in section.paragraphs)
    order.append(texts.index(text.closing))
    assert order == sorted(order)
    for heading in [*headings, *(s.heading for p in text.parts for s in p.sections)]:
        paragraph = _paragraph(document, heading)
        assert paragraph.paragraph_format.keep_with_next
        assert all(run.bold for run in paragraph.runs)
    assert text.closing.endswith("./.")


@pytest.mark.parametrize("seed", SEEDS)
def test_every_phase_paragraph_appears_verbatim(seed):
    document = _document(seed)
    sections = plan_sections(_result(seed), date_style=_style(seed))
    texts = _texts(document)
    for paragraph in [*sections.phases, *sections.preamble]:
        assert paragraph in texts


def test_seed_001_deadlines_are_sentences_without_traces():
    texts = _texts(_document("001"))
    assert "Đăng ký thi đua trước ngày 12/4/2022." in texts
    assert ("Các CĐCS gửi kế hoạch và bảng đăng ký thi đua về LĐLĐ huyện trước ngày "
            "04/4/2022; riêng CĐCS khối Giáo dục trước ngày 26/8/2022.") in texts
    assert ("Các CĐCS đề nghị khen thưởng trước ngày 30/11/2022; riêng CĐCS khối Giáo dục "
            "trước ngày 25/5/2023.") in texts
    whole = "\n".join(texts)
    assert "→" not in whole
    assert "hạn cuối" not in whole
    assert "lùi về" not in whole


def test_traces_are_an_appendix_when_asked():
    plain = _texts(_document("001"))
    traced = _texts(_document("001", traces=True))
    assert traced[:len(plain) - 1] == plain[:-1]  # the same plan, then the appendix
    start = traced.index("PHỤ LỤC")
    assert traced[start + 1] == "CÁCH TÍNH CÁC MỐC THỜI GIAN"
    assert _document("001", traces=True).paragraphs[start].paragraph_format.page_break_before
    assert ("Đăng ký thi đua: trước ngày 12/4/2022 (Thứ Ba) → hạn cuối 11/4/2022 (Thứ Hai, "
            "nghỉ bù Giỗ Tổ Hùng Vương) → lùi về 08/4/2022 (Thứ Sáu).") in traced[start:]


@pytest.mark.parametrize("seed", SEEDS)
def test_signature_block_and_recipients(seed):
    document = _document(seed)
    text = _text(seed)
    table = document.tables[-1]
    row = table.rows[0]
    assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    left, right = row.cells
    heading, *items = left.paragraphs
    assert heading.text == "Nơi nhận:"
    assert heading.runs[0].bold
    assert heading.runs[0].italic
    assert heading.runs[0].font.size == Pt(12)
    assert [_plain(p.text) for p in items] == list(text.recipients)
    assert all(p.runs[0].font.size == Pt(11) for p in items)
    assert all(p.text.startswith("- ") and p.text.endswith(";") for p in items[:-1])
    assert _plain(items[-1].text) == "- Lưu: VT."
    signer = [p.text for p in right.paragraphs if p.text]
    assert signer == ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"]
    assert all(run.bold for p in right.paragraphs for run in p.runs if run.text)
    assert len(right.paragraphs) >= 6  # room to sign


@pytest.mark.parametrize("seed", SEEDS)
def test_page_numbers_from_page_2(seed):
    section = _document(seed).sections[0]
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == ""
    header = section.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    codes = header._p.findall(f".//{qn('w:instrText')}")
    assert [code.text.strip() for code in codes] == ["PAGE"]
    assert {run.font.size for run in header.runs} == {Pt(14)}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Đợt 1: Từ nay", "Đợt\u00a01: Từ nay"),
        ("93 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2022)",
         "93\u00a0năm Ngày thành lập Công đoàn Việt\u00a0Nam (28/7/1929\u00a0-\u00a028/7/2022)"),
        ("trước ngày 12/4/2022; riêng CĐCS", "trước ngày\u00a012/4/2022; riêng CĐCS"),
        ("Sinh nhật Chủ tịch Hồ Chí Minh", "Sinh nhật Chủ tịch Hồ\u00a0Chí\u00a0Minh"),
        ("quý III/2022", "quý\u00a0III/2022"),
    ],
)
def test_names_and_dates_do_not_break(text, kept):
    assert _keep_together(text) == kept
    assert _plain(kept) == text


@pytest.mark.parametrize("seed", SEEDS)
def test_body_text_keeps_dates_and_phases_together(seed):
    whole = "\n".join(p.text for p in _document(seed).paragraphs)
    assert not re.search(r"\bĐợt \d", whole)
    assert not re.search(r"\d{1,2}/\d{1,2}/\d{4} - \d", whole)
    assert not re.search(r"\bngày \d", whole)


@pytest.mark.parametrize("seed", ["000", "002"])
def test_english(seed):
    document = _document(seed, "en")
    texts = _texts(document)
    assert "PLAN" in texts
    header = document.tables[0]
    assert header.rows[0].cells[1].paragraphs[0].text == "SOCIALIST REPUBLIC OF VIETNAM"
    assert "I. PURPOSE AND REQUIREMENTS" in texts
    assert document.tables[-1].rows[0].cells[0].paragraphs[0].text == "Recipients:"
    assert document.core_properties.language == "en-GB"


def test_date_style_reaches_the_document():
    result = _result("001")
    default = "\n".join(_texts(docx.Document(io.BytesIO(render_docx(result)))))
    padded = "\n".join(_texts(docx.Document(io.BytesIO(
        render_docx(result, date_style="dd/mm/yyyy")))))
    assert "trước ngày 04/4/2022" in default  # nd30, the document's default
    assert "trước ngày 04/04/2022" in padded


def test_the_document_fields_of_a_plan_file(tmp_path):
    text = (ROOT / "examples" / "seeds" / "002.yaml").read_text(encoding="utf-8")
    text += (
        "document:\n"
        "  number: 01/KH-CĐCS\n"
        "  signer: {authority: TM. BAN CHẤP HÀNH, title: Chủ tịch, name: Nguyễn Văn An}\n"
        "  recipients: [Công đoàn viên chức tỉnh (b/c), Các tổ công đoàn (t/h), 'Lưu: VT']\n"
        "  purpose: [Mục đích riêng của đơn vị.]\n"
        "  requirements: [Yêu cầu riêng.]\n"
        "  reporting: [Báo cáo về Ban Chấp hành trước ngày 20/12/2022.]\n"
        "  closing: Trên đây là Kế hoạch của CĐCS./.\n"
    )
    path = tmp_path / "002.yaml"
    path.write_text(text.replace("../catalogs/", str(ROOT / "examples" / "catalogs") + "/"),
                    encoding="utf-8")
    result = load_plan_file(path).build(calendar=load_work_calendar())
    document = docx.Document(io.BytesIO(render_docx(result)))
    texts = _texts(document)
    assert _plain(document.tables[0].rows[1].cells[0].text) == "Số: 01/KH-CĐCS"
    for line in ("Mục đích riêng của đơn vị.", "Yêu cầu riêng.",
                 "Báo cáo về Ban Chấp hành trước ngày 20/12/2022.",
                 "Trên đây là Kế hoạch của CĐCS./."):
        assert line in texts
    left, right = document.tables[-1].rows[0].cells
    assert [_plain(p.text) for p in left.paragraphs][1:] == [
        "- Công đoàn viên chức tỉnh (b/c);", "- Các tổ công đoàn (t/h);", "- Lưu: VT."]
    assert [p.text for p in right.paragraphs if p.text] == [
        "TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "Nguyễn Văn An"]


@pytest.mark.parametrize("seed", SEEDS)
def test_core_properties_come_from_the_plan(seed):
    document = _document(seed)
    result = _result(seed)
    core = document.core_properties
    assert core.title == result.plan.title
    assert core.author == result.plan.organisation.name
    moment = datetime.combine(result.plan.issued, datetime.min.time(), tzinfo=UTC)
    assert core.created == moment
    assert core.modified == moment
    assert "python-docx" not in (core.last_modified_by or "")
    with zipfile.ZipFile(io.BytesIO(_bytes(seed))) as package:
        stamps = {info.date_time for info in package.infolist()}
    issued = result.plan.issued
    assert stamps == {(issued.year, issued.month, issued.day, 0, 0, 0)}


@pytest.mark.parametrize("seed", SEEDS)
def test_the_same_plan_gives_the_same_bytes(seed):
    first = render_docx(_result(seed), traces=True)
    second = render_docx(_result(seed), traces=True)
    assert first == second
    assert first[:2] == b"PK"
    other = "001" if seed != "001" else "000"
    assert render_docx(_result(other)) != render_docx(_result(seed))


def test_the_package_opens_with_the_content_types_first():
    with zipfile.ZipFile(io.BytesIO(_bytes("000"))) as package:
        names = package.namelist()
        assert package.testzip() is None
    assert names[0] == "[Content_Types].xml"
    assert "word/document.xml" in names


def test_the_command_prints_the_review_notes_on_stderr(tmp_path, capsys):
    from thidua_calendar.cli import main

    out = tmp_path / "ke-hoach.docx"
    assert main(["plan", str(ROOT / "examples" / "seeds" / "000.yaml"), "-o", str(out)]) == 0
    notes = plan_sections(_result("000"), date_style=_style("000")).warnings
    err = capsys.readouterr().err.splitlines()
    assert err == [f"thidua-calendar: cần xem lại: {note}" for note in notes]
    assert out.read_bytes()[:2] == b"PK"
    texts = _texts(docx.Document(str(out)))
    assert not set(notes) & set(texts)


def test_traces_without_a_word_document_is_a_usage_error(capsys):
    from thidua_calendar.cli import main

    assert main(["plan", str(ROOT / "examples" / "seeds" / "000.yaml"), "--traces"]) == 2
    assert "--traces" in capsys.readouterr().err


@pytest.mark.parametrize("seed", SEEDS)
def test_the_reporting_part_refers_to_deadlines_only_when_there_are_some(seed):
    text = _text(seed)
    sections = {section.heading.split(". ", 1)[1]: section for section in text.parts[2].sections}
    reporting = " ".join(sections["Chế độ báo cáo"].paragraphs)
    if _result(seed).plan.deadlines:
        assert "Các mốc thời gian" in sections
        assert "đúng các mốc thời gian nêu trên" in reporting
    else:
        assert "Các mốc thời gian" not in sections
        assert "khi kết thúc mỗi đợt thi đua" in reporting
