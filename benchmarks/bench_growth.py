"""How `extract`, `check` and deadline scheduling grow with their input: 1×, 4× and 16×.

Goal (issue 16): linear.  The time per line (or per rule) at 4× and 16× stays within 2× of
the time per line at 1×; a quadratic step shows as 4× and 16×.  Each size runs in this
process through the command line's ``main`` (imports paid before the clock starts), best of
``--repeat`` runs.

- deadlines: rules chained by ``feeds:`` (each counted back from the one before it), 125 at 1×;
- extract: a plan whose đợt section lists the same đợt line again and again, 800 lines at 1×;
- check: the real lines of tests/corpus repeated, 1,250 lines at 1×.

    python benchmarks/bench_growth.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from bench_check import plan_lines

from thidua_calendar.cli import main

SCALES = (1, 4, 16)


def rules(count: int) -> str:
    lines = ["year: 2022", "phases:", "  - id: dot_1", "    name: Đợt 1",
             "    start: 2022-01-01", "    end: 2022-12-31", "deadlines:",
             "  - id: r0", "    name: Rule 0", "    date: 2022-12-20",
             "    wording: truoc_ngay", "    level: tinh"]
    for n in range(1, count):
        lines += [f"  - id: r{n}", f"    name: Rule {n}", f"    feeds: r{n - 1}",
                  "    lead_working_days: 0", "    level: cdcs"]
    return "\n".join(lines) + "\n"


def phases(count: int) -> str:
    head = ["KẾ HOẠCH", "Phát động phong trào thi đua năm 2022", "III. CÁC ĐỢT THI ĐUA"]
    return "\n".join(head + ["Đợt 1: từ ngày 01/01/2022 đến ngày 28/7/2022"] * count) + "\n"


def timed(argv: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            started = time.perf_counter()
            status = main(argv)
            best = min(best, time.perf_counter() - started)
        if status not in (0, 1):
            raise SystemExit(f"{argv} exited {status}")
    return best


def series(name: str, unit: str, base: int, make: Callable[[int, Path], list[str]],
           folder: Path, repeat: int) -> bool:
    per_unit = []
    print(f"\n{name}")
    for scale in SCALES:
        count = base * scale
        seconds = timed(make(count, folder), repeat)
        per_unit.append(seconds / count)
        print(f"  {scale:>2}×  {count:>7,} {unit:<6} {seconds:8.3f} s  "
              f"{seconds / count * 1e6:8.1f} µs per {unit[:-1]}  "
              f"{per_unit[-1] / per_unit[0]:5.2f}× the 1× cost per {unit[:-1]}")
    return max(per_unit) <= 2 * per_unit[0]


def main_() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    def deadlines(count: int, folder: Path) -> list[str]:
        path = folder / f"rules-{count}.yaml"
        path.write_text(rules(count), encoding="utf-8")
        return ["deadlines", str(path), "-o", str(folder / "out.txt")]

    def extract(count: int, folder: Path) -> list[str]:
        path = folder / f"plan-{count}.txt"
        path.write_text(phases(count), encoding="utf-8")
        return ["extract", str(path), "-o", str(folder / "draft.yaml")]

    def check(count: int, folder: Path) -> list[str]:
        path = folder / f"check-{count}.txt"
        path.write_text("\n".join(plan_lines(count)) + "\n", encoding="utf-8")
        return ["check", str(path), "--year", "2022"]

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        timed(deadlines(10, folder), 1)  # imports, once, before any clock
        timed(extract(10, folder), 1)
        timed(check(10, folder), 1)
        results = [
            series("deadlines (rules chained by feeds:)", "rules", 125, deadlines, folder,
                   args.repeat),
            series("extract (đợt lines)", "lines", 800, extract, folder, args.repeat),
            series("check (plan lines)", "lines", 1250, check, folder, args.repeat),
        ]
    if not all(results):
        print("\nGOAL MISSED: a cost per line or rule grew more than 2× from 1× to 16×")
        return 1
    print("\nlinear: every cost per line or rule within 2× of its 1× cost")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main_())
