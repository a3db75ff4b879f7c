"""Refresh the validated snapshot of the built-in catalog after editing the YAML.

    python scripts/snapshot_catalog.py

Validates ``data/anniversaries.yaml`` with pydantic (through the package's own loader) and
writes ``src/thidua_calendar/_builtin_snapshot.json`` with the file's fingerprint.  The
package uses the snapshot only while the fingerprint matches, so a stale snapshot is never
wrong, only slower; ``tests/test_catalog.py`` fails until it is refreshed.
"""

from __future__ import annotations

from pathlib import Path

from thidua_calendar.catalog import snapshot_json

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "anniversaries.yaml"
TARGET = ROOT / "src" / "thidua_calendar" / "_builtin_snapshot.json"


def main() -> int:
    text = snapshot_json(SOURCE.read_text(encoding="utf-8"))
    if TARGET.exists() and TARGET.read_text(encoding="utf-8") == text:
        print(f"{TARGET.relative_to(ROOT)} is up to date")
        return 0
    temporary = TARGET.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(TARGET)
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
