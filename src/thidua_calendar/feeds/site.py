"""A static site of feeds: four ``.ics`` files per plan and an ``index.html`` that shows each
plan's year on a timeline and says how to subscribe.

Per plan (``key`` is :func:`~thidua_calendar.plan.plan_key`)::

    {key}.ics               every item
    {key}-ngay-ky-niem.ics  commemorations
    {key}-dot-thi-dua.ics   phases and the plan's events
    {key}-han-nop.ics       deadlines (with reminders: a feed of its own, so that a user can
                            turn alerts on for it alone)

This module says which files a site has and publishes them; the page is drawn by
:mod:`thidua_calendar.feeds.page` (HTML, CSS, script, timelines) in the words of
:mod:`thidua_calendar.feeds.page_text`; each feed is named by
:func:`~thidua_calendar.feeds.items.calendar_title`, as ``thidua-calendar ics`` names it.

Writing: everything is computed in memory first, so an error leaves the previous site as it
was.  Only the files whose bytes change are written, so an unchanged rebuild keeps every
modification time (and every ``ETag`` and ``Last-Modified`` a server derives from them).
They are written in two phases: each to a temporary file in the same folder, flushed to
disk, by the package's one atomic writer (:func:`~thidua_calendar.files.output.write_temporary`;
a failure, such as a full disk, deletes them and leaves the previous site untouched), then
renamed over the old ones with :func:`os.replace`, the feeds first and ``index.html`` last,
so that the page never links a feed that is not there.  Files the site does not know are
left alone.

Deterministic: the same inputs give the same bytes; no clock, no random ids.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path
from urllib.parse import urlsplit

from thidua_calendar.errors import BilingualValueError
from thidua_calendar.feeds.ics import FeedWriter
from thidua_calendar.feeds.items import KINDS, FeedItem, Kind, calendar_title, plan_items
from thidua_calendar.feeds.page import CSP, SiteFeed, SitePlan, render_page
from thidua_calendar.feeds.page_text import TEXT
from thidua_calendar.files.output import terminating, write_temporary
from thidua_calendar.plan import PlanResult, plan_key
from thidua_calendar.styles import DateStyle, Lang

__all__ = [
    "CSP",
    "FEED_SUFFIXES",
    "INDEX",
    "SiteReport",
    "build_site",
    "report_line",
    "site_files",
    "write_files",
]

INDEX = "index.html"
#: File-name suffix of each feed of a plan; ``None`` is the feed of every kind.
FEED_SUFFIXES: dict[Kind | None, str] = {
    None: "",
    "commemorations": "-ngay-ky-niem",
    "phases": "-dot-thi-dua",
    "deadlines": "-han-nop",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteReport:
    """What :func:`build_site` did: file names (relative to ``directory``), sorted."""

    directory: Path
    written: tuple[str, ...]
    unchanged: tuple[str, ...]

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(sorted(self.written + self.unchanged))


# --- the feeds of a plan ------------------------------------------------------------------


def _check_key(key: str) -> str:
    if (not key or key.startswith(".") or any(ch in key for ch in "/\\\0")
            or key != key.strip()):
        raise BilingualValueError(f"plan key {key!r} cannot name a file",
                                  vi=f"mã kế hoạch “{key}” không dùng làm tên tệp được")
    return key


def _feeds(result: PlanResult, key: str, items: Sequence[FeedItem], writer: FeedWriter,
           lang: Lang) -> tuple[SiteFeed, ...]:
    text = TEXT[lang]
    feeds = []
    for kind, suffix in FEED_SUFFIXES.items():
        chosen = [item for item in items if kind is None or item.kind == kind]
        if not chosen:  # RFC 5545 wants at least one component: no empty feed is written
            continue
        label = kind or "all"
        name = calendar_title([result.plan], kinds=KINDS if kind is None else (kind,),
                              lang=lang)
        title = result.plan.title if lang == "vi" else (result.plan.title_en or result.plan.title)
        description = text[f"desc_{label}"].format(title=title)
        data = writer.calendar(chosen, name=name, description=description)
        feeds.append(SiteFeed(kind=kind, filename=f"{key}{suffix}.ics", name=name,
                              count=len(chosen), data=data))
    return tuple(feeds)


# --- the site's files, and publishing them ----------------------------------------------


def _check_base_url(base_url: str | None) -> str | None:
    if base_url is None:
        return None
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BilingualValueError(f"base_url must be an http(s) address, not {base_url!r}",
                                  vi=f"--base-url phải là địa chỉ http(s), không phải "
                                     f"“{base_url}”")
    if parts.query or parts.fragment:
        raise BilingualValueError(
            f"base_url cannot have a query or a fragment: {base_url!r}",
            vi=f"--base-url không được có phần truy vấn (?…) hay neo (#…): “{base_url}”")
    return base_url


def site_files(
    results: Sequence[PlanResult],
    /,
    *,
    dtstamp: datetime | None = None,
    base_url: str | None = None,
    lang: Lang = "vi",
    date_styles: Sequence[DateStyle] | None = None,
) -> dict[str, bytes]:
    """Every file of the site, by name, in memory (:func:`build_site` writes them)."""
    base_url = _check_base_url(base_url)
    if lang not in TEXT:
        raise ValueError(f"unknown language {lang!r}")
    if date_styles is None:
        styles: Sequence[DateStyle] = ["d/m/yyyy"] * len(results)
    elif len(date_styles) != len(results):
        raise ValueError(f"{len(date_styles)} date styles for {len(results)} plans")
    else:
        styles = date_styles
    writers: dict[datetime, FeedWriter] = {}
    plans: list[SitePlan] = []
    keys: set[str] = set()
    for result, style in zip(results, styles, strict=True):
        key = _check_key(plan_key(result.plan))
        if key in keys:
            raise BilingualValueError(
                f"two plans have the key {key!r} (the same unit and year); give them "
                "different ids in their plan files",
                vi=f"hai kế hoạch có cùng mã “{key}” (cùng đơn vị, cùng năm); hãy đặt id khác "
                   "nhau trong các tệp kế hoạch")
        keys.add(key)
        stamp = dtstamp or datetime.combine(result.plan.issued, time(0), tzinfo=UTC)
        writer = writers.get(stamp)
        if writer is None:
            writer = writers[stamp] = FeedWriter(dtstamp=stamp)
        items = tuple(plan_items(result, lang=lang, date_style=style))
        plans.append(SitePlan(key=key, result=result, style=style, items=items,
                              feeds=_feeds(result, key, items, writer, lang)))
    plans.sort(key=lambda plan: (-plan.result.plan.period.start.toordinal(), plan.key))
    files = {feed.filename: feed.data for plan in plans for feed in plan.feeds}
    files[INDEX] = render_page(plans, lang=lang, base_url=base_url)
    return dict(sorted(files.items()))


def _publishing_order(name: str) -> tuple[bool, str]:
    """Feeds first, the page last: the page never links a feed that is not in place yet."""
    return name == INDEX, name


def _remove_stale_temporaries(folder: Path, files: Mapping[str, bytes]) -> None:
    """Delete the hidden temporary files of the site's own files that a build killed
    outright (``SIGKILL``, a power cut) left behind: those whose process is gone."""
    if os.name == "nt":  # os.kill(pid, 0) would end the process there, not probe it
        return
    for path in folder.glob(".*.tmp"):
        parts = path.name[1:-len(".tmp")].rsplit(".", 2)  # .NAME.PID.N.tmp
        if len(parts) != 3 or parts[0] not in files or not parts[1].isdigit():
            continue
        pid = int(parts[1])
        if pid == os.getpid():
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            path.unlink(missing_ok=True)
        except (OSError, OverflowError):  # alive under another user, or unknowable
            continue


def write_files(directory: str | os.PathLike[str], files: Mapping[str, bytes],
                /) -> SiteReport:
    """Write each file whose bytes differ from the disk's; leave the others untouched.

    Two phases, so that a failure cannot leave a page linking feeds that are not there:
    first every changed file is written to a temporary file in ``directory`` (if one write
    fails, the temporary files are deleted and the previous site is untouched); then they
    are renamed over the old ones, the feeds first and ``index.html`` last.
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder} is not a directory")
    current: dict[str, bytes | None] = {}
    for name in files:
        path = folder / name
        if path.is_file():
            current[name] = path.read_bytes()
        elif path.exists() or path.is_symlink():
            raise IsADirectoryError(f"{path} exists and is not a regular file")
        else:
            current[name] = None
    changed = sorted((name for name in files if current[name] != files[name]),
                     key=_publishing_order)
    unchanged = sorted(name for name in files if current[name] == files[name])
    _remove_stale_temporaries(folder, files)
    temporaries: dict[str, str] = {}
    with terminating():  # SIGTERM unwinds like Ctrl-C: the finally below runs
        try:
            for name in changed:
                temporaries[name] = write_temporary(folder / name, files[name])
            for name in changed:
                os.replace(temporaries[name], folder / name)
                del temporaries[name]
        finally:
            for temporary in temporaries.values():  # what was not renamed: a failed build
                Path(temporary).unlink(missing_ok=True)
    return SiteReport(directory=folder, written=tuple(sorted(changed)),
                      unchanged=tuple(unchanged))


def build_site(
    results: Sequence[PlanResult],
    directory: str | os.PathLike[str],
    /,
    *,
    dtstamp: datetime | None = None,
    base_url: str | None = None,
    lang: Lang = "vi",
    date_styles: Sequence[DateStyle] | None = None,
) -> SiteReport:
    """Write the feeds of ``results`` and their ``index.html`` into ``directory``.

    ``dtstamp`` stamps every event (default: each plan's issue date at 00:00 UTC);
    ``base_url`` is where the folder is served (``https://example.org/lich/``): the page
    then links the feeds by absolute https and ``webcal://`` addresses; ``date_styles``
    gives each plan's date style, in the order of ``results``.
    """
    files = site_files(results, dtstamp=dtstamp, base_url=base_url, lang=lang,
                       date_styles=date_styles)
    return write_files(directory, files)


def report_line(report: SiteReport, /, *, folder: str, lang: Lang = "vi") -> str:
    """What a build did, in one line for people: ``"site: ghi 5 tệp, 0 tệp không đổi"``;
    ``folder`` is the folder as the user wrote it."""
    written, unchanged = len(report.written), len(report.unchanged)
    if lang == "en":
        return f"{folder}: {written} file(s) written, {unchanged} unchanged\n"
    return f"{folder}: ghi {written} tệp, {unchanged} tệp không đổi\n"
