"""``thidua-calendar web``: the web app and JSON API, served by uvicorn."""

from __future__ import annotations

import argparse
import ipaddress
import os
import re
import socket
import sys

from thidua_calendar.cli.options import PROG, port
from thidua_calendar.errors import UsageError

__all__ = ["SUMMARY", "add_options", "app", "run"]

SUMMARY = "a web app for officers and a JSON API"

#: How ``run`` hands --max-upload to the app factory in every worker process.
_MAX_UPLOAD = "THIDUA_CALENDAR_MAX_UPLOAD"
_MISSING = "the web app needs its extra packages: pip install 'thidua-calendar[web]'"
_MISSING_VI = "trang web cần thêm các gói của nó: pip install 'thidua-calendar[web]'"


def size(text: str) -> int:
    """``10MB``, ``512KB``, ``1048576``: a size in bytes (units of 1024)."""
    match = re.fullmatch(r"\s*(\d+)\s*([kmg]?)i?b?\s*", text.lower())
    if match is None or int(match[1]) == 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 10MB or 512KB")
    power: int = " kmg".index(match[2] or " ")
    return int(match[1]) * (1 << (10 * power))


def add_options(web: argparse.ArgumentParser) -> None:
    web.description = (
        "Serve the web app (the year's list, a plan form, the checker of drafts) and its "
        "JSON API (docs/api.md). Loopback only unless --host says otherwise; see "
        "docs/web.md to run it for a province behind nginx."
    )
    web.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    web.add_argument("--port", type=port, default=8080, help="port (default: 8080)")
    web.add_argument("--max-upload", type=size, default=size("10MB"), metavar="SIZE",
                     help="largest request body, e.g. 10MB (default: 10MB)")
    web.add_argument("--workers", type=int, default=1, metavar="N",
                     help="worker processes (default: 1)")
    web.add_argument("--lang", choices=("vi", "en"), default="vi",
                     help="the language of this command's messages (default: vi); the pages "
                     "have their own switch")
    web.set_defaults(run=run, writes_itself=True)


def app() -> object:
    """The app factory uvicorn calls in each worker: the clock and the limit come from here."""
    from thidua_calendar.cli.clock import now, plan_year, this_year
    from thidua_calendar.web.app import DEFAULT_MAX_UPLOAD, create_app

    limit = int(os.environ.get(_MAX_UPLOAD, DEFAULT_MAX_UPLOAD))
    return create_app(this_year=this_year, plan_year=plan_year, now=now, max_upload=limit)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_address(host: str, port: int) -> None:
    """One sentence, not uvicorn's log and exit, when the address cannot be listened on."""
    try:
        family, kind, _, _, address = socket.getaddrinfo(host, port,
                                                         type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageError(f"cannot listen on {host}:{port}: {reason}",
                         vi=f"không mở được cổng {host}:{port}: {reason}") from None


def run(args: argparse.Namespace) -> str:
    try:
        import uvicorn

        import thidua_calendar.web.app  # noqa: F401  (starlette, python-multipart, jinja2)
    except ImportError:
        raise UsageError(_MISSING, vi=_MISSING_VI) from None
    if args.workers < 1:
        raise UsageError("--workers is a number of processes, 1 or more",
                         vi="--workers là số tiến trình, từ 1 trở lên")
    if not _loopback(args.host):
        print(f"{PROG}: cảnh báo: đang mở trên {args.host}, ra ngoài máy này: ai kết nối "
              "được đều dùng được trang; hãy đặt nó sau nginx (docs/web.md)"
              if args.lang == "vi" else
              f"{PROG}: warning: listening on {args.host}, beyond this machine: anyone who "
              "can reach it may use the app; put it behind nginx (docs/web.md)",
              file=sys.stderr)
    _check_address(args.host, args.port)
    os.environ[_MAX_UPLOAD] = str(args.max_upload)
    print(f"Trang web chạy ở http://{args.host}:{args.port}/ (Ctrl+C để dừng)"
          if args.lang == "vi" else
          f"Serving the web app on http://{args.host}:{args.port}/ (Ctrl+C to stop)",
          file=sys.stderr)
    uvicorn.run("thidua_calendar.cli.web:app", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level="warning", server_header=False,
                proxy_headers=True, forwarded_allow_ips="127.0.0.1")
    return ""
