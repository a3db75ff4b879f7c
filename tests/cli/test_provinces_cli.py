"""`provinces`, `anniversaries --province`, `check --province`, plan files with a province;
and the cost: nothing of the province data is read unless a province is asked for."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from thidua_calendar.cli import main
from thidua_calendar.errors import PlanError
from thidua_calendar.files.plan import parse_plan_file
from thidua_calendar.files.provinces import ProvinceFileError, parse_provinces

ROOT = Path(__file__).parents[2]
LOCAL_DAYS = ROOT / "examples" / "catalogs" / "local-days.yaml"
CONTRACT = {"id", "name", "from", "until", "merged_into"}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_provinces_json_has_the_contract_keys(capsys):
    status, out, err = run(capsys, "provinces", "--format", "json")
    assert (status, err) == (0, "")
    records = json.loads(out)
    assert len(records) == 87
    assert all(record.keys() >= CONTRACT for record in records)
    by_id = {record["id"]: record for record in records}
    assert by_id["bac_kan"] == {"id": "bac_kan", "name": "Bắc Kạn", "from": "1997-01-01",
                                "until": "2025-06-30", "merged_into": "thai_nguyen",
                                "kind": "tinh"}
    assert by_id["thai_nguyen"]["from"] == "2025-07-01"
    assert by_id["thai_nguyen"]["until"] is None
    assert by_id["thai_nguyen"]["merged_into"] is None
    assert by_id["nghe_an"]["from"] == "1991"  # only the year is sourced


@pytest.mark.parametrize(("when", "count"), [
    (("--date", "2025-06-30"), 63), (("--date", "1/7/2025"), 34), (("--year", "2022"), 63),
    (("--year", "2025"), 87 - 1), (("--year", "2026"), 34)])
def test_provinces_on_a_date_or_in_a_year(capsys, when, count):
    status, out, _ = run(capsys, "provinces", "--format", "json", *when)
    assert status == 0
    assert len(json.loads(out)) == count


def test_provinces_text(capsys):
    status, out, _ = run(capsys, "provinces", "--year", "2022")
    assert status == 0
    line = next(line for line in out.splitlines() if line.startswith("bac_kan "))
    assert "tỉnh Bắc Kạn" in line
    assert "1/1/1997 – 30/6/2025" in line
    assert line.endswith("→ tỉnh Thái Nguyên (thai_nguyen)")
    assert out.endswith("\n63 tỉnh, thành phố\n")
    _, out, _ = run(capsys, "provinces", "--date", "2026-01-01", "--lang", "en")
    assert "Hà Nội city" in out
    assert out.endswith("\n34 provinces and cities\n")


def test_provinces_bad_date(capsys):
    status, _, err = run(capsys, "provinces", "--date", "31/2/2026")
    assert status == 2
    assert err.count("\n") == 1


def _listed(out: str) -> list[str]:
    return [json.loads(out)[i]["id"] for i in range(len(json.loads(out)))]


def test_anniversaries_with_a_province_adds_its_days(capsys):
    _, plain, _ = run(capsys, "anniversaries", "2025", "--format", "json")
    _, more, _ = run(capsys, "anniversaries", "2025", "--format", "json", "--province",
                     "Thai Nguyen")
    added = set(_listed(more)) - set(_listed(plain))
    assert {"thanh_lap_tinh_bac_kan", "thai_nguyen_thanh_lap_tinh"} <= added
    assert set(_listed(plain)) <= set(_listed(more))
    by_id = {r["id"]: r for r in json.loads(more)}
    assert by_id["thanh_lap_tinh_bac_kan"]["text"] == (
        "125 năm Ngày thành lập tỉnh Bắc Kạn (11/4/1900 - 11/4/2025)")


@pytest.mark.parametrize(("name", "year"), [
    ("Bắc Kạn", "2022"), ("bac kan", "2022"), ("bac_kan", "2022"), ("BẮC KẠN", "2024")])
def test_province_by_name_with_or_without_diacritics_or_id(capsys, name, year):
    _, out, _ = run(capsys, "anniversaries", year, "--format", "json", "--province", name,
                    "--tag", "province")
    assert "thanh_lap_tinh_bac_kan" in _listed(out)
    assert "thai_nguyen_thanh_lap_tinh" not in _listed(out)  # not Thái Nguyên's before 2025


def test_unknown_province_exits_2_with_the_closest_names(capsys):
    status, out, err = run(capsys, "anniversaries", "2026", "--province", "Thai Ngyen")
    assert (status, out) == (2, "")
    assert err == ("thidua-calendar: lỗi: không có tỉnh, thành phố nào tên “Thai Ngyen”; "
                   "có phải “Thái Nguyên” (thai_nguyen), “Hưng Yên” (hung_yen), “Thái Bình” "
                   "(thai_binh)?\n")
    status, _, err = run(capsys, "anniversaries", "2026", "--province", "Thai Ngyen",
                         "--lang", "en")
    assert status == 2
    assert err.startswith("thidua-calendar: error: no province or city is called 'Thai Ngyen'; "
                          "did you mean 'Thái Nguyên' (thai_nguyen)")


def test_a_merged_province_after_its_end_exits_2_naming_its_successor(capsys):
    status, _, err = run(capsys, "anniversaries", "2026", "--province", "Bắc Kạn")
    assert status == 2
    assert "30/6/2025" in err
    assert "(thai_nguyen)" in err
    assert err.count("\n") == 1


def test_a_local_file_s_copy_of_a_shipped_day_is_printed_once(capsys):
    """examples/catalogs/local-days.yaml defines Bắc Kạn's founding day under the shipped id
    with `override: true`: the local entry replaces the shipped one."""
    status, out, err = run(capsys, "anniversaries", "2020", "--format", "json", "--province",
                           "bac_kan", "--catalog", str(LOCAL_DAYS))
    assert (status, err) == (0, "")
    founding = [r for r in json.loads(out) if r["date"] == "2020-04-11"]
    assert [r["id"] for r in founding] == ["thanh_lap_tinh_bac_kan"]
    assert founding[0]["years"] == 120


def test_check_knows_the_province_s_dates(capsys, tmp_path):
    draft = tmp_path / "ke-hoach.txt"
    draft.write_text("Kế hoạch năm 2020\n\nKỷ niệm 71 năm Ngày Giải phóng tỉnh Bắc Kạn "
                     "(24/8/1948 - 24/8/2020).\n", encoding="utf-8")
    _, without, _ = run(capsys, "check", str(draft), "--year", "2020")
    status, found, _ = run(capsys, "check", str(draft), "--year", "2020", "--province",
                           "Bắc Kạn")
    assert status == 1
    assert "24/8/1949" not in without
    assert "Ngày Giải phóng tỉnh Bắc Kạn tính từ 24/8/1949" in found


def _plan(province: str, year: int = 2026) -> str:
    return textwrap.dedent(f"""\
        title: Kế hoạch thi đua năm {year}
        organisation:
          name: Công đoàn cơ sở Trường A
          level: cdcs
          province: {province}
        issued: {year}-01-05
        period:
          year: {year}
        phases:
          - id: dot_1
            name: Đợt 1
            start: {year}-01-01
            end: {year}-12-31
        greet:
          - tags: [province]
        """)


def test_a_plan_file_greets_its_province_s_days(capsys, tmp_path):
    path = tmp_path / "ke-hoach.yaml"
    path.write_text(_plan("Thái Nguyên", 2026), encoding="utf-8")
    status, out, err = run(capsys, "plan", str(path), "--format", "json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["province"] == "thai_nguyen"
    greeted = {occ["id"] for phase in data["phases"] for occ in phase["commemorations"]}
    assert "thanh_lap_tinh_bac_kan" in greeted
    for command in (["ics", str(path), "-o", str(tmp_path / "a.ics")],
                    ["site", str(path), "-o", str(tmp_path / "site")]):
        assert main(command) == 0
    assert "126 năm Ngày thành lập tỉnh Bắc Kạn" in (tmp_path / "a.ics").read_text(
        encoding="utf-8").replace("\r\n ", "")


def test_a_plan_file_s_province_is_the_one_of_its_issue_date():
    with pytest.raises(PlanError) as caught:
        parse_plan_file(_plan("Bắc Kạn"), "p.yaml")
    assert str(caught.value).startswith("p.yaml:5: field 'organisation.province': ")
    assert "(thai_nguyen)" in str(caught.value)
    plan_file = parse_plan_file(_plan("Bắc Kạn", 2022), "p.yaml")
    assert plan_file.plan.organisation.province is not None
    assert plan_file.plan.organisation.province.id == "bac_kan"


BAD_MAPS = [
    ("provinces:\n  - {id: a, name: A, kind: tinh, merged_into: null}\n", 1, "sources"),
    ("sources: [{title: T, url: 'https://x.org'}]\nprovinces:\n"
     "  - {id: a, name: A, kind: huyen, merged_into: null}\n", 3, "kind"),
    ("sources: [{title: T, url: 'https://x.org'}]\nprovinces:\n"
     "  - id: a\n    name: A\n    kind: tinh\n    from: '2020-02-30'\n    merged_into: null\n",
     6, "from"),
    ("sources: [{title: T, url: 'https://x.org'}]\nprovinces:\n"
     "  - id: a\n    name: A\n    kind: tinh\n    from: '2020'\n    merged_into: null\n",
     6, "from"),
    ("sources: [{title: T, url: 'https://x.org'}]\nprovinces:\n"
     "  - id: a\n    name: A\n    kind: tinh\n    until: '2025-06-30'\n    merged_into: b\n",
     7, "merged_into"),
    ("sources: [{title: T, url: 'https://x.org'}]\nprovinces:\n"
     "  - {id: a, name: A, kind: tinh, merged_into: null}\n"
     "  - {id: a, name: B, kind: tinh, merged_into: null}\n", 4, "id"),
]


@pytest.mark.parametrize(("text", "line", "field"), BAD_MAPS)
def test_a_bad_provinces_file_is_one_sentence_at_its_line(text, line, field):
    with pytest.raises(ProvinceFileError) as caught:
        parse_provinces(text, "p.yaml")
    message = str(caught.value)
    assert message.startswith(f"p.yaml:{line}: ")
    assert f"field '{field}'" in message
    assert "\n" not in message


def test_the_cli_and_a_plain_listing_read_no_province_file():
    """Cost: `import thidua_calendar.cli` and `anniversaries` without --province neither import
    the province modules nor open a province file; with --province they do."""
    probe = textwrap.dedent("""\
        import sys
        opened = []
        sys.addaudithook(lambda event, args: opened.append(str(args[0]))
                         if event == "open" and args and isinstance(args[0], str) else None)
        import thidua_calendar.cli
        from thidua_calendar.cli import main
        import contextlib, io
        with contextlib.redirect_stdout(io.StringIO()):
            main(sys.argv[1:])
        print(sorted(m for m in sys.modules if "province" in m or "union" in m))
        print([p for p in opened if "provinces" in p or "union_levels" in p])
        """)
    plain = subprocess.run([sys.executable, "-c", probe, "anniversaries", "2025"],
                           capture_output=True, text=True, check=True).stdout.splitlines()
    assert plain == ["[]", "[]"]
    asked = subprocess.run([sys.executable, "-c", probe, "anniversaries", "2025", "--province",
                            "Bắc Kạn"], capture_output=True, text=True, check=True
                           ).stdout.splitlines()
    assert "thidua_calendar.files.provinces" in asked[0]
    assert "bac_kan.yaml" in asked[1]
    assert "thai_nguyen.yaml" not in asked[1]
