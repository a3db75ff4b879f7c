"""What the checker found, as editors' lines or JSON (``thidua-calendar check``)."""

from __future__ import annotations

import json

from thidua_calendar.reading.check import Finding
from thidua_calendar.render.findings import finding_records, render_findings

FOUND = [
    ("a.md", Finding(line=3, column=7, level="error", code="wrong-count",
                     message="“94 năm” nhưng từ 28/7/1929 đến 28/7/2022 là 93 năm",
                     message_en="“94 năm” but 28/7/1929 to 28/7/2022 is 93 years")),
    ("b.txt", Finding(line=1, column=1, level="info", code="greeted-after-phase",
                      message="đợt hướng tới, hay nhầm đợt?",
                      message_en="a lead-up, or the wrong đợt?",
                      quote="120 năm Ngày thành lập tỉnh Bắc Kạn (11/4/1900 - 11/4/2020)")),
]


def test_text_is_one_line_per_finding_in_the_compilers_form():
    assert render_findings(FOUND, lang="en") == (
        "a.md:3:7: error: “94 năm” but 28/7/1929 to 28/7/2022 is 93 years [wrong-count]\n"
        "b.txt:1:1: info: “120 năm Ngày thành lập tỉnh Bắc Kạn (11/4/1900 - 11/4/2020)”: a "
        "lead-up, or the wrong đợt? [greeted-after-phase]\n")


def test_text_is_vietnamese_by_default():
    assert render_findings(FOUND) == (
        "a.md:3:7: lỗi: “94 năm” nhưng từ 28/7/1929 đến 28/7/2022 là 93 năm [wrong-count]\n"
        "b.txt:1:1: lưu ý: “120 năm Ngày thành lập tỉnh Bắc Kạn (11/4/1900 - 11/4/2020)”: đợt "
        "hướng tới, hay nhầm đợt? [greeted-after-phase]\n")


def test_json_has_the_contract_keys_and_keeps_vietnamese_as_it_is():
    out = render_findings(FOUND, format="json")
    assert "“94 năm”" in out
    assert out.endswith("]\n")
    assert json.loads(out) == finding_records(FOUND)
    assert [set(record) for record in json.loads(out)] == [
        {"file", "line", "column", "level", "code", "message", "quote"}] * 2


def test_nothing_found_is_empty_text_and_an_empty_list():
    assert render_findings([]) == ""
    assert render_findings([], format="json") == "[]\n"
