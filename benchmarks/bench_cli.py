"""Cold start of the CLI, measured against `python -c pass` in the same run.

Goal (issue 2): `thidua-calendar anniversaries 2026 --format json`, as a whole process, takes
at most 5x the time of `python -c pass`.  Both commands run alternately, many times, with the
same interpreter; the script prints the medians and their ratio.

    python benchmarks/bench_cli.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

GOAL = 5.0


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    script = shutil.which("thidua-calendar", path=str(Path(sys.executable).parent))
    tool = [script] if script else [sys.executable, "-m", "thidua_calendar"]
    tool += ["anniversaries", "2026", "--format", "json"]
    baseline = [sys.executable, "-c", "pass"]
    for command in (baseline, tool):  # warm the file cache; keep .pyc files written
        _time(command)
    base_times, tool_times = [], []
    for _ in range(args.runs):
        base_times.append(_time(baseline))
        tool_times.append(_time(tool))
    base, ours = statistics.median(base_times), statistics.median(tool_times)
    ratio = ours / base
    print(f"python -c pass:                              median {base * 1000:7.1f} ms")
    print(f"thidua-calendar anniversaries 2026 --format json: median {ours * 1000:7.1f} ms")
    verdict = "PASS" if ratio <= GOAL else "FAIL"
    print(f"ratio {ratio:.2f}x (goal <= {GOAL:.0f}x): {verdict}  [{args.runs} runs each]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
