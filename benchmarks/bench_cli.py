"""Cold start of the CLI, measured against `python -c pass` in the same run.

Goal (issue 2): `thidua-calendar anniversaries 2026 --format json`, as a whole process, takes
at most 5x the time of `python -c pass`.  `workdays 2026 --format json` (issue 3) and the
README's main job, `plan --year 2027 --format json` (issue 4), are measured beside it against
the same budget, though their issues set no goal.  The commands run
alternately, many times, with the same interpreter; the script prints the fastest and the
median run of each and their ratios.
The fastest run is the command's own cost; the median includes whatever else the machine was
doing (on a shared 2-core machine that moves by a quarter from one minute to the next).

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
    prefix = [script] if script else [sys.executable, "-m", "thidua_calendar"]
    tools = [
        [*prefix, "anniversaries", "2026", "--format", "json"],
        [*prefix, "workdays", "2026", "--format", "json"],
        [*prefix, "plan", "--year", "2027", "--format", "json"],
    ]
    baseline = [sys.executable, "-c", "pass"]
    # An installed package runs from the bytecode pip compiled at install; an editable or
    # source tree where PYTHONDONTWRITEBYTECODE is set would compile every module on every
    # run and measure the compiler.  Compile the package once, as pip would.
    import compileall

    import thidua_calendar

    compileall.compile_dir(str(Path(thidua_calendar.__file__).parent), quiet=1)
    for command in (baseline, *tools):  # warm the file cache
        _time(command)
    base_times: list[float] = []
    tool_times: list[list[float]] = [[] for _ in tools]
    for _ in range(args.runs):
        base_times.append(_time(baseline))
        for command, times in zip(tools, tool_times, strict=True):
            times.append(_time(command))
    print(f"{args.runs} runs each, alternating")
    print(f"{'':50} {'fastest':>9} {'median':>9}")
    rows = [("python -c pass", base_times)]
    rows += [(" ".join(command[len(prefix):]), times)
             for command, times in zip(tools, tool_times, strict=True)]
    for label, times in rows:
        print(f"{label:50} {min(times) * 1000:6.1f} ms {statistics.median(times) * 1000:6.1f} ms")
    for command, times in zip(tools, tool_times, strict=True):
        fastest = min(times) / min(base_times)
        median = statistics.median(times) / statistics.median(base_times)
        verdict = "PASS" if fastest <= GOAL else "FAIL"
        print(f"{command[len(prefix)]}: fastest {fastest:.2f}x, median {median:.2f}x "
              f"(goal <= {GOAL:.0f}x): {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
