"""Every example in README.md and docs/ runs (habit 14 of STYLE.md)."""

from __future__ import annotations

import doctest
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


def test_the_tutorial_s_yaml_is_the_example_file():
    """Every YAML block of the tutorial stands verbatim in the file it builds."""
    import re

    page = (ROOT / "docs" / "huong-dan-lap-ke-hoach.md").read_text(encoding="utf-8")
    example = (ROOT / "examples" / "tutorial" / "ke-hoach-2027.yaml").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", page, flags=re.DOTALL)
    assert len(blocks) == 5
    for block in blocks:
        assert block in example, block
