"""The layers of the package, held by a table: imports run one way, pure layers stay pure.

Layers, from the bottom: leaves (errors, styles, text, dates, the lunar table) ← the pure
domain ← files (every file format and all disk I/O) ← reading (printed plans) ← render ←
feeds ← web ← cli.  A module may import its own layer and the layers below it, never above; the
public surface (``__init__``) may import anything, lazily.  docs/contributing.md explains it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import thidua_calendar

PACKAGE = Path(thidua_calendar.__file__).parent
MODULES = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))

#: The layers, bottom first; a module's layer is the first whose prefix its path starts with.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("leaf", ("errors.py", "styles.py", "text.py", "dates.py", "_lunar_table.py")),
    ("domain", ("lunar.py", "anniversaries.py", "catalog.py", "workdays.py", "phases.py",
                "deadlines.py", "scheduling.py", "plan.py", "events.py", "provinces.py",
                "recurring.py", "unions.py")),
    ("files", ("files/",)),
    ("reading", ("reading/",)),
    ("render", ("render/",)),
    ("feeds", ("feeds/",)),
    # The web app sits beside the command line: `thidua-calendar web` starts it, and it never
    # imports the command line (what both need lives lower; the clock is handed to it).
    ("web", ("web/",)),
    ("cli", ("cli/", "__main__.py")),
    ("surface", ("__init__.py",)),
)
RANK = {name: rank for rank, (name, _) in enumerate(LAYERS)}

#: The only edges allowed to point upward or sideways across layers: none today.
EXCEPTIONS: frozenset[tuple[str, str]] = frozenset()

HEAVY = {"yaml", "pydantic", "icalendar", "docx"}
PURE_LAYERS = {"leaf", "domain", "reading"}
CLOCK = {("date", "today"), ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"),
         ("time", "time")}


def layer_of(module: str) -> str:
    for name, prefixes in LAYERS:
        if any(module == p or (p.endswith("/") and module.startswith(p)) for p in prefixes):
            return name
    raise AssertionError(f"{module} is in no layer: add it to LAYERS")


def _tree(module: str) -> ast.AST:
    return ast.parse((PACKAGE / module).read_text(encoding="utf-8"))


def _imports(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _package_targets(tree: ast.AST) -> set[str]:
    """The package's modules a tree imports, as paths relative to the package."""
    targets = set()
    for name in _imports(tree):
        if not name.startswith("thidua_calendar."):
            continue
        parts = name.split(".")[1:]
        for cut in range(len(parts), 0, -1):
            candidate = "/".join(parts[:cut])
            if (PACKAGE / f"{candidate}.py").is_file():
                targets.add(f"{candidate}.py")
                break
            if (PACKAGE / candidate / "__init__.py").is_file():
                targets.add(f"{candidate}/__init__.py")
                break
    return targets


def _clock_calls(tree: ast.AST) -> list[str]:
    calls = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and (node.func.value.id, node.func.attr) in CLOCK):
            calls.append(f"{node.func.value.id}.{node.func.attr}() at line {node.lineno}")
    return calls


@pytest.mark.parametrize("module", MODULES)
def test_imports_run_down_the_layers(module):
    own = RANK[layer_of(module)]
    upward = sorted(target for target in _package_targets(_tree(module))
                    if RANK[layer_of(target)] > own and (module, target) not in EXCEPTIONS)
    assert upward == [], f"{module} ({layer_of(module)}) imports a higher layer"


def test_the_edge_check_sees_an_upward_import():
    tree = ast.parse("from thidua_calendar.render.lines import format_date\n")
    assert _package_targets(tree) == {"render/lines.py"}
    assert RANK[layer_of("render/lines.py")] > RANK[layer_of("plan.py")]


def test_files_package_imports_nothing():
    # ``thidua_calendar.files`` is a namespace: importing one format never loads the others.
    assert _package_targets(_tree("files/__init__.py")) == set()
    assert (PACKAGE / "files/__init__.py").read_text(encoding="utf-8").strip() in ("", '""""""')


#: Modules of a pure layer that still import a heavy library (to be emptied).
IMPURE_FOR_NOW: set[str] = set()


@pytest.mark.parametrize("module", [m for m in MODULES if layer_of(m) in PURE_LAYERS
                                    and m not in IMPURE_FOR_NOW])
def test_pure_modules_import_no_heavy_library(module):
    roots = {name.split(".")[0] for name in _imports(_tree(module))}
    assert roots & HEAVY == set()


@pytest.mark.parametrize("module", [m for m in MODULES if m != "cli/clock.py"])
def test_only_the_clock_module_reads_the_clock(module):
    assert _clock_calls(_tree(module)) == []


def test_the_check_itself_sees_a_clock_call():
    assert _clock_calls(ast.parse("from datetime import date\ndate.today()\n")) == [
        "date.today() at line 2"]
    assert _clock_calls(_tree("cli/clock.py"))


def test_listing_a_year_does_not_load_working_days_or_deadlines():
    # Their classes cost as much to define as the rest of the package: loaded on first use.
    code = ("import sys, thidua_calendar.cli; "
            "print(sorted(m for m in sys.modules if m.startswith('thidua_calendar')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout
    assert "workdays" not in loaded
    assert "deadlines" not in loaded
    assert "thidua_calendar.anniversaries" not in loaded or "thidua_calendar.cli" in loaded


def _only_importer(library: str, allowed: set[str]) -> list[str]:
    return [m for m in MODULES if m not in allowed
            and library in {name.split(".")[0] for name in _imports(_tree(m))}]


def test_only_the_word_renderer_and_reader_import_python_docx():
    assert _only_importer("docx", {"render/docx.py", "files/documents.py"}) == []


def test_only_the_feed_writer_imports_icalendar():
    assert _only_importer("icalendar", {"feeds/ics.py"}) == []
