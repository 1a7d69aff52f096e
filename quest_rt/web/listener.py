"""Per-connection dispatch: take WebSocket upgrades directly, hand the rest to hypercorn.

With :attr:`TransportKind.DIRECT`, every accepted TCP connection starts here. We
read until the end of the request head (bounded in size and time) and look at it
with h11:

- an upgrade (``Upgrade: websocket``, ``Connection: upgrade``) is answered here,
  always: a valid RFC 6455 handshake (``GET``, HTTP/1.1, a key, version 13) to a
  registered path that :func:`~quest_rt.web.ws.upgrade.admit` accepts → ``101``
  and :class:`~quest_rt.web.ws.direct.DirectWebSocket`; another version → ``426``
  with ``Sec-WebSocket-Version: 13`` (RFC 6455 §4.4); a malformed handshake →
  ``400``; an unknown path → ``404``; a refused origin or a refusing ``authorize``
  → its status (403). Every answer is logged like an HTTP request;
- anything else — plain HTTP, a head we cannot parse → hypercorn's own
  ``TCPServer`` runs the connection, reading first the bytes we already consumed
  (:class:`ReplayStream`). HTTP is always hypercorn's.

With :attr:`TransportKind.HYPERCORN` every connection goes straight to hypercorn.

We drive hypercorn's Trio ``TCPServer`` per connection instead of calling
``hypercorn.trio.serve`` so that one listener serves both paths on one port. The
hypercorn version is pinned (0.18.0); ``TCPServer``'s constructor is the contract.
"""

from __future__ import annotations

import base64
import logging
import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import h11
import trio
from hypercorn.config import Config
from hypercorn.trio.worker_context import WorkerContext
from hypercorn.typing import ConnectionState
from hypercorn.utils import wrap_app

from . import portal
from .asgi import AsgiApp, upgrade_headers
from .http.strict import StrictTCPServer, head_violation
from .settings import TransportKind
from .ws.connection import WebSocketConnection
from .ws.direct import DirectWebSocket, handshake_response
from .ws.upgrade import (
    Refuse,
    UpgradeRequest,
    admit,
    log_upgrade,
    open_connection,
    parse_query,
)

if TYPE_CHECKING:
    from .app import WebApp

__all__ = ["ConnectionDispatcher", "ReplayStream"]

log = logging.getLogger("quest_rt.web")

#: An accepted upgrade: the transport and the endpoint's connect handler to run it with.
Accepted = tuple[DirectWebSocket, Callable[[WebSocketConnection], Any]]

_UPGRADE_REQUIRED = (
    b"HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\n"
    b"Content-Length: 0\r\nConnection: close\r\n\r\n"
)


class ReplayStream(trio.abc.Stream):
    """The socket stream hypercorn gets: its first ``receive_some`` returns bytes
    already read, and ``send_eof`` waits for a ``send_all`` in progress.

    The second point works around a race in hypercorn 0.18: when the client closes
    right after reading a response, the reader task's ``send_eof`` can run while the
    request task is still in ``send_all`` (the empty write that ends a
    Content-Length body), and Trio's conflict detector raises ``BusyResourceError``
    in the request task ("Error in ASGI Framework"). hypercorn serialises its writes
    with a lock but not ``send_eof``; this lock covers both.

    It has ``socket`` (hypercorn reads the peer address from it) and deliberately
    no ``do_handshake`` (hypercorn takes that absence to mean "not TLS").
    """

    def __init__(self, stream: trio.SocketStream, prefix: bytes) -> None:
        self._stream = stream
        self._prefix = prefix
        self._sending = trio.Lock()
        self.socket = stream.socket

    async def receive_some(self, max_bytes: int | None = None) -> bytes:
        if self._prefix:
            await trio.lowlevel.checkpoint()
            size = len(self._prefix) if max_bytes is None else max_bytes
            data, self._prefix = self._prefix[:size], self._prefix[size:]
            return data
        return await self._stream.receive_some(max_bytes)

    async def send_all(self, data: bytes | bytearray | memoryview) -> None:
        async with self._sending:
            await self._stream.send_all(data)

    async def wait_send_all_might_not_block(self) -> None:
        await self._stream.wait_send_all_might_not_block()

    async def send_eof(self) -> None:
        async with self._sending:
            await self._stream.send_eof()

    async def aclose(self) -> None:
        await self._stream.aclose()


def hypercorn_config(app: WebApp) -> Config:
    settings = app.settings
    config = Config()
    config.websocket_max_message_size = settings.ws_max_message_size
    config.keep_alive_timeout = settings.keep_alive_timeout
    config.graceful_timeout = settings.graceful_timeout
    config.h11_max_incomplete_size = settings.max_header_size
    config.include_server_header = False
    config.accesslog = None  # we log one line per request ourselves
    return config


class ConnectionDispatcher:
    """The handler ``trio.serve_listeners`` calls for every accepted connection."""

    def __init__(self, app: WebApp) -> None:
        self.app = app
        self.config = hypercorn_config(app)
        self.context = WorkerContext(None)
        self._asgi = wrap_app(AsgiApp(app), self.config.wsgi_max_body_size, "asgi")
        # Cancel scopes of connections still sending their request head.
        self._peeking: set[trio.CancelScope] = set()
        self._shutting_down = False

    async def handle(self, stream: trio.SocketStream) -> None:
        try:
            if self.app.settings.transport is TransportKind.DIRECT:
                accepted = await self._peek(stream)
                if accepted is not None:
                    # Served from here, not from inside _peek/_upgrade: their frames
                    # (the request head, h11's parser and request) are gone by now
                    # instead of staying for the connection's life.
                    transport, on_connect = accepted
                    await transport.run(on_connect)
            else:
                await self.to_hypercorn(stream, b"")
        except Exception:
            # A bug in per-connection code must cost that connection, not the
            # server: serve_listeners would otherwise propagate it to serve().
            log.exception("internal error on a connection; it was dropped")
            await stream.aclose()

    async def to_hypercorn(self, stream: trio.SocketStream, prefix: bytes) -> None:
        replay = ReplayStream(stream, prefix)
        server = StrictTCPServer(self._asgi, self.config, self.context, ConnectionState({}), replay)
        await server.run()

    async def begin_shutdown(self) -> None:
        """Stop taking new requests: idle keep-alives close, pending heads are dropped."""
        self._shutting_down = True
        await self.context.terminated.set()
        for scope in self._peeking:
            scope.cancel()

    async def _peek(self, stream: trio.SocketStream) -> Accepted | None:
        """Read the request head; hand plain HTTP to hypercorn and answer upgrades.
        Returns the WebSocket to run if an upgrade was accepted (101 sent)."""
        settings = self.app.settings
        fd = stream.socket.fileno()
        buf = bytearray()
        end = -1
        with trio.move_on_after(settings.header_timeout) as scope:
            self._peeking.add(scope)
            try:
                while end < 0 and len(buf) <= settings.max_header_size:
                    await trio.lowlevel.wait_readable(fd)
                    try:
                        data = os.read(fd, 65536)
                    except BlockingIOError:
                        continue
                    except OSError:
                        data = b""
                    if not data:
                        break
                    buf += data
                    end = buf.find(b"\r\n\r\n", max(0, len(buf) - len(data) - 3))
            finally:
                self._peeking.discard(scope)
        if not buf or scope.cancelled_caught or self._shutting_down:
            await stream.aclose()
            return None
        if end < 0 or b"websocket" not in buf[:end].lower():
            await self.to_hypercorn(stream, bytes(buf))
            return None
        return await self._upgrade(stream, bytes(buf), end + 4)

    async def _upgrade(
        self, stream: trio.SocketStream, buf: bytes, head_end: int
    ) -> Accepted | None:
        parser = h11.Connection(h11.SERVER)
        parser.receive_data(buf[:head_end])
        try:
            request = parser.next_event()
        except h11.RemoteProtocolError:
            request = None
        if not isinstance(request, h11.Request):
            await self.to_hypercorn(stream, buf)  # not HTTP we can read: hypercorn's 400
            return None
        headers = upgrade_headers(request.headers)
        connection_tokens = {t.strip().lower() for t in headers.get("connection", "").split(",")}
        if headers.get("upgrade", "").lower() != "websocket" or "upgrade" not in connection_tokens:
            await self.to_hypercorn(stream, buf)  # "websocket" appeared elsewhere: plain HTTP
            return None
        started = time.perf_counter()
        raw_path, _, raw_query = request.target.partition(b"?")
        upgrade = UpgradeRequest(
            path=unquote(raw_path.decode("latin-1")),
            query=parse_query(raw_query.decode("latin-1")),
            headers=headers,
            remote_ip=_peer_ip(stream),
        )
        # An upgrade is answered here, whatever it is: handing a malformed one to
        # hypercorn would let its WebSocket path (and its permessage-deflate) take it.
        if (
            request.method != b"GET"
            or request.http_version != b"1.1"
            or head_violation(buf[:head_end]) is not None
            or not _valid_key(headers.get("sec-websocket-key", ""))
        ):
            await self._refuse(stream, upgrade, Refuse(400, "Bad Request"), started)
            return None
        if headers.get("sec-websocket-version") != "13":
            log_upgrade(self.app, upgrade, 426, started)
            await _send_quietly(stream, _UPGRADE_REQUIRED)
            await stream.aclose()
            return None
        endpoint = self.app.websocket_endpoints.get(upgrade.path)
        if endpoint is None:
            await self._refuse(stream, upgrade, Refuse(404, "Not Found"), started)
            return None
        # authorize may run app code that blocks (a token lookup): give it a portal.
        decision = await portal.call(admit, self.app, endpoint, upgrade)
        if isinstance(decision, Refuse):
            await self._refuse(stream, upgrade, decision, started)
            return None
        offers = [
            o.strip() for o in headers.get("sec-websocket-extensions", "").split(",") if o.strip()
        ]
        settings = self.app.settings
        response, extensions = handshake_response(
            headers["sec-websocket-key"].encode("latin-1"),
            offers,
            settings.ws_compression,
            settings.ws_max_message_size,
        )
        log_upgrade(self.app, upgrade, 101, started)
        if not await _send_quietly(stream, response):
            await stream.aclose()
            return None
        conn = open_connection(self.app, upgrade, decision)
        transport = DirectWebSocket(stream, conn, self.app.settings, extensions, buf[head_end:])
        return transport, endpoint.on_connect

    async def _refuse(
        self, stream: trio.SocketStream, upgrade: UpgradeRequest, refusal: Refuse, started: float
    ) -> None:
        log_upgrade(self.app, upgrade, refusal.status, started)
        await _send_quietly(stream, refusal_response(refusal))
        await stream.aclose()


def refusal_response(refusal: Refuse) -> bytes:
    """An HTTP/1.1 answer to an upgrade we do not take; the connection then closes."""
    body = refusal.reason.encode("utf-8")
    return (
        b"HTTP/1.1 %d %s\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Length: %d\r\nConnection: close\r\n\r\n"
        % (refusal.status, refusal.reason.encode("latin-1", "replace"), len(body))
    ) + body


def _valid_key(key: str) -> bool:
    """RFC 6455 §4.1: the key is the base64 encoding of 16 bytes."""
    try:
        return len(base64.b64decode(key, validate=True)) == 16
    except ValueError:
        return False


def _peer_ip(stream: trio.SocketStream) -> str:
    try:
        return str(stream.socket.getpeername()[0])
    except OSError:
        return ""


async def _send_quietly(stream: trio.SocketStream, data: bytes) -> bool:
    """send_all, False if the peer is already gone."""
    try:
        await stream.send_all(data)
    except (trio.BrokenResourceError, trio.ClosedResourceError):
        return False
    return True
