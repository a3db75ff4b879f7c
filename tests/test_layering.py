"""The pure layers stay pure: no file formats, no calendar library, no clock."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import thidua_calendar

PACKAGE = Path(thidua_calendar.__file__).parent
PURE = ["lunar.py", "anniversaries.py", "workdays.py", "deadlines.py", "phases.py", "plan.py",
        "render/lines.py", "render/listing.py", "render/workdays.py", "render/deadlines.py",
        "render/plan.py", "feeds/items.py", "plan_text.py", "check.py", "errors.py"]
HEAVY = {"yaml", "pydantic", "icalendar", "docx"}
CLOCK = {("date", "today"), ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"),
         ("time", "time")}


def _imports(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def _clock_calls(tree: ast.AST) -> list[str]:
    calls = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and (node.func.value.id, node.func.attr) in CLOCK):
            calls.append(f"{node.func.value.id}.{node.func.attr}() at line {node.lineno}")
    return calls


@pytest.mark.parametrize("module", PURE)
def test_pure_modules_import_no_heavy_library(module):
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    assert _imports(tree) & HEAVY == set()


@pytest.mark.parametrize(
    "path", sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                   if p.name != "cli.py"),
)
def test_only_the_cli_reads_the_clock(path):
    tree = ast.parse((PACKAGE / path).read_text(encoding="utf-8"))
    assert _clock_calls(tree) == []


def test_the_check_itself_sees_a_clock_call():
    assert _clock_calls(ast.parse("from datetime import date\ndate.today()\n")) == [
        "date.today() at line 2"]
    assert _clock_calls(ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8")))


def test_every_public_name_resolves():
    missing = [name for name in thidua_calendar.__all__ if not hasattr(thidua_calendar, name)]
    assert missing == []


def test_listing_a_year_does_not_load_working_days_or_deadlines():
    # Their classes cost as much to define as the rest of the package: loaded on first use.
    import subprocess
    import sys

    code = ("import sys, thidua_calendar.cli; "
            "print(sorted(m for m in sys.modules if m.startswith('thidua_calendar')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout
    assert "workdays" not in loaded
    assert "deadlines" not in loaded
    assert "thidua_calendar.anniversaries" in loaded


@pytest.mark.parametrize(
    "path", sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                   if p.relative_to(PACKAGE).as_posix() not in ("render/docx.py",
                                                                "documents.py")),
)
def test_only_the_word_renderer_and_reader_import_python_docx(path):
    assert "docx" not in _imports(ast.parse((PACKAGE / path).read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "path", sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                   if p.relative_to(PACKAGE).as_posix() != "feeds/ics.py"),
)
def test_only_the_feed_writer_imports_icalendar(path):
    assert "icalendar" not in _imports(ast.parse((PACKAGE / path).read_text(encoding="utf-8")))
