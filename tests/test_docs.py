"""Every example in README.md and docs/ runs (habit 14 of STYLE.md)."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
ALL_PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
PAGES = [page for page in ALL_PAGES
         if doctest.DocTestParser().get_examples(page.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(ROOT).as_posix())
def test_examples_run(page, monkeypatch):
    monkeypatch.chdir(ROOT)  # examples name files relative to the repository's root
    parser = doctest.DocTestParser()
    text = page.read_text(encoding="utf-8")
    test = parser.get_doctest(text, {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} example(s) in {page.name} failed"


def test_the_pages_that_teach_the_api_have_examples():
    with_examples = {page.name for page in PAGES}
    assert with_examples >= {"README.md", "api.md", "catalog.md", "anniversaries.md", "lunar.md",
                             "workdays.md", "deadlines.md", "plans.md",
                             "huong-dan-lap-ke-hoach.md", "feeds.md",
                             "kiem-tra-ke-hoach.md"}


TUTORIAL = ROOT / "docs" / "huong-dan-lap-ke-hoach.md"


def test_the_tutorial_s_yaml_is_the_example_file():
    """The tutorial's YAML blocks, one after the other, are the whole file it builds (but for
    the file's opening comment and its blank lines): a reader who types them gets that plan."""
    page = TUTORIAL.read_text(encoding="utf-8")
    example = (ROOT / "examples" / "tutorial" / "ke-hoach-2027.yaml").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", page, flags=re.DOTALL)
    typed = [line for block in blocks for line in block.splitlines() if line.strip()]
    lines = example.splitlines()
    while lines and lines[0].startswith("#"):  # the file's opening comment
        lines.pop(0)
    assert typed == [line for line in lines if line.strip()]


def test_the_tutorial_s_commands_run(tmp_path, monkeypatch, capsys):
    """Every `thidua-calendar …` command the tutorial shows runs and succeeds (what it writes
    goes to a temporary folder)."""
    from thidua_calendar.cli import main

    page = TUTORIAL.read_text(encoding="utf-8")
    fences = re.findall(r"^```(\w*)\n(.*?)^```$", page, flags=re.DOTALL | re.MULTILINE)
    commands = [line.split()[1:] for language, block in fences if not language
                for line in block.splitlines() if line.startswith("thidua-calendar ")]
    assert len(commands) >= 4
    monkeypatch.chdir(ROOT)
    for argv in commands:
        if "-o" in argv:
            argv[argv.index("-o") + 1] = str(tmp_path / argv[argv.index("-o") + 1])
        assert main(argv) == 0, argv
        assert capsys.readouterr().out or "-o" in argv
    assert (tmp_path / "ke-hoach-2027.docx").stat().st_size > 0
