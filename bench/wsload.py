"""The load client: raw non-blocking sockets, one epoll loop, hand-rolled frames.

It runs in its own process (never in the server's), and is built to cost far less
per message than any server under test, so that the server is what we measure:

- no framework, no wsproto: a client frame is a 2-byte header, a 4-byte **zero**
  mask (legal — RFC 6455 only requires the mask bit and a key; a zero key makes
  masking the identity, so no XOR pass) and the payload;
- server frames are parsed just enough to find message boundaries;
- one ``epoll`` over every socket, one ``recv`` per readiness.

Each benchmark also reports the client's own CPU use; if it approaches 100% of
wall time the client, not the server, is the limit and the figure says so.
"""

from __future__ import annotations

import base64
import os
import resource
import select
import socket
import struct
import subprocess
import sys
import time
from collections.abc import Iterable

_H16 = struct.Struct("!BBH")
_H64 = struct.Struct("!BBQ")
ZERO_MASK = b"\x00\x00\x00\x00"


def raise_fd_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def text_frame(payload: bytes) -> bytes:
    """A masked (zero key) final text frame."""
    n = len(payload)
    if n < 126:
        return bytes((0x81, 0x80 | n)) + ZERO_MASK + payload
    if n < 65536:
        return _H16.pack(0x81, 0x80 | 126, n) + ZERO_MASK + payload
    return _H64.pack(0x81, 0x80 | 127, n) + ZERO_MASK + payload


def split_frames(buf: bytearray) -> list[bytes]:
    """Remove and return the payloads of the complete server frames at ``buf``'s start."""
    out = []
    pos = 0
    size = len(buf)
    while size - pos >= 2:
        length = buf[pos + 1] & 0x7F
        start = pos + 2
        if length == 126:
            if size - pos < 4:
                break
            length = int.from_bytes(buf[pos + 2 : pos + 4], "big")
            start = pos + 4
        elif length == 127:
            if size - pos < 10:
                break
            length = int.from_bytes(buf[pos + 2 : pos + 10], "big")
            start = pos + 10
        end = start + length
        if end > size:
            break
        out.append(bytes(buf[start:end]))
        pos = end
    if pos:
        del buf[:pos]
    return out


def connect_many(port: int, count: int, path: str = "/ws", batch: int = 250) -> list[socket.socket]:
    """Open ``count`` WebSocket connections (handshakes pipelined ``batch`` at a time)."""
    socks: list[socket.socket] = []
    request = (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
        "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
    ).encode()
    while len(socks) < count:
        group = []
        for _ in range(min(batch, count - len(socks))):
            s = socket.create_connection(("127.0.0.1", port))
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            s.sendall(request + base64.b64encode(os.urandom(16)) + b"\r\n\r\n")
            group.append(s)
        for s in group:
            head = b""
            while b"\r\n\r\n" not in head:
                data = s.recv(4096)
                if not data:
                    raise ConnectionError("server closed during the handshake")
                head += data
            if b" 101 " not in head.split(b"\r\n", 1)[0]:
                raise ConnectionError(head.split(b"\r\n", 1)[0].decode())
            if not head.endswith(b"\r\n\r\n"):
                raise ConnectionError("unexpected bytes after the 101 response")
            s.setblocking(False)
        socks.extend(group)
    return socks


def close_all(socks: Iterable[socket.socket]) -> None:
    for s in socks:
        s.close()


def cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system


def echo_round_trips(
    socks: list[socket.socket], payload: bytes, warmup: float, duration: float
) -> tuple[int, list[float], float]:
    """Closed loop: each connection keeps one message in flight.

    Returns (round trips completed in the measured window, their latencies in
    seconds, client CPU seconds spent in the window).
    """
    frame = text_frame(payload)
    ep = select.epoll()
    by_fd = {s.fileno(): s for s in socks}
    bufs = {fd: bytearray() for fd in by_fd}
    sent_at = {}
    for fd in by_fd:
        ep.register(fd, select.EPOLLIN)
    now = time.perf_counter
    for fd, s in by_fd.items():
        sent_at[fd] = now()
        s.send(frame)
    start_measure = now() + warmup
    end = start_measure + duration
    latencies: list[float] = []
    count = 0
    cpu_start = None
    while True:
        t = now()
        if t >= end:
            break
        if cpu_start is None and t >= start_measure:
            cpu_start = cpu_seconds()
        for fd, _ in ep.poll(0.5):
            s = by_fd[fd]
            data = s.recv(262144)
            if not data:
                raise ConnectionError("server closed a connection")
            buf = bufs[fd]
            buf += data
            for _message in split_frames(buf):
                t = now()
                if t >= start_measure:
                    latencies.append(t - sent_at[fd])
                    count += 1
                sent_at[fd] = t
                s.send(frame)
    cpu = cpu_seconds() - (cpu_start if cpu_start is not None else cpu_seconds())
    ep.close()
    # Drain what is still in flight so the connections can be closed cleanly.
    return count, latencies, cpu


def wait_for_message(socks: list[socket.socket], expected: bytes, timeout: float = 120.0) -> float:
    """Block until every socket received a message equal to ``expected``; the
    perf_counter time at which the last one arrived."""
    ep = select.epoll()
    by_fd = {s.fileno(): s for s in socks}
    bufs = {fd: bytearray() for fd in by_fd}
    for fd in by_fd:
        ep.register(fd, select.EPOLLIN)
    waiting = set(by_fd)
    last = 0.0
    deadline = time.perf_counter() + timeout
    while waiting:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{len(waiting)} connections never got the broadcast")
        for fd, _ in ep.poll(0.5):
            data = by_fd[fd].recv(262144)
            if not data:
                raise ConnectionError("server closed a connection")
            buf = bufs[fd]
            buf += data
            for message in split_frames(buf):
                if message == expected and fd in waiting:
                    waiting.discard(fd)
                    last = time.perf_counter()
    ep.close()
    return last


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, int(q * len(sorted_values)))
    return sorted_values[index]


# ── server processes ─────────────────────────────────────────────────────────


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProcess:
    """A server under test in its own process (``bench/servers.py`` or a command)."""

    def __init__(self, name: str, server_cmd: str | None = None) -> None:
        self.name = name
        self.port = free_port()
        here = os.path.dirname(os.path.abspath(__file__))
        if server_cmd:
            argv = server_cmd.format(port=self.port).split()
        else:
            argv = [
                sys.executable,
                os.path.join(here, "servers.py"),
                name,
                "--port",
                str(self.port),
            ]
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
        self._wait_ready(server_cmd is not None)

    def _wait_ready(self, external: bool) -> None:
        if not external:
            line = self.proc.stdout.readline()
            if not line.startswith("READY"):
                raise RuntimeError(f"{self.name} did not start: {line!r}")
            return
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"{self.name} did not start listening on {self.port}")

    def cpu_seconds(self) -> float:
        """User + system CPU of the server process so far."""
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks

    def rss_bytes(self) -> int:
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        raise RuntimeError("no VmRSS")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def server_list(names: str) -> list[str]:
    return [n.strip() for n in names.split(",") if n.strip()]


SERVER_CMD_HELP = (
    "benchmark a command as an extra server ({port} is substituted); repeatable, "
    "'NAME=CMD' names it (default: custom, custom2, ...), e.g. a before/after pair"
)


def custom_servers(values: list[str] | None) -> dict[str, str]:
    """``--server-cmd`` values → {name: command}, in the order given."""
    servers: dict[str, str] = {}
    for i, value in enumerate(values or []):
        name, sep, cmd = value.partition("=")
        if not sep or " " in name:
            name, cmd = ("custom" if i == 0 else f"custom{i + 1}"), value
        servers[name] = cmd
    return servers
