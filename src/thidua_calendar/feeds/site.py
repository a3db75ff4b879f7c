"""A static site of feeds: four ``.ics`` files per plan and an ``index.html`` that shows each
plan's year on a timeline and says how to subscribe.

Per plan (``key`` is :func:`~thidua_calendar.plan.plan_key`)::

    {key}.ics               every item
    {key}-ngay-ky-niem.ics  commemorations
    {key}-dot-thi-dua.ics   phases and the plan's events
    {key}-han-nop.ics       deadlines (with reminders: a feed of its own, so that a user can
                            turn alerts on for it alone)

The page is self-contained: inline CSS and one small inline script, allowed by hash in a
``Content-Security-Policy`` that forbids every other load, so it makes no network request
and works from ``file://`` too.  The script does what the library cannot: it draws today's
line (the library never reads the clock) and, when the page is served over http(s) and no
``base_url`` was given, turns the feed links into absolute ``webcal://`` links.

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

import base64
import hashlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from html import escape
from pathlib import Path
from urllib.parse import quote, urlsplit

from thidua_calendar.feeds.ics import FeedWriter
from thidua_calendar.feeds.items import (
    KINDS,
    FeedItem,
    Kind,
    calendar_title,
    plan_items,
    plan_years,
)
from thidua_calendar.files.output import write_temporary
from thidua_calendar.plan import PlanResult, plan_key
from thidua_calendar.render.lines import format_date
from thidua_calendar.styles import DateStyle, Lang

__all__ = ["CSP", "FEED_SUFFIXES", "INDEX", "SiteReport", "build_site", "site_files", "write_files"]

INDEX = "index.html"
#: File-name suffix of each feed of a plan; ``None`` is the feed of every kind.
FEED_SUFFIXES: dict[Kind | None, str] = {
    None: "",
    "commemorations": "-ngay-ky-niem",
    "phases": "-dot-thi-dua",
    "deadlines": "-han-nop",
}
_ONE_DAY = timedelta(days=1)
# Timeline geometry (px): the band row, the rows of marks under it, the month axis.
_BAND_HEIGHT = 58
_LANE_TOP = 70
_LANE_HEIGHT = 30
_AXIS_HEIGHT = 40
# Marks closer than this (% of the timeline's width, at least 760 px) go on another row.
_MARK_GAP = 3.8
_BAND_COLOURS = 6


@dataclass(frozen=True, slots=True)
class SiteReport:
    """What :func:`build_site` did: file names (relative to ``directory``), sorted."""

    directory: Path
    written: tuple[str, ...]
    unchanged: tuple[str, ...]

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(sorted(self.written + self.unchanged))


# --- text ----------------------------------------------------------------------------------

_TEXT: dict[Lang, dict[str, str]] = {
    "vi": {
        "site_title": "Lịch thi đua",
        "intro": "Lịch các phong trào thi đua để đăng ký theo dõi trong Google Calendar, "
                 "Apple Calendar hoặc Outlook: ngày kỷ niệm, các đợt thi đua và hạn nộp.",
        "plans": "Các kế hoạch",
        "issued": "Ban hành ngày",
        "period": "Thời gian",
        "open_end": "chưa định ngày kết thúc",
        "from": "từ",
        "timeline": "Dòng thời gian",
        "timeline_label": "Dòng thời gian của kế hoạch",
        "today": "Hôm nay",
        "after_period": "ngoài kỳ kế hoạch",
        "legend_commemorations": "Ngày kỷ niệm",
        "legend_events": "Sự kiện",
        "legend_deadlines": "Hạn nộp",
        "marks": "Các mốc trên dòng thời gian",
        "no_marks": "Kế hoạch không có ngày kỷ niệm, sự kiện hay hạn nộp nào.",
        "phases": "Các đợt thi đua",
        "theme": "Chủ đề",
        "feeds": "Lịch để đăng ký theo dõi",
        "feed": "Lịch",
        "events": "Số sự kiện",
        "links": "Liên kết",
        "download": "Tải tệp .ics",
        "subscribe": "Đăng ký (webcal)",
        "webcal_note": "Liên kết webcal:// hiện ra khi trang được mở qua web (http hoặc https).",
        "kind_all": "Tất cả",
        "kind_commemorations": "Ngày kỷ niệm",
        "kind_phases": "Đợt thi đua và sự kiện",
        "kind_deadlines": "Hạn nộp (có nhắc việc)",
        "desc_all": "Ngày kỷ niệm - các đợt thi đua và hạn nộp: {title}",
        "desc_commemorations": "Ngày kỷ niệm trong kế hoạch: {title}",
        "desc_phases": "Các đợt thi đua và sự kiện: {title}",
        "desc_deadlines": "Hạn nộp (bật thông báo cho lịch này để được nhắc): {title}",
        "guide": "Cách đăng ký theo dõi",
        "footer": "Tạo bởi thidua-calendar. Trang này không tải gì từ mạng.",
    },
    "en": {
        "site_title": "Emulation calendars",
        "intro": "Calendars of emulation movements to subscribe to in Google Calendar, "
                 "Apple Calendar or Outlook: commemorations, phases and deadlines.",
        "plans": "Plans",
        "issued": "Issued",
        "period": "Period",
        "open_end": "no end date set",
        "from": "from",
        "timeline": "Timeline",
        "timeline_label": "Timeline of the plan",
        "today": "Today",
        "after_period": "outside the plan's period",
        "legend_commemorations": "Commemoration",
        "legend_events": "Event",
        "legend_deadlines": "Deadline",
        "marks": "Marks on the timeline",
        "no_marks": "The plan has no commemorations, events or deadlines.",
        "phases": "Phases",
        "theme": "Theme",
        "feeds": "Calendars to subscribe to",
        "feed": "Calendar",
        "events": "Events",
        "links": "Links",
        "download": "Download .ics",
        "subscribe": "Subscribe (webcal)",
        "webcal_note": "webcal:// links appear when the page is opened over the web "
                       "(http or https).",
        "kind_all": "Everything",
        "kind_commemorations": "Commemorations",
        "kind_phases": "Phases and events",
        "kind_deadlines": "Deadlines (with reminders)",
        "desc_all": "Commemorations - phases and deadlines: {title}",
        "desc_commemorations": "Commemorations in the plan: {title}",
        "desc_phases": "Phases and events: {title}",
        "desc_deadlines": "Deadlines (turn alerts on for this calendar): {title}",
        "guide": "How to subscribe",
        "footer": "Made by thidua-calendar. This page loads nothing from the network.",
    },
}

_GUIDE: dict[Lang, str] = {
    "vi": """
<p class="note">Với mỗi kế hoạch, chọn <b>hoặc</b> lịch “Tất cả”, <b>hoặc</b> các lịch riêng
(ngày kỷ niệm, đợt thi đua, hạn nộp): đừng đăng ký cả lịch “Tất cả” lẫn một lịch riêng, vì khi
đó mỗi sự kiện sẽ hiện hai lần.</p>
<h3>Google Calendar</h3>
<ol>
<li>Trên máy tính, mở Google Calendar. Ở cột bên trái, cạnh <b>Lịch khác</b>, bấm
<b>+</b> rồi chọn <b>Từ URL</b>.</li>
<li>Dán đường dẫn <b>https</b> của lịch (bấm chuột phải vào liên kết “Tải tệp .ics” rồi chọn
sao chép địa chỉ liên kết) và bấm <b>Thêm lịch</b>.</li>
<li>Lịch sẽ tự đồng bộ sang ứng dụng Google Calendar trên điện thoại.</li>
</ol>
<p class="note">Lưu ý: Google <b>bỏ qua lời nhắc</b> có sẵn trong lịch đăng ký theo URL, hãy
tự đặt thông báo mặc định cho lịch trong phần cài đặt của lịch đó. Google cũng
<b>cập nhật lịch đăng ký chậm</b> (có khi sau vài giờ đến hơn một ngày), nên thay đổi mới của
kế hoạch không hiện ra ngay.</p>
<h3>Apple Calendar (iPhone, iPad, Mac)</h3>
<ol>
<li>Bấm liên kết <b>webcal://</b> của lịch, rồi chọn <b>Đăng ký</b>. Cách khác: trên iPhone
vào Cài đặt → Lịch → Tài khoản → Thêm tài khoản → Khác → Thêm lịch đã đăng ký; trên Mac chọn
Tệp → Đăng ký lịch mới, rồi dán đường dẫn.</li>
<li>Trong bảng đăng ký, mục <b>Cảnh báo</b> mặc định là bỏ cảnh báo: hãy tắt lựa chọn này
(nhất là với lịch hạn nộp) nếu muốn được nhắc trước hạn.</li>
<li>Chọn tần suất làm mới (ví dụ mỗi ngày) rồi bấm <b>OK</b>.</li>
</ol>
<h3>Outlook</h3>
<ol>
<li>Outlook trên web (Outlook.com, Microsoft 365): mở Lịch → <b>Thêm lịch</b> →
<b>Đăng ký từ web</b>, dán đường dẫn https, đặt tên rồi bấm <b>Nhập</b>.</li>
<li>Outlook trên máy tính: Trang đầu → <b>Thêm lịch</b> → <b>Từ Internet</b>, dán đường dẫn
rồi bấm OK.</li>
<li>Outlook cũng làm mới lịch đăng ký theo chu kỳ riêng, có thể chậm vài giờ.</li>
</ol>
<p class="note">Mẹo: lịch hạn nộp được tách riêng để anh chị chỉ cần bật thông báo cho lịch
đó; các lịch còn lại hiển thị ở chế độ “rảnh”, không chiếm chỗ trong lịch làm việc.</p>
""",
    "en": """
<p class="note">For each plan, subscribe <b>either</b> to “Everything” <b>or</b> to the
calendars of single kinds (commemorations, phases, deadlines): do not subscribe to both
“Everything” and a calendar of one kind, or every event will show twice.</p>
<h3>Google Calendar</h3>
<ol>
<li>On a computer, open Google Calendar. In the left column, next to <b>Other calendars</b>,
click <b>+</b> and choose <b>From URL</b>.</li>
<li>Paste the calendar's <b>https</b> address (right-click “Download .ics” and copy the link
address) and click <b>Add calendar</b>.</li>
<li>The calendar then syncs to the Google Calendar app on phones.</li>
</ol>
<p class="note">Note: Google <b>ignores the reminders</b> in calendars subscribed by URL; set
the calendar's default notifications in its settings. Google also <b>refreshes subscribed
calendars slowly</b> (from a few hours to more than a day).</p>
<h3>Apple Calendar (iPhone, iPad, Mac)</h3>
<ol>
<li>Tap the calendar's <b>webcal://</b> link and choose <b>Subscribe</b>. Or on iPhone:
Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar; on a Mac:
File → New Calendar Subscription, and paste the address.</li>
<li>In the subscription sheet, <b>Alerts</b> are removed by default: untick that option
(above all for the deadlines calendar) to be reminded before a deadline.</li>
<li>Choose how often to refresh (e.g. every day) and press <b>OK</b>.</li>
</ol>
<h3>Outlook</h3>
<ol>
<li>Outlook on the web (Outlook.com, Microsoft 365): Calendar → <b>Add calendar</b> →
<b>Subscribe from web</b>, paste the https address, name it and press <b>Import</b>.</li>
<li>Outlook for Windows: Home → <b>Add Calendar</b> → <b>From Internet</b>, paste the address
and press OK.</li>
<li>Outlook also refreshes subscribed calendars on its own schedule, hours apart.</li>
</ol>
<p class="note">Tip: deadlines have a calendar of their own so that you can turn alerts on
for it alone; the other calendars show as “free” time.</p>
""",
}

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")

_CSS = """
:root{color-scheme:light;--ink:#1a1a1a;--muted:#4a4a4a;--line:#c8c8c8;--link:#0a4f96;
--comm:#0b4f9c;--event:#1b5e20;--due:#a4161a;--today:#c2185b}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:16px/1.5 system-ui,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);
background:#fff}
main{max-width:1180px;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.8rem;margin:.5rem 0}
h2{font-size:1.4rem;margin:2.2rem 0 .3rem;border-top:2px solid var(--line);padding-top:1rem}
h3{font-size:1.1rem;margin:1.4rem 0 .4rem}
a{color:var(--link)}
a:focus-visible{outline:3px solid #f9a825;outline-offset:2px}
.meta{color:var(--muted);margin:.2rem 0}
nav ul{padding-left:1.2rem}
.tl-scroll{overflow-x:auto;padding:1.4rem 0 .5rem}
.timeline{margin:0}
.tl-area{position:relative;z-index:0;min-width:760px;margin:0 .5rem}
.tl-area ol,.tl-area ul{list-style:none;margin:0;padding:0}
.tl-grid{position:absolute;top:0;bottom:0;border-left:1px solid #e4e4e4}
.outside{position:absolute;top:0;bottom:0;background:repeating-linear-gradient(135deg,
rgba(0,0,0,.06) 0 6px,transparent 6px 12px);border-left:1px dashed #9e9e9e}
.outside span{position:absolute;top:4px;left:4px;font-size:.72rem;color:var(--muted)}
.band{position:absolute;top:0;border:1px solid rgba(0,0,0,.35);border-radius:6px;
padding:4px 6px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;font-size:.85rem;
line-height:1.25;color:#111}
.band b{display:block;overflow:hidden;text-overflow:ellipsis}
.band.open{border-right-style:dashed;border-top-right-radius:0;border-bottom-right-radius:0}
.c0{background:#cfe2ff}.c1{background:#c9ecd4}.c2{background:#ffe2b3}.c3{background:#f6d1e1}
.c4{background:#e0d6f5}.c5{background:#cdeeee}
.mark{position:absolute;display:block;transform:translateX(-50%);min-width:24px;height:24px;
padding:0 5px;border-radius:12px;font-size:.75rem;font-weight:700;line-height:24px;
text-align:center;color:#fff;text-decoration:none}
.mark::before{content:"";position:absolute;z-index:-1;left:50%;bottom:100%;
height:var(--stem);border-left:1px solid #555}
.mark.k-commemorations{background:var(--comm)}
.mark.k-events{background:var(--event)}
.mark.k-deadlines{background:var(--due);border-radius:3px}
.mark:hover,.mark:focus{box-shadow:0 0 0 3px #f9a825}
.tick{position:absolute;transform:translateX(-1px);border-left:1px solid #777;height:8px}
.tick span{position:absolute;top:8px;left:-2px;font-size:.72rem;line-height:1.15;
color:var(--muted);white-space:nowrap}
.tl-today{position:absolute;top:-6px;bottom:0;border-left:2px solid var(--today);z-index:3}
.tl-today span{position:absolute;top:-1.35rem;left:-1.6rem;font-size:.75rem;
font-weight:700;color:var(--today);white-space:nowrap}
.legend{font-size:.85rem;color:var(--muted);margin:.4rem .5rem}
.legend span{margin-right:1rem;white-space:nowrap}
.sw{display:inline-block;width:.9rem;height:.9rem;vertical-align:-2px;margin-right:.3rem;
border-radius:50%}
.sw.k-commemorations{background:var(--comm)}.sw.k-events{background:var(--event)}
.sw.k-deadlines{background:var(--due);border-radius:2px}
.sw.today{width:3px;border-radius:0;background:var(--today)}
.keyed{columns:2 28rem;column-gap:2rem;padding-left:0;list-style:none;margin:.5rem 0}
.keyed li{break-inside:avoid;margin:.15rem 0;padding-left:2.4rem;text-indent:-2.4rem}
.keyed li:target{background:#fff3c4}
.key{display:inline-block;min-width:1.9rem;margin-right:.5rem;text-indent:0;text-align:center;
border-radius:10px;color:#fff;font-size:.78rem;font-weight:700}
.key.k-commemorations{background:var(--comm)}.key.k-events{background:var(--event)}
.key.k-deadlines{background:var(--due);border-radius:3px}
.when{font-variant-numeric:tabular-nums}
table{border-collapse:collapse;width:100%;margin:.4rem 0}
th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;
vertical-align:top}
th{background:#f2f2f2}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td a{margin-right:1rem;white-space:nowrap}
code{font-size:.8rem;color:var(--muted);word-break:break-all}
.note{background:#fff7e0;border-left:4px solid #b26a00;padding:.5rem .8rem}
footer{margin-top:3rem;color:var(--muted);font-size:.85rem}
""".strip()

# Runs when the page is viewed: today's line (the library never reads the clock) and, over
# http(s), absolute feed addresses and webcal:// links.  Allowed by its hash in the CSP.
_SCRIPT = """
(function () {
  "use strict";
  var now = new Date();
  var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  var timelines = document.querySelectorAll("[data-timeline]");
  for (var i = 0; i < timelines.length; i++) {
    var tl = timelines[i];
    var start = Date.parse(tl.getAttribute("data-start"));
    var end = Date.parse(tl.getAttribute("data-end"));
    var from = Date.parse(tl.getAttribute("data-from"));
    var until = Date.parse(tl.getAttribute("data-until"));
    var line = tl.querySelector(".tl-today");
    if (line && today >= from && today < until && today >= start && today < end) {
      line.style.left = ((today - start) / (end - start) * 100).toFixed(3) + "%";
      line.hidden = false;
    }
  }
  if (location.protocol !== "http:" && location.protocol !== "https:") {
    return;
  }
  var links = document.querySelectorAll("a[data-webcal]");
  for (var j = 0; j < links.length; j++) {
    var url = new URL(links[j].getAttribute("data-webcal"), location.href);
    links[j].href = "webcal:" + url.href.slice(url.protocol.length);
    links[j].hidden = false;
  }
  var codes = document.querySelectorAll("code[data-url]");
  for (var k = 0; k < codes.length; k++) {
    codes[k].textContent = new URL(codes[k].getAttribute("data-url"), location.href).href;
  }
  var notes = document.querySelectorAll(".webcal-note");
  for (var n = 0; n < notes.length; n++) {
    notes[n].hidden = true;
  }
})();
""".lstrip("\n")

_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode()
#: Nothing may load but this page's own style and script: no network request of any kind.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; "
       f"script-src 'sha256-{_SCRIPT_HASH}'; img-src data:; base-uri 'none'; "
       "form-action 'none'")


def _e(text: str) -> str:
    return escape(text, quote=True)


# --- the plan's pieces ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Feed:
    kind: Kind | None
    filename: str
    name: str
    count: int
    data: bytes


@dataclass(frozen=True, slots=True)
class _Plan:
    key: str
    result: PlanResult
    style: DateStyle
    items: tuple[FeedItem, ...]
    feeds: tuple[_Feed, ...]


def _check_key(key: str) -> str:
    if (not key or key.startswith(".") or any(ch in key for ch in "/\\\0")
            or key != key.strip()):
        raise ValueError(f"plan key {key!r} cannot name a file")
    return key


def _feeds(result: PlanResult, key: str, items: Sequence[FeedItem], writer: FeedWriter,
           lang: Lang) -> tuple[_Feed, ...]:
    text = _TEXT[lang]
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
        feeds.append(_Feed(kind, f"{key}{suffix}.ics", name, len(chosen), data))
    return tuple(feeds)


# --- the page ------------------------------------------------------------------------------


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _domain(plan: _Plan) -> tuple[date, date]:
    """The days the timeline shows, whole months: the period, every phase, every mark."""
    result = plan.result
    period = result.plan.period
    first = [period.start, *(p.phase.start for p in result.phases),
             *(item.start for item in plan.items)]
    last = [period.start, *(item.start for item in plan.items)]
    if period.end is not None:
        last.append(period.end)
    last.extend(p.phase.end for p in result.phases if p.phase.end is not None)
    start = _month_start(min(first))
    end = _next_month(max(last))
    if period.end is None:
        # A movement with no set end: show at least a year of it.
        end = max(end, _next_month(date(start.year + 1, start.month, 1) - _ONE_DAY))
    return start, end


def _mark_kind(item: FeedItem, key: str) -> str | None:
    """A mark's kind; ``None`` for a phase (a band: UID ``phase-{key}-{id}@…``)."""
    if item.kind == "phases":
        return None if item.uid.startswith(f"phase-{key}-") else "events"
    return item.kind


def _lanes(positions: Sequence[float]) -> list[int]:
    """The row of each mark: the first whose last mark is far enough to the left."""
    ends: list[float] = []
    lanes = []
    for x in positions:
        for lane, last in enumerate(ends):
            if x - last >= _MARK_GAP:
                ends[lane] = x
                lanes.append(lane)
                break
        else:
            ends.append(x)
            lanes.append(len(ends) - 1)
    return lanes


def _day_range(start: date, end_exclusive: date, style: DateStyle) -> str:
    last = end_exclusive - _ONE_DAY
    if last <= start:
        return format_date(start, style=style)
    return f"{format_date(start, style=style)} – {format_date(last, style=style)}"


def _timeline(plan: _Plan, lang: Lang) -> list[str]:
    text = _TEXT[lang]
    result, key, style = plan.result, plan.key, plan.style
    period = result.plan.period
    start, end = _domain(plan)
    total = (end - start).days

    def pct(day: date) -> float:
        return (day - start).days / total * 100

    marks = [(item, kind) for item in plan.items
             if (kind := _mark_kind(item, key)) is not None]
    lanes = _lanes([pct(item.start) for item, _ in marks])
    n_lanes = max(lanes, default=-1) + 1
    axis_top = _LANE_TOP + n_lanes * _LANE_HEIGHT if n_lanes else _BAND_HEIGHT + 8
    height = axis_top + _AXIS_HEIGHT
    until = period.end + _ONE_DAY if period.end is not None else end
    anchor = quote(key)
    out = [
        f'<div class="tl-scroll"><figure class="timeline" id="tl-{_e(key)}" data-timeline'
        f' data-start="{start.isoformat()}" data-end="{end.isoformat()}"'
        f' data-from="{period.start.isoformat()}" data-until="{until.isoformat()}"'
        f' aria-label="{_e(text["timeline_label"])}: {_e(result.plan.title)}">',
        f'<div class="tl-area" style="height:{height}px">',
    ]
    # Month grid and ticks.
    months = []
    day = start
    while day < end:
        months.append(day)
        day = _next_month(day)
    step = 1 if len(months) <= 18 else 2 if len(months) <= 36 else 3 if len(months) <= 60 else 12
    out.append('<div aria-hidden="true">')
    for index, month in enumerate(months):
        if index % step:
            continue
        x = pct(month)
        label = f"T{month.month}" if lang == "vi" else _MONTHS_EN[month.month - 1]
        if index == 0 or month.month == 1:
            label += f"<br>{month.year}"
        out.append(f'<div class="tl-grid" style="left:{x:.3f}%"></div>')
        out.append(f'<div class="tick" style="left:{x:.3f}%;top:{axis_top}px">'
                   f"<span>{label}</span></div>")
    out.append("</div>")
    # Outside the plan's period (deadlines after it ends).
    if period.end is not None and until < end:
        left = pct(until)
        out.append(f'<div class="outside" style="left:{left:.3f}%;width:{100 - left:.3f}%">'
                   f"<span>{_e(text['after_period'])}</span></div>")
    if period.start > start:
        out.append(f'<div class="outside" style="left:0;width:{pct(period.start):.3f}%">'
                   "</div>")
    # The phases as bands.
    out.append(f'<ol class="tl-bands" aria-label="{_e(text["phases"])}">')
    for index, phase_plan in enumerate(result.phases):
        phase = phase_plan.phase
        vi = lang == "vi"
        name = phase.name if vi else phase.name_en
        open_end = phase.end is None
        band_end = end if phase.end is None else phase.end + _ONE_DAY
        when = (f"{text['from']} {format_date(phase.start, style=style)}" if open_end
                else _day_range(phase.start, band_end, style))
        left, right = pct(phase.start), pct(band_end)
        theme = phase.theme if vi else (phase.theme_en or phase.theme)
        title = f"{name}: {when}" + (f" – {theme}" if theme else "")
        classes = f"band c{index % _BAND_COLOURS}" + (" open" if open_end else "")
        out.append(
            f'<li class="{classes}" style="left:{left:.3f}%;width:{right - left:.3f}%;'
            f'height:{_BAND_HEIGHT}px" title="{_e(title)}"><b>{_e(name)}</b>'
            f'<span class="when">{_e(when)}</span></li>')
    out.append("</ol>")
    # Commemorations, events and deadlines as numbered marks, keyed to the list below.
    if marks:
        out.append(f'<ol class="tl-marks" aria-label="{_e(text["marks"])}">')
        for number, ((item, kind), lane) in enumerate(zip(marks, lanes, strict=True), 1):
            top = _LANE_TOP + lane * _LANE_HEIGHT
            label = (f"{_day_range(item.start, item.end, style)}: {item.summary}"
                     f" ({text['legend_' + kind]})")
            out.append(
                f'<li><a class="mark k-{kind}" href="#m-{anchor}-{number}"'
                f' style="left:{pct(item.start):.3f}%;top:{top}px;'
                f'--stem:{top - _BAND_HEIGHT}px" aria-label="{_e(label)}"'
                f' title="{_e(label)}">{number}</a></li>')
        out.append("</ol>")
    out.append(f'<div class="tl-today" hidden><span>{_e(text["today"])}</span></div>')
    out.append("</div></figure></div>")
    kinds_present = sorted({kind for _, kind in marks},
                           key=["commemorations", "events", "deadlines"].index)
    legend = "".join(f'<span><i class="sw k-{kind}"></i>{_e(text["legend_" + kind])}</span>'
                     for kind in kinds_present)
    legend += f'<span><i class="sw today"></i>{_e(text["today"])}</span>'
    out.append(f'<p class="legend" aria-hidden="true">{legend}</p>')
    # The key.
    if marks:
        out.append(f'<ol class="keyed" aria-label="{_e(text["marks"])}">')
        for number, (item, kind) in enumerate(marks, 1):
            out.append(
                f'<li id="m-{_e(anchor)}-{number}"><span class="key k-{kind}">{number}</span>'
                f'<span class="when">{_e(_day_range(item.start, item.end, style))}</span>'
                f" – {_e(item.summary)}</li>")
        out.append("</ol>")
    else:
        out.append(f"<p>{_e(text['no_marks'])}</p>")
    return out


def _feed_urls(filename: str, base_url: str | None) -> tuple[str, str | None]:
    """The https link of a feed (relative without ``base_url``) and its webcal link."""
    if base_url is None:
        return quote(filename), None
    https = base_url.rstrip("/") + "/" + quote(filename)
    return https, "webcal://" + https.split("://", 1)[1]


def _plan_section(plan: _Plan, lang: Lang, base_url: str | None) -> list[str]:
    text = _TEXT[lang]
    result, style = plan.result, plan.style
    the_plan = result.plan
    period = the_plan.period
    vi = lang == "vi"
    title = the_plan.title if vi else (the_plan.title_en or the_plan.title)
    if period.end is None:
        span = f"{text['from']} {format_date(period.start, style=style)}, {text['open_end']}"
    else:
        span = _day_range(period.start, period.end + _ONE_DAY, style)
    issued = format_date(the_plan.issued, style=style, precision=the_plan.issued_precision)
    out = [
        f'<section id="plan-{_e(plan.key)}" aria-labelledby="h-{_e(plan.key)}">',
        f'<h2 id="h-{_e(plan.key)}">{_e(title)}</h2>',
        f'<p class="meta"><b>{_e(the_plan.organisation.name)}</b> · {_e(text["issued"])} '
        f'{_e(issued)} · {_e(text["period"])}: {_e(span)}</p>',
        f"<h3>{_e(text['timeline'])}</h3>",
        *_timeline(plan, lang),
        f"<h3>{_e(text['phases'])}</h3>",
        "<ul>",
    ]
    for phase_plan in result.phases:
        phase = phase_plan.phase
        name = phase.name if vi else phase.name_en
        theme = phase.theme if vi else (phase.theme_en or phase.theme)
        when = (f"{text['from']} {format_date(phase.start, style=style)}" if phase.end is None
                else _day_range(phase.start, phase.end + _ONE_DAY, style))
        line = f"<li><b>{_e(name)}</b> ({_e(when)})"
        if theme:
            line += f": {_e(text['theme'])} “{_e(theme)}”"
        out.append(line + "</li>")
    out.append("</ul>")
    out.append(f"<h3>{_e(text['feeds'])}</h3>")
    out.append(f"<table><thead><tr><th scope=\"col\">{_e(text['feed'])}</th>"
               f"<th scope=\"col\">{_e(text['events'])}</th>"
               f"<th scope=\"col\">{_e(text['links'])}</th></tr></thead><tbody>")
    for feed in plan.feeds:
        https, webcal = _feed_urls(feed.filename, base_url)
        if webcal is not None:
            webcal_link = f'<a class="feed-webcal" href="{_e(webcal)}">{_e(text["subscribe"])}</a>'
            url = f"<code>{_e(https)}</code>"
        else:
            webcal_link = (f'<a class="feed-webcal" data-webcal="{_e(https)}" hidden>'
                           f'{_e(text["subscribe"])}</a>')
            url = f'<code data-url="{_e(https)}">{_e(feed.filename)}</code>'
        kind_label = text[f"kind_{feed.kind or 'all'}"]
        out.append(
            f"<tr><th scope=\"row\">{_e(kind_label)}<br><small>{_e(feed.name)}</small></th>"
            f'<td class="num">{feed.count}</td>'
            f'<td><a class="feed-https" href="{_e(https)}" type="text/calendar">'
            f'{_e(text["download"])}</a>{webcal_link}<br>{url}</td></tr>')
    out.append("</tbody></table>")
    if base_url is None:
        out.append(f'<p class="webcal-note">{_e(text["webcal_note"])}</p>')
    out.append("</section>")
    return out


def _page(plans: Sequence[_Plan], lang: Lang, base_url: str | None) -> bytes:
    text = _TEXT[lang]
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light">',
        '<meta name="referrer" content="no-referrer">',
        '<link rel="icon" href="data:,">',
        f"<title>{_e(text['site_title'])}</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_e(text['site_title'])}</h1>",
        f"<p>{_e(text['intro'])}</p>",
    ]
    if len(plans) > 1:
        out.append(f'<nav aria-label="{_e(text["plans"])}"><ul>')
        for plan in plans:
            the_plan = plan.result.plan
            out.append(f'<li><a href="#plan-{_e(quote(plan.key))}">'
                       f"{_e(the_plan.organisation.name)} – {_e(plan_years([the_plan]))}"
                       "</a></li>")
        out.append("</ul></nav>")
    for plan in plans:
        out.extend(_plan_section(plan, lang, base_url))
    out.append(f'<section id="huong-dan" aria-labelledby="h-guide">'
               f'<h2 id="h-guide">{_e(text["guide"])}</h2>')
    out.append(_GUIDE[lang].strip())
    out.append("</section>")
    out.append(f"<footer><p>{_e(text['footer'])}</p></footer>")
    out.append("</main>")
    out.append(f"<script>{_SCRIPT}</script>")
    out.append("</body>")
    out.append("</html>")
    return ("\n".join(out) + "\n").encode("utf-8")


# --- the site ------------------------------------------------------------------------------


def _check_base_url(base_url: str | None) -> str | None:
    if base_url is None:
        return None
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"base_url must be an http(s) address, not {base_url!r}")
    if parts.query or parts.fragment:
        raise ValueError(f"base_url cannot have a query or a fragment: {base_url!r}")
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
    if lang not in _TEXT:
        raise ValueError(f"unknown language {lang!r}")
    if date_styles is None:
        styles: Sequence[DateStyle] = ["d/m/yyyy"] * len(results)
    elif len(date_styles) != len(results):
        raise ValueError(f"{len(date_styles)} date styles for {len(results)} plans")
    else:
        styles = date_styles
    writers: dict[datetime, FeedWriter] = {}
    plans: list[_Plan] = []
    keys: set[str] = set()
    for result, style in zip(results, styles, strict=True):
        key = _check_key(plan_key(result.plan))
        if key in keys:
            raise ValueError(f"two plans have the key {key!r} (the same unit and year); give "
                             "them different ids in their plan files")
        keys.add(key)
        stamp = dtstamp or datetime.combine(result.plan.issued, time(0), tzinfo=UTC)
        writer = writers.get(stamp)
        if writer is None:
            writer = writers[stamp] = FeedWriter(dtstamp=stamp)
        items = tuple(plan_items(result, lang=lang, date_style=style))
        plans.append(_Plan(key, result, style, items, _feeds(result, key, items, writer, lang)))
    plans.sort(key=lambda plan: (-plan.result.plan.period.start.toordinal(), plan.key))
    files = {feed.filename: feed.data for plan in plans for feed in plan.feeds}
    files[INDEX] = _page(plans, lang, base_url)
    return dict(sorted(files.items()))


def _publishing_order(name: str) -> tuple[bool, str]:
    """Feeds first, the page last: the page never links a feed that is not in place yet."""
    return name == INDEX, name


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
    temporaries: dict[str, str] = {}
    try:
        for name in changed:
            temporaries[name] = write_temporary(folder / name, files[name])
        for name in changed:
            os.replace(temporaries[name], folder / name)
            del temporaries[name]
    finally:
        for temporary in temporaries.values():  # what was not renamed: a failed build
            Path(temporary).unlink(missing_ok=True)
    return SiteReport(folder, tuple(sorted(changed)), tuple(unchanged))


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
