"""The web app under 20 concurrent clients, on loopback, against the real server.

Goals (issue 15), on this 2-core machine: the 95th percentile of ``GET /api/anniversaries``
under 100 ms, and of a plan preview (``POST /api/plan?format=text``, the request the plan form
sends as one types) under 300 ms.  The baseline, in the same run and under the same load, is
the cheapest answer the server gives (``GET /api/openapi.json``, bytes made once): what is
left over it is the library's own work.

The server is ``thidua-calendar web --workers 2`` on a free 127.0.0.1 port; each client keeps
one connection and sends a bounded number of requests, so the run stops by itself.  Each
round measures the three requests in turn; a goal is judged on the median round's p95, so
that one round disturbed by another process on the machine does not decide it (every
round's figures are printed).

    python benchmarks/bench_web.py [--clients 20] [--requests 40] [--workers 2] [--rounds 3]
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = (ROOT / "examples" / "seeds" / "001.yaml").read_bytes()
GOALS = {"anniversaries": 0.100, "plan preview": 0.300}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(workers: int) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    process = subprocess.Popen(
        [sys.executable, "-m", "thidua_calendar", "web", "--port", str(port),
         "--workers", str(workers)], env=environment, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/api/anniversaries?year=2026")
            if connection.getresponse().status == 200:
                connection.close()
                return process, port
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("the server did not start")


def load(port: int, method: str, path: str, body: bytes | None, *, clients: int,
         requests: int) -> list[float]:
    """Each of ``clients`` threads sends ``requests`` requests on its own connection; the
    latency of every request."""
    times: list[float] = []
    lock = threading.Lock()
    start_line = threading.Barrier(clients)

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        start_line.wait()
        for _ in range(requests):
            began = time.perf_counter()
            connection.request(method, path, body=body)
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - began)
            if response.status != 200:
                raise SystemExit(f"{path} answered {response.status}")
        connection.close()
        with lock:
            times.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=40, help="per client (default: 40)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    process, port = start(args.workers)
    cases = {
        "baseline (openapi.json)": ("GET", "/api/openapi.json", None),
        "anniversaries": ("GET", "/api/anniversaries?year=2026", None),
        "plan preview": ("POST", "/api/plan?format=text", PLAN),
    }
    failed = False
    try:
        for method, path, body in cases.values():  # warm both workers
            load(port, method, path, body, clients=4, requests=5)
        print(f"{args.clients} clients x {args.requests} requests, {args.workers} workers, "
              f"{os.cpu_count()} cores, {args.rounds} rounds")
        print(f"{'request':<26}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'× base p95':>12}")
        highs: dict[str, list[float]] = {name: [] for name in cases}
        for round_ in range(1, args.rounds + 1):
            print(f"round {round_}")
            base = None
            for name, (method, path, body) in cases.items():
                times = load(port, method, path, body, clients=args.clients,
                             requests=args.requests)
                high = p95(times)
                base = base or high
                highs[name].append(high)
                print(f"  {name:<24}{statistics.median(times) * 1000:>9.1f}"
                      f"{high * 1000:>9.1f}{max(times) * 1000:>9.1f}{high / base:>12.1f}")
        print("median round's p95:")
        for name, goal in GOALS.items():
            high = statistics.median(highs[name])
            ok = high < goal
            failed |= not ok
            print(f"  {name:<24}{high * 1000:>9.1f} ms   goal < {goal * 1000:.0f} ms   "
                  f"{'PASS' if ok else 'FAIL'}")
    finally:
        process.terminate()
        process.wait(timeout=20)
    print("FAIL" if failed else "PASS")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
