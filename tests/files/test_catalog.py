"""The built-in catalog's content and the loader's errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import unicodedata
from importlib import resources
from pathlib import Path

import pytest

import thidua_calendar
from thidua_calendar import CatalogError, UnknownEntryError, builtin_catalog, load_catalog
from thidua_calendar.files.catalog import builtin_catalog_files, snapshot_json

DATA = Path(__file__).parents[2] / "data" / "anniversaries.yaml"

# Nghị định 145/2013/NĐ-CP, Điều 4: the great national days.
ND145 = {
    "tet_nguyen_dan", "thanh_lap_dang", "gio_to_hung_vuong", "giai_phong_mien_nam",
    "chien_thang_dien_bien_phu", "sinh_nhat_ho_chi_minh", "cach_mang_thang_tam", "quoc_khanh",
}
# The base-date table of DOMAIN.md, as (id, origin).
BASE_DATES = [
    ("thanh_lap_dang", "1930-02-03"), ("thanh_lap_cong_doan_vn", "1929-07-28"),
    ("quoc_te_lao_dong", "1886-05-01"), ("thang_cong_nhan", "2012-05"),
    ("thang_hanh_dong_atvsld", "2017-05"), ("giai_phong_mien_nam", "1975-04-30"),
    ("chien_thang_dien_bien_phu", "1954-05-07"), ("sinh_nhat_ho_chi_minh", "1890-05-19"),
    ("cach_mang_thang_tam", "1945-08-19"), ("truyen_thong_cand", "1945-08-19"),
    ("quoc_khanh", "1945-09-02"), ("thi_dua_ai_quoc", "1948-06-11"),
    ("bao_chi_cach_mang", "1925-06-21"), ("thuong_binh_liet_si", "1947-07-27"),
    ("quoc_te_phu_nu", "1910-03-08"), ("thanh_lap_doan", "1931-03-26"),
    ("thay_thuoc_viet_nam", "1955-02-27"), ("thanh_lap_hoi_lhpn", "1930-10-20"),
    ("ngay_phu_nu_viet_nam", "2010-10-20"), ("nha_giao_viet_nam", "1982-11-20"),
    ("truyen_thong_mttq", "1930-11-18"), ("thanh_lap_qdnd", "1944-12-22"),
    ("ngay_hoi_qptd", "1989-12-22"), ("toan_quoc_khang_chien", "1946-12-19"),
    ("tong_tuyen_cu", "1946-01-06"), ("ha_noi_dbp_tren_khong", "1972-12"),
    ("gia_dinh_viet_nam", "2001-06-28"), ("doanh_nhan_viet_nam", "2004-10-13"),
    ("ngay_phap_luat", "2013-11-09"), ("tet_nguyen_dan", "AL 01-01"),
    ("gio_to_hung_vuong", "AL 03-10"),
]


def test_builtin_catalog_is_large_and_sourced():
    catalog = builtin_catalog()
    assert len(catalog) >= 40
    for entry in catalog:
        assert entry.sources, entry.id
        assert all(source.url.startswith(("http://", "https://")) for source in entry.sources)
        assert entry.name
        assert entry.name_en
        assert entry.tags


def test_builtin_catalog_has_the_nd145_days_tagged():
    catalog = builtin_catalog()
    tagged = {entry.id for entry in catalog if "nd145" in entry.tags}
    assert tagged == ND145


@pytest.mark.parametrize(("entry_id", "origin"), BASE_DATES)
def test_builtin_catalog_follows_the_official_base_dates(entry_id, origin):
    assert str(builtin_catalog().get(entry_id).origin) == origin


def test_disagreements_are_recorded_as_alternatives():
    catalog = builtin_catalog()
    women = catalog.get("quoc_te_phu_nu")
    assert "1911-03-08" in {str(alt.origin) for alt in women.alternatives}
    teachers = catalog.get("nha_giao_viet_nam")
    assert teachers.alternatives
    assert all(alt.sources for entry in catalog for alt in entry.alternatives)


def test_international_days_and_campaigns_are_there():
    catalog = builtin_catalog()
    assert {"quoc_te_lao_dong", "quoc_te_phu_nu"} <= {
        e.id for e in catalog if "international" in e.tags}
    assert catalog.get("thang_cong_nhan").duration == "month"
    assert catalog.get("thang_hanh_dong_atvsld").count == "edition"


def test_data_file_is_nfc():
    text = DATA.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text


def test_catalog_ships_inside_the_package():
    resource = resources.files("thidua_calendar").joinpath("data", "anniversaries.yaml")
    assert resource.read_text(encoding="utf-8") == DATA.read_text(encoding="utf-8")


def test_installed_package_finds_its_catalog_from_another_folder(tmp_path):
    code = "import thidua_calendar as t; print(len(t.builtin_catalog()))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert int(result.stdout) == len(builtin_catalog())


def test_unknown_id_names_close_ones():
    with pytest.raises(UnknownEntryError, match="did you mean thanh_lap_cong_doan_vn"):
        builtin_catalog().get("thanh_lap_cong_doan")


def _write(tmp_path: Path, text: str, name: str = "local.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


GOOD_ENTRY = """\
entries:
  - id: thanh_lap_truong
    name: Ngày thành lập Trường
    name_en: Founding of the school
    origin: "2006-06-08"
    tags: [local]
    sources:
      - title: Quyết định thành lập
        url: https://example.org/qd
"""


def test_a_local_catalog_adds_entries(tmp_path):
    catalog = load_catalog(_write(tmp_path, GOOD_ENTRY))
    assert catalog.get("thanh_lap_truong").origin.year == 2006
    assert len(catalog) == len(builtin_catalog()) + 1
    alone = load_catalog(_write(tmp_path, GOOD_ENTRY), builtin=False)
    assert [entry.id for entry in alone] == ["thanh_lap_truong"]


@pytest.mark.parametrize(
    ("replace", "insert", "line", "entry_id", "field", "reason"),
    [
        ('"2006-06-08"', '"2006-02-30"', 5, "thanh_lap_truong", "origin", "not a real date"),
        ("    sources:\n      - title: Quyết định thành lập\n        url: https://example.org/qd\n",
         "", 2, "thanh_lap_truong", "sources", "required but missing"),
        ("    tags: [local]", "    tags: [local]\n    colour: red", 7, "thanh_lap_truong",
         "colour", "unknown field"),
        ("url: https://example.org/qd", "url: example.org/qd", 9, "thanh_lap_truong",
         "sources.0.url", "should match pattern"),
        ("    tags: [local]", "    tags: []", 6, "thanh_lap_truong", "tags", "at least 1 item"),
        ("    tags: [local]", "    tags: [local]\n    count: years\n    duration: month", 8,
         "thanh_lap_truong", "duration", "month-precision origin"),
        ('"2006-06-08"', '"--06-08"\n    count: years', 6, "thanh_lap_truong", "count",
         "needs an origin with a base year"),
    ],
)
def test_bad_entries_name_file_line_entry_and_field(
    tmp_path, replace, insert, line, entry_id, field, reason
):
    path = _write(tmp_path, GOOD_ENTRY.replace(replace, insert))
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    error = caught.value
    assert (error.path, error.line, error.entry_id, error.field) == (str(path), line, entry_id,
                                                                       field)
    assert reason in str(error)
    assert str(error).startswith(f"{path}:{line}: entry 'thanh_lap_truong'")
    assert "\n" not in str(error)


def test_duplicate_id_in_one_file(tmp_path):
    text = GOOD_ENTRY + GOOD_ENTRY.removeprefix("entries:\n")
    path = _write(tmp_path, text)
    expected = (r"local.yaml:10: entry 'thanh_lap_truong', field 'id': "
                r"the id is defined twice in this file \(first at line 2\)")
    with pytest.raises(CatalogError, match=expected):
        load_catalog(path)


def test_id_colliding_with_a_builtin_needs_override(tmp_path):
    text = GOOD_ENTRY.replace("thanh_lap_truong", "quoc_khanh")
    with pytest.raises(CatalogError, match=r"already defined at <built-in>/anniversaries\.yaml:.*"
                                           "add 'override: true'"):
        load_catalog(_write(tmp_path, text))
    overriding = text.replace("    tags: [local]", "    tags: [local]\n    override: true")
    catalog = load_catalog(_write(tmp_path, overriding))
    assert catalog.get("quoc_khanh").name == "Ngày thành lập Trường"
    assert len(catalog) == len(builtin_catalog())


def test_malformed_yaml_names_the_line(tmp_path):
    path = _write(tmp_path, GOOD_ENTRY.replace("    tags: [local]", "    tags: [local"))
    # The line that opens the bracket (PyYAML notices it on the next one), and its key.
    with pytest.raises(CatalogError, match=r"local.yaml:6: field 'tags': the file is not valid "
                                           r"YAML: .* \(noticed on line 7\)"):
        load_catalog(path)


def test_duplicate_keys_are_not_silently_merged(tmp_path):
    path = _write(tmp_path, GOOD_ENTRY.replace("    tags: [local]",
                                               "    tags: [local]\n    name: Tên khác"))
    with pytest.raises(CatalogError, match=r"local.yaml:7: field 'name': the key 'name' appears "
                                           "twice"):
        load_catalog(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("entries: 3\n", "field 'entries': Input should be a valid list"),
        ("- a\n- b\n", "must be a mapping with an 'entries:' or 'kinds:' list"),
        ("entries: []\nextra: 1\n", "unknown field"),
    ],
)
def test_wrong_file_shapes(tmp_path, content, message):
    with pytest.raises(CatalogError, match=message):
        load_catalog(_write(tmp_path, content))


def test_unreadable_files(tmp_path):
    with pytest.raises(CatalogError, match=r"missing\.yaml: no such file"):
        load_catalog(tmp_path / "missing.yaml")
    with pytest.raises(CatalogError, match="this is a folder, not a file"):
        load_catalog(tmp_path)
    binary = tmp_path / "latin1.yaml"
    binary.write_bytes("name: Ng\xe0y".encode("latin-1"))
    with pytest.raises(CatalogError, match="not UTF-8"):
        load_catalog(binary)


def test_printed_with_must_name_a_loaded_entry(tmp_path):
    text = GOOD_ENTRY.replace("    tags: [local]", "    tags: [local]\n    printed_with:\n"
                                                  "      id: khong_co")
    path = _write(tmp_path, text)
    with pytest.raises(CatalogError, match=r"local.yaml:8: entry 'thanh_lap_truong', field "
                                           r"'printed_with.id': printed_with names 'khong_co'"):
        load_catalog(path)


def test_text_must_be_nfc(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Ngày thành lập Trường")
    path = _write(tmp_path, GOOD_ENTRY.replace("Ngày thành lập Trường", decomposed))
    with pytest.raises(CatalogError, match=r"local.yaml:3: .*field 'name': .*NFC"):
        load_catalog(path)


def _builtin_texts() -> dict[str, str]:
    return {name: (DATA.parent / name).read_text(encoding="utf-8")
            for name in builtin_catalog_files()}


def test_builtin_snapshot_is_current():
    """Fails after an edit of data/anniversaries.yaml or data/catalog/*.yaml: run
    scripts/snapshot_data.py."""
    shipped = resources.files("thidua_calendar").joinpath("_builtin_snapshot.json")
    assert shipped.read_text(encoding="utf-8") == snapshot_json(_builtin_texts())


def test_the_builtin_catalog_is_every_builtin_file():
    assert builtin_catalog_files()[0] == "anniversaries.yaml"
    assert {"catalog/leaders.yaml", "catalog/history.yaml", "catalog/sectors.yaml",
            "catalog/kinds.yaml"} <= set(builtin_catalog_files())
    ids = {entry.id for entry in builtin_catalog()}
    assert {"sinh_tran_phu", "hiep_dinh_gio_ne_vo", "truyen_thong_nganh_tuyen_giao",
            "quoc_te_thieu_nhi", "thanh_lap_cong_doan_vn"} <= ids


def test_snapshot_and_full_validation_give_the_same_catalog(tmp_path):
    copies = []
    for name, text in _builtin_texts().items():
        copy = tmp_path / name.replace("/", "-")
        copy.write_text(text, encoding="utf-8")
        copies.append(copy)
    assert load_catalog(*copies, builtin=False) == builtin_catalog()
    assert load_catalog(*copies, builtin=False).kinds == builtin_catalog().kinds


def test_a_stale_snapshot_is_not_used(tmp_path):
    """A copy of the package whose YAML was edited validates the file, not the old snapshot."""
    package = Path(thidua_calendar.__file__).parent
    copy = tmp_path / "thidua_calendar"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    data = copy / "data" / "anniversaries.yaml"
    edited = data.read_text(encoding="utf-8").replace(
        "name: Ngày thành lập Công đoàn Việt Nam", "name: Ngày thành lập Công đoàn", 1)
    data.write_text(edited, encoding="utf-8")
    code = ("import sys, thidua_calendar as t; assert t.__file__.startswith(sys.argv[1]); "
            "print(t.builtin_catalog().get('thanh_lap_cong_doan_vn').name)")
    result = subprocess.run(
        [sys.executable, "-c", code, str(copy)], cwd=tmp_path, capture_output=True, text=True,
        check=True, env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert result.stdout.strip() == "Ngày thành lập Công đoàn"


def test_printed_with_cycles_are_refused(tmp_path):
    second = GOOD_ENTRY.removeprefix("entries:\n").replace("thanh_lap_truong", "thanh_lap_khoa")
    text = (GOOD_ENTRY + second).replace(
        "    tags: [local]", "    tags: [local]\n    printed_with:\n      id: PARTNER")
    text = text.replace("PARTNER", "thanh_lap_khoa", 1).replace("PARTNER", "thanh_lap_truong", 1)
    circle = "thanh_lap_truong -> thanh_lap_khoa -> thanh_lap_truong"
    with pytest.raises(CatalogError, match=f"printed_with goes round in a circle: {circle}"):
        load_catalog(_write(tmp_path, text))


def test_an_unquoted_impossible_date_names_its_line(tmp_path):
    path = _write(tmp_path, GOOD_ENTRY.replace('"2006-06-08"', "2006-02-30"))
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert (caught.value.line, caught.value.entry_id, caught.value.field) == (
        5, "thanh_lap_truong", "origin")
    assert "not a real date" in str(caught.value)


def test_an_unquoted_real_date_is_read_as_written(tmp_path):
    catalog = load_catalog(_write(tmp_path, GOOD_ENTRY.replace('"2006-06-08"', "2006-06-08")),
                           builtin=False)
    assert str(catalog.get("thanh_lap_truong").origin) == "2006-06-08"
