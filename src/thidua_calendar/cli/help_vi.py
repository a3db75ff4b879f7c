"""The command line's help texts in Vietnamese, by their English form: a table of data
(long lines on purpose), looked up by :func:`thidua_calendar.cli.usage.say`."""

HELP_VI: dict[str, str] = {
    'List every catalog entry that occurs in YEAR, sorted by date.':
        'Liệt kê mọi ngày kỷ niệm trong NĂM, theo thứ tự ngày.',
    'the year (default: this year)':
        'năm (mặc định: năm nay)',
    'output format (default: text)':
        'dạng in ra (mặc định: text)',
    'an extra catalog file (repeatable); see docs/catalog.md':
        'thêm một tệp danh mục (dùng nhiều lần được); xem docs/catalog.md',
    'keep entries with this tag (repeatable: any of them)':
        'chỉ giữ các mục có nhãn này (dùng nhiều lần: mục có một trong các nhãn)',
    'keep năm tròn (tron), năm lẻ 5 (le5) or năm khác (khac); repeatable':
        'chỉ giữ năm tròn (tron), năm lẻ 5 (le5) hoặc năm khác (khac); dùng nhiều lần được',
    'language (default: vi)':
        'ngôn ngữ (mặc định: vi, tiếng Việt; en: tiếng Anh)',
    'how dates are written (default: d/m/yyyy, as in 3/2/1930)':
        'cách viết ngày (mặc định: d/m/yyyy, như 3/2/1930)',
    'also print the solar date of lunar days':
        'in thêm ngày dương lịch của các ngày âm lịch',
    'write to FILE instead of stdout':
        'ghi vào TỆP thay vì in ra màn hình',
    'Check draft plans (.txt, .md, .docx): counts that do not match their dates, impossible dates, base dates that contradict the catalog, đợt that overlap or leave gaps, deadlines on days off. Exit 1 if there is an error, 2 if a file cannot be read.':
        'Soát dự thảo kế hoạch (.txt, .md, .docx): số năm không khớp với ngày, ngày không có thật, ngày gốc trái với danh mục, các đợt chồng nhau hoặc để hở, hạn rơi vào ngày nghỉ. Mã thoát 1 khi có lỗi, 2 khi không đọc được tệp.',
    'plan documents':
        'các văn bản kế hoạch',
    "the plan's year (default: read from the document)":
        'năm của kế hoạch (mặc định: đọc từ văn bản)',
    'an extra catalog file, e.g. your local days (repeatable)':
        'thêm một tệp danh mục, ví dụ các ngày riêng của đơn vị (dùng nhiều lần được)',
    'language of messages (default: vi)':
        'ngôn ngữ của thông báo (mặc định: vi, tiếng Việt; en: tiếng Anh)',
    'Compute the deadlines of a rules file on working days, each with the steps that found it, and report lower-level deadlines that fall after the ones they feed.':
        'Tính các hạn của một tệp quy tắc trên ngày làm việc, kèm các bước tính, và báo những hạn của cấp dưới rơi sau hạn của cấp trên mà chúng phục vụ.',
    'a deadline rules file; see docs/deadlines.md':
        'tệp quy tắc hạn; xem docs/deadlines.md',
    'an extra catalog file for anniversary: anchors (repeatable)':
        'thêm một tệp danh mục cho các mốc anniversary: (dùng nhiều lần được)',
    "Turn a plan's text (.txt, .md, .docx) into a draft plan file: organisation, issue date, period, đợt, greeted commemorations, deadlines. What it could not read is marked '# ?:' in the draft, never guessed.":
        "Chuyển văn bản kế hoạch (.txt, .md, .docx) thành tệp kế hoạch nháp: đơn vị, ngày ban hành, thời gian, các đợt, ngày kỷ niệm được chào mừng, các hạn. Chỗ nào không đọc được thì đánh dấu '# ?:' trong bản nháp, không đoán.",
    'a plan document':
        'văn bản kế hoạch',
    'output format (default: yaml, a plan file)':
        'dạng in ra (mặc định: yaml, một tệp kế hoạch)',
    'an extra catalog file to match names against (repeatable)':
        'thêm một tệp danh mục để đối chiếu tên (dùng nhiều lần được)',
    'Write an iCalendar feed (RFC 5545) of a plan, or of the default plan of a year or years: commemorations, phases and events, deadlines with reminders.':
        'Ghi lịch iCalendar (RFC 5545) của một kế hoạch, hoặc của kế hoạch mặc định của một hay nhiều năm: ngày kỷ niệm, các đợt và sự kiện, các hạn kèm lời nhắc.',
    'a plan file (docs/plans.md)':
        'tệp kế hoạch (docs/plans.md)',
    'the default plan of YEAR':
        'kế hoạch mặc định của NĂM',
    'the default plans of several years, e.g. 2025-2030':
        'kế hoạch mặc định của nhiều năm, ví dụ 2025-2030',
    'only these kinds (repeatable; default: all)':
        'chỉ các loại này (dùng nhiều lần được; mặc định: tất cả)',
    "deadline reminders, days before at 09:00 (default: 7,1; 'none')":
        "nhắc hạn, số ngày trước hạn lúc 09:00 (mặc định: 7,1; 'none' để không nhắc)",
    "the data's revision time for DTSTAMP, e.g. 2026-11-22T00:00:00Z (default: the plan's issue date)":
        'thời điểm sửa dữ liệu, ghi vào DTSTAMP, ví dụ 2026-11-22T00:00:00Z (mặc định: ngày ban hành kế hoạch)',
    'an extra catalog file (repeatable)':
        'thêm một tệp danh mục (dùng nhiều lần được)',
    'write to FILE (default: stdout)':
        'ghi vào TỆP (mặc định: in ra màn hình)',
    'the months of a lunar year':
        'các tháng của một năm âm lịch',
    "solar -> lunar, or lunar -> solar when DATE starts with 'AL'":
        "dương lịch -> âm lịch, hoặc âm lịch -> dương lịch khi NGÀY bắt đầu bằng 'AL'",
    "Convert a solar date (2026-04-26, 26/4/2026) to the lunar calendar, or a lunar date written 'AL 2026-03-10' or 'AL 10/3/2026' to the solar calendar.":
        "Đổi ngày dương lịch (26/4/2026, 2026-04-26) sang âm lịch, hoặc ngày âm lịch viết 'AL 10/3/2026' hay 'AL 2026-03-10' sang dương lịch.",
    'the lunar month is a leap month':
        'tháng âm lịch là tháng nhuận',
    "a holiday announcement file, e.g. next year's (repeatable); see docs/workdays.md":
        'tệp thông báo lịch nghỉ, ví dụ của năm tới (dùng nhiều lần được); xem docs/workdays.md',
    'weekly rest days: Saturday and Sunday (public sector, default) or Sunday only':
        'ngày nghỉ hằng tuần: thứ Bảy và Chủ nhật (khu vực công, mặc định) hoặc chỉ Chủ nhật',
    'Build a plan: its phases, the commemorations and events each greets, its deadlines on working days; print its calendar sections. Without FILE: a default plan for the coming year (see docs/plans.md).':
        'Dựng kế hoạch: các đợt, ngày kỷ niệm và sự kiện mỗi đợt chào mừng, các hạn trên ngày làm việc; in phần các đợt thi đua. Không có TỆP: kế hoạch mặc định của năm tới (xem docs/plans.md).',
    "the default plan's year (default: the coming year from October, else this year)":
        'năm của kế hoạch mặc định (mặc định: năm tới nếu đã từ tháng 10, không thì năm nay)',
    'output format (default: text; docx needs -o)':
        'dạng in ra (mặc định: text; docx cần -o)',
    "with a Word document: an appendix of how each deadline was found":
        "với tệp Word: thêm phụ lục ghi cách tính từng hạn",
    "how dates are written (default: the plan's style, else nd30: 05/01/2022, 30/4/1975, as "
    "Nghị định 30/2020 writes them)":
        'cách viết ngày (mặc định: theo kế hoạch, không thì nd30: 05/01/2022, 30/4/1975, như '
        'Nghị định 30/2020)',
    'Serve a feed site folder over HTTP for local or LAN subscription (ETag, Last-Modified, 304). Loopback only unless --host says otherwise.':
        'Phục vụ thư mục trang lịch qua HTTP để đăng ký trong máy hoặc mạng nội bộ (ETag, Last-Modified, 304). Chỉ nghe trên 127.0.0.1 trừ khi --host nói khác.',
    'the site folder':
        'thư mục trang lịch',
    'address (default: 127.0.0.1)':
        'địa chỉ (mặc định: 127.0.0.1)',
    'port (default: 8000)':
        'cổng (mặc định: 8000)',
    "Write a static feed site: one .ics per plan and per kind, and an index.html that shows each plan's year as a timeline and lists the feeds with subscribe links.":
        'Ghi một trang lịch tĩnh: một tệp .ics cho mỗi kế hoạch và mỗi loại, và index.html cho thấy năm của mỗi kế hoạch trên dòng thời gian cùng các liên kết đăng ký.',
    'plan files (docs/plans.md)':
        'các tệp kế hoạch (docs/plans.md)',
    'the default plan of YEAR (without PLAN)':
        'kế hoạch mặc định của NĂM (khi không có tệp kế hoạch)',
    'where the site will be published, for webcal:// links':
        'địa chỉ sẽ đăng trang, cho các liên kết webcal://',
    "the data's revision time (default: each plan's issue date)":
        'thời điểm sửa dữ liệu (mặc định: ngày ban hành của từng kế hoạch)',
    'the folder to write (created if missing)':
        'thư mục để ghi (tạo mới nếu chưa có)',
    'List the public holidays, compensatory days off (nghỉ bù) and swapped days (hoán đổi) of YEAR, with their names and reasons.':
        'Liệt kê các ngày nghỉ lễ, nghỉ bù và ngày làm việc hoán đổi của NĂM, kèm tên và căn cứ.',
    'how dates are written (default: d/m/yyyy)':
        'cách viết ngày (mặc định: d/m/yyyy)',
    "List the catalog entries that occur in YEAR, sorted by date. Leaders' birth anniversaries and historical events are listed on their round years (count ending in 0 or 5), as the yearly guidance lists them, unless --all (docs/catalog.md).":
        'Liệt kê các mục của danh mục có trong NĂM, theo thứ tự ngày. Ngày sinh lãnh đạo và sự kiện lịch sử chỉ được liệt kê vào năm tròn, năm lẻ 5 (số năm tận cùng là 0 hoặc 5), như hướng dẫn tuyên truyền hằng năm, trừ khi có --all (docs/danh-sach-ky-niem.md).',
    'also list leaders and historical events outside their round years':
        'liệt kê cả ngày sinh lãnh đạo và sự kiện lịch sử vào năm không tròn',
    'group the list by kind, in the order the guidance prints them':
        'chia danh sách theo loại, theo thứ tự của hướng dẫn tuyên truyền',
    "print the ids only, as a YAML list for a plan file's greet: ids":
        'chỉ in mã các mục, thành danh sách YAML cho greet: ids của kế hoạch',
    "List the one-off political events of YEAR that plans greet: the Party's and the mass organisations' congresses, elections, the patriotic emulation congresses (data/events.yaml, each with its sources).":
        'Liệt kê các sự kiện chính trị của NĂM mà kế hoạch chào mừng: đại hội Đảng, đại hội các đoàn thể, bầu cử, đại hội thi đua yêu nước (data/events.yaml, mỗi sự kiện có nguồn).',
    'an extra events file (repeatable); see docs/catalog.md':
        'thêm một tệp sự kiện (dùng nhiều lần được); xem docs/catalog.md',
}
