"""Renewing a 30-page Word plan with `renew`, measured against a baseline in the same process.

Goal (issue 14): reading a 30-page .docx, finding every change and writing it back with each
change a tracked change takes under 2 s.  The plan is the corpus's 2025 plan and the seeds'
passages, repeated to about 30 pages (40 paragraphs a page, some of them split into runs of
different formatting); the baseline is python-docx opening and saving the same file, the least
any tool that edits a Word file must do.

    python benchmarks/bench_renew.py [--pages 30] [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

import docx

from thidua_calendar.files.catalog import builtin_catalog
from thidua_calendar.files.documents import Document
from thidua_calendar.files.docx_changes import read_paragraphs, write_tracked
from thidua_calendar.files.workdays import load_work_calendar
from thidua_calendar.reading.renew import renew_document

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
LINES_PER_PAGE = 40


def plan_lines(count: int) -> list[str]:
    lines = (CORPUS / "renew-2025.txt").read_text(encoding="utf-8").splitlines()
    for passage in sorted(CORPUS.glob("seed-*")):
        lines.extend(passage.read_text(encoding="utf-8").replace("2022", "2025").splitlines())
    return [lines[n % len(lines)] for n in range(count)]


def build(path: Path, lines: list[str]) -> None:
    document = docx.Document()
    for number, line in enumerate(lines):
        paragraph = document.add_paragraph()
        if number % 3 == 0 and len(line) > 20:  # runs of different formatting
            paragraph.add_run(line[:len(line) // 2]).bold = True
            paragraph.add_run(line[len(line) // 2:])
        else:
            paragraph.add_run(line)
    document.save(path)


def renew(path: Path) -> tuple[bytes, int]:
    from datetime import UTC, datetime

    paragraphs = read_paragraphs(path)
    renewal = renew_document(Document(paragraphs), to_year=2026, from_year=2025,
                             catalog=builtin_catalog(), calendar=load_work_calendar())
    changes = {line: [(e.start, e.end, e.new) for e in edits]
               for line, edits in renewal.by_line().items()}
    data, _ = write_tracked(path, changes, author="thidua-calendar",
                            when=datetime(2026, 12, 3, tzinfo=UTC))
    return data, len(renewal.edits)


def round_trip(path: Path) -> None:
    docx.Document(path).save(io.BytesIO())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    lines = plan_lines(args.pages * LINES_PER_PAGE)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ke-hoach-2025.docx"
        build(path, lines)
        builtin_catalog(), load_work_calendar()  # loaded once, as a command loads them
        renew_times, trip_times = [], []
        edits = 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            _, edits = renew(path)
            renew_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            round_trip(path)
            trip_times.append(time.perf_counter() - start)
        size = path.stat().st_size
    best, trip = min(renew_times), min(trip_times)
    print(f"{args.pages} pages, {len(lines)} paragraphs, {size:,} bytes, {edits} tracked changes")
    print(f"   renew        {best * 1000:8.1f} ms (fastest of {args.repeat})")
    print(f"   open + save  {trip * 1000:8.1f} ms (baseline: python-docx)")
    print(f"   ratio {best / trip:.1f}x the baseline; goal: under 2 s: "
          f"{'PASS' if best < 2.0 else 'FAIL'}")
    return 0 if best < 2.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
