"""The page of the feed site, ``index.html``: its HTML, CSS and script, and each plan's
timeline (the phases as bands, commemorations, events and deadlines as numbered marks keyed
to a list below, the months as an axis).

The page is self-contained: inline CSS and one small inline script, allowed by hash in a
``Content-Security-Policy`` that forbids every other load, so it makes no network request
and works from ``file://`` too.  The script does what the library cannot: it draws today's
line (the library never reads the clock) and, when the page is served over http(s) and no
``base_url`` was given, turns the feed links into absolute ``webcal://`` links.

The words are :mod:`thidua_calendar.feeds.page_text`; which files a site has, and writing
them, :mod:`thidua_calendar.feeds.site`.  Deterministic: the same plans give the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from urllib.parse import quote

from thidua_calendar.feeds.items import FeedItem, Kind, plan_years
from thidua_calendar.feeds.page_text import GUIDE, MONTHS_EN, TEXT
from thidua_calendar.plan import PlanResult
from thidua_calendar.render.lines import format_date
from thidua_calendar.styles import DateStyle, Lang

__all__ = ["CSP", "SiteFeed", "SitePlan", "render_page"]

_ONE_DAY = timedelta(days=1)
# Timeline geometry (px): the band row, the rows of marks under it, the month axis.
_BAND_HEIGHT = 58
_LANE_TOP = 70
_LANE_HEIGHT = 30
_AXIS_HEIGHT = 40
# Marks closer than this (% of the timeline's width, at least 760 px) go on another row.
_MARK_GAP = 3.8
_BAND_COLOURS = 6

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


# --- what the page shows -------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteFeed:
    """One feed of a plan: its kind (``None``: every kind), file, calendar name, number of
    events and bytes."""

    kind: Kind | None
    filename: str
    name: str
    count: int
    data: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class SitePlan:
    """One plan on the page: its key, the built plan, its date style, its feed items (the
    timeline's marks) and its feeds."""

    key: str
    result: PlanResult
    style: DateStyle
    items: tuple[FeedItem, ...]
    feeds: tuple[SiteFeed, ...]


# --- the timeline --------------------------------------------------------------------------


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _domain(plan: SitePlan) -> tuple[date, date]:
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


def _timeline(plan: SitePlan, lang: Lang) -> list[str]:
    text = TEXT[lang]
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
        label = f"T{month.month}" if lang == "vi" else MONTHS_EN[month.month - 1]
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


# --- the page ------------------------------------------------------------------------------


def _feed_urls(filename: str, base_url: str | None) -> tuple[str, str | None]:
    """The https link of a feed (relative without ``base_url``) and its webcal link."""
    if base_url is None:
        return quote(filename), None
    https = base_url.rstrip("/") + "/" + quote(filename)
    return https, "webcal://" + https.split("://", 1)[1]


def _plan_section(plan: SitePlan, lang: Lang, base_url: str | None) -> list[str]:
    text = TEXT[lang]
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


def render_page(plans: Sequence[SitePlan], /, *, lang: Lang, base_url: str | None) -> bytes:
    """``index.html`` of ``plans``, in their order; feeds are linked relatively without
    ``base_url`` (the script makes them absolute when the page is served)."""
    text = TEXT[lang]
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
    out.append(GUIDE[lang].strip())
    out.append("</section>")
    out.append(f"<footer><p>{_e(text['footer'])}</p></footer>")
    out.append("</main>")
    out.append(f"<script>{_SCRIPT}</script>")
    out.append("</body>")
    out.append("</html>")
    return ("\n".join(out) + "\n").encode("utf-8")
