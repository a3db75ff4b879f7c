"""The pure layers stay pure: no file formats, no calendar library, no clock."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import thidua_calendar

PACKAGE = Path(thidua_calendar.__file__).parent
PURE = ["lunar.py", "anniversaries.py", "render/lines.py", "render/listing.py", "errors.py"]
HEAVY = {"yaml", "pydantic", "icalendar"}
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
