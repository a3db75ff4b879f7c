"""A small static file server for a feed site folder, to try the feeds out with a real
calendar client before publishing them.

In production any static web server or object store serves the files; this one only has to
answer as they do, so that a client subscribed to ``http://127.0.0.1:8000/….ics`` behaves as
it will against the real site.  Standard library only: :class:`http.server.ThreadingHTTPServer`
with a handler of its own (no directory listing, no ``SimpleHTTPRequestHandler``).

What it does
------------

- **Methods**: ``GET`` and ``HEAD`` (RFC 9110 §9.3.1, §9.3.2: ``HEAD`` sends the same header
  fields as ``GET``, no body).  Any other method gets ``405 Method Not Allowed`` with
  ``Allow: GET, HEAD`` (§15.5.6, §10.2.1); the connection is then closed, as the request's
  body is never read.
- **Files**: regular files inside the folder only.  ``/`` serves ``index.html``; another
  directory serves its ``index.html`` (``/sub`` redirects to ``/sub/`` first, so relative
  links work; the location is rebuilt from the normalised segments, so it cannot point to
  another host) and is ``404`` without one: there are no listings.  Query strings and fragments
  are ignored.  Unknown paths get ``404`` with a short ``text/plain`` body.
- **Types**: ``.ics`` is ``text/calendar; charset=utf-8``, ``.html`` is
  ``text/html; charset=utf-8``; ``.css``, ``.js``, ``.json``, ``.txt``, ``.xml``, ``.png``,
  ``.svg``, ``.ico`` have their usual types; anything else is ``application/octet-stream``.
  ``X-Content-Type-Options: nosniff`` keeps browsers from guessing otherwise.
- **Validators**: a strong ``ETag`` (RFC 9110 §8.8.3), the first 32 hex digits of the SHA-256
  of the file's bytes, quoted, so it changes exactly when the bytes do; ``Last-Modified``
  (§8.8.2) from the file's mtime as an HTTP-date (§5.6.7, UTC); ``Content-Length``;
  ``Cache-Control: no-cache`` (RFC 9111 §5.2.2.4), so clients may store a feed but must
  revalidate it before each use, which costs a ``304`` when nothing changed.  The file is
  read (and hashed) on every request: feeds are small, and no cache can then go stale.
- **Conditional requests** (RFC 9110 §13.1, evaluated in the order of §13.2.2):
  ``If-None-Match`` (§13.1.2) is a list of entity tags or ``*``; it is compared with the
  *weak* comparison function (§8.8.3.2: ``W/"x"`` matches ``"x"``), as §13.1.2 requires for
  ``GET``/``HEAD``, and a match answers ``304 Not Modified`` (§15.4.5) with ``ETag``,
  ``Last-Modified`` and ``Cache-Control`` and no body.  ``If-Modified-Since`` (§13.1.3) is
  only looked at when ``If-None-Match`` is absent, is ignored unless it is one valid
  HTTP-date, and answers ``304`` when the file's mtime (in whole seconds) is not later than
  it -- a date in the future included, as §13.1.3 words it.  ``If-Match``,
  ``If-Unmodified-Since`` and ``Range`` are not supported and are ignored (no
  ``Accept-Ranges``), which §13.2.1 allows.
- **No traversal**: the path is percent-decoded once (as UTF-8; anything else is ``404``),
  split on ``/`` *and* ``\\``, its dot segments removed (RFC 3986 §5.2.4); a path climbing
  above the root, or holding a NUL, is ``404``.  What is left is resolved with symlinks
  followed and must still lie inside the folder, so a symlink pointing out of it is ``404``
  too (one pointing elsewhere inside is served).  Every refusal is a ``404``, never a
  ``403``: it does not tell what exists outside.  A double-encoded ``%252e%252e`` decodes to
  the literal name ``%2e%2e``, which is looked up as such (and is not there).
- **Where**: loopback (``127.0.0.1``) unless ``host`` says otherwise, e.g. ``0.0.0.0`` to
  let a phone on the LAN subscribe; a host with a ``:`` is taken as IPv6.  ``port=0`` picks a
  free port: read it back from ``server.server_address[1]``.
- **Logging**: one compact line per response on ``stderr``
  (``127.0.0.1 "GET /a.ics HTTP/1.1" 200 1234``, control characters escaped); pass
  ``quiet=True`` to :func:`make_server` or :func:`serve` to silence it.

HTTP/1.1 persistent connections are kept (every response has a ``Content-Length`` or is a
``304``); an idle connection is dropped after :attr:`_FeedHandler.timeout` seconds.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import io
import ipaddress
import os
import re
import socket
import socketserver
import stat
import sys
import threading
import time
from collections.abc import Mapping
from datetime import UTC
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import quote, unquote

__all__ = ["CONTENT_TYPES", "exposure_warning", "is_loopback", "make_server", "serve"]

#: Content types by (lower-case) suffix; anything else is ``application/octet-stream``.
CONTENT_TYPES: Mapping[str, str] = {
    ".ics": "text/calendar; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
}
_DEFAULT_TYPE = "application/octet-stream"
_ALLOW = "GET, HEAD"
_SEPARATORS = re.compile(r"[/\\]")
_ENTITY_TAG = re.compile(r'(?:W/)?"([^"]*)"')
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def _content_type(path: Path) -> str:
    return CONTENT_TYPES.get(path.suffix.lower(), _DEFAULT_TYPE)


def _request_path(target: str) -> str | None:
    """The path of a request target without query and fragment; ``None`` if it has none."""
    path = target.split("?", 1)[0].split("#", 1)[0]
    lower = path[:8].lower()
    if lower.startswith(("http://", "https://")):  # absolute-form (RFC 9112 §3.2.2)
        after = path.index("//") + 2
        slash = path.find("/", after)
        path = "/" if slash < 0 else path[slash:]
    return path if path.startswith("/") else None


def _decode(path: str) -> str | None:
    """A request path percent-decoded once as UTF-8; ``None`` if it is not, or holds a NUL."""
    try:
        decoded = unquote(path, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        return None
    return None if "\x00" in decoded else decoded


def _segments(decoded: str) -> list[str] | None:
    """The normalised segments of a decoded path (RFC 3986 §5.2.4, with ``\\`` as a
    separator too); ``None`` if it climbs above the root."""
    stack: list[str] = []
    for part in _SEPARATORS.split(decoded):
        if part in ("", "."):
            continue
        if part == "..":
            if not stack:
                return None
            stack.pop()
        elif os.name == "nt" and ":" in part:  # a drive or an alternate data stream
            return None
        else:
            stack.append(part)
    return stack


def _inside(root: Path, path: Path) -> Path | None:
    """``path`` with every symlink resolved, if that exists, lies inside ``root`` and is no
    dotfile there (a link ``feed.ics -> .secret`` does not serve ``.secret``)."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError, ValueError):  # missing, a symlink loop, a bad name
        return None
    if not real.is_relative_to(root):
        return None
    if any(part.startswith(".") for part in real.relative_to(root).parts):
        return None
    return real


def _lookup(root: Path, target: str) -> Path | str | None:
    """What a request target names: a regular file inside ``root`` (a :class:`Path`), a
    location to redirect to (a :class:`str`: a directory asked for without its slash), or
    ``None`` (not found, or not allowed: the same to the client)."""
    path = _request_path(target)
    decoded = None if path is None else _decode(path)
    parts = None if decoded is None else _segments(decoded)
    if path is None or decoded is None or parts is None:
        return None
    if any(part.startswith(".") for part in parts):  # dotfiles are not part of a site
        return None
    slash = decoded.endswith(("/", "\\"))
    real = _inside(root, root.joinpath(*parts))
    if real is None:
        return None
    if real.is_dir():
        index = _inside(root, real / "index.html")
        if index is None or not index.is_file():
            return None
        if parts and not slash:  # rebuilt from the segments: never "/\\host/" or "//host/"
            return "/" + "".join(quote(part) + "/" for part in parts)
        return index
    return real if real.is_file() and not slash else None


#: Files up to this size are sent with their header fields in one write.
_SMALL = 64 * 1024
#: The chunk a larger file is streamed in.
_CHUNK = 256 * 1024


class _Opened:
    """A regular file open for reading, with its status and (cached) entity tag."""

    __slots__ = ("etag", "file", "status")

    def __init__(self, file: BinaryIO, status: os.stat_result, etag: str) -> None:
        self.file = file
        self.status = status
        self.etag = etag


class _EtagCache:
    """The entity tags of files by identity (device, inode, size, mtime), so that a file is
    hashed once per change rather than once per request."""

    def __init__(self, size: int = 1024) -> None:
        self._tags: dict[tuple[int, int, int, int], str] = {}
        self._size = size
        self._lock = threading.Lock()

    def tag(self, file: BinaryIO, status: os.stat_result) -> str:
        key = (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)
        with self._lock:
            found = self._tags.get(key)
        if found is not None:
            return found
        digest = hashlib.sha256()
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
        file.seek(0)
        etag = '"' + digest.hexdigest()[:32] + '"'
        with self._lock:
            if len(self._tags) >= self._size:
                self._tags.clear()
            self._tags[key] = etag
        return etag


def _open(path: Path, tags: _EtagCache) -> _Opened | None:
    """A regular file open for reading, or ``None`` if it cannot be opened as one."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    file = os.fdopen(fd, "rb")
    try:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            file.close()
            return None
        return _Opened(file, status, tags.tag(file, status))
    except BaseException:
        file.close()
        raise


def _none_match(field: str, etag: str) -> bool:
    """Whether an ``If-None-Match`` value matches ``etag`` (weak comparison, RFC 9110
    §8.8.3.2, §13.1.2)."""
    if any(member.strip() == "*" for member in field.split(",")):
        return True
    return etag.strip('"') in _ENTITY_TAG.findall(field)


def _not_modified_since(fields: list[str], mtime: float) -> bool:
    """Whether ``If-Modified-Since`` holds a valid HTTP-date not earlier than ``mtime``
    (RFC 9110 §13.1.3); an invalid or repeated field is ignored."""
    if len(fields) != 1:
        return False
    try:
        since = parsedate_to_datetime(fields[0])
    except (TypeError, ValueError, IndexError):
        return False
    if since.tzinfo is None:  # "-0000": an HTTP-date is always UTC
        since = since.replace(tzinfo=UTC)
    return int(mtime) <= since.timestamp()


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


def exposure_warning(host: str, directory: str | os.PathLike[str], *,
                     lang: str = "en") -> str | None:
    """The warning to print when ``host`` listens beyond this computer, else ``None``;
    ``lang="vi"`` for Vietnamese."""
    if is_loopback(host):
        return None
    everywhere = host in ("", "0.0.0.0", "::")
    folder = os.fspath(directory)
    if lang == "vi":
        where = "mọi giao diện mạng" if everywhere else f"“{host}”"
        return (f"cảnh báo: đang nghe trên {where}: ai kết nối được tới máy này cũng đọc "
                f"được mọi tệp trong {folder}; dùng --host 127.0.0.1 để chỉ dùng trên máy "
                "này, và một máy chủ web thật để công bố (docs/feeds.md)")
    where = "every network interface" if everywhere else repr(host)
    return (f"warning: listening on {where}: anyone who can reach this computer can read "
            f"every file in {folder}; use --host 127.0.0.1 to keep it local, "
            "and a real web server to publish (docs/feeds.md)")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this computer only."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # "" (every interface) or a name that may resolve anywhere


def _connection_limit() -> int:
    """How many connections may be open at once: what the process's file limit allows,
    keeping some for files and logs, at most :data:`MAX_CONNECTIONS`."""
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):
        return 64
    if soft == resource.RLIM_INFINITY:
        return MAX_CONNECTIONS
    return max(8, min(MAX_CONNECTIONS, soft // 2 - 16))


#: The most connections served at once (each has a thread); beyond it, the connection that
#: has waited longest for its request is closed to make room.
MAX_CONNECTIONS = 1000
#: Seconds a client has to send a whole request head (line and header fields) once the
#: server waits for it, idle keep-alive time included; then the connection is closed.
HEADER_TIMEOUT = 10.0
#: Seconds a single send may block on a client that does not read.
WRITE_TIMEOUT = 30.0


class _DeadlineSocketReader(io.RawIOBase):
    """Reads from a socket, failing with :class:`TimeoutError` once ``deadline`` (a
    :func:`time.monotonic` time) has passed, however slowly the bytes trickle in."""

    def __init__(self, sock: socket.socket) -> None:
        super().__init__()
        self.sock = sock
        self.deadline: float | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.deadline is not None:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("the request head took too long")
            self.sock.settimeout(remaining)
        else:
            self.sock.settimeout(WRITE_TIMEOUT)
        return self.sock.recv_into(buffer)


class _FeedServer(http.server.ThreadingHTTPServer):
    """A threading HTTP server that knows its folder and whether to log, and bounds what
    clients can hold: see the module docstring, "Under load"."""

    daemon_threads = True
    block_on_close = False
    #: The listen backlog (the kernel may cap it at ``net.core.somaxconn``).
    request_queue_size = 1024

    def __init__(self, address: tuple[str, int], root: Path, *, quiet: bool) -> None:
        self.root = root
        self.quiet = quiet
        self.tags = _EtagCache()
        self.max_connections = _connection_limit()
        self._lock = threading.Lock()
        #: Open connections -> when each began waiting for a request (None: being answered).
        self._open: dict[socket.socket, float | None] = {}
        super().__init__(address, _FeedHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._lock:
            if len(self._open) >= self.max_connections:
                waiting = [(since, sock) for sock, since in self._open.items()
                           if since is not None]
                if not waiting:  # every connection is being answered: refuse this one
                    self.shutdown_request(request)
                    return
                _, oldest = min(waiting, key=lambda pair: pair[0])
                self._open[oldest] = None  # evicted once
                with contextlib.suppress(OSError):
                    oldest.shutdown(socket.SHUT_RDWR)
            self._open[request] = time.monotonic()
        super().process_request(request, client_address)

    def waiting(self, sock: socket.socket, since: float | None) -> None:
        """Record that ``sock`` waits for a request (``since``) or is being answered."""
        with self._lock:
            if sock in self._open:
                self._open[sock] = since

    def shutdown_request(self, request: Any) -> None:
        with self._lock:
            self._open.pop(request, None)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away or timed out is not worth a traceback; anything else is
        one line on stderr."""
        error = sys.exc_info()[1]
        if isinstance(error, OSError) or self.quiet:
            return
        sys.stderr.write(f"{client_address[0]} error: {type(error).__name__}: {error}\n")


class _FeedServer6(_FeedServer):
    address_family = socket.AF_INET6


class _FeedHandler(http.server.BaseHTTPRequestHandler):
    """Answers ``GET`` and ``HEAD`` from the server's folder; see the module docstring."""

    protocol_version = "HTTP/1.1"
    server_version = "thidua-calendar"
    sys_version = ""
    #: Seconds an idle connection is kept (the request head's deadline covers it).
    timeout = HEADER_TIMEOUT

    @property
    def _feed_server(self) -> _FeedServer:
        assert isinstance(self.server, _FeedServer)
        return self.server

    def setup(self) -> None:
        self.connection = self.request
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._reader = _DeadlineSocketReader(self.connection)
        self.rfile = io.BufferedReader(self._reader, 64 * 1024)
        self.wfile = socketserver._SocketWriter(self.connection)  # type: ignore[attr-defined]

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            self.rfile.close()

    def handle(self) -> None:
        try:
            super().handle()
        except (OSError, ValueError):  # a reset, a broken pipe, a timeout: nothing to say
            self.close_connection = True

    def handle_one_request(self) -> None:
        started = time.monotonic()
        self._reader.deadline = started + HEADER_TIMEOUT
        self._feed_server.waiting(self.connection, started)
        super().handle_one_request()

    # -- requests ---------------------------------------------------------------------

    def parse_request(self) -> bool:
        parsed = super().parse_request()
        self._reader.deadline = None  # the head is in: sending has its own timeout
        with contextlib.suppress(OSError):
            self.connection.settimeout(WRITE_TIMEOUT)
        self._feed_server.waiting(self.connection, None)
        if not parsed:
            return False
        if self.request_version >= "HTTP/1.1" and len(self.headers.get_all("Host") or []) != 1:
            # RFC 9112 §3.2: exactly one Host field in an HTTP/1.1 request, or 400.
            self.send_error(HTTPStatus.BAD_REQUEST, "Bad request: one Host header is required")
            return False
        if self.headers.get("Content-Length", "0").strip() != "0" or (
            "Transfer-Encoding" in self.headers
        ):
            self.close_connection = True  # a body this server never reads
        if self.command not in ("GET", "HEAD"):
            self.close_connection = True
            self._send_text(HTTPStatus.METHOD_NOT_ALLOWED, "Method not allowed\n",
                            {"Allow": _ALLOW})
            return False
        return True

    def do_GET(self) -> None:
        self._answer()

    def do_HEAD(self) -> None:
        self._answer()

    def _answer(self) -> None:
        found = _lookup(self._feed_server.root, self.path)
        if isinstance(found, str):
            self._send_text(HTTPStatus.MOVED_PERMANENTLY, "Moved permanently\n",
                            {"Location": found})
            return
        opened = None if found is None else _open(found, self._feed_server.tags)
        if found is None or opened is None:
            self._send_text(HTTPStatus.NOT_FOUND, "Not found\n")
            return
        with opened.file:
            status = opened.status
            validators = {
                "ETag": opened.etag,
                "Last-Modified": formatdate(status.st_mtime, usegmt=True),
                "Cache-Control": "no-cache",
            }
            if self._not_modified(opened.etag, status.st_mtime):
                self._send(HTTPStatus.NOT_MODIFIED, validators, b"")
                return
            headers = {"Content-Type": _content_type(found), **validators,
                       "X-Content-Type-Options": "nosniff"}
            if status.st_size <= _SMALL or self.command == "HEAD":
                body = opened.file.read(_SMALL + 1) if self.command != "HEAD" else b""
                if len(body) <= _SMALL:
                    self._send(HTTPStatus.OK, headers, body, length=status.st_size
                               if self.command == "HEAD" else None)
                    return
                opened.file.seek(0)
            self._send(HTTPStatus.OK, headers, b"", length=status.st_size)
            self.connection.sendfile(opened.file, 0, status.st_size)

    def _not_modified(self, etag: str, mtime: float) -> bool:
        """RFC 9110 §13.2.2, steps 3 and 4, for ``GET`` and ``HEAD``."""
        none_match = self.headers.get_all("If-None-Match")
        if none_match is not None:
            return _none_match(", ".join(none_match), etag)
        since = self.headers.get_all("If-Modified-Since")
        return since is not None and _not_modified_since(since, mtime)

    # -- responses --------------------------------------------------------------------

    def _send(self, code: HTTPStatus, headers: Mapping[str, str], body: bytes, *,
              length: int | None = None) -> None:
        """The status line, ``headers`` and ``body`` in one write (no delayed-ACK stall
        between header and body); ``length`` announces a body sent afterwards (or not at
        all, for ``HEAD``)."""
        self.send_response(code)
        for name, value in headers.items():
            self.send_header(name, value)
        if code != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Length", str(len(body) if length is None else length))
        if self.close_connection:
            self.send_header("Connection", "close")
        buffer: list[bytes] = self._headers_buffer  # type: ignore[attr-defined]
        buffer.append(b"\r\n")
        if body and self.command != "HEAD":
            buffer.append(body)
        self.flush_headers()

    def _send_text(self, code: HTTPStatus, text: str,
                   headers: Mapping[str, str] | None = None) -> None:
        self._send(code, {"Content-Type": "text/plain; charset=utf-8", **(headers or {})},
                   text.encode("utf-8"))

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        """Errors the base class detects (a malformed request, a too long line): a short
        ``text/plain`` body too, and the connection closed."""
        status = HTTPStatus(code)
        self.close_connection = True
        if not self.command:  # the request line is bad: answer with a status line anyway
            self.request_version = "HTTP/1.1"
        self._send_text(status, f"{message or status.phrase}\n")

    # -- logging ----------------------------------------------------------------------

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if isinstance(code, HTTPStatus):
            code = code.value
        self.log_message('"%s" %s', self.requestline, code)

    def log_error(self, format: str, *args: Any) -> None:
        """Timeouts and clients that go away are routine: not logged."""

    def log_message(self, format: str, *args: object) -> None:
        if self._feed_server.quiet:
            return
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"{self.address_string()} {_printable(format % args)}\n")


def make_server(
    directory: str | os.PathLike[str],
    /,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    quiet: bool = False,
) -> http.server.ThreadingHTTPServer:
    """A server for the files in ``directory``, bound to ``host:port`` but not yet serving:
    call ``serve_forever()`` (in a thread, for tests), then ``shutdown()`` and
    ``server_close()``.  ``port=0`` binds a free port (``server.server_address[1]``);
    ``quiet=True`` silences the log lines on ``stderr``.

    Raises :class:`NotADirectoryError` (or :class:`FileNotFoundError`) when ``directory``
    is not a directory, and :class:`OSError` when the address cannot be bound.
    """
    root = Path(directory).resolve(strict=True)
    if not root.is_dir():
        raise NotADirectoryError(f"not a directory: {root}")
    server_class = _FeedServer6 if ":" in host else _FeedServer
    return server_class((host, port), root, quiet=quiet)


def serve(
    directory: str | os.PathLike[str],
    /,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    quiet: bool = False,
) -> None:
    """Serve ``directory`` until interrupted (Ctrl-C, ``SIGINT``), then close the socket and
    return.  Says where on ``stderr`` unless ``quiet``."""
    server = make_server(directory, host=host, port=port, quiet=quiet)
    try:
        if not quiet:
            address, bound = server.server_address[:2]
            shown = f"[{address!s}]" if server.address_family == socket.AF_INET6 else address
            sys.stderr.write(f"Serving {Path(directory).resolve()} at http://{shown!s}:{bound}/"
                             " (Ctrl-C to stop)\n")
            warning = exposure_warning(host, directory)
            if warning:
                sys.stderr.write(warning + "\n")
            sys.stderr.flush()
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
