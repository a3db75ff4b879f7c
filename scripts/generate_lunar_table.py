"""Generate ``src/thidua_calendar/_lunar_table.py``, the Vietnamese lunar calendar 1899-2100.

Run from the repository root::

    python scripts/generate_lunar_table.py          # rewrite the module
    python scripts/generate_lunar_table.py --check  # exit 1 if the shipped module is stale

The tests call :func:`table_text` and compare its result with the shipped module, so the
table can never drift from this script.

Ephemeris
---------
Swiss Ephemeris (``pyswisseph``) with its built-in analytical Moshier ephemeris, selected
explicitly with ``FLG_MOSEPH`` so that no data file is read, and Swiss Ephemeris' own ΔT
(``swe_calc_ut`` converts UT to TT with ``swe_deltat_ex`` for that ephemeris).  Positions are
apparent geocentric ecliptic longitudes referred to the true equinox of date (the library's
default flags: light time, aberration and nutation applied).

* A **new moon** (sóc) is the instant the apparent longitudes of Moon and Sun are equal.
* A **principal term** (trung khí) is the instant the Sun's apparent longitude is a multiple
  of 30°; the one at 270° is the winter solstice (Đông chí).

Both are found by Newton's method on the longitudes and their daily speeds, to 1e-8 day.

Rules of the Vietnamese lunar calendar
--------------------------------------
These are the rules of the Chinese calendar since the Shixian reform (1645), computed for
the Vietnamese civil time zone, as summarised in "Tháng nhuận rút ngắn chênh lệch giữa lịch
Âm với lịch Dương" (Sài Gòn Giải Phóng) and in Hồ Ngọc Đức's description of the Vietnamese
calendar (sources in ``docs/lunar.md``); this script implements them from those statements,
not from anyone's code.

1. A month starts on the local civil day that contains the new moon.
2. The winter solstice always falls in month 11.
3. If 13 months start between the first day of one month 11 (inclusive) and the first day of
   the next (exclusive), one of them is a leap month: the first of them, after the first
   month 11, that contains no principal term.  It carries the number of the month before
   it, with ``leap = True``.  Otherwise the 12 months are numbered 11, 12, 1, ..., 10.
4. Lunar year Y runs from month 1 to the day before the next month 1; months 11 and 12
   (and a leap 11 or 12) at the start of a solstice-to-solstice span belong to the
   previous lunar year.

Time zones: the "local day" of an instant is taken in

* UTC+7 from 1968-01-01 00:00 UTC+7 (= 1967-12-31 17:00 UTC) on: Quyết định 121-CP of
  8 August 1967 made the 7th zone the official time of the Democratic Republic of Vietnam
  from 1 January 1968, and the lunar calendar is computed in official time;
* UTC+8 from 1929-01-01 00:00 UTC+8 to then: the calendar in use followed the Chinese one,
  computed for the 120°E meridian since 1929;
* Beijing mean time, UTC+7:45:40 (116°25'E), before 1929, when the Chinese calendar was
  computed for the meridian of Beijing.  This decides 4 months (1906-04, 1914-11, 1916-02,
  1920-11, new moon 2 to 7 minutes after midnight UTC+8) and matches Hồ Ngọc Đức's tables
  in all four.

Membership of a principal term in a month is decided on local days too, with the same rule.

Output
------
One line per lunar year 1899..2100, enough for every solar day 1900-01-01..2100-12-31
(1900-01-01 is day 1 of month 12 of lunar year 1899, 2100-12-31 day 1 of month 12 of 2100).
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import math
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import swisseph as swe  # type: ignore[import-not-found]

FIRST_YEAR = 1899
"""First lunar year of the table (1900-01-01 is in its month 12)."""

LAST_YEAR = 2100
"""Last lunar year of the table (2100-12-31 is in its month 12)."""

EPHEMERIS = "Swiss Ephemeris, built-in Moshier ephemeris (FLG_MOSEPH), Swiss Ephemeris ΔT"

COMMAND = "python scripts/generate_lunar_table.py"

MODULE_PATH = Path(__file__).resolve().parent.parent / "src" / "thidua_calendar" / "_lunar_table.py"

# The zones of the local day (see the module docstring), as UTC offsets in seconds, and the
# instants (Julian Day, UT) from which they apply.
BEIJING_MEAN_TIME = 7 * 3600 + 45 * 60 + 40  # 116°25'E, used before 1929
UTC8 = 8 * 3600
UTC7 = 7 * 3600
UTC8_FROM_JD = 2425611.5 + 16.0 / 24.0  # 1929-01-01 00:00 UTC+8 = 1928-12-31 16:00 UTC
UTC7_FROM_JD = 2439855.5 + 17.0 / 24.0  # 1968-01-01 00:00 UTC+7 = 1967-12-31 17:00 UTC

# Offset between a Julian Day Number and Python's proleptic Gregorian ordinal
# (date(1, 1, 1).toordinal() == 1 and its JDN is 1721426).
_JDN_MINUS_ORDINAL = 1721425

# Meeus, Astronomical Algorithms (2nd ed.), ch. 49: mean new moon k = 0 (2000-01-06) and the
# mean synodic month.  Only used as the first guess of Newton's method.
_MEAN_NEW_MOON_K0_JD = 2451550.09766
_SYNODIC_MONTH = 29.530588861

_FLAGS = swe.FLG_MOSEPH | swe.FLG_SPEED
_TOLERANCE_DAYS = 1e-8


@dataclass(frozen=True, slots=True, kw_only=True)
class Month:
    """One lunar month as computed: its number, leap flag, lunar year and first day."""

    year: int
    number: int
    leap: bool
    first_day: date


# --------------------------------------------------------------------------- ephemeris


def _wrap180(degrees: float) -> float:
    """Map an angle to the interval [-180, 180)."""
    return (degrees + 180.0) % 360.0 - 180.0


def _longitude_and_speed(jd_ut: float, body: int) -> tuple[float, float]:
    position, flags = swe.calc_ut(jd_ut, body, _FLAGS)
    if not flags & swe.FLG_MOSEPH:  # pragma: no cover - Swiss Ephemeris never falls back here
        raise RuntimeError(f"Swiss Ephemeris did not use the Moshier ephemeris (flags {flags})")
    return position[0], position[3]


def new_moon_jd(k: int, /) -> float:
    """Julian Day (UT) of new moon number ``k`` (k = 0 is the new moon of 2000-01-06)."""
    jd = _MEAN_NEW_MOON_K0_JD + _SYNODIC_MONTH * k
    for _ in range(20):
        moon, moon_speed = _longitude_and_speed(jd, swe.MOON)
        sun, sun_speed = _longitude_and_speed(jd, swe.SUN)
        step = -_wrap180(moon - sun) / (moon_speed - sun_speed)
        jd += step
        if abs(step) < _TOLERANCE_DAYS:
            return jd
    raise RuntimeError(f"new moon {k} did not converge")  # pragma: no cover


def solar_longitude_jd(longitude: float, jd_guess: float, /) -> float:
    """Julian Day (UT) when the Sun's apparent longitude is ``longitude``, near ``jd_guess``."""
    jd = jd_guess
    for _ in range(20):
        sun, sun_speed = _longitude_and_speed(jd, swe.SUN)
        step = -_wrap180(sun - longitude) / sun_speed
        jd += step
        if abs(step) < _TOLERANCE_DAYS:
            return jd
    raise RuntimeError(f"solar longitude {longitude} did not converge")  # pragma: no cover


def new_moons_between(first: date, last: date, /) -> list[float]:
    """Julian Days (UT) of every new moon from ``first`` to ``last`` (UT days, inclusive)."""
    start_jd = first.toordinal() + _JDN_MINUS_ORDINAL - 0.5
    end_jd = last.toordinal() + _JDN_MINUS_ORDINAL + 0.5
    k = math.floor((start_jd - _MEAN_NEW_MOON_K0_JD) / _SYNODIC_MONTH) - 1
    result: list[float] = []
    while True:
        jd = new_moon_jd(k)
        if jd > end_jd:
            return result
        if jd >= start_jd:
            result.append(jd)
        k += 1


def principal_terms_between(first_year: int, last_year: int, /) -> list[tuple[float, int]]:
    """The 12 principal terms of each Gregorian year in the range, as (Julian Day UT, degrees).

    A year's terms are those at solar longitudes 300°, 330°, 0°, ..., 270°, i.e. from late
    January to the winter solstice in December.
    """
    result = []
    for year in range(first_year, last_year + 1):
        # 300° is near 20 January; each further 30° comes about 30.4 days later.
        guess = date(year, 1, 20).toordinal() + _JDN_MINUS_ORDINAL
        for i in range(12):
            longitude = (300 + 30 * i) % 360
            result.append((solar_longitude_jd(longitude, guess + 30.44 * i), longitude))
    return result


# --------------------------------------------------------------------------- local days


def utc_offset_seconds(jd_ut: float, /) -> int:
    """The UTC offset (seconds) in which the lunar calendar takes the local day of an instant.

    UTC+7 from 1968-01-01 00:00 UTC+7 on (Quyết định 121-CP, 1967); UTC+8 from 1929; Beijing
    mean time (UTC+7:45:40) before.
    """
    if jd_ut >= UTC7_FROM_JD:
        return UTC7
    if jd_ut >= UTC8_FROM_JD:
        return UTC8
    return BEIJING_MEAN_TIME


def local_day(jd_ut: float, /) -> date:
    """The local civil day (see :func:`utc_offset_seconds`) that contains an instant."""
    shifted = jd_ut + 0.5 + utc_offset_seconds(jd_ut) / 86400.0
    return date.fromordinal(math.floor(shifted) - _JDN_MINUS_ORDINAL)


def seconds_from_local_midnight(jd_ut: float, /) -> float:
    """Signed distance of an instant from the nearest local midnight, in seconds.

    Negative: before midnight (late in the evening); positive: after it.
    """
    shifted = jd_ut + 0.5 + utc_offset_seconds(jd_ut) / 86400.0
    fraction = shifted - math.floor(shifted)
    return (fraction if fraction < 0.5 else fraction - 1.0) * 86400.0


# --------------------------------------------------------------------------- the rules


def lunar_months(
    new_moons: Sequence[float], principal_terms: Sequence[tuple[float, int]]
) -> list[Month]:
    """Apply the calendar rules to new moons and principal terms.

    ``new_moons`` are Julian Days (UT), in order.  ``principal_terms`` are pairs
    ``(Julian Day UT, solar longitude in degrees)``, in order, with every multiple of 30°
    over the span of ``new_moons``; those at 270° are the winter solstices.  The function
    knows nothing of the ephemeris, so the tests feed it instants from another one.

    Returns every month from the first month 11 the data fixes to the month before the
    last one, in order: lunar years are complete except at the two ends.
    """
    starts = [local_day(jd) for jd in new_moons]
    term_days = sorted(local_day(jd) for jd, _ in principal_terms)
    month11 = [
        _month_containing(starts, local_day(jd))
        for jd, longitude in principal_terms
        if longitude % 360 == 270
    ]
    months: list[Month] = []
    for begin, end in itertools.pairwise(month11):
        months.extend(_number_span(starts, begin, end, term_days))
    return months


def _month_containing(starts: Sequence[date], day: date) -> int:
    """Index of the month (by its start) that contains ``day``."""
    index = bisect.bisect_right(starts, day) - 1
    if index < 0 or index == len(starts) - 1:
        raise ValueError(f"{day} is not inside the span of the new moons given")
    return index


def _has_principal_term(start: date, end: date, term_days: Sequence[date]) -> bool:
    """Whether a principal term falls on a local day from ``start`` to ``end`` (excluded)."""
    return bisect.bisect_left(term_days, start) < bisect.bisect_left(term_days, end)


def _number_span(
    starts: Sequence[date], begin: int, end: int, term_days: Sequence[date]
) -> Iterator[Month]:
    """Number the months from one month 11 (index ``begin``) to the next (exclusive).

    The solstice that ends the span (Gregorian year ``Y``) names it: months 1..10 of the
    span belong to lunar year ``Y``, the 11 and 12 before them to ``Y - 1``.
    """
    count = end - begin
    if count not in (12, 13):
        raise ValueError(f"{count} months between month 11 of {starts[begin]} and {starts[end]}")
    leap_index = None
    if count == 13:
        leap_index = next(
            i
            for i in range(begin + 1, end)
            if not _has_principal_term(starts[i], starts[i + 1], term_days)
        )
    solstice_year = starts[end].year  # month 11 starts between late November and the solstice
    number = 10  # the number of the month before month 11
    for i in range(begin, end):
        leap = i == leap_index
        if not leap:
            number = number % 12 + 1
        year = solstice_year if number <= 10 else solstice_year - 1
        yield Month(year=year, number=number, leap=leap, first_day=starts[i])


# --------------------------------------------------------------------------- the table


def compute_months() -> list[Month]:
    """Every month of lunar years FIRST_YEAR..LAST_YEAR, from the Swiss Ephemeris."""
    new_moons = new_moons_between(date(FIRST_YEAR - 1, 11, 1), date(LAST_YEAR + 2, 1, 31))
    terms = principal_terms_between(FIRST_YEAR - 1, LAST_YEAR + 1)
    months = lunar_months(new_moons, terms)
    # The last month in the list is month 10 of LAST_YEAR + 1; its successor (month 11)
    # fixes its length, so it is kept until the lengths are taken.
    return [m for m in months if FIRST_YEAR <= m.year <= LAST_YEAR + 1]


def table_lines(months: Sequence[Month]) -> list[str]:
    """One line per lunar year: ``"YYYY-MM-DD L LENGTHS"``.

    ``YYYY-MM-DD`` is the solar date of 1/1 of the lunar year YYYY, ``L`` the number of its
    leap month or 0, and ``LENGTHS`` one character per month in order, leap month included
    (after its namesake): ``1`` for a 30-day month (tháng đủ), ``0`` for 29 (tháng thiếu).
    """
    lines = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        indices = [i for i, m in enumerate(months) if m.year == year]
        first, last = indices[0], indices[-1]
        if months[first].number != 1 or months[first].leap:
            raise ValueError(f"lunar year {year} does not start with month 1")
        leap = next((months[i].number for i in indices if months[i].leap), 0)
        lengths = "".join(
            _length_code((months[i + 1].first_day - months[i].first_day).days)
            for i in range(first, last + 1)
        )
        lines.append(f"{months[first].first_day.isoformat()} {leap:>2} {lengths}")
    return lines


def _length_code(days: int) -> str:
    if days == 30:
        return "1"
    if days == 29:
        return "0"
    raise ValueError(f"a lunar month of {days} days")


def table_text(months: Sequence[Month] | None = None) -> str:
    """The full text of ``_lunar_table.py`` (computed from the ephemeris unless given)."""
    if months is None:
        months = compute_months()
    lines = table_lines(months)
    first = months[0].first_day
    last = next(m.first_day for m in months if m.year == LAST_YEAR + 1) - timedelta(days=1)
    body = "\n".join(f'    "{line}",' for line in lines)
    return f'''"""The Vietnamese lunar calendar {FIRST_YEAR}-{LAST_YEAR}, one line per lunar year.

GENERATED FILE, DO NOT EDIT.  Regenerate with ``{COMMAND}``.
Ephemeris: {EPHEMERIS}.
Rules and time zones: see ``docs/lunar.md`` and the generator's docstring.

Each line is ``"YYYY-MM-DD L LENGTHS"``:

* ``YYYY-MM-DD``: the solar date of day 1 of month 1 (Tết) of lunar year YYYY;
* ``L``: the number of the year's leap month, ``0`` if it has none;
* ``LENGTHS``: one character per month in order, the leap month right after its namesake:
  ``1`` = 30 days (tháng đủ), ``0`` = 29 days (tháng thiếu).

The table covers solar days {first.isoformat()} .. {last.isoformat()}.
"""

LUNAR_YEARS: tuple[str, ...] = (
{body}
)
'''


def main(argv: Sequence[str] | None = None) -> int:
    """Write the module (or, with ``--check``, compare it); return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only compare with the shipped module")
    parser.add_argument("--output", type=Path, default=MODULE_PATH, help="module to write")
    args = parser.parse_args(argv)
    text = table_text()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: run {COMMAND}", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
