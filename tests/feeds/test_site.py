"""The static site of feeds: the files and their names, rewriting only what changed, leaving
the previous site intact on error, a self-contained index.html, and that page in a real
headless Chromium (timeline drawn, links present, no console error)."""

from __future__ import annotations

import base64
import dataclasses
import errno
import functools
import hashlib
import http.server
import os
import re
import stat
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import pytest

from thidua_calendar.feeds.items import KINDS, plan_items
from thidua_calendar.feeds.site import CSP, INDEX, build_site, site_files
from thidua_calendar.files.catalog import builtin_catalog
from thidua_calendar.files.plan import load_plan_file
from thidua_calendar.files.workdays import load_work_calendar
from thidua_calendar.plan import PlanResult, build_plan, default_plan, plan_key

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "seeds"
STAMP = datetime(2026, 11, 22, tzinfo=UTC)
BASE = "https://lich.example.org/thi-dua/"
SUFFIXES = {"": None, "-ngay-ky-niem": "commemorations", "-dot-thi-dua": "phases",
            "-han-nop": "deadlines"}
OLD = 1_000_000_000  # 2001-09-09: a modification time no rewrite can keep


@pytest.fixture(scope="module")
def calendar():
    return load_work_calendar()


@pytest.fixture(scope="module")
def seed_004(calendar):
    return load_plan_file(SEEDS / "004.yaml").build(calendar=calendar)


@pytest.fixture(scope="module")
def default_2027(calendar):
    return build_plan(default_plan(2027, calendar=calendar), catalog=builtin_catalog(),
                      calendar=calendar)


@pytest.fixture(scope="module")
def two(seed_004, default_2027):
    return [seed_004, default_2027]


def _retitled(result: PlanResult, title: str, organisation: str | None = None) -> PlanResult:
    plan = result.plan
    org = plan.organisation
    if organisation is not None:
        org = dataclasses.replace(org, name=organisation)
    return dataclasses.replace(result, plan=dataclasses.replace(plan, title=title,
                                                                organisation=org))


def _names(result: PlanResult) -> list[str]:
    key = plan_key(result.plan)
    return [f"{key}{suffix}.ics" for suffix in SUFFIXES]


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {path.name: (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(folder.iterdir())}


def _age(folder: Path) -> None:
    for path in folder.iterdir():
        os.utime(path, (OLD, OLD))


def _events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


# --- files -----------------------------------------------------------------------------


def test_files_and_names_for_two_plans(tmp_path, two):
    report = build_site(two, tmp_path / "site")
    assert [plan_key(result.plan) for result in two] == [
        "lien-doan-lao-dong-tinh-bac-kan-2019", "mac-dinh-2027"]
    expected = sorted([INDEX, *_names(two[0]), *_names(two[1])])
    assert report.files == tuple(expected)
    assert report.written == tuple(expected)
    assert report.unchanged == ()
    assert report.directory == tmp_path / "site"
    assert sorted(path.name for path in (tmp_path / "site").iterdir()) == expected


@pytest.mark.parametrize("which", [0, 1])
def test_each_feed_parses_and_holds_its_kind(tmp_path, two, which):
    result = two[which]
    build_site(two, tmp_path)
    items = plan_items(result)
    org, period = result.plan.organisation.name, result.plan.period
    # A plan over two years is named by both ("2019-2020").
    year = "-".join(dict.fromkeys(str(day.year) for day in (period.start, period.end)))
    suffix_names = {"": "", "-ngay-ky-niem": " (ngày kỷ niệm)", "-dot-thi-dua": " (đợt thi đua)",
                    "-han-nop": " (hạn nộp)"}
    stamp = datetime(result.plan.issued.year, result.plan.issued.month, result.plan.issued.day,
                     tzinfo=UTC)
    for name, (suffix, kind) in zip(_names(result), SUFFIXES.items(), strict=True):
        data = (tmp_path / name).read_bytes()
        cal = icalendar.Calendar.from_ical(data)
        assert str(cal["X-WR-CALNAME"]) == f"{org} - {year}{suffix_names[suffix]}"
        events = _events(data)
        wanted = [item for item in items if kind is None or item.kind == kind]
        assert [str(event["UID"]) for event in events] == [item.uid for item in wanted]
        assert {event["DTSTAMP"].dt for event in events} <= {stamp}
    counts = Counter(item.kind for item in items)
    assert set(counts) == set(KINDS)  # both plans have every kind
    for kind in KINDS:
        name = f"{plan_key(result.plan)}{ {v: k for k, v in SUFFIXES.items()}[kind]}.ics"
        assert len(_events((tmp_path / name).read_bytes())) == counts[kind]
    assert len(_events((tmp_path / _names(result)[0]).read_bytes())) == len(items)


def test_dtstamp_argument_stamps_every_event(tmp_path, two):
    build_site(two, tmp_path, dtstamp=STAMP)
    for path in tmp_path.glob("*.ics"):
        assert {event["DTSTAMP"].dt for event in _events(path.read_bytes())} <= {STAMP}


def test_same_inputs_same_bytes_in_any_order(two):
    first = site_files(two, base_url=BASE)
    assert site_files(two, base_url=BASE) == first
    assert site_files(two[::-1], base_url=BASE) == first
    assert list(first) == sorted(first)


def test_unchanged_rebuild_writes_nothing_and_keeps_mtimes(tmp_path, two):
    build_site(two, tmp_path)
    _age(tmp_path)
    before = _snapshot(tmp_path)
    report = build_site(two, tmp_path)
    assert report.written == ()
    assert report.unchanged == tuple(sorted(before))
    assert _snapshot(tmp_path) == before
    assert {mtime for _, mtime in before.values()} == {OLD * 10**9}


def test_a_changed_plan_rewrites_only_its_files(tmp_path, two):
    build_site(two, tmp_path)
    _age(tmp_path)
    before = _snapshot(tmp_path)
    changed = [two[0], _retitled(two[1], two[1].plan.title + " (sửa đổi)")]
    report = build_site(changed, tmp_path)
    # The page shows the title, so it changes too; the other plan's feeds do not.
    assert set(report.written) == {*_names(two[1]), INDEX}
    assert set(report.unchanged) == set(_names(two[0]))
    after = _snapshot(tmp_path)
    for name in _names(two[0]):
        assert after[name] == before[name]
    for name in report.written:
        assert after[name][0] != before[name][0]
        assert after[name][1] != OLD * 10**9


def test_new_files_follow_the_umask(tmp_path, seed_004):
    old = os.umask(0o022)
    try:
        build_site([seed_004], tmp_path)
    finally:
        os.umask(old)
    modes = {stat.S_IMODE(path.stat().st_mode) for path in tmp_path.iterdir()}
    assert modes == {0o644}
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]


def test_unknown_files_are_kept(tmp_path, seed_004):
    (tmp_path / "README.txt").write_text("mine")
    (tmp_path / "old-plan.ics").write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    build_site([seed_004], tmp_path)
    assert (tmp_path / "README.txt").read_text() == "mine"
    assert (tmp_path / "old-plan.ics").exists()


def test_missing_directories_are_created(tmp_path, seed_004):
    report = build_site([seed_004], tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b" / INDEX).is_file()
    assert len(report.written) == 5


def test_failed_builds_leave_the_previous_site_intact(tmp_path, two):
    site = tmp_path / "site"
    build_site(two, site)
    _age(site)
    before = _snapshot(site)
    changed = [two[0], _retitled(two[1], "Kế hoạch khác")]
    # One result fails (a date style missing for it): nothing is written.
    with pytest.raises(ValueError, match="date styles"):
        build_site(changed, site, date_styles=["dd/mm/yyyy"])
    # The folder is a file.
    with pytest.raises((FileExistsError, NotADirectoryError)):
        build_site(changed, site / INDEX)
    # One of the files to write is a folder: found before anything is written.
    target = site / _names(two[1])[-1]
    target.unlink()
    target.mkdir()
    with pytest.raises(IsADirectoryError):
        build_site(changed, site)
    target.rmdir()
    del before[target.name]
    # A bad base_url, and two plans with one key.
    with pytest.raises(ValueError, match="base_url"):
        build_site(changed, site, base_url="ftp://example.org/")
    with pytest.raises(ValueError, match="key"):
        build_site([two[0], two[0]], site)
    assert _snapshot(site) == before


def _failing(real, fail_on: int):
    """``real``, except that its ``fail_on``-th call fails as a full disk does."""
    calls = 0

    def call(*args, **kwargs):
        nonlocal calls
        calls += 1
        if calls == fail_on:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(*args, **kwargs)

    return call


def _linked_feeds(folder: Path) -> set[str]:
    page = (folder / INDEX).read_text(encoding="utf-8")
    return set(re.findall(r'href="([^"#:]+\.ics)"', page))


@pytest.fixture(scope="module")
def seeds_000_001(calendar):
    return [load_plan_file(SEEDS / f"{n}.yaml").build(calendar=calendar) for n in ("000", "001")]


@pytest.mark.parametrize("fail_on", [1, 2, 5])
def test_a_failure_while_writing_leaves_the_previous_site_untouched(
        tmp_path, monkeypatch, seeds_000_001, fail_on):
    build_site(seeds_000_001[:1], tmp_path)
    _age(tmp_path)
    before = _snapshot(tmp_path)
    # The new files are written (and flushed) one by one before any replaces an old one.
    monkeypatch.setattr(os, "fsync", _failing(os.fsync, fail_on))
    with pytest.raises(OSError, match=os.strerror(errno.ENOSPC)):
        build_site(seeds_000_001, tmp_path)
    monkeypatch.undo()
    assert _snapshot(tmp_path) == before  # no temporary file left either


@pytest.mark.parametrize("fail_on", [1, 2, 3, 4, 5])
def test_a_failure_while_renaming_never_links_a_missing_feed(
        tmp_path, monkeypatch, seeds_000_001, fail_on):
    build_site(seeds_000_001[:1], tmp_path)
    old_page = (tmp_path / INDEX).read_bytes()
    new_files = site_files(seeds_000_001)
    changed = [*sorted(name for name in new_files if not (tmp_path / name).exists()), INDEX]
    assert len(changed) == 5  # seed 001's four feeds, then the page
    monkeypatch.setattr(os, "replace", _failing(os.replace, fail_on))
    with pytest.raises(OSError, match=os.strerror(errno.ENOSPC)):
        build_site(seeds_000_001, tmp_path)
    monkeypatch.undo()
    assert (tmp_path / INDEX).read_bytes() == old_page  # the page goes last
    linked = _linked_feeds(tmp_path)
    assert linked == {name for name in site_files(seeds_000_001[:1]) if name != INDEX}
    assert all((tmp_path / name).is_file() for name in linked)
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]
    # The feeds renamed before the failure are the new ones; a rebuild completes the site.
    report = build_site(seeds_000_001, tmp_path)
    assert set(report.written) == set(changed[fail_on - 1:])
    assert _linked_feeds(tmp_path) == {name for name in new_files if name != INDEX}


def test_date_styles_apply_per_plan(two):
    files = site_files(two, date_styles=["dd/mm/yyyy", "d/m/yyyy"])
    page = files[INDEX].decode()
    assert "01/11/2019 – 31/12/2020" in page  # seed 004, padded
    assert "1/1/2027 – 31/12/2027" in page  # default plan, plain


# --- the page ------------------------------------------------------------------------------

class _Attributes(HTMLParser):
    """Every attribute of every tag, and the text of the scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.attributes: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes.extend((tag, name, value or "") for name, value in attrs)
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def _parse(page: str) -> _Attributes:
    parser = _Attributes()
    parser.feed(page)
    parser.close()
    return parser


def _external_urls(page: str) -> list[str]:
    """Addresses with a scheme (or ``//``) in any attribute that can load or link."""
    return [value for _, name, value in _parse(page).attributes
            if name in {"src", "srcset", "href", "action", "formaction", "poster", "data",
                        "background", "cite", "ping", "manifest", "xlink:href"}
            and re.match(r"(?i)\s*([a-z][a-z0-9+.-]*:|//)", value)
            and not value.startswith(("data:,", "#"))]


def test_page_loads_nothing_and_links_only_the_feeds(two):
    files = site_files(two, base_url=BASE)
    page = files[INDEX].decode()
    feeds = sorted(name for name in files if name.endswith(".ics"))
    urls = _external_urls(page)
    assert sorted(url for url in urls if url.startswith("https://")) == [
        BASE + name for name in feeds]
    assert sorted(url for url in urls if url.startswith("webcal://")) == [
        "webcal://lich.example.org/thi-dua/" + name for name in feeds]
    assert len(urls) == 2 * len(feeds)
    lower = page.lower()
    assert "<script src" not in lower
    assert "src=" not in lower
    assert not re.search(r"<link[^>]*stylesheet", lower)
    styles = re.findall(r"<style>(.*?)</style>", page, re.DOTALL)
    styles += [value for _, name, value in _parse(page).attributes if name == "style"]
    assert len(styles) > 50
    assert not [css for css in styles if "url(" in css.lower() or "@import" in css.lower()]
    assert "@import" not in lower
    assert "<img" not in lower
    assert "<svg" not in lower
    assert "<iframe" not in lower
    assert "<object" not in lower
    assert "http://" not in lower
    assert lower.count("<script") == 1
    assert f'content="{escape(CSP)}"' in page
    assert "default-src 'none'" in CSP
    scripts = _parse(page).scripts
    assert len(scripts) == 1
    for call in ("fetch(", "XMLHttpRequest", "import(", "WebSocket", "EventSource",
                 "sendBeacon", "://"):
        assert call not in scripts[0]
    assert '<link rel="icon" href="data:,">' in page  # or browsers fetch /favicon.ico


def test_page_without_base_url_links_relatively(two):
    page = site_files(two)[INDEX].decode()
    assert _external_urls(page) == []
    for result in two:
        for name in _names(result):
            assert f'href="{name}"' in page
            assert f'data-webcal="{name}"' in page
    assert "href=\"webcal:" not in page


def test_the_script_is_allowed_by_its_hash(two):
    page = site_files(two)[INDEX].decode()
    script = re.search(r"<script>(.*?)</script>", page, re.DOTALL)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"'sha256-{digest}'" in CSP


def test_page_contents(two):
    page = site_files(two, base_url=BASE)[INDEX].decode()
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"vi\">")
    assert "<title>Lịch thi đua</title>" in page
    for result in two:
        assert f">{escape(result.plan.title)}</h2>" in page
        assert escape(result.plan.organisation.name) in page
        for phase in result.phases:
            assert f"<b>{escape(phase.phase.name)}</b>" in page
            if phase.phase.theme:
                assert escape(phase.phase.theme) in page
        marks = [item for item in plan_items(result)
                 if not item.uid.startswith(f"phase-{plan_key(result.plan)}-")]
        key = plan_key(result.plan)
        assert page.count(f'href="#m-{key}-') == len(marks)
        for item in marks:
            assert escape(item.summary) in page
    # Every mark has its label.
    assert len(re.findall(r'<a class="mark [^>]*aria-label="[^"]+"', page)) == page.count(
        'class="mark ')
    assert page.count('class="band ') == sum(len(result.phases) for result in two)
    for heading in ("Cách đăng ký theo dõi", "Google Calendar", "Apple Calendar", "Outlook",
                    "Từ URL", "bỏ qua lời nhắc", "Cảnh báo", "Từ Internet"):
        assert heading in page
    # The "everything" feed holds the events of the others: subscribing to both doubles them.
    guide = _text(page[page.index('id="huong-dan"'):])
    assert ("đừng đăng ký cả lịch “Tất cả” lẫn một lịch riêng, vì khi đó mỗi sự kiện sẽ hiện "
            "hai lần") in guide
    assert ">Tất cả<br>" in page  # the name the sentence uses is the feeds' own
    assert 'class="tl-today" hidden' in page


def test_text_is_escaped(seed_004):
    nasty = _retitled(seed_004, 'Kế hoạch <script>alert("x")</script> & "khen" \'thưởng\'',
                      organisation="LĐLĐ <tỉnh> & Co")
    files = site_files([nasty])
    page = files[INDEX].decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;khen&quot;" in page
    assert "LĐLĐ &lt;tỉnh&gt; &amp; Co" in page
    assert page.count("<script") == 1


def _text(html: str) -> str:
    """The words of a piece of a page, tags removed and spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def test_english_page(two):
    page = site_files(two, lang="en")[INDEX].decode()
    assert '<html lang="en">' in page
    assert "How to subscribe" in page
    assert "From URL" in page
    assert ("do not subscribe to both “Everything” and a calendar of one kind, or every event "
            "will show twice") in _text(page)
    assert ">Everything<br>" in page
    assert "Cách đăng ký" not in page
    files = site_files(two, lang="en")
    for result in two:
        for name, suffix in zip(_names(result), ("", " (commemorations)", " (phases)",
                                                 " (deadlines)"), strict=True):
            cal = icalendar.Calendar.from_ical(files[name])
            assert str(cal["NAME"]).endswith(suffix)
            title = result.plan.title_en or result.plan.title
            assert str(cal["X-WR-CALDESC"]).endswith(
                title.replace(",", " -").replace(";", " -"))


def test_open_ended_plan(tmp_path, calendar):
    result = load_plan_file(SEEDS / "003.yaml").build(calendar=calendar)
    assert result.plan.period.end is None
    report = build_site([result], tmp_path)
    page = (tmp_path / INDEX).read_text(encoding="utf-8")
    assert "chưa định ngày kết thúc" in page
    assert 'class="band c0 open"' in page
    # A movement with neither commemorations nor deadlines has two feeds, not empty ones
    # (RFC 5545 wants at least one component in a calendar).
    assert [name for name in report.written if name.endswith(".ics")] == [
        "lien-doan-lao-dong-tinh-bac-kan-2021-dot-thi-dua.ics",
        "lien-doan-lao-dong-tinh-bac-kan-2021.ics"]


# --- in a browser --------------------------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    requests: list[str]

    def log_message(self, format: str, *args: object) -> None:
        self.requests.append(self.path)


@pytest.fixture
def serve() -> Iterator[functools.partial[tuple[str, list[str]]]]:
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> tuple[str, list[str]]:
        requests: list[str] = []
        handler = type("Handler", (_Handler,), {"requests": requests})
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/", requests

    yield functools.partial(start)
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser(start_chromium):
    return start_chromium()


def _open(driver, url: str) -> list[dict[str, object]]:
    """Load ``url``; the console's errors and warnings while it loaded."""
    driver.get_log("browser")  # drain what came before
    driver.get(url)
    driver.execute_script("return document.readyState")
    return [entry for entry in driver.get_log("browser")
            if entry["level"] in ("SEVERE", "WARNING")]


def _js(driver, script: str):
    return driver.execute_script(script)


def test_console_check_sees_a_broken_page(browser, serve, tmp_path, two):
    """The console check can fail: a script error, and our own page with its script edited
    (the CSP hash no longer matches, so the browser blocks it), are both reported."""
    (tmp_path / "error.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title>'
        '<link rel="icon" href="data:,"></head><body><script>notDefined();</script>'
        "</body></html>", encoding="utf-8")
    page = site_files(two)[INDEX].decode()
    (tmp_path / "edited.html").write_text(page.replace('"use strict";', '"use strict"; '),
                                          encoding="utf-8")
    (tmp_path / INDEX).write_text(page, encoding="utf-8")
    root, _ = serve(tmp_path)
    errors = _open(browser, root + "error.html")
    assert any("notDefined" in str(entry["message"]) for entry in errors)
    errors = _open(browser, root + "edited.html")
    assert any("Content Security Policy" in str(entry["message"]) for entry in errors)
    assert _js(browser, "return document.querySelector('a[data-webcal]').hidden") is True
    assert _open(browser, root + INDEX) == []


def test_page_in_a_browser(browser, serve, tmp_path, calendar, seed_004):
    today = date.today()  # the page's script draws today's line from the viewer's clock
    current = build_plan(default_plan(today.year, calendar=calendar), catalog=builtin_catalog(),
                         calendar=calendar)
    results = [seed_004, current]
    build_site(results, tmp_path)
    root, requests = serve(tmp_path)
    errors = _open(browser, root + INDEX)
    assert errors == []
    assert requests == ["/index.html"]  # no favicon, nothing else
    assert browser.title == "Lịch thi đua"

    # The timeline: one band per đợt, drawn with a width, named; marks left to right.
    for result in results:
        key = plan_key(result.plan)
        figure = f"document.getElementById('tl-{key}')"
        bands = _js(browser, f"""return [...{figure}.querySelectorAll('.band')].map(b => {{
            const r = b.getBoundingClientRect();
            return [b.querySelector('b').textContent, r.width, r.height]; }});""")
        assert [name for name, _, _ in bands] == [p.phase.name for p in result.phases]
        assert all(width > 20 and height > 40 for _, width, height in bands)
        area = _js(browser, f"return {figure}.querySelector('.tl-area').getBoundingClientRect()"
                            ".width;")
        assert sum(width for _, width, _ in bands) <= area + 1
        marks = _js(browser, f"""return [...{figure}.querySelectorAll('.mark')].map(m => {{
            const r = m.getBoundingClientRect();
            return [r.left + r.width / 2, m.getAttribute('aria-label'), r.width]; }});""")
        expected = [item for item in plan_items(result)
                    if not item.uid.startswith(f"phase-{key}-")]
        assert len(marks) == len(expected) > 0
        centres = [centre for centre, _, _ in marks]
        assert centres == sorted(centres)
        assert all(item.summary in label for (_, label, _), item in zip(marks, expected,
                                                                        strict=True))
        ticks = _js(browser, f"return {figure}.querySelectorAll('.tick').length;")
        assert ticks >= 12

    # Today's line: shown on this year's plan only, at about the right place.
    shown = _js(browser, """return [...document.querySelectorAll('.tl-today')].map(t =>
        [t.closest('figure').id, !t.hidden, t.getBoundingClientRect().left]);""")
    assert {figure: visible for figure, visible, _ in shown} == {
        f"tl-{plan_key(seed_004.plan)}": False, f"tl-{plan_key(current.plan)}": True}
    figure = f"document.getElementById('tl-{plan_key(current.plan)}')"
    area = _js(browser, f"return {figure}.querySelector('.tl-area').getBoundingClientRect()"
                        ".toJSON();")
    start, end = (date.fromisoformat(_js(browser, f"return {figure}.dataset.{name};"))
                  for name in ("start", "end"))
    left = next(x for _, visible, x in shown if visible)
    share = (today - start).days / (end - start).days
    assert left == pytest.approx(area["left"] + share * area["width"], abs=2)

    # The feed links: https relative to the page, webcal computed from location.
    links = _js(browser, """return [...document.querySelectorAll('a.feed-https')].map(a =>
        [a.href, a.nextElementSibling.href, a.nextElementSibling.hidden,
         a.parentElement.querySelector('code').textContent]);""")
    names = sorted(name for result in results for name in _names(result))
    assert sorted(https for https, _, _, _ in links) == [root + name for name in names]
    webcal_root = "webcal://" + root.split("://", 1)[1]
    assert sorted(webcal for _, webcal, _, _ in links) == [webcal_root + n for n in names]
    assert not any(hidden for _, _, hidden, _ in links)
    assert sorted(code for _, _, _, code in links) == [root + name for name in names]
    assert _js(browser, "return document.querySelector('.webcal-note').hidden") is True

    # A screenshot of the whole page.
    height = _js(browser, "return document.documentElement.scrollHeight")
    browser.set_window_size(1280, min(height + 120, 8000))
    shot = tmp_path / "index.png"
    try:
        assert browser.save_screenshot(str(shot))
    finally:
        browser.set_window_size(1280, 900)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 50_000


def test_page_from_file_and_with_base_url_in_a_browser(browser, serve, tmp_path, two):
    build_site(two, tmp_path / "local")
    # From file://: the script runs, no error, webcal links stay hidden.
    errors = _open(browser, (tmp_path / "local" / INDEX).as_uri())
    assert errors == []
    hidden = _js(browser, "return [...document.querySelectorAll('a.feed-webcal')]"
                          ".map(a => a.hidden && !a.getAttribute('href'));")
    assert hidden
    assert all(hidden)
    assert _js(browser, "return document.querySelector('.webcal-note').hidden") is False
    # With base_url: the links are the given addresses, whatever serves the page.
    build_site(two, tmp_path / "public", base_url=BASE)
    root, requests = serve(tmp_path / "public")
    assert _open(browser, root + INDEX) == []
    assert requests == ["/index.html"]
    webcal = _js(browser, "return [...document.querySelectorAll('a.feed-webcal')]"
                          ".map(a => [a.href, a.hidden]);")
    assert webcal
    assert all(href.startswith("webcal://lich.example.org/thi-dua/") and not hidden
                          for href, hidden in webcal)


def test_the_page_has_every_word_in_every_language():
    from thidua_calendar.feeds.page_text import GUIDE, TEXT
    from thidua_calendar.styles import LANGS

    assert set(TEXT) == set(GUIDE) == set(LANGS)
    assert TEXT["vi"].keys() == TEXT["en"].keys()
