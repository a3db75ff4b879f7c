"""``thidua-calendar renew``: this year's plan from last year's, every change marked."""

from __future__ import annotations

import argparse
import json
import os
import sys

from thidua_calendar.cli.options import PROG, CheckFailed, calendar_options, catalog_option, year
from thidua_calendar.cli.usage import say
from thidua_calendar.styles import LANGS

__all__ = ["SUMMARY", "add_options", "run"]


SUMMARY = "write this year's plan from last year's, every change marked"

#: Who the tracked changes of a Word file are by.
AUTHOR = "thidua-calendar"
_TEXT = (".txt", ".md", ".text", ".markdown")


def add_options(renew: argparse.ArgumentParser) -> None:
    renew.description = say(
        "Write this year's plan from last year's (.txt, .md, .docx), in the same format: "
        "anniversary counts and range ends, the can-chi of Tết, edition numbers (lần thứ N), "
        "the plan's year, the đợt, lunar/solar pairs, weekday names and deadlines (on the new "
        "year's working days). Citations of earlier documents are left alone. In a .docx every "
        "change is a tracked change. Exit 1 when something needs a person (listed on stderr), "
        "0 otherwise, 2 on bad input.",
        vi="Viết kế hoạch năm nay từ kế hoạch năm trước (.txt, .md, .docx), cùng định dạng: "
        "số năm kỷ niệm và năm cuối của khoảng thời gian, can chi của Tết, lần thứ N, năm của "
        "kế hoạch, các đợt, cặp ngày âm - dương lịch, thứ trong tuần và các hạn (trên ngày làm "
        "việc của năm mới). Văn bản được dẫn giữ nguyên. Trong tệp .docx mỗi thay đổi là một "
        "thay đổi được theo dõi. Mã thoát 1 khi có điều cần người xem (in ra stderr), 0 nếu "
        "không, 2 nếu đầu vào sai.")
    renew.add_argument("file", metavar="FILE",
                       help=say("last year's plan (.txt, .md or .docx)",
                                vi="kế hoạch năm trước (.txt, .md hoặc .docx)"))
    renew.add_argument("--year", type=year, required=True,
                       help=say("the new plan's year", vi="năm của kế hoạch mới"))
    renew.add_argument("--from-year", type=year,
                       help=say("the old plan's year (default: read from the document)",
                                vi="năm của kế hoạch cũ (mặc định: đọc từ văn bản)"))
    renew.add_argument("-o", "--output", metavar="OUT",
                       help=say("the new plan, in the same format (default: stdout, text only)",
                                vi="kế hoạch mới, cùng định dạng (mặc định: in ra, chỉ với "
                                "tệp văn bản)"))
    renew.add_argument("--changes", metavar="FILE",
                       help=say("write the list of changes and of what needs a person to FILE "
                                "(JSON if it ends in .json)",
                                vi="ghi danh sách thay đổi và những điều cần người xem vào TỆP "
                                "(JSON nếu tên kết thúc bằng .json)"))
    renew.add_argument("--lang", choices=LANGS, default="vi",
                       help=say("language of messages (default: vi)"))
    calendar_options(renew)
    catalog_option(renew, help=say("an extra catalog file, e.g. your local days (repeatable)"))
    renew.set_defaults(run=run, writes_itself=True)


def _extension(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def run(args: argparse.Namespace) -> str:
    from thidua_calendar.cli import clock
    from thidua_calendar.dates import FIRST_YEAR, LAST_YEAR
    from thidua_calendar.errors import UsageError
    from thidua_calendar.files.catalog import load_catalog
    from thidua_calendar.files.documents import Document, read_document
    from thidua_calendar.files.output import write_atomic
    from thidua_calendar.files.workdays import load_work_calendar
    from thidua_calendar.reading.renew import renew_document

    if not FIRST_YEAR <= args.year <= LAST_YEAR:
        raise UsageError(f"--year {args.year} is outside {FIRST_YEAR}-{LAST_YEAR}",
                         vi=f"--year {args.year} nằm ngoài khoảng {FIRST_YEAR}-{LAST_YEAR}")
    kind = _extension(args.file)
    if kind not in (".docx", *_TEXT):
        raise UsageError(f"cannot renew a {kind or 'extensionless'} file; give a .txt, .md or "
                         ".docx", vi=f"không chuyển được tệp {kind or 'không có đuôi'}; hãy "
                         "đưa tệp .txt, .md hoặc .docx")
    if args.output is not None and (_extension(args.output) == ".docx") != (kind == ".docx"):
        raise UsageError(f"{args.output}: the new plan is written in the format of "
                         f"{args.file} ({kind})",
                         vi=f"{args.output}: kế hoạch mới được viết cùng định dạng với "
                         f"{args.file} ({kind})")
    if kind == ".docx" and args.output is None:
        raise UsageError("a Word plan is written to a file: give -o OUT.docx",
                         vi="kế hoạch Word phải được ghi ra tệp: hãy thêm -o TỆP.docx")
    catalog = load_catalog(*args.catalog)
    calendar = load_work_calendar(*args.holidays, weekend=args.weekend)
    if kind == ".docx":
        from thidua_calendar.files.docx_changes import read_paragraphs

        document = Document(read_paragraphs(args.file))
        raw = ""
    else:
        document = read_document(args.file)
        with open(args.file, encoding="utf-8-sig", newline="") as stream:
            raw = stream.read()
    try:
        renewal = renew_document(document, to_year=args.year, from_year=args.from_year,
                                 catalog=catalog, calendar=calendar)
    except ValueError:
        raise UsageError(f"{args.file}: cannot tell the plan's year; give --from-year",
                         vi=f"{args.file}: không đọc được năm của kế hoạch; hãy thêm "
                         "--from-year") from None
    english = args.lang == "en"
    name = os.path.basename(args.file)
    output = ""
    if kind == ".docx":
        from thidua_calendar.files.docx_changes import write_tracked

        changes = {line: [(e.start, e.end, e.new) for e in edits]
                   for line, edits in renewal.by_line().items()}
        data, skipped = write_tracked(args.file, changes, author=AUTHOR, when=clock.now())
        for index, (start, _end, new) in skipped:
            print(f"{PROG}: {name}:{index + 1}:{start + 1}: "
                  + (f"could not mark the change to “{new}” (it spans a field or link)"
                     if english else
                     f"không đánh dấu được thay đổi thành “{new}” (nằm trên một trường hoặc "
                     "liên kết)"), file=sys.stderr)
        write_atomic(args.output, data)
    else:
        newline = "\r\n" if "\r\n" in raw else "\n"
        # The edits are made on the file's own lines: its non-breaking spaces stay.
        text = newline.join(renewal.apply([line.rstrip("\r") for line in raw.split("\n")]))
        if args.output is None:
            output = text
        else:
            write_atomic(args.output, text)
    if args.changes is not None:
        write_atomic(args.changes, _change_list(renewal, name, english,
                                                json_form=args.changes.endswith(".json")))
    _summary(renewal, name, english)
    if renewal.notes:
        sys.stdout.write(output)
        raise CheckFailed
    return output


def _where(name: str, line: int | None, column: int) -> str:
    return name if line is None else f"{name}:{line + 1}:{column + 1}"


def _change_list(renewal: object, name: str, english: bool, *, json_form: bool) -> str:
    from thidua_calendar.reading.renew import Renewal

    assert isinstance(renewal, Renewal)
    if json_form:
        return json.dumps({
            "file": name, "from_year": renewal.from_year, "to_year": renewal.to_year,
            "changes": [{"line": e.line + 1, "column": e.start + 1, "old": e.old, "new": e.new,
                         "reason": e.reason_en if english else e.reason}
                        for e in renewal.edits],
            "needs_person": [{"line": None if n.line is None else n.line + 1,
                              "column": None if n.line is None else n.column + 1,
                              "quote": n.quote,
                              "message": n.message_en if english else n.message}
                             for n in renewal.notes],
        }, ensure_ascii=False, indent=2) + "\n"
    lines = [f"# {name}: {renewal.from_year} → {renewal.to_year}"]
    lines += [f"{_where(name, e.line, e.start)}: “{e.old}” → “{e.new}”: "
              f"{e.reason_en if english else e.reason}" for e in renewal.edits]
    label = "needs a person" if english else "cần xem"
    lines += [f"{_where(name, n.line, n.column)}: {label}: “{n.quote}”: "
              f"{n.message_en if english else n.message}" for n in renewal.notes]
    return "\n".join(lines) + "\n"


def _summary(renewal: object, name: str, english: bool) -> None:
    from thidua_calendar.reading.renew import Renewal

    assert isinstance(renewal, Renewal)
    if english:
        head = (f"{PROG}: {name}: {len(renewal.edits)} changes from {renewal.from_year} to "
                f"{renewal.to_year}; {len(renewal.notes)} need a person")
    else:
        head = (f"{PROG}: {name}: {len(renewal.edits)} thay đổi từ năm {renewal.from_year} sang "
                f"năm {renewal.to_year}; {len(renewal.notes)} điều cần người xem")
    print(head, file=sys.stderr)
    label = "needs a person" if english else "cần xem"
    for note in renewal.notes:
        print(f"{_where(name, note.line, note.column)}: {label}: “{note.quote}”: "
              f"{note.message_en if english else note.message}", file=sys.stderr)
