"""The header of a printed plan (thidua_calendar.reading.header)."""

from __future__ import annotations

from datetime import date

from thidua_calendar.files.documents import Document
from thidua_calendar.reading.header import Header, read_header

HEAD = """\
TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC KẠN Độc lập - Tự do - Hạnh phúc
Số: 12/KH-LĐLĐ
Bắc Kạn, ngày {day} tháng 02 năm 2022

**KẾ HOẠCH**
**Phát động phong trào thi đua
trong đoàn viên năm 2022**

Thực hiện Kế hoạch số 1/KH-TLĐ ngày 5/1/2022 của Tổng Liên đoàn; Ban Thường vụ ...
"""


def _header(text: str) -> Header:
    document = Document.from_text(text)
    return read_header(document.lines, document.text)


def test_a_full_header():
    assert _header(HEAD.format(day="15")) == Header(
        title="Phát động phong trào thi đua trong đoàn viên năm 2022",
        organisation="Liên đoàn Lao động tỉnh Bắc Kạn",
        parent="Tổng Liên đoàn Lao động Việt Nam",
        issued="2022-02-15", issued_date=date(2022, 2, 15), place="Bắc Kạn",
        implements="Thực hiện Kế hoạch số 1/KH-TLĐ ngày 5/1/2022 của Tổng Liên đoàn")


def test_a_blank_day_is_read_as_the_month_and_said():
    header = _header(HEAD.format(day="   "))
    assert (header.issued, header.issued_date) == ("2022-02", date(2022, 2, 1))
    assert header.issued_note is None
    header = _header(HEAD.format(day="..."))
    assert header.issued == "2022-02"
    assert header.issued_note is not None
    assert "“...”" in header.issued_note


def test_an_impossible_issue_date_is_kept_as_printed():
    header = _header(HEAD.format(day="31"))
    assert header.issued is None
    assert header.issued_date is None
    assert header.issued_unreadable == "ngày 31 tháng 02 năm 2022"


def test_the_issuing_body_from_the_text_when_the_header_has_none():
    header = _header("KẾ HOẠCH\nThi đua\n\nBan Thường vụ Công đoàn ngành Y tế ban hành kế "
                     "hoạch như sau.")
    assert header.organisation == "Công đoàn ngành Y tế"
    assert header.title == "Thi đua"
    assert header.parent is None
    assert header.place is None


def test_an_empty_text_has_an_empty_header():
    assert _header("") == Header()
