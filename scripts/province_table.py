"""Regenerate the table of provinces and their days in docs/tinh-thanh.md.

    python scripts/province_table.py

Reads ``data/provinces.yaml`` and ``data/provinces/*.yaml`` through the package's loaders and
rewrites the part of the page between ``<!-- province-table -->`` and
``<!-- /province-table -->``.  ``tests/test_province_table.py`` fails while the page is not
what this script would write.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from thidua_calendar.anniversaries import Origin
from thidua_calendar.files.catalog import load_catalog
from thidua_calendar.files.provinces import builtin_provinces
from thidua_calendar.provinces import Province, ProvinceMap
from thidua_calendar.render.lines import format_date

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "tinh-thanh.md"
DAYS = ROOT / "data" / "provinces"
START, END = "<!-- province-table -->", "<!-- /province-table -->"


def _when(province: Province) -> tuple[str, str]:
    start = "" if province.start is None else (
        str(province.start.year) if province.start_precision == "year"
        else format_date(province.start))
    return start, format_date(province.until) if province.until is not None else ""


def _own_days(province: Province) -> str:
    path = DAYS / f"{province.days_file}.yaml"
    if not path.is_file():
        return ""
    entries = load_catalog(os.fspath(path), builtin=False)
    return "; ".join(f"{entry.name} ({_origin(entry.origin)})" for entry in entries)


def _origin(origin: Origin) -> str:
    """``11/4/1900``, ``3/1936`` or ``1831``, as the days files give them."""
    parts = [origin.day, origin.month, origin.year]
    return "/".join(str(part) for part in parts if part is not None)


def _days(province: Province, provinces: ProvinceMap) -> str:
    parts = provinces.merged_from(province)
    if not parts:
        return _own_days(province) or "—"
    ids = [part.id for part in parts]
    covered = {part.days_file for part in parts}
    own = _own_days(province) if province.days_file not in covered else ""
    text = "của " + ", ".join(f"`{i}`" for i in ids)
    return f"{own}; và các ngày {text}" if own else f"các ngày {text}"


def render_table(provinces: ProvinceMap | None = None) -> str:
    """The Markdown table, one row per unit in the map's order."""
    provinces = provinces or builtin_provinces()
    rows = ["| id | tỉnh, thành phố | từ | đến | hợp nhất vào | các ngày riêng |",
            "|---|---|---|---|---|---|"]
    for province in provinces:
        start, end = _when(province)
        merged = f"`{province.merged_into}`" if province.merged_into else ""
        rows.append(f"| `{province.id}` | {province.title()} | {start} | {end} | {merged} | "
                    f"{_days(province, provinces)} |")
    return "\n".join(rows) + "\n"


def rewrite(text: str, table: str) -> str:
    """The page with the table between its markers replaced."""
    head, found, rest = text.partition(START)
    _, found_end, tail = rest.partition(END)
    if not found or not found_end:
        raise SystemExit(f"{PAGE} has no {START} … {END} markers")
    return f"{head}{START}\n{table}{END}{tail}"


def main() -> int:
    text = PAGE.read_text(encoding="utf-8")
    new = rewrite(text, render_table())
    if new == text:
        print(f"{PAGE.relative_to(ROOT)} is up to date")
        return 0
    temporary = PAGE.with_suffix(".tmp")
    temporary.write_text(new, encoding="utf-8")
    temporary.replace(PAGE)
    print(f"wrote {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
