"""docs/tinh-thanh.md: its table is what scripts/province_table.py writes from the data, and
the commands it shows run."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from thidua_calendar.cli import main
from thidua_calendar.files.provinces import builtin_provinces

ROOT = Path(__file__).parents[1]
PAGE = ROOT / "docs" / "tinh-thanh.md"


def _script():
    spec = importlib.util.spec_from_file_location("province_table",
                                                  ROOT / "scripts" / "province_table.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_table_is_current():
    """Fails after an edit of data/provinces*: run python scripts/province_table.py."""
    script = _script()
    text = PAGE.read_text(encoding="utf-8")
    assert script.rewrite(text, script.render_table()) == text


def test_the_table_has_every_unit_and_its_days():
    table = _script().render_table()
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert [re.match(r"\| `(\w+)`", row)[1] for row in rows] == [p.id for p in
                                                                 builtin_provinces()]
    bac_kan = next(row for row in rows if row.startswith("| `bac_kan`"))
    assert "Ngày thành lập tỉnh Bắc Kạn (11/4/1900)" in bac_kan
    thai_nguyen = next(row for row in rows if row.startswith("| `thai_nguyen` "))
    assert "`bac_kan`" in thai_nguyen
    assert "`thai_nguyen_cu`" in thai_nguyen


def test_the_page_s_commands_run(monkeypatch, capsys):
    page = PAGE.read_text(encoding="utf-8")
    fences = re.findall(r"^```(\w*)\n(.*?)^```$", page, flags=re.DOTALL | re.MULTILINE)
    commands = [line for language, block in fences if not language
                for line in block.splitlines() if line.startswith("thidua-calendar ")]
    assert len(commands) >= 5
    monkeypatch.chdir(ROOT)
    for line in commands:
        argv = [part.strip('"') for part in re.findall(r'"[^"]*"|\S+', line)][1:]
        assert main(argv) == 0, argv
        assert capsys.readouterr().out
