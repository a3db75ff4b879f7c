"""Feed speed, measured against baselines in the same process (issue 5).

1. The feed of the built-in catalog over 2000-2100 (one event per entry and year) costs at
   most 1.2x a plain loop that builds the same events directly with icalendar: the
   baseline gets the events' texts and dates ready-made and only builds and serializes
   them, so the ratio is what computing the anniversaries and their texts adds.
2. 10,000 organisation feeds, each the national catalog's year, two local days and a
   deadline before each: the time per feed in the batch (one FeedWriter, the national
   events built once) is at most a third of one feed built alone, and the total grows
   linearly with the number of feeds: the time per feed of the largest batch is at most
   1.2x that of the smallest (batches of a tenth, a quarter, half and all the feeds).

How it measures, so that a loaded machine does not decide the verdict:

- every timed run starts after a full garbage collection and runs with the collector off
  (as timeit does; the runs make no cyclic garbage, so memory does not grow meanwhile);
- (1) runs the two sides in ``--pairs`` pairs, back to back, alternating which goes first,
  so that a change of load falls on both sides of a pair alike; the goal is judged on the
  median of the pairs' ratios, and the fastest and median of each side are shown with
  their spread;
- (2) runs ``--repeat`` rounds; a round times one feed alone (five organisations, the
  fastest of three runs each, their median) and then one batch of all the feeds, reading
  the clock after a tenth, a quarter, half and all of them: the batch does not know its
  size in advance, so its first k feeds are a batch of k.  Each goal is judged on the
  median over the rounds of that round's ratio.

The script exits 1 when a goal fails.  About two and a half minutes on a loaded 2-core machine.

    python benchmarks/bench_feeds.py [--feeds 10000] [--repeat 3] [--pairs 7]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable, Collection, Sequence
from datetime import UTC, date, datetime

import icalendar

from thidua_calendar.anniversaries import Commemoration, Origin, Source, occurrence, occurrences
from thidua_calendar.deadlines import Anchor, NamedDate, Relative, Rule
from thidua_calendar.feeds.ics import FeedWriter
from thidua_calendar.feeds.items import FeedItem, commemoration_items, deadline_items
from thidua_calendar.files.catalog import builtin_catalog
from thidua_calendar.files.workdays import load_work_calendar
from thidua_calendar.scheduling import schedule

STAMP = datetime(2026, 11, 22, tzinfo=UTC)
YEAR = 2027
CALENDAR = load_work_calendar()


def _timed(run: Callable[[], object]) -> float:
    """One run's seconds, collected before and not during it (as timeit does), so that no
    run pays for another's garbage."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        run()
        return time.perf_counter() - start
    finally:
        gc.enable()


def _spread(times: Sequence[float]) -> str:
    """Fastest, median and slowest, and how far the slowest is above the fastest."""
    fastest, slowest = min(times), max(times)
    return (f"{fastest * 1000:9.2f} {statistics.median(times) * 1000:9.2f} "
            f"{slowest * 1000:9.2f} ms {100 * (slowest / fastest - 1):5.1f}%")


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


# -- 1. the catalog over a century ---------------------------------------------------------


def catalog_feed() -> bytes:
    catalog = builtin_catalog()
    items = [item for year in range(2000, 2101)
             for item in commemoration_items(occurrences(catalog, year))]
    return FeedWriter(dtstamp=STAMP).calendar(items, name="Ngày kỷ niệm 2000-2100")


def plain_loop(events: list[tuple[str, str, str, date, date]]) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//bench//VI")
    cal.add("version", "2.0")
    stamp = icalendar.vDatetime(STAMP)
    for uid, summary, description, start, end in events:
        event = icalendar.Event()
        event.add("uid", uid)
        event["dtstamp"] = stamp
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", summary)
        event.add("description", description)
        event.add("categories", ["Ngày kỷ niệm"])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()


# -- 2. many organisations ---------------------------------------------------------------------


def local_days(n: int) -> tuple[Commemoration, Commemoration]:
    source = (Source(title="bench", url="https://example.org/bench"),)
    days = []
    for k in range(2):
        day = date(1950 + n % 60, 1 + (n + 5 * k) % 12, 1 + (n * 7 + k) % 28)
        days.append(Commemoration(
            id=f"don_vi_{n}_{k}", name=f"Ngày thành lập đơn vị {n}-{k}",
            name_en=f"Founding day {n}-{k}", origin=Origin.parse(day.isoformat()),
            count="years", tags=("local",), sources=source))
    return days[0], days[1]


def organisation_items(n: int, national: list[FeedItem]) -> list[FeedItem]:
    locals_ = [occ for entry in local_days(n) if (occ := occurrence(entry, YEAR)) is not None]
    anchors = {f"anniversary:{occ.id}": NamedDate(name=occ.commemoration.name,
                                                 name_en=occ.commemoration.name_en,
                                                 date=occ.date) for occ in locals_}
    rules = [Rule(id=f"chuan_bi_{occ.id}", name=f"Chuẩn bị {occ.commemoration.name}",
                  name_en="Preparation",
                  when=Relative(anchor=Anchor.parse(f"anniversary:{occ.id}"), amount=5,
                                unit="working_days", direction="before"))
             for occ in locals_]
    found = schedule(rules, calendar=CALENDAR, anchors=anchors)
    deadlines = deadline_items(
        found.deadlines, key=f"don-vi-{n}",
        source=f"Kế hoạch “Phát động phong trào thi đua năm {YEAR}” của Đơn vị {n}, "
               f"ban hành ngày 5/1/{YEAR}")
    return [*national, *commemoration_items(locals_), *deadlines]


def national_items() -> list[FeedItem]:
    return commemoration_items(occurrences(builtin_catalog(), YEAR))


def one_feed_alone(n: int) -> bytes:
    writer = FeedWriter(dtstamp=STAMP)
    return writer.calendar(organisation_items(n, national_items()), name=f"Đơn vị {n}")


def batch(count: int, laps: Collection[int] = ()) -> dict[int, float]:
    """Write ``count`` feeds with one writer; the seconds from the start to the end of the
    k-th feed, for each k in ``laps`` and ``count``."""
    start = time.perf_counter()
    writer = FeedWriter(dtstamp=STAMP)
    national = national_items()
    writer.remember(national)  # the events every feed shares, written once
    size = 0
    times = {}
    for n in range(count):
        size += len(writer.calendar(organisation_items(n, national), name=f"Đơn vị {n}",
                                    remember=False))
        if n + 1 in laps:
            times[n + 1] = time.perf_counter() - start
    times[count] = time.perf_counter() - start
    assert size > 0
    return times


def catalog_check(pairs: int) -> bool:
    catalog = builtin_catalog()
    events = [(i.uid, i.summary, i.description, i.start, i.end)
              for year in range(2000, 2101)
              for i in commemoration_items(occurrences(catalog, year))]
    ours_times, plain_times, ratios = [], [], []
    for pair in range(pairs):
        if pair % 2:
            plain = _timed(lambda: plain_loop(events))
            ours = _timed(catalog_feed)
        else:
            ours = _timed(catalog_feed)
            plain = _timed(lambda: plain_loop(events))
        ours_times.append(ours)
        plain_times.append(plain)
        ratios.append(ours / plain)
    ratio = statistics.median(ratios)
    print(f"1. catalog 2000-2100, {len(events)} events: {pairs} pairs of runs, alternating "
          "which goes first")
    print(f"   {'':24s}{'fastest':>9s} {'median':>9s} {'slowest':>9s}    spread")
    print(f"   thidua-calendar feed    {_spread(ours_times)}")
    print(f"   plain icalendar loop    {_spread(plain_times)}")
    print(f"   ratio of each pair: median {ratio:.2f}x, from {min(ratios):.2f}x to "
          f"{max(ratios):.2f}x; fastest/fastest {min(ours_times) / min(plain_times):.2f}x, "
          f"median/median "
          f"{statistics.median(ours_times) / statistics.median(plain_times):.2f}x")
    ok = ratio <= 1.2
    print(f"   goal: median ratio <= 1.2x: {_verdict(ok)}")
    return ok


def organisation_check(feeds: int, rounds: int) -> tuple[bool, bool]:
    sizes = sorted({feeds // 10, feeds // 4, feeds // 2, feeds})
    alone_times: list[float] = []
    per_feed: dict[int, list[float]] = {size: [] for size in sizes}
    for _ in range(rounds):
        alone_times.append(statistics.median(
            min(_timed(lambda n=n: one_feed_alone(n)) for _ in range(3)) for n in range(5)))
        laps: dict[int, float] = {}
        _timed(lambda laps=laps: laps.update(batch(feeds, sizes)))
        for size in sizes:
            per_feed[size].append(laps[size] / size)
    smallest, largest = sizes[0], sizes[-1]
    print(f"2. {feeds} organisation feeds: {rounds} rounds of one feed alone, then one batch "
          "timed at each size")
    print(f"   {'':24s}{'fastest':>9s} {'median':>9s} {'slowest':>9s}    spread")
    print(f"   one feed alone          {_spread(alone_times)}")
    for size in sizes:
        print(f"   a feed, batch of {size:6d} {_spread(per_feed[size])}")
    share = [batch_time / alone for batch_time, alone in
             zip(per_feed[largest], alone_times, strict=True)]
    growth = [large / small for large, small in
              zip(per_feed[largest], per_feed[smallest], strict=True)]
    third = statistics.median(share) <= 1 / 3
    linear = statistics.median(growth) <= 1.2
    print(f"   a feed in the batch / one alone, each round: "
          f"{' '.join(f'{x:.2f}' for x in share)}; median {statistics.median(share):.2f} "
          f"(goal <= 0.33): {_verdict(third)}")
    print(f"   a feed, batch of {largest} / of {smallest}, each round: "
          f"{' '.join(f'{x:.2f}x' for x in growth)}; median {statistics.median(growth):.2f}x "
          f"(linear if <= 1.2x): {_verdict(linear)}")
    return third, linear


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of the organisation feeds (default: 3)")
    parser.add_argument("--pairs", type=int, default=7,
                        help="pairs of runs of the catalog feed and the baseline (default: 7)")
    args = parser.parse_args()
    if args.feeds < 10 or args.repeat < 1 or args.pairs < 1:
        parser.error("--feeds must be at least 10, --repeat and --pairs at least 1")
    builtin_catalog()  # loaded once, as a long-running process would
    catalog_feed()  # and everything else warmed up once, on both sides
    results = [catalog_check(args.pairs), *organisation_check(args.feeds, args.repeat)]
    failed = results.count(False)
    print(f"{len(results) - failed} of {len(results)} goals met")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
