"""The shipped events file and the events loader's errors."""

from __future__ import annotations

import textwrap
import unicodedata
from importlib import resources
from pathlib import Path

import pytest

from thidua_calendar.errors import EventFileError
from thidua_calendar.files.events import builtin_events, load_events, snapshot_json

DATA = Path(__file__).parents[2] / "data" / "events.yaml"

GOOD = """\
events:
  - id: dai_hoi_cong_doan_tinh
    name: Đại hội Công đoàn tỉnh lần thứ XI
    name_en: 11th provincial union congress
    date: "2028-05"
    precision: month
    kind: union_congress
    level: provincial
    status: planned
    sources:
      - title: Kế hoạch tổ chức Đại hội
        url: https://example.org/kh
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_the_shipped_events_cover_2020_to_2026_with_sources():
    events = builtin_events()
    assert len(events) >= 20
    years = {year for event in events for year in range(event.date.year, event.last.year + 1)}
    assert set(range(2020, 2027)) <= years
    assert {"party_congress", "election", "emulation_congress", "union_congress",
            "front_congress", "youth_congress", "women_congress"} <= {e.kind for e in events}
    for event in events:
        assert event.sources
        assert all(s.url.startswith(("http://", "https://"))
                                     for s in event.sources)
    xiv = events.get("dai_hoi_dang_xiv")
    assert (xiv.date.isoformat(), xiv.last.isoformat()) == ("2026-01-19", "2026-01-23")
    assert events.get("bau_cu_qh_xvi_hdnd_2026").date.isoformat() == "2026-03-15"


def test_the_data_file_is_nfc():
    text = DATA.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text


def test_the_events_snapshot_is_current():
    """Fails after an edit of data/events.yaml: run scripts/snapshot_data.py."""
    shipped = resources.files("thidua_calendar").joinpath("_builtin_events.json")
    assert shipped.read_text(encoding="utf-8") == snapshot_json(DATA.read_text(encoding="utf-8"))


def test_snapshot_and_full_validation_agree(tmp_path):
    copy = tmp_path / "events.yaml"
    copy.write_text(DATA.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_events(copy, builtin=False) == builtin_events()


def test_a_file_of_ones_own_adds_events(tmp_path):
    events = load_events(_write(tmp_path, GOOD))
    assert events.get("dai_hoi_cong_doan_tinh").last.isoformat() == "2028-05-31"
    assert len(events) == len(builtin_events()) + 1


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('date: "2028-05"', 'date: "2028-02-30"',
         r"events.yaml:5: event 'dai_hoi_cong_doan_tinh', field 'date': .*not a real date"),
        ("precision: month", "precision: day",
         r"events.yaml:6: event 'dai_hoi_cong_doan_tinh', field 'precision': .*to the month"),
        ("status: planned", "status: maybe",
         r"events.yaml:9: event 'dai_hoi_cong_doan_tinh', field 'status'"),
        ("    status: planned\n", "    status: planned\n    end: \"2028-04-30\"\n",
         r"events.yaml:10: event 'dai_hoi_cong_doan_tinh', field 'end': .*before it starts"),
        ("    sources:\n", "    colour: red\n    sources:\n",
         r"events.yaml:10: event 'dai_hoi_cong_doan_tinh', field 'colour'"),
        ("Đại hội", unicodedata.normalize("NFD", "Đại hội"),
         r"events.yaml:3: event 'dai_hoi_cong_doan_tinh', field 'name': .*NFC"),
    ],
)
def test_bad_events_name_file_line_event_and_field(tmp_path, old, new, message):
    with pytest.raises(EventFileError, match=message):
        load_events(_write(tmp_path, GOOD.replace(old, new, 1)), builtin=False)


def test_ids_are_unique(tmp_path):
    twice = GOOD + GOOD.removeprefix("events:\n")
    with pytest.raises(EventFileError, match=r"events.yaml:13: .*defined twice.*line 2"):
        load_events(_write(tmp_path, twice), builtin=False)
    shipped = GOOD.replace("dai_hoi_cong_doan_tinh", "dai_hoi_dang_xiv")
    with pytest.raises(EventFileError, match=r"events.yaml:2: .*already defined in <built-in>"):
        load_events(_write(tmp_path, shipped))
