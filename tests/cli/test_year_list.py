"""The year as the guidance lists it (issue 11): kinds and their default display, --all,
--group, --ids, the events command, and events in plans."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
import yaml

from thidua_calendar.anniversaries import occurrences
from thidua_calendar.cli import main
from thidua_calendar.errors import CatalogError, PlanError
from thidua_calendar.files.catalog import builtin_catalog, load_catalog
from thidua_calendar.files.events import builtin_events
from thidua_calendar.files.plan import load_plan_file
from thidua_calendar.files.workdays import load_work_calendar

EVENT_KEYS = {"id", "name", "date", "end", "precision", "kind", "sources"}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _ids(capsys, *argv: str) -> list[str]:
    status, out, err = run(capsys, "anniversaries", *argv, "--format", "json")
    assert (status, err) == (0, "")
    return [record["id"] for record in json.loads(out)]


# -- the default display, per kind -----------------------------------------------------------

def test_the_issue_s_examples_are_listed(capsys):
    in_2026 = _ids(capsys, "2026")
    assert {"sinh_pham_van_dong", "ra_di_tim_duong_cuu_nuoc", "truyen_thong_nganh_noi_chinh_dang",
            "quoc_te_thieu_nhi", "ngay_the_thao_viet_nam", "ngay_chuyen_doi_so_quoc_gia"} <= set(
        in_2026)
    assert {"sinh_tran_phu", "hiep_dinh_gio_ne_vo"} <= set(_ids(capsys, "2024"))
    _status, out, _ = run(capsys, "anniversaries", "2024")
    assert "120 năm Ngày sinh đồng chí Trần Phú (1/5/1904 - 1/5/2024)" in out
    assert "70 năm Ngày ký Hiệp định Giơ-ne-vơ" in out
    assert "(21/7/1954 - 21/7/2024)" in out


@pytest.mark.parametrize("year", [2015, 2022, 2026, 2027, 2031])
def test_leaders_and_history_only_on_round_years_unless_all(capsys, year):
    catalog = builtin_catalog()
    shown = set(_ids(capsys, str(year)))
    every = set(_ids(capsys, str(year), "--all"))
    assert every == {occ.id for occ in occurrences(catalog, year)}
    partners = {o.commemoration.printed_with.id for o in occurrences(catalog, year)
                if o.commemoration.printed_with and o.id in shown}
    for occ in occurrences(catalog, year):
        kind = catalog.kind_of(occ.commemoration)
        assert kind is not None, occ.id  # every built-in entry says its kind
        if kind.tag in ("leader", "history") and occ.id not in partners:
            assert (occ.id in shown) is (occ.count is not None and occ.count % 5 == 0), occ.id
        else:
            assert occ.id in shown, occ.id


def test_the_display_is_data_a_catalog_file_can_give(tmp_path, capsys):
    path = tmp_path / "heroes.yaml"
    path.write_text(textwrap.dedent("""\
        kinds:
          - tag: local_hero
            name: Ngày sinh các anh hùng của tỉnh
            name_en: Births of the province's heroes
            display: round_years
        entries:
          - id: sinh_anh_hung_a
            name: Ngày sinh Anh hùng A
            name_en: Birth of hero A
            origin: "1930-04-02"
            tags: [local_hero]
            sources:
              - title: Tiểu sử
                url: https://example.org/a
        """), encoding="utf-8")
    assert "sinh_anh_hung_a" in _ids(capsys, "2025", "--catalog", str(path))
    assert "sinh_anh_hung_a" not in _ids(capsys, "2026", "--catalog", str(path))
    assert "sinh_anh_hung_a" in _ids(capsys, "2026", "--catalog", str(path), "--all")
    assert load_catalog(path).kinds[-1].tag == "local_hero"


def test_a_kind_defined_twice_is_refused_with_its_line(tmp_path):
    path = tmp_path / "kinds.yaml"
    path.write_text("kinds:\n  - tag: leader\n    name: Lãnh đạo\n    name_en: Leaders\n",
                    encoding="utf-8")
    with pytest.raises(CatalogError, match=r"kinds.yaml:2: .*kind 'leader' is already defined"):
        load_catalog(path)


# -- --group and --ids -----------------------------------------------------------------------

def test_group_prints_one_heading_per_kind_in_the_guidance_order(capsys):
    status, out, err = run(capsys, "anniversaries", "2026", "--group")
    assert (status, err) == (0, "")
    headings = [kind.name.upper() for kind in builtin_catalog().kinds]
    positions = [out.index(heading) for heading in headings if heading in out]
    assert positions == sorted(positions)
    assert len(positions) >= 6
    assert out.index("CÁC NGÀY LỄ LỚN") < out.index("Ngày sinh đồng chí Phạm Văn Đồng")
    _, flat, _ = run(capsys, "anniversaries", "2026")
    dated = [line for line in flat.splitlines()[2:] if line]
    assert sorted(line for line in out.splitlines() if line in dated) == sorted(dated)
    status, out, _ = run(capsys, "anniversaries", "2026", "--group", "--lang", "en")
    assert "BIRTH ANNIVERSARIES OF LEADERS" in out
    status, out, _ = run(capsys, "anniversaries", "2026", "--group", "--format", "markdown")
    assert "## Các sự kiện lịch sử" in out
    _, out, _ = run(capsys, "anniversaries", "2026", "--group", "--province", "Thái Nguyên")
    local = out.split("CÁC NGÀY KỶ NIỆM CỦA ĐỊA PHƯƠNG, ĐƠN VỊ")[1]
    assert "Ngày tái lập tỉnh Thái Nguyên" in local


def test_json_records_say_their_kind(capsys):
    _status, out, _ = run(capsys, "anniversaries", "2026", "--format", "json")
    kinds = {record["id"]: record["kind"] for record in json.loads(out)}
    assert kinds["sinh_pham_van_dong"] == "leader"
    assert kinds["quoc_khanh"] == "nd145"
    assert kinds["quoc_te_thieu_nhi"] == "international"


def test_ids_feed_a_plan_file_s_greet(capsys, tmp_path):
    status, out, err = run(capsys, "anniversaries", "2026", "--tag", "leader", "--ids")
    assert (status, err) == (0, "")
    ids = yaml.safe_load(out)
    assert "sinh_pham_van_dong" in ids
    assert all(isinstance(i, str) for i in ids)
    assert "# 120 năm Ngày sinh đồng chí Phạm Văn Đồng (1/3/1906 - 1/3/2026)" in out
    plan = _plan(tmp_path, "greet:\n  - ids: [" + ", ".join(ids) + "]\n")
    greeted = {o.id for p in plan.phases for o in p.occurrences}
    assert greeted == set(ids)
    status, _, err = run(capsys, "anniversaries", "2026", "--ids", "--format", "json")
    assert status == 2
    assert "--ids" in err


# -- events ----------------------------------------------------------------------------------

def test_events_json_has_the_contract_keys(capsys):
    status, out, err = run(capsys, "events", "2026", "--format", "json")
    assert (status, err) == (0, "")
    records = json.loads(out)
    assert all(record.keys() >= EVENT_KEYS for record in records)
    by_id = {record["id"]: record for record in records}
    assert by_id["dai_hoi_dang_xiv"]["date"] == "2026-01-19"
    assert by_id["dai_hoi_dang_xiv"]["end"] == "2026-01-23"
    assert by_id["bau_cu_qh_xvi_hdnd_2026"]["precision"] == "day"
    assert by_id["bau_cu_qh_xvi_hdnd_2026"]["kind"] == "election"
    assert all(s["url"].startswith("http") for r in records for s in r["sources"])
    assert [r["id"] for r in records] == [e.id for e in builtin_events().in_year(2026)]


def test_events_text_is_vietnamese_with_an_english_form(capsys):
    status, out, _ = run(capsys, "events", "2026")
    assert out.startswith("Các sự kiện chính trị năm 2026:")
    assert "19/1/2026 - 23/1/2026" in out
    assert "[đã diễn ra]" in out
    status, out, _ = run(capsys, "events", "2026", "--lang", "en")
    assert "14th National Congress of the Communist Party of Vietnam" in out
    status, _, err = run(capsys, "events", "1800")
    assert status == 2
    assert "1800" in err


def test_the_default_plan_greets_the_year_s_events_in_their_phase(capsys):
    status, out, err = run(capsys, "plan", "--year", "2026", "--format", "json")
    assert (status, err) == (0, "")
    plan = json.loads(out)
    first, _second = plan["phases"]
    assert {"dai_hoi_dang_xiv", "bau_cu_qh_xvi_hdnd_2026"} <= {e["id"] for e in first["events"]}
    assert "chào mừng thành công Đại hội đại biểu toàn quốc lần thứ XIV của Đảng" in first["text"]
    assert "chào mừng thành công bầu cử đại biểu Quốc hội khóa XVI" in first["text"]
    # What it greeted before: the great days, the union's days.
    greeted = {c["id"] for phase in plan["phases"] for c in phase["commemorations"]}
    assert {"thanh_lap_dang", "quoc_khanh", "thanh_lap_cong_doan_vn", "thang_cong_nhan"} <= greeted
    status, out, _ = run(capsys, "plan", "--year", "2022", "--format", "json")
    events_2022 = {e["id"] for phase in json.loads(out)["phases"] for e in phase["events"]}
    assert events_2022 == {e.id for e in builtin_events().in_year(2022)}


def test_the_preamble_follows_the_guidance_order(capsys):
    _status, out, _ = run(capsys, "plan", "--year", "2026", "--format", "json")
    catalog = builtin_catalog()
    ranks = [catalog.kind_rank(catalog.get(item["id"])) for item in json.loads(out)["preamble"]]
    assert ranks == sorted(ranks)
    assert len(set(ranks)) >= 4


# -- plan files greeting shipped events ------------------------------------------------------

PLAN = """\
title: Kế hoạch thi đua năm 2026
organisation:
  name: Công đoàn cơ sở Trường Tiểu học A
issued: 2026-01-05
period:
  year: 2026
phases:
  - id: dot_1
    name: Đợt 1
    start: 2026-01-01
    end: 2026-06-30
  - id: dot_2
    name: Đợt 2
    start: 2026-07-01
    end: 2026-12-31
"""


def _plan(tmp_path: Path, extra: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN + extra, encoding="utf-8")
    return load_plan_file(path).build(calendar=load_work_calendar())


def test_a_plan_file_greets_shipped_events_by_id(tmp_path):
    result = _plan(tmp_path, "events:\n  - id: dai_hoi_dang_xiv\n  - id: dai_hoi_cong_doan_xiv\n"
                             "    phase: dot_1\n")
    first, second = result.phases
    assert [e.id for e in first.events] == ["dai_hoi_dang_xiv", "dai_hoi_cong_doan_xiv"]
    assert first.events[0].date.isoformat() == "2026-01-19"
    assert first.events[1].precision == "month"
    assert second.events == ()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("events:\n  - id: dai_hoi_dang_xv\n",
         r"plan.yaml:17: field 'events.0.id': no shipped event has the id 'dai_hoi_dang_xv'; "
         r"did you mean dai_hoi_dang_xiv"),
        ("events:\n  - id: dai_hoi_dang_xiv\n    date: 2026-02-01\n",
         r"plan.yaml:18: .*a shipped event keeps its own date"),
        ("events:\n  - id: bau_cu_qh_xvi_hdnd_2026\n    phase: dot_2\n",
         r"plan.yaml:17: event 'bau_cu_qh_xvi_hdnd_2026', field 'date': the event's date "
         r"\(2026-03-15\) is outside Đợt 2"),
    ],
)
def test_bad_event_references_name_their_line(tmp_path, extra, message):
    with pytest.raises(PlanError, match=message):
        _plan(tmp_path, extra)


@pytest.mark.parametrize("year", [2022, 2026, 2027])
def test_the_default_plan_still_greets_what_it_greeted_with_the_old_catalog(year):
    """What the default plan greeted when the catalog was data/anniversaries.yaml alone, it
    greets now, in the same phase; the larger catalog only adds."""
    from thidua_calendar.plan import build_plan, default_plan

    calendar = load_work_calendar()
    old = load_catalog(Path(__file__).parents[2] / "data" / "anniversaries.yaml", builtin=False)
    before = build_plan(default_plan(year, calendar=calendar), catalog=old, calendar=calendar)
    now = build_plan(default_plan(year, calendar=calendar,
                                  events=builtin_events().in_year(year)),
                     catalog=builtin_catalog(), calendar=calendar)
    for then, phase in zip(before.phases, now.phases, strict=True):
        assert {o.id for o in then.occurrences} <= {o.id for o in phase.occurrences}
    assert {o.id for o in before.preamble} <= {o.id for o in now.preamble}
    assert [d.due for d in before.schedule.deadlines] == [d.due for d in now.schedule.deadlines]
