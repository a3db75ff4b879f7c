"""The comment-keeping plan-file writer (thidua_calendar.files.plan_writer)."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from thidua_calendar.files.plan_writer import Comment, Noted, Raw, comment_text, write_plan_text
from thidua_calendar.text import one_line


def test_comments_stand_above_their_key_or_item():
    tree = {
        "title": Noted(value="Kế hoạch thi đua", notes=("?: check the title",)),
        "issued": Raw(text="2022-02"),
        "period": {"year": 2022},
        "phases": [Comment(text="?: Đợt 3: its dates could not be read"),
                   Noted(value={"id": "dot_1", "start": Raw(text="issued")},
                         notes=("note: the first",))],
        "allow": {"gaps": True},
        "greet": [Comment(text="?: nothing")],
        "lead_up": {},
    }
    assert write_plan_text(tree, heading=("A draft.",)) == (
        "# A draft.\n"
        "# ?: check the title\n"
        "title: Kế hoạch thi đua\n"
        "issued: 2022-02\n"
        "period:\n"
        "  year: 2022\n"
        "phases:\n"
        "  # ?: Đợt 3: its dates could not be read\n"
        "  # note: the first\n"
        "  - id: dot_1\n"
        "    start: issued\n"
        "allow:\n"
        "  gaps: true\n"
        "# ?: nothing\n"
        "greet: []\n"
        "lead_up: {}\n")


def test_values_that_would_read_back_otherwise_are_quoted():
    text = write_plan_text({"a": "yes", "b": "1975-04-30", "c": "x: y", "d": "#1", "e": "ok"})
    assert text == "a: 'yes'\nb: '1975-04-30'\nc: 'x: y'\nd: '#1'\ne: ok\n"


def test_a_comment_stays_on_one_printable_line():
    assert comment_text("a\nb\x00c\t d") == "a b c d"


@given(st.text(max_size=60))
def test_any_text_reads_back(value):
    tree = {"name": value, "items": [{"id": "x", "source": value}, value]}
    data = yaml.safe_load(write_plan_text(tree, heading=(value,)))
    expected = one_line(value)
    assert data == {"name": expected, "items": [{"id": "x", "source": expected}, expected]}
