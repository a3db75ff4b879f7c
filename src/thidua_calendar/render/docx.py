"""A built plan as a Word document, laid out as Vietnamese administrative documents are.

The layout follows Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục I ("Thể thức và kỹ
thuật trình bày văn bản hành chính").  Each number below says where it was checked; the
Nghị định's own text was not at hand, so the checks are against published summaries of
Phụ lục I (thuvienphapluat.vn, lawnet.vn, lacviet.vn, giaoan.link, chanhvanphong.com),
and the numbers that only older rules confirm (Thông tư 01/2011/TT-BNV, which Phụ lục I
replaced) are marked so.

What the document says is :func:`~thidua_calendar.render.document.document_text`: the
header block (the issuing body under its parent with a short rule and "Số: …/KH-…" on the
left; Quốc hiệu, Tiêu ngữ with its rule and the place and date on the right), "KẾ HOẠCH"
and the subject with a short rule, the opening, the Roman-numbered parts, the closing
sentence, and one row holding "Nơi nhận" and the signature block.  Pages are numbered from
page 2.  Headings are kept with what follows; dates, counts ("93 năm"), "Đợt 1", date
ranges and short proper names are joined by non-breaking spaces so that a line never
breaks inside them.  The traces of the deadlines are an appendix, only when asked.

This is the only module of the package that imports python-docx; it is imported only when
a Word document is asked for.  The same plan always gives the same bytes: the core
properties' dates come from the plan's issue date, and the zip entries' timestamps (which
:mod:`zipfile` would take from the clock) are set to it too.
"""

from __future__ import annotations

import io
import itertools
import math
import re
import zipfile
from datetime import UTC, date, datetime, time

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Length, Mm, Pt, Twips
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from thidua_calendar.plan import PlanResult
from thidua_calendar.render.document import DocumentText, document_text
from thidua_calendar.render.plan import PeriodStyle
from thidua_calendar.styles import DOCUMENT_DATE_STYLE, DateStyle, Lang

__all__ = ["render_docx"]

# Word keeps page sizes in twips (1/1440 inch); each length is rounded up to a whole twip
# so that what Word reads back is not a hair under the minimum.


def _mm(millimetres: float) -> Twips:
    return Twips(math.ceil(millimetres * 1440 / 25.4))


# Phụ lục I, Phần I, Mục I.1-2 (thuvienphapluat.vn, lawnet.vn): khổ A4 (210 mm x 297 mm),
# trình bày theo chiều dài (portrait).  11906 x 16838 twips, Word's own A4.
PAGE_WIDTH = _mm(210)
PAGE_HEIGHT = _mm(297)
# Phụ lục I, Phần I, Mục I.3 (same sources): cách mép trên và mép dưới 20-25 mm, mép trái
# 30-35 mm, mép phải 15-20 mm.  The smallest of each range: the most room for the table.
MARGIN_TOP = _mm(20)
MARGIN_BOTTOM = _mm(20)
MARGIN_LEFT = _mm(30)
MARGIN_RIGHT = _mm(15)
# Phụ lục I, Phần I, Mục I.4 (same sources): phông chữ tiếng Việt Times New Roman, bộ mã
# Unicode (TCVN 6909:2001), màu đen.
FONT = "Times New Roman"
# Nội dung văn bản: chữ in thường, cỡ chữ 13-14, kiểu chữ đứng.  Checked only against
# Thông tư 01/2011/TT-BNV's wording (and Phụ lục I's "căn cứ ban hành … cỡ chữ từ 13 đến 14");
# Phụ lục I's own line for the body was not found.
BODY_SIZE = Pt(14)
# Tên cơ quan ban hành and tên cơ quan chủ quản: chữ in hoa, cỡ chữ 12-13 (the issuing body
# bold, the parent regular).  The 12-13 range is confirmed only in summaries of the older
# rules (TTLT 55/2005/TTLT-BNV-VPCP); the uppercase, bold / regular styles are confirmed for
# Phụ lục I.
AGENCY_SIZE = Pt(13)
# Phụ lục I, Phần I, Mục II.1: Quốc hiệu in hoa, cỡ chữ 12-13, đứng, đậm; Tiêu ngữ in thường, cỡ chữ
# 13-14, đứng, đậm, canh giữa dưới Quốc hiệu (lacviet.vn's summary).  12 and 13 keep the
# Quốc hiệu on one line in its column.
NATIONAL_SIZE = Pt(12)
MOTTO_SIZE = Pt(13)
# Địa danh và thời gian ban hành: chữ in thường, cỡ chữ 13-14, kiểu chữ nghiêng.  Confirmed
# only in a summary of the older TTLT 55/2005/TTLT-BNV-VPCP, not for Phụ lục I.  The line is
# "Bắc Kạn, ngày 05 tháng 01 năm 2022" (render.plan.issue_line), set under the Tiêu ngữ in
# the right-hand column's place: its own line, right-aligned, under the header block.
ISSUED_SIZE = Pt(13)
# Tên loại văn bản: in hoa, cỡ chữ 13-14, đứng, đậm; trích yếu: in thường, cỡ chữ 13-14,
# đứng, đậm.  Not confirmed from a summary of Phụ lục I (the summaries found quote the
# older 14-15 for the type name); 14 lies in both ranges.
HEADING_SIZE = Pt(14)
TITLE_SIZE = Pt(14)
# Số, ký hiệu của văn bản: chữ in thường, cỡ chữ 13, kiểu chữ đứng; "Số" then a colon, the
# number, "/", the type's abbreviation (KH) and the body's (Phụ lục I, Phần II, Mục 3).
NUMBER_SIZE = Pt(13)
# Chức vụ, quyền hạn của người ký: chữ in hoa, cỡ chữ 13-14, đứng, đậm; họ và tên: chữ in
# thường, cỡ chữ 13-14, đứng, đậm (Phụ lục I, Phần II, Mục 7).  Room to sign and stamp.
SIGNER_SIZE = Pt(14)
SIGNING_ROOM = 4
# Nơi nhận: the words "Nơi nhận" in italics, bold, 12 pt, then one line per recipient in
# 11 pt, each beginning with a dash and ending with a semicolon, the last ("Lưu: VT") with a
# full stop (Phụ lục I, Phần II, Mục 9).
RECIPIENTS_HEADING_SIZE = Pt(12)
RECIPIENTS_SIZE = Pt(11)
# Số trang: chữ số Ả Rập, cỡ chữ 13-14, đứng, canh giữa trong phần lề trên, không hiển thị
# số trang thứ nhất (Phụ lục I, Phần I, Mục I.5).
PAGE_NUMBER_SIZE = Pt(14)
HEADER_DISTANCE = Mm(10)
# The appendix of traces: a size below the body (it is for the person who drafts).
APPENDIX_SIZE = Pt(13)
# The short rules: under the issuing body and under the subject 1/3 to 1/2 of the line of
# text above (0.4 of it here), under the Tiêu ngữ as long as the Tiêu ngữ (measured on the
# rendered page: "Độc lập - Tự do - Hạnh phúc" in bold 13 pt is about 61 mm).  Drawn as the
# top border of a 2-point paragraph, 0.75 pt thick (w:sz counts eighths of a point).
RULE_WEIGHT = 6
RULE_LINE = 2
RULE_GAP = 3  # clear of the descenders of the line above
AGENCY_RULE_SHARE = 0.4
MOTTO_RULE = {"vi": Mm(61), "en": Mm(74)}
# Khi xuống dòng, chữ đầu dòng lùi vào 1 cm hoặc 1,27 cm (1 default tab): confirmed only
# against Thông tư 01/2011/TT-BNV's wording ("từ 1cm đến 1,27cm"); Phụ lục I's own line was
# not found.
FIRST_LINE_INDENT = Cm(1.27)
# Khoảng cách giữa các đoạn văn tối thiểu là 6pt; khoảng cách giữa các dòng tối thiểu là
# dòng đơn, tối đa là 1,5 lines (chanhvanphong.com's summary of Nghị định 30).
PARAGRAPH_SPACING = Pt(6)
LINE_SPACING = 1.15
# The header block's columns: the issuing body on the left, Quốc hiệu on the right
# (Phụ lục I, Phần I, Mục IV, sơ đồ bố trí các thành phần thể thức: ô số 2 and ô số 1, per
# lawnet.vn); under them "Số" (ô 3) and the place and date (ô 4).
TEXT_WIDTH = Length(PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
HEADER_WIDTHS = (Mm(70), Mm(95))
# Nơi nhận (ô 9a) on the left, the signature block (ô 7) on the right.
SIGNATURE_WIDTHS = (Mm(80), Mm(85))

_NATIONAL = {"vi": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
             "en": ("SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness")}
_LANGUAGE_TAG = {"vi": "vi-VN", "en": "en-GB"}
_AFTER_TBL_BORDERS = ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
                      "tblDescription")
# What follows w:pBdr in a paragraph's properties (CT_PPr is a sequence).
_AFTER_PBDR = tuple(f"w:{name}" for name in (
    "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
    "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange"))
_NBSP = "\u00a0"
# What a line must not break inside: "Đợt 1", "ngày 12/4/2022", "Số: 01", "quý III";
# "93 năm", "15 ngày"; a range "28/7/1929 - 28/7/2022".
_BEFORE_NUMBER = re.compile(
    r"\b(Đợt|đợt|Phase|ngày|tháng|năm|Số:|No\.:|số|thứ|Điều|khoản|quý|lần|đến|từ|Từ) "
    r"(?=[\dIVX])")
# A count starts at the first digit of its number (the look-behind keeps a run of digits
# from being tried at every one of its positions: linear time on any text).
_COUNT = re.compile(r"(?<!\d)(\d+) (?=(?:năm|tháng|ngày|working days?|days?)\b)")
_RANGE = re.compile(r"(\d) - (?=\d)")


def _titled(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def _keep_together(text: str) -> str:
    """Non-breaking spaces where a line must not break: inside dates and date ranges, "Đợt
    1", counts, and short proper names ("Việt Nam", "Hồ Chí Minh": up to three capitalised
    words in a row)."""
    text = _RANGE.sub(f"\\1{_NBSP}-{_NBSP}", text)
    text = _BEFORE_NUMBER.sub(f"\\1{_NBSP}", text)
    text = _COUNT.sub(f"\\1{_NBSP}", text)
    words = text.split(" ")
    joined = [words[0]]
    run = 1
    for previous, word in itertools.pairwise(words):
        if _titled(previous.rsplit(_NBSP, 1)[-1]) and _titled(word) and run < 3:
            joined[-1] += _NBSP + word
            run += 1
        else:
            joined.append(word)
            run = 1
    return " ".join(joined)


def _set_fonts(element: BaseOxmlElement, lang: Lang) -> None:
    """Name Times New Roman for every script of a ``w:rPr`` (Latin, Vietnamese, East Asian,
    complex), dropping theme fonts, which would otherwise win."""
    fonts = element.find(qn("w:rFonts"))
    if fonts is None:  # rFonts comes first, after an rStyle
        fonts = OxmlElement("w:rFonts")
        style = element.find(qn("w:rStyle"))
        if style is None:
            element.insert(0, fonts)
        else:
            style.addnext(fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    language = element.find(qn("w:lang"))
    if language is None:  # lang comes after every property set here, before these few
        language = OxmlElement("w:lang")
        later = [child for child in element
                 if child.tag in {qn("w:eastAsianLayout"), qn("w:specVanish"), qn("w:oMath")}]
        if later:
            later[0].addprevious(language)
        else:
            element.append(language)
    language.set(qn("w:val"), _LANGUAGE_TAG[lang])


def _setup(document: Document, lang: Lang) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = PAGE_WIDTH
    section.page_height = PAGE_HEIGHT
    section.top_margin = MARGIN_TOP
    section.bottom_margin = MARGIN_BOTTOM
    section.left_margin = MARGIN_LEFT
    section.right_margin = MARGIN_RIGHT
    # The document defaults (which name the theme's fonts in the template) and Normal.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _set_fonts(rpr, lang)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = BODY_SIZE
    _set_fonts(normal.element.get_or_add_rPr(), lang)
    normal_format = normal.paragraph_format
    normal_format.space_before = Pt(0)
    normal_format.space_after = Pt(0)
    normal_format.line_spacing = 1.0


#: What XML 1.0 cannot hold (C0 controls but tab and line ends, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: The longest core property (title, author) python-docx writes.
_PROPERTY_LIMIT = 255


def _xml_text(text: str) -> str:
    """``text`` without the characters an XML document cannot hold."""
    return _NOT_XML.sub("", text)


def _property(text: str) -> str:
    """A document property: one line of XML text, cut to python-docx's limit with an
    ellipsis (the body keeps the whole text)."""
    line = " ".join(_xml_text(text).split())
    if len(line) > _PROPERTY_LIMIT:
        line = line[: _PROPERTY_LIMIT - 1].rstrip() + "…"
    return line


def _run(paragraph: Paragraph, text: str, lang: Lang, *, size: Length, bold: bool = False,
         italic: bool = False) -> None:
    run = paragraph.add_run(_xml_text(text))
    run.font.name = FONT
    run.font.size = size
    run.bold = bold
    run.italic = italic
    _set_fonts(run._r.get_or_add_rPr(), lang)


def _line(paragraph: Paragraph, text: str, lang: Lang, *, size: Length, bold: bool = False,
          italic: bool = False, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER) -> None:
    paragraph.alignment = align
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.paragraph_format.space_after = Pt(0)
    _run(paragraph, text, lang, size=size, bold=bold, italic=italic)


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{edge}")
        border.set(qn("w:val"), "nil")
        borders.append(border)
    # CT_TblPr is a sequence: tblBorders goes before shd, tblLayout, tblCellMar and tblLook.
    later = [child for child in tbl_pr
             if child.tag in {qn(f"w:{name}") for name in _AFTER_TBL_BORDERS}]
    if later:
        later[0].addprevious(borders)
    else:
        tbl_pr.append(borders)


def _widths(table: Table, widths: tuple[Length, ...]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _cell_paragraph(cell: _Cell, first: bool) -> Paragraph:
    paragraph: Paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    return paragraph


def _border(paragraph: Paragraph, edge: str = "top") -> None:
    """A single thin rule along one edge of a paragraph (``w:pBdr``)."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{edge}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(RULE_WEIGHT))
    line.set(qn("w:space"), "1")
    line.set(qn("w:color"), "000000")
    borders.append(line)
    p_pr.insert_element_before(borders, *_AFTER_PBDR)


def _rule(cell_or_document: Document | _Cell, width: Length, room: Length) -> None:
    """A short centred rule, ``width`` long, in a column ``room`` wide (Phụ lục I: under the
    issuing body, the Tiêu ngữ and the subject)."""
    paragraph = cell_or_document.add_paragraph()
    layout = paragraph.paragraph_format
    side = Length(max(int((room - min(width, room)) / 2), 0))
    layout.left_indent = side
    layout.right_indent = side
    layout.first_line_indent = Pt(0)
    layout.space_before = Pt(RULE_GAP)
    layout.space_after = Pt(0)
    layout.line_spacing = Pt(RULE_LINE)
    layout.keep_with_next = True
    _border(paragraph)
    _run(paragraph, "", "vi", size=Pt(RULE_LINE))


def _text_width(text: str, size: Length, *, upper: bool = False) -> Length:
    """About how wide a line of Times New Roman is: the average advance of its letters
    (0.5 em; 0.68 em in capitals), enough to size the short rules under it."""
    em = 0.68 if upper else 0.5
    return Length(int(len(text) * em * size))


def _header(document: Document, text: DocumentText, lang: Lang) -> None:
    """The header block (Phụ lục I, Mục IV, ô 1-4): the issuing body under its parent with
    a short rule and "Số: …" on the left; Quốc hiệu, Tiêu ngữ with a rule the length of the
    Tiêu ngữ, and the place and date (in italics) on the right."""
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _widths(table, HEADER_WIDTHS)
    (left, right), (number, issued) = (row.cells for row in table.rows)
    lines = [(text.parent.upper(), False)] if text.parent else []
    lines.append((text.agency.upper(), True))
    for index, (line, bold) in enumerate(lines):
        _line(_cell_paragraph(left, index == 0), _keep_together(line), lang, size=AGENCY_SIZE,
              bold=bold)
    longest = max(_text_width(line, AGENCY_SIZE, upper=True) for line, _ in lines)
    _rule(left, Length(int(min(longest, HEADER_WIDTHS[0]) * AGENCY_RULE_SHARE)),
          HEADER_WIDTHS[0])
    national, motto = _NATIONAL[lang]
    _line(_cell_paragraph(right, True), national, lang, size=NATIONAL_SIZE, bold=True)
    _line(_cell_paragraph(right, False), motto, lang, size=MOTTO_SIZE, bold=True)
    _rule(right, MOTTO_RULE[lang], HEADER_WIDTHS[1])
    paragraph = _cell_paragraph(number, True)
    _line(paragraph, _keep_together(text.number), lang, size=NUMBER_SIZE)
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph = _cell_paragraph(issued, True)
    _line(paragraph, _keep_together(text.issued), lang, size=ISSUED_SIZE, italic=True)
    paragraph.paragraph_format.space_before = Pt(6)


def _body(document: Document, text: str, lang: Lang, *, bold: bool = False,
          keep_with_next: bool = False, size: Length = BODY_SIZE) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    layout = paragraph.paragraph_format
    layout.first_line_indent = FIRST_LINE_INDENT
    layout.space_after = PARAGRAPH_SPACING
    layout.line_spacing = LINE_SPACING
    layout.widow_control = True
    layout.keep_with_next = keep_with_next
    _run(paragraph, _keep_together(text), lang, size=size, bold=bold)
    return paragraph


def _heading(document: Document, text: str, lang: Lang) -> None:
    """A part or a section heading: bold, kept on the page of what follows it."""
    paragraph = _body(document, text, lang, bold=True, keep_with_next=True)
    paragraph.paragraph_format.keep_together = True


def _signature(document: Document, text: DocumentText, lang: Lang) -> None:
    """Nơi nhận on the left (12 pt bold italic heading, 11 pt lines), the signer on the right
    (authority and title in capitals, bold; room to sign; the name, bold), in one row that
    is never split across pages."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _widths(table, SIGNATURE_WIDTHS)
    row = table.rows[0]
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    left, right = row.cells
    heading = _cell_paragraph(left, True)
    _line(heading, text.recipients_heading, lang, size=RECIPIENTS_HEADING_SIZE, bold=True,
          italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    heading.paragraph_format.space_before = Pt(6)
    for item in text.recipients:
        _line(left.add_paragraph(), _keep_together(item), lang, size=RECIPIENTS_SIZE,
              align=WD_ALIGN_PARAGRAPH.LEFT)
    for index, line in enumerate(text.signer):
        paragraph = _cell_paragraph(right, index == 0)
        _line(paragraph, line, lang, size=SIGNER_SIZE, bold=True)
        if index == 0:
            paragraph.paragraph_format.space_before = Pt(6)
    for _ in range(SIGNING_ROOM):
        _line(right.add_paragraph(), "", lang, size=SIGNER_SIZE)
    _line(right.add_paragraph(), text.signer_name or "", lang, size=SIGNER_SIZE, bold=True)


def _page_numbers(document: Document, lang: Lang) -> None:
    """Page numbers from page 2 (Phụ lục I: Arabic numerals, 13-14 pt, centred in the top
    margin, none on the first page): a PAGE field in the header, an empty first-page
    header."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.header_distance = HEADER_DISTANCE
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    begin, instruction, end = (OxmlElement("w:fldChar"), OxmlElement("w:instrText"),
                               OxmlElement("w:fldChar"))
    begin.set(qn("w:fldCharType"), "begin")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    end.set(qn("w:fldCharType"), "end")
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    for element in (begin, instruction, separate):
        _run(paragraph, "", lang, size=PAGE_NUMBER_SIZE)
        paragraph.runs[-1]._r.append(element)
    _run(paragraph, "2", lang, size=PAGE_NUMBER_SIZE)  # shown until the field updates
    _run(paragraph, "", lang, size=PAGE_NUMBER_SIZE)
    paragraph.runs[-1]._r.append(end)
    first = section.first_page_header.paragraphs[0]
    _run(first, "", lang, size=PAGE_NUMBER_SIZE)


def _end(document: Document) -> None:
    """The paragraph Word needs after a last table, one point high: a full page before it
    must not push it onto a page of its own (seed 001 used to open with a blank second
    page: the empty 14-point paragraph after its deadline table did not fit on page 1)."""
    paragraph = document.add_paragraph()
    layout = paragraph.paragraph_format
    layout.space_before = Pt(0)
    layout.space_after = Pt(0)
    layout.line_spacing = Pt(1)
    layout.first_line_indent = Pt(0)
    _run(paragraph, "", "vi", size=Pt(1))


def _appendix(document: Document, text: DocumentText, lang: Lang) -> None:
    """The traces, asked for with ``traces=True``: on a page of their own after the plan."""
    for index, line in enumerate(text.appendix_heading):
        paragraph = document.add_paragraph()
        if index == 0:
            paragraph.paragraph_format.page_break_before = True
        paragraph.paragraph_format.keep_with_next = True
        _line(paragraph, line, lang, size=HEADING_SIZE, bold=index < 2, italic=index == 2)
    document.paragraphs[-1].paragraph_format.space_after = Pt(12)
    for line in text.appendix:
        _body(document, line, lang, size=APPENDIX_SIZE)


def _fixed_moment(issued: date) -> datetime:
    """The moment the document says it was made: midnight (UTC) of the plan's issue date."""
    return datetime.combine(issued, time(0, 0), tzinfo=UTC)


def _stamp_zip(data: bytes, issued: date) -> bytes:
    """The same package with every entry dated the plan's issue date, not the clock."""
    moment = (max(issued.year, 1980), issued.month, issued.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=moment)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


def render_docx(
    result: PlanResult,
    /,
    *,
    lang: Lang = "vi",
    date_style: DateStyle = DOCUMENT_DATE_STYLE,
    period_style: PeriodStyle = "den",
    period_date_style: DateStyle | None = None,
    traces: bool = False,
) -> bytes:
    """The plan as the document a unit sends (:func:`~thidua_calendar.render.document.
    document_text`), laid out as Phụ lục I asks; ``traces`` adds the appendix of how each
    deadline was found.  The same plan always gives the same bytes."""
    text = document_text(result, lang=lang, date_style=date_style, period_style=period_style,
                         period_date_style=period_date_style, traces=traces)
    document = docx.Document()
    _setup(document, lang)
    _page_numbers(document, lang)
    _header(document, text, lang)

    heading = document.add_paragraph()
    heading.paragraph_format.space_before = Pt(18)
    heading.paragraph_format.keep_with_next = True
    _line(heading, text.heading, lang, size=HEADING_SIZE, bold=True)
    title = document.add_paragraph()
    title.paragraph_format.keep_with_next = True
    _line(title, _keep_together(text.title), lang, size=TITLE_SIZE, bold=True)
    _rule(document, Length(int(min(_text_width(text.title, TITLE_SIZE), TEXT_WIDTH)
                               * AGENCY_RULE_SHARE)), TEXT_WIDTH)
    document.paragraphs[-1].paragraph_format.space_after = Pt(12)

    for paragraph in text.opening:
        _body(document, paragraph, lang)
    for part in text.parts:
        _heading(document, part.heading, lang)
        for section in part.sections:
            _heading(document, section.heading, lang)
            for paragraph in section.paragraphs:
                _body(document, paragraph, lang)
    _body(document, text.closing, lang)
    _signature(document, text, lang)
    if text.appendix:
        _appendix(document, text, lang)
    else:
        _end(document)
    # The review notes (plan_sections().warnings) are not part of the document a unit
    # signs: the command prints them on stderr instead.

    core = document.core_properties
    core.title = _property(text.title)
    core.author = _property(text.agency)
    core.last_modified_by = _property(text.agency)
    core.comments = ""
    core.language = _LANGUAGE_TAG[lang]
    core.revision = 1
    moment = _fixed_moment(result.plan.issued)
    core.created = moment
    core.modified = moment

    out = io.BytesIO()
    document.save(out)
    return _stamp_zip(out.getvalue(), result.plan.issued)
