"""The feed server under hostile load (issue #16): slow sockets, missing Host, symlinked
dotfiles, large files, clients that go away, and where it listens."""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from thidua_calendar.feeds import serve as serving
from thidua_calendar.feeds.serve import exposure_warning, is_loopback, make_server

FEED = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_bytes(b"<p>index</p>")
    (site / "a.ics").write_bytes(FEED)
    return site


@contextlib.contextmanager
def running(root: Path, *, quiet: bool = True) -> Iterator[int]:
    server = make_server(root, port=0, quiet=quiet)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02},
                              daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def get(port: int, target: str, timeout: float = 10) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", target)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_NOFILE")
def test_a_client_is_served_while_300_slow_sockets_are_open(root):
    """Each slow socket sends half a request head and stalls; a normal client still gets
    its feed.  The server runs with 256 file descriptors, as in the issue: before the fix,
    each slow socket held a thread and a descriptor for good, and 269 of them stopped all
    service."""
    import resource

    def limit_files() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))

    process = subprocess.Popen(
        [sys.executable, "-m", "thidua_calendar", "serve", str(root), "--port", "0"],
        stderr=subprocess.PIPE, text=True, preexec_fn=limit_files,
        env={"PYTHONPATH": str(Path(__file__).parents[2] / "src"), "PATH": "/usr/bin:/bin"})
    slow = []
    try:
        assert process.stderr is not None
        banner = process.stderr.readline()
        match = re.search(r":(\d+)/", banner)
        assert match, banner
        port = int(match[1])
        for _ in range(300):
            sock = socket.create_connection(("127.0.0.1", port), timeout=10)
            sock.sendall(b"GET /a.ics HTTP/1.1\r\nHost: x\r\n")
            slow.append(sock)
        for _ in range(3):
            assert get(port, "/a.ics", timeout=5) == (200, FEED)
    finally:
        for sock in slow:
            sock.close()
        process.terminate()
        process.communicate(timeout=20)


def test_the_oldest_waiting_connection_makes_room_at_the_limit(root, monkeypatch):
    monkeypatch.setattr(serving, "_connection_limit", lambda: 20)
    with running(root) as port:
        slow = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(40)]
        try:
            assert get(port, "/a.ics", timeout=5) == (200, FEED)
            slow[0].settimeout(5)
            assert slow[0].recv(100) == b""  # evicted: closed by the server
        finally:
            for sock in slow:
                sock.close()


def test_a_request_head_must_arrive_before_its_deadline(root, monkeypatch):
    """A client dripping one byte at a time cannot hold the connection past the deadline."""
    monkeypatch.setattr(serving, "HEADER_TIMEOUT", 0.5)
    with running(root) as port, socket.create_connection(("127.0.0.1", port),
                                                          timeout=10) as sock:
        started = time.monotonic()
        closed = False
        for byte in b"GET /a.ics HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100:
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                closed = True
                break
            time.sleep(0.05)
            if time.monotonic() - started > 3:
                break
        if not closed:
            sock.settimeout(3)
            with contextlib.suppress(ConnectionResetError):
                assert sock.recv(100) == b""
        assert time.monotonic() - started < 3


def test_http11_without_host_is_400(root):
    with running(root) as port, socket.create_connection(("127.0.0.1", port),
                                                          timeout=10) as sock:
        sock.sendall(b"GET /a.ics HTTP/1.1\r\n\r\n")
        answer = sock.makefile("rb").read()
    assert answer.startswith(b"HTTP/1.1 400 ")
    assert b"Host" in answer


def test_http10_without_host_is_served(root):
    with running(root) as port, socket.create_connection(("127.0.0.1", port),
                                                          timeout=10) as sock:
        sock.sendall(b"GET /a.ics HTTP/1.0\r\n\r\n")
        answer = sock.makefile("rb").read()
    assert answer.startswith(b"HTTP/1.1 200 ")
    assert answer.endswith(FEED)


def test_a_symlink_to_a_dotfile_is_not_served(root):
    (root / ".secret").write_bytes(b"secret")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.ics").write_bytes(b"secret")
    (root / "feed.ics").symlink_to(".secret")
    (root / "dir").symlink_to(".hidden")
    with running(root) as port:
        assert get(port, "/feed.ics")[0] == 404
        assert get(port, "/dir/x.ics")[0] == 404
        assert get(port, "/a.ics") == (200, FEED)


def test_a_large_file_is_streamed_whole_with_its_etag(root):
    data = bytes(range(256)) * (3 * 1024 * 1024 // 256 + 7)  # 3 MB, not a chunk multiple
    (root / "big.bin").write_bytes(data)
    with running(root) as port:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/big.bin")
        response = conn.getresponse()
        body = response.read()
        etag = response.getheader("ETag")
        assert int(response.getheader("Content-Length")) == len(data)
        conn.request("GET", "/big.bin", headers={"If-None-Match": etag})  # same connection
        again = conn.getresponse()
        assert (again.status, again.read()) == (304, b"")
        conn.request("HEAD", "/big.bin")
        head = conn.getresponse()
        assert (head.status, head.read(), head.getheader("Content-Length")) == (
            200, b"", str(len(data)))
        conn.close()
    assert body == data
    assert etag == '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


def test_a_changed_file_gets_a_new_etag(root):
    with running(root) as port:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/a.ics")
        first = conn.getresponse()
        first.read()
        (root / "a.ics").write_bytes(FEED + b"X")
        conn.request("GET", "/a.ics")
        second = conn.getresponse()
        assert second.read() == FEED + b"X"
        conn.close()
    assert first.getheader("ETag") != second.getheader("ETag")


def test_clients_that_go_away_leave_no_traceback(root, capsys):
    with running(root, quiet=False) as port:
        for request in (b"GET /a.ics HTTP/1.1\r\nHost: x\r\n", b"GET /a.ics HTTP/1.1\r\n"
                        b"Host: x\r\n\r\n", b""):
            sock = socket.create_connection(("127.0.0.1", port), timeout=10)
            if request:
                sock.sendall(request)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00"
                            b"\x00\x00")  # close with a reset
            sock.close()
        assert get(port, "/a.ics") == (200, FEED)
        time.sleep(0.2)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "Error" not in err


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("::1", True), ("localhost", True), ("127.0.0.2", True),
    ("", False), ("0.0.0.0", False), ("::", False), ("192.168.1.10", False),
    ("example.org", False),
])
def test_listening_beyond_loopback_is_said(host, loopback):
    assert is_loopback(host) is loopback
    warning = exposure_warning(host, "site")
    warning_vi = exposure_warning(host, "site", lang="vi")
    assert (warning is None) is loopback
    assert (warning_vi is None) is loopback
    if not loopback:
        assert "anyone" in warning
        assert "site" in warning
        assert "ai kết nối được" in warning_vi


def test_the_command_warns_when_it_listens_on_every_interface(root):
    process = subprocess.Popen(
        [sys.executable, "-m", "thidua_calendar", "serve", str(root), "--host", "",
         "--port", "0"], stderr=subprocess.PIPE, text=True,
        env={"PYTHONPATH": str(Path(__file__).parents[2] / "src"), "PATH": "/usr/bin:/bin"})
    try:
        assert process.stderr is not None
        banner = process.stderr.readline() + process.stderr.readline()
    finally:
        process.terminate()
        _, rest = process.communicate(timeout=20)
    assert "cảnh báo: đang nghe trên mọi giao diện mạng" in banner, banner
    assert process.returncode == 143
    assert "Traceback" not in rest
