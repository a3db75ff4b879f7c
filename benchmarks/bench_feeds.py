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

    python benchmarks/bench_feeds.py [--feeds 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime

import icalendar

from thidua_calendar.anniversaries import Commemoration, Origin, Source, occurrence, occurrences
from thidua_calendar.catalog import builtin_catalog
from thidua_calendar.deadlines import Anchor, NamedDate, Relative, Rule, schedule
from thidua_calendar.feeds.ics import FeedWriter
from thidua_calendar.feeds.items import FeedItem, commemoration_items, deadline_items
from thidua_calendar.workdays_data import load_work_calendar

STAMP = datetime(2026, 11, 22, tzinfo=UTC)
YEAR = 2027
CALENDAR = load_work_calendar()


def _best(run: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, collected before and not during each run (as timeit
    does), so that no side pays for the other's garbage."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


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
    deadlines = deadline_items(found.deadlines, key=f"don-vi-{n}")
    return [*national, *commemoration_items(locals_), *deadlines]


def national_items() -> list[FeedItem]:
    return commemoration_items(occurrences(builtin_catalog(), YEAR))


def one_feed_alone(n: int) -> bytes:
    writer = FeedWriter(dtstamp=STAMP)
    return writer.calendar(organisation_items(n, national_items()), name=f"Đơn vị {n}")


def batch(count: int) -> int:
    writer = FeedWriter(dtstamp=STAMP)
    national = national_items()
    writer.remember(national)  # the events every feed shares, written once
    size = 0
    for n in range(count):
        size += len(writer.calendar(organisation_items(n, national), name=f"Đơn vị {n}",
                                    remember=False))
    return size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    builtin_catalog()  # loaded once, as a long-running process would

    catalog = builtin_catalog()
    events = [(i.uid, i.summary, i.description, i.start, i.end)
              for year in range(2000, 2101)
              for i in commemoration_items(occurrences(catalog, year))]
    # Alternate the two, so that whatever else the machine does falls on both alike.
    ours_times, plain_times = [], []
    for _ in range(max(args.repeat, 9)):
        ours_times.append(_best(catalog_feed, 1))
        plain_times.append(_best(lambda: plain_loop(events), 1))
    ours, plain = min(ours_times), min(plain_times)
    ratio = ours / plain
    median = statistics.median(ours_times) / statistics.median(plain_times)
    print(f"1. catalog 2000-2100, {len(events)} events, {len(ours_times)} runs each, alternating")
    print(f"   thidua-calendar feed  {ours * 1000:8.1f} ms (fastest)")
    print(f"   plain icalendar loop  {plain * 1000:8.1f} ms (fastest)")
    print(f"   ratio fastest {ratio:.2f}x, median {median:.2f}x (goal <= 1.2x): "
          f"{'PASS' if ratio <= 1.2 else 'FAIL'}")

    alone = statistics.median(_best(lambda n=n: one_feed_alone(n), args.repeat)
                              for n in range(5))
    print(f"2. organisation feeds: one alone {alone * 1000:.2f} ms")
    per_feed = {}
    for count in sorted({args.feeds // 10, args.feeds // 4, args.feeds // 2, args.feeds}):
        total = _best(lambda count=count: batch(count), 1)
        per_feed[count] = total / count
        print(f"   batch of {count:6d}: {total:7.2f} s, {per_feed[count] * 1000:.3f} ms a feed "
              f"({per_feed[count] / alone:.2f} of one alone)")
    largest = per_feed[args.feeds]
    spread = largest / per_feed[min(per_feed)]
    third = largest <= alone / 3
    linear = spread <= 1.2
    print(f"   per feed in the batch / alone: {largest / alone:.2f} (goal <= 0.33): "
          f"{'PASS' if third else 'FAIL'}")
    print(f"   per feed, largest batch / smallest: {spread:.2f}x (linear if <= 1.2x): "
          f"{'PASS' if linear else 'FAIL'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
