"""The feed site server, through a real HTTP client on 127.0.0.1: files, types, validators,
conditional requests (RFC 9110 §13), methods, and no way out of its folder."""

from __future__ import annotations

import hashlib
import http.client
import os
import re
import signal
import socket
import socketserver
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

import pytest

from thidua_calendar.feeds.serve import make_server

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//serve//VI\r\n"
    "BEGIN:VEVENT\r\nUID:a-2027@thidua-calendar\r\nDTSTAMP:20270101T000000Z\r\n"
    "DTSTART;VALUE=DATE:20270728\r\nDTEND;VALUE=DATE:20270729\r\n"
    "SUMMARY:98 năm Ngày thành lập Công đoàn Việt Nam\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
).encode()
INDEX = "<!doctype html><title>Lịch thi đua</title>\n".encode()
SECRET = b"top secret\n"
MTIME = 1_700_000_000  # 2023-11-14T22:13:20Z


@dataclass
class Site:
    root: Path
    port: int

    def request(
        self, method: str, target: str, headers: dict[str, str] | None = None,
        body: bytes | None = None,
    ) -> tuple[http.client.HTTPResponse, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, target, body=body, headers=headers or {})
            response = conn.getresponse()
            return response, response.read()
        finally:
            conn.close()

    def get(self, target: str, **headers: str) -> tuple[http.client.HTTPResponse, bytes]:
        return self.request("GET", target, {k.replace("_", "-"): v for k, v in headers.items()})


def _serving(server: socketserver.BaseServer) -> threading.Thread:
    """A thread to run ``server`` in (polling often, so that ``shutdown()`` is quick)."""
    return threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02},
                            daemon=True)


def _touch(path: Path, mtime: int = MTIME) -> None:
    os.utime(path, (mtime, mtime))


@pytest.fixture
def site_dir(tmp_path: Path) -> Path:
    """tmp_path/site is served; tmp_path/secret and tmp_path/outside/secret must never be."""
    (tmp_path / "secret").write_bytes(SECRET)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret").write_bytes(SECRET)
    (outside / "index.html").write_bytes(SECRET)
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_bytes(INDEX)
    (root / "a.ics").write_bytes(CALENDAR)
    sub = root / "sub"
    sub.mkdir()
    (sub / "b.ics").write_bytes(CALENDAR)
    with_index = root / "feeds"
    with_index.mkdir()
    (with_index / "index.html").write_bytes(b"<p>feeds</p>")
    for name, data in {"style.css": b"p{}", "app.js": b"1", "logo.png": b"\x89PNG",
                       "logo.svg": b"<svg/>", "data.json": b"{}", "notes.txt": b"hi",
                       "blob.bin": b"\x00\x01", "README": b"x"}.items():
        (root / name).write_bytes(data)
    for path in root.rglob("*"):
        _touch(path)
    return root


@pytest.fixture
def site(site_dir: Path) -> Iterator[Site]:
    server = make_server(site_dir, port=0, quiet=True)
    thread = _serving(server)
    thread.start()
    try:
        yield Site(site_dir, server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    assert not thread.is_alive()


# -- files and headers ------------------------------------------------------------------------


def test_root_serves_index_html(site):
    response, body = site.get("/")
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert body == INDEX


def test_calendar_file_with_its_validators(site):
    response, body = site.get("/a.ics")
    assert response.status == 200
    assert body == CALENDAR
    assert response.getheader("Content-Type") == "text/calendar; charset=utf-8"
    assert response.getheader("Content-Length") == str(len(CALENDAR))
    assert response.getheader("Cache-Control") == "no-cache"
    assert response.getheader("ETag") == '"' + hashlib.sha256(CALENDAR).hexdigest()[:32] + '"'
    assert response.getheader("Last-Modified") == "Tue, 14 Nov 2023 22:13:20 GMT"
    assert response.getheader("Last-Modified") == formatdate(MTIME, usegmt=True)
    assert response.getheader("X-Content-Type-Options") == "nosniff"


def test_etag_is_strong_and_quoted(site):
    etag = site.get("/a.ics")[0].getheader("ETag")
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag)


@pytest.mark.parametrize(("name", "content_type"), [
    ("style.css", "text/css; charset=utf-8"),
    ("app.js", "text/javascript; charset=utf-8"),
    ("logo.png", "image/png"),
    ("logo.svg", "image/svg+xml"),
    ("data.json", "application/json"),
    ("notes.txt", "text/plain; charset=utf-8"),
    ("blob.bin", "application/octet-stream"),
    ("README", "application/octet-stream"),
    ("sub/b.ics", "text/calendar; charset=utf-8"),
])
def test_content_types(site, name, content_type):
    response, body = site.get("/" + name)
    assert response.status == 200
    assert response.getheader("Content-Type") == content_type
    assert body == (site.root / name).read_bytes()


def test_head_sends_the_headers_of_get_and_no_body(site):
    get, _ = site.get("/a.ics")
    head, body = site.request("HEAD", "/a.ics")
    assert head.status == 200
    assert body == b""
    for name in ("Content-Type", "Content-Length", "ETag", "Last-Modified", "Cache-Control"):
        assert head.getheader(name) == get.getheader(name)


def test_query_string_and_fragment_are_ignored(site):
    response, body = site.get("/a.ics?year=2027&x=../../secret")
    assert (response.status, body) == (200, CALENDAR)
    response, body = site.get("/?q=1")
    assert (response.status, body) == (200, INDEX)


def test_percent_encoded_name_is_decoded(site):
    (site.root / "lịch năm.ics").write_bytes(CALENDAR)
    response, body = site.get("/l%E1%BB%8Bch%20n%C4%83m.ics")
    assert (response.status, body) == (200, CALENDAR)


def test_keep_alive_serves_several_requests_on_one_connection(site):
    conn = http.client.HTTPConnection("127.0.0.1", site.port, timeout=10)
    try:
        for target, expected in [("/a.ics", CALENDAR), ("/", INDEX), ("/a.ics", CALENDAR)]:
            conn.request("GET", target)
            response = conn.getresponse()
            assert (response.status, response.read()) == (200, expected)
        conn.request("GET", "/a.ics", headers={"If-None-Match": "*"})
        response = conn.getresponse()
        assert (response.status, response.read()) == (304, b"")
        conn.request("GET", "/missing")
        response = conn.getresponse()
        assert response.status == 404
        response.read()
    finally:
        conn.close()


# -- conditional requests ----------------------------------------------------------------------


def _etag(site: Site, target: str = "/a.ics") -> str:
    return site.get(target)[0].getheader("ETag")


def test_if_none_match_with_the_etag_is_304_without_body(site):
    etag = _etag(site)
    response, body = site.get("/a.ics", If_None_Match=etag)
    assert response.status == 304
    assert body == b""
    assert response.getheader("ETag") == etag
    assert response.getheader("Cache-Control") == "no-cache"
    assert response.getheader("Last-Modified") == formatdate(MTIME, usegmt=True)


def test_if_none_match_on_head_is_304(site):
    response, body = site.request("HEAD", "/a.ics", {"If-None-Match": _etag(site)})
    assert (response.status, body) == (304, b"")


def test_if_none_match_with_another_etag_is_200(site):
    response, body = site.get("/a.ics", If_None_Match='"0123456789abcdef0123456789abcdef"')
    assert (response.status, body) == (200, CALENDAR)


@pytest.mark.parametrize("field", [
    "*",
    ' "nope" , {etag}',
    "W/{etag}",  # weak comparison (RFC 9110 §8.8.3.2) for GET
    '"a", W/"b", W/{etag}',
])
def test_if_none_match_lists_star_and_weak_tags(site, field):
    response, body = site.get("/a.ics", If_None_Match=field.format(etag=_etag(site)))
    assert (response.status, body) == (304, b"")


def test_if_none_match_in_several_fields(site):
    etag = _etag(site)
    response, body = site.request(
        "GET", "/a.ics", {"If-None-Match": '"nope"'} | {"if-none-match": etag})
    assert body == b""
    # http.client sends both fields; the server joins them as one list.
    assert response.status == 304


def test_if_none_match_unquoted_junk_matches_nothing(site):
    response, _ = site.get("/a.ics", If_None_Match=_etag(site).strip('"'))
    assert response.status == 200


@pytest.mark.parametrize(("since", "status"), [
    ("Wed, 01 Jan 2053 00:00:00 GMT", 304),  # in the future: not modified since then
    ("Tue, 14 Nov 2023 22:13:20 GMT", 304),  # exactly Last-Modified
    ("Tue, 14 Nov 2023 22:13:19 GMT", 200),  # a second before
    ("Sun, 06 Nov 1994 08:49:37 GMT", 200),  # in the past
    ("not a date", 200),  # invalid: ignored
])
def test_if_modified_since(site, since, status):
    response, body = site.get("/a.ics", If_Modified_Since=since)
    assert response.status == status
    assert body == (b"" if status == 304 else CALENDAR)


def test_if_modified_since_is_ignored_when_if_none_match_is_present(site):
    response, body = site.get("/a.ics", If_None_Match='"other"',
                              If_Modified_Since="Wed, 01 Jan 2053 00:00:00 GMT")
    assert (response.status, body) == (200, CALENDAR)
    response, _ = site.get("/a.ics", If_None_Match=_etag(site),
                           If_Modified_Since="Sun, 06 Nov 1994 08:49:37 GMT")
    assert response.status == 304


def test_a_file_changed_on_disk_gets_a_new_etag(site):
    old = _etag(site)
    changed = CALENDAR.replace(b"20270728", b"20270729").replace(b"20270729\r\nSUM",
                                                                 b"20270730\r\nSUM")
    (site.root / "a.ics").write_bytes(changed)
    _touch(site.root / "a.ics", MTIME + 60)
    response, body = site.get("/a.ics", If_None_Match=old)
    assert (response.status, body) == (200, changed)
    new = response.getheader("ETag")
    assert new != old
    assert response.getheader("Last-Modified") == formatdate(MTIME + 60, usegmt=True)
    assert site.get("/a.ics", If_None_Match=new)[0].status == 304


def test_the_etag_follows_the_bytes_not_the_mtime(site):
    old = _etag(site)
    _touch(site.root / "a.ics", MTIME + 3600)
    response, _ = site.get("/a.ics", If_None_Match=old)
    assert response.status == 304
    assert response.getheader("ETag") == old
    response, _ = site.get("/a.ics", If_Modified_Since=formatdate(MTIME, usegmt=True))
    assert response.status == 200
    last = parsedate_to_datetime(response.getheader("Last-Modified")).timestamp()
    assert last == MTIME + 3600


# -- no way out --------------------------------------------------------------------------------


TRAVERSALS = [
    "/../secret",
    "/../outside/secret",
    "/%2e%2e/secret",
    "/%2E%2E/outside/secret",
    "/..%2fsecret",
    "/..%2Foutside%2Fsecret",
    "/%2e%2e%2fsecret",
    "/sub/../../secret",
    "/sub/%2e%2e/%2e%2e/secret",
    "/%252e%252e/secret",
    "/%252e%252e%252fsecret",
    "/..\\secret",
    "/sub\\..\\..\\secret",
    "/..%5csecret",
    "/%5c..%5c..%5csecret",
    "//etc/passwd",
    "/etc/passwd",
    "/" + "../" * 20 + "etc/passwd",
    "/%2fetc%2fpasswd",
    "/a.ics%00.html",
    "/a.ics/",
    "/a.ics/..%2f..%2fsecret",
    "/%ff%fe",
    "../secret",
    "secret",
    "*",
    "http://127.0.0.1/../secret",
]


@pytest.mark.parametrize("target", TRAVERSALS)
def test_no_traversal_out_of_the_folder(site, target):
    response, body = site.get(target)
    assert response.status == 404, target
    assert body == b"Not found\n"
    assert SECRET not in body


def test_absolute_form_inside_the_folder_is_served(site):
    response, body = site.get(f"http://127.0.0.1:{site.port}/a.ics")
    assert (response.status, body) == (200, CALENDAR)


def test_dot_segments_that_stay_inside_are_normalised(site):
    for target in ["/sub/../a.ics", "/./a.ics", "/sub/./b.ics", "/sub%2f..%2fa.ics",
                   "/sub\\b.ics"]:
        response, body = site.get(target)
        assert (response.status, body) == (200, CALENDAR), target


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlinks_out_of_the_folder_are_404(site, tmp_path):
    try:
        (site.root / "leak.ics").symlink_to(tmp_path / "outside" / "secret")
    except OSError:  # pragma: no cover - Windows without the privilege
        pytest.skip("cannot create symlinks")
    (site.root / "outdir").symlink_to(tmp_path / "outside", target_is_directory=True)
    (site.root / "sub" / "up").symlink_to(Path("..") / "..", target_is_directory=True)
    (site.root / "loop").symlink_to(site.root / "loop")
    for target in ["/leak.ics", "/outdir/secret", "/outdir/", "/outdir", "/sub/up/secret",
                   "/sub/up/outside/secret", "/loop"]:
        response, body = site.get(target)
        assert (response.status, body) == (404, b"Not found\n"), target


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlinks_inside_the_folder_are_followed(site):
    try:
        (site.root / "current.ics").symlink_to("a.ics")
    except OSError:  # pragma: no cover
        pytest.skip("cannot create symlinks")
    (site.root / "latest").symlink_to("sub", target_is_directory=True)
    assert site.get("/current.ics")[1] == CALENDAR
    assert site.get("/latest/b.ics")[1] == CALENDAR


def test_unknown_path_is_404_with_a_short_plain_text_body(site):
    response, body = site.get("/nope.ics")
    assert response.status == 404
    assert response.getheader("Content-Type") == "text/plain; charset=utf-8"
    assert body == b"Not found\n"
    assert response.getheader("ETag") is None


def test_head_of_unknown_path_is_404_without_body(site):
    response, body = site.request("HEAD", "/nope.ics")
    assert (response.status, body) == (404, b"")


def test_directory_without_index_is_404_no_listing(site):
    for target in ["/sub/", "/sub", "/sub/?C=M;O=A"]:
        response, body = site.get(target)
        assert (response.status, body) == (404, b"Not found\n"), target
        assert b"b.ics" not in body


def test_directory_with_index_is_served_after_a_slash_redirect(site):
    response, body = site.get("/feeds/")
    assert (response.status, body) == (200, b"<p>feeds</p>")
    response, _ = site.get("/feeds")
    assert response.status == 301
    assert response.getheader("Location") == "/feeds/"


def test_redirect_location_is_rebuilt_from_the_normalised_path(site):
    (site.root / "evil.com").mkdir()
    (site.root / "evil.com" / "index.html").write_bytes(b"x")
    (site.root / "năm 2027").mkdir()
    (site.root / "năm 2027" / "index.html").write_bytes(b"y")
    for target, location in [("/\\evil.com", "/evil.com/"), ("/%5Cevil.com", "/evil.com/"),
                             ("/sub/../feeds?x=1", "/feeds/"),
                             ("/n%C4%83m%202027", "/n%C4%83m%202027/")]:
        response, _ = site.get(target)
        assert response.status == 301, target
        assert response.getheader("Location") == location, target


def test_root_without_index_is_404(tmp_path):
    (tmp_path / "a.ics").write_bytes(CALENDAR)
    server = make_server(tmp_path, port=0, quiet=True)
    thread = _serving(server)
    thread.start()
    try:
        site = Site(tmp_path, server.server_address[1])
        assert site.get("/")[0].status == 404
        assert site.get("/a.ics")[0].status == 200
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# -- methods and malformed requests ------------------------------------------------------------


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND",
                                    "MKCALENDAR", "TRACE"])
def test_other_methods_are_405_with_allow(site, method):
    response, body = site.request(method, "/a.ics", body=b"BEGIN:VCALENDAR\r\n")
    assert response.status == 405
    assert response.getheader("Allow") == "GET, HEAD"
    assert body == b"Method not allowed\n"
    assert (site.root / "a.ics").read_bytes() == CALENDAR


def test_malformed_request_is_400_plain_text(site):
    with socket.create_connection(("127.0.0.1", site.port), timeout=10) as sock:
        sock.sendall(b"GET /a.ics HTTP/9.x\r\n\r\n")
        reply = sock.makefile("rb").read()
    assert reply.startswith(b"HTTP/1.1 400 ")
    assert b"Content-Type: text/plain; charset=utf-8" in reply
    assert b"BEGIN:VCALENDAR" not in reply


# -- server set-up -----------------------------------------------------------------------------


def test_make_server_binds_loopback_by_default(site_dir):
    server = make_server(site_dir, port=0, quiet=True)
    try:
        assert server.server_address[0] == "127.0.0.1"
        assert server.server_address[1] != 0
    finally:
        server.server_close()


def test_make_server_refuses_a_missing_folder_or_a_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        make_server(tmp_path / "missing", port=0)
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(NotADirectoryError):
        make_server(tmp_path / "file", port=0)


def test_ipv6_loopback(site_dir):
    if not socket.has_ipv6:
        pytest.skip("no IPv6")
    try:
        server = make_server(site_dir, host="::1", port=0, quiet=True)
    except OSError:
        pytest.skip("::1 cannot be bound here")
    thread = _serving(server)
    thread.start()
    try:
        conn = http.client.HTTPConnection("::1", server.server_address[1], timeout=10)
        conn.request("GET", "/a.ics")
        response = conn.getresponse()
        assert (response.status, response.read()) == (200, CALENDAR)
        conn.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_log_lines_are_compact_and_quiet_silences_them(site_dir, capsys):
    for quiet in (False, True):
        server = make_server(site_dir, port=0, quiet=quiet)
        thread = _serving(server)
        thread.start()
        try:
            site = Site(site_dir, server.server_address[1])
            site.get("/a.ics")
            site.get("/nope\x1b[31m".replace("\x1b", "%1b"))
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=10)
        err = capsys.readouterr().err
        if quiet:
            assert err == ""
        else:
            assert err.splitlines() == [
                '127.0.0.1 "GET /a.ics HTTP/1.1" 200',
                '127.0.0.1 "GET /nope%1b[31m HTTP/1.1" 404',
            ]


def test_control_characters_in_log_lines_are_escaped(site_dir, capsys):
    server = make_server(site_dir, port=0)
    thread = _serving(server)
    thread.start()
    try:
        with socket.create_connection(("127.0.0.1", server.server_address[1]),
                                      timeout=10) as sock:
            sock.sendall(b"GET /\x1b[2J HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            sock.makefile("rb").read()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "\\x1b[2J" in err


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_serve_stops_cleanly_on_keyboard_interrupt(site_dir):
    code = ("import sys; from thidua_calendar.feeds.serve import serve; "
            "serve(sys.argv[1], port=0)")
    process = subprocess.Popen([sys.executable, "-c", code, str(site_dir)],
                               stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        banner = process.stderr.readline()
        match = re.search(r"at http://127\.0\.0\.1:(\d+)/", banner)
        assert match, banner
        site = Site(site_dir, int(match.group(1)))
        assert site.get("/a.ics")[1] == CALENDAR
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:  # pragma: no cover - only when the test failed
            process.kill()
            process.wait()
    assert process.returncode == 0
    assert "Traceback" not in err
    assert '"GET /a.ics HTTP/1.1" 200' in err
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", site.port), timeout=2).close()


def test_dotfiles_are_not_served(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>x</p>", encoding="utf-8")
    (site / ".env").write_text("SECRET=1", encoding="utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "config").write_text("x", encoding="utf-8")
    server = make_server(site, port=0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        for path in ("/.env", "/.git/config", "/%2eenv"):
            connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1])
            connection.request("GET", path)
            assert connection.getresponse().status == 404, path
            connection.close()
    finally:
        server.shutdown()
        server.server_close()
