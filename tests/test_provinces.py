"""Provinces before and after 1/7/2025: the shipped map, lookup on a date, each one's days,
and the counts the provinces' own documents print (tests/known_answers/provinces_*.yaml)."""

from __future__ import annotations

import glob
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from thidua_calendar import occurrence
from thidua_calendar.errors import ProvinceError
from thidua_calendar.files.catalog import load_catalog
from thidua_calendar.files.provinces import builtin_provinces, days_paths, province_days
from thidua_calendar.provinces import Province, ProvinceMap, fold_name, name_slug

ROOT = Path(__file__).parents[1]
DAYS = ROOT / "data" / "provinces"
PROVINCES = builtin_provinces()
LAST_OLD_DAY = date(2025, 6, 30)
FIRST_NEW_DAY = date(2025, 7, 1)


def _rows(name: str) -> list[dict[str, object]]:
    rows = yaml.safe_load((ROOT / "tests" / "known_answers" / name).read_text(encoding="utf-8"))
    assert isinstance(rows, list)
    return rows


KNOWN = [(name, row) for name in ("provinces_north.yaml", "provinces_south.yaml")
         for row in _rows(name)]
ALL_DAYS = load_catalog(*sorted(glob.glob(str(DAYS / "*.yaml"))), builtin=False)


# -- the shipped map ---------------------------------------------------------------------


def test_63_units_until_30_6_2025_and_34_from_1_7_2025():
    """NQ 202/2025/QH15: 63 provincial units on 30/6/2025, 34 (28 tỉnh, 6 thành phố) from
    1/7/2025; 2024 still had tỉnh Thừa Thiên Huế, not thành phố Huế."""
    before = [p for p in PROVINCES if p.exists_on(LAST_OLD_DAY)]
    after = [p for p in PROVINCES if p.exists_on(FIRST_NEW_DAY)]
    assert len(before) == 63
    assert len(after) == 34
    assert sorted(p.kind for p in after).count("thanh_pho") == 6
    in_2024 = {p.id for p in PROVINCES if p.exists_on(date(2024, 12, 31))}
    assert "thua_thien_hue" in in_2024
    assert "hue" not in in_2024
    assert len(in_2024) == 63


def test_every_old_unit_went_into_one_of_the_34():
    after = {p.id for p in PROVINCES if p.exists_on(FIRST_NEW_DAY)}
    for province in PROVINCES:
        if province.until is not None:
            assert province.merged_into in after | {"hue"}, province.id
    merged = [p for p in PROVINCES if p.until == LAST_OLD_DAY]
    assert len(merged) == 52
    assert len({p.merged_into for p in merged}) == 23


def test_a_new_unit_that_kept_an_old_name_gives_the_old_one_an_id_ending_in_cu():
    for province in PROVINCES:
        if province.id.endswith("_cu"):
            heir = PROVINCES.get(province.merged_into or "")
            assert heir.name == province.name
            assert heir.id + "_cu" == province.id


def test_every_days_file_is_named_after_a_unit():
    slugs = {p.days_file for p in PROVINCES}
    for path in DAYS.glob("*.yaml"):
        assert path.stem in slugs, path.name


def test_every_date_in_the_map_has_a_source():
    raw = yaml.safe_load((ROOT / "data" / "provinces.yaml").read_text(encoding="utf-8"))
    assert raw["sources"]  # the map as a whole: NQ 202/2025/QH15 and the lists it carried out
    for record in raw["provinces"]:
        if record.get("from") is not None:
            assert record.get("sources"), record["id"]
        for source in record.get("sources") or ():
            assert source["url"].startswith(("http://", "https://"))


def test_names_are_nfc():
    for province in PROVINCES:
        assert unicodedata.normalize("NFC", province.name) == province.name


# -- lookup --------------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "when", "expected"), [
    ("Thái Nguyên", {"on": date(2022, 5, 1)}, "thai_nguyen_cu"),
    ("thai nguyen", {"year": 2026}, "thai_nguyen"),
    ("THAI NGUYEN", {"on": FIRST_NEW_DAY}, "thai_nguyen"),
    ("Thái Nguyên", {"on": LAST_OLD_DAY}, "thai_nguyen_cu"),
    ("Bắc Kạn", {"year": 2022}, "bac_kan"),
    ("bac kan", {"year": 2025}, "bac_kan"),
    ("tỉnh Bắc Kạn", {"on": date(2020, 4, 11)}, "bac_kan"),
    ("thành phố Hồ Chí Minh", {"year": 2026}, "ho_chi_minh"),
    ("Ho Chi Minh", {"year": 2020}, "ho_chi_minh_cu"),
    ("Bà Rịa - Vũng Tàu", {"year": 2020}, "ba_ria_vung_tau"),
    ("ba ria vung tau", {"year": 2020}, "ba_ria_vung_tau"),
    ("Đắk Lắk", {}, "dak_lak"),
    ("Hue", {"year": 2025}, "hue"),
    ("Thừa Thiên Huế", {"year": 2024}, "thua_thien_hue"),
    ("thai_nguyen_cu", {"year": 2020}, "thai_nguyen_cu"),
    ("Thái Nguyên", {"year": 2025}, "thai_nguyen"),  # both that year: the later one
])
def test_find_on_a_date(query, when, expected):
    assert PROVINCES.find(query, **when).id == expected


def test_a_merged_unit_asked_for_after_it_ended_names_its_successor():
    with pytest.raises(ProvinceError) as caught:
        PROVINCES.find("Bắc Kạn", year=2026)
    assert "30/6/2025" in caught.value.message("vi")
    assert "(thai_nguyen)" in caught.value.message("vi")
    assert "then part of Thái Nguyên province (thai_nguyen)" in str(caught.value)


def test_a_new_unit_asked_for_before_it_existed_is_refused():
    with pytest.raises(ProvinceError, match="1/7/2025"):
        PROVINCES.find("thai_nguyen", on=date(2022, 1, 1))


@pytest.mark.parametrize(("query", "close"), [
    ("Thai Ngyen", "thai_nguyen"),
    ("Bac Can", "bac_kan"),
    ("Quang Ngai", None),  # found, no suggestion needed
    ("Ha Noii", "ha_noi"),
])
def test_an_unknown_name_names_the_closest(query, close):
    if close is None:
        assert PROVINCES.find(query).id == "quang_ngai"
        return
    with pytest.raises(ProvinceError) as caught:
        PROVINCES.find(query)
    assert f"({close})" in caught.value.message("vi")
    assert caught.value.message("vi").startswith("không có tỉnh, thành phố nào tên “")
    assert str(caught.value).startswith("no province or city is called ")


@given(st.sampled_from([p for p in PROVINCES if p.start is not None or p.until is not None]))
def test_every_unit_is_found_by_its_folded_name_while_it_exists(province: Province):
    day = province.until or province.start
    assert day is not None
    assert PROVINCES.find(fold_name(province.name), on=day) == province
    assert PROVINCES.find(province.name.upper(), on=day) == province


@given(st.text(alphabet="aàáảạăằâđeêioôơuưy ", min_size=1, max_size=12))
def test_fold_name_is_idempotent_and_ascii(text: str):
    folded = fold_name(text)
    assert folded == fold_name(folded)
    assert folded.isascii()


def test_lookup_without_the_data_is_pure():
    one = Province(id="a", name="Á", kind="tinh", until=date(2000, 1, 1), merged_into="b")
    two = Province(id="b", name="Bê", kind="thanh_pho", start=date(2000, 1, 2))
    small = ProvinceMap((one, two))
    assert small.find("a", year=1999) is one
    assert small.find("be", on=date(2001, 1, 1)) is two
    assert small.merged_from(two) == (one,)
    assert small.day_files(two) == ("be", "a")
    assert name_slug("Bà Rịa - Vũng Tàu") == "ba_ria_vung_tau"


# -- each unit's days -----------------------------------------------------------------------


def _ids(province_id: str) -> set[str]:
    return {entry.id for entry in province_days(PROVINCES.get(province_id))}


def test_a_merged_province_gets_the_days_of_the_ones_merged_into_it():
    """From 1/7/2025 Thái Nguyên's list holds old Thái Nguyên's and Bắc Kạn's days, named as
    they were; the old ones keep their own."""
    new = _ids("thai_nguyen")
    assert _ids("thai_nguyen_cu") < new
    assert _ids("bac_kan") < new
    assert "thanh_lap_tinh_bac_kan" in new
    names = {e.name for e in province_days(PROVINCES.get("thai_nguyen"))}
    assert "Ngày thành lập tỉnh Bắc Kạn" in names
    assert "thai_nguyen_thanh_lap_tinh" not in _ids("bac_kan")


def test_every_new_unit_s_days_are_the_union_of_its_parts():
    for province in PROVINCES:
        parts = PROVINCES.merged_from(province)
        if not parts:
            continue
        own = _ids(province.id)
        for part in parts:
            assert _ids(part.id) <= own, (province.id, part.id)


def test_huế_has_thua_thien_huế_s_history_and_its_own_founding_as_a_city():
    ids = _ids("hue")
    assert "hue_thanh_lap_thanh_pho" in ids
    assert "thua_thien_hue_giai_phong" in ids
    assert "hue_thanh_lap_thanh_pho" not in _ids("thua_thien_hue")


def test_days_files_are_only_those_that_exist():
    nam_dinh = PROVINCES.get("nam_dinh")  # no day of its own was found
    assert days_paths(nam_dinh) == ()
    assert all(Path(path).is_file() for path in days_paths(PROVINCES.get("ninh_binh")))


def test_every_day_is_tagged_province_and_one_kind():
    kinds = {"founding", "liberation", "party_committee", "history"}
    for entry in ALL_DAYS:
        assert "province" in entry.tags, entry.id
        assert kinds & set(entry.tags), entry.id


# -- known answers ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "row"), KNOWN,
                         ids=[f"{row['id']}@{row['year']}" for _, row in KNOWN])
def test_the_counts_the_provinces_print(name, row):
    """The count computed for (id, year) is the one the province's document prints, and the
    printed line itself says that count."""
    found = occurrence(ALL_DAYS.get(str(row["id"])), int(str(row["year"])))
    assert found is not None
    assert found.years == row["years"]
    printed = " ".join(str(row["printed"]).lower().split())
    span = re.search(r"\d{1,2}/\d{1,2}/(\d{4})\s*[-–]\s*\d{1,2}/\d{1,2}/(\d{4})", printed)
    assert f"{row['years']} năm" in printed or (
        span is not None and int(span[2]) - int(span[1]) == row["years"]), printed
    assert str(row["source"]).startswith(("http://", "https://"))
