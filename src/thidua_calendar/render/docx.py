"""A built plan's calendar sections as a Word document, laid out as Vietnamese
administrative documents are.

The layout follows Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục I ("Thể thức và kỹ
thuật trình bày văn bản hành chính").  Each number below says where it was checked; the
Nghị định's own text was not at hand, so the checks are against published summaries of
Phụ lục I (thuvienphapluat.vn, lawnet.vn, lacviet.vn, giaoan.link, chanhvanphong.com),
and the numbers that only older rules confirm (Thông tư 01/2011/TT-BNV, which Phụ lục I
replaced) are marked so.

What the document holds is :func:`~thidua_calendar.render.plan.plan_sections`, the same
text the text, Markdown and JSON forms show: the header block (issuing body on the left,
Quốc hiệu and Tiêu ngữ on the right), the issue line, "KẾ HOẠCH" and the plan's subject,
then the preamble, one paragraph per đợt, the table of deadlines and what to check.  The
table has four columns (task, who, as worded, due); how each due day was found (the fifth
column of the sections) goes under the due day in the same cell, in italics and a size
smaller, since a fifth column would leave each too narrow on a portrait page.

This is the only module of the package that imports python-docx; it is imported only when
a Word document is asked for.  The same plan always gives the same bytes: the core
properties' dates come from the plan's issue date, and the zip entries' timestamps (which
:mod:`zipfile` would take from the clock) are set to it too.
"""

from __future__ import annotations

import io
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
from thidua_calendar.render.plan import PeriodStyle, PlanSections, plan_sections
from thidua_calendar.styles import DateStyle, Lang

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
# Tables: Phụ lục I sets no size for a table inside the text; one size below the body keeps
# four columns readable on a portrait page.
TABLE_SIZE = Pt(12)
TRACE_SIZE = Pt(11)
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
# lawnet.vn).  The short rules Phụ lục I draws under the issuing body and under the Tiêu ngữ
# are not drawn.
HEADER_WIDTHS = (Mm(68), Mm(97))
# Task, who, as worded, due (with how it was found).
DEADLINE_WIDTHS = (Mm(50), Mm(30), Mm(37), Mm(48))

_NATIONAL = {"vi": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
             "en": ("SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness")}
_LANGUAGE_TAG = {"vi": "vi-VN", "en": "en-GB"}
_AFTER_TBL_BORDERS = ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
                      "tblDescription")


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


def _header(document: Document, sections: PlanSections, parent: str | None,
            lang: Lang) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _widths(table, HEADER_WIDTHS)
    left, right = table.rows[0].cells
    lines = [(parent.upper(), False)] if parent else []
    lines.append((sections.organisation.upper(), True))
    for index, (text, bold) in enumerate(lines):
        _line(_cell_paragraph(left, index == 0), text, lang, size=AGENCY_SIZE, bold=bold)
    national, motto = _NATIONAL[lang]
    _line(_cell_paragraph(right, True), national, lang, size=NATIONAL_SIZE, bold=True)
    _line(_cell_paragraph(right, False), motto, lang, size=MOTTO_SIZE, bold=True)


def _body(document: Document, text: str, lang: Lang, *,
          bold: bool = False) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    layout = paragraph.paragraph_format
    layout.first_line_indent = FIRST_LINE_INDENT
    layout.space_after = PARAGRAPH_SPACING
    layout.line_spacing = LINE_SPACING
    _run(paragraph, text, lang, size=BODY_SIZE, bold=bold)


def _repeat_as_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def _deadlines(document: Document, sections: PlanSections, lang: Lang) -> None:
    table = document.add_table(rows=1 + len(sections.deadline_rows), cols=4)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, DEADLINE_WIDTHS)
    _repeat_as_header(table)
    for cell, title in zip(table.rows[0].cells, sections.deadline_columns[:4], strict=True):
        _line(cell.paragraphs[0], title, lang, size=TABLE_SIZE, bold=True)
    for row, values in zip(table.rows[1:], sections.deadline_rows, strict=True):
        name, who, worded, due, trace = values
        for cell, text in zip(row.cells, (name, who, worded, due), strict=True):
            _line(cell.paragraphs[0], text, lang, size=TABLE_SIZE,
                  align=WD_ALIGN_PARAGRAPH.LEFT)
        if trace:
            _line(row.cells[3].add_paragraph(), trace, lang, size=TRACE_SIZE, italic=True,
                  align=WD_ALIGN_PARAGRAPH.LEFT)
    # Space between the table and what follows.
    document.add_paragraph().paragraph_format.space_after = PARAGRAPH_SPACING


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
    date_style: DateStyle = "d/m/yyyy",
    period_style: PeriodStyle = "den",
    period_date_style: DateStyle | None = None,
) -> bytes:
    """The plan's calendar sections as a Word (.docx) document, in Vietnamese administrative
    layout; the same plan always gives the same bytes."""
    sections = plan_sections(result, lang=lang, date_style=date_style,
                             period_style=period_style, period_date_style=period_date_style)
    document = docx.Document()
    _setup(document, lang)
    _header(document, sections, result.plan.organisation.parent, lang)

    _line(document.add_paragraph(), sections.issued, lang, size=ISSUED_SIZE, italic=True,
          align=WD_ALIGN_PARAGRAPH.RIGHT)
    heading = document.add_paragraph()
    heading.paragraph_format.space_before = PARAGRAPH_SPACING
    _line(heading, sections.heading, lang, size=HEADING_SIZE, bold=True)
    title = document.add_paragraph()
    _line(title, sections.title, lang, size=TITLE_SIZE, bold=True)
    title.paragraph_format.space_after = Pt(12)

    if sections.implements:
        _body(document, sections.implements, lang)
    for sentence in sections.preamble:
        _body(document, sentence, lang)
    _body(document, sections.phases_heading, lang, bold=True)
    for paragraph in sections.phases:
        _body(document, paragraph, lang)
    if sections.deadline_rows:
        _body(document, sections.deadlines_heading, lang, bold=True)
        _deadlines(document, sections, lang)
    # The review notes (sections.warnings) are not part of the document a unit signs: the
    # command prints them on stderr instead.

    core = document.core_properties
    core.title = _property(sections.title)
    core.author = _property(sections.organisation)
    core.last_modified_by = _property(sections.organisation)
    core.comments = ""
    core.language = _LANGUAGE_TAG[lang]
    core.revision = 1
    moment = _fixed_moment(result.plan.issued)
    core.created = moment
    core.modified = moment

    out = io.BytesIO()
    document.save(out)
    return _stamp_zip(out.getvalue(), result.plan.issued)
