"""Requests per second of ``thidua-calendar serve`` against ``python -m http.server``, on
loopback, with 1, 10 and 50 clients.

Each client holds one keep-alive connection and asks for the same feed (a real one, built
from examples/seeds/001.yaml) over and over, either plainly (``200``, the whole body) or
with the ``If-None-Match`` its first answer gave (``304``; ``http.server`` sends no ETag, so
it answers ``200`` there: the row says so).  Counts and time are bounded: each run stops at
``--requests`` per client or ``--seconds``, whichever comes first.  Both servers run in their
own process, so neither shares the benchmark's interpreter lock.

Goal (issue 16): with one client, keep-alive ``200`` at least 10× faster than before the fix
(23 requests/s, a delayed-ACK stall per response), and no slower than ``http.server`` at any
client count.

    python benchmarks/bench_serve.py [--requests 2000] [--seconds 5]
"""

from __future__ import annotations

import argparse
import http.client
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = (1, 10, 50)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(command: list[str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit(f"the server did not start: {command}")


def client(port: int, conditional: bool, requests: int, stop: float, counts: list[int],
           statuses: set[int]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers: dict[str, str] = {}
    done = 0
    try:
        while done < requests and time.monotonic() < stop:
            conn.request("GET", "/feed.ics", headers=headers)
            response = conn.getresponse()
            response.read()
            statuses.add(response.status)
            if conditional and not headers and response.getheader("ETag"):
                headers = {"If-None-Match": response.getheader("ETag") or ""}
            done += 1
    finally:
        conn.close()
        counts.append(done)


def rate(port: int, clients: int, conditional: bool, requests: int,
         seconds: float) -> tuple[float, set[int]]:
    counts: list[int] = []
    statuses: set[int] = set()
    started = time.monotonic()
    stop = started + seconds
    threads = [threading.Thread(target=client, args=(port, conditional, requests, stop,
                                                      counts, statuses))
               for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.monotonic() - started), statuses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="per client, at most")
    parser.add_argument("--seconds", type=float, default=5.0, help="per run, at most")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        feed = subprocess.run(
            [sys.executable, "-m", "thidua_calendar", "ics", str(ROOT / "examples" / "seeds"
                                                              / "001.yaml"),
             "--dtstamp", "2022-03-01T00:00:00Z"], capture_output=True, check=True).stdout
        (site / "feed.ics").write_bytes(feed)
        (site / "index.html").write_bytes(b"<p>bench</p>")
        ours, theirs = free_port(), free_port()
        servers = [
            start([sys.executable, "-m", "thidua_calendar", "serve", str(site), "--port",
                   str(ours)], ours),
            start([sys.executable, "-m", "http.server", "--bind", "127.0.0.1",
                   "--directory", str(site), "--protocol", "HTTP/1.1", str(theirs)], theirs),
        ]
        try:
            print(f"feed: {len(feed):,} bytes; at most {args.requests} requests per client "
                  f"or {args.seconds:g} s per run\n")
            print(f"{'clients':>7}  {'request':<22} {'serve req/s':>12} {'http.server':>12}"
                  f" {'ratio':>6}")
            failed = False
            for clients in CLIENTS:
                for conditional in (False, True):
                    mine, my_statuses = rate(ours, clients, conditional, args.requests,
                                             args.seconds)
                    base, base_statuses = rate(theirs, clients, conditional, args.requests,
                                               args.seconds)
                    label = ("If-None-Match (304)" if conditional else "keep-alive GET (200)")
                    note = "" if base_statuses == my_statuses else (
                        f"  (http.server: {'/'.join(map(str, sorted(base_statuses)))})")
                    print(f"{clients:>7}  {label:<22} {mine:>12,.0f} {base:>12,.0f} "
                          f"{mine / base:>5.1f}×{note}")
                    if clients == 1 and not conditional and mine < 230:
                        failed = True
            if failed:
                print("\nGOAL MISSED: one keep-alive client under 230 requests/s")
                return 1
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
