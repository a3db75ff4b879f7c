"""What ``thidua-calendar check`` found, as text for people or JSON for tools.

The text form is one line per finding, ``FILE:LINE:COLUMN: LEVEL: MESSAGE [CODE]``, the
form compilers use, so that editors jump to the place.  The JSON form is a contract: a list
of objects with ``file``, ``line``, ``column``, ``level``, ``code`` and ``message``; keys are
only ever added (see ``docs/cli.md``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from thidua_calendar.styles import FindingsFormat

if TYPE_CHECKING:
    from thidua_calendar.reading.check import Finding

__all__ = ["FindingsFormat", "finding_records", "render_findings"]


def finding_records(found: Sequence[tuple[str, Finding]], /) -> list[dict[str, Any]]:
    """One JSON-ready object per ``(file name, finding)``, in the order given."""
    return [{"file": name, "line": f.line, "column": f.column, "level": f.level,
             "code": f.code, "message": f.message} for name, f in found]


def render_findings(
    found: Sequence[tuple[str, Finding]], /, *, format: FindingsFormat = "text"
) -> str:
    """The findings of several files, each with its file's name, in the order given."""
    if format == "json":
        return json.dumps(finding_records(found), ensure_ascii=False, indent=2) + "\n"
    return "".join(f"{name}:{f.line}:{f.column}: {f.level}: {f.message} [{f.code}]\n"
                   for name, f in found)
