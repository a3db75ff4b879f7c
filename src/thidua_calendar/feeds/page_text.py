"""The words of the feed site, in Vietnamese and English: the page's labels, the feeds'
descriptions and the how-to-subscribe guide.

Apart from the page's building (:mod:`thidua_calendar.feeds.page`) so that a change of
wording, or a third language, touches this file only; the calendar's *name* is
:func:`~thidua_calendar.feeds.items.calendar_title`, shared with ``thidua-calendar ics``.
Plain text: the page escapes every label, except :data:`GUIDE`, which is HTML as written.
"""

from __future__ import annotations

from thidua_calendar.styles import Lang

__all__ = ["GUIDE", "MONTHS_EN", "TEXT"]

#: The page's labels and the feeds' descriptions (``desc_{kind}``, with ``{title}``).
TEXT: dict[Lang, dict[str, str]] = {
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

#: How to subscribe in Google Calendar, Apple Calendar and Outlook (HTML).
GUIDE: dict[Lang, str] = {
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

#: The month labels of the timeline in English (Vietnamese writes T1…T12).
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
             "Dec")
