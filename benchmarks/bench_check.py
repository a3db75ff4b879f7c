"""Reading a 100-page plan with `check`, measured against a baseline in the same process.

Goal (issue 6): a plan of about 5,000 lines is checked well under a second.  The plan is
made of the real lines of tests/corpus (the seeds' passages and the corpus of lines), repeated
to 5,000 lines; the baseline is the least any reader must do, one pass of a date pattern over
the same text.

    python benchmarks/bench_check.py [--lines 5000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import yaml

from thidua_calendar.catalog import builtin_catalog
from thidua_calendar.check import check_document
from thidua_calendar.plan_text import Document
from thidua_calendar.workdays_data import load_work_calendar

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
DATES = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")


def plan_lines(count: int) -> list[str]:
    lines = [case["text"] for case in
             yaml.safe_load((CORPUS / "check.yaml").read_text(encoding="utf-8"))["lines"]]
    for passage in sorted(CORPUS.glob("seed-*")):
        lines.extend(passage.read_text(encoding="utf-8").splitlines())
    lines = [line for line in lines if line.strip()]
    return [lines[n % len(lines)] for n in range(count)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    lines = plan_lines(args.lines)
    text = "\n".join(lines)
    catalog, calendar = builtin_catalog(), load_work_calendar()
    check_times, scan_times = [], []
    found = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        found = check_document(Document(lines), catalog=catalog, calendar=calendar, year=2022)
        check_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        DATES.findall(text)
        scan_times.append(time.perf_counter() - start)
    best, scan = min(check_times), min(scan_times)
    print(f"{len(lines)} lines, {len(text):,} characters, {len(found)} findings")
    print(f"   check        {best * 1000:8.1f} ms (fastest of {args.repeat})")
    print(f"   date scan    {scan * 1000:8.1f} ms (baseline)")
    print(f"   ratio {best / scan:.0f}x the scan; goal: well under 1 s: "
          f"{'PASS' if best < 1.0 else 'FAIL'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
