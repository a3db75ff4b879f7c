"""The command line: its contracts (forms, JSON keys) and its errors."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import get_args

import pytest

from thidua_calendar import builtin_catalog, occurrence, occurrences
from thidua_calendar.cli import main
from thidua_calendar.styles import (
    DATE_STYLES,
    LANGS,
    FindingsFormat,
    ListingFormat,
    LunarFormat,
    PlanFormat,
    ScheduleFormat,
    WorkdaysFormat,
)

LOCAL_DAYS = Path(__file__).parents[2] / "examples" / "catalogs" / "local-days.yaml"
JSON_KEYS = {"id", "name", "date", "years", "class", "precision", "origin", "text"}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def run_en(capsys, *argv: str) -> tuple[int, str, str]:
    """``run`` with ``--lang en``: messages in English (Vietnamese is the default)."""
    return run(capsys, *argv, "--lang", "en")


def test_json_list_has_the_contract_keys(capsys):
    status, out, err = run(capsys, "anniversaries", "2022", "--format", "json")
    assert (status, err) == (0, "")
    records = json.loads(out)
    catalog = builtin_catalog()
    assert len(records) == len(catalog.shown_by_default(occurrences(catalog, 2022)))
    assert all(record.keys() >= JSON_KEYS for record in records)
    by_id = {record["id"]: record for record in records}
    union = by_id["thanh_lap_cong_doan_vn"]
    assert union["date"] == "2022-07-28"
    assert union["years"] == 93
    assert union["class"] == "nam_khac"
    assert union["precision"] == "day"
    assert union["origin"] == "1929-07-28"
    assert union["text"] == "93 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2022)"
    assert by_id["ha_noi_dbp_tren_khong"]["origin"] == "1972-12"
    assert by_id["ha_noi_dbp_tren_khong"]["precision"] == "month"
    assert by_id["gio_to_hung_vuong"]["origin"] == "AL 03-10"
    assert by_id["gio_to_hung_vuong"]["years"] is None
    assert by_id["gio_to_hung_vuong"]["date"] == "2022-04-10"
    assert [r["date"] for r in records] == sorted(r["date"] for r in records)


def test_year_precision_origin_in_json(capsys):
    _, out, _ = run(capsys, "anniversaries", "2023", "--format", "json", "--tag", "culture")
    by_id = {record["id"]: record for record in json.loads(out)}
    assert by_id["de_cuong_van_hoa"]["origin"] == "1943"
    assert by_id["de_cuong_van_hoa"]["precision"] == "year"
    assert by_id["de_cuong_van_hoa"]["years"] == 80


def test_filters(capsys):
    _, out, _ = run(capsys, "anniversaries", "2025", "--format", "json", "--class", "tron",
                    "--tag", "nd145")
    ids = {record["id"] for record in json.loads(out)}
    # 2025: 50 years since 1975, 80 since 1945, Giỗ Tổ by calendar year is năm lẻ 5.
    assert ids == {"giai_phong_mien_nam", "cach_mang_thang_tam", "quoc_khanh"}


def test_text_and_markdown_print_lines(capsys):
    status, out, _ = run(capsys, "anniversaries", "2022")
    assert status == 0
    assert out.startswith("Các ngày kỷ niệm năm 2022 (Nhâm Dần)")
    assert "93 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2022)" in out
    assert "28/7/2022 (Thứ Năm)" in out
    _, markdown, _ = run(capsys, "anniversaries", "2022", "--format", "markdown")
    assert markdown.startswith("# Các ngày kỷ niệm năm 2022")
    assert "| Ngày | Nội dung | Loại |" in markdown
    _, english, _ = run(capsys, "anniversaries", "2022", "--lang", "en")
    assert english.startswith("Commemorations in 2022")
    assert "28/7/2022 (Thursday)" in english


def test_csv_parses_back(capsys):
    _, out, _ = run(capsys, "anniversaries", "2022", "--format", "csv", "--date-style",
                    "dd/mm/yyyy")
    rows = list(csv.DictReader(io.StringIO(out)))
    party = next(row for row in rows if row["id"] == "thanh_lap_dang")
    assert party["years"] == "92"
    assert party["text"] == ("92 năm Ngày thành lập Đảng Cộng sản Việt Nam "
                             "(03/02/1930 - 03/02/2022)")


def test_user_catalog(capsys):
    _, out, _ = run(capsys, "anniversaries", "2020", "--catalog", str(LOCAL_DAYS),
                    "--tag", "local", "--format", "json")
    texts = [record["text"] for record in json.loads(out)]
    assert "120 năm Ngày thành lập tỉnh Bắc Kạn (11/4/1900 - 11/4/2020)" in texts


def test_default_year_is_this_year_in_vietnam(capsys):
    _, out, _ = run(capsys, "anniversaries", "--format", "json")
    year = datetime.now(timezone(timedelta(hours=7))).year
    assert {record["date"][:4] for record in json.loads(out)} == {str(year)}


def test_output_file_is_written_whole(tmp_path, capsys):
    target = tmp_path / "list.json"
    status, out, _ = run(capsys, "anniversaries", "2022", "--format", "json", "-o", str(target))
    assert (status, out) == (0, "")
    _, expected, _ = run(capsys, "anniversaries", "2022", "--format", "json")
    assert target.read_text(encoding="utf-8") == expected
    assert [p.name for p in tmp_path.iterdir()] == ["list.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_failed_run_leaves_the_previous_output(tmp_path, capsys):
    target = tmp_path / "list.json"
    target.write_text("previous", encoding="utf-8")
    status, _, _ = run(capsys, "anniversaries", "2200", "-o", str(target))
    assert status == 2
    assert target.read_text(encoding="utf-8") == "previous"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["anniversaries", "2200"], "year 2200 is outside the supported range 1900-2100"),
        (["anniversaries", "2022", "--tag", "khong_co"], "no catalog entry has the tag 'khong_co'"),
        (["anniversaries", "2022", "--catalog", "missing.yaml"], "missing.yaml: no such file"),
        (["lunar", "months", "1850"], "1850"),
        (["lunar", "convert", "31/2/2022"], "is not a real date"),
        (["lunar", "convert", "hôm nay"], "is not a date"),
        (["lunar", "convert", "AL 2023-01-30"], "month 1 of 2023 has 29 days"),
        (["lunar", "convert", "AL 2022-02-01", "--leap"], "leap"),
    ],
)
def test_errors_are_one_sentence_and_exit_2(capsys, argv, message):
    status, out, err = run_en(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.startswith("thidua-calendar: error: ")
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_bad_catalog_names_file_line_entry_and_field(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(LOCAL_DAYS.read_text(encoding="utf-8").replace('"1900-04-11"', '"1900-04-31"'),
                   encoding="utf-8")
    status, _, err = run_en(capsys, "anniversaries", "2020", "--catalog", str(bad))
    assert status == 2
    assert f"{bad}:" in err
    assert "entry 'thanh_lap_tinh_bac_kan', field 'origin'" in err
    assert "not a real date" in err


def test_argparse_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["anniversaries", "twenty"])
    assert caught.value.code == 2
    assert "is not a year" in capsys.readouterr().err


def _choices(*command: str) -> dict[str, tuple[str, ...]]:
    """Each option's choices, as the parser of ``command`` offers them."""
    from thidua_calendar.cli.main import _parser

    parser = _parser(list(command))
    for name in command:
        parser = next(action for action in parser._actions
                      if isinstance(action, argparse._SubParsersAction)).choices[name]
    return {action.option_strings[-1]: tuple(action.choices) for action in parser._actions
            if action.option_strings and action.choices is not None}


@pytest.mark.parametrize(
    ("command", "formats"),
    [
        (["anniversaries"], ListingFormat),
        (["workdays"], WorkdaysFormat),
        (["deadlines"], ScheduleFormat),
        (["check"], FindingsFormat),
        (["lunar", "months"], LunarFormat),
        (["lunar", "convert"], LunarFormat),
    ],
)
def test_format_choices_are_the_renderers_formats(command, formats):
    choices = _choices(*command)
    assert choices["--format"] == get_args(formats)
    assert choices.get("--lang", LANGS) == LANGS


def test_plan_offers_its_renderer_s_formats_and_word():
    choices = _choices("plan")
    assert choices["--format"] == (*get_args(PlanFormat), "docx")
    assert (choices["--lang"], choices["--date-style"]) == (LANGS, DATE_STYLES)


def test_the_renderers_use_the_formats_the_cli_offers():
    from thidua_calendar.render import deadlines, findings, listing, lunar, plan, workdays

    assert (listing.ListingFormat, plan.PlanFormat, deadlines.ScheduleFormat,
            workdays.WorkdaysFormat, findings.FindingsFormat, lunar.LunarFormat) == (
        ListingFormat, PlanFormat, ScheduleFormat, WorkdaysFormat, FindingsFormat, LunarFormat)


def test_lunar_months_json(capsys):
    _, out, _ = run(capsys, "lunar", "months", "2023", "--format", "json")
    months = json.loads(out)
    assert [set(m) for m in months] == [{"month", "leap", "first_day", "length"}] * 13
    assert months[0] == {"month": 1, "leap": False, "first_day": "2023-01-22", "length": 29}
    assert [(m["month"], m["leap"]) for m in months][1:4] == [(2, False), (2, True), (3, False)]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["lunar", "convert", "2026-04-26"], "26/4/2026 (Chủ nhật) = mùng 10 tháng 3 âm lịch năm "
                                             "Bính Ngọ\n"),
        (["lunar", "convert", "AL 10/3/2026"], "26/4/2026 (Chủ nhật) = mùng 10 tháng 3 âm lịch năm "
                                               "Bính Ngọ\n"),
        (["lunar", "convert", "21.1.1985"], "21/1/1985 (Thứ Hai) = mùng 1 tháng Giêng âm lịch năm "
                                            "Ất Sửu\n"),
    ],
)
def test_lunar_convert_both_ways(capsys, argv, expected):
    assert run(capsys, *argv) == (0, expected, "")


def test_lunar_convert_json_leap_month(capsys):
    _, out, _ = run(capsys, "lunar", "convert", "AL 2023-02-15", "--leap", "--format", "json")
    record = json.loads(out)
    assert record["lunar"] == {"year": 2023, "month": 2, "day": 15, "leap": True}
    _, back, _ = run(capsys, "lunar", "convert", record["solar"], "--format", "json")
    assert json.loads(back) == record


def test_console_script_and_module_run_as_processes(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    module = subprocess.run(
        [sys.executable, "-m", "thidua_calendar", "anniversaries", "2022", "--format", "json"],
        cwd=tmp_path, capture_output=True, text=True, env=env, check=True,
    )
    script = shutil.which("thidua-calendar", path=str(Path(sys.executable).parent))
    assert script is not None
    scripted = subprocess.run(
        [script, "anniversaries", "2022", "--format", "json"],
        cwd=tmp_path, capture_output=True, text=True, env=env, check=True,
    )
    assert module.stdout == scripted.stdout
    union = occurrence(builtin_catalog().get("thanh_lap_cong_doan_vn"), 2022)
    assert union is not None
    assert any(r["id"] == union.id for r in json.loads(module.stdout))
    failing = subprocess.run(
        [script, "anniversaries", "1800"], cwd=tmp_path, capture_output=True, text=True, env=env,
    )
    assert failing.returncode == 2
    assert failing.stderr.strip().count("\n") == 0
    assert "Traceback" not in failing.stderr


# -- workdays and deadlines ----------------------------------------------------------------

SEED_001_RULES = Path(__file__).parents[2] / "examples" / "deadlines" / "seed-001.yaml"
WORKDAY_KEYS = {"date", "kind", "name", "estimated"}
DEADLINE_KEYS = {"id", "name", "audience", "wording", "text", "stated", "last_day", "due",
                 "estimated", "trace"}


def test_workdays_json_has_the_contract_keys(capsys):
    status, out, err = run(capsys, "workdays", "2025", "--format", "json")
    assert (status, err) == (0, "")
    records = json.loads(out)
    assert all(record.keys() >= WORKDAY_KEYS for record in records)
    by_date = {record["date"]: record for record in records}
    assert by_date["2025-04-26"]["kind"] == "swapped_work"
    assert by_date["2025-05-02"]["kind"] == "swapped_off"
    assert by_date["2025-01-29"] == by_date["2025-01-29"] | {
        "kind": "holiday", "name": "Tết Nguyên đán", "estimated": False}
    assert {record["kind"] for record in records} == {"holiday", "swapped_off", "swapped_work"}


def test_workdays_text_marks_estimates(capsys):
    status, out, _ = run(capsys, "workdays", "2027")
    assert status == 0
    assert "Thứ Năm    4/2/2027  nghỉ lễ  " in out
    assert "Tết Nguyên đán (dự kiến)" in out
    assert "thêm thông báo bằng --holidays FILE" in out
    _, english, _ = run(capsys, "workdays", "2026", "--lang", "en")
    assert "Monday     27/4/2026  day in lieu       Day off in lieu of Hung Kings' " in english


def test_workdays_weekend_and_holidays_file(tmp_path, capsys):
    _, public, _ = run(capsys, "workdays", "2021", "--format", "json")
    _, firms, _ = run(capsys, "workdays", "2021", "--format", "json", "--weekend", "sun")
    assert "2021-05-03" in {r["date"] for r in json.loads(public)}
    assert "2021-05-03" not in {r["date"] for r in json.loads(firms)}
    announcement = tmp_path / "2027.yaml"
    announcement.write_text(
        "announcements:\n  - year: 2027\n    title: Thông báo 2027\n    swaps:\n"
        "      - {off: 2027-02-03, work: 2027-01-30}\n", encoding="utf-8")
    _, out, _ = run(capsys, "workdays", "2027", "--format", "json", "--holidays",
                    str(announcement))
    kinds = {r["date"]: r["kind"] for r in json.loads(out)}
    assert (kinds["2027-02-03"], kinds["2027-01-30"]) == ("swapped_off", "swapped_work")


def test_workdays_default_year_is_this_year_in_vietnam(capsys):
    _, out, _ = run(capsys, "workdays", "--format", "json")
    year = datetime.now(timezone(timedelta(hours=7))).year
    assert {record["date"][:4] for record in json.loads(out)} == {str(year)}


def test_deadlines_json_has_the_contract_keys(capsys):
    status, out, err = run(capsys, "deadlines", str(SEED_001_RULES), "--format", "json")
    assert (status, err) == (0, "")
    result = json.loads(out)
    assert result.keys() >= {"deadlines", "conflicts"}
    assert all(record.keys() >= DEADLINE_KEYS for record in result["deadlines"])
    dang_ky = next(r for r in result["deadlines"] if r["id"] == "dang_ky")
    assert (dang_ky["stated"], dang_ky["last_day"], dang_ky["due"], dang_ky["text"]) == (
        "2022-04-12", "2022-04-11", "2022-04-08", "trước ngày 12/4/2022")
    assert [c["audience"] for c in result["conflicts"]] == ["giao_duc"]


def test_deadlines_text_and_markdown(capsys):
    status, out, _ = run(capsys, "deadlines", str(SEED_001_RULES))
    assert status == 0
    assert ("Thứ Sáu 8/4/2022  Đăng ký thi đua: trước ngày 12/4/2022\n"
            "    trước ngày 12/4/2022 (Thứ Ba) → hạn cuối 11/4/2022 (Thứ Hai, nghỉ bù Giỗ Tổ "
            "Hùng Vương) → lùi về 8/4/2022 (Thứ Sáu)\n") in out
    assert "\nCảnh báo:\n- “CĐCS gửi kế hoạch" in out
    _, markdown, _ = run(capsys, "deadlines", str(SEED_001_RULES), "--format", "markdown",
                         "--lang", "en")
    assert "| Friday 8/4/2022 | Competition registration | before 12/4/2022 | before " in markdown
    assert "## Warnings" in markdown


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["workdays", "2018"],
         "working days are known from 2019 to 2100; 2018 is outside that range"),
        (["workdays", "2026", "--holidays", "missing.yaml"], "missing.yaml: no such file"),
        (["deadlines", "missing.yaml"], "missing.yaml: no such file"),
    ],
)
def test_workday_errors_are_one_sentence_and_exit_2(capsys, argv, message):
    status, out, err = run_en(capsys, *argv)
    assert (status, out) == (2, "")
    assert err == f"thidua-calendar: error: {message}\n"


def test_bad_rule_and_announcement_files_exit_2_with_file_and_line(tmp_path, capsys):
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "deadlines:\n  - id: bao_cao\n    name: Báo cáo\n"
        "    after: {anchor: \"phase:dot_1.end\", days: 15}\n", encoding="utf-8")
    status, _, err = run_en(capsys, "deadlines", str(rules))
    assert status == 2
    assert err == (f"thidua-calendar: error: {rules}:4: deadline 'bao_cao', field "
                   "'after.anchor': unknown anchor 'phase:dot_1.end'; the anchors known here "
                   "are: none\n")
    announcement = tmp_path / "2027.yaml"
    announcement.write_text(
        "announcements:\n  - year: 2027\n    title: Thông báo 2027\n    swaps:\n"
        "      - {off: 2027-02-03, work: 2027-02-04}\n", encoding="utf-8")
    status, _, err = run_en(capsys, "workdays", "2027", "--holidays", str(announcement))
    assert status == 2
    assert err == (f"thidua-calendar: error: {announcement}:5: announcement '2027', field "
                   "'swaps.0': the day worked, 2027-02-04, is a Thursday, not a weekend day; "
                   "a swap trades a weekday off for a Saturday or Sunday worked\n")


# -- plan ------------------------------------------------------------------------------------

SEEDS = Path(__file__).parents[2] / "examples" / "seeds"
PLAN_KEYS = {"phases", "deadlines"}
PHASE_KEYS = {"name", "start", "end", "theme", "commemorations", "events"}


def test_plan_json_has_the_contract_keys(capsys):
    status, out, err = run(capsys, "plan", str(SEEDS / "000.yaml"), "--format", "json")
    assert (status, err) == (0, "")
    plan = json.loads(out)
    assert plan.keys() >= PLAN_KEYS
    assert all(phase.keys() >= PHASE_KEYS for phase in plan["phases"])
    first = plan["phases"][0]
    assert (first["name"], first["start"], first["end"]) == ("Đợt 1", "2022-02-01", "2022-06-30")
    assert [(c["id"], c["years"]) for c in first["commemorations"]] == [
        ("giai_phong_mien_nam", 47), ("quoc_te_lao_dong", 136), ("thang_cong_nhan", None),
        ("sinh_nhat_ho_chi_minh", 132)]
    assert first["commemorations"][0]["text"] == (
        "47 năm Ngày Giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2022)")
    # "50 năm … (12/1972 - 12/2022)" is month-precise; the seed gives February, not a day.
    (b52,) = [c for p in plan["phases"] for c in p["commemorations"]
              if c["id"] == "ha_noi_dbp_tren_khong"]
    assert (b52["date"], b52["precision"], first["commemorations"][0]["precision"]) == (
        "2022-12-01", "month", "day")
    assert all(c["edition"] is None for p in plan["phases"] for c in p["commemorations"])
    assert (plan["issued"], plan["issued_precision"], plan["place"]) == (
        "2022-02-01", "month", "Bắc Kạn")
    assert all(d.keys() >= {"name", "due", "audience", "trace"} for d in plan["deadlines"])


def test_plan_json_numbers_a_campaign_by_its_edition(capsys):
    # The Tháng hành động về ATVSLĐ of 2026 is "lần thứ 10" (from 2017): a năm tròn by N.
    status, out, _ = run(capsys, "plan", "--year", "2026", "--format", "json")
    assert status == 0
    plan = json.loads(out)
    (month,) = [c for p in plan["phases"] for c in p["commemorations"]
                if c["id"] == "thang_hanh_dong_atvsld"]
    assert (month["years"], month["edition"], month["class"]) == (None, 10, "nam_tron")
    assert "lần thứ 10" in month["text"]


def test_plan_json_of_an_open_ended_movement(capsys):
    _, out, _ = run(capsys, "plan", str(SEEDS / "003.yaml"), "--format", "json")
    (phase,) = json.loads(out)["phases"]
    assert (phase["start"], phase["end"]) == ("2021-09-14", None)


def test_default_plan_for_a_year(capsys):
    status, out, _ = run(capsys, "plan", "--year", "2026", "--format", "markdown")
    assert status == 0
    assert out.startswith("# KẾ HOẠCH\n\n**Phát động phong trào thi đua năm 2026**")
    assert "## Các đợt thi đua" in out
    # The decree's date form (nd30) by default: months 1-2 zero-padded.
    assert "| Đăng ký thi đua |  | chậm nhất ngày 22/01/2026 | Thứ Năm, 22/01/2026 |" in out


def test_default_plan_year_follows_the_planning_season(monkeypatch):
    from thidua_calendar.cli import clock

    monkeypatch.setattr(clock, "_now", lambda: datetime(2026, 11, 22, 9, tzinfo=clock.VIETNAM_TIME))
    assert clock.plan_year() == 2027
    monkeypatch.setattr(clock, "_now", lambda: datetime(2026, 3, 1, 9, tzinfo=clock.VIETNAM_TIME))
    assert clock.plan_year() == 2026


def test_bad_plan_exits_2_and_writes_nothing(tmp_path, capsys):
    plan = tmp_path / "plan.yaml"
    text = (SEEDS / "000.yaml").read_text(encoding="utf-8").replace(
        "    start: 2022-07-01", "    start: 2022-06-20")
    plan.write_text(text, encoding="utf-8")
    target = tmp_path / "out.txt"
    status, out, err = run_en(capsys, "plan", str(plan), "-o", str(target))
    assert (status, out) == (2, "")
    line = text.splitlines().index("    start: 2022-06-20") + 1
    assert err == (f"thidua-calendar: error: {plan}:{line}: phase 'dot_2', field 'start': the "
                   "phases dot_1 and dot_2 overlap from 2022-06-20 to 2022-06-30; move one, or "
                   "allow overlaps (allow: {overlaps: true})\n")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [plan]


def test_plan_usage_errors(capsys):
    status, _, err = run_en(capsys, "plan", "--format", "docx", "--year", "2026")
    assert (status, err) == (2, "thidua-calendar: error: --format docx writes a file: give it "
                                "with -o FILE.docx\n")
    status, _, err = run_en(capsys, "plan", str(SEEDS / "000.yaml"), "--year", "2026")
    assert status == 2
    assert "--year chooses the default plan's year" in err


def test_plan_docx_is_written_through_a_temporary_file(tmp_path, capsys):
    target = tmp_path / "ke-hoach.docx"
    status, _, err = run(capsys, "plan", str(SEEDS / "004.yaml"), "--format", "docx",
                         "-o", str(target))
    assert status == 0
    assert all(line.startswith("thidua-calendar: cần xem lại: ") for line in err.splitlines())
    assert target.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["ke-hoach.docx"]


# -- ics -------------------------------------------------------------------------------------


def test_ics_of_a_plan_kind_by_kind(tmp_path, capsys):
    target = tmp_path / "han.ics"
    status, out, err = run(capsys, "ics", str(SEEDS / "001.yaml"), "--only", "deadlines",
                           "--alarms", "3", "-o", str(target))
    assert (status, out, err) == (0, "", "")
    data = target.read_bytes()
    assert data.count(b"BEGIN:VEVENT") == 6
    assert b"TRIGGER:-P2DT15H" in data
    assert "X-WR-CALNAME:Liên đoàn Lao động huyện".encode() in data
    assert [p.name for p in tmp_path.iterdir()] == ["han.ics"]


def test_ics_alarms_given_twice_are_one(capsys):
    status, out, _ = run(capsys, "ics", str(SEEDS / "001.yaml"), "--only", "deadlines",
                         "--alarms", "7,7,1,7")
    assert status == 0
    events = out.split("BEGIN:VEVENT")[1:]
    assert events
    for event in events:
        triggers = [line for line in event.splitlines() if line.startswith("TRIGGER")]
        assert triggers == ["TRIGGER:-P6DT15H", "TRIGGER:-PT15H"]


@pytest.mark.parametrize(
    ("argv", "name", "description"),
    [
        (["--year", "2026", "--only", "deadlines"], "Công đoàn cơ sở - 2026 (deadlines)",
         "Emulation movement of 2026"),
        (["--years", "2026-2027"], "Công đoàn cơ sở - 2026-2027", "Emulation calendar 2026-2027"),
        ([str(SEEDS / "001.yaml"), "--only", "commemorations"],
         "Liên đoàn Lao động huyện - 2022 (commemorations)",
         "Emulation movement among union members - workers and all union levels - 2022"),
    ],
)
def test_ics_in_english_names_the_calendar_in_english(capsys, argv, name, description):
    """The organisation's name is its own; the rest of the calendar's name and description
    follow --lang (they stayed Vietnamese: "… (hạn nộp)")."""
    status, out, _ = run(capsys, "ics", *argv, "--lang", "en")
    assert status == 0
    unfolded = out.replace("\r\n ", "").splitlines()
    assert f"NAME:{name}" in unfolded
    assert f"X-WR-CALNAME:{name}" in unfolded
    assert f"X-WR-CALDESC:{description}" in unfolded


def test_ics_of_several_years_to_stdout(capsys):
    status, out, _ = run(capsys, "ics", "--years", "2026-2027", "--only", "commemorations",
                         "--dtstamp", "2026-11-22T07:00:00+07:00")
    assert status == 0
    assert "DTSTAMP:20261122T000000Z" in out
    assert "UID:thanh_lap_cong_doan_vn-2026@thidua-calendar" in out
    assert "UID:thanh_lap_cong_doan_vn-2027@thidua-calendar" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ics", "--years", "2030-2025"], "is not a range of years"),
        (["ics", "--alarms", "x"], "is not a list of days"),
        (["ics", "--alarms=-1"], "from 0 (the day itself) to 60, not -1"),
        (["ics", "--alarms", "7,-2"], "from 0 (the day itself) to 60, not -2"),
        (["ics", "--dtstamp", "2026-11-22T00:00:00"], "needs a time zone"),
    ],
)
def test_ics_bad_arguments_exit_2(capsys, argv, message):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


def test_ics_plan_file_with_a_year_is_a_usage_error(capsys):
    status, _, err = run_en(capsys, "ics", str(SEEDS / "001.yaml"), "--year", "2026")
    assert status == 2
    assert "a plan file has its own" in err


# -- site and serve ----------------------------------------------------------------------------


def test_site_writes_the_feeds_and_the_page_once(tmp_path, capsys):
    target = tmp_path / "site"
    argv = ["site", str(SEEDS / "001.yaml"), "--base-url", "https://lich.example.org/",
            "-o", str(target)]
    status, out, err = run(capsys, *argv)
    assert (status, err) == (0, "")
    assert out == f"{target}: ghi 5 tệp, 0 tệp không đổi\n"
    assert sorted(p.name for p in target.iterdir()) == [
        "index.html", "lien-doan-lao-dong-huyen-2022-dot-thi-dua.ics",
        "lien-doan-lao-dong-huyen-2022-han-nop.ics",
        "lien-doan-lao-dong-huyen-2022-ngay-ky-niem.ics", "lien-doan-lao-dong-huyen-2022.ics"]
    assert "webcal://lich.example.org/lien-doan-lao-dong-huyen-2022-han-nop.ics" in (
        target / "index.html").read_text(encoding="utf-8")
    _, again, _ = run(capsys, *argv)
    assert again == f"{target}: ghi 0 tệp, 5 tệp không đổi\n"


def _calendar_names(data: bytes) -> list[str]:
    unfolded = data.decode("utf-8").replace("\r\n ", "").splitlines()
    return [line.split(":", 1)[1] for line in unfolded if line.startswith("X-WR-CALNAME:")]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("only", [[], ["deadlines"], ["commemorations"], ["phases"]])
def test_ics_and_site_name_a_cross_year_plan_alike(tmp_path, capsys, lang, only):
    """Seed 004 runs from 11/2019 to 12/2020: both commands call it "… - 2019-2020" (``ics``
    once said "… - 2019"), whole or one kind at a time."""
    seed = str(SEEDS / "004.yaml")
    options = [arg for kind in only for arg in ("--only", kind)]
    status, out, _ = run(capsys, "ics", seed, "--lang", lang, *options)
    assert status == 0
    (ics_name,) = _calendar_names(out.encode("utf-8"))
    status, _, _ = run(capsys, "site", seed, "--lang", lang, "-o", str(tmp_path))
    assert status == 0
    suffix = {"commemorations": "-ngay-ky-niem", "phases": "-dot-thi-dua",
              "deadlines": "-han-nop"}[only[0]] if only else ""
    feed = tmp_path / f"lien-doan-lao-dong-tinh-bac-kan-2019{suffix}.ics"
    assert _calendar_names(feed.read_bytes()) == [ics_name]
    assert ics_name.startswith("Liên đoàn Lao động tỉnh Bắc Kạn - 2019-2020")


def _without_id(tmp_path: Path, seed: str) -> Path:
    text = (SEEDS / f"{seed}.yaml").read_text(encoding="utf-8")
    stripped = re.sub(r"^id: .*\n", "", text, count=1, flags=re.MULTILINE)
    assert stripped != text
    path = tmp_path / f"{seed}.yaml"
    path.write_text(stripped, encoding="utf-8")
    return path


def test_a_plan_without_id_is_written_with_a_warning(tmp_path, capsys):
    """Without an id the UIDs hang on the organisation's name: say so, in one line, and
    suggest the id that keeps the UIDs the feed has now."""
    plan = _without_id(tmp_path, "001")
    status, out, err = run(capsys, "ics", str(plan))
    assert status == 0
    assert err.count("\n") == 1
    assert err.startswith(f"thidua-calendar: cảnh báo: {plan} không có id")
    assert "đổi tên đơn vị sẽ đổi các mã ấy" in err
    assert "'id: lien-doan-lao-dong-huyen'" in err
    _, _, english = run(capsys, "ics", str(plan), "--lang", "en")
    assert english.startswith(f"thidua-calendar: warning: {plan} has no id")
    assert "renaming the organisation would change them" in english
    _, with_id, with_id_err = run(capsys, "ics", str(SEEDS / "001.yaml"))
    assert with_id_err == ""
    assert out == with_id  # the id suggested is the key the plan had without one
    status, out, err = run(capsys, "site", str(SEEDS / "000.yaml"), str(plan),
                           "-o", str(tmp_path / "site"))
    assert (status, out) == (0, f"{tmp_path / 'site'}: ghi 9 tệp, 0 tệp không đổi\n")
    assert err.count("\n") == 1
    assert err.startswith(f"thidua-calendar: cảnh báo: {plan} không có id")


def test_site_of_a_bad_plan_writes_nothing(tmp_path, capsys):
    plan = tmp_path / "plan.yaml"
    plan.write_text("title: x\n", encoding="utf-8")
    status, _, err = run_en(capsys, "site", str(plan), "-o", str(tmp_path / "site"))
    assert status == 2
    assert err.startswith(f"thidua-calendar: error: {plan}:")
    assert not (tmp_path / "site").exists()


def test_serve_needs_a_folder(tmp_path, capsys):
    status, _, err = run_en(capsys, "serve", str(tmp_path / "missing"))
    assert (status, err) == (2, f"thidua-calendar: error: {tmp_path / 'missing'} is not a "
                                "folder; build one with 'thidua-calendar site -o DIR'\n")


# -- found in review of the feeds ----------------------------------------------------------------


def test_site_user_errors_exit_2(tmp_path, capsys):
    seed = str(SEEDS / "000.yaml")
    status, _, err = run_en(capsys, "site", seed, seed, "-o", str(tmp_path / "a"))
    assert status == 2
    assert "two plans have the key 'lien-doan-lao-dong-tinh-bac-kan-2022'" in err
    status, _, err = run_en(capsys, "site", seed, "--base-url", "ftp://x",
                            "-o", str(tmp_path / "b"))
    assert status == 2
    assert err.startswith("thidua-calendar: error: ")
    (tmp_path / "c" / "index.html").mkdir(parents=True)
    status, _, err = run_en(capsys, "site", seed, "-o", str(tmp_path / "c"))
    assert status == 2
    assert "None" not in err


def test_ics_of_far_years_without_deadlines(tmp_path, capsys):
    status, out, _ = run_en(capsys, "ics", "--years", "2000-2002", "--only", "commemorations")
    assert status == 0
    assert "UID:thanh_lap_cong_doan_vn-2000@thidua-calendar" in out
    status, _, err = run_en(capsys, "ics", "--year", "2100")
    assert status == 2
    assert "the default plan's deadlines of 2100 cannot be computed" in err
    assert "--only commemorations" in err
    status, _, err = run_en(capsys, "ics", "--year", "0")
    assert (status, err) == (2, "thidua-calendar: error: year 0 is outside the supported "
                                "range 1900-2100\n")


def test_ics_refuses_an_empty_calendar(capsys):
    status, _, err = run_en(capsys, "ics", str(SEEDS / "002.yaml"), "--only", "deadlines")
    assert status == 2
    assert "nothing to write" in err


def test_serve_port_out_of_range(capsys, tmp_path):
    with pytest.raises(SystemExit) as exited:
        main(["serve", str(tmp_path), "--port", "99999"])
    assert exited.value.code == 2
    assert "is not a port from 0 to 65535" in capsys.readouterr().err


# -- extract -----------------------------------------------------------------------------------


def test_extract_writes_a_draft_that_builds(tmp_path, capsys):
    import yaml as pyyaml

    from thidua_calendar.files.plan import load_plan_file
    from thidua_calendar.files.workdays import load_work_calendar

    source = Path(__file__).parents[1] / "corpus" / "seed-004-cac-dot.md"
    target = tmp_path / "draft.yaml"
    status, out, err = run(capsys, "extract", str(source), "-o", str(target))
    assert (status, out) == (0, "")
    assert err.count("thidua-calendar: lưu ý: ") == 3  # no title, body or issue date to read
    draft = target.read_text(encoding="utf-8")
    assert pyyaml.safe_load(draft)["lead_up"] == {"thanh_lap_tinh_bac_kan": "dot_1"}
    result = load_plan_file(target).build(calendar=load_work_calendar())
    assert [(o.id, o.years) for o in result.phases[0].occurrences] == [
        ("thanh_lap_dang", 90), ("thanh_lap_tinh_bac_kan", 120)]


def test_extract_of_an_unreadable_file_exits_2(tmp_path, capsys):
    status, _, err = run_en(capsys, "extract", str(tmp_path / "missing.docx"))
    assert (status, err) == (2, f"thidua-calendar: error: {tmp_path / 'missing.docx'}: no such "
                                "file\n")


def test_deadlines_with_a_huge_count_fail_in_one_sentence(tmp_path, capsys):
    rules = tmp_path / "f.yaml"
    rules.write_text('deadlines:\n - {id: a, name: A, date: 2022-01-05}\n'
                     ' - {id: b, name: B, after: {anchor: "deadline:a", days: 100000000}}\n',
                     encoding="utf-8")
    status, out, err = run_en(capsys, "deadlines", str(rules))
    assert (status, out) == (2, "")
    assert err == (f"thidua-calendar: error: {rules}:3: deadline 'b', field 'after.days': "
                   "counting 100000000 days after 2022-01-05 goes past the years whose working "
                   "days are known (2019-2100)\n")


# -- the output's name decides its format; UTF-8 whatever the console ----------------------

SEED_002 = Path(__file__).parents[2] / "examples" / "seeds" / "002.yaml"


@pytest.mark.parametrize(
    ("argv", "name", "starts"),
    [
        (("plan", str(SEED_002)), "ke-hoach.docx", b"PK\x03\x04"),
        (("plan", str(SEED_002)), "ke-hoach.json", b"{\n"),
        (("plan", str(SEED_002)), "ke-hoach.md", "# KẾ HOẠCH".encode()),
        (("plan", str(SEED_002)), "ke-hoach.txt", "KẾ HOẠCH\n".encode()),
        (("anniversaries", "2026"), "ngay.json", b"[\n"),
        (("anniversaries", "2026"), "ngay.csv", b"date,id,"),
        (("workdays", "2026"), "nghi.json", b"[\n"),
        (("deadlines", str(SEED_001_RULES)), "han.md", b"# "),
        (("ics", "--year", "2026"), "lich.ics", b"BEGIN:VCALENDAR"),
        (("ics", "--year", "2026"), "lich.txt", None),
    ],
)
def test_the_output_name_decides_the_format(tmp_path, capsys, argv, name, starts):
    target = tmp_path / name
    status, _, err = run(capsys, *argv, "-o", str(target))
    if starts is None:  # a name whose format the command does not write
        assert status == 2
        assert err.count("\n") == 1
        assert "ics" in err
        assert not target.exists()
        return
    assert status == 0, err
    assert target.read_bytes().startswith(starts)


@pytest.mark.parametrize(
    "argv",
    [
        ("plan", str(SEED_002), "--format", "json", "-o", "x.docx"),
        ("plan", str(SEED_002), "--format", "docx", "-o", "x.md"),
        ("anniversaries", "2026", "--format", "csv", "-o", "x.json"),
        ("workdays", "2026", "--format", "text", "-o", "x.json"),
        ("deadlines", str(SEED_001_RULES), "--format", "markdown", "-o", "x.txt"),
    ],
)
def test_a_format_that_contradicts_the_name_is_an_error(tmp_path, capsys, argv):
    os.chdir(tmp_path)
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert "mâu thuẫn" in err
    assert "--format" in err
    assert list(tmp_path.iterdir()) == []
    status, _, err = run(capsys, *argv, "--lang", "en")
    assert status == 2
    assert "contradicts" in err


def test_an_unknown_ending_keeps_the_default_format(tmp_path, capsys):
    target = tmp_path / "ngay.out"
    assert run(capsys, "anniversaries", "2026", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("Các ngày kỷ niệm năm 2026")


@pytest.mark.parametrize("encoding", ["cp1258", "cp1252", "ascii"])
def test_output_is_utf8_whatever_the_console_encoding(tmp_path, encoding):
    env = {**os.environ, "PYTHONIOENCODING": encoding,
           "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "thidua_calendar", "anniversaries", "2026"],
        cwd=tmp_path, capture_output=True, env=env,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    text = done.stdout.decode("utf-8")
    assert "Ngày thành lập Công đoàn Việt Nam" in text
    failing = subprocess.run(
        [sys.executable, "-m", "thidua_calendar", "plan", "khong-co.yaml"],
        cwd=tmp_path, capture_output=True, env=env,
    )
    assert failing.returncode == 2
    assert "khong-co.yaml" in failing.stderr.decode("utf-8")
