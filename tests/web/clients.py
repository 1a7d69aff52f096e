"""Real clients for the tests: an h11 HTTP client and a raw WebSocket client.

The raw client writes frames byte by byte (so a test can send what no well-behaved
library would: bad UTF-8, unmasked frames, reserved opcodes) and parses the
server's frames with wsproto in client mode.
"""

from __future__ import annotations

import base64
import os
import struct
from dataclasses import dataclass

import h11
import trio
from wsproto.connection import Connection, ConnectionType
from wsproto.events import BytesMessage, CloseConnection, Event, Ping, Pong, TextMessage
from wsproto.extensions import PerMessageDeflate


@dataclass
class HttpResponse:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key == name.lower():
                return value
        return None

    def header_all(self, name: str) -> list[str]:
        return [v for k, v in self.headers if k == name.lower()]

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


async def http_request(
    port: int,
    method: str,
    target: str,
    *,
    headers: dict[str, str] | None = None,
    body: bytes = b"",
) -> HttpResponse:
    """One HTTP/1.1 request on a fresh connection, parsed with h11."""
    stream = await trio.open_tcp_stream("127.0.0.1", port)
    async with stream:
        conn = h11.Connection(h11.CLIENT)
        all_headers = [("host", f"127.0.0.1:{port}"), ("connection", "close")]
        all_headers += list((headers or {}).items())
        if body or method in ("POST", "PUT"):
            all_headers.append(("content-length", str(len(body))))
        data = conn.send(h11.Request(method=method, target=target, headers=all_headers))
        if body:
            data += conn.send(h11.Data(data=body))
        data += conn.send(h11.EndOfMessage())
        await stream.send_all(data)
        status = 0
        response_headers: list[tuple[str, str]] = []
        chunks: list[bytes] = []
        with trio.fail_after(10):
            while True:
                event = conn.next_event()
                if event is h11.NEED_DATA:
                    conn.receive_data(await stream.receive_some())
                elif isinstance(event, h11.Response):
                    status = event.status_code
                    response_headers = [(k.decode(), v.decode()) for k, v in event.headers]
                elif isinstance(event, h11.Data):
                    chunks.append(bytes(event.data))
                elif isinstance(event, (h11.EndOfMessage, h11.ConnectionClosed)):
                    break
        return HttpResponse(status, response_headers, b"".join(chunks))


async def raw_http(port: int, request: bytes) -> bytes:
    """Send ``request`` verbatim and return everything the server answers."""
    stream = await trio.open_tcp_stream("127.0.0.1", port)
    async with stream:
        await stream.send_all(request)
        received = b""
        with trio.fail_after(10):
            while True:
                data = await stream.receive_some()
                if not data:
                    return received
                received += data


def client_frame(
    opcode: int, payload: bytes, *, fin: bool = True, masked: bool = True, rsv: int = 0
) -> bytes:
    """A client→server frame, built by hand."""
    first = (0x80 if fin else 0) | (rsv << 4) | opcode
    length = len(payload)
    mask_bit = 0x80 if masked else 0
    if length < 126:
        header = bytes((first, mask_bit | length))
    elif length < 65536:
        header = struct.pack("!BBH", first, mask_bit | 126, length)
    else:
        header = struct.pack("!BBQ", first, mask_bit | 127, length)
    if not masked:
        return header + payload
    mask = os.urandom(4)
    return header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


class RawWebSocket:
    """A WebSocket client over a plain TCP stream, for malformed-frame tests."""

    def __init__(self, stream: trio.SocketStream) -> None:
        self.stream = stream
        self.parser = Connection(ConnectionType.CLIENT)
        self._pending: list[Event] = []

    @classmethod
    async def connect(
        cls, port: int, path: str = "/ws", *, extensions: str | None = None
    ) -> RawWebSocket:
        """Upgrade a fresh connection; ``extensions`` is a ``Sec-WebSocket-Extensions``
        offer (permessage-deflate: the parser inflates if the server agrees)."""
        stream = await trio.open_tcp_stream("127.0.0.1", port)
        key = base64.b64encode(os.urandom(16))
        offer = f"Sec-WebSocket-Extensions: {extensions}\r\n".encode() if extensions else b""
        await stream.send_all(
            b"GET " + path.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            b"Connection: Upgrade\r\nSec-WebSocket-Key: " + key + b"\r\n"
            b"Sec-WebSocket-Version: 13\r\n" + offer + b"\r\n"
        )
        head = b""
        with trio.fail_after(10):
            while b"\r\n\r\n" not in head:
                data = await stream.receive_some()
                assert data, "server closed during the handshake"
                head += data
        status_line, _, _ = head.partition(b"\r\n")
        assert b" 101 " in status_line, head
        ws = cls(stream)
        for line in head.split(b"\r\n\r\n")[0].split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"sec-websocket-extensions":
                deflate = PerMessageDeflate()
                deflate.finalize(value.decode().partition(";")[2])
                ws.parser = Connection(ConnectionType.CLIENT, [deflate])
        rest = head.split(b"\r\n\r\n", 1)[1]
        if rest:
            ws.parser.receive_data(rest)
        return ws

    async def send(self, data: bytes) -> None:
        await self.stream.send_all(data)

    async def next_event(self, timeout: float = 10) -> Event:
        """The next complete event from the server (messages are whole-frame here)."""
        with trio.fail_after(timeout):
            while True:
                for event in self.parser.events():
                    self._pending.append(event)
                if self._pending:
                    return self._pending.pop(0)
                data = await self.stream.receive_some()
                self.parser.receive_data(data if data else None)

    async def close_code(self, timeout: float = 10) -> int:
        """Read until the server's close frame (skipping messages); its code."""
        while True:
            event = await self.next_event(timeout)
            if isinstance(event, CloseConnection):
                return event.code
            assert isinstance(event, (TextMessage, BytesMessage, Ping, Pong)), event

    async def aclose(self) -> None:
        await self.stream.aclose()
