"""The command line's own words: help and usage in Vietnamese by default, English with
--lang en, and every help text translated."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from thidua_calendar.cli import main
from thidua_calendar.cli.help_vi import HELP_VI
from thidua_calendar.cli.main import _COMMANDS, _SUMMARIES_VI

CLI = Path(__file__).resolve().parents[2] / "src" / "thidua_calendar" / "cli"


def _help_texts() -> list[tuple[str, str]]:
    """Every English text given to ``say`` in the command modules, with where it stands."""
    found = []
    for path in sorted(CLI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defaults = {arg.arg: default.value for node in ast.walk(tree)
                    if isinstance(node, ast.FunctionDef)
                    for arg, default in zip(node.args.args[-len(node.args.defaults):] or [],
                                            node.args.defaults, strict=False)
                    if isinstance(default, ast.Constant) and isinstance(default.value, str)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "say" and node.args):
                first = node.args[0]
                if any(keyword.arg == "vi" for keyword in node.keywords):
                    continue  # translated where it stands
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.append((first.value, f"{path.name}:{node.lineno}"))
                elif isinstance(first, ast.Name) and first.id in defaults:
                    found.append((defaults[first.id], f"{path.name}:{node.lineno}"))
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "date_style_help" and isinstance(
                    node.value, ast.Constant):
                found.append((node.value.value, f"{path.name}:{node.value.lineno}"))
    return found


def test_the_scan_finds_the_help_texts():
    assert len(_help_texts()) > 50


def test_every_help_text_has_its_vietnamese_form():
    missing = [f"{where}: {text!r}" for text, where in _help_texts() if text not in HELP_VI]
    assert missing == []


def test_every_command_summary_has_its_vietnamese_form():
    assert set(_COMMANDS) <= set(_SUMMARIES_VI)


def _help(capsys, *argv):
    with pytest.raises(SystemExit) as stop:
        main([*argv, "--help"])
    assert stop.value.code == 0
    return " ".join(capsys.readouterr().out.split())


def test_help_is_vietnamese_by_default(capsys):
    text = _help(capsys, "anniversaries")
    assert text.startswith("cách dùng: thidua-calendar anniversaries")
    assert "thêm một tệp danh mục (dùng nhiều lần được); xem docs/catalog.md" in text
    assert "tùy chọn:" in text
    assert "in hướng dẫn này rồi thoát" in text


def test_help_in_english_on_request(capsys):
    text = _help(capsys, "anniversaries", "--lang", "en")
    assert text.startswith("usage: thidua-calendar anniversaries")
    assert "an extra catalog file (repeatable); see docs/catalog.md" in text


def test_a_mistyped_option_is_answered_in_vietnamese(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["plan", "--format", "xx"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "thidua-calendar plan: lỗi: tham số --format: lựa chọn không hợp lệ: 'xx'" in err
