"""The public surface: one table drives the lazy names, the type-checking imports and
``__all__``; one version number; importing the package loads nothing else."""

from __future__ import annotations

import ast
import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest

import thidua_calendar

INIT = Path(thidua_calendar.__file__)


def _type_checking_imports() -> dict[str, str]:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    (block,) = [node for node in tree.body if isinstance(node, ast.If)
                and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"]
    return {alias.name: node.module for node in block.body if isinstance(node, ast.ImportFrom)
            for alias in node.names if node.module}


def test_the_type_checking_block_repeats_the_table():
    table = {name: module for module, names in thidua_calendar._PUBLIC.items()
             for name in names}
    assert _type_checking_imports() == table


def test_all_is_the_table():
    names = [name for names in thidua_calendar._PUBLIC.values() for name in names]
    assert len(names) == len(set(names))
    assert thidua_calendar.__all__ == sorted(names)


@pytest.mark.parametrize("name", thidua_calendar.__all__)
def test_every_public_name_is_the_real_object(name):
    module = importlib.import_module(thidua_calendar._MODULE_OF[name])
    assert getattr(thidua_calendar, name) is getattr(module, name)


@pytest.mark.parametrize("name", ["check_document", "Finding", "extract_plan", "plan_items",
                                  "write_calendar", "build_site", "load_work_calendar",
                                  "load_plan_file", "load_deadline_file"])
def test_the_issue_s_names_are_public(name):
    assert name in thidua_calendar.__all__


def test_the_loaders_are_the_real_ones_not_wrappers():
    from thidua_calendar.files.workdays import load_work_calendar

    assert thidua_calendar.load_work_calendar is load_work_calendar


def test_one_version_number():
    assert importlib.metadata.version("thidua-calendar") == thidua_calendar.__version__


def test_importing_the_package_loads_no_other_module():
    code = ("import sys, thidua_calendar; "
            "print(sorted(m for m in sys.modules if m.startswith('thidua_calendar.')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "[]"


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="has no attribute 'Warning'"):
        thidua_calendar.Warning  # noqa: B018
