"""The web app over HTTP, against the real server process: the API answers what the command
line answers, bad input answers one sentence, uploads stay bounded and leave nothing behind,
and the pages are labelled and stay inside the app's own files."""

from __future__ import annotations

import http.client
import io
import json
import re
import socket
import subprocess
import sys
import time
import zipfile
from datetime import UTC, datetime
from html.parser import HTMLParser

import docx
import icalendar
import pytest
import yaml
from conftest import LIMIT, ROOT, multipart, start_server, stop
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua_calendar.cli import main
from thidua_calendar.cli.web import _loopback, size
from thidua_calendar.dates import FIRST_YEAR, LAST_YEAR
from thidua_calendar.web.service import quote

SEED = ROOT / "examples" / "seeds" / "001.yaml"
DRAFT = ("KẾ HOẠCH thi đua năm 2022\n"
         "- Đợt 1: chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - "
         "28/7/2022); và 47 năm Ngày Giải phóng miền Nam (30/4/1975 - 30/4/2022).\n")


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# -- the API answers what the command line answers ---------------------------------------------


@pytest.mark.parametrize(("query", "argv"), [
    ("year=2026", ["2026"]),
    ("year=2026&province=Th%C3%A1i%20Nguy%C3%AAn", ["2026", "--province", "Thái Nguyên"]),
    ("year=2024&province=bac_kan&tag=union", ["2024", "--province", "bac_kan", "--tag", "union"]),
    ("year=2022&tag=nd145", ["2022", "--tag", "nd145"]),
    ("year=2030&tag=union&tag=party", ["2030", "--tag", "union", "--tag", "party"]),
])
def test_anniversaries_are_the_cli_s_json(server, capsys, query, argv):
    status, headers, body = server.get(f"/api/anniversaries?{query}")
    assert status == 200
    assert headers["content-type"] == "application/json"
    assert body.decode() == cli(capsys, "anniversaries", *argv, "--format", "json")[1]


def test_anniversaries_as_csv_and_ics(server, capsys):
    records = json.loads(server.get("/api/anniversaries?year=2027&tag=nd145")[2])
    status, headers, body = server.get("/api/anniversaries?year=2027&tag=nd145&format=csv")
    assert status == 200
    assert 'filename="ngay-ky-niem-2027.csv"' in headers["content-disposition"]
    assert body.decode() == cli(capsys, "anniversaries", "2027", "--tag", "nd145",
                                "--format", "csv")[1]
    status, headers, body = server.get("/api/anniversaries?year=2027&tag=nd145&format=ics")
    assert status == 200
    assert headers["content-type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert sorted(str(e["DTSTART"].dt) for e in events) == sorted(r["date"] for r in records)


@pytest.mark.parametrize("year", [2026, 2030])
def test_events_are_the_cli_s_json(server, capsys, year):
    status, _, body = server.get(f"/api/events?year={year}")
    assert status == 200
    assert body.decode() == cli(capsys, "events", str(year), "--format", "json")[1]


def test_workdays_are_the_cli_s_json(server, capsys):
    status, _, body = server.get("/api/workdays?year=2026")
    assert status == 200
    assert body.decode() == cli(capsys, "workdays", "2026", "--format", "json")[1]


@pytest.mark.parametrize("format", ["text", "markdown", "json"])
def test_plan_is_the_cli_s_plan(server, capsys, format):
    status, _, body = server.request("POST", f"/api/plan?format={format}", SEED.read_bytes())
    assert status == 200
    assert body.decode() == cli(capsys, "plan", str(SEED), "--format", format)[1]


def test_plan_as_json_body_gives_the_same_plan(server):
    as_json = json.dumps(yaml.safe_load(SEED.read_text(encoding="utf-8")), default=str)
    from_yaml = server.request("POST", "/api/plan?format=text", SEED.read_bytes())
    from_json = server.request("POST", "/api/plan?format=text", as_json.encode())
    assert from_json[0] == 200
    assert from_json[2] == from_yaml[2]
    # The plan file to keep: YAML again, the same plan.
    status, headers, kept = server.request("POST", "/api/plan?format=yaml", as_json.encode())
    assert status == 200
    assert headers["content-disposition"].endswith('.yaml"')
    assert server.request("POST", "/api/plan?format=text", kept)[2] == from_yaml[2]
    # Its data, to fill the plan form.
    status, data = server.json("POST", "/api/plan?format=data", kept)
    assert status == 200
    assert isinstance(data, dict)
    assert data["organisation"] == yaml.safe_load(SEED.read_text())["organisation"]


def test_plan_as_docx_reads_back(server, tmp_path, capsys):
    status, headers, body = server.request("POST", "/api/plan?format=docx", SEED.read_bytes())
    assert status == 200
    assert headers["content-type"].startswith("application/vnd.openxmlformats")
    main(["plan", str(SEED), "--format", "docx", "-o", str(tmp_path / "cli.docx")])
    capsys.readouterr()
    assert body == (tmp_path / "cli.docx").read_bytes()  # the same bytes: the issue date
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(body)).paragraphs)
    assert "93 năm Ngày thành lập Công đoàn Việt Nam" in text.replace("\xa0", " ")


def test_plan_as_ics_is_the_cli_s_feed(server, capsys):
    status, _, body = server.request("POST", "/api/plan?format=ics", SEED.read_bytes())
    assert status == 200
    main(["ics", str(SEED)])
    assert body == capsys.readouterr().out.encode()
    assert icalendar.Calendar.from_ical(body).walk("VEVENT")


# -- bad input: one sentence, the command line's ------------------------------------------------


BROKEN = {
    "missing field": "title: Kế hoạch\nissued: 2026-01-05\nperiod: {year: 2026}\n"
                     "phases: {split: halves}\n",
    "impossible date": "title: Kế hoạch\norganisation: {name: CĐCS}\nissued: 2026-02-30\n"
                       "period: {year: 2026}\nphases: {split: halves}\n",
    "unknown id": "title: Kế hoạch\norganisation: {name: CĐCS}\nissued: 2026-01-05\n"
                  "period: {year: 2026}\nphases: {split: halves}\ngreet:\n  - ids: [khong_co]\n",
    "not yaml": "title: [unclosed\n",
}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_plan_answers_the_cli_s_sentence(server, tmp_path, monkeypatch, capsys, name,
                                                  lang):
    (tmp_path / "ke-hoach.yaml").write_text(BROKEN[name], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, _out, err = cli(capsys, "plan", "ke-hoach.yaml", "--lang", lang)
    assert status == 2
    prefix = "thidua-calendar: lỗi: " if lang == "vi" else "thidua-calendar: error: "
    assert err.startswith(prefix)
    sentence = err.removeprefix(prefix).strip()
    query = "" if lang == "vi" else "&lang=en"  # Vietnamese by default, as the CLI
    code, answer = server.json("POST", f"/api/plan?format=text{query}", BROKEN[name].encode())
    assert code in (400, 422)
    assert answer == {"error": sentence}


def test_a_plan_may_not_name_files_on_the_server(server):
    text = (SEED.read_text(encoding="utf-8")
            + "catalogs: [/etc/passwd, ../../src/thidua_calendar/data/anniversaries.yaml]\n")
    code, answer = server.json("POST", "/api/plan?format=text&lang=en", text.encode())
    assert code == 422
    assert "catalogs: names files that cannot be read here" in answer["error"]
    assert "passwd" not in answer["error"]
    code, answer = server.json("POST", "/api/plan?format=text", text.encode())
    assert code == 422
    assert "hãy ghi các ngày riêng của đơn vị vào local:" in answer["error"]


def test_yaml_aliases_are_refused_before_they_expand(server):
    """Eight nested lines of aliases stand for 10^8 values: refused at the first alias."""
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 8)]
    lines.append(f"title: [{', '.join(['*a7'] * 10)}]")
    started = time.monotonic()
    code, answer = server.json("POST", "/api/plan?format=data&lang=en",
                               "\n".join(lines).encode())
    assert time.monotonic() - started < 5
    assert code == 422
    assert answer == {"error": "ke-hoach.yaml:2: YAML aliases (*a0) are not accepted here; "
                               "write the value out"}


@pytest.mark.parametrize(("path", "expected"), [
    ("/api/anniversaries?year=abc&lang=en", "'abc' is not a year such as 2026"),
    ("/api/anniversaries?year=abc", "“abc” không phải là một năm như 2026"),
    ("/api/anniversaries?year=2200&lang=en",
     f"year 2200 is outside the supported range {FIRST_YEAR}-{LAST_YEAR}"),
    ("/api/anniversaries?year=2200",
     f"năm 2200 nằm ngoài khoảng được hỗ trợ {FIRST_YEAR}-{LAST_YEAR}"),
    ("/api/anniversaries?year=2026&tag=khong&lang=en", "no catalog entry has the tag 'khong'"),
    ("/api/anniversaries?year=2026&tag=khong", "không mục nào trong danh mục có nhóm “khong”"),
    ("/api/anniversaries?format=pdf&lang=en", "format is one of json, csv, ics, text, markdown"),
    ("/api/workdays?year=1800", "năm 1800 nằm ngoài khoảng được hỗ trợ"),
    ("/api/anniversaries?year=2026&province=B%E1%BA%AFc%20K%E1%BA%A1n",
     "“Bắc Kạn” chưa có hoặc không còn vào năm 2026"),
])
def test_bad_parameters_answer_400(server, path, expected):
    code, answer = server.json("GET", path)
    assert code == 400
    assert expected in answer["error"]


# -- uploads: bounded, in memory, nothing kept ---------------------------------------------------


def test_an_upload_over_the_limit_is_refused_before_it_is_sent(server):
    """The server answers 413 on the headers alone: the client never sends the body."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        started = time.monotonic()
        connection.putrequest("POST", "/api/plan?format=text")
        connection.putheader("Content-Length", str(100 * 1024 * 1024))
        connection.putheader("Content-Type", "application/yaml")
        connection.endheaders()
        response = connection.getresponse()
        assert response.status == 413
        assert json.loads(response.read())["error"] == (
            f"tệp gửi lên vượt quá giới hạn {LIMIT:,} byte (--max-upload)")
        assert time.monotonic() - started < 5
    finally:
        connection.close()


def test_a_chunked_upload_is_cut_off_at_the_limit(server):
    """Without Content-Length the body is counted as it streams and refused at the limit,
    although the client would go on sending: the answer comes while it still sends."""
    import select

    chunk = b"a" * 16384
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as client:
        client.sendall(b"POST /api/check?lang=en HTTP/1.1\r\nHost: test\r\n"
                       b"Transfer-Encoding: chunked\r\n"
                       b"Content-Type: multipart/form-data; boundary=x\r\n\r\n")
        sent = 0
        answered = False
        while sent < 256 * LIMIT and not answered:  # 64 MB at most, on loopback
            try:
                client.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except OSError:
                break  # the server answered and closed
            sent += len(chunk)
            answered = bool(select.select([client], [], [], 0)[0])
        answer = b""
        while not re.search(rb"\r\n\r\n(.*)", answer, re.DOTALL) or len(
                answer.split(b"\r\n\r\n", 1)[1]) < int(
                re.search(rb"content-length: (\d+)", answer).group(1)):
            part = client.recv(65536)
            if not part:
                break
            answer += part
    # Answered long before the end (what was sent past the limit sits in socket buffers).
    assert sent < 256 * LIMIT
    head, body = answer.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 413 ")
    assert json.loads(body) == {
        "error": f"the upload is over the {LIMIT:,}-byte limit (--max-upload)"}


def test_check_finds_and_quotes(server, tmp_path, capsys):
    draft = tmp_path / "du-thao.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    status, _, body = server.upload("/api/check", "du-thao.txt", DRAFT.encode())
    assert status == 200
    findings = json.loads(body)["findings"]
    assert main(["check", str(draft), "--format", "json"]) == 1
    expected = json.loads(capsys.readouterr().out)
    assert findings == [{k: v for k, v in f.items() if k != "file"} for f in expected]
    assert findings[0]["quote"] == ("95 năm Ngày thành lập Công đoàn Việt Nam "
                                    "(28/7/1929 - 28/7/2022)")
    # In English on request, as `check --lang en`.
    status, _, body = server.upload("/api/check?lang=en", "du-thao.txt", DRAFT.encode())
    assert main(["check", str(draft), "--format", "json", "--lang", "en"]) == 1
    expected = json.loads(capsys.readouterr().out)
    assert [f["message"] for f in json.loads(body)["findings"]] == [
        f["message"] for f in expected]


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "tests" / "corpus").glob("seed-*")))
def test_every_quote_is_words_of_its_line(server, name):
    data = (ROOT / "tests" / "corpus" / name).read_bytes()
    status, _, body = server.upload("/api/check", name, data)
    assert status == 200
    lines = data.decode("utf-8-sig").split("\n")
    for finding in json.loads(body)["findings"]:
        line = lines[finding["line"] - 1]
        assert finding["quote"].rstrip("…") in line[finding["column"] - 1:]
        assert finding["quote"]


def _word_file(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def test_check_knows_a_province_s_days(server, tmp_path, capsys):
    """A wrong count of a province's day is found when the province is named, as with
    `check --province`."""
    text = ("KẾ HOẠCH thi đua năm 2026\n- chào mừng 100 năm Ngày thành lập tỉnh Thái Nguyên "
            "(4/11/1831 - 4/11/2026).\n")
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    status, _, body = server.upload("/api/check?province=thai_nguyen&year=2026", "d.txt",
                                    text.encode())
    assert status == 200
    main(["check", str(tmp_path / "d.txt"), "--province", "thai_nguyen", "--year", "2026",
          "--format", "json"])
    expected = [{k: v for k, v in f.items() if k != "file"}
                for f in json.loads(capsys.readouterr().out)]
    found = json.loads(body)["findings"]
    assert found == expected
    assert any(f["code"] == "count-mismatch" for f in found)
    code, _, body = server.upload("/api/check?province=khong_co", "d.txt", text.encode())
    assert code in (400, 422)
    assert "khong_co" in json.loads(body)["error"]


def test_check_reads_a_word_upload(server):
    status, _, body = server.upload("/api/check", "du-thao.docx", _word_file(DRAFT))
    assert status == 200
    (finding,) = json.loads(body)["findings"]
    assert finding["code"] == "count-mismatch"
    assert finding["quote"].startswith("95 năm Ngày thành lập Công đoàn Việt Nam")


def test_a_word_file_that_expands_too_far_is_refused(server):
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (30 * LIMIT))  # compresses ~1000x
    assert len(stream.getvalue()) < LIMIT
    code, _, body = server.upload("/api/check?lang=en", "bom.docx", stream.getvalue())
    assert code == 422
    assert "would expand to" in json.loads(body)["error"]
    code, _, body = server.upload("/api/check", "bom.docx", stream.getvalue())
    assert code == 422
    assert "văn bản Word này khi giải nén lên tới" in json.loads(body)["error"]


def test_a_plan_file_too_large_for_a_plan(tmp_path):
    running = start_server(tmp_path, "--max-upload", "4MB")
    try:
        body = SEED.read_bytes() + b"#" * (2 * 1024 * 1024) + b"\n"
        code, answer = running.json("POST", "/api/plan?format=text", body)
    finally:
        stop(running)
    assert code == 422
    assert answer["error"].startswith("ke-hoach.yaml: tệp kế hoạch 2,")
    assert answer["error"].endswith("quá mức 1,048,576 byte mà một kế hoạch cần")


def test_a_document_too_long_to_check_at_once(server):
    from thidua_calendar.web.service import MAX_TEXT

    line = "Đợt 1: chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam.\n"
    text = line * (MAX_TEXT // len(line) + 1)
    assert len(text.encode()) < LIMIT * 100  # the limit of a server of its own below
    running = start_server(server.folder.parent / "long", "--max-upload", "10MB")
    try:
        code, _, body = running.upload("/api/check?lang=en", "dai.txt", text.encode())
    finally:
        stop(running)
    assert code == 422
    assert "characters, more than the 2,000,000 checked at once" in json.loads(body)["error"]


def test_a_word_file_with_too_much_markup_is_refused():
    from thidua_calendar.files.documents import DocumentError, document_from_bytes

    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * 5000)
        archive.writestr("word/media/image1.png", b"\0" * 5000)
    with pytest.raises(DocumentError, match="4,000 a plan needs"):
        document_from_bytes(stream.getvalue(), "a.docx", max_expanded=10**6, max_markup=4000)
    # Pictures are not markup: the same file passes with room for its XML only.
    with pytest.raises(DocumentError, match="not a Word document"):
        document_from_bytes(stream.getvalue(), "a.docx", max_expanded=10**6, max_markup=6000)


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("a.pdf", b"%PDF", "cannot read a .pdf file; give a .txt, .md or .docx"),
    ("a.docx", b"not a zip", "not a Word document"),
    ("a.txt", "Kế hoạch".encode("utf-16"), "the file is not UTF-8 text"),
])
def test_unreadable_uploads_answer_one_sentence(server, name, data, expected):
    code, _, body = server.upload("/api/check?lang=en", name, data)
    assert code == 422
    assert expected in json.loads(body)["error"]


def test_check_wants_a_file_field(server):
    code, _, body = server.request("POST", "/api/check?lang=en", b"x",
                                   {"Content-Type": "application/json"})
    assert code == 400
    assert "multipart/form-data" in json.loads(body)["error"]


def test_nothing_is_kept_on_the_server(server):
    """After every kind of upload, the server's folder and its TMPDIR are as they were."""
    before = sorted(p.relative_to(server.folder) for p in server.folder.rglob("*"))
    server.upload("/api/check", "a.docx", _word_file(DRAFT * 200))
    server.upload("/check", "a.txt", DRAFT.encode())
    server.request("POST", "/api/plan?format=docx", SEED.read_bytes())
    assert sorted(p.relative_to(server.folder) for p in server.folder.rglob("*")) == before
    assert not any((server.folder / "tmp").iterdir())


# -- pages ----------------------------------------------------------------------------------


class _Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fields: list[tuple[str, dict[str, str | None]]] = []
        self.labels: set[str] = set()
        self.assets: list[str] = []
        self.lang: str | None = None

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang")
        if tag in ("input", "select", "textarea") and found.get("type") not in (
                "hidden", "submit", "button"):
            self.fields.append((tag, found))
        if tag == "label" and found.get("for"):
            self.labels.add(found["for"])
        if tag in ("script", "link", "img") and (found.get("src") or found.get("href")):
            self.assets.append(found.get("src") or found.get("href"))


@pytest.mark.parametrize("page", ["/", "/plan", "/check", "/renew", "/?year=2026&tag=nd145"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pages_are_labelled_and_self_contained(server, page, lang):
    path = page + ("&" if "?" in page else "?") + "lang=en" if lang == "en" else page
    status, headers, body = server.get(path)
    assert status == 200
    assert "script-src 'self'" in headers["content-security-policy"]
    parser = _Form()
    parser.feed(body.decode())
    assert parser.lang == lang
    unlabelled = [attrs for _, attrs in parser.fields if attrs.get("id") not in parser.labels]
    assert parser.fields
    assert unlabelled == []
    for asset in parser.assets:  # nothing from elsewhere: no CDN
        assert asset.startswith(("/static/", "data:")), asset
        if asset.startswith("/static/"):
            assert server.get(asset)[0] == 200


def test_year_page_lists_the_year(server):
    status, _, body = server.get("/?year=2022&tag=union&tag=party")
    assert status == 200
    page = body.decode()
    assert "93 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2022)" in page
    assert "/api/anniversaries?year=2022&amp;tag=union&amp;tag=party&amp;format=csv" in page
    # The language switch keeps the whole query.
    assert 'href="/?year=2022&amp;tag=union&amp;tag=party&amp;lang=en"' in page


def test_year_page_with_a_province(server):
    status, _, body = server.get("/?year=2026&province=thai_nguyen")
    assert status == 200
    page = body.decode()
    assert "29 năm Ngày tái lập tỉnh Bắc Kạn (1/1/1997 - 1/1/2026)" in page  # merged in 2025
    assert '<option value="thai_nguyen" selected>tỉnh Thái Nguyên</option>' in page
    assert '<option value="bac_kan"' not in page  # not a province of 2026
    assert 'id="tag-province"' in page  # the tags of the province's days too
    assert "/api/anniversaries?year=2026&amp;province=thai_nguyen&amp;format=ics" in page


def test_a_plan_of_a_province_greets_its_days(server, capsys, tmp_path):
    plan = SEED.read_text(encoding="utf-8").replace(
        "organisation:\n", "organisation:\n  province: Thái Nguyên\n", 1)
    assert "province: Thái Nguyên" in plan
    (tmp_path / "ke-hoach.yaml").write_text(plan, encoding="utf-8")
    status, _, body = server.request("POST", "/api/plan?format=json", plan.encode())
    assert status == 200
    assert body.decode() == cli(capsys, "plan", str(tmp_path / "ke-hoach.yaml"), "--format",
                                "json")[1]


def test_check_page_over_the_limit(server):
    status, _, page = server.upload("/check", "lon.txt", b"x" * (LIMIT + 1))
    assert status == 413
    assert "Tệp lớn hơn giới hạn 0.25 MB." in page.decode()


def test_check_page_without_a_file_says_so(server):
    body, content_type = multipart({}, {"year": "2026"})
    status, _, page = server.request("POST", "/check", body, {"Content-Type": content_type})
    assert status == 422
    assert "hãy chọn tệp dự thảo" in page.decode()


def test_check_page_shows_the_quoted_words(server):
    status, _, body = server.upload("/check?lang=en", "du-thao.txt", DRAFT.encode())
    assert status == 200
    page = body.decode()
    assert "<q>95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2022)</q>" in page
    assert "95 năm does not match" in page


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
    "/static/%2e%2e/%2e%2e/cli/web.py", "/static//etc/passwd", "/static/%2fetc%2fpasswd",
    "/static/../templates/base.html", "/app.py", "/templates/base.html",
])
def test_no_path_leaves_the_static_files(server, path):
    status, _, body = server.get(path)
    assert status == 404
    assert b"import" not in body
    assert b"root:" not in body


def test_the_api_is_described(server):
    from thidua_calendar.web.app import create_app

    status, description = server.json("GET", "/api/openapi.json")
    assert status == 200
    assert isinstance(description, dict)
    app = create_app(this_year=lambda: 2026, plan_year=lambda: 2026,
                     now=lambda: datetime(2026, 12, 3, tzinfo=UTC))
    served = {route.path for route in app.routes
              if route.path.startswith("/api/") and route.path != "/api/openapi.json"}
    assert set(description["paths"]) == served
    assert description["openapi"].startswith("3.")


# -- the command ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("10MB", 10 * 1024 * 1024), ("512KB", 512 * 1024), ("1gib", 1024**3), ("4096", 4096),
])
def test_sizes(text, expected):
    assert size(text) == expected


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.1.2.3", True), ("::1", True), ("localhost", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.10", False), ("example.org", False),
])
def test_loopback(host, loopback):
    assert _loopback(host) is loopback


def test_without_the_web_extra_one_sentence(tmp_path):
    """`pip install .` without [web]: the command says what to install, no traceback."""
    code = ("import sys\n"
            "class Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] in ('starlette', 'uvicorn'):\n"
            "            raise ImportError(name)\n"
            "sys.meta_path.insert(0, Block())\n"
            "from thidua_calendar.cli import main\n"
            "sys.exit(main(['web', '--port', '0']))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, env={"PYTHONPATH": str(ROOT / "src"),
                                               "PATH": "/usr/bin:/bin"})
    assert result.returncode == 2
    assert result.stderr == ("thidua-calendar: lỗi: trang web cần thêm các gói của nó: "
                             "pip install 'thidua-calendar[web]'\n")


def test_beyond_loopback_a_warning_and_an_address_it_cannot_take(tmp_path):
    """192.0.2.1 (TEST-NET-1) is no address of this machine: the command warns that it would
    listen beyond loopback, then says in one sentence that it cannot listen there."""
    result = subprocess.run(
        [sys.executable, "-m", "thidua_calendar", "web", "--host", "192.0.2.1", "--port",
         "8080", "--lang", "en"], capture_output=True, text=True, cwd=tmp_path, timeout=60,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 2
    warning, error = result.stderr.splitlines()
    assert warning.startswith("thidua-calendar: warning: listening on 192.0.2.1, beyond this "
                              "machine")
    assert error.startswith("thidua-calendar: error: cannot listen on 192.0.2.1:8080: ")


def test_a_port_in_use_is_one_sentence(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "thidua_calendar", "web", "--port", str(port)],
            capture_output=True, text=True, cwd=tmp_path, timeout=60,
            env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 2
    assert result.stderr == (f"thidua-calendar: lỗi: không mở được cổng 127.0.0.1:{port}: "
                             "Address already in use\n")


def test_several_workers_answer_alike(tmp_path):
    """Stateless: two worker processes give the same bytes for the same request."""
    running = start_server(tmp_path, "--workers", "2")
    try:
        answers = {running.request("POST", "/api/plan?format=json", SEED.read_bytes())[2]
                   for _ in range(12)}
        assert len(answers) == 1
        lists = {running.get("/api/anniversaries?year=2031&tag=union")[2] for _ in range(12)}
        assert len(lists) == 1
    finally:
        stop(running)


def test_importing_the_cli_does_not_load_the_web_app():
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, thidua_calendar.cli.main; "
         "print(sorted(m for m in sys.modules if m.split('.')[0] in "
         "('starlette', 'uvicorn', 'jinja2') or m.startswith('thidua_calendar.web')))"],
        capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}).stdout
    assert loaded.strip() == "[]"


# -- properties -----------------------------------------------------------------------------

#: Properties over HTTP: a bounded number of requests to the running server.
OVER_HTTP = settings(max_examples=25, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(st.text(max_size=300), st.integers(min_value=1, max_value=320))
def test_a_quote_is_words_of_its_line(line, column):
    found = quote(line, column)
    assert found.removesuffix("…") in line[column - 1:]
    assert len(found) <= 101
    assert ";" not in found


@OVER_HTTP
@given(name=st.sampled_from(["a.txt", "a.md", "a.docx", "a", "a.TXT"]),
       data=st.binary(max_size=2000) | st.text(max_size=2000).map(str.encode))
def test_any_upload_gets_an_answer_not_a_crash(server, name, data):
    """Whatever bytes come, the checker answers findings (200) or one sentence (422)."""
    status, _, body = server.upload("/api/check", name, data)
    assert status in (200, 422)
    answer = json.loads(body)
    assert set(answer) == ({"findings"} if status == 200 else {"error"})


@OVER_HTTP
@given(st.text(max_size=500))
def test_any_plan_body_gets_an_answer_not_a_crash(server, text):
    status, _, body = server.request("POST", "/api/plan?format=text", text.encode())
    assert status in (200, 400, 422)
    if status != 200:
        assert set(json.loads(body)) == {"error"}


# -- renew ------------------------------------------------------------------------------------

OLD_PLAN = ("KẾ HOẠCH\nPhát động phong trào thi đua năm 2025\n"
            "- Đợt 1: chào mừng 96 năm Ngày thành lập Công đoàn Việt Nam "
            "(28/7/1929 - 28/7/2025).\n")


def test_renew_a_text_plan_as_the_cli_does(server, tmp_path, capsys):
    (tmp_path / "ke-hoach-2025.txt").write_text(OLD_PLAN, encoding="utf-8")
    status, headers, body = server.upload("/api/renew?year=2026", "ke-hoach-2025.txt",
                                          OLD_PLAN.encode())
    assert status == 200
    assert 'filename="ke-hoach-2025-2026.txt"' in headers["content-disposition"]
    main(["renew", str(tmp_path / "ke-hoach-2025.txt"), "--year", "2026"])
    assert body.decode() == capsys.readouterr().out
    assert "97 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2026)" in body.decode()


def test_renew_a_word_plan_with_tracked_changes(server):
    status, _, body = server.upload("/api/renew", "ke-hoach.docx", _word_file(OLD_PLAN),
                                    {"year": "2026"})
    assert status == 200
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        xml = archive.read("word/document.xml").decode()
    assert '<w:ins w:id="' in xml
    assert 'w:author="thidua-calendar"' in xml
    assert "<w:delText" in xml
    assert "2025" in xml
    # Accepted, the changes give the new year's text.
    from thidua_calendar.files.docx_changes import read_paragraphs

    assert "97 năm" in "\n".join(read_paragraphs(body))


def test_renew_page_answers_the_file_or_the_sentence(server):
    status, headers, _body = server.upload("/renew", "ke-hoach.txt", OLD_PLAN.encode(),
                                          {"year": "2026"})
    assert status == 200
    assert headers["content-disposition"].startswith("attachment;")
    status, _, page = server.upload("/renew", "ke-hoach.pdf", b"%PDF", {"year": "2026"})
    assert status == 422
    assert "không đọc được tệp .pdf" in page.decode()


@pytest.mark.parametrize(("query", "fields", "code", "expected"), [
    ("", {}, 400, "hãy ghi năm mới (year=)"),
    ("?year=2300", {}, 400, "năm 2300 nằm ngoài khoảng được hỗ trợ"),
    ("?year=2026&lang=en", {}, 422, "cannot tell the plan's year"),
])
def test_renew_bad_input(server, query, fields, code, expected):
    status, _, body = server.upload(f"/api/renew{query}", "a.txt", b"Ke hoach\n", fields)
    assert status == code
    assert expected in json.loads(body)["error"]
