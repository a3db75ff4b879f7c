"""``thidua-calendar serve``: serve a feed site folder over HTTP."""

from __future__ import annotations

import argparse
import os
import sys

from thidua_calendar.cli.options import port
from thidua_calendar.cli.usage import say
from thidua_calendar.errors import UsageError
from thidua_calendar.styles import LANGS

__all__ = ["SUMMARY", "add_options", "run"]


SUMMARY = 'serve a feed site folder over HTTP'


def add_options(serve: argparse.ArgumentParser) -> None:
    serve.description = (
        say("Serve a feed site folder over HTTP for local or LAN subscription (ETag, "
        "Last-Modified, 304). Loopback only unless --host says otherwise.")
    )
    serve.add_argument("directory", metavar="DIR", help=say("the site folder"))
    serve.add_argument("--host", default="127.0.0.1", help=say("address (default: 127.0.0.1)"))
    serve.add_argument("--port", type=port, default=8000, help=say("port (default: 8000)"))
    serve.add_argument("--lang", choices=LANGS, default="vi",
                       help=say("language of messages (default: vi)"))
    serve.set_defaults(run=run, writes_itself=True)


def run(args: argparse.Namespace) -> str:
    from thidua_calendar.feeds.serve import exposure_warning, make_server

    if not os.path.isdir(args.directory):
        raise UsageError(f"{args.directory} is not a folder; build one with "
                         "'thidua-calendar site -o DIR'",
                         vi=f"{args.directory} không phải là thư mục; hãy tạo bằng "
                            "'thidua-calendar site -o THƯ_MỤC'")
    try:
        server = make_server(args.directory, host=args.host, port=args.port)
    except OSError as error:
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {error.strerror}",
                         vi=f"không nghe được trên {args.host}:{args.port}: {error.strerror}"
                         ) from None
    port = server.server_address[1]
    print(say(f"Serving {args.directory} on http://{args.host}:{port}/ (Ctrl+C to stop)",
              vi=f"Đang phục vụ {args.directory} tại http://{args.host}:{port}/ (Ctrl+C để "
                 "dừng)"), file=sys.stderr)
    warning = exposure_warning(args.host, args.directory, lang=say("en", vi="vi"))
    if warning:
        print(f"thidua-calendar: {warning}", file=sys.stderr)
    sys.stderr.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return ""
