"""The web app's tests run the real server: ``thidua-calendar web`` in its own process,
listening on a free loopback port, spoken to over HTTP."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent.parent
#: The server's upload limit in these tests: small, so that going over it costs little.
LIMIT = 256 * 1024


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    port: int
    folder: Path
    process: subprocess.Popen[bytes]

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return (response.status, {k.lower(): v for k, v in response.getheaders()},
                    response.read())
        finally:
            connection.close()

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        return self.request("GET", path)

    def json(self, method: str, path: str, body: bytes | None = None) -> tuple[int, object]:
        status, _, data = self.request(method, path, body)
        return status, json.loads(data)

    def upload(self, path: str, name: str, data: bytes,
               fields: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        body, content_type = multipart({"file": (name, data)}, fields or {})
        return self.request("POST", path, body, {"Content-Type": content_type})


def multipart(files: dict[str, tuple[str, bytes]],
              fields: dict[str, str]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for key, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'
                     f"{value}\r\n".encode())
    for key, (name, data) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"; '
                     f'filename="{name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                     .encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def start_server(folder: Path, *arguments: str) -> Server:
    """``thidua-calendar web`` on a free port, run in ``folder`` with its temporary files
    there too, so that a test can see that it leaves nothing behind."""
    (folder / "tmp").mkdir(parents=True, exist_ok=True)
    environment = dict(os.environ, TMPDIR=str(folder / "tmp"),
                       PYTHONPATH=os.pathsep.join([str(ROOT / "src"),
                                                   os.environ.get("PYTHONPATH", "")]))
    for attempt in range(3):
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "thidua_calendar", "web", "--port", str(port), *arguments],
            cwd=folder, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        server = Server(port=port, folder=folder, process=process)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if server.get("/api/openapi.json")[0] == 200:
                    return server
            except OSError:
                time.sleep(0.1)
        stop(server)
        if attempt == 2:
            raise AssertionError(f"the server did not start: {process.stderr.read()!r}")
    raise AssertionError("unreachable")


def stop(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
    for stream in (server.process.stdout, server.process.stderr):
        if stream is not None:
            stream.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("web"), "--max-upload", str(LIMIT))
    try:
        yield running
    finally:
        stop(running)
