"""Messages for people are Vietnamese by default, with an English form.

Errors carry both languages (``error.message("vi")``, ``error.message("en")``; ``str(error)``
is the English one).  The command line prints Vietnamese unless ``--lang en`` is given.
"""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

import pytest

import thidua_calendar
from thidua_calendar.cli import main
from thidua_calendar.errors import InputError, OutOfRangeError, PlanError

PACKAGE = Path(thidua_calendar.__file__).parent


def _run(capsys, *argv):
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_command_line_speaks_vietnamese_by_default(capsys):
    status, out, err = _run(capsys, "anniversaries", "2200")
    assert (status, out) == (2, "")
    assert err == "thidua-calendar: lỗi: năm 2200 nằm ngoài khoảng được hỗ trợ 1900-2100\n"


def test_english_on_request(capsys):
    status, _, err = _run(capsys, "anniversaries", "2200", "--lang", "en")
    assert (status, err) == (
        2, "thidua-calendar: error: year 2200 is outside the supported range 1900-2100\n")


def test_a_located_error_names_its_place_in_vietnamese(tmp_path, capsys):
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text(
        "organisation: {name: Công đoàn cơ sở Trường A}\n"
        "title: Kế hoạch thi đua\n"
        "issued: 2022-01-05\n"
        "period: {start: 2022-08-01, end: 2022-12-31}\n"
        "phases:\n"
        '  - {id: dot_1, name: Đợt 1, start: 2022-08-01, end: "anniversary:thanh_lap_dang"}\n',
        encoding="utf-8")
    status, _, err = _run(capsys, "plan", str(plan))
    assert status == 2
    assert err == (f"thidua-calendar: lỗi: {plan}:6: đợt “dot_1”, trường “end”: “Ngày thành "
                   "lập Đảng Cộng sản Việt Nam” không rơi vào thời gian của kế hoạch\n")
    status, _, err = _run(capsys, "plan", str(plan), "--lang", "en")
    assert err.endswith("phase 'dot_1', field 'end': Ngày thành lập Đảng Cộng sản Việt Nam "
                        "does not occur in the plan's period\n")


def test_both_languages_survive_wrapping_and_locating():
    inner = OutOfRangeError("year 2200 is outside", vi="năm 2200 nằm ngoài")
    wrapped = PlanError.wrap(inner, entry_id="dot_1", field="end", item="phase")
    placed = wrapped.located(path="p.yaml", line=3)
    assert str(placed) == "p.yaml:3: phase 'dot_1', field 'end': year 2200 is outside"
    assert placed.message("vi") == "p.yaml:3: đợt “dot_1”, trường “end”: năm 2200 nằm ngoài"
    assert placed.message("en") == str(placed)


def test_without_a_vietnamese_sentence_the_english_one_stands_in():
    error = InputError("no such file", path="x.yaml")
    assert error.message("vi") == "x.yaml: no such file"


# -- which raisers still give no Vietnamese sentence -----------------------------------------

def _untranslated() -> list[str]:
    """Calls that build an error of the package (``…Error(…)``, ``fail(…)``) from a literal
    message without ``vi=``."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else (
                func.attr if isinstance(func, ast.Attribute) else "")
            if not ((name.endswith("Error") and name not in vars(builtins)
                    and name != "ArgumentTypeError") or name == "fail"):
                continue
            if not isinstance(node.args[0], (ast.Constant, ast.JoinedStr)):
                continue
            if any(keyword.arg == "vi" for keyword in node.keywords):
                continue
            found.append(f"{path.relative_to(PACKAGE).as_posix()}:{node.lineno}")
    return found


#: How many raisers still give no Vietnamese sentence (their English one stands in): the
#: work left on "Vietnamese by default for every message".  It may only go down; lower it
#: as raisers are translated, to 0.
UNTRANSLATED_AT_MOST = 0


def test_untranslated_messages_only_go_down():
    left = _untranslated()
    assert len(left) <= UNTRANSLATED_AT_MOST, "\n".join(left)


def test_the_scan_sees_a_raiser_without_vietnamese():
    tree = ast.parse('raise PlanError("x", field="f")\nraise PlanError("x", vi="y")\n')
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    assert [any(k.arg == "vi" for k in call.keywords) for call in calls] == [False, True]


@pytest.mark.parametrize(("text", "said"), [
    ("organisation: {name: A}\ntitle: x\nissued: 31/02/2027\nperiod: {year: 2027}\n"
     "phases:\n  split: halves\n", ":3: trường “issued”: ngày “31/02/2027” không có thật"),
    ("organisation: {name: A}\ntitle: x\nissued: 2027-01-05\nperiod: {year: 2027}\n"
     "phases:\n  split: halves\nbogus: 1\n",
     ":7: trường “bogus”: trường này không có trong định dạng; xem docs/plans.md"),
    ("organisation: {name: A\ntitle: x\n",
     ":1: trường “organisation”: tệp không đúng cú pháp YAML: bảng {...} chưa đóng"),
    ("organisation:\n\tname: A\n", "tệp không đúng cú pháp YAML: có một ký tự không được đứng "
     "đầu giá trị (thường là dấu tab"),
    ("organisation: {name: A}\ntitle: x\nissued: 2027-01-05\nperiod: {year: 2027}\n"
     "phases:\n  - {id: dot_1, name: Đợt 1, start: 2027-01-05, end: 'anniversary:x'}\n",
     "danh mục không có mục nào mã “x”"),
])
def test_plan_file_mistakes_are_explained_in_vietnamese(tmp_path, capsys, text, said):
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text(text, encoding="utf-8")
    status, _, err = _run(capsys, "plan", str(plan))
    assert status == 2
    assert err.startswith(f"thidua-calendar: lỗi: {plan}")
    assert said in err
    assert err.count("\n") == 1


def test_a_catalog_origin_mistake_is_explained_in_vietnamese(tmp_path, capsys):
    catalog = tmp_path / "ngay-rieng.yaml"
    catalog.write_text(
        "entries:\n  - id: thanh_lap_truong\n    name: Ngày thành lập Trường\n"
        "    name_en: School day\n    origin: \"2006-02-30\"\n    tags: [local]\n"
        "    sources:\n      - {title: Quyết định, url: \"https://example.org/qd\"}\n",
        encoding="utf-8")
    status, _, err = _run(capsys, "anniversaries", "2026", "--catalog", str(catalog))
    assert status == 2
    assert "mục “thanh_lap_truong”, trường “origin”: mốc “2006-02-30” không phải ngày có thật: " \
           "tháng 2/2006 có 28 ngày" in err
