"""Refresh the validated snapshots of the built-in data after editing the YAML.

    python scripts/snapshot_data.py

Validates the built-in catalog (``data/anniversaries.yaml`` and ``data/catalog/*.yaml``), the
events (``data/events.yaml``) and ``data/workdays.yaml`` with pydantic (through the package's
own loaders) and writes ``src/thidua_calendar/_builtin_snapshot.json``,
``_builtin_events.json`` and ``_builtin_workdays.json`` with their sources' fingerprint.
The package uses a snapshot only while the fingerprint matches, so a stale snapshot is
never wrong, only slower;
``tests/files/test_catalog.py``, ``tests/files/test_events_file.py`` and
``tests/test_workdays.py`` fail until it is refreshed.
"""

from __future__ import annotations

from pathlib import Path

from thidua_calendar.files import catalog, events
from thidua_calendar.files import workdays as workdays_data

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "thidua_calendar"


def _texts(names: tuple[str, ...]) -> dict[str, str]:
    return {name: (ROOT / "data" / name).read_text(encoding="utf-8") for name in names}


def snapshots() -> list[tuple[Path, str]]:
    """Each snapshot file and the text it should hold (the tests compare them too)."""
    return [
        (PACKAGE / "_builtin_snapshot.json",
         catalog.snapshot_json(_texts(catalog.builtin_catalog_files()))),
        (PACKAGE / "_builtin_events.json",
         events.snapshot_json(_texts((events.BUILTIN_EVENTS,))[events.BUILTIN_EVENTS])),
        (PACKAGE / "_builtin_workdays.json",
         workdays_data.snapshot_json(_texts(("workdays.yaml",))["workdays.yaml"])),
    ]


def main() -> int:
    for target, text in snapshots():
        if target.exists() and target.read_text(encoding="utf-8") == text:
            print(f"{target.relative_to(ROOT)} is up to date")
            continue
        temporary = target.with_suffix(".tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(target)
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
