"""A raw, blocking WebSocket client for the hostile-client tests, and /proc readings.

The client writes frames byte by byte (so a test can send what no library would: a
deflate bomb, a fragment never finished, bad UTF-8) and parses the server's frames
with wsproto in client mode. Every read is bounded by the socket's timeout.
"""

from __future__ import annotations

import base64
import os
import re
import socket
import struct
import threading
import zlib

from wsproto.connection import Connection, ConnectionType
from wsproto.events import CloseConnection, Event, Ping
from wsproto.extensions import PerMessageDeflate

from quest_rt.web.ws.fastpath import unmask

__all__ = [
    "DEFLATE_OFFER",
    "RawClient",
    "bomb",
    "frame",
    "proc_status",
    "reset_peak",
]

DEFLATE_OFFER = "permessage-deflate; client_max_window_bits"


def frame(opcode: int, payload: bytes, *, fin: bool = True, rsv: int = 0) -> bytes:
    """One masked client frame."""
    first = (0x80 if fin else 0) | (rsv << 4) | opcode
    n = len(payload)
    if n < 126:
        header = bytes((first, 0x80 | n))
    elif n < 65536:
        header = struct.pack("!BBH", first, 0x80 | 126, n)
    else:
        header = struct.pack("!BBQ", first, 0x80 | 127, n)
    mask = os.urandom(4)
    return header + mask + unmask(payload, mask)


def bomb(inflated_size: int) -> bytes:
    """A compressed (RSV1) binary frame of ``inflated_size`` zeros: about 1/1000 of it."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    parts = [compressor.compress(chunk) for _ in range(inflated_size >> 20)]
    payload = b"".join(parts) + compressor.flush(zlib.Z_SYNC_FLUSH)
    return frame(0x2, payload[:-4], rsv=4)  # RFC 7692: without the 00 00 ff ff tail


class RawClient:
    """One WebSocket connection over a plain blocking socket."""

    def __init__(self, sock: socket.socket, parser: Connection, rest: bytes) -> None:
        self.sock = sock
        self.parser = parser
        self.answer_pings = False
        self.pings = 0
        self._events: list[Event] = []
        self._sending = threading.Lock()  # a pong from a reading thread, a send from another
        if rest:
            parser.receive_data(rest)

    @classmethod
    def connect(
        cls,
        port: int,
        path: str = "/ws",
        *,
        extensions: str | None = None,
        timeout: float = 10.0,
        receive_buffer: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> RawClient:
        """Upgrade a fresh connection (``receive_buffer``: SO_RCVBUF, set before
        connecting, for a client that means to read slowly; ``headers``: extra
        request headers such as ``Cookie`` or ``Origin``)."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if receive_buffer is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
        sock.settimeout(timeout)
        sock.connect(("127.0.0.1", port))
        key = base64.b64encode(os.urandom(16))
        offer = f"Sec-WebSocket-Extensions: {extensions}\r\n".encode() if extensions else b""
        offer += "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items()).encode()
        sock.sendall(
            b"GET " + path.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key + b"\r\n"
            b"Sec-WebSocket-Version: 13\r\n" + offer + b"\r\n"
        )
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError(f"closed during the handshake: {data!r}")
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 101 "):
            raise ConnectionError(f"upgrade refused: {head!r}")
        parser = Connection(ConnectionType.CLIENT)
        agreed = re.search(rb"(?im)^sec-websocket-extensions:(.*)$", head)
        if agreed:
            deflate = PerMessageDeflate()
            deflate.finalize(agreed.group(1).decode().partition(";")[2])
            parser = Connection(ConnectionType.CLIENT, [deflate])
        return cls(sock, parser, rest)

    def send(self, data: bytes) -> None:
        with self._sending:
            self.sock.sendall(data)

    def next_event(self) -> Event | None:
        """The next event from the server; None once TCP is closed."""
        while not self._events:
            for event in self.parser.events():
                if isinstance(event, Ping):
                    self.pings += 1
                    if self.answer_pings:
                        self.send(frame(0xA, event.payload))
                self._events.append(event)
            if self._events:
                break
            try:
                data = self.sock.recv(65536)
            except ConnectionResetError:
                data = b""
            if not data:
                return None
            self.parser.receive_data(data)
        return self._events.pop(0)

    def close_frame(self) -> CloseConnection | None:
        """Read (skipping messages, pings, pongs) until the server's close frame, and
        answer it as a client does (None: TCP closed without one)."""
        while True:
            event = self.next_event()
            if event is None:
                return None
            if isinstance(event, CloseConnection):
                try:
                    self.send(self.parser.send(event.response()))
                except OSError:
                    pass  # the server already dropped TCP: nothing to answer
                return event

    def close(self) -> None:
        self.sock.close()


def proc_status(pid: int | str = "self") -> dict[str, int]:
    """VmRSS and VmHWM (kB) of a process, and its open descriptors."""
    with open(f"/proc/{pid}/status") as f:
        text = f.read()
    values = {
        key: int(re.search(rf"{key}:\s+(\d+)", text).group(1))  # type: ignore[union-attr]
        for key in ("VmRSS", "VmHWM")
    }
    values["fds"] = len(os.listdir(f"/proc/{pid}/fd"))
    return values


def reset_peak(pid: int | str = "self") -> None:
    """Reset VmHWM to the current RSS (proc(5): writing 5 to clear_refs)."""
    with open(f"/proc/{pid}/clear_refs", "w") as f:
        f.write("5")
