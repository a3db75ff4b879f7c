"""Reading a 100-page plan with `check`, measured against a baseline in the same process.

Goal (issue 6): a plan of about 5,000 lines is checked well under a second.  The plan is
made of the real lines of tests/corpus (the seeds' passages and the corpus of lines), repeated
to 5,000 lines; the baseline is the least any reader must do, one pass of a date pattern over
the same text.

A second table feeds texts made to trip a pattern that backtracks (long runs of spaces,
digits and slashes, counts without a date) and compares their cost per character with the
real plan's: every pattern is bounded, so the ratio stays near one whatever the length.

    python benchmarks/bench_check.py [--lines 5000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import yaml

from thidua_calendar.files.catalog import builtin_catalog
from thidua_calendar.files.documents import Document
from thidua_calendar.files.workdays import load_work_calendar
from thidua_calendar.reading.check import check_document

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
    per_char = best / len(text)
    worst = 0.0
    print("adversarial texts, cost per character against the real plan's:")
    for label, piece in ADVERSARIAL:
        hostile = piece * (len(text) // len(piece))
        timing = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            check_document(Document.from_text(hostile), catalog=catalog, calendar=calendar,
                           year=2022)
            timing.append(time.perf_counter() - start)
        ratio = min(timing) / len(hostile) / per_char
        worst = max(worst, ratio)
        print(f"   {label:<34} {min(timing) * 1000:8.1f} ms  {ratio:5.2f}x")
    print(f"   worst {worst:.2f}x; goal: under 10x (no pattern backtracks): "
          f"{'PASS' if worst < 10 else 'FAIL'}")
    return 0


#: Texts as long as the plan, each a piece repeated: what a careless pattern chokes on.
ADVERSARIAL = [
    ("spaces after an open parenthesis", "(" + " " * 99),
    ("digits and slashes", "1/" * 50),
    ("counts without a date", "93 năm Ngày " * 8),
    ("đợt without an end", "Đợt 1: từ 1/1 đến khi " + "x" * 60),
    ("deadline words without a date", "trước ngày chậm nhất riêng "),
    ("lunar words without a month", "mùng 1 tháng âm lịch " * 3),
    ("open parentheses and dates", "((1/1/2000 - " * 5),
]


if __name__ == "__main__":
    raise SystemExit(main())
