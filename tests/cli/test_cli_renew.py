"""``thidua-calendar renew``: its forms, exit statuses, change list and formats."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest

from thidua_calendar.cli import main

CORPUS = Path(__file__).parents[1] / "corpus"
PLAN_2025 = CORPUS / "renew-2025.txt"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_a_text_plan_is_renewed_with_a_change_list(tmp_path, capsys):
    out_file, changes = tmp_path / "ke-hoach-2026.txt", tmp_path / "changes.txt"
    status, out, err = run(capsys, "renew", str(PLAN_2025), "--year", "2026", "-o",
                           str(out_file), "--changes", str(changes))
    assert (status, out) == (1, "")  # something needs a person
    renewed = out_file.read_text(encoding="utf-8")
    assert "Tổ chức phong trào thi đua năm 2026\n" in renewed
    assert renewed.count("\n") == PLAN_2025.read_text(encoding="utf-8").count("\n")
    head, *needs = err.splitlines()
    assert head.startswith("thidua-calendar: renew-2025.txt: ")
    assert "điều cần người xem" in head
    assert "renew-2025.txt:26:9: cần xem: “Đại hội Công đoàn cơ sở năm 2025.”" in err
    listed = changes.read_text(encoding="utf-8").splitlines()
    assert listed[0] == "# renew-2025.txt: 2025 → 2026"
    assert "renew-2025.txt:13:64: “9” → “10”: lần tổ chức (lần thứ)" in listed
    assert [line for line in listed if "cần xem" in line] == needs


def test_the_change_list_in_json_and_english(tmp_path, capsys):
    changes = tmp_path / "changes.json"
    status, out, err = run(capsys, "renew", str(PLAN_2025), "--year", "2026", "--lang", "en",
                           "--changes", str(changes))
    assert status == 1
    assert "Tết Nguyên đán Bính Ngọ" in out  # no -o: the text plan on stdout
    assert "need a person" in err.splitlines()[0]
    listed = json.loads(changes.read_text(encoding="utf-8"))
    assert listed.keys() == {"file", "from_year", "to_year", "changes", "needs_person"}
    assert {"line": 12, "column": 132, "old": "Ất Tỵ", "new": "Bính Ngọ",
            "reason": "the can-chi of lunar year 2026"} in listed["changes"]
    assert all(need.keys() == {"line", "column", "quote", "message"}
               for need in listed["needs_person"])


def test_nothing_to_look_at_exits_0(tmp_path, capsys):
    plan = tmp_path / "ke-hoach-2027.md"
    plan.write_text("# Kế hoạch thi đua năm 2027\n\n- Đợt 1: Từ 01/01/2027 đến 30/6/2027\n",
                    encoding="utf-8")
    status, out, err = run(capsys, "renew", str(plan), "--year", "2028", "-o",
                           str(tmp_path / "ke-hoach-2028.md"))
    assert (status, out) == (0, "")
    assert (tmp_path / "ke-hoach-2028.md").read_text(encoding="utf-8") == (
        "# Kế hoạch thi đua năm 2028\n\n- Đợt 1: Từ 01/01/2028 đến 30/6/2028\n")
    assert err == "thidua-calendar: ke-hoach-2027.md: 3 thay đổi từ năm 2027 sang năm 2028; 0 " \
                  "điều cần người xem\n"


def test_windows_line_ends_are_kept(tmp_path, capsys):
    plan = tmp_path / "plan.txt"
    plan.write_bytes("Kế hoạch năm 2027\r\nĐợt 1: Từ 01/01/2027 đến 30/6/2027\r\n".encode())
    status, _, _ = run(capsys, "renew", str(plan), "--year", "2028", "-o",
                       str(tmp_path / "new.txt"))
    assert status == 0
    assert (tmp_path / "new.txt").read_bytes() == (
        "Kế hoạch năm 2028\r\nĐợt 1: Từ 01/01/2028 đến 30/6/2028\r\n".encode())


def test_a_word_plan_becomes_a_word_plan_with_tracked_changes(tmp_path, capsys):
    old = tmp_path / "ke-hoach-2025.docx"
    document = docx.Document()
    for line in PLAN_2025.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(old)
    new = tmp_path / "ke-hoach-2026.docx"
    status, out, err = run(capsys, "renew", str(old), "--year", "2026", "-o", str(new))
    assert (status, out) == (1, "")
    body = zipfile.ZipFile(new).read("word/document.xml").decode("utf-8")
    assert body.count("<w:del ") == body.count("<w:ins ") > 20
    assert 'w:author="thidua-calendar"' in body
    assert "ke-hoach-2025.docx:26:9: cần xem" in err  # paragraph 26


@pytest.mark.parametrize(("argv", "message"), [
    (["missing.txt", "--year", "2026"], "missing.txt: no such file"),
    (["plan.pdf", "--year", "2026"], "cannot renew a .pdf file; give a .txt, .md or .docx"),
    (["plan.docx", "--year", "2026"], "a Word plan is written to a file: give -o OUT.docx"),
    (["plan.txt", "--year", "2026", "-o", "out.docx"],
     "out.docx: the new plan is written in the format of plan.txt (.txt)"),
    (["nothing.txt", "--year", "2026"], "nothing.txt: cannot tell the plan's year; give "
                                        "--from-year"),
])
def test_bad_input_exits_2_in_one_sentence(tmp_path, capsys, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "nothing.txt").write_text("Không có năm.\n", encoding="utf-8")
    (tmp_path / "plan.txt").write_text("Kế hoạch năm 2025\n", encoding="utf-8")
    status, out, err = run(capsys, "renew", *argv, "--lang", "en")
    assert (status, out) == (2, "")
    assert err == f"thidua-calendar: error: {message}\n"


def test_bad_input_is_told_in_vietnamese_by_default(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "nothing.txt").write_text("Không có năm.\n", encoding="utf-8")
    status, out, err = run(capsys, "renew", "nothing.txt", "--year", "2026")
    assert (status, out) == (2, "")
    assert err == ("thidua-calendar: lỗi: nothing.txt: không đọc được năm của kế hoạch; hãy "
                   "thêm --from-year\n")


def test_extract_with_a_year_drafts_next_year_s_plan(tmp_path, capsys):
    import yaml

    from thidua_calendar.files.plan import load_plan_file
    from thidua_calendar.files.workdays import load_work_calendar

    source = CORPUS / "seed-004-cac-dot.md"  # the 2020 plan of LĐLĐ Bắc Kạn
    target = tmp_path / "ke-hoach-2021.yaml"
    status, out, err = run(capsys, "extract", str(source), "--year", "2021", "-o", str(target))
    assert (status, out) == (0, "")
    draft = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert [(str(p["start"]), str(p["end"])) for p in draft["phases"]] == [
        ("2020-11", "2021-03-31"), ("2021-04-01", "2021-12-31")]
    # Last year's round counts are not this year's: a person decides whether to greet them.
    assert "“120 năm Ngày thành lập tỉnh Bắc Kạn”: năm 2020 là năm tròn" in err
    result = load_plan_file(target).build(calendar=load_work_calendar())
    assert [(o.id, o.years) for o in result.phases[0].occurrences] == [
        ("thanh_lap_dang", 91), ("thanh_lap_tinh_bac_kan", 121)]


def test_non_breaking_spaces_stay_and_are_read_as_spaces(tmp_path, capsys):
    plan = tmp_path / "plan.txt"
    plan.write_text("Kế hoạch năm\u00a02027: Đợt\u00a01: Từ\u00a001/01/2027 đến\u00a030/6/2027\n",
                    encoding="utf-8")
    status, _, _ = run(capsys, "renew", str(plan), "--year", "2028", "-o",
                       str(tmp_path / "new.txt"))
    assert status == 0
    assert (tmp_path / "new.txt").read_text(encoding="utf-8") == (
        "Kế hoạch năm\u00a02028: Đợt\u00a01: Từ\u00a001/01/2028 đến\u00a030/6/2028\n")
