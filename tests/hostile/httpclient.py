"""Raw-socket HTTP/1.1 clients and /proc readings for the hostile-client tests.

Every wait is bounded by a socket timeout; nothing sleeps to wait for the server.
"""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager

from quest_rt.web import ServerThread, WebApp, start_in_thread

__all__ = ["exchange", "fd_count", "read_response", "rss_kb", "running", "served"]


#: Bytes read past a response, by socket fd, for the next read_response.
_PENDING: dict[int, bytes] = {}


@contextmanager
def running(app: WebApp) -> Iterator[ServerThread]:
    """``app`` served on a free loopback port in a background thread."""
    app.settings.access_log = False
    server = start_in_thread(app)
    try:
        yield server
    finally:
        server.stop()


def connect(server: ServerThread, timeout: float = 10.0) -> socket.socket:
    sock = socket.create_connection((server.host, server.port), timeout=timeout)
    sock.settimeout(timeout)
    _PENDING.pop(sock.fileno(), None)  # left by an earlier socket with this fd
    return sock


def read_response(sock: socket.socket) -> tuple[int, bytes]:
    """(status, body) of one response with a Content-Length; (0, b"") on EOF first.

    Bytes past the response (a pipelined next response) are kept for the next call.
    """
    data = _PENDING.pop(sock.fileno(), b"")
    while b"\r\n\r\n" not in data:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            chunk = b""
        if not chunk:
            return 0, b""
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    match = re.search(rb"(?i)\r\ncontent-length: *(\d+)", head)
    length = int(match.group(1)) if match else 0
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    if len(rest) > length:
        _PENDING[sock.fileno()] = rest[length:]
    return status, rest[:length]


def closed_by_server(sock: socket.socket) -> bool:
    """True when the server has closed (EOF or reset) — waits up to the socket timeout."""
    if _PENDING.pop(sock.fileno(), b""):
        return False
    try:
        while True:
            if not sock.recv(65536):
                return True
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


def exchange(server: ServerThread, raw: bytes) -> tuple[int, bytes, bool]:
    """Send ``raw`` on a fresh connection: (status, body, closed afterwards)."""
    with connect(server) as sock:
        sock.sendall(raw)
        status, body = read_response(sock)
        return status, body, closed_by_server(sock)


def served(server: ServerThread) -> bool:
    """A well-behaved client gets its 200."""
    status, body, _ = exchange(
        server, b"GET /ok HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    return status == 200 and body == b"ok"


def fd_count() -> int:
    return len(os.listdir("/proc/self/fd"))


def rss_kb() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")
