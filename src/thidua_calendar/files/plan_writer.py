"""Writing plan-file text that keeps comments: the draft a person checks line by line.

A YAML dumper drops comments, yet a drafted plan file is mostly read for them: each ``# ?:``
says, at the place it concerns, what the drafter could not read.  So the file is written here
by hand from a small tree: mappings and lists of plain values, with :class:`Raw` scalars
written as they are (dates, ``issued``), :class:`Noted` values carrying comment lines above
their key or item, and :class:`Comment` lines among a list's items.  Scalars that need quotes
are quoted by PyYAML, imported only then, so that the file reads back to the same values.

The tree's keys are the plan file's (docs/plans.md); ``reading/draft.py`` (``draft_text``) is
the one place that spells them.  The typed draft lives there, in the reading layer, because
this module sits below it and may not import it; it knows the format, not what is drafted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from thidua_calendar.text import one_line

__all__ = ["Comment", "Noted", "Raw", "comment_text", "write_plan_text"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Raw:
    """A scalar written as is (dates, ids): never quoted."""

    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Noted:
    """A value with comment lines above its key or item."""

    value: Any
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Comment:
    """A comment line among the items of a list."""

    text: str


def comment_text(text: str, /) -> str:
    """A text as it can stand in a comment: one line, no unprintable characters."""
    return one_line("".join(ch if ch.isprintable() else " " for ch in text))


def write_plan_text(tree: Mapping[str, Any], /, *, heading: Iterable[str] = ()) -> str:
    """The YAML text of ``tree``, below the comment lines of ``heading``."""
    out = [f"# {comment_text(line)}" for line in heading]
    _emit_map(tree, 0, out)
    return "\n".join(out) + "\n"


# A block plain scalar that needs no quotes: a letter first, then words, spaces and a few
# punctuation marks (no ": ", " #", quotes or flow indicators at the start).
_PLAIN = re.compile(r"[^\W\d_][\w ,.()/–-]*(?<![ ])")
_RESERVED = frozenset({"yes", "no", "true", "false", "on", "off", "null"})


def _scalar(value: Any) -> str:
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = one_line(str(value))
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    import yaml

    dumped = yaml.safe_dump([text], allow_unicode=True, default_flow_style=True,
                            width=1_000_000)
    return dumped.strip()[1:-1]


def _notes(notes: Iterable[str], pad: str) -> list[str]:
    return [f"{pad}# {comment_text(note)}" for note in notes]


def _emit_map(mapping: Mapping[str, Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for key, raw in mapping.items():
        value = raw
        if isinstance(value, Noted):
            out.extend(_notes(value.notes, pad))
            value = value.value
        if isinstance(value, Mapping):
            if value:
                out.append(f"{pad}{key}:")
                _emit_map(value, indent + 2, out)
            else:
                out.append(f"{pad}{key}: {{}}")
        elif isinstance(value, list | tuple):
            if any(not isinstance(item, Comment) for item in value):
                out.append(f"{pad}{key}:")
                _emit_list(value, indent + 2, out)
            else:
                out.extend(_notes((item.text for item in value), pad))
                out.append(f"{pad}{key}: []")
        else:
            out.append(f"{pad}{key}: {_scalar(value)}")


def _emit_list(items: Sequence[Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for raw in items:
        item = raw
        if isinstance(item, Comment):
            out.append(f"{pad}# {comment_text(item.text)}")
            continue
        if isinstance(item, Noted):
            out.extend(_notes(item.notes, pad))
            item = item.value
        if isinstance(item, Mapping) and item:
            lines: list[str] = []
            _emit_map(item, indent + 2, lines)
            for index, line in enumerate(lines):
                if not line.lstrip().startswith("#"):
                    lines[index] = f"{pad}- {line[indent + 2:]}"
                    break
            out.extend(lines)
        else:
            out.append(f"{pad}- {_scalar(item)}")
