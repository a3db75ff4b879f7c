"""Refresh the validated snapshots of the built-in data after editing the YAML.

    python scripts/snapshot_data.py

Validates ``data/anniversaries.yaml`` and ``data/workdays.yaml`` with pydantic (through the
package's own loaders) and writes ``src/thidua_calendar/_builtin_snapshot.json`` and
``_builtin_workdays.json`` with each file's fingerprint.  The package uses a snapshot only
while the fingerprint matches, so a stale snapshot is never wrong, only slower;
``tests/test_catalog.py`` and ``tests/test_workdays.py`` fail until it is refreshed.
"""

from __future__ import annotations

from pathlib import Path

from thidua_calendar.files import catalog
from thidua_calendar.files import workdays as workdays_data

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "thidua_calendar"
SNAPSHOTS = [
    (ROOT / "data" / "anniversaries.yaml", PACKAGE / "_builtin_snapshot.json",
     catalog.snapshot_json),
    (ROOT / "data" / "workdays.yaml", PACKAGE / "_builtin_workdays.json",
     workdays_data.snapshot_json),
]


def main() -> int:
    for source, target, make in SNAPSHOTS:
        text = make(source.read_text(encoding="utf-8"))
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
