"""What ``thidua-calendar check`` found, as text for people or JSON for tools.

The text form is one line per finding, ``FILE:LINE:COLUMN: LEVEL: “WORDS”: MESSAGE [CODE]``,
the form compilers use, so that editors jump to the place; WORDS are the words the finding
is about, as printed.  The JSON form is a contract: a list of objects with ``file``,
``line``, ``column``, ``level``, ``code``, ``message`` and ``quote``; keys are only ever
added (see ``docs/cli.md``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from thidua_calendar.styles import FindingsFormat, Lang

if TYPE_CHECKING:
    from thidua_calendar.reading.check import Finding

__all__ = ["FindingsFormat", "finding_records", "render_findings"]


#: How the text form names a finding's level, in Vietnamese.
LEVELS_VI = {"error": "lỗi", "warning": "cảnh báo", "info": "lưu ý"}


def finding_records(found: Sequence[tuple[str, Finding]], /, *,
                    lang: Lang = "vi") -> list[dict[str, Any]]:
    """One JSON-ready object per ``(file name, finding)``, in the order given; ``message`` in
    ``lang`` (``level`` and ``code`` are the same in every language)."""
    return [{"file": name, "line": f.line, "column": f.column, "level": f.level,
             "code": f.code, "message": f.text(lang), "quote": f.quote}
            for name, f in found]


def render_findings(
    found: Sequence[tuple[str, Finding]], /, *, format: FindingsFormat = "text",
    lang: Lang = "vi",
) -> str:
    """The findings of several files, each with its file's name, in the order given."""
    if format == "json":
        return json.dumps(finding_records(found, lang=lang), ensure_ascii=False,
                          indent=2) + "\n"
    return "".join(
        f"{name}:{f.line}:{f.column}: {LEVELS_VI[f.level] if lang == 'vi' else f.level}: "
        + (f"“{f.quote}”: " if f.quote else "") + f"{f.text(lang)} [{f.code}]\n"
        for name, f in found)
