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

import hashlib
import http.server
import os
import re
import socket
import stat
import sys
from collections.abc import Mapping
from datetime import UTC
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from pathlib import Path
from urllib.parse import quote, unquote

__all__ = ["CONTENT_TYPES", "make_server", "serve"]

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
    """``path`` with every symlink resolved, if that exists and lies inside ``root``."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError, ValueError):  # missing, a symlink loop, a bad name
        return None
    return real if real.is_relative_to(root) else None


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


def _read(path: Path) -> tuple[bytes, os.stat_result] | None:
    """The bytes and status of a regular file, or ``None`` if it cannot be read as one."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            return None
        return file.read(), status


def _etag(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


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


class _FeedServer(http.server.ThreadingHTTPServer):
    """A threading HTTP server that knows its folder and whether to log."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], root: Path, *, quiet: bool) -> None:
        self.root = root
        self.quiet = quiet
        super().__init__(address, _FeedHandler)


class _FeedServer6(_FeedServer):
    address_family = socket.AF_INET6


class _FeedHandler(http.server.BaseHTTPRequestHandler):
    """Answers ``GET`` and ``HEAD`` from the server's folder; see the module docstring."""

    protocol_version = "HTTP/1.1"
    server_version = "thidua-calendar"
    sys_version = ""
    #: Seconds an idle connection is kept.
    timeout = 30

    @property
    def _feed_server(self) -> _FeedServer:
        assert isinstance(self.server, _FeedServer)
        return self.server

    # -- requests ---------------------------------------------------------------------

    def parse_request(self) -> bool:
        if not super().parse_request():
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
        read = None if found is None else _read(found)
        if found is None or read is None:
            self._send_text(HTTPStatus.NOT_FOUND, "Not found\n")
            return
        data, status = read
        etag = _etag(data)
        validators = {
            "ETag": etag,
            "Last-Modified": formatdate(status.st_mtime, usegmt=True),
            "Cache-Control": "no-cache",
        }
        if self._not_modified(etag, status.st_mtime):
            self._send(HTTPStatus.NOT_MODIFIED, validators, b"")
            return
        headers = {"Content-Type": _content_type(found), **validators,
                   "X-Content-Type-Options": "nosniff"}
        self._send(HTTPStatus.OK, headers, data)

    def _not_modified(self, etag: str, mtime: float) -> bool:
        """RFC 9110 §13.2.2, steps 3 and 4, for ``GET`` and ``HEAD``."""
        none_match = self.headers.get_all("If-None-Match")
        if none_match is not None:
            return _none_match(", ".join(none_match), etag)
        since = self.headers.get_all("If-Modified-Since")
        return since is not None and _not_modified_since(since, mtime)

    # -- responses --------------------------------------------------------------------

    def _send(self, code: HTTPStatus, headers: Mapping[str, str], body: bytes) -> None:
        self.send_response(code)
        for name, value in headers.items():
            self.send_header(name, value)
        if code != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

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

    def log_message(self, format: str, *args: object) -> None:
        if self._feed_server.quiet:
            return
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
            sys.stderr.flush()
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
