"""Benchmark solar -> lunar conversion against peer libraries, in one run.

Run::

    python benchmarks/bench_lunar.py

It converts the same 10,000 random solar days (fixed seed, 1950-01-01 .. 2050-12-31) with
:func:`thidua_calendar.lunar.to_lunar` and with each installed peer, counts the days on
which each peer disagrees with us (year, month, day, leap), and prints conversions per
second (best of several repeats, ``time.perf_counter``).  The goal of the project is to be
at least 10x faster than the fastest *correct* peer.

Peers (``pip install -e '.[bench]'``):

* ``vnlunar`` with ``time_zone=7.0``: its astronomical algorithm for Vietnam, UTC+7 for
  every year.  It uses UTC+7 before 1968 too, where the Vietnamese calendar then in use
  followed the Chinese one, UTC+8 (see docs/lunar.md), so its disagreements are counted
  separately for 1950-1967; it counts as a correct peer when it agrees with us on every
  sampled day from 1968 on.
* ``vnlunar`` by default (no ``time_zone``): it then reads Hồ Ngọc Đức's published tables
  (UTC+8 before 1968), so it is measured too: if it is correct and faster, the goal is
  measured against it.
* ``lunardate``: the Chinese calendar (UTC+8).  Reported for speed, but incorrect for
  Vietnam by design (Tết 1985, 2007, 2030, ... and several leap months differ).
"""

from __future__ import annotations

import importlib.util
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from thidua_calendar.lunar import to_lunar

SEED = 20260426
SAMPLE_SIZE = 10_000
FIRST = date(1950, 1, 1)
LAST = date(2050, 12, 31)
UTC7_FROM = date(1968, 1, 1)
REPEATS = 5
GOAL = 10.0

Key = tuple[int, int, int, bool]


@dataclass(frozen=True, slots=True, kw_only=True)
class Peer:
    """A converter to measure.

    ``call`` is the library's own conversion behind the thinnest adapter its signature needs
    (timed); ``key`` turns a day into ``(year, month, day, leap)`` through it (compared).
    """

    name: str
    vietnamese: bool
    call: Callable[[date], object]
    key: Callable[[date], Key]


def sample_days() -> list[date]:
    """The fixed random sample of solar days."""
    rng = random.Random(SEED)
    first, last = FIRST.toordinal(), LAST.toordinal()
    return [date.fromordinal(rng.randint(first, last)) for _ in range(SAMPLE_SIZE)]


def ours(day: date) -> Key:
    lunar = to_lunar(day)
    return (lunar.year, lunar.month, lunar.day, lunar.leap)


def peers() -> tuple[list[Peer], list[str]]:
    """The installed peers, and the names of those skipped."""
    found: list[Peer] = []
    skipped: list[str] = []
    if importlib.util.find_spec("vnlunar") is not None:
        import vnlunar  # type: ignore[import-untyped]

        def vnlunar_utc7(day: date) -> object:
            return vnlunar.get_lunar_date(day.day, day.month, day.year, time_zone=7.0)

        def vnlunar_default(day: date) -> object:
            return vnlunar.get_lunar_date(day.day, day.month, day.year)

        for name, call in (
            ("vnlunar (time_zone=7.0)", vnlunar_utc7),
            ("vnlunar (default, tables)", vnlunar_default),
        ):
            found.append(Peer(name=name, vietnamese=True, call=call, key=_vnlunar_key(call)))
    else:
        skipped.append("vnlunar")
    if importlib.util.find_spec("lunardate") is not None:
        import lunardate  # type: ignore[import-untyped]

        def lunardate_call(day: date) -> object:
            return lunardate.LunarDate.from_solar_date(day.year, day.month, day.day)

        def lunardate_key(day: date) -> Key:
            result = lunardate.LunarDate.from_solar_date(day.year, day.month, day.day)
            return (result.year, result.month, result.day, bool(result.is_leap_month))

        name = "lunardate (Chinese)"
        found.append(Peer(name=name, vietnamese=False, call=lunardate_call, key=lunardate_key))
    else:
        skipped.append("lunardate")
    return found, skipped


def _vnlunar_key(call: Callable[[date], Any]) -> Callable[[date], Key]:
    def key(day: date) -> Key:
        result = call(day)
        return (result["year"], result["month"], result["day"], bool(result["leap"]))

    return key


def rate(convert: Callable[[date], object], days: Sequence[date]) -> float:
    """Conversions per second, best of REPEATS passes over ``days``."""
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for day in days:
            convert(day)
        best = min(best, time.perf_counter() - start)
    return len(days) / best


def main() -> int:
    """Run the benchmark; return 0 if the goal is met, 1 otherwise."""
    days = sample_days()
    reference = [ours(day) for day in days]
    found, skipped = peers()
    print(f"{SAMPLE_SIZE} random solar days {FIRST}..{LAST} (seed {SEED}), best of {REPEATS}")
    print(f"python {sys.version.split()[0]}")
    our_rate = rate(to_lunar, days)
    print(f"  {'thidua_calendar.lunar':26} {our_rate:>9,.0f} conversions/s")
    fastest_correct: tuple[str, float] | None = None
    for peer in found:
        peer_rate = rate(peer.call, days)
        early = late = 0
        for day, expected in zip(days, reference, strict=True):
            if peer.key(day) != expected:
                if day < UTC7_FROM:
                    early += 1
                else:
                    late += 1
        correct = peer.vietnamese and late == 0
        verdict = "correct for Vietnam from 1968" if correct else "INCORRECT for Vietnam"
        speedup = our_rate / peer_rate
        print(
            f"  {peer.name:26} {peer_rate:>9,.0f} conversions/s (ours {speedup:.1f}x); "
            f"disagrees on {early + late} days ({early} before 1968, {late} from 1968): {verdict}"
        )
        if correct and (fastest_correct is None or peer_rate > fastest_correct[1]):
            fastest_correct = (peer.name, peer_rate)
    for name in skipped:
        print(f"  {name:26} skipped: not installed (pip install -e '.[bench]')")
    if fastest_correct is None:
        print("no correct peer measured: goal not evaluated")
        return 1
    ratio = our_rate / fastest_correct[1]
    status = "PASS" if ratio >= GOAL else "FAIL"
    print(f"ours / fastest correct peer ({fastest_correct[0]}): {ratio:.1f}x")
    print(f"{status}: goal >= {GOAL:.0f}x")
    return 0 if status == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
